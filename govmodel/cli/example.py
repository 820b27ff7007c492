"""``govmodel example``: the bundled example models."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, add_output, emit, write_stdout

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="example name (see --list)")
    p.add_argument("--list", action="store_true", help="list the bundled examples")
    add_output(p, required=False, help="write the model file here (`-`: standard output)")


def _run(args: argparse.Namespace) -> int:
    from govmodel import examples

    if args.list or not args.name:
        write_stdout("".join(f"{n:<26} {examples.describe(n)}\n" for n in examples.names()))
        return 0
    emit(examples.text(args.name), args.output, force=args.force)
    return 0


COMMAND = Command(
    name="example",
    help="bundled example models of real arrangements",
    configure=_configure,
    run=_run,
)
