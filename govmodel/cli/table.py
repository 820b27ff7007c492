"""``govmodel table``: the board-ready workbook, one table as CSV, or the workbook template."""

from __future__ import annotations

import argparse
from pathlib import Path

from govmodel.cli.common import Command, emit, iso_date, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="model file (with --template: fill the template)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .xlsx (the workbook) or .csv (one table; - for stdout)",
    )
    p.add_argument(
        "--kind",
        choices=["delegation", "authority", "membership"],
        default="delegation",
        help="table for CSV output (default: delegation)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument(
        "--template",
        action="store_true",
        help="write the scheme of delegation template that `govmodel import` reads "
        "(blank, or filled with FILE)",
    )
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.tables import csv_text, excel_bytes

    suffix = Path(args.output).suffix.lower()
    if args.template:
        from govmodel.io.template import write_workbook

        if suffix != ".xlsx":
            raise UsageError(f"-o {args.output}: the template is a workbook; end the name in .xlsx")
        model = load_model(args.file) if args.file else None
        emit(write_workbook(model), args.output, protect=(args.file,), force=args.force)
        return 0
    if not args.file:
        raise UsageError("give a model FILE, or --template for the blank workbook")
    if suffix not in (".xlsx", ".csv") and args.output != "-":
        raise UsageError(f"-o {args.output}: the file must end in .xlsx or .csv")
    model = load_model(args.file)
    data: str | bytes = (
        excel_bytes(model, on=args.on)
        if suffix == ".xlsx"
        else csv_text(model, kind=args.kind, on=args.on)
    )
    emit(data, args.output, protect=(args.file,), force=args.force)
    return 0


COMMAND = Command(
    name="table",
    help="scheme of delegation workbook or CSV tables; --template for the import template",
    configure=_configure,
    run=_run,
)
