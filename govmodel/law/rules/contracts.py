"""Contract-based forms: lead provider, contractual joint venture, alliance, MOU."""

from __future__ import annotations

from govmodel.law.base import Basis, Confidence, Effect, Period, Route, Rule, d
from govmodel.law.rules.groups import COMMISSIONERS, EVERYONE, PROVIDERS
from govmodel.law.sources import commentary, guidance, nhsa, si
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
LP = frozenset({F.LEAD_PROVIDER})
CJV = frozenset({F.CONTRACTUAL_JOINT_VENTURE})
CONTRACTUAL = frozenset({F.CONTRACTUAL_JOINT_VENTURE, F.ALLIANCE_AGREEMENT})

NHSP_JV = commentary(
    "NHS Providers: provider collaboration guide, joint ventures",
    "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-lawful-well-governed-"
    "collaboratives/what-are-the-options-for-collaborative-arrangements/joint-ventures",
)
PSR = si("2023/1348", "(Provider Selection Regime)", "contents/made")

RULES = (
    Rule(
        "LP-001",
        "Any provider may hold the head contract",
        "Any organisation able to contract to provide services (NHS trust, foundation trust, "
        "CIC, charity, company, LLP, GP practice or council) may be the lead provider and "
        "subcontract parts of the service to others.",
        LP,
        Effect.PERMIT,
        Period(),
        (NHSP_JV, nhsa("Sch 4 para 14 (NHS trusts), s.47 (foundation trusts)", "schedule/4")),
        C,
        HIGH,
        parties=PROVIDERS,
        route=Route(PROVIDERS, min_parties=1),
    ),
    Rule(
        "LP-002",
        "A lead provider contract moves no statutory function",
        "A lead provider is a contractor: the commissioner keeps its statutory commissioning "
        "functions. Only s.65Z5 delegation (from July 2022, to NHS bodies) moves functions.",
        LP,
        Effect.CLASSIFY,
        Period(),
        (NHSP_JV, nhsa("s.65Z5", "section/65Z5")),
        INF,
        HIGH,
    ),
    Rule(
        "LP-003",
        "Provider Selection Regime for the head contract",
        "From 1 January 2024 an NHS commissioner or council awarding the head contract for "
        "health care services must follow the Provider Selection Regime.",
        frozenset({F.LEAD_PROVIDER, F.ALLIANCE_AGREEMENT}),
        Effect.REQUIRE,
        Period(d("2024-01-01")),
        (PSR,),
        C,
        HIGH,
        parties=COMMISSIONERS | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
    ),
    Rule(
        "LP-004",
        "An NHS lead provider may itself be bound by the PSR",
        "NHS trusts and foundation trusts are relevant authorities under the Provider "
        "Selection Regime, so an NHS lead provider buying health care services from "
        "subcontractors may need to follow it.",
        LP,
        Effect.REQUIRE,
        Period(d("2024-01-01")),
        (
            PSR,
            guidance(
                "NHS Shared Business Services: procurement regulations",
                "https://www.sbs.nhs.uk/services/procurement-services/procurement-regulations/",
            ),
        ),
        INF,
        MEDIUM,
        parties={T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
    ),
    Rule(
        "LP-005",
        "GP contractors give notice before subcontracting",
        "A GMS contractor must give the commissioner written notice before subcontracting "
        "clinical matters and must not go ahead if the commissioner objects on the prescribed "
        "grounds.",
        LP,
        Effect.REQUIRE,
        Period(d("2015-12-07")),
        (si("2015/1862", "Sch 3 para 44", "schedule/3/paragraph/44"),),
        C,
        HIGH,
        parties={T.GP_PRACTICE},
        note="The start date is approximate.",
    ),
    Rule(
        "LP-006",
        "NHS contracts and ordinary contracts",
        "A contract between two health service bodies is an 'NHS contract', with disputes "
        "settled by the Secretary of State rather than the courts; a contract with a company "
        "or CIC is an ordinary contract.",
        frozenset({F.LEAD_PROVIDER, F.CONTRACTUAL_JOINT_VENTURE}),
        Effect.CLASSIFY,
        Period(),
        (nhsa("s.9", "section/9"),),
        K,
        MEDIUM,
        parties={
            T.NHS_TRUST,
            T.NHS_FOUNDATION_TRUST,
            T.INTEGRATED_CARE_BOARD,
            T.NHS_ENGLAND,
            T.COMMUNITY_INTEREST_COMPANY,
            T.COMPANY,
        },
    ),
    Rule(
        "LP-007",
        "Commissioners take part by awarding the contract",
        "NHS commissioners and councils take part in a lead provider arrangement as the "
        "commissioners who award and manage the head contract, not as providers.",
        LP,
        Effect.PERMIT,
        Period(),
        (nhsa("s.3", "section/3"), NHSP_JV),
        INF,
        HIGH,
        parties=COMMISSIONERS | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
        route=Route(
            COMMISSIONERS | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
            requires=[PROVIDERS],
            min_parties=1,
        ),
    ),
    Rule(
        "LP-008",
        "Procurement before the Provider Selection Regime",
        "From April 2013 to December 2023 NHS commissioners awarding health care contracts "
        "followed the Public Contracts Regulations 2015 (light-touch regime) and the NHS "
        "procurement, patient choice and competition regulations of 2013.",
        frozenset({F.LEAD_PROVIDER, F.ALLIANCE_AGREEMENT}),
        Effect.REQUIRE,
        Period(d("2013-04-01"), d("2023-12-31")),
        (
            si("2013/500", "(NHS procurement regulations)", "contents/made"),
            si("2015/102", "(Public Contracts Regulations 2015)", "contents/made"),
        ),
        C,
        HIGH,
        parties=COMMISSIONERS | {T.LOCAL_AUTHORITY},
    ),
    Rule(
        "CJV-001",
        "Contractual joint ventures and alliances",
        "Any mix of organisations able to contract may enter a collaboration, joint venture "
        "or alliance agreement with a partnership board; it creates no new legal person and "
        "carries no delegated statutory functions.",
        CONTRACTUAL,
        Effect.PERMIT,
        Period(),
        (NHSP_JV, nhsa("Sch 4 paras 14 and 18; ss.47 and 47A", "schedule/4")),
        C,
        HIGH,
        route=Route(EVERYONE, min_parties=1),
    ),
    Rule(
        "CJV-002",
        "A foundation trust's partnership board decides only contract matters",
        "Foundation trusts may take part in a contractual joint venture without restriction "
        "provided the partnership board decides only matters under the contract.",
        CJV,
        Effect.REQUIRE,
        Period(),
        (NHSP_JV,),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
    ),
    Rule(
        "CJV-003",
        "Foundation trust joint arrangements (s.47A)",
        "A foundation trust may arrange to carry out any of its functions jointly with any "
        "other person.",
        CONTRACTUAL,
        Effect.PERMIT,
        Period(d("2022-07-01")),
        (nhsa("s.47A", "section/47A"), NHSP_JV),
        INF,
        MEDIUM,
        parties={T.NHS_FOUNDATION_TRUST},
        route=Route({T.NHS_FOUNDATION_TRUST}, min_parties=1),
        note="The power is reported by NHS Providers; its wording, inserting section and "
        "start date (taken as 1 July 2022) are not checked. Before then foundation "
        "trusts relied on their general powers (s.47).",
    ),
    Rule(
        "CJV-004",
        "NHS trust joint arrangements",
        "An NHS trust may arrange to carry out any of its functions jointly with any other "
        "body or individual.",
        CONTRACTUAL,
        Effect.PERMIT,
        Period(d("2007-03-01")),
        (nhsa("Sch 4 para 18", "schedule/4/paragraph/18"),),
        C,
        HIGH,
        parties={T.NHS_TRUST},
        route=Route({T.NHS_TRUST}, min_parties=1),
        note="Confirmed from the Bill text; the current paragraph number is not re-checked.",
    ),
    Rule(
        "CJV-005",
        "A partnership board binds a partner only through delegated authority",
        "Decisions of a partnership board bind a partner only if that partner's "
        "representative holds authority delegated by it (a group of individual "
        "decision-makers).",
        CONTRACTUAL,
        Effect.REQUIRE,
        Period(),
        (
            commentary(
                "NHS Providers: provider collaboration guide, committees",
                "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-lawful-well-"
                "governed-collaboratives/what-are-the-options-for-collaborative-arrangements/"
                "committees",
            ),
        ),
        INF,
        HIGH,
    ),
    Rule(
        "CJV-006",
        "Alliance agreements and competition law",
        "An alliance agreement sits alongside each provider's own contract; NHS England's "
        "template (December 2016) warns against creating common control or abusing a "
        "dominant position.",
        frozenset({F.ALLIANCE_AGREEMENT}),
        Effect.REQUIRE,
        Period(d("2016-12-01")),
        (
            guidance(
                "NHS England: template alliance agreement (Gateway 06185)",
                "https://www.england.nhs.uk/publication/nhs-standard-contract-template-"
                "alliance-agreement/",
            ),
        ),
        C,
        HIGH,
        note="Alliances existed before the template; the date is the template's.",
    ),
    Rule(
        "MOU-001",
        "Memoranda of understanding",
        "Any organisation may sign a memorandum of understanding; it is normally not legally "
        "binding and delegates nothing.",
        frozenset({F.MEMORANDUM_OF_UNDERSTANDING}),
        Effect.PERMIT,
        Period(),
        (
            commentary(
                "NHS Providers: provider collaboration guide, documentation",
                "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-"
                "lawful-well-governed-collaboratives/the-fundamentals-of-governance-in-"
                "collaboration/documentation",
            ),
        ),
        C,
        HIGH,
        route=Route(EVERYONE, min_parties=1),
    ),
)
