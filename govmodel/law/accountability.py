"""Statutory accountability: who each kind of organisation answers to, by date.

These are the "ends" an accountability trace climbs to. Each step is cited;
where the regulator changed (Monitor, the NHS Trust Development Authority,
NHS England) the step carries its period.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from govmodel.law.base import Basis, Citation, Confidence, Period, d
from govmodel.law.rules import get
from govmodel.law.sources import cite
from govmodel.model.kinds import BodyKind
from govmodel.model.kinds import PartyType as T

__all__ = [
    "CONTRACT_RULE",
    "END_LABELS",
    "JOINT_BODY_RULE",
    "TERMINAL",
    "Step",
    "ends_above",
    "governance_rule",
    "organisation_ends",
    "reserved_by_statute",
    "statutory_reserved",
]


@attrs.frozen
class Step:
    """One cited step of statutory accountability, in force for a period."""

    target: str
    relation: str
    text: str
    citation: Citation
    period: Period = attrs.field(factory=Period)
    basis: Basis = Basis.CONFIRMED
    confidence: Confidence = Confidence.HIGH


#: Human labels of the external ends (``{org}`` is replaced by the organisation's label).
END_LABELS = {
    "nhs_england": "NHS England",
    "monitor": "Monitor (foundation trust regulator)",
    "nhs_tda": "NHS Trust Development Authority",
    "strategic_health_authority": "Strategic health authority",
    "secretary_of_state": "Secretary of State for Health and Social Care",
    "parliament": "Parliament",
    "cic_regulator": "Regulator of Community Interest Companies",
    "charity_commission": "Charity Commission",
    "members": "{org} members",
    "shareholders": "{org} shareholders or members",
    "electorate": "{org} electorate",
    "governors": "{org} council of governors",
}

#: Ends with nothing above them.
TERMINAL = frozenset(
    {"parliament", "members", "shareholders", "electorate", "charity_commission", "cic_regulator"}
)

_MONITOR_END = d("2022-06-30")
_NHSE_REGULATES = d("2022-07-01")
_ACT_2006 = d("2007-03-01")
_BEFORE_2006 = d("2007-02-28")


def _steps(
    target: str,
    relation: str,
    text: str,
    *cited: tuple[Citation, Period],
    basis: Basis = Basis.CONFIRMED,
    confidence: Confidence = Confidence.HIGH,
) -> tuple[Step, ...]:
    """One step per period, each citing the text in force in that period."""
    return tuple(Step(target, relation, text, c, p, basis, confidence) for c, p in cited)


def _dated(
    key: str, provision: str, path: str, start: str | None, end: str | None
) -> tuple[Citation, Period]:
    period = Period(d(start) if start else None, d(end) if end else None)
    return cite(key, provision, path, start=period.start, end=period.end), period


_SOS_TO_PARLIAMENT = _steps(
    "parliament",
    "accountable_to",
    "The Secretary of State keeps ministerial responsibility to Parliament for the health "
    "service in England.",
    _dated("nhs-act-1977", "s.1", "section/1", None, "2007-02-28"),
    _dated("nhs-act-2006", "s.1", "section/1", "2007-03-01", "2013-03-31"),
    # s.1(3) in the words "retains ministerial responsibility to Parliament", as
    # substituted by the Health and Social Care Act 2012 s.1 from April 2013
    _dated("nhs-act-2006", "s.1(3)", "section/1", "2013-04-01", None),
)
_NHSE_TO_SOS = _steps(
    "secretary_of_state",
    "accountable_to",
    "NHS England is accountable to the Secretary of State, who sets its mandate.",
    _dated("nhs-act-2006", "s.13A", "section/13A", "2012-10-01", None),
    basis=Basis.UNCHECKED,
    confidence=Confidence.MEDIUM,
)
_SHA_TO_SOS = _steps(
    "secretary_of_state",
    "accountable_to",
    "Strategic health authorities were established by, and answered to, the Secretary of State.",
    _dated("nhsrhcpa-2002", "s.1 (NHS Act 1977 s.8)", "section/1", "2002-10-01", "2007-02-28"),
    _dated("nhs-act-2006", "s.13", "section/13", "2007-03-01", "2013-03-31"),
    basis=Basis.UNCHECKED,
    confidence=Confidence.MEDIUM,
)
_SPHA_TO_SOS = _steps(
    "secretary_of_state",
    "accountable_to",
    "A special health authority is established by the Secretary of State's order and answers "
    "to the Secretary of State.",
    _dated("nhs-act-1977", "s.11", "section/11", None, "2007-02-28"),
    _dated("nhs-act-2006", "s.28", "section/28", "2007-03-01", None),
    basis=Basis.UNCHECKED,
    confidence=Confidence.MEDIUM,
)

_BY_TYPE: dict[T, tuple[Step, ...]] = {
    T.NHS_FOUNDATION_TRUST: (
        *_steps(
            "governors",
            "held_to_account_by",
            "The council of governors holds the non-executive directors to account for the "
            "board's performance.",
            _dated(
                "nhs-act-2006", "Sch 7 para 10A", "schedule/7/paragraph/10A", "2012-10-01", None
            ),
        ),
        *_steps(
            "monitor",
            "regulated_by",
            "The Independent Regulator of NHS Foundation Trusts (Monitor) authorised and "
            "regulated foundation trusts.",
            _dated("hscchsa-2003", "s.2", "section/2", "2004-04-01", "2007-02-28"),
            _dated("nhs-act-2006", "s.31", "section/31", "2007-03-01", "2012-06-30"),
            _dated("hsca-2012", "s.61", "section/61", "2012-07-01", "2022-06-30"),
        ),
        *_steps(
            "nhs_england",
            "regulated_by",
            "NHS England regulates foundation trusts since Monitor's abolition.",
            _dated("hca-2022", "s.33 and Sch 5", "section/33", "2022-07-01", None),
        ),
    ),
    T.NHS_TRUST: (
        *_steps(
            "secretary_of_state",
            "established_by",
            "NHS trusts are established by the Secretary of State's orders and answer to "
            "national NHS bodies.",
            _dated("nhscca-1990", "s.5", "section/5", "1991-04-01", "2007-02-28"),
            _dated("nhs-act-2006", "s.25", "section/25", "2007-03-01", "2012-05-31"),
        ),
        *_steps(
            "nhs_tda",
            "overseen_by",
            "The NHS Trust Development Authority, a special health authority, oversaw NHS trusts "
            "(appointing their board members from October 2012).",
            _dated("si-2012-901", "art 1", "made", "2012-06-01", "2022-06-30"),
        ),
        *_steps(
            "nhs_england",
            "overseen_by",
            "NHS England oversees and may direct NHS trusts.",
            _dated("nhs-act-2006", "ss.27A-27D", "section/27A", "2022-07-01", None),
        ),
    ),
    T.INTEGRATED_CARE_BOARD: _steps(
        "nhs_england",
        "assessed_and_directed_by",
        "NHS England assesses each ICB's performance and may direct it.",
        _dated("nhs-act-2006", "ss.14Z59-14Z61", "section/14Z59", "2022-07-01", None),
    ),
    T.CLINICAL_COMMISSIONING_GROUP: _steps(
        "nhs_england",
        "assessed_and_directed_by",
        "NHS England assessed CCGs and could direct them.",
        _dated("nhs-act-2006", "ss.14Z16, 14Z21", "section/14Z16", "2013-04-01", "2022-06-30"),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
    T.PRIMARY_CARE_TRUST: (
        *_steps(
            "secretary_of_state",
            "established_by",
            "Primary care trusts were established by the Secretary of State's orders.",
            _dated("nhs-act-1977", "s.16A", "section/16A", "2000-04-01", "2007-02-28"),
            _dated("nhs-act-2006", "s.18", "section/18", "2007-03-01", "2013-03-31"),
        ),
        *_steps(
            "strategic_health_authority",
            "overseen_by",
            "Strategic health authorities oversaw the PCTs in their regions, and directed how "
            "their functions were exercised.",
            _dated("si-2002-2375", "reg 10(1)", "regulation/10/made", "2002-10-01", "2013-03-31"),
            basis=Basis.CONFIRMED,
            confidence=Confidence.MEDIUM,
        ),
    ),
    T.HEALTH_AUTHORITY: _steps(
        "secretary_of_state",
        "established_by",
        "Health authorities were established by, and answered to, the Secretary of State.",
        _dated("ha-act-1995", "s.1 (NHS Act 1977 s.8)", "section/1", "1996-04-01", "2002-09-30"),
    ),
    T.STRATEGIC_HEALTH_AUTHORITY: _SHA_TO_SOS,
    T.SPECIAL_HEALTH_AUTHORITY: _SPHA_TO_SOS,
    T.NHS_ENGLAND: _NHSE_TO_SOS,
    T.LOCAL_AUTHORITY: _steps(
        "electorate",
        "elected_by",
        "Councillors are elected by, and answer to, the electorate.",
        _dated("lga-1972", "Part I", "part/I", None, None),
        basis=Basis.UNCHECKED,
    ),
    T.DISTRICT_COUNCIL: _steps(
        "electorate",
        "elected_by",
        "Councillors are elected by, and answer to, the electorate.",
        _dated("lga-1972", "Part II", "part/II", None, None),
        basis=Basis.UNCHECKED,
    ),
    T.PARISH_COUNCIL: _steps(
        "electorate",
        "elected_by",
        "Parish councillors are elected by, and answer to, the local government electors.",
        _dated("lga-1972", "Part IV", "part/IV", None, None),
        basis=Basis.UNCHECKED,
    ),
    T.COMBINED_AUTHORITY: _steps(
        "electorate",
        "accountable_to",
        "A combined authority answers to its constituent councils and, through them, their "
        "electorates.",
        _dated("ldedca-2009", "s.103", "section/103", None, None),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
    T.COMBINED_COUNTY_AUTHORITY: _steps(
        "electorate",
        "accountable_to",
        "A combined county authority answers to its constituent councils and, through them, "
        "their electorates.",
        _dated("lura-2023", "Part 2", "part/2", None, None),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
    T.COMMUNITY_INTEREST_COMPANY: (
        *_steps(
            "members",
            "owned_by",
            "A CIC's directors answer to its members.",
            _dated("companies-act-1985", "(company law)", "", "2005-07-01", "2009-09-30"),
            _dated("companies-act-2006", "Part 10", "part/10", "2009-10-01", None),
            basis=Basis.UNCHECKED,
        ),
        *_steps(
            "cic_regulator",
            "regulated_by",
            "The Regulator of Community Interest Companies oversees the community interest test "
            "and the asset lock.",
            _dated("caice-2004", "Part 2", "part/2", "2005-07-01", None),
        ),
    ),
    T.COMPANY: _steps(
        "shareholders",
        "owned_by",
        "A company's directors answer to its shareholders or members.",
        _dated("companies-act-1985", "(company law)", "", None, "2009-09-30"),
        _dated("companies-act-2006", "Part 10", "part/10", "2009-10-01", None),
        basis=Basis.UNCHECKED,
    ),
    T.LIMITED_LIABILITY_PARTNERSHIP: _steps(
        "shareholders",
        "owned_by",
        "An LLP answers to its members.",
        _dated("llp-act-2000", "s.1", "section/1", "2001-04-06", None),
        basis=Basis.UNCHECKED,
    ),
    T.CHARITY: _steps(
        "charity_commission",
        "regulated_by",
        "A charity's trustees answer to the Charity Commission.",
        _dated("charities-act-1993", "s.1", "section/1", None, "2012-03-13"),
        _dated("charities-act-2011", "s.13", "section/13", "2012-03-14", None),
        basis=Basis.UNCHECKED,
    ),
    T.GP_PRACTICE: _steps(
        "shareholders",
        "owned_by",
        "A practice answers to its partners or owners.",
        _dated("nhs-act-1977", "Part II", "part/II", None, "2007-02-28"),
        _dated("nhs-act-2006", "Part 4", "part/4", "2007-03-01", None),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
}

_ABOVE_ENDS: dict[str, tuple[Step, ...]] = {
    "governors": _steps(
        "members",
        "elected_by",
        "Governors are elected by the trust's members and represent them and the public.",
        _dated("hscchsa-2003", "Sch 1", "schedule/1", "2004-04-01", "2007-02-28"),
        _dated("nhs-act-2006", "Sch 7", "schedule/7", "2007-03-01", None),
    ),
    "nhs_england": _NHSE_TO_SOS,
    "monitor": _steps(
        "secretary_of_state",
        "accountable_to",
        "Monitor answered to the Secretary of State and Parliament.",
        _dated("hscchsa-2003", "s.2", "section/2", "2004-04-01", "2007-02-28"),
        _dated("nhs-act-2006", "s.31", "section/31", "2007-03-01", "2012-06-30"),
        _dated("hsca-2012", "s.61", "section/61", "2012-07-01", "2022-06-30"),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
    "nhs_tda": _steps(
        "secretary_of_state",
        "accountable_to",
        "The NHS TDA was a special health authority answering to the Secretary of State.",
        _dated("nhs-act-2006", "s.28", "section/28", "2012-06-01", "2022-06-30"),
        basis=Basis.UNCHECKED,
        confidence=Confidence.MEDIUM,
    ),
    "strategic_health_authority": _SHA_TO_SOS,
    "secretary_of_state": _SOS_TO_PARLIAMENT,
}


def organisation_ends(party_type: T, on: date) -> Iterator[Step]:
    """The cited steps from an organisation of ``party_type``'s board, in force on ``on``."""
    for step in _BY_TYPE.get(party_type, ()):
        if step.period.contains(on):
            yield step


def ends_above(end: str, on: date) -> Iterator[Step]:
    """The cited steps above the external end ``end`` on ``on``."""
    for step in _ABOVE_ENDS.get(end, ()):
        if step.period.contains(on):
            yield step


#: Matters that statute gives to a body other than the board: (party type, matter) ->
#: (the body kind that holds it, the rule id).
_RESERVED: dict[tuple[T, str], tuple[BodyKind, str]] = {
    (T.NHS_FOUNDATION_TRUST, "appoint_remove_chair"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-001"),
    (T.NHS_FOUNDATION_TRUST, "appoint_remove_neds"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-001"),
    (T.NHS_FOUNDATION_TRUST, "set_chair_ned_pay"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-001"),
    (T.NHS_FOUNDATION_TRUST, "approve_ceo_appointment"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-002"),
    (T.NHS_FOUNDATION_TRUST, "appoint_remove_auditor"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-003"),
    (T.NHS_FOUNDATION_TRUST, "amend_constitution"): (BodyKind.COUNCIL_OF_GOVERNORS, "FTR-004"),
    (T.NHS_FOUNDATION_TRUST, "approve_significant_transaction"): (
        BodyKind.COUNCIL_OF_GOVERNORS,
        "FTR-007",
    ),
    (T.NHS_FOUNDATION_TRUST, "approve_merger_application"): (
        BodyKind.COUNCIL_OF_GOVERNORS,
        "FTR-008",
    ),
    (T.NHS_FOUNDATION_TRUST, "approve_non_nhs_income_increase"): (
        BodyKind.COUNCIL_OF_GOVERNORS,
        "FTR-006",
    ),
}


def statutory_reserved(party_type: T, matter: str) -> tuple[BodyKind, str] | None:
    """The body kind statute gives ``matter`` to in an organisation of ``party_type``,
    with the rule id, or ``None`` when the board holds it.

    >>> statutory_reserved(T.NHS_FOUNDATION_TRUST, "appoint_remove_auditor")
    (<BodyKind.COUNCIL_OF_GOVERNORS: 'council_of_governors'>, 'FTR-003')
    """
    return _RESERVED.get((party_type, matter))


def reserved_by_statute(party_type: T, matter: str, on: date) -> tuple[BodyKind, str] | None:
    """Like :func:`statutory_reserved`, but only while the rule that reserves the
    matter is in force on ``on``."""
    found = statutory_reserved(party_type, matter)
    return found if found is not None and get(found[1]).in_force_on(on) else None


#: The rule under which an organisation of each type governs itself through its board,
#: committees and officers: what a trace cites for a step inside one organisation.
_GOVERNANCE_RULES: dict[T, str] = {
    T.NHS_FOUNDATION_TRUST: "BC-001",
    T.NHS_TRUST: "BC-004",
    T.PRIMARY_CARE_TRUST: "BC-005",
    T.CLINICAL_COMMISSIONING_GROUP: "BC-006",
    T.LOCAL_AUTHORITY: "BC-008",
    T.COMBINED_AUTHORITY: "BC-008",
}

#: What a step through a body of several organisations (or of an unknown one) cites:
#: a partnership board binds a partner only through that partner's own authority.
JOINT_BODY_RULE = "CJV-005"

#: What a provider board's ``contracted_by`` step to a commissioner cites: the
#: commissioner takes part by awarding the contract.
CONTRACT_RULE = "LP-007"


def governance_rule(party_type: T | None) -> str:
    """The rule a step inside an organisation of ``party_type`` cites
    (:data:`JOINT_BODY_RULE` when the type is unknown or has no rule of its own).

    >>> governance_rule(T.NHS_TRUST), governance_rule(T.CHARITY)
    ('BC-004', 'CJV-005')
    """
    return _GOVERNANCE_RULES.get(party_type, JOINT_BODY_RULE) if party_type else JOINT_BODY_RULE
