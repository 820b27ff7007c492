"""``govmodel rules`` and ``govmodel rule``: the rulebook, and one rule in full."""

from __future__ import annotations

import argparse
from typing import Any

from govmodel.cli.common import Command, iso_date, to_json, write_stdout

__all__ = ["RULE", "RULES", "rule_dict"]


def _configure_rules(p: argparse.ArgumentParser) -> None:
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


def _run_rules(args: argparse.Namespace) -> int:
    from govmodel.law.rules import RULEBOOK
    from govmodel.model.kinds import FormId

    rules = list(RULEBOOK)
    if args.on:
        rules = [r for r in rules if r.in_force_on(args.on)]
    if args.form:
        form = FormId.parse(args.form)
        rules = [r for r in rules if r.concerns(form)]
    if args.format == "json":
        on = args.on.isoformat() if args.on else None
        write_stdout(to_json({"on": on, "rules": [rule_dict(r) for r in rules]}))
        return 0
    lines = [
        f"{r.id:<9} {r.effect.value:<8} {r.in_force!s:<26} {r.confidence.value:<6} {r.title}"
        for r in rules
    ]
    lines.append(f"\n{len(rules)} rules. `govmodel rule ID` shows one in full.")
    write_stdout("\n".join(lines) + "\n")
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
    forms = ", ".join(sorted(f.value for f in rule.forms)) or "(schemes of delegation)"
    lines = [
        f"{rule.id}: {rule.title}",
        wrap(rule.statement, indent="  "),
        f"  effect:     {rule.effect.value}",
        f"  forms:      {forms}",
        f"  parties:    {', '.join(sorted(t.value for t in rule.parties)) or 'any'}",
        f"  in force:   {rule.in_force}",
        f"  basis:      {rule.basis.value}, confidence {rule.confidence.value}",
    ]
    lines += [f"  citation:   {c.text}\n              {c.url}" for c in rule.citations]
    if rule.dispute:
        lines.append("  DISPUTED:\n" + wrap(rule.dispute, indent="    "))
    if rule.note:
        lines.append("  note:\n" + wrap(rule.note, indent="    "))
    lines.append(f"  added in govmodel {rule.since}")
    write_stdout("\n".join(lines) + "\n")
    return 0


RULES = Command(
    name="rules",
    help="the rulebook: every rule with its citation, dates and confidence",
    configure=_configure_rules,
    run=_run_rules,
)
RULE = Command(name="rule", help="one rule in full", configure=_configure_rule, run=_run_rule)
