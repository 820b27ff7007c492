"""``govmodel schema``: the JSON Schema of model files."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, emit, to_json

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", help="write the schema here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.schema import model_schema

    emit(to_json(model_schema()), args.output, force=args.force)
    return 0


COMMAND = Command(name="schema", help="JSON Schema of model files", configure=_configure, run=_run)
