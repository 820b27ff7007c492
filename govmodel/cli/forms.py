"""``govmodel forms``: which governance forms are lawful for a set of partners on a date."""

from __future__ import annotations

import argparse

from govmodel.cli.common import (
    Command,
    answer,
    iso_date,
    judged_model,
    parties_given,
    party_option,
    stated_facts,
    what_if_options,
)
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="model file whose partners to judge")
    party_option(p)
    p.add_argument(
        "--on",
        type=iso_date,
        help="date of the answer (required with --party; defaults to the model's as_of)",
    )
    what_if_options(p)
    p.add_argument(
        "--all", action="store_true", help="show every form, also those about other party types"
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument(
        "--explain", metavar="FORM", help="show every rule considered for one form, held or not"
    )


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.forms import forms

    if args.file and args.party:
        raise UsageError("give either a model FILE or --party options, not both")
    if args.file:
        model = judged_model(args)
        assumed, source = model.assumed, model.source
        result = forms(model, on=args.on)
    elif args.party:
        if args.assume:
            raise UsageError(
                "--assume changes a record of a model FILE; with --party, give the "
                "party types you want to judge instead"
            )
        facts, assumed = stated_facts(args.fact)
        source = None
        if args.on is None:
            raise UsageError(
                "--on DATE is required with --party (answers are always as of "
                "a date), e.g. --on 2020-09-01"
            )
        parties = parties_given(args.party)
        result = forms(parties, on=args.on, facts=facts)
    else:
        raise UsageError("give a model FILE or at least one --party TYPE")
    if args.explain:
        from govmodel.model.kinds import FormId

        explanation = result.explain(FormId.parse(args.explain))
        answer(
            str(explanation),
            {},
            json_format=False,
            assumed=assumed,
            source=source,
        )
        return 0
    answer(
        result.render(every_form=args.all),
        result.to_dict(),
        json_format=args.format == "json",
        assumed=assumed,
        source=source,
    )
    return 0


COMMAND = Command(
    name="forms",
    help="which governance forms are lawful for a set of partners on a date",
    configure=_configure,
    run=_run,
)
