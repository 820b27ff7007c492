"""What every command shares: the :class:`Command` record, argument types and output.

Nothing here registers anything: :mod:`govmodel.cli.main` lists the commands.
Every command writes through :func:`write_stdout` or :func:`emit`, so output is
escaped for the terminal, written files go through the one safe write path
(:func:`govmodel.io.output.write_output`) and every failure to write is one
:class:`~govmodel.errors.OutputError`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.errors import OutputError

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = [
    "STDOUT",
    "Command",
    "add_output",
    "emit",
    "iso_date",
    "load_model",
    "note",
    "pounds",
    "to_json",
    "write_stdout",
]

#: How standard output is named in messages.
STDOUT = "<standard output>"


@attrs.frozen(kw_only=True)
class Command:
    """One sub-command: its name and help, how it sets up its arguments, what it runs.

    ``run`` returns the exit code: 0 success, 1 the command worked and found
    errors; it raises a :class:`~govmodel.errors.GovModelError` for unusable
    input (exit 2).
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


#: The dates a command line accepts: those govmodel's law covers.
EARLIEST, LATEST = date(1948, 7, 5), date(2100, 12, 31)


def iso_date(text: str) -> date:
    """argparse type for ``--on``: a strict ISO date (as in model files), in range."""
    from govmodel.model.dates import parse_iso_date

    found = parse_iso_date(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-09-01"
        )
    if not EARLIEST <= found <= LATEST:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the dates govmodel's law covers "
            f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
        )
    return found


def pounds(text: str) -> int:
    """argparse type for sums of money: ``250000``, ``£250,000``, ``250k``."""
    from govmodel.io.schema import MAX_AMOUNT
    from govmodel.model.money import parse_pounds

    try:
        value = parse_pounds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value > MAX_AMOUNT:
        raise argparse.ArgumentTypeError(
            f"{text!r} is larger than any plausible amount (at most {MAX_AMOUNT:,})"
        )
    return value


def load_model(path: str) -> GovernanceModel:
    """Load a model file for a command (errors propagate as ModelError, exit 2)."""
    from govmodel.io.files import load

    return load(path)


def add_output(p: argparse.ArgumentParser, *, required: bool, help: str) -> None:
    """The ``-o/--output`` and ``--force`` options every writing command shares."""
    p.add_argument("-o", "--output", required=required, metavar="FILE", help=help)
    p.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never an input)"
    )


def write_stdout(data: str | bytes) -> None:
    """Write to standard output; text is escaped for the terminal (controls shown).

    Raises :class:`~govmodel.errors.OutputError` when standard output is closed,
    full or a pipe nobody reads.
    """
    from govmodel.io.output import os_reason
    from govmodel.render.escape import terminal

    stream = sys.stdout
    if stream is None:
        raise OutputError(STDOUT, "it is closed")
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
        else:
            stream.write(terminal(data))
    except OSError as exc:
        raise OutputError(STDOUT, os_reason(exc), exc.errno) from None
    except ValueError:  # an I/O operation on a closed file
        raise OutputError(STDOUT, "it is closed") from None


def note(message: str) -> None:
    """A line for the user on standard error (``wrote FILE``); never fails."""
    from govmodel.render.escape import terminal

    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(terminal(message), file=sys.stderr)


def emit(
    data: str | bytes,
    output: str | None,
    *,
    protect: Sequence[str | None] = (),
    force: bool = False,
) -> None:
    """Print ``data``, or write it to ``output`` (``-`` is standard output) through
    the one safe write path: an existing file only with ``force``, never an input."""
    if output is None or output == "-":
        write_stdout(data)
        return
    from govmodel.io.output import write_output

    write_output(output, data, overwrite=force, protect=protect)
    note(f"wrote {output}")


_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def to_json(data: Any) -> str:
    """Deterministic JSON for ``--format json``; DEL, C1 and bidirectional controls
    are written as escapes (json leaves them raw)."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
