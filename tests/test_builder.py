"""Building a model in Python runs the loader's checks."""

from __future__ import annotations

import pytest

import govmodel


def test_a_builder_model_equals_the_same_model_from_a_file() -> None:
    """The builder and the loader give equal models for the same records."""
    built = (
        govmodel.Builder("Two trusts", as_of="2023-04-01")
        .organisation("a", "Alpha NHS Foundation Trust", "ft", ods="RXX")
        .organisation("b", "Beta NHS Trust", "trust")
        .body("a.board", "Alpha board", "board", organisations="a")
        .post("a.ceo", "Alpha chief executive", "ceo", organisation="a")
        .member("a.board", "a.ceo")
        .delegate("a.board", "a.ceo", ["approve_expenditure"], limit=50_000, id="d1")
        .build()
    )
    assert govmodel.loads(govmodel.dumps(built)) == built
    assert built.delegation("d1").limit == 50_000


def test_the_builder_reports_every_dangling_reference_at_once() -> None:
    """Two bad references give one error listing both."""
    b = (
        govmodel.Builder("x", as_of="2023-01-01")
        .organisation("a", "A", "ft")
        .body("j", "Joint", "joint_committee", organisations=["a", "zz"])
        .delegate("a.board", "j", "approve_budget")
    )
    with pytest.raises(govmodel.ModelError) as caught:
        b.build()
    assert [p.path for p in caught.value.problems] == [
        ("bodies", 0, "organisations", 1),
        ("delegations", 0, "from"),
    ]


def test_records_reject_unknown_kinds_at_once() -> None:
    """A bad kind in Python raises UnknownKind naming the valid ones."""
    with pytest.raises(govmodel.UnknownKind, match="Valid party types"):
        govmodel.Organisation("a", "A", "quango")
