"""The evaluator: which governance forms a set of parties may use on a date.

For each form the evaluator reads the rules that concern it and are in force:

1. *forbid* rules exclude parties of their types (a foundation trust from a
   joint committee before July 2022, a company from section 75);
2. *permit* rules each describe one legal power (a :class:`~govmodel.law.base.Route`).
   For forms that need one shared power (a joint committee) the largest group
   that a single power covers is chosen, preferring surer rules; for forms
   where each party needs a power of its own (a contract) every party that
   some power admits is eligible;
3. *require* rules touching the eligible parties become conditions, and
   *classify* rules become notes on what the structure is in law.

The verdict is ``lawful`` when every party is eligible, ``partial`` when only
some are, ``advisory_only`` when the form fails but the parties may still meet
as an advisory forum, and ``not_lawful`` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from govmodel.law.base import Confidence, Effect, Rule
from govmodel.law.forms import Combination, form_info
from govmodel.law.rules import RULEBOOK
from govmodel.model.kinds import FormId, PartyType, Verdict

__all__ = ["Consideration", "Outcome", "Party", "evaluate_form"]


@attrs.frozen
class Party:
    """A participant: its display name, legal type and organisation id if any."""

    name: str
    type: PartyType
    id: str | None = None


@attrs.frozen
class Consideration:
    """One rule the evaluator looked at, whether it held, and why."""

    rule: Rule
    held: bool
    why: str


@attrs.frozen
class Outcome:
    """The evaluator's finding for one form (see :class:`~govmodel.law.verdicts.FormVerdict`)."""

    form: FormId
    verdict: Verdict
    eligible: tuple[Party, ...]
    conditions: tuple[str, ...]
    deciding: tuple[Rule, ...]
    disputed: bool
    considered: tuple[Consideration, ...]


def _names(parties: Sequence[Party]) -> str:
    return ", ".join(p.name for p in parties) if parties else "none of the parties"


def _covered(rule: Rule, parties: Sequence[Party], on: date) -> list[Party]:
    assert rule.route is not None
    return [p for p in parties if rule.route.admits(p.type, on)]


def _meets(rule: Rule, group: Sequence[Party]) -> bool:
    assert rule.route is not None
    types = {p.type for p in group}
    needed = max(rule.route.min_parties, 1)
    return len(group) >= needed and all(types & g for g in rule.route.requires)


def evaluate_form(form: FormId, parties: Sequence[Party], on: date) -> Outcome:
    """Evaluate ``form`` for ``parties`` on ``on`` (parties must exist on that date)."""
    info = form_info(form)
    rules = [r for r in RULEBOOK if r.concerns(form)]
    live = [r for r in rules if r.in_force_on(on)]
    types = {p.type for p in parties}
    considered: list[Consideration] = []
    deciding: list[Rule] = []
    conditions: list[str] = []

    excluded: dict[str, list[Rule]] = {}
    for rule in live:
        if rule.effect is Effect.FORBID and rule.excludes:
            hit = [p for p in parties if p.type in rule.excludes]
            for p in hit:
                excluded.setdefault(p.name, []).append(rule)
            if hit:
                deciding.append(rule)
    candidates = [p for p in parties if p.name not in excluded]

    permits = [r for r in live if r.effect is Effect.PERMIT]
    options: list[tuple[Rule, list[Party]]] = []
    if info.combination is Combination.ONE_POWER:
        for rule in permits:
            group = _covered(rule, candidates, on)
            if len(group) >= info.min_parties and _meets(rule, group):
                options.append((rule, group))
        options.sort(key=lambda o: (-o[0].confidence.rank, -len(o[1]), RULEBOOK.index(o[0])))
        best = options[0] if options else None
        group = best[1] if best else []
        chosen = [best[0]] if best else []
        for rule, other in options[1:]:
            if {p.name for p in other} - {p.name for p in group}:
                conditions.append(
                    f"Alternatively {_names(other)} may use this form under {rule.title} "
                    f"({rule.id}, {rule.confidence.value} confidence)."
                )
    else:
        admitted = {r.id: _covered(r, candidates, on) for r in permits}
        union = {p.type for r in permits for p in admitted[r.id]}
        chosen = [r for r in permits if admitted[r.id] and all(union & g for g in r.route.requires)]  # type: ignore[union-attr]
        names = {p.name for r in chosen for p in admitted[r.id]}
        group = [p for p in candidates if p.name in names]
        options = [(r, admitted[r.id]) for r in chosen]

    enough = len(group) >= info.min_parties and len(parties) >= info.min_parties
    if enough and len(group) == len(parties):
        verdict = Verdict.LAWFUL
    elif enough:
        verdict = Verdict.PARTIAL
    elif info.advisory_fallback and len(parties) >= 2:
        verdict = Verdict.ADVISORY_ONLY
    else:
        verdict = Verdict.NOT_LAWFUL
    eligible = tuple(group) if enough else ()
    if enough:
        deciding = chosen + deciding
    elif not deciding:
        deciding = permits or [r for r in rules if r.effect is Effect.PERMIT]

    if len(parties) < info.min_parties:
        conditions.append(f"{info.title} needs at least {info.min_parties} parties.")
    left_out = [p for p in parties if p not in eligible]
    for p in left_out:
        if p.name in excluded:
            ids = ", ".join(r.id for r in excluded[p.name])
            conditions.append(f"{p.name} cannot take part ({ids}).")
        elif enough:
            conditions.append(f"{p.name} cannot take part under the same power as the others.")

    eligible_types = {p.type for p in eligible}
    disputed = any(r.dispute for r in deciding) or any(r.dispute for r, _ in options)
    for rule in live:
        if rule.effect is Effect.FORBID and rule.together:
            if rule.touches(types):
                deciding.append(rule)
            continue
        if rule.effect is Effect.REQUIRE:
            applies = (
                rule.touches(types) if rule.together else (enough and rule.touches(eligible_types))
            )
        elif rule.effect is Effect.CLASSIFY:
            applies = rule.touches(types)
        else:
            continue
        if applies:
            text = f"{rule.statement} ({rule.id})"
            if rule.dispute:
                disputed = True
                text += f" Disputed: {rule.dispute}"
            conditions.append(text)
            deciding.append(rule)

    for rule in rules:
        considered.append(_consider(rule, parties, candidates, on, excluded))
    return Outcome(
        form,
        verdict,
        eligible,
        tuple(conditions),
        tuple(dict.fromkeys(deciding)),
        disputed,
        tuple(considered),
    )


def _consider(
    rule: Rule,
    parties: Sequence[Party],
    candidates: Sequence[Party],
    on: date,
    excluded: dict[str, list[Rule]],
) -> Consideration:
    if not rule.in_force_on(on):
        return Consideration(
            rule, False, f"not in force on {on.isoformat()} (in force {rule.in_force})"
        )
    types = {p.type for p in parties}
    if rule.effect is Effect.PERMIT:
        group = _covered(rule, candidates, on)
        if not group:
            return Consideration(rule, False, "admits none of the parties")
        assert rule.route is not None
        missing = [g for g in rule.route.requires if not {p.type for p in group} & g]
        if missing:
            need = " and ".join("one of " + "/".join(sorted(t.value for t in g)) for g in missing)
            return Consideration(rule, False, f"admits {_names(group)} but needs {need}")
        if len(group) < rule.route.min_parties:
            return Consideration(
                rule, False, f"admits only {_names(group)}; needs {rule.route.min_parties} parties"
            )
        return Consideration(rule, True, f"admits {_names(group)}")
    if rule.effect is Effect.FORBID and rule.excludes:
        hit = [p for p in parties if p.type in rule.excludes]
        return Consideration(
            rule,
            bool(hit),
            f"excludes {_names(hit)}" if hit else "no party of the types it excludes",
        )
    if rule.touches(types):
        hit = [p for p in parties if not rule.parties or p.type in rule.parties]
        return Consideration(rule, True, f"applies to {_names(hit)}")
    return Consideration(rule, False, "no party of the types it concerns")


def min_confidence(rules: Sequence[Rule]) -> Confidence:
    """The lowest confidence among ``rules`` (high when there are none)."""
    return min((r.confidence for r in rules), key=lambda c: c.rank, default=Confidence.HIGH)
