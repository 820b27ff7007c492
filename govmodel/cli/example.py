"""``govmodel example``: the bundled example models."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, emit

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="example name (see --list)")
    p.add_argument("--list", action="store_true", help="list the bundled examples")
    p.add_argument("-o", "--output", help="write the model file here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel import examples

    if args.list or not args.name:
        for name in examples.names():
            print(f"{name:<26} {examples.describe(name)}")
        return 0
    emit(examples.text(args.name), args.output, force=args.force)
    return 0


COMMAND = Command(
    name="example",
    help="bundled example models of real arrangements",
    configure=_configure,
    run=_run,
)
