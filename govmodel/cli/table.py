"""``govmodel table``: the scheme of delegation, authority matrix and membership tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli.common import Command, iso_date, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .xlsx (all three tables) or .csv (one table)",
    )
    p.add_argument(
        "--kind",
        choices=["delegation", "authority", "membership"],
        default="delegation",
        help="table for CSV output (default: delegation)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.tables import export_csv, export_excel

    model = load_model(args.file)
    suffix = Path(args.output).suffix.lower()
    if suffix == ".xlsx":
        export_excel(model, args.output, on=args.on, protect=(args.file,))
    elif suffix == ".csv":
        export_csv(model, args.output, kind=args.kind, on=args.on, protect=(args.file,))
    else:
        raise UsageError(f"-o {args.output}: the file must end in .xlsx or .csv")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


COMMAND = Command(
    name="table",
    help="scheme of delegation, authority matrix and membership tables",
    configure=_configure,
    run=_run,
)
