"""Every rule's worked cases (``cases:`` in the rule files) hold.

A case holds a rule to a real arrangement or a boundary date: the verdict for
a mix of parties, whether a party type existed, who a matter is reserved to, or
what a bundled example's check, trace or classification cites.
"""

from __future__ import annotations

import pytest

import govmodel
from govmodel.law.accountability import statutory_reserved
from govmodel.law.base import Case, Rule
from govmodel.law.facts import Facts
from govmodel.law.parties import exists
from govmodel.law.rules import rulebook
from govmodel.model.kinds import BodyKind, PartyType

CASES = [
    pytest.param(rule, case, id=f"{rule.id}-{i}")
    for rule in rulebook()
    for i, case in enumerate(rule.cases, 1)
]


def _parties(specs: tuple[str, ...]) -> list[object]:
    out: list[object] = []
    for spec in specs:
        kind, _, name = spec.partition("=")
        out.append((kind, name) if name else kind)
    return out


def _forms_case(rule: Rule, case: Case) -> None:
    facts = Facts.of(case.facts)
    result = govmodel.forms(_parties(case.parties), on=case.on, facts=facts)
    assert case.form is not None
    verdict = result[case.form]
    detail = f"{verdict.verdict.value}: {verdict.conditions} {verdict.questions}"
    assert verdict.verdict is case.verdict, detail
    if case.eligible is not None:
        assert sorted(verdict.eligible) == sorted(case.eligible), detail
    cited = {r.rule for r in verdict.reasons}
    if case.cites:
        assert rule.id in cited, f"{rule.id} not among the reasons {sorted(cited)}"
    else:
        assert rule.id not in cited


def _example_case(rule: Rule, case: Case) -> None:
    assert case.example is not None
    model = govmodel.examples.load(case.example)
    if case.finding:
        report = govmodel.check(model, on=case.on)
        found = [f for f in report if f.code == case.finding]
        assert found, f"{case.finding} not found on {case.on}"
        assert any(f.rule == rule.id for f in found), [f.rule for f in found]
    elif case.trace:
        trace = govmodel.trace(model, case.trace, on=case.on)
        cited = {(s.citation.text, s.citation.url) for path in trace.paths for s in path}
        own = {(c.text, c.url) for c in rule.citations}
        assert cited & own, "the trace cites none of the rule's citations"
    else:
        assert case.classify is not None
        c = model.classify(case.classify, on=case.on)
        assert c.character.value == case.character
        assert rule in c.rules


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_every_case_of_every_rule_holds(rule: Rule, case: Case) -> None:
    """A rule's case gives the verdict, existence, reservation or citation it states."""
    assert rule.in_force_on(case.on) or not case.cites or case.kind != "forms" or rule.retired
    if case.kind == "forms":
        _forms_case(rule, case)
    elif case.kind == "existence":
        assert case.party is not None
        assert exists(PartyType.parse(case.party), case.on) is case.exists
    elif case.kind == "reserved":
        assert case.party is not None and case.matter is not None
        found = statutory_reserved(PartyType.parse(case.party), case.matter)
        assert found is not None and found == (BodyKind.parse(case.reserved_to or ""), rule.id)
        assert rule.in_force_on(case.on)
    else:
        _example_case(rule, case)


def test_every_rule_has_at_least_one_case() -> None:
    """A rule with no worked case is a rule nobody has held to an arrangement."""
    missing = [r.id for r in rulebook() if not r.cases]
    assert not missing, f"rules with no cases: {missing}"


def test_most_cases_rest_on_a_public_source() -> None:
    """Real arrangements, not only boundary dates: a third of the cases name their source."""
    cases = [c for r in rulebook() for c in r.cases]
    sourced = [c for c in cases if c.source]
    assert len(sourced) * 3 >= len(cases), f"{len(sourced)} of {len(cases)} cases have a source"
