"""What every command shares: the :class:`Command` record, argument types and output.

Nothing here registers anything: :mod:`govmodel.cli.main` lists the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.errors import OverwriteRefused, UsageError

if TYPE_CHECKING:
    from govmodel.law.facts import Facts
    from govmodel.model.governance import GovernanceModel
    from govmodel.model.records import Assumption

__all__ = [
    "Command",
    "answer",
    "emit",
    "iso_date",
    "judged_model",
    "load_model",
    "parties_given",
    "party_option",
    "pounds",
    "stated_facts",
    "to_json",
    "what_if_note",
    "what_if_options",
]


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


def iso_date(text: str) -> date:
    """argparse type for ``--on``: an ISO date with a helpful error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-09-01"
        ) from None


def pounds(text: str) -> int:
    """argparse type for sums of money: ``250000``, ``£250,000``, ``250k``."""
    from govmodel.model.money import parse_pounds

    try:
        return parse_pounds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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


def emit(
    text: str | bytes,
    output: str | None,
    *,
    protect: Sequence[str | None] = (),
    force: bool = False,
) -> None:
    """Print ``text`` (``output`` is ``None`` or ``-``), or write it atomically to
    ``output``, refusing an existing file unless ``force``."""
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
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
        sys.stdout.write(to_json({**data, **extra}))
    else:
        sys.stdout.write(what_if_note(assumed, source) + text)
