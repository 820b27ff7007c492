"""The rulebook is an open world, and every answer cites law in force on its date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govmodel
from govmodel.law.base import Effect, SourceKind
from govmodel.law.facts import Facts
from govmodel.law.parties import exists
from govmodel.law.rules import rulebook
from govmodel.model.kinds import PartyType, Verdict

FIRST, LAST = date(1996, 4, 1), date(2026, 11, 30)


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[PartyType], date]:
    """A date, and one to five party types that existed on it."""
    on = draw(st.dates(min_value=FIRST, max_value=LAST))
    alive = [t for t in PartyType if exists(t, on)]
    types = draw(st.lists(st.sampled_from(alive), min_size=1, max_size=5))
    return types, on


def _boundary_dates() -> list[date]:
    """Every date on which a rule or a citation starts or stops: where mistakes hide."""
    days: set[date] = set()
    for rule in rulebook():
        for period in (rule.in_force, *(c.in_force for c in rule.citations)):
            if period.start:
                days |= {period.start, period.start - timedelta(days=1)}
            if period.end:
                days |= {period.end, period.end + timedelta(days=1)}
    return sorted(d for d in days if FIRST <= d <= LAST)


@given(mixes())
@settings(max_examples=300, deadline=None)
def test_every_not_lawful_verdict_names_a_rule_that_forbids_or_requires(
    mix: tuple[list[PartyType], date],
) -> None:
    """Where no rule forbids or requires, the answer is unknown, never a confident no."""
    types, on = mix
    for verdict in govmodel.forms(types, on=on):
        if verdict.verdict is Verdict.NOT_LAWFUL:
            effects = {r.effect for r in verdict.reasons}
            assert effects & {Effect.FORBID, Effect.REQUIRE}, (verdict.form, types, on)
        if verdict.verdict is Verdict.UNKNOWN:
            assert verdict.confidence.value == "low"
            assert verdict.questions, "an unknown verdict says what would settle it"


@given(mixes())
@settings(max_examples=300, deadline=None)
def test_every_citation_of_every_verdict_is_in_force_on_the_date(
    mix: tuple[list[PartyType], date],
) -> None:
    """A 2010 answer cites the law of 2010, never an Act passed later."""
    types, on = mix
    by_id = {r.id: r for r in rulebook()}
    for verdict in govmodel.forms(types, on=on):
        for reason in verdict.reasons:
            rule = by_id[reason.rule]
            cited = next(c for c in rule.citations if c.url == reason.url)
            assert cited.in_force_on(on), (reason.rule, reason.citation, on)
            assert rule.in_force_on(on) or rule.retired is False, reason.rule


@pytest.mark.parametrize("rule", list(rulebook()), ids=lambda r: r.id)
def test_every_rule_cites_law_in_force_on_every_day_of_its_period(rule: object) -> None:
    """A rule with a day in its period on which none of its sources was law is unsupported."""
    from govmodel.law.base import Rule

    assert isinstance(rule, Rule)
    if rule.retired:
        return
    days = [d for d in _boundary_dates() if rule.in_force.contains(d)]
    if rule.in_force.start and FIRST <= rule.in_force.start <= LAST:
        days.append(rule.in_force.start)
    for day in days:
        live = [c for c in rule.citations if c.in_force_on(day)]
        assert live, f"{rule.id} has no citation in force on {day}"
        assert any(
            c.kind in (SourceKind.LEGISLATION, SourceKind.GUIDANCE, SourceKind.PRINCIPLE)
            or c.kind is SourceKind.HISTORY
            for c in live
        ), f"{rule.id} rests only on commentary on {day}"


def test_party_type_periods_agree_with_the_existence_rules() -> None:
    """The existence rules and the party-type register say the same thing."""
    for rule in rulebook():
        if not rule.id.startswith("PTY-") or rule.effect is not Effect.FORBID or rule.retired:
            continue
        for party_type in rule.excludes:
            for day in (rule.in_force.start, rule.in_force.end):
                if day is not None and FIRST <= day <= LAST:
                    assert not exists(party_type, day), (rule.id, party_type, day)


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_traces_and_findings_of_every_example_cite_law_in_force(name: str) -> None:
    """On the example's own date and at the edges of its organisations' lives."""
    model = govmodel.examples.load(name)
    days = {model.as_of}
    for org in model.organisations:
        days |= {d for d in (org.start, org.end) if d is not None}
    for day in sorted(days):
        report = govmodel.check(model, on=day)
        for finding in report:
            if finding.citation is not None and finding.rule:
                rule = rulebook().get(finding.rule)
                assert rule is not None and rule.in_force_on(day), (finding.code, day)
                assert finding.citation.in_force_on(day), (finding.code, finding.citation, day)
        for body in model.on(day).bodies:
            trace = govmodel.trace(model, body.id, on=day)
            for path in trace.paths:
                for step in path:
                    assert step.citation.in_force_on(day), (body.id, step, day)


def _verdict(types: list[str], on: str, form: str, **facts: bool) -> Verdict:
    stated = Facts.of((k, None, v) for k, v in facts.items())
    result = govmodel.forms(types, on=date.fromisoformat(on), facts=stated)
    return next(v for v in result if v.form.value == form).verdict


def test_a_condition_together_two_parties_of_one_type_sees_both() -> None:
    """GRP-008 concerns two PCTs: a PCT with a council is not asked, two PCTs are."""
    assert _verdict(["pct", "pct"], "2009-06-01", "shared_leadership", separate_chairs=False) is (
        Verdict.NOT_LAWFUL
    )
    assert _verdict(["pct", "la"], "2009-06-01", "shared_leadership", separate_chairs=False) is (
        Verdict.LAWFUL
    )


def test_undecided_parties_too_few_to_make_the_form_do_not_make_it_unknown() -> None:
    """Two barred foundation trusts and one NHS trust cannot make a joint committee."""
    assert _verdict(["ft", "ft", "trust"], "2017-01-01", "joint_committee") is Verdict.NOT_LAWFUL
    assert _verdict(["ft", "trust", "trust"], "2017-01-01", "joint_committee") is Verdict.UNKNOWN
