"""``govmodel forms``: which governance forms are lawful for a set of partners on a date."""

from __future__ import annotations

import argparse
from typing import Any

from govmodel.cli.common import Command, iso_date, load_model, write_stdout
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="model file whose partners to judge")
    p.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="TYPE[=NAME]",
        help="a party type or alias, optionally named (repeat for each party)",
    )
    p.add_argument(
        "--on",
        type=iso_date,
        help="date of the answer (required with --party; defaults to the model's as_of)",
    )
    p.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="NAME[@PARTY]=yes|no",
        help="a fact the rulebook's conditions read (repeatable; `govmodel rules --facts`)",
    )
    p.add_argument(
        "--all", action="store_true", help="show every form, also those about other party types"
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument(
        "--explain", metavar="FORM", help="show every rule considered for one form, held or not"
    )


def facts_from(options: list[str]) -> Any:
    """The ``--fact`` options as stated facts; a mistyped name gets the closest ones."""
    from govmodel.law.facts import Facts, parse_fact_option
    from govmodel.law.rules import rulebook
    from govmodel.model.kinds import closest

    known = rulebook().facts
    items = []
    for option in options:
        try:
            fact, party, value = parse_fact_option(option)
        except ValueError as exc:
            raise UsageError(f"--fact {exc}") from None
        if fact not in known:
            guess = closest(fact, known)
            hint = f" Did you mean {' or '.join(repr(g) for g in guess)}?" if guess else ""
            raise UsageError(
                f"--fact {option}: {fact!r} is not a fact the rulebook asks about.{hint} "
                "`govmodel rules --facts` lists them."
            )
        items.append((fact, party, value))
    return Facts.of(items)


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.forms import forms

    facts = facts_from(args.fact)
    if args.file and args.party:
        raise UsageError("give either a model FILE or --party options, not both")
    if args.file:
        result = forms(load_model(args.file), on=args.on, facts=facts)
    elif args.party:
        if args.on is None:
            raise UsageError(
                "--on DATE is required with --party (answers are always as of "
                "a date), e.g. --on 2020-09-01"
            )
        parties: list[Any] = []
        for spec in args.party:
            ptype, _, name = spec.partition("=")
            parties.append((ptype, name) if name else ptype)
        result = forms(parties, on=args.on, facts=facts)
    else:
        raise UsageError("give a model FILE or at least one --party TYPE")
    if args.explain:
        from govmodel.model.kinds import FormId

        explanation = result.explain(FormId.parse(args.explain))
        write_stdout(str(explanation))
        return 0
    write_stdout(result.to_json() if args.format == "json" else result.render(every_form=args.all))
    return 0


COMMAND = Command(
    name="forms",
    help="which governance forms are lawful for a set of partners on a date",
    configure=_configure,
    run=_run,
)
