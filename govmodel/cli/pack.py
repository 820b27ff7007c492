"""``govmodel pack``: the board-paper pack as HTML, Word or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from govmodel.cli.common import Command, iso_date, judged_model, note, what_if_note, what_if_options
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
        raise OverwriteRefused(args.output)
    model = judged_model(args)
    if model.assumed:
        note(what_if_note(model.assumed, model.source).rstrip())
    pack(
        model,
        target,
        on=args.on,
        highlight=args.highlight,
        protect=(args.file,),
        overwrite=args.force,
    )
    note(f"wrote {args.output}")
    return 0


COMMAND = Command(
    name="pack",
    help="board-paper pack: forms, classification, findings, traces, scheme, diagrams",
    configure=_configure,
    run=_run,
)
