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
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument(
        "--explain", metavar="FORM", help="show every rule considered for one form, held or not"
    )


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.forms import forms

    if args.file and args.party:
        raise UsageError("give either a model FILE or --party options, not both")
    if args.file:
        result = forms(load_model(args.file), on=args.on)
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
        result = forms(parties, on=args.on)
    else:
        raise UsageError("give a model FILE or at least one --party TYPE")
    if args.explain:
        from govmodel.model.kinds import FormId

        explanation = result.explain(FormId.parse(args.explain))
        write_stdout(str(explanation))
        return 0
    write_stdout(result.to_json() if args.format == "json" else str(result))
    return 0


COMMAND = Command(
    name="forms",
    help="which governance forms are lawful for a set of partners on a date",
    configure=_configure,
    run=_run,
)
