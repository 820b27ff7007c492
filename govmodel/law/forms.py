"""The governance forms catalogue, in plain English with its legal basis."""

from __future__ import annotations

import enum

import attrs

from govmodel.model.kinds import AgreementKind as A
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

__all__ = ["AGREEMENT_FORMS", "FORMS", "Combination", "FormInfo", "form_info"]


class Combination(enum.Enum):
    """How participants must be covered by the legal powers for a form."""

    ONE_POWER = "one_power"
    """All participants must take part under one and the same power (a joint committee)."""
    EACH_OWN = "each_own"
    """Each participant needs a power of its own (a contract, a joint venture)."""


@attrs.frozen
class FormInfo:
    """What a governance form is and how the evaluator treats it."""

    id: F
    title: str
    description: str
    legal_basis: str
    combination: Combination
    min_parties: int = 2
    advisory_fallback: bool = False
    """Whether the parties may still meet as an advisory forum when the form is not lawful."""
    subjects: frozenset[T] = frozenset()
    """Party types the form is about (empty: any); listings may hide it for mixes without one."""
    period: str | None = None
    """When the form was in use, in words, for forms tied to one era."""


FORMS: dict[F, FormInfo] = {
    i.id: i
    for i in (
        FormInfo(
            F.JOINT_COMMITTEE,
            "Joint committee",
            "One committee of two or more bodies that takes decisions binding all of them, "
            "using functions each body has delegated to it. It needs an express statutory "
            "power covering every member body.",
            "NHS Act 2006 s.65Z5 (from 1 July 2022); before then ss.13Z and 14Z3 for NHS "
            "commissioners and SI 2000/89 for PCTs (no NHS trust power was found); Local "
            "Government Act 1972 s.102 for councils.",
            Combination.ONE_POWER,
        ),
        FormInfo(
            F.COMMITTEES_IN_COMMON,
            "Committees in common",
            "Each body sets up its own committee with its own delegated authority; the "
            "committees meet together and take the same decision, which binds each body "
            "separately.",
            "Each body's own power to delegate to a committee (NHS Act 2006 Sch 7 para 15 for "
            "foundation trusts; SI 1990/2024 for NHS trusts; the ICB constitution; Local "
            "Government Act 1972 s.101).",
            Combination.ONE_POWER,
            advisory_fallback=True,
        ),
        FormInfo(
            F.LEAD_PROVIDER,
            "Lead provider",
            "A commissioner contracts with one provider, which subcontracts parts of the "
            "service to the others. No statutory function moves.",
            "Contract law and the NHS Standard Contract; procurement rules (Provider Selection "
            "Regime from 1 January 2024).",
            Combination.EACH_OWN,
            min_parties=1,
        ),
        FormInfo(
            F.CONTRACTUAL_JOINT_VENTURE,
            "Contractual joint venture",
            "A collaboration agreement with a partnership board deciding matters under the "
            "contract; no new legal person and no delegated statutory functions.",
            "Contract law; each party's power to enter agreements (NHS Act 2006 Sch 4 for NHS "
            "trusts; ss.47 and 47A for foundation trusts).",
            Combination.EACH_OWN,
        ),
        FormInfo(
            F.ALLIANCE_AGREEMENT,
            "Alliance agreement",
            "A contract among providers (often with the commissioners) that sits alongside "
            "each provider's own contract and shares outcomes and risk.",
            "Contract law; NHS England's template alliance agreement (December 2016).",
            Combination.EACH_OWN,
        ),
        FormInfo(
            F.CORPORATE_JOINT_VENTURE,
            "Corporate joint venture",
            "A new company or LLP owned by the partners; it can hold contracts and employ staff "
            "but cannot receive delegated statutory functions.",
            "Companies Act 2006; NHS Act 2006 s.46 (foundation trust investment) and s.51A "
            "(significant transactions).",
            Combination.EACH_OWN,
        ),
        FormInfo(
            F.SECTION_75_PARTNERSHIP,
            "Section 75 partnership",
            "Pooled funds, lead commissioning or integrated provision between NHS bodies and "
            "local authorities.",
            "NHS Act 2006 s.75 and the NHS Bodies and Local Authorities Partnership "
            "Arrangements Regulations 2000 (SI 2000/617).",
            Combination.ONE_POWER,
        ),
        FormInfo(
            F.DELEGATION_OF_FUNCTIONS,
            "Delegation of functions",
            "One body's statutory functions exercised by another body under a statutory "
            "power; liability and accountability follow the statute.",
            "NHS Act 2006 s.65Z5 (from 1 July 2022); before then ss.13Z and 14Z3 for NHS "
            "commissioners and SI 2000/89 for PCTs.",
            Combination.ONE_POWER,
        ),
        FormInfo(
            F.SHARED_LEADERSHIP,
            "Shared leadership (group model)",
            "A chair or chief executive in common, or a group of trusts with shared leadership; "
            "each trust remains a separate legal person with its own board.",
            "Each trust's appointment rules (NHS Act 2006 Sch 7 for foundation trusts; Sch 4 "
            "for NHS trusts).",
            Combination.ONE_POWER,
        ),
        FormInfo(
            F.MERGER_ACQUISITION,
            "Merger or acquisition",
            "Statutory merger into a new foundation trust, or acquisition of one trust by another.",
            "NHS Act 2006 ss.56 and 56A.",
            Combination.ONE_POWER,
        ),
        FormInfo(
            F.MEMORANDUM_OF_UNDERSTANDING,
            "Memorandum of understanding",
            "A statement of shared principles and intentions, normally not legally binding; it "
            "delegates nothing.",
            "No statutory basis needed.",
            Combination.EACH_OWN,
            min_parties=2,
        ),
        FormInfo(
            F.CARE_TRUST,
            "Care trust designation",
            "A primary care trust or NHS trust (from April 2013 a CCG, NHS trust or foundation "
            "trust) that is party to section 75 delegation arrangements with a council is "
            "designated a care trust, so that it runs the council's health-related services "
            "alongside its NHS ones. It is a designation of an existing body, not a new one.",
            "Health and Social Care Act 2001 s.45, then NHS Act 2006 s.77; designation on a "
            "joint application, by order under s.18 or s.25.",
            Combination.ONE_POWER,
            subjects=frozenset(
                {
                    T.PRIMARY_CARE_TRUST,
                    T.NHS_TRUST,
                    T.CLINICAL_COMMISSIONING_GROUP,
                    T.NHS_FOUNDATION_TRUST,
                }
            ),
        ),
        FormInfo(
            F.SOCIAL_ENTERPRISE_SPIN_OUT,
            "Social enterprise spin-out (Right to Request)",
            "Staff of a primary care trust's provider arm leave the PCT to form a social "
            "enterprise (a community interest company or a company limited by guarantee), "
            "which the PCT then contracts to run the services. The new body is outside the NHS.",
            "Department of Health policy (High Quality Care for All, 2008; Transforming "
            "Community Services, 2009); the PCT's power to contract for services; staff "
            "transfer under TUPE.",
            Combination.EACH_OWN,
            min_parties=1,
            subjects=frozenset({T.PRIMARY_CARE_TRUST}),
            period="2008 to 2013 (Right to Request)",
        ),
        FormInfo(
            F.SERVICE_TRANSFER,
            "Transfer of services to an existing NHS provider",
            "A primary care trust's provider arm is integrated into an existing NHS trust or "
            "foundation trust: the services move by contract, staff transfer and property "
            "transfer orders. It is not a statutory merger.",
            "NHS contracts (NHS Act 2006 s.9); Secretary of State property transfer orders "
            "(s.272 and Sch 4 para 9); Monitor and the Co-operation and Competition Panel for "
            "foundation trusts.",
            Combination.EACH_OWN,
            min_parties=1,
            subjects=frozenset({T.PRIMARY_CARE_TRUST}),
            period="2008 to 2013 (Transforming Community Services)",
        ),
        FormInfo(
            F.NEW_NHS_TRUST,
            "New NHS trust established by order",
            "The Secretary of State establishes a new NHS trust by order to take over services "
            "(for example a community trust formed from PCT provider arms). The decision is the "
            "Secretary of State's, after consultation, not the boards'.",
            "NHS and Community Care Act 1990 s.5, then NHS Act 2006 s.25 and Sch 4.",
            Combination.EACH_OWN,
            min_parties=1,
            subjects=frozenset({T.PRIMARY_CARE_TRUST, T.NHS_TRUST}),
        ),
        FormInfo(
            F.FOUNDATION_TRUST_STATUS,
            "Foundation trust status",
            "An NHS trust applies to become an NHS foundation trust (until April 2013, other "
            "applicants could also apply to be incorporated as one); the regulator authorises "
            "it.",
            "Health and Social Care (Community Health and Standards) Act 2003 Part 1, then NHS "
            "Act 2006 ss.33 to 35.",
            Combination.EACH_OWN,
            min_parties=1,
            subjects=frozenset({T.NHS_TRUST, T.PRIMARY_CARE_TRUST}),
        ),
    )
}


def form_info(form: F) -> FormInfo:
    """Facts about ``form``."""
    return FORMS[form]


#: The governance form each kind of agreement puts in place (those that make a claim).
AGREEMENT_FORMS: dict[A, F] = {
    A.CONTRACTUAL_JOINT_VENTURE: F.CONTRACTUAL_JOINT_VENTURE,
    A.ALLIANCE_AGREEMENT: F.ALLIANCE_AGREEMENT,
    A.MEMORANDUM_OF_UNDERSTANDING: F.MEMORANDUM_OF_UNDERSTANDING,
    A.LEAD_PROVIDER_CONTRACT: F.LEAD_PROVIDER,
    A.SECTION_75_AGREEMENT: F.SECTION_75_PARTNERSHIP,
    A.COMPANY_ARTICLES: F.CORPORATE_JOINT_VENTURE,
    A.DELEGATION_AGREEMENT: F.DELEGATION_OF_FUNCTIONS,
    A.GROUP_AGREEMENT: F.SHARED_LEADERSHIP,
}
