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
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import get
from govmodel.law.sources import caice, commentary, hca2022, hsca2012, lga1972, nhsa
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
_S1_3 = nhsa("s.1(3)", "section/1")
_SCH7_10A = nhsa("Sch 7 para 10A", "schedule/7/paragraph/10A")

_SHA_TO_SOS = Step(
    "secretary_of_state",
    "accountable_to",
    "Strategic health authorities answered to the Secretary of State.",
    hsca2012("s.33", "section/33"),
    Period(),
    Basis.UNCHECKED,
    Confidence.MEDIUM,
)
_NHSE_TO_SOS = Step(
    "secretary_of_state",
    "accountable_to",
    "NHS England is accountable to the Secretary of State, who sets its mandate.",
    nhsa("s.13A", "section/13A"),
    Period(),
    Basis.UNCHECKED,
    Confidence.MEDIUM,
)

_BY_TYPE: dict[T, tuple[Step, ...]] = {
    T.NHS_FOUNDATION_TRUST: (
        Step(
            "governors",
            "held_to_account_by",
            "The council of governors holds the "
            "non-executive directors to account for the board's performance.",
            _SCH7_10A,
            Period(d("2012-10-01")),
        ),
        Step(
            "monitor",
            "regulated_by",
            "Monitor licensed and regulated foundation trusts.",
            hsca2012("s.61 (Monitor)", "section/61"),
            Period(d("2004-04-01"), _MONITOR_END),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
        Step(
            "nhs_england",
            "regulated_by",
            "NHS England regulates foundation trusts since Monitor's abolition.",
            hca2022("s.33", "section/33"),
            Period(_NHSE_REGULATES),
        ),
    ),
    T.NHS_TRUST: (
        Step(
            "secretary_of_state",
            "established_by",
            "NHS trusts are established by the "
            "Secretary of State's orders and answer to national NHS bodies.",
            nhsa("s.25", "section/25"),
            Period(None, d("2012-05-31")),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
        Step(
            "nhs_tda",
            "overseen_by",
            "The NHS Trust Development Authority oversaw NHS trusts.",
            hca2022("s.36 (abolition of the NHS TDA)", "section/36"),
            Period(d("2012-06-01"), _MONITOR_END),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
        Step(
            "nhs_england",
            "overseen_by",
            "NHS England oversees and may direct NHS trusts.",
            nhsa("ss.27B-27D", "section/27B"),
            Period(_NHSE_REGULATES),
        ),
    ),
    T.INTEGRATED_CARE_BOARD: (
        Step(
            "nhs_england",
            "assessed_and_directed_by",
            "NHS England assesses each ICB's performance and may direct it.",
            nhsa("ss.14Z59-14Z61", "section/14Z59"),
            PARTY_TYPES[T.INTEGRATED_CARE_BOARD].existed,
        ),
    ),
    T.CLINICAL_COMMISSIONING_GROUP: (
        Step(
            "nhs_england",
            "assessed_and_directed_by",
            "NHS England assessed CCGs and could direct them.",
            nhsa("s.14Z16", "section/14Z16"),
            PARTY_TYPES[T.CLINICAL_COMMISSIONING_GROUP].existed,
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
    T.PRIMARY_CARE_TRUST: (
        Step(
            "strategic_health_authority",
            "overseen_by",
            "Strategic health authorities oversaw the PCTs in their regions.",
            Citation(
                "NHS Reform and Health Care Professions Act 2002",
                "s.1",
                "https://www.legislation.gov.uk/ukpga/2002/17/section/1",
            ),
            Period(d("2002-07-01"), d("2013-03-31")),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
    T.STRATEGIC_HEALTH_AUTHORITY: (_SHA_TO_SOS,),
    T.NHS_ENGLAND: (_NHSE_TO_SOS,),
    T.LOCAL_AUTHORITY: (
        Step(
            "electorate",
            "elected_by",
            "Councillors are elected by, and answer to, the electorate.",
            lga1972("s.2", "section/2"),
            Period(),
            Basis.UNCHECKED,
            Confidence.HIGH,
        ),
    ),
    T.COMBINED_AUTHORITY: (
        Step(
            "electorate",
            "accountable_to",
            "A combined authority answers to its "
            "constituent councils and, through them, their electorates.",
            commentary(
                "Local Democracy, Economic Development and Construction Act 2009 s.103",
                "https://www.legislation.gov.uk/ukpga/2009/20/section/103",
            ),
            Period(),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
    T.COMMUNITY_INTEREST_COMPANY: (
        Step(
            "members",
            "owned_by",
            "A CIC's directors answer to its members.",
            commentary("Companies Act 2006", "https://www.legislation.gov.uk/ukpga/2006/46"),
            Period(),
            Basis.UNCHECKED,
            Confidence.HIGH,
        ),
        Step(
            "cic_regulator",
            "regulated_by",
            "The Regulator of Community Interest Companies "
            "oversees the community interest test and the asset lock.",
            caice("Part 2", "part/2"),
            Period(d("2005-07-01")),
        ),
    ),
    T.COMPANY: (
        Step(
            "shareholders",
            "owned_by",
            "A company's directors answer to its shareholders or members.",
            commentary("Companies Act 2006", "https://www.legislation.gov.uk/ukpga/2006/46"),
            Period(),
            Basis.UNCHECKED,
            Confidence.HIGH,
        ),
    ),
    T.LIMITED_LIABILITY_PARTNERSHIP: (
        Step(
            "shareholders",
            "owned_by",
            "An LLP answers to its members.",
            commentary(
                "Limited Liability Partnerships Act 2000",
                "https://www.legislation.gov.uk/ukpga/2000/12",
            ),
            Period(),
            Basis.UNCHECKED,
            Confidence.HIGH,
        ),
    ),
    T.CHARITY: (
        Step(
            "charity_commission",
            "regulated_by",
            "A charity's trustees answer to the Charity Commission.",
            commentary("Charities Act 2011", "https://www.legislation.gov.uk/ukpga/2011/25"),
            Period(),
            Basis.UNCHECKED,
            Confidence.HIGH,
        ),
    ),
    T.GP_PRACTICE: (
        Step(
            "shareholders",
            "owned_by",
            "A practice answers to its partners or owners.",
            nhsa("Part 4", "part/4"),
            Period(),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
}

_ABOVE_ENDS: dict[str, tuple[Step, ...]] = {
    "governors": (
        Step(
            "members",
            "elected_by",
            "Governors are elected by the trust's members and represent them and the public.",
            _SCH7_10A,
            Period(d("2004-04-01")),
        ),
    ),
    "nhs_england": (_NHSE_TO_SOS,),
    "monitor": (
        Step(
            "secretary_of_state",
            "accountable_to",
            "Monitor answered to the Secretary of State and Parliament.",
            hsca2012("s.61", "section/61"),
            Period(),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
    "nhs_tda": (
        Step(
            "secretary_of_state",
            "accountable_to",
            "The NHS TDA was a special health authority answering to the Secretary of State.",
            nhsa("s.28", "section/28"),
            Period(),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
        ),
    ),
    "strategic_health_authority": (_SHA_TO_SOS,),
    "secretary_of_state": (
        Step(
            "parliament",
            "accountable_to",
            "The Secretary of State "
            "keeps ministerial responsibility to Parliament for the "
            "health service in England.",
            _S1_3,
            Period(),
        ),
    ),
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
