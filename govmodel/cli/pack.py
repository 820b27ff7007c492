"""``govmodel pack``: the board-paper pack as HTML, Word or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli.common import Command, iso_date, judged_model, what_if_note, what_if_options
from govmodel.errors import OverwriteRefused, UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o", "--output", required=True, help="output file: .html, .docx or .pdf (Chromium)"
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument(
        "--highlight", metavar="ID", help="mark this body's accountability paths on the diagrams"
    )
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    what_if_options(p)


def _run(args: argparse.Namespace) -> int:
    from govmodel.pack import FORMATS, pack

    target = Path(args.output)
    if target.suffix.lower() not in FORMATS:
        raise UsageError(f"-o {args.output}: the file must end in one of {', '.join(FORMATS)}")
    if target.exists() and not args.force:
        raise OverwriteRefused(
            f"{args.output} already exists; pass --force to replace it, or choose another path."
        )
    model = judged_model(args)
    sys.stderr.write(what_if_note(model.assumed, model.source))
    pack(model, target, on=args.on, highlight=args.highlight, protect=(args.file,))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


COMMAND = Command(
    name="pack",
    help="board-paper pack: forms, classification, findings, traces, scheme, diagrams",
    configure=_configure,
    run=_run,
)
