"""Classifying multi-party bodies by their legal effect."""

from __future__ import annotations

import govmodel
from govmodel import LegalCharacter as L


def test_the_2016_acute_joint_committee_is_advisory_and_flagged() -> None:
    """Two FTs could not delegate to a joint committee in 2016: advisory, name mismatch."""
    c = govmodel.classify(
        govmodel.examples.load("mse-success-regime-2016"),
        "acute.joint_committee",
        on=govmodel.examples.load("mse-success-regime-2016").as_of,
    )
    assert (c.character, c.mismatch) == (L.ADVISORY_FORUM, True)
    assert "JC-015" in {r.id for r in c.rules}


def test_the_ccg_joint_committee_is_statutory_once_the_ccgs_delegate() -> None:
    """Five CCGs delegating in 2017 under s.14Z3(2A): a statutory joint committee."""
    model = govmodel.examples.load("mse-success-regime-2016")
    c = model.classify("mse.ccg_joint_committee", on="2018-01-01")
    assert (c.character, c.mismatch) == (L.STATUTORY_JOINT_COMMITTEE, False)
    assert [r.id for r in c.rules] == ["JC-007"]


def test_the_msecc_board_is_a_contractual_partnership_board() -> None:
    """Set up by the joint venture agreement; binds partners through their own authority."""
    for name in ("msecc-2020", "msecc-2023"):
        c = govmodel.examples.load(name).classify("msecc.board")
        assert (c.character, c.mismatch) == (L.CONTRACTUAL_PARTNERSHIP_BOARD, False)


def test_ratification_makes_a_body_advisory() -> None:
    """If every decision needs ratifying, the delegating bodies decide."""
    model = (
        govmodel.Builder("x", as_of="2023-01-01")
        .organisation("a", "A", "ft")
        .organisation("b", "B", "ft")
        .body("a.board", "A board", "board", organisations="a")
        .body("b.board", "B board", "board", organisations="b")
        .body("j", "Joint", "joint_committee", organisations=["a", "b"])
        .delegate("a.board", "j", "approve_budget", ratification=True)
        .delegate("b.board", "j", "approve_budget", ratification=True)
        .build()
    )
    assert model.classify("j").character is L.ADVISORY_FORUM
    unratified = (
        govmodel.Builder.from_model(model)
        .delegate("a.board", "j", "approve_strategy")
        .delegate("b.board", "j", "approve_strategy")
        .build()
    )
    assert unratified.classify("j").character is L.STATUTORY_JOINT_COMMITTEE
    assert unratified.classify("j", on="2022-06-30").character is L.INDIVIDUAL_DECISION_MAKERS


def test_a_single_organisation_body_is_a_single_body() -> None:
    """A board of one organisation is what it says."""
    c = govmodel.examples.load("msecc-2020").classify("eput.board")
    assert c.character is L.SINGLE_BODY and not c.mismatch


def test_classify_ignores_delegators_not_in_force_and_parties_not_yet_in_existence() -> None:
    """A delegation from a board that has ended, and an NHS England that did not yet
    exist, give a classification rather than an error (both found by Hypothesis)."""
    from govmodel import Body, Delegation, GovernanceModel, Organisation

    model = GovernanceModel(
        name="x",
        as_of="2005-01-01",
        organisations=[
            Organisation("a", "A", "nhs_trust"),
            Organisation("n", "N", "nhs_england"),
        ],
        bodies=[
            Body("a.board", "A board", "board", ("a",), end="2004-12-31"),
            Body("j", "Joint", "joint_committee", ("a", "n")),
        ],
        delegations=[Delegation("d", "a.board", "j", ("agree_service_model",))],
    )
    found = model.classify("j")
    assert found.character.value == "advisory_forum" and found.mismatch
