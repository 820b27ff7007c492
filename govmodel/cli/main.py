"""The ``govmodel`` command line: a thin shell over the library.

Exit codes: 0 success (for ``check``: no errors), 1 the command worked and
found errors, 2 unusable input or arguments. Errors are located messages on
stderr, never a traceback.

:data:`COMMANDS` is the one list of sub-commands, in the order ``--help``
shows them; each comes from its own module.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from govmodel.cli import (
    advise,
    cases,
    check,
    diff,
    draw,
    example,
    export,
    forms,
    importer,
    newcheck,
    pack,
    policy,
    rules,
    schema,
    show,
    table,
    timeline,
    trace,
    what,
    who,
)
from govmodel.cli.common import STDOUT, Command, note
from govmodel.errors import GovModelError, OutputError
from govmodel.io.output import os_reason
from govmodel.model.kinds import closest

__all__ = ["COMMANDS", "build_parser", "main"]

#: Every sub-command, in the order ``govmodel --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    example.COMMAND,
    show.COMMAND,
    schema.COMMAND,
    check.COMMAND,
    policy.COMMAND,
    cases.COMMAND,
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
    newcheck.COMMAND,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        from govmodel.render.escape import terminal

        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.print_usage(sys.stderr)
        mistyped = re.search(r"invalid choice: '([^']*)'", message)
        if mistyped and "COMMAND" in message:
            guess = closest(mistyped.group(1), [c.name for c in COMMANDS])
            if guess:
                message += f". Did you mean {' or '.join(repr(g) for g in guess)}?"
        self.exit(
            2,
            terminal(f"{self.prog}: error: {message}\nRun `{self.prog} --help` for the options.\n"),
        )

    def _print_message(self, message: str, file: Any = None) -> None:
        from govmodel.render.escape import terminal

        with contextlib.suppress(OSError, ValueError, AttributeError):
            super()._print_message(terminal(message), file)


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
    """Run the command line; returns the exit code.

    Every failure is one message on standard error and an exit code: 2 for
    unusable input, arguments or output (a file that cannot be written, standard
    output closed, full or a broken pipe), 130 when interrupted - never a
    traceback (``GOVMODEL_DEBUG=1`` shows one for an internal error).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            parser.print_help(sys.stderr)
        return 2
    given = sys.stdout
    # Every command's output is escaped for the terminal and fails loudly: print()
    # to a closed standard output would otherwise say nothing at all.
    sys.stdout = _ClosedStdout() if given is None else _Terminal(given)
    try:
        code: int = args.handler(args)
        _flush_stdout()
    except GovModelError as exc:
        if isinstance(exc, OutputError) and exc.path == STDOUT:
            _silence_stdout()
        note(f"govmodel {args.command}: {exc}")
        return 2
    except KeyboardInterrupt:
        note(f"govmodel {args.command}: interrupted")
        return 130
    except RecursionError:
        note(f"govmodel {args.command}: the input is nested too deeply to process")
        return 2
    except MemoryError:
        note(f"govmodel {args.command}: out of memory; the input is too large")
        return 2
    except Exception as exc:  # a bug: say so in one line, never a traceback
        if os.environ.get("GOVMODEL_DEBUG"):
            raise
        note(
            f"govmodel {args.command}: internal error ({exc.__class__.__name__}: {exc}); "
            "this is a bug in govmodel: please report it with the command and its input"
        )
        return 2
    finally:
        sys.stdout = given
    return code


class _Terminal(io.TextIOBase):
    """Standard output with controls shown (see :func:`govmodel.render.escape.terminal`)
    and every failure an :class:`~govmodel.errors.OutputError`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        from govmodel.render.escape import terminal

        try:
            self._inner.write(terminal(text))
        except OSError as exc:
            raise OutputError(STDOUT, os_reason(exc), exc.errno) from None
        except ValueError:
            raise OutputError(STDOUT, "it is closed") from None
        return len(text)

    def flush(self) -> None:
        try:
            self._inner.flush()
        except OSError as exc:
            raise OutputError(STDOUT, os_reason(exc), exc.errno) from None
        except ValueError:
            raise OutputError(STDOUT, "it is closed") from None

    @property
    def buffer(self) -> Any:
        return self._inner.buffer

    def isatty(self) -> bool:
        return bool(self._inner.isatty())

    def fileno(self) -> int:
        return int(self._inner.fileno())


class _ClosedStdout(io.TextIOBase):
    """Standard output when the process was started with it closed."""

    def write(self, text: str) -> int:
        raise OutputError(STDOUT, "it is closed")


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise OutputError(STDOUT, os_reason(exc), exc.errno) from None
    except ValueError:
        raise OutputError(STDOUT, "it is closed") from None


def _silence_stdout() -> None:
    """After standard output failed, point it at the null device so the interpreter's
    final flush does not fail again (and print a traceback of its own)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
