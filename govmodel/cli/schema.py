"""``govmodel schema``: the JSON Schema of model files (or of policy or case files)."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, add_output, emit, to_json

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group()
    which.add_argument("--policy", action="store_true", help="the schema of policy files")
    which.add_argument("--cases", action="store_true", help="the schema of case files")
    add_output(p, required=False, help="write the schema here (`-`: standard output)")


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.schema import model_schema, policy_file_schema

    if args.cases:
        from govmodel.cases import case_file_schema

        schema = case_file_schema()
    else:
        schema = policy_file_schema() if args.policy else model_schema()
    emit(to_json(schema), args.output, force=args.force)
    return 0


COMMAND = Command(
    name="schema",
    help="JSON Schema of model files (--policy: policy files; --cases: case files)",
    configure=_configure,
    run=_run,
)
