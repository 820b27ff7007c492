"""``govmodel table``: the scheme of delegation, authority matrix and membership tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from govmodel.cli.common import Command, add_output, emit, iso_date, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    add_output(
        p,
        required=True,
        help="output file: .xlsx (all three tables) or .csv (one table); `-` writes CSV "
        "to standard output",
    )
    p.add_argument(
        "--kind",
        choices=["delegation", "authority", "membership"],
        default="delegation",
        help="table for CSV output (default: delegation)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.tables import csv_text, excel_bytes

    suffix = ".csv" if args.output == "-" else Path(args.output).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError(f"-o {args.output}: the file must end in .xlsx or .csv")
    model = load_model(args.file)
    if suffix == ".xlsx":
        data: str | bytes = excel_bytes(model, on=args.on)
    else:
        data = csv_text(model, kind=args.kind, on=args.on)
    emit(data, args.output, protect=(args.file,), force=args.force)
    return 0


COMMAND = Command(
    name="table",
    help="scheme of delegation, authority matrix and membership tables",
    configure=_configure,
    run=_run,
)
