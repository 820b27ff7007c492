"""``govmodel trace``: accountability paths from a body, post or delegation."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, iso_date, load_model, write_stdout

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("subject", help="id of a body, post, delegation or organisation")
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.trace import trace

    result = trace(load_model(args.file), args.subject, on=args.on)
    write_stdout(result.to_json() if args.format == "json" else str(result))
    return 0


COMMAND = Command(
    name="trace",
    help="accountability paths from a body, post or delegation",
    configure=_configure,
    run=_run,
)
