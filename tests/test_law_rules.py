"""The rulebook's integrity, the date boundaries, and properties of every verdict."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govmodel
from govmodel import FormId, PartyNotInExistence, PartyType, Verdict
from govmodel.law import RULEBOOK, Basis, Confidence, Effect, Period
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import get


def test_every_rule_is_complete_and_ids_are_unique() -> None:
    """Each rule has an id, statement, citation with URL, period, basis and confidence."""
    ids = [r.id for r in RULEBOOK]
    assert len(ids) == len(set(ids))
    for rule in RULEBOOK:
        assert rule.statement and rule.title
        assert rule.citations and all(
            c.url.startswith("https://") or c.url.startswith("http://") for c in rule.citations
        )
        assert all(c.text for c in rule.citations)
        assert isinstance(rule.in_force, Period)
        if rule.in_force.start and rule.in_force.end:
            assert rule.in_force.start <= rule.in_force.end
        assert isinstance(rule.basis, Basis) and isinstance(rule.confidence, Confidence)
        assert rule.since in ("0.1.0", "0.2.0") and rule.since <= govmodel.__version__


def test_every_party_type_and_form_has_rules() -> None:
    """No party type or form is left without a rule that decides it."""
    for form in FormId:
        assert any(r.concerns(form) and r.effect is Effect.PERMIT for r in RULEBOOK), form
    for ptype in PartyType:
        assert any(
            ptype in r.parties or (r.route and ptype in r.route.members) for r in RULEBOOK
        ), ptype


def test_unchecked_rules_never_claim_high_confidence_without_saying_why() -> None:
    """An unchecked ([K]) rule at high confidence must carry a note or be a plain fact."""
    for rule in RULEBOOK:
        if rule.basis is Basis.UNCHECKED and rule.confidence is Confidence.HIGH:
            assert rule.effect in (Effect.PERMIT, Effect.CLASSIFY), rule.id


def test_two_fts_joint_committee_turns_lawful_on_1_july_2022() -> None:
    """The s.65Z5 boundary: not lawful on 30 June 2022, lawful on 1 July 2022."""
    before = govmodel.forms(["ft", "ft"], on="2022-06-30")["joint_committee"]
    after = govmodel.forms(["ft", "ft"], on="2022-07-01")["joint_committee"]
    assert before.verdict is Verdict.NOT_LAWFUL and "JC-005" in {r.rule for r in before.reasons}
    assert after.verdict is Verdict.LAWFUL and "JC-001" in {r.rule for r in after.reasons}


def test_two_fts_and_a_cic_in_2023_are_partial_with_the_fts_eligible() -> None:
    """The CIC is left out; the two FTs can form the joint committee."""
    v = govmodel.forms(["ft", "ft", "cic"], on="2023-01-01")["joint_committee"]
    assert v.verdict is Verdict.PARTIAL
    assert v.eligible == ("nhs_foundation_trust#1", "nhs_foundation_trust#2")


@pytest.mark.parametrize(
    ("party", "day"),
    [
        ("pct", "2013-04-01"),
        ("icb", "2022-06-30"),
        ("ccg", "2022-07-01"),
        ("cic", "2005-06-30"),
        ("ft", "2004-03-31"),
    ],
)
def test_party_types_that_did_not_exist_are_reported(party: str, day: str) -> None:
    """A party type used outside its period raises, saying why."""
    with pytest.raises(PartyNotInExistence, match="did not exist on " + day):
        govmodel.forms([party, "la"], on=day)


def test_an_organisation_outside_its_own_dates_is_reported() -> None:
    """An organisation's own end date counts, not only its type's."""
    model = govmodel.examples.load("mse-success-regime-2016")
    with pytest.raises(PartyNotInExistence, match="BTUH"):
        govmodel.forms([model.organisation("btuh")], on="2021-01-01")


def test_rule_lookup_is_case_insensitive_and_suggests() -> None:
    """`get` accepts any case and suggests the closest ids."""
    assert get("jc-005").id == "JC-005"
    with pytest.raises(govmodel.NoSuchRecord, match="JC-005"):
        get("JC-05")


# -- properties ------------------------------------------------------------------------------

DAY0 = date(2006, 1, 1)
dates = st.integers(0, 365 * 20).map(lambda n: DAY0 + timedelta(days=n))


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[PartyType], date]:
    """A date and party types that existed on it."""
    day = draw(dates)
    alive = [t for t, info in PARTY_TYPES.items() if info.existed.contains(day)]
    return draw(st.lists(st.sampled_from(alive), min_size=1, max_size=6)), day


@given(mixes())
def test_every_verdict_carries_a_citation_with_a_url(mix: tuple[list[PartyType], date]) -> None:
    """Whatever the mix and date, each form's verdict cites at least one rule with a URL."""
    types, day = mix
    for v in govmodel.forms(types, on=day):
        assert v.reasons and all(r.url.startswith("http") for r in v.reasons)


@given(mixes())
def test_a_cic_is_never_eligible_for_section_75(mix: tuple[list[PartyType], date]) -> None:
    """No date and no partner mix make a CIC a section 75 partner."""
    types, day = mix
    result = govmodel.forms([*types, PartyType.COMMUNITY_INTEREST_COMPANY], on=day)
    assert not any(
        name.startswith("community_interest_company")
        for name in result["section_75_partnership"].eligible
    )


@given(mixes())
def test_verdicts_are_consistent_with_eligibility(mix: tuple[list[PartyType], date]) -> None:
    """Lawful means all eligible; partial a proper subset; unknown lists those known able
    to take part (possibly none); otherwise nobody."""
    types, day = mix
    result = govmodel.forms(types, on=day)
    names = [p.name for p in result.parties]
    for v in result:
        if v.verdict is Verdict.LAWFUL:
            assert list(v.eligible) == names
        elif v.verdict is Verdict.PARTIAL:
            assert set(v.eligible) < set(names) and v.eligible
        elif v.verdict is Verdict.UNKNOWN:
            assert set(v.eligible) < set(names)
        else:
            assert v.eligible == ()


@given(mixes())
def test_the_order_of_parties_does_not_change_verdicts(mix: tuple[list[PartyType], date]) -> None:
    """Shuffling the parties leaves every verdict and eligible set unchanged."""
    types, day = mix
    named = [(t, f"p{i}") for i, t in enumerate(types)]
    forward = govmodel.forms(named, on=day)
    backward = govmodel.forms(list(reversed(named)), on=day)
    for a, b in zip(forward, backward, strict=True):
        assert (a.verdict, set(a.eligible)) == (b.verdict, set(b.eligible))


def test_facts_given_as_a_mapping_settle_the_conditions() -> None:
    """``facts={"fact@party": yes/no}`` states a fact in Python as --fact does on the
    command line; a mistyped fact gets the closest ids."""
    parties = [("ft", "EPUT"), ("ft", "NELFT")]
    asked = govmodel.forms(parties, on="2023-04-01")["merger_acquisition"]
    stated = govmodel.forms(
        parties, on="2023-04-01", facts={"governors_approved_application": "yes"}
    )["merger_acquisition"]
    refused = govmodel.forms(
        parties, on="2023-04-01", facts={"governors_approved_application@EPUT": False}
    )["merger_acquisition"]
    status = {r.rule: r.status for r in asked.requirements}
    assert status["MA-001"] == "unknown"
    assert {r.rule: r.status for r in stated.requirements}["MA-001"] == "met"
    assert refused.verdict is Verdict.NOT_LAWFUL and "MA-001" in {r.rule for r in refused.reasons}
    with pytest.raises(govmodel.UnknownKind, match="governors_approved_application"):
        govmodel.forms(parties, on="2023-04-01", facts={"governors_aproved_application": True})


def test_the_citation_shown_is_about_the_parties_asked() -> None:
    """LP-001 cites each kind of provider's own contracting power, in force on the
    date; for parties with no such power of their own the general law is cited."""

    def cited(*parties: str) -> str:
        verdict = govmodel.forms(list(parties), on="2024-06-01")["lead_provider"]
        return next(r.citation for r in verdict.reasons if r.rule == "LP-001")

    assert "Sch 4 para 14" in cited("trust", "trust")
    assert "s.47" in cited("ft", "ft")
    assert cited("icb", "gp_practice").startswith("The general law of contract")
    rule = govmodel.law.rules.get("LP-001")
    for on in ("2001-01-01", "2010-01-01", "2024-06-01"):
        assert rule.citation_on(date.fromisoformat(on), {PartyType.PRIMARY_CARE_TRUST}).in_force_on(
            date.fromisoformat(on)
        )
