"""Every rule's worked cases (``cases:`` in the rule files) hold.

A case holds a rule to a real arrangement or a boundary date: the verdict for
a mix of parties, whether a party type existed, who a matter is reserved to, or
what a bundled example's check, trace or classification cites.
"""

from __future__ import annotations

import pytest

import govmodel
from govmodel.cases import judge
from govmodel.law.base import Case, Rule
from govmodel.law.rules import rulebook

CASES = [
    pytest.param(rule, case, id=f"{rule.id}-{i}")
    for rule in rulebook()
    for i, case in enumerate(rule.cases, 1)
]


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_every_case_of_every_rule_holds(rule: Rule, case: Case) -> None:
    """A rule's case gives the verdict, existence, reservation or citation it states
    (judged as `govmodel test --rules` judges it)."""
    assert rule.in_force_on(case.on) or not case.cites or case.kind != "forms" or rule.retired
    assert case.rule == rule.id
    model = govmodel.examples.load(case.example) if case.example else None
    assert judge(case, model=model) == []


def test_every_rule_has_at_least_one_case() -> None:
    """A rule with no worked case is a rule nobody has held to an arrangement."""
    missing = [r.id for r in rulebook() if not r.cases]
    assert not missing, f"rules with no cases: {missing}"


def test_most_cases_rest_on_a_public_source() -> None:
    """Real arrangements, not only boundary dates: a third of the cases name their source."""
    cases = [c for r in rulebook() for c in r.cases]
    sourced = [c for c in cases if c.source]
    assert len(sourced) * 3 >= len(cases), f"{len(sourced)} of {len(cases)} cases have a source"
