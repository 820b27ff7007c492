"""Party types: what each is in law, when it existed, and the statute that made it."""

from __future__ import annotations

from datetime import date

import attrs

from govmodel.errors import PartyNotInExistence
from govmodel.law.base import Basis, Citation, Confidence, Effect, Period, d
from govmodel.law.rules import rulebook
from govmodel.law.sources import caice, hsca2012, lga1972, nhsa, si
from govmodel.model.kinds import PartyType as T

__all__ = [
    "NHS_PROVIDERS",
    "PARTY_TYPES",
    "PartyInfo",
    "check_exists",
    "existence_rule",
    "exists",
    "party_info",
    "statutory_types",
]


@attrs.frozen
class PartyInfo:
    """Facts about one party type."""

    type: T
    title: str
    description: str
    existed: Period
    created_by: Citation
    existence_basis: Basis
    existence_confidence: Confidence
    statutory: bool
    """Holds statutory public functions (an NHS body or a local or combined authority)."""
    nhs_body: bool
    ended_because: str | None = None


PARTY_TYPES: dict[T, PartyInfo] = {
    i.type: i
    for i in (
        PartyInfo(
            T.NHS_ENGLAND,
            "NHS England",
            "The national NHS body; the NHS Commissioning Board until it was renamed in 2022.",
            Period(d("2012-10-01")),
            nhsa("s.1H and Sch A1", "section/1H"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
        ),
        PartyInfo(
            T.HEALTH_AUTHORITY,
            "Health authority",
            "Area NHS body of 1996 to 2002 (Health Authorities Act 1995), combining the roles of "
            "district health authorities and family health services authorities; the 28 formed "
            "in April 2002 were renamed strategic health authorities on 1 October 2002.",
            Period(d("1996-04-01"), d("2002-09-30")),
            Citation(
                "Health Authorities Act 1995",
                "s.1 (NHS Act 1977 s.8)",
                "https://www.legislation.gov.uk/ukpga/1995/17/section/1",
            ),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
            ended_because="health authorities in England were renamed strategic health "
            "authorities on 1 October 2002 (NHS Reform and Health Care Professions Act 2002 s.1; "
            "SI 2002/2469)",
        ),
        PartyInfo(
            T.STRATEGIC_HEALTH_AUTHORITY,
            "Strategic health authority",
            "Regional NHS body overseeing primary care trusts (28 from 2002, 10 from July 2006).",
            Period(d("2002-10-01"), d("2013-03-31")),
            Citation(
                "NHS Reform and Health Care Professions Act 2002",
                "s.1",
                "https://www.legislation.gov.uk/ukpga/2002/17/section/1",
            ),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
            ended_because="strategic health authorities were abolished on 31 March 2013 "
            "(Health and Social Care Act 2012 s.33)",
        ),
        PartyInfo(
            T.SPECIAL_HEALTH_AUTHORITY,
            "Special health authority",
            "National NHS body established by order for particular functions (for example the "
            "NHS Trust Development Authority, 2012 to 2022).",
            Period(),
            nhsa("s.28", "section/28"),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
            statutory=True,
            nhs_body=True,
        ),
        PartyInfo(
            T.PRIMARY_CARE_TRUST,
            "Primary care trust",
            "Local NHS commissioner, and until 2011 often a provider of community services.",
            Period(d("2000-04-01"), d("2013-03-31")),
            si("2000/89", "(procedure regulations)", "regulation/9/made"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
            ended_because="primary care trusts were abolished on 31 March 2013 "
            "(Health and Social Care Act 2012; SI 2013/160)",
        ),
        PartyInfo(
            T.CLINICAL_COMMISSIONING_GROUP,
            "Clinical commissioning group",
            "Local NHS commissioner made up of GP practices.",
            Period(d("2013-04-01"), d("2022-06-30")),
            hsca2012("s.25", "section/25"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
            ended_because="clinical commissioning groups were abolished when integrated care "
            "boards were established on 1 July 2022 (Health and Care Act 2022)",
        ),
        PartyInfo(
            T.INTEGRATED_CARE_BOARD,
            "Integrated care board",
            "Statutory NHS commissioner for an integrated care system.",
            Period(d("2022-07-01")),
            nhsa("s.14Z25 and Sch 1B", "section/14Z25"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
        ),
        PartyInfo(
            T.NHS_TRUST,
            "NHS trust",
            "NHS provider body established by order; still exists alongside foundation trusts.",
            Period(d("1991-04-01")),
            nhsa("s.25 and Sch 4", "section/25"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
        ),
        PartyInfo(
            T.NHS_FOUNDATION_TRUST,
            "NHS foundation trust",
            "Public benefit corporation with members, a council of governors and a board of "
            "directors.",
            Period(d("2004-04-01")),
            nhsa("s.30 and Sch 7", "section/30"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=True,
        ),
        PartyInfo(
            T.LOCAL_AUTHORITY,
            "Local authority",
            "County council, unitary council (a district council with no county council above "
            "it, including metropolitan districts), London borough council, the Council of the "
            "Isles of Scilly or the Common Council of the City of London: a 'local authority' "
            "for the NHS Act 2006 (s.2B).",
            Period(),
            nhsa("s.2B", "section/2B"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=False,
        ),
        PartyInfo(
            T.DISTRICT_COUNCIL,
            "District council (two-tier area)",
            "A shire district council in an area that also has a county council. It is a "
            "principal council and a section 75 partner, but not a local authority for NHS Act "
            "2006 s.2B, so not a s.65Z5 counterparty.",
            Period(d("1974-04-01")),
            lga1972("s.270", "section/270"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=False,
        ),
        PartyInfo(
            T.PARISH_COUNCIL,
            "Parish or town council",
            "A local council below district level. It is a local authority for the Local "
            "Government Act 1972 (ss.101, 102, 113) but not a principal council, not a section 75 "
            "partner and not a s.65Z5 counterparty.",
            Period(),
            lga1972("s.270", "section/270"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=False,
        ),
        PartyInfo(
            T.COMBINED_AUTHORITY,
            "Combined authority",
            "Body of several councils under the Local Democracy, Economic Development and "
            "Construction Act 2009.",
            Period(d("2011-04-01")),
            Citation(
                "Local Democracy, Economic Development and Construction Act 2009",
                "s.103",
                "https://www.legislation.gov.uk/ukpga/2009/20/section/103",
            ),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=False,
        ),
        PartyInfo(
            T.COMBINED_COUNTY_AUTHORITY,
            "Combined county authority",
            "Body of upper-tier councils under the Levelling-up and Regeneration Act 2023; the "
            "first, the East Midlands CCA, was established on 28 February 2024.",
            Period(d("2024-02-28")),
            Citation(
                "Levelling-up and Regeneration Act 2023",
                "Part 2",
                "https://www.legislation.gov.uk/ukpga/2023/55/part/2",
            ),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=True,
            nhs_body=False,
        ),
        PartyInfo(
            T.COMMUNITY_INTEREST_COMPANY,
            "Community interest company",
            "Company with an asset lock and a community interest test; never a charity.",
            Period(d("2005-07-01")),
            caice("Part 2, s.26", "part/2"),
            Basis.CONFIRMED,
            Confidence.HIGH,
            statutory=False,
            nhs_body=False,
        ),
        PartyInfo(
            T.CHARITY,
            "Charity",
            "Charitable company, charitable incorporated organisation or trust.",
            Period(),
            Citation("Charities Act 2011", "", "https://www.legislation.gov.uk/ukpga/2011/25"),
            Basis.UNCHECKED,
            Confidence.HIGH,
            statutory=False,
            nhs_body=False,
        ),
        PartyInfo(
            T.COMPANY,
            "Company",
            "Private company, including GP federations and independent providers.",
            Period(),
            Citation("Companies Act 2006", "", "https://www.legislation.gov.uk/ukpga/2006/46"),
            Basis.UNCHECKED,
            Confidence.HIGH,
            statutory=False,
            nhs_body=False,
        ),
        PartyInfo(
            T.LIMITED_LIABILITY_PARTNERSHIP,
            "Limited liability partnership",
            "Body corporate under the Limited Liability Partnerships Act 2000.",
            Period(d("2001-04-06")),
            Citation(
                "Limited Liability Partnerships Act 2000",
                "",
                "https://www.legislation.gov.uk/ukpga/2000/12",
            ),
            Basis.UNCHECKED,
            Confidence.MEDIUM,
            statutory=False,
            nhs_body=False,
        ),
        PartyInfo(
            T.GP_PRACTICE,
            "GP practice",
            "Partnership, sole trader or company holding a GMS, PMS or APMS contract.",
            Period(),
            nhsa("Part 4", "part/4"),
            Basis.UNCHECKED,
            Confidence.HIGH,
            statutory=False,
            nhs_body=False,
        ),
    )
}


#: NHS bodies that provide services: NHS trusts and NHS foundation trusts.
NHS_PROVIDERS = frozenset({T.NHS_TRUST, T.NHS_FOUNDATION_TRUST})


def party_info(party_type: T) -> PartyInfo:
    """Facts about ``party_type``."""
    return PARTY_TYPES[party_type]


def statutory_types() -> frozenset[T]:
    """Party types that hold statutory public functions."""
    return frozenset(t for t, i in PARTY_TYPES.items() if i.statutory)


def exists(party_type: T, on: date) -> bool:
    """Whether organisations of ``party_type`` could exist on ``on``.

    >>> exists(T.INTEGRATED_CARE_BOARD, date(2022, 6, 30))
    False
    """
    return PARTY_TYPES[party_type].existed.contains(on)


def existence_rule(party_type: T, on: date) -> str | None:
    """The rulebook's rule saying that ``party_type`` did not exist on ``on``, if any
    (when none, the party type's own dates above are the only source).

    >>> existence_rule(T.CLINICAL_COMMISSIONING_GROUP, date(2023, 1, 1))
    'PTY-002'
    """
    for rule in rulebook():
        if (
            rule.id.startswith("PTY-")
            and party_type in rule.parties
            and rule.in_force_on(on)
            and rule.effect is Effect.FORBID
        ):
            return rule.id
    return None


def check_exists(party_type: T, on: date, *, name: str | None = None) -> None:
    """Raise :class:`PartyNotInExistence` if ``party_type`` did not exist on ``on``.

    >>> check_exists(T.PRIMARY_CARE_TRUST, date(2013, 4, 1))
    Traceback (most recent call last):
    ...
    govmodel.errors.PartyNotInExistence: primary_care_trust did not exist on 2013-04-01: \
primary care trusts were abolished on 31 March 2013 (Health and Social Care Act 2012; \
SI 2013/160)
    """
    if exists(party_type, on):
        return
    info = PARTY_TYPES[party_type]
    label = name or party_type.value
    if info.existed.end is not None and on > info.existed.end:
        reason = info.ended_because or f"it existed until {info.existed.end.isoformat()}"
    else:
        start = info.existed.start.isoformat() if info.existed.start else "?"
        reason = f"the first {info.title.lower()}s date from {start} ({info.created_by.text})"
    raise PartyNotInExistence(label, on, reason)
