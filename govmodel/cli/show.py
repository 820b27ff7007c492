"""``govmodel show``: a summary of a model, or the whole model as JSON."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, iso_date, load_model, write_stdout

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file (YAML or JSON)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--on", type=iso_date, help="show the model as it stood on this date")


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.files import dumps

    model = load_model(args.file)
    if args.on:
        model = model.on(args.on)
    write_stdout(dumps(model, format="json") if args.format == "json" else model.summary())
    return 0


COMMAND = Command(
    name="show",
    help="summary of a model, or the whole model as JSON",
    configure=_configure,
    run=_run,
)
