"""Command-line commands for the law: ``forms``, ``rules``, ``rule``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from govmodel.cli import UsageError, command, iso_date, load_model, to_json

__all__: list[str] = []


def _forms_args(p: argparse.ArgumentParser) -> None:
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


@command("forms", "which governance forms are lawful for a set of partners on a date")(_forms_args)
def _forms(args: argparse.Namespace) -> int:
    from govmodel.law.verdicts import forms

    if args.file and args.party:
        raise UsageError("give either a model FILE or --party options, not both")
    if args.file:
        result = load_model(args.file).forms(on=args.on)
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
        sys.stdout.write(str(explanation))
        return 0
    sys.stdout.write(result.to_json() if args.format == "json" else str(result))
    return 0


def _rules_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--on", type=iso_date, help="only rules in force on this date")
    p.add_argument("--form", help="only rules about this governance form")
    p.add_argument("--format", choices=["table", "json"], default="table")


def rule_dict(rule: Any) -> dict[str, Any]:
    """A rule as JSON-ready data."""
    return {
        "id": rule.id,
        "title": rule.title,
        "statement": rule.statement,
        "forms": sorted(f.value for f in rule.forms),
        "effect": rule.effect.value,
        "parties": sorted(t.value for t in rule.parties),
        "in_force": {
            "from": rule.in_force.start.isoformat() if rule.in_force.start else None,
            "to": rule.in_force.end.isoformat() if rule.in_force.end else None,
        },
        "citations": [{"text": c.text, "url": c.url} for c in rule.citations],
        "basis": rule.basis.value,
        "confidence": rule.confidence.value,
        "disputed": rule.dispute,
        "note": rule.note,
        "since": rule.since,
        "retired": rule.retired,
    }


@command("rules", "the rulebook: every rule with its citation, dates and confidence")(_rules_args)
def _rules(args: argparse.Namespace) -> int:
    from govmodel.law.rules import rulebook
    from govmodel.model.kinds import FormId

    rules = list(rulebook())
    if args.on:
        rules = [r for r in rules if r.in_force_on(args.on)]
    if args.form:
        form = FormId.parse(args.form)
        rules = [r for r in rules if r.concerns(form)]
    if args.format == "json":
        on = args.on.isoformat() if args.on else None
        sys.stdout.write(to_json({"on": on, "rules": [rule_dict(r) for r in rules]}))
        return 0
    for r in rules:
        print(f"{r.id:<9} {r.effect.value:<8} {r.in_force!s:<26} {r.confidence.value:<6} {r.title}")
    print(f"\n{len(rules)} rules. `govmodel rule ID` shows one in full.")
    return 0


def _rule_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="rule id, e.g. JC-005")
    p.add_argument("--format", choices=["text", "json"], default="text")


@command("rule", "one rule in full")(_rule_args)
def _rule(args: argparse.Namespace) -> int:
    from govmodel.law.rules import get
    from govmodel.render.text import wrap

    rule = get(args.id)
    if args.format == "json":
        sys.stdout.write(to_json(rule_dict(rule)))
        return 0
    print(f"{rule.id}: {rule.title}")
    print(wrap(rule.statement, indent="  "))
    print(f"  effect:     {rule.effect.value}")
    forms = ", ".join(sorted(f.value for f in rule.forms)) or "(schemes of delegation)"
    print(f"  forms:      {forms}")
    print(f"  parties:    {', '.join(sorted(t.value for t in rule.parties)) or 'any'}")
    print(f"  in force:   {rule.in_force}")
    print(f"  basis:      {rule.basis.value}, confidence {rule.confidence.value}")
    for c in rule.citations:
        print(f"  citation:   {c.text}\n              {c.url}")
    if rule.dispute:
        print("  DISPUTED:\n" + wrap(rule.dispute, indent="    "))
    if rule.note:
        print("  note:\n" + wrap(rule.note, indent="    "))
    print(f"  added in govmodel {rule.since}")
    return 0


# -- trace and who -------------------------------------------------------------------------


def _trace_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("subject", help="id of a body, post, delegation or organisation")
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["text", "json"], default="text")


@command("trace", "accountability paths from a body, post or delegation")(_trace_args)
def _trace(args: argparse.Namespace) -> int:
    from govmodel.trace import trace

    result = trace(load_model(args.file), args.subject, on=args.on)
    sys.stdout.write(result.to_json() if args.format == "json" else str(result))
    return 0


def _who_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("matter", help="matter id (e.g. approve_expenditure)")
    p.add_argument("--amount", type=int, help="amount in whole pounds the decision involves")
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["table", "json"], default="table")


@command("who", "who can decide a matter, and through which chain")(_who_args)
def _who(args: argparse.Namespace) -> int:
    from govmodel.authority import who_can_decide

    model = load_model(args.file)
    day = args.on or model.as_of
    holders = who_can_decide(model, args.matter, amount=args.amount, on=day)
    if args.format == "json":
        sys.stdout.write(
            to_json(
                {
                    "matter": args.matter,
                    "amount": args.amount,
                    "on": day.isoformat(),
                    "holders": [g.to_dict() for g in holders],
                }
            )
        )
        return 0
    amount = f" for £{args.amount:,}" if args.amount is not None else ""
    print(f"Who can decide {args.matter}{amount} on {day.isoformat()}:")
    for g in holders:
        limit = "no limit" if g.limit is None else f"up to £{g.limit:,}"
        print(f"  {g.holder:<34} for {g.organisation:<14} {limit:<18} {' -> '.join(g.chain)}")
    if not holders:
        print("  nobody in the model")
    return 0
