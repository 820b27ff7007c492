"""``govmodel rules`` and ``govmodel rule``: the rulebook, and one rule in full."""

from __future__ import annotations

import argparse
from typing import Any

from govmodel.cli.common import Command, iso_date, to_json, write_stdout

__all__ = ["RULE", "RULES", "rule_dict"]


def _configure_rules(p: argparse.ArgumentParser) -> None:
    p.add_argument("--on", type=iso_date, help="only rules in force on this date")
    p.add_argument("--form", help="only rules about this governance form")
    p.add_argument(
        "--facts", action="store_true", help="list the facts the rules' conditions turn on"
    )
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
        "citations": [_citation(c) for c in rule.citations],
        "words": [{"quote": w.quote, "url": w.url} for w in rule.words],
        "family": rule.family,
        "fact": rule.fact,
        "amends": list(rule.amends),
        "replaces": list(rule.replaces),
        "cases": [_case(c) for c in rule.cases],
        "basis": rule.basis.value,
        "confidence": rule.confidence.value,
        "disputed": rule.dispute,
        "note": rule.note,
        "since": rule.since,
        "retired": rule.retired,
    }


def _citation(c: Any) -> dict[str, Any]:
    return {
        "text": c.text,
        "url": c.url,
        "kind": c.kind.value,
        "from": c.in_force.start.isoformat() if c.in_force.start else None,
        "to": c.in_force.end.isoformat() if c.in_force.end else None,
    }


def _case(c: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": c.kind, "on": c.on.isoformat()}
    for key in (
        "parties",
        "party",
        "exists",
        "matter",
        "reserved_to",
        "example",
        "finding",
        "trace",
        "classify",
        "character",
        "source",
        "note",
    ):
        value = getattr(c, key)
        if value not in (None, ()):
            out[key] = list(value) if isinstance(value, tuple) else value
    if c.form is not None:
        out["form"] = c.form.value
    if c.verdict is not None:
        out["verdict"] = c.verdict.value
    if c.eligible is not None:
        out["eligible"] = list(c.eligible)
    if c.facts:
        out["facts"] = {f"{f}@{p}" if p else f: v for f, p, v in c.facts}
    return out


def _run_rules(args: argparse.Namespace) -> int:
    from govmodel.law.rules import rulebook
    from govmodel.model.kinds import FormId

    if args.facts:
        facts = rulebook().facts
        if args.format == "json":
            write_stdout(
                to_json(
                    {
                        "facts": [
                            {"id": f.id, "question": f.question, "note": f.note}
                            for f in facts.values()
                        ]
                    }
                )
            )
            return 0
        for f in facts.values():
            print(f"{f.id}\n    {f.question}")
        print(f"\n{len(facts)} facts. State them in a model's `facts:` or with --fact NAME=yes.")
        return 0
    rules = list(rulebook())
    if args.on:
        rules = [r for r in rules if r.in_force_on(args.on)]
    if args.form:
        form = FormId.parse(args.form)
        rules = [r for r in rules if r.concerns(form)]
    if args.format == "json":
        on = args.on.isoformat() if args.on else None
        write_stdout(to_json({"on": on, "rules": [rule_dict(r) for r in rules]}))
        return 0
    for r in rules:
        print(f"{r.id:<9} {r.effect.value:<8} {r.in_force!s:<26} {r.confidence.value:<6} {r.title}")
    print(f"\n{len(rules)} rules. `govmodel rule ID` shows one in full.")
    return 0


def _configure_rule(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="rule id, e.g. JC-005")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _run_rule(args: argparse.Namespace) -> int:
    from govmodel.law.rules import get
    from govmodel.render.text import wrap

    rule = get(args.id)
    if args.format == "json":
        write_stdout(to_json(rule_dict(rule)))
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
        dated = f" [{c.in_force}]" if c.is_law and (c.in_force.start or c.in_force.end) else ""
        kind = "" if c.is_law else f" ({c.kind.value})"
        print(f"  citation:   {c.text}{kind}{dated}\n              {c.url}")
    for w in rule.words:
        print(f"  words:      \u201c{w.quote}\u201d\n              {w.url}")
    if rule.fact:
        print(f"  fact:       {rule.fact}{' (each party)' if rule.per_party else ''}")
    if rule.dispute:
        print("  DISPUTED:\n" + wrap(rule.dispute, indent="    "))
    if rule.note:
        print("  note:\n" + wrap(rule.note, indent="    "))
    for link, ids in (("amends", rule.amends), ("replaces", rule.replaces)):
        if ids:
            print(f"  {link}:    {', '.join(ids)}")
    for case in rule.cases:
        print(f"  case:       {case.describe()}")
        if case.source:
            print(f"              {case.source}")
    print(f"  added in govmodel {rule.since}{' (retired)' if rule.retired else ''}")
    return 0


RULES = Command(
    name="rules",
    help="the rulebook: every rule with its citation, dates and confidence",
    configure=_configure_rules,
    run=_run_rules,
)
RULE = Command(name="rule", help="one rule in full", configure=_configure_rule, run=_run_rule)
