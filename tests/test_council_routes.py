"""A council's functions leave local government only by section 75 or, for adult care,
the Care Act 2014 s.79: the checks, the forms and the classification agree."""

from __future__ import annotations

import pytest

import govmodel

BASE = """
name: council delegation
as_of: {on}
organisations:
- {{id: la, name: Example County Council, type: local_authority}}
- {{id: other, name: {other_name}, type: {other_type}}}
bodies:
- {{id: la.council, name: Full council, kind: full_council, organisations: [la]}}
- {{id: other.board, name: Board, kind: board, organisations: [other]}}
delegations:
- {{id: d, from: la.council, to: other.board, matters: [commission_services]{extra}}}
"""


def codes(on: str, other_type: str, extra: str = "") -> set[str]:
    text = BASE.format(on=on, other_name="Example partner", other_type=other_type, extra=extra)
    return {f.code for f in govmodel.check(govmodel.loads(text))}


@pytest.mark.parametrize(
    ("on", "other", "extra", "expected"),
    [
        # a council to another council: LGA 1972 s.101
        ("2024-04-01", "local_authority", "", set()),
        # a council to an ICB with no route named
        ("2024-04-01", "icb", "", {"GM506"}),
        # naming s.65Z5 does not help: it is not a council power
        ("2024-04-01", "icb", ", instrument: NHS Act 2006 s.65Z5", {"GM506"}),
        # adult care to a CIC under the Care Act 2014 s.79
        ("2024-04-01", "cic", ", instrument: Care Act 2014 s.79", set()),
        # the same with no power named
        ("2024-04-01", "cic", "", {"GM506"}),
        # before the Care Act, a company could receive no council function
        ("2012-04-01", "company", "", {"GM501"}),
    ],
)
def test_council_delegations_need_a_route(
    on: str, other: str, extra: str, expected: set[str]
) -> None:
    found = codes(on, other, extra) & {"GM501", "GM506"}
    assert found == expected


def test_a_named_section_75_agreement_is_the_route() -> None:
    text = BASE.format(
        on="2024-04-01", other_name="NHS Example ICB", other_type="icb", extra=", agreement: s75"
    ) + (
        "agreements:\n"
        "- {id: s75, name: Section 75 agreement, kind: section_75_agreement,"
        " parties: [la, other]}\n"
    )
    assert not {f.code for f in govmodel.check(govmodel.loads(text))} & {"GM501", "GM506"}


def test_the_forms_say_the_same() -> None:
    """s.65Z5 lets the ICB share its functions with the council, and section 75 lets the
    council share its own; the rule that forbids the rest is the one GM506 cites."""
    verdict = govmodel.forms(["icb", "la"], on="2024-04-01")["delegation_of_functions"]
    rules = {r.rule for r in verdict.reasons}
    assert verdict.verdict is govmodel.Verdict.LAWFUL
    assert {"DEL-001", "DEL-014"} <= rules
    assert any("no power to put its own functions" in c for c in verdict.conditions)
    parish = govmodel.forms(["icb", "parish"], on="2024-04-01")["delegation_of_functions"]
    assert parish.verdict is govmodel.Verdict.NOT_LAWFUL
    assert "DEL-016" in {r.rule for r in parish.reasons}
