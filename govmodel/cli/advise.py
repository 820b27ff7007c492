"""``govmodel advise``: the lawful forms ranked for what the partners want, explained."""

from __future__ import annotations

import argparse
import sys

from govmodel.cli.common import (
    Command,
    answer,
    iso_date,
    parties_given,
    party_option,
    stated_facts,
    to_json,
)
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    party_option(p)
    p.add_argument("--on", type=iso_date, help="date of the advice (required)")
    p.add_argument(
        "--aim",
        action="append",
        default=[],
        metavar="AIM",
        help="what the partners want (repeatable; --list-aims lists them)",
    )
    p.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="NAME[@PARTY]=yes|no",
        help="state a fact the rulebook's conditions read (repeatable)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--list-aims", action="store_true", help="list the aims and what each asks")


def _list_aims(fmt: str) -> int:
    from govmodel.law.aims import aims

    table = aims()
    if fmt == "json":
        sys.stdout.write(
            to_json(
                [
                    {"aim": a.id, "title": a.title, "question": a.question}
                    for a in table.aims.values()
                ]
            )
        )
        return 0
    width = max(len(a) for a in table.aims)
    for a in table.aims.values():
        print(f"{a.id:<{width}}  {a.title}: {a.question}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from govmodel.errors import UnknownKind
    from govmodel.law.advice import advise

    if args.list_aims:
        return _list_aims(args.format)
    if not args.party:
        raise UsageError("give the partners with --party TYPE[=NAME], one for each")
    if args.on is None:
        raise UsageError(
            "--on DATE is required (advice is always as of a date), e.g. --on 2020-09-01"
        )
    if not args.aim:
        raise UsageError("give at least one --aim; `govmodel advise --list-aims` lists them")
    parties = parties_given(args.party)
    facts, stated = stated_facts(args.fact)
    try:
        advice = advise(parties, on=args.on, aims=args.aim, facts=facts)
    except UnknownKind as exc:
        if exc.label != "aim":
            raise
        raise UsageError(f"--aim {exc}") from None
    answer(str(advice), advice.to_dict(), json_format=args.format == "json", assumed=stated)
    return 0


COMMAND = Command(
    name="advise",
    help="rank the lawful forms for the partners' aims, with trade-offs and what each takes",
    configure=_configure,
    run=_run,
)
