"""The ``govmodel`` command line: a thin shell over the library.

Exit codes: 0 success (for ``check``: no errors), 1 the command worked and
found errors, 2 unusable input or arguments. Errors are located messages on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from govmodel.errors import GovModelError, OverwriteRefused

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Handler, str]] = {}


class UsageError(GovModelError, ValueError):
    """A bad command-line argument (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nRun `{self.prog} --help` for the options.\n")


def command(
    name: str, help: str
) -> Callable[[Callable[[argparse.ArgumentParser], None]], Callable[[Handler], Handler]]:
    """Register a sub-command: decorate its argument set-up, then its handler."""

    def configure(setup: Callable[[argparse.ArgumentParser], None]) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            _COMMANDS[name] = (setup, handler, help)
            return handler

        return register

    return configure


def iso_date(text: str) -> date:
    """argparse type for ``--on``: an ISO date with a helpful error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-09-01"
        ) from None


def load_model(path: str) -> Any:
    """Load a model file for a command (errors propagate as ModelError, exit 2)."""
    from govmodel.io.files import load

    return load(path)


def emit(
    text: str, output: str | None, *, protect: Sequence[str | None] = (), force: bool = False
) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from govmodel.io.files import write_atomic

    if Path(output).exists() and not force and output not in protect:
        raise OverwriteRefused(
            f"{output} already exists; pass --force to replace it, or choose another path."
        )
    write_atomic(output, text, protect=tuple(protect))
    print(f"wrote {output}", file=sys.stderr)


def to_json(data: Any) -> str:
    """Deterministic JSON for ``--format json``."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# -- example -------------------------------------------------------------------------------


def _example_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="example name (see --list)")
    p.add_argument("--list", action="store_true", help="list the bundled examples")
    p.add_argument("-o", "--output", help="write the model file here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


@command("example", "bundled example models of real arrangements")(_example_args)
def _example(args: argparse.Namespace) -> int:
    from govmodel import examples

    if args.list or not args.name:
        for name in examples.names():
            print(f"{name:<26} {examples.describe(name)}")
        return 0
    emit(examples.text(args.name), args.output, force=args.force)
    return 0


# -- show ----------------------------------------------------------------------------------


def _show_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file (YAML or JSON)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--on", type=iso_date, help="show the model as it stood on this date")


@command("show", "summary of a model, or the whole model as JSON")(_show_args)
def _show(args: argparse.Namespace) -> int:
    from govmodel.io.files import dumps

    model = load_model(args.file)
    if args.on:
        model = model.on(args.on)
    sys.stdout.write(dumps(model, format="json") if args.format == "json" else model.summary())
    return 0


# -- schema --------------------------------------------------------------------------------


def _schema_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", help="write the schema here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


@command("schema", "JSON Schema of model files")(_schema_args)
def _schema(args: argparse.Namespace) -> int:
    from govmodel.io.schema import model_schema

    emit(to_json(model_schema()), args.output, force=args.force)
    return 0


# -- main ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (sub-commands from every command module)."""
    from govmodel import (
        __version__,
        cli_check,  # noqa: F401  (registers check)
        cli_law,  # noqa: F401  (registers law commands)
        cli_render,  # noqa: F401  (registers draw and table)
    )

    parser = _Parser(
        prog="govmodel",
        description=(
            "Model English NHS partnership governance: lawful forms on a date, "
            "scheme-of-delegation checks, accountability paths, diagrams."
        ),
    )
    parser.add_argument("--version", action="version", version=f"govmodel {__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (setup, handler, help) in _COMMANDS.items():
        sub = subs.add_parser(name, help=help, description=help)
        setup(sub)
        sub.set_defaults(handler=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.handler(args)
    except GovModelError as exc:
        print(f"govmodel {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `govmodel rules | head`
        return 0
    except KeyboardInterrupt:
        return 130
    return code
