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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.errors import OutputError, UsageError

if TYPE_CHECKING:
    from govmodel.law.facts import Facts
    from govmodel.model.governance import GovernanceModel
    from govmodel.model.records import Assumption

__all__ = [
    "STDOUT",
    "Command",
    "add_output",
    "answer",
    "emit",
    "iso_date",
    "judged_model",
    "load_model",
    "note",
    "parties_given",
    "party_option",
    "pounds",
    "stated_facts",
    "to_json",
    "what_if_note",
    "what_if_options",
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


def party_option(p: argparse.ArgumentParser) -> None:
    """Add ``--party TYPE[=NAME]`` (repeatable): the parties a command judges."""
    p.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="TYPE[=NAME]",
        help="a party type or alias, optionally named (repeat for each party)",
    )


def parties_given(options: Sequence[str]) -> list[Any]:
    """The ``--party`` options as party types, or ``(type, name)`` pairs where named."""
    parties: list[Any] = []
    for spec in options:
        ptype, _, name = spec.partition("=")
        parties.append((ptype, name) if name else ptype)
    return parties


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


# -- what-if: --assume and --fact on every command that judges a model ---------------------


def what_if_options(p: argparse.ArgumentParser) -> None:
    """Add ``--assume ID.FIELD=VALUE`` and ``--fact NAME[@PARTY]=yes|no`` (both
    repeatable): the options every command that judges a model takes."""
    p.add_argument(
        "--assume",
        action="append",
        default=[],
        metavar="ID.FIELD=VALUE",
        help="judge as if a record's field had this value, e.g. provide.type=nhs_trust "
        "(repeatable; the file is not changed)",
    )
    p.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="NAME[@PARTY]=yes|no",
        help="state a fact the rulebook's conditions read (repeatable; "
        "`govmodel rules --facts` lists them)",
    )


def judged_model(args: argparse.Namespace) -> GovernanceModel:
    """The model a judging command reads: ``args.file`` (a model or a scenario file)
    with ``--assume`` and ``--fact`` applied; a bad option is a located error (exit 2)."""
    from govmodel.io.assume import Change, FactChange, assume

    model = load_model(args.file)
    changes = [Change.parse(option) for option in getattr(args, "assume", [])]
    facts = [FactChange.parse(option) for option in getattr(args, "fact", [])]
    return assume(model, changes, facts, source="what-if (--assume, --fact)")


def stated_facts(options: Sequence[str]) -> tuple[Facts, tuple[Assumption, ...]]:
    """``--fact`` options for parties given with ``--party`` (no model): the facts,
    with each party named as given, and what was stated, for the answer to show."""
    from govmodel.io.assume import FactChange, unknown_fact
    from govmodel.law.facts import Facts, parse_fact_value
    from govmodel.locations import Problem
    from govmodel.model.records import Assumption

    items, stated, problems = [], [], []
    for option in options:
        change = FactChange.parse(option)
        unknown = unknown_fact(change)
        try:
            value = parse_fact_value(change.value)
        except ValueError as exc:
            problems.append(Problem((change.fact,), str(exc), None, change.origin))
            continue
        if unknown is not None:
            problems.append(unknown)
            continue
        items.append((change.fact, change.organisation, value))
        target = f"{change.fact}@{change.organisation}" if change.organisation else change.fact
        stated.append(
            Assumption(
                kind="fact", target=target, value=json.dumps(value), origin=str(change.origin)
            )
        )
    if problems:
        raise UsageError("; ".join(p.render() for p in problems))
    return Facts.of(items), tuple(stated)


def what_if_note(assumed: Sequence[Assumption], source: str | None = None) -> str:
    """The lines an answer starts with when it rests on what-if assumptions ("" if none)."""
    if not assumed:
        return ""
    where = f" (not in {Path(source).name})" if source else ""
    lines = [f"What-if: this answer assumes{where}"]
    lines += [f"  - {a}  [{a.origin}]" for a in assumed]
    return "\n".join(lines) + "\n\n"


def answer(
    text: str,
    data: dict[str, Any],
    *,
    json_format: bool,
    assumed: Sequence[Assumption] = (),
    source: str | None = None,
) -> None:
    """Print a judging command's answer: ``data`` as JSON (with ``assumed`` listing
    every assumption, when there are any) or ``text`` headed by what was assumed."""
    if json_format:
        extra = {"assumed": [a.to_dict() for a in assumed]} if assumed else {}
        write_stdout(to_json({**data, **extra}))
    else:
        write_stdout(what_if_note(assumed, source) + text)
