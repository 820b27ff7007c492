"""``govmodel schema``: the JSON Schema of model files."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, add_output, emit, to_json

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    add_output(p, required=False, help="write the schema here (`-`: standard output)")


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.schema import model_schema

    emit(to_json(model_schema()), args.output, force=args.force)
    return 0


COMMAND = Command(name="schema", help="JSON Schema of model files", configure=_configure, run=_run)
