"""The evaluator: which governance forms a set of parties may use on a date.

The rulebook is an *open world*. A verdict says what the rules decide, and
says ``unknown`` where they decide nothing. For each form the evaluator reads
the rules that concern it and are in force on the date, and gives every party
a standing:

*eligible*
    a *permit* rule (one legal power, a :class:`~govmodel.law.base.Route`)
    admits it together with the others;
*barred*
    a *forbid* rule excludes its type, or forbids its type together with
    another party's, or a *require* rule's condition is not met for it;
*undecided*
    no rule in force decides whether it may take part.

For forms that need one shared power (a joint committee) the largest group a
single power covers is chosen, preferring surer rules; for forms where each
party needs a power of its own (a contract) every party some power admits is
eligible. The verdict is then:

``lawful``
    every party is eligible;
``unknown``
    some party is undecided (the eligible ones, if any, are listed);
``partial``
    enough parties are eligible and every other one is barred;
``advisory_only``
    too few are eligible, every other one is barred, and the parties may still
    meet as an advisory forum;
``not_lawful``
    too few are eligible and every other one is barred, or a condition the law
    requires is unmet. A ``not_lawful`` verdict always names at least one rule
    whose effect forbids or requires; where the evaluator would otherwise reach
    it with no such rule, it says ``unknown`` instead.

*require* rules become requirements, each with the fact it needs and whether
that fact is met, unmet or unknown; *classify* rules become notes on what the
structure is in law.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from govmodel.law.base import Confidence, Effect, Rule, distinct_match
from govmodel.law.facts import Facts, FactValue, no_facts
from govmodel.law.forms import Combination, form_info
from govmodel.law.rules import rule_order, rulebook
from govmodel.model.kinds import FormId, PartyType, Verdict

__all__ = [
    "Consideration",
    "Outcome",
    "Party",
    "Requirement",
    "Standing",
    "evaluate_form",
    "min_confidence",
]

ELIGIBLE, BARRED, UNDECIDED, ALONE = "eligible", "barred", "undecided", "alone"
MET, UNMET, UNKNOWN = "met", "unmet", "unknown"


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
class Standing:
    """Whether one party may take part in one form, and which rules say so."""

    party: Party
    status: str
    rules: tuple[Rule, ...]
    why: str


@attrs.frozen
class Requirement:
    """A condition a rule sets, the fact it needs, and whether that fact is known.

    ``status`` is ``met``, ``unmet`` or ``unknown``; ``parties`` are the parties
    the condition concerns (empty when it concerns the arrangement as a whole).
    """

    rule: Rule
    text: str
    fact: str | None
    status: str
    parties: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        """Whether the law requires it (an unmet one makes the form unlawful)."""
        return self.rule.effect is Effect.REQUIRE and self.rule.fact is not None


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
    standings: tuple[Standing, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    questions: tuple[str, ...] = ()
    alternatives: tuple[Rule, ...] = ()
    """Other powers under which the same parties may use the form (reasons, not confidence)."""


def _names(parties: Sequence[Party]) -> str:
    return ", ".join(p.name for p in parties) if parties else "none of the parties"


def _covered(rule: Rule, parties: Sequence[Party], on: date) -> list[Party]:
    assert rule.route is not None
    return [p for p in parties if rule.route.admits(p.type, on)]


def _meets(rule: Rule, group: Sequence[Party]) -> bool:
    assert rule.route is not None
    types = {p.type for p in group}
    return len(group) >= max(rule.route.min_parties, 1) and all(
        types & g for g in rule.route.requires
    )


def _matches(groups: Sequence[frozenset[PartyType]], parties: Sequence[Party]) -> bool:
    """Whether distinct parties can be found for every group (one party per group)."""
    return distinct_match(tuple(groups), [p.type for p in parties])


def _clash(rule: Rule, group: Sequence[Party], under: Rule | None = None) -> bool:
    """Whether a forbid-together rule forbids ``group`` as a whole (under power ``under``)."""
    if not rule.together or (under is not None and under.id in rule.except_under):
        return False
    if rule.unless and any(p.type in rule.unless for p in group):
        return False
    return _matches(rule.together, group)


def _without_clashes(
    group: list[Party], clashes: Sequence[Rule], under: Rule
) -> tuple[list[Party], list[Rule]]:
    """``group`` less the parties a forbid-together rule keeps out of it under ``under``:
    of each forbidden combination, the side with fewer parties leaves (a CCG leaves a
    group of a council and two trusts, rather than the trusts)."""
    hit: list[Rule] = []
    group = list(group)
    while True:
        found = next((c for c in clashes if _clash(c, group, under)), None)
        if found is None:
            return group, hit
        hit.append(found)
        sides = [[p for p in group if p.type in g] for g in found.together]
        leaving = min(reversed(sides), key=len)
        group = [p for p in group if p not in leaving]


def _clashes_with(
    rule: Rule, party: Party, others: Sequence[Party], under: Rule | None = None
) -> bool:
    """Whether a forbid-together rule forbids ``party`` alongside ``others``."""
    if not rule.together or not any(party.type in g for g in rule.together):
        return False
    return _clash(rule, [party, *others], under)


@attrs.frozen
class _Context:
    form: FormId
    parties: tuple[Party, ...]
    on: date
    facts: Facts
    rules: tuple[Rule, ...]
    live: tuple[Rule, ...]


def _fact_status(rule: Rule, parties: Sequence[Party], facts: Facts) -> tuple[str, tuple[str, ...]]:
    """Status of ``rule``'s fact over ``parties`` (those it concerns, or all)."""
    assert rule.fact is not None
    concerned = [
        p for p in parties if rule.per_party and (not rule.parties or p.type in rule.parties)
    ]
    if rule.per_party:
        values: list[FactValue | None] = [facts.get(rule.fact, p) for p in concerned]
    else:
        values = [facts.get(rule.fact, None)]
    names = tuple(p.name for p in concerned)
    if any(v is not None and not facts.holds(rule.fact, v) for v in values):
        failing = tuple(
            p.name
            for p, v in zip(concerned, values, strict=False)
            if v is not None and not facts.holds(rule.fact, v)
        )
        return UNMET, failing or names
    if values and all(v is not None for v in values):
        return MET, names
    return UNKNOWN, names


def evaluate_form(
    form: FormId,
    parties: Sequence[Party],
    on: date,
    *,
    facts: Facts | None = None,
) -> Outcome:
    """Evaluate ``form`` for ``parties`` on ``on`` (parties must exist on that date).

    ``facts`` are what the user has stated (governors' approval given, a body
    prescribed by regulations...); requirements whose fact is not stated are
    reported as ``unknown`` questions, never assumed.
    """
    rules = tuple(r for r in rulebook() if r.concerns(form))
    ctx = _Context(
        form,
        tuple(parties),
        on,
        facts or no_facts(),
        rules,
        tuple(r for r in rules if r.in_force_on(on)),
    )
    return _evaluate(ctx)


def _evaluate(ctx: _Context) -> Outcome:
    info = form_info(ctx.form)
    parties = ctx.parties
    deciding: list[Rule] = []
    conditions: list[str] = []
    questions: list[str] = []

    # 1. Bars by type (a forbid rule may except powers it does not touch), and per-party
    #    conditions stated unmet.
    bars: dict[str, list[Rule]] = {}
    for rule in ctx.live:
        if rule.effect is Effect.FORBID and rule.excludes:
            for p in parties:
                if p.type in rule.excludes:
                    bars.setdefault(p.name, []).append(rule)
    requirements = _requirements(ctx, parties)
    for req in requirements:
        if req.required and req.status == UNMET and req.parties and req.rule.per_party:
            for name in req.parties:
                bars.setdefault(name, []).append(req.rule)

    def candidates_for(power: Rule | None) -> list[Party]:
        return [
            p
            for p in parties
            if not any(
                power is None or power.id not in r.except_under for r in bars.get(p.name, ())
            )
        ]

    barred = {name: rules for name, rules in bars.items() if rules}
    candidates = candidates_for(None)

    # 2. Powers.
    alternatives: list[Rule] = []
    permits = [r for r in ctx.live if r.effect is Effect.PERMIT]
    clashes = [r for r in ctx.live if r.effect is Effect.FORBID and r.together]
    clashed: list[Rule] = []
    options: list[tuple[Rule, list[Party]]] = []
    if info.combination is Combination.ONE_POWER:
        for rule in permits:
            group = _covered(rule, candidates_for(rule), ctx.on)
            group, dropped = _without_clashes(group, clashes, rule)
            clashed.extend(dropped)
            if len(group) >= info.min_parties and _meets(rule, group):
                options.append((rule, group))
        options.sort(key=lambda o: (-len(o[1]), -o[0].confidence.rank, rule_order(o[0])))
        group = options[0][1] if options else []
        chosen = [options[0][0]] if options else []
        alternatives = [
            r for r, other in options[1:] if {p.name for p in other} == {p.name for p in group}
        ]
        for rule, other in options[1:]:
            if {p.name for p in other} - {p.name for p in group}:
                conditions.append(
                    f"Alternatively {_names(other)} may use this form under {rule.title} "
                    f"({rule.id}, {rule.confidence.value} confidence)."
                )
    else:
        admitted = {r.id: _covered(r, candidates_for(r), ctx.on) for r in permits}
        union = {p.type for r in permits for p in admitted[r.id]}
        chosen = [
            r
            for r in permits
            if admitted[r.id] and all(union & g for g in r.route.requires)  # type: ignore[union-attr]
        ]
        names = {p.name for r in chosen for p in admitted[r.id]}
        group = [p for p in parties if p.name in names]
        options = [(r, admitted[r.id]) for r in chosen]

    # 3. The standing of each party left out of the group.
    standings: list[Standing] = []
    in_group = {p.name for p in group}
    under = chosen[0] if chosen else None
    for p in parties:
        if p.name in in_group:
            rules_for = tuple(r for r, g in options if p in g)[:1] or tuple(chosen[:1])
            standings.append(Standing(p, ELIGIBLE, rules_for, f"admitted by {_ids(rules_for)}"))
        elif p.name in barred:
            rules_for = tuple(dict.fromkeys(barred[p.name]))
            standings.append(Standing(p, BARRED, rules_for, f"barred by {_ids(rules_for)}"))
        else:
            others = group or [q for q in candidates if q is not p]
            hit = tuple(c for c in clashes if _clashes_with(c, p, others, under))
            if not hit and not group:
                hit = tuple(
                    c for c in dict.fromkeys(clashed) if any(p.type in g for g in c.together)
                )
            present = {q.type for q in parties}
            admitting = [
                r
                for r in permits
                if r.route is not None
                and r.route.admits(p.type, ctx.on)
                and all(present & g for g in r.route.requires)
            ]
            if hit:
                standings.append(
                    Standing(
                        p, BARRED, hit, f"cannot take part with {_names(others)} ({_ids(hit)})"
                    )
                )
            elif admitting and all(
                _covered(r, candidates_for(r), ctx.on) == [p] or any(o is r for o, _ in options)
                for r in admitting
            ):
                standings.append(
                    Standing(
                        p,
                        ALONE,
                        tuple(admitting),
                        f"admitted by {_ids(admitting)}, which admit none of the others",
                    )
                )
            else:
                standings.append(Standing(p, UNDECIDED, (), "no rule in force decides"))
    undecided = [s.party for s in standings if s.status == UNDECIDED]
    barred_rules = [r for s in standings if s.status == BARRED for r in s.rules]

    # 4. Needs of the form as a whole (a section 75 partnership needs an NHS body and
    #    a council), and conditions on the whole arrangement stated unmet.
    blocking: list[Rule] = []
    for rule in ctx.live:
        if (
            rule.effect is Effect.REQUIRE
            and rule.needs
            and not _needs_met(rule, group)
            and not _could_meet(rule, group, undecided)
        ):
            blocking.append(rule)
    for req in requirements:
        if req.required and req.status == UNMET and not req.rule.per_party:
            blocking.append(req.rule)

    enough = len(group) >= info.min_parties and len(parties) >= info.min_parties
    if len(parties) < info.min_parties:
        verdict = Verdict.NOT_LAWFUL
        conditions.append(f"{info.title} needs at least {info.min_parties} parties.")
        deciding.extend(
            r for r in ctx.live if r.effect is Effect.REQUIRE and r.min_parties is not None
        )
    elif blocking:
        verdict = Verdict.NOT_LAWFUL
        deciding.extend(blocking)
    elif enough and len(group) == len(parties):
        verdict = Verdict.LAWFUL
    elif undecided and len(group) + len(undecided) >= info.min_parties:
        # undecided parties could still make the form up; if even all of them could
        # not (two barred foundation trusts and one NHS trust), the verdict is not theirs
        verdict = Verdict.UNKNOWN
    elif enough:
        verdict = Verdict.PARTIAL
    elif info.advisory_fallback and len(parties) >= 2 and barred_rules:
        verdict = Verdict.ADVISORY_ONLY
    else:
        verdict = Verdict.NOT_LAWFUL

    if verdict in (Verdict.PARTIAL, Verdict.ADVISORY_ONLY, Verdict.NOT_LAWFUL):
        # every closure that forbids this mix as a whole is a reason too
        barred_rules += [c for c in clashes if _clash(c, parties, under) and c not in barred_rules]
    if verdict in (Verdict.LAWFUL, Verdict.PARTIAL):
        deciding = [*chosen, *barred_rules, *deciding]
    elif verdict is Verdict.UNKNOWN:
        deciding = [*chosen, *barred_rules, *_live(ctx, _nearest(ctx, undecided))]
    else:
        deciding = [*deciding, *barred_rules]
    if verdict is Verdict.NOT_LAWFUL and not any(
        r.effect in (Effect.FORBID, Effect.REQUIRE) for r in deciding
    ):
        # The rules do not forbid this; they only fail to permit it: say so.
        verdict = Verdict.UNKNOWN
        deciding = [*deciding, *_live(ctx, _nearest(ctx, parties))]
        questions.append(
            f"No rule in the rulebook forbids {info.title.lower()} for this mix on "
            f"{ctx.on.isoformat()}, and none permits it; a statutory power covering "
            f"{_names(parties)} together would settle it."
        )
    eligible = (
        tuple(group)
        if verdict is not Verdict.NOT_LAWFUL and (enough or verdict is Verdict.UNKNOWN)
        else ()
    )

    for s in standings:
        if s.status == BARRED:
            conditions.append(f"{s.party.name} cannot take part ({_ids(s.rules)}).")
        elif s.status == UNDECIDED:
            near = _nearest(ctx, [s.party])
            questions.append(
                f"No rule in the rulebook decides whether {s.party.name} "
                f"({s.party.type.value.replace('_', ' ')}) may take part in "
                f"{info.title.lower()} on {ctx.on.isoformat()}"
                + (f"; the nearest rules are {_ids(near)}" if near else "")
                + ". A statutory power, or a rule excluding it, would settle it."
            )

    # 5. Conditions and notes.
    eligible_types = {p.type for p in eligible} if eligible else set()
    # A list, not a set: a rule `together` two parties of one type needs both.
    present_types = [p.type for p in parties]
    disputed = any(r.dispute for r in deciding) or any(r.dispute for r, _ in options)
    shown = [req for req in requirements if verdict is not Verdict.NOT_LAWFUL or req.status != MET]
    for rule in ctx.live:
        if rule.effect is Effect.FORBID:
            continue
        if rule.effect is Effect.REQUIRE:
            applies = rule.touches(present_types) if rule.together else rule.touches(eligible_types)
            if not eligible and not rule.together:
                applies = False
        elif rule.effect is Effect.CLASSIFY:
            applies = rule.touches(present_types)
        else:
            continue
        if applies and rule.min_parties is None and not rule.needs:
            text = f"{rule.statement} ({rule.id})"
            if rule.dispute:
                disputed = True
                text += f" Disputed: {rule.dispute}"
            conditions.append(text)
            if rule not in deciding:
                deciding.append(rule)
    for req in shown:
        if req.status == UNKNOWN and req.fact:
            who = f" for {', '.join(req.parties)}" if req.parties else ""
            questions.append(f"Is '{req.fact}' met{who}? ({req.rule.id}: {req.rule.title})")

    considered = tuple(_consider(rule, parties, candidates, ctx.on, bars) for rule in ctx.rules)
    kept = tuple(
        r
        for r in requirements
        if not eligible
        or set(r.parties) & {p.name for p in eligible}
        or not r.parties
        or r.status == UNMET  # the reason a party is barred stays in view
    )
    if verdict in (Verdict.LAWFUL, Verdict.PARTIAL):
        for rule in alternatives:
            conditions.append(f"Also available under {rule.title} ({rule.id}).")
    else:
        alternatives = []
    return Outcome(
        ctx.form,
        verdict,
        eligible,
        tuple(conditions),
        tuple(dict.fromkeys(deciding)),
        disputed,
        considered,
        tuple(standings),
        kept,
        tuple(dict.fromkeys(questions)),
        tuple(r for r in alternatives if r not in deciding),
    )


def _live(ctx: _Context, rules: Sequence[Rule]) -> list[Rule]:
    """The rules in force on the date (only those may be reasons; others are named)."""
    return [r for r in rules if r.in_force_on(ctx.on)]


def _ids(rules: Sequence[Rule]) -> str:
    return ", ".join(r.id for r in rules) if rules else "no rule"


def _needs_met(rule: Rule, group: Sequence[Party]) -> bool:
    return _matches(rule.needs, group)


def _could_meet(rule: Rule, group: Sequence[Party], undecided: Sequence[Party]) -> bool:
    """Whether undecided parties might still supply what ``rule`` needs."""
    return bool(undecided) and _matches(rule.needs, [*group, *undecided])


def _requirements(ctx: _Context, parties: Sequence[Party]) -> list[Requirement]:
    out = []
    present = [p.type for p in parties]
    for rule in ctx.live:
        if rule.effect is not Effect.REQUIRE or rule.fact is None:
            continue
        if not rule.touches(present):
            continue
        status, names = _fact_status(rule, parties, ctx.facts)
        out.append(Requirement(rule, rule.statement, rule.fact, status, names))
    return out


def _nearest(ctx: _Context, parties: Sequence[Party]) -> list[Rule]:
    """The rules closest to deciding for ``parties``: those that name their types for
    this form (in force first, then nearest in time), then the form's powers in force."""
    types = {p.type for p in parties}
    naming = [
        r
        for r in ctx.rules
        if r.parties and r.parties & types and r.family != "existence" and not r.retired
    ]

    def distance(rule: Rule) -> int:
        start, end = rule.in_force.start, rule.in_force.end
        if start and ctx.on < start:
            return (start - ctx.on).days
        if end and ctx.on > end:
            return (ctx.on - end).days
        return 0

    naming.sort(key=lambda r: (distance(r), rule_order(r)))
    powers = [r for r in ctx.live if r.effect is Effect.PERMIT and r not in naming]
    return [*naming[:3], *powers[:2]]


def _consider(
    rule: Rule,
    parties: Sequence[Party],
    candidates: Sequence[Party],
    on: date,
    barred: Mapping[str, list[Rule]],
) -> Consideration:
    if rule.retired:
        return Consideration(rule, False, "retired: no longer applied (its note says why)")
    if not rule.in_force_on(on):
        return Consideration(
            rule, False, f"not in force on {on.isoformat()} (in force {rule.in_force})"
        )
    types = [p.type for p in parties]
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
