"""The ``govmodel`` command line: a thin shell over the library.

Exit codes: 0 success (for ``check``: no errors), 1 the command worked and
found errors, 2 unusable input or arguments. Errors are located messages on
stderr, never a traceback.

:data:`COMMANDS` is the one list of sub-commands, in the order ``--help``
shows them; each comes from its own module.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from govmodel.cli import (
    advise,
    check,
    diff,
    draw,
    example,
    export,
    forms,
    importer,
    pack,
    rules,
    schema,
    show,
    table,
    timeline,
    trace,
    what,
    who,
)
from govmodel.cli.common import Command
from govmodel.errors import GovModelError
from govmodel.model.kinds import closest

__all__ = ["COMMANDS", "build_parser", "main"]

#: Every sub-command, in the order ``govmodel --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    example.COMMAND,
    show.COMMAND,
    schema.COMMAND,
    check.COMMAND,
    forms.COMMAND,
    diff.COMMAND,
    advise.COMMAND,
    rules.RULES,
    rules.RULE,
    trace.COMMAND,
    who.COMMAND,
    what.COMMAND,
    timeline.COMMAND,
    draw.COMMAND,
    pack.COMMAND,
    table.COMMAND,
    importer.COMMAND,
    export.COMMAND,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        mistyped = re.search(r"invalid choice: '([^']*)'", message)
        if mistyped and "COMMAND" in message:
            guess = closest(mistyped.group(1), [c.name for c in COMMANDS])
            if guess:
                message += f". Did you mean {' or '.join(repr(g) for g in guess)}?"
        self.exit(2, f"{self.prog}: error: {message}\nRun `{self.prog} --help` for the options.\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, one sub-command per entry of :data:`COMMANDS`."""
    from govmodel import __version__

    parser = _Parser(
        prog="govmodel",
        description=(
            "Model English NHS partnership governance: lawful forms on a date, "
            "scheme-of-delegation checks, accountability paths, diagrams."
        ),
    )
    parser.add_argument("--version", action="version", version=f"govmodel {__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        sub = subs.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(handler=command.run)
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
