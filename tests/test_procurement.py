"""The procurement regimes by buyer type and the date the procurement began.

Each boundary is tested on both sides: the day a regime starts, and the day
before. The regime follows the date the procurement *began* (PCR 2015 regs 118
and 120, PSR reg 29, SI 2024/716 reg 5), so a procurement begun before a change
and awarded after it stays under the old rules.
"""

from __future__ import annotations

from datetime import date

import pytest

import govmodel
from govmodel.law.facts import Facts
from govmodel.law.procurement import regimes
from govmodel.model.kinds import PartyType

D = date.fromisoformat


def ids(buyer: str, began: str) -> list[str]:
    return [r.id for r in regimes(buyer, D(began))]


@pytest.mark.parametrize(
    ("buyer", "began", "expected"),
    [
        # Public Contracts Regulations 2006 (from 31 January 2006)
        ("la", "2006-01-30", []),
        ("la", "2006-01-31", ["PROC-001"]),
        ("district", "2006-01-31", ["PROC-001"]),
        ("pct", "2006-01-31", ["PROC-002"]),
        ("trust", "2006-01-31", ["PROC-003"]),
        ("cic", "2006-01-30", []),
        ("cic", "2006-01-31", ["PROC-017"]),
        # The PRCC (guidance) from December 2007 to March 2013
        ("pct", "2007-12-12", ["PROC-002"]),
        ("pct", "2007-12-13", ["PROC-002", "PROC-004"]),
        ("ft", "2010-10-29", ["PROC-003", "PROC-004"]),
        ("pct", "2013-03-31", ["PROC-002", "PROC-004"]),
        ("trust", "2013-04-01", ["PROC-003"]),
        # SI 2013/500 for NHS England and CCGs from 1 April 2013
        ("ccg", "2013-04-01", ["PROC-002", "PROC-005"]),
        ("nhse", "2013-04-01", ["PROC-002", "PROC-005"]),
        # PCR 2015 from 26 February 2015; NHS deferral (reg 120) to 17 April 2016
        ("la", "2015-02-25", ["PROC-001"]),
        ("la", "2015-02-26", ["PROC-007"]),
        ("ca", "2015-02-26", ["PROC-007"]),
        ("trust", "2015-02-25", ["PROC-003"]),
        ("trust", "2015-02-26", ["PROC-009"]),
        ("ccg", "2015-02-25", ["PROC-002", "PROC-005"]),
        ("ccg", "2015-02-26", ["PROC-005", "PROC-006"]),
        ("ccg", "2016-04-17", ["PROC-005", "PROC-006"]),
        ("ccg", "2016-04-18", ["PROC-005", "PROC-008"]),
        ("spha", "2015-02-26", ["PROC-010"]),
        # ICBs in place of CCGs from 1 July 2022
        ("icb", "2022-07-01", ["PROC-005", "PROC-008"]),
        ("icb", "2023-12-31", ["PROC-005", "PROC-008"]),
        # The Provider Selection Regime from 1 January 2024
        ("icb", "2024-01-01", ["LP-003"]),
        ("nhse", "2024-01-01", ["LP-003"]),
        ("la", "2023-12-31", ["PROC-007"]),
        # a council's social care stays under PCR 2015 until the Procurement Act (PROC-018)
        ("la", "2024-01-01", ["LP-003", "PROC-018"]),
        ("ca", "2024-01-01", ["LP-003", "PROC-018"]),
        ("trust", "2023-12-31", ["PROC-009"]),
        ("trust", "2024-01-01", ["LP-004"]),
        ("ft", "2024-01-01", ["LP-004"]),
        ("district", "2023-12-31", ["PROC-007"]),
        ("district", "2024-01-01", ["PROC-016"]),
        ("cca", "2024-01-01", ["PROC-016"]),
        ("cic", "2024-01-01", ["PROC-017"]),
        # SI 2025/163 and the Procurement Act 2023 from 24 February 2025
        ("icb", "2025-02-23", ["LP-003"]),
        ("icb", "2025-02-24", ["LP-003", "PROC-013"]),
        ("ft", "2025-02-24", ["LP-004", "PROC-013"]),
        ("la", "2025-02-23", ["LP-003", "PROC-018"]),
        ("la", "2025-02-24", ["LP-003", "PROC-013", "PROC-019"]),
        ("spha", "2025-02-23", ["PROC-010"]),
        ("spha", "2025-02-24", ["PROC-014"]),
        ("company", "2025-02-24", ["PROC-017"]),
    ],
)
def test_each_regime_starts_and_ends_on_its_date(
    buyer: str, began: str, expected: list[str]
) -> None:
    """The rules binding each buyer type on each side of every regime boundary."""
    assert ids(buyer, began) == expected


def test_a_procurement_begun_before_the_psr_stays_under_pcr_2015() -> None:
    """Begun 2023-10-01, awarded 2024-11-01: PCR 2015 and SI 2013/500, not the PSR (reg 29(1))."""
    began, awarded = D("2023-10-01"), D("2024-11-01")
    at_start = regimes("icb", began)
    assert {r.id for r in at_start} == {"PROC-005", "PROC-008"}
    assert any(
        "Public Contracts Regulations 2015" in c.instrument for r in at_start for c in r.citations
    )
    assert any("(No. 2) Regulations 2013" in c.instrument for r in at_start for c in r.citations)
    assert "LP-003" not in {r.id for r in at_start}
    # Asking by the award date would name the wrong regime; the verdict on that date warns so.
    assert [r.id for r in regimes("icb", awarded)] == ["LP-003"]
    v = govmodel.forms([("icb", "BSW ICB"), ("ft", "Provider")], on=awarded)["lead_provider"]
    assert "PROC-011" in {r.rule for r in v.reasons}


def test_a_procurement_begun_before_the_procurement_act_stays_under_pcr_2015() -> None:
    """SI 2024/716 reg 5: a special health authority's procurement begun 2025-02-23 is PCR 2015."""
    assert ids("spha", "2025-02-23") == ["PROC-010"]
    v = govmodel.forms(["spha", "company"], on="2025-03-01")["lead_provider"]
    assert "PROC-015" in {r.rule for r in v.reasons}


def test_councils_were_never_bound_by_the_2013_regulations() -> None:
    """SI 2013/500 binds NHS England and CCGs (ICBs from July 2022) only."""
    for day in ("2013-04-01", "2016-06-01", "2021-02-24", "2023-06-01"):
        assert "PROC-005" not in ids("la", day)
        assert "PROC-005" not in ids("ft", day)


def test_every_psr_relevant_authority_is_bound_from_2024() -> None:
    """s.12ZB(7): combined authorities, ICBs, councils, NHS England, FTs and NHS trusts."""
    for kind in ("ca", "icb", "la", "nhse", "ft", "trust"):
        assert set(ids(kind, "2024-01-01")) & {"LP-003", "LP-004"}, kind


def test_a_non_nhs_lead_provider_is_never_under_the_psr_and_never_called_unregulated() -> None:
    """A CIC, company or charity: not the PSR, but an open question rather than 'none'."""
    for kind in ("cic", "company", "charity", "llp", "gp_practice"):
        found = regimes(kind, D("2024-06-01"))
        assert [r.id for r in found] == ["PROC-017"]
        assert found[0].fact == "procurement_regime_followed"


def test_types_accept_enums_and_dates_accept_text() -> None:
    """`regimes` takes a PartyType or an alias, and a date or ISO text."""
    assert regimes(PartyType.INTEGRATED_CARE_BOARD, "2024-01-01") == regimes("icb", D("2024-01-01"))


def test_every_regime_rule_is_a_condition_on_a_buyer() -> None:
    """Each regime rule names the buyer types it binds, and all but the guidance and the
    2025 amendments turn on the fact `procurement_regime_followed`."""
    found = {
        r.id: r
        for day in ("2010-01-01", "2016-01-01", "2020-01-01", "2025-06-01")
        for kind in PartyType
        for r in regimes(kind, day)
    }
    assert found
    for rule in found.values():
        assert rule.parties
        assert rule.fact == "procurement_regime_followed" or rule.id in {"PROC-004", "PROC-013"}


def test_the_verdict_asks_about_the_regime_and_an_unmet_one_is_not_lawful() -> None:
    """On the start date the lead provider verdict asks whether the regime was followed."""
    parties = [("icb", "MSE ICB"), ("ft", "EPUT")]
    v = govmodel.forms(parties, on="2025-01-20")["lead_provider"]
    assert v.verdict is govmodel.Verdict.LAWFUL
    assert any("procurement_regime_followed" in q and "MSE ICB" in q for q in v.questions)
    no = Facts.of([("procurement_regime_followed", None, False)])
    assert govmodel.forms(parties, on="2025-01-20", facts=no)["lead_provider"].verdict is (
        govmodel.Verdict.NOT_LAWFUL
    )
