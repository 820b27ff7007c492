"""Limits on delegation inside an organisation, and non-NHS and policy points.

These rules concern schemes of delegation and bodies, not the choice of a
governance form (their ``forms`` set is empty unless stated); the checks and
the accountability trace cite them.
"""

from __future__ import annotations

from govmodel.law.base import Basis, Confidence, Effect, Period, Rule, d
from govmodel.law.sources import caice, cic_regs, commentary, hsca2012, lga1972, nhsa, si
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
NONE = frozenset[F]()
FT = {T.NHS_FOUNDATION_TRUST}
SCH7 = "schedule/7/paragraph/"

RULES = (
    Rule(
        "FTR-001",
        "Governors appoint and remove the chair and non-executives",
        "Only a foundation trust's council of governors, at a general meeting, may appoint or "
        "remove the chair and the other non-executive directors and decide their pay and "
        "terms; the board cannot.",
        frozenset({F.SHARED_LEADERSHIP}),
        Effect.REQUIRE,
        Period(d("2004-04-01")),
        (nhsa("Sch 7 paras 17-18", SCH7 + "17"),),
        C,
        HIGH,
        parties=FT,
        note="Removing a non-executive needed three-quarters of the governors in the 2004 "
        "text; whether that threshold is unchanged is not checked.",
    ),
    Rule(
        "FTR-002",
        "Governors approve the chief executive's appointment",
        "A foundation trust's non-executives appoint the chief executive, and the council of "
        "governors must approve the appointment.",
        frozenset({F.SHARED_LEADERSHIP}),
        Effect.REQUIRE,
        Period(d("2004-04-01")),
        (nhsa("Sch 7 para 17(4)", SCH7 + "17"),),
        C,
        HIGH,
        parties=FT,
    ),
    Rule(
        "FTR-003",
        "Governors appoint the auditor; NEDs form the audit committee",
        "A foundation trust's council of governors appoints and removes the auditor at a "
        "general meeting, and the trust must have an audit committee of non-executive "
        "directors.",
        NONE,
        Effect.REQUIRE,
        Period(d("2004-04-01")),
        (nhsa("Sch 7 para 23(2),(6)", SCH7 + "23"),),
        C,
        HIGH,
        parties=FT,
    ),
    Rule(
        "FTR-004",
        "Constitution amendments need directors and governors",
        "Amending a foundation trust's constitution needs more than half of the directors "
        "voting and more than half of the governors voting; changes to governors' powers "
        "also go to the annual members' meeting.",
        NONE,
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (nhsa("s.37", "section/37"),),
        C,
        HIGH,
        parties=FT,
    ),
    Rule(
        "FTR-005",
        "Governors hold the non-executives to account",
        "A foundation trust's governors must hold the non-executive directors to account for "
        "the board's performance and represent the members and the public.",
        NONE,
        Effect.REQUIRE,
        Period(d("2012-10-01")),
        (nhsa("Sch 7 para 10A", SCH7 + "10A"), hsca2012("s.151(4)", "section/151")),
        C,
        HIGH,
        parties=FT,
    ),
    Rule(
        "FTR-006",
        "Governors approve a rise in non-NHS income",
        "A proposed rise of five percentage points or more in the share of a foundation "
        "trust's income that is not from the NHS needs more than half of the governors "
        "voting.",
        NONE,
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (nhsa("s.43(3D)", "section/43"), hsca2012("s.164", "section/164")),
        C,
        HIGH,
        parties=FT,
        note="Corrects the earlier catalogue's 's.43(3A)' and '5%'; the subsection number is "
        "inferred from the Bill debate.",
    ),
    Rule(
        "FTR-007",
        "Governors approve a significant transaction",
        "A significant transaction, as the constitution defines it, needs more than half of "
        "the governors voting.",
        NONE,
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (nhsa("s.51A", "section/51A"),),
        C,
        HIGH,
        parties=FT,
    ),
    Rule(
        "FTR-008",
        "Governors approve merger and acquisition applications",
        "An application to merge, acquire, separate or dissolve needs more than half of all "
        "the council of governors.",
        NONE,
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (nhsa("ss.56(1A), 56A", "section/56"),),
        C,
        HIGH,
        parties=FT,
        note="The separation and dissolution provisions (ss.56B, 57A) are not read.",
    ),
    Rule(
        "BC-001",
        "A foundation trust board delegates only to directors",
        "A foundation trust's board may delegate its powers only to a committee of directors "
        "or to an executive director.",
        NONE,
        Effect.REQUIRE,
        Period(d("2004-04-01")),
        (nhsa("Sch 7 para 15(2)-(3)", SCH7 + "15"),),
        C,
        HIGH,
        parties=FT,
        note="Since 1 July 2022 a foundation trust may also act through s.65Z5 joint "
        "committees and delegations; whether para 15 itself was amended is not checked.",
    ),
    Rule(
        "BC-002",
        "Voting members of a foundation trust committee are directors",
        "Every voting member of a foundation trust committee that exercises delegated powers "
        "must be a director of the trust; others may attend and advise.",
        frozenset({F.COMMITTEES_IN_COMMON}),
        Effect.REQUIRE,
        Period(d("2004-04-01")),
        (
            nhsa("Sch 7 para 15(3)", SCH7 + "15"),
            commentary(
                "Hill Dickinson: STPs and collective decision making",
                "https://www.hilldickinson.com/insights/articles/stps-and-collective-"
                "decision-making",
            ),
        ),
        INF,
        HIGH,
        parties=FT,
    ),
    Rule(
        "BC-003",
        "Mental Health Act functions follow that Act",
        "A foundation trust may delegate Mental Health Act 1983 functions only as that Act allows.",
        NONE,
        Effect.REQUIRE,
        Period(d("2008-11-03")),
        (
            commentary(
                "Mental Health Act 1983 s.142B",
                "https://www.legislation.gov.uk/ukpga/1983/20/section/142B",
            ),
        ),
        C,
        HIGH,
        parties=FT,
        note="The start date is the 2007 Act's commencement (unchecked).",
    ),
    Rule(
        "BC-004",
        "NHS trust committees may include non-directors",
        "An NHS trust may appoint committees and sub-committees whose members are wholly or "
        "partly not directors.",
        NONE,
        Effect.CLASSIFY,
        Period(d("1990-11-22")),
        (si("1990/2024", "reg 15", "regulation/15"),),
        K,
        MEDIUM,
        parties={T.NHS_TRUST},
    ),
    Rule(
        "BC-005",
        "PCT committees",
        "A primary care trust could appoint committees and joint committees, including of "
        "non-members, and they could appoint sub-committees.",
        NONE,
        Effect.CLASSIFY,
        Period(d("2000-04-01"), d("2013-03-31")),
        (si("2000/89", "reg 9(4)-(5)", "regulation/9/made"),),
        C,
        HIGH,
        parties={T.PRIMARY_CARE_TRUST},
    ),
    Rule(
        "BC-006",
        "CCG delegation",
        "A CCG could authorise its members, governing body, employees, or a committee or "
        "sub-committee to act for it, as its constitution set out.",
        NONE,
        Effect.CLASSIFY,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("Sch 1A para 3(3)", "schedule/1A"),),
        C,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP},
    ),
    Rule(
        "BC-007",
        "ICB board independence",
        "An ICB's constitution must bar appointing board members whose involvement with "
        "private health care could reasonably be regarded as undermining the NHS's "
        "independence.",
        NONE,
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (nhsa("Sch 1B para 4", "schedule/1B"),),
        C,
        HIGH,
        parties={T.INTEGRATED_CARE_BOARD},
    ),
    Rule(
        "BC-008",
        "Council delegation and sub-delegation",
        "A council may delegate to a committee, sub-committee, officer or another council; "
        "unless told otherwise a committee may delegate on; the council keeps its own power "
        "to act.",
        NONE,
        Effect.CLASSIFY,
        Period(d("1974-04-01")),
        (lga1972("s.101(1),(2),(4)", "section/101"),),
        C,
        HIGH,
        parties={T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
    ),
    Rule(
        "NN-001",
        "The community interest test",
        "A community interest company must pass the community interest test; political "
        "campaigning and benefits confined to one body's members or one employer's staff do "
        "not count.",
        NONE,
        Effect.REQUIRE,
        Period(d("2005-07-01")),
        (caice("s.35", "section/35"), cic_regs("regs 3-4", "part/2/made")),
        C,
        HIGH,
        parties={T.COMMUNITY_INTEREST_COMPANY},
    ),
    Rule(
        "NN-002",
        "A CIC is never a charity",
        "A community interest company is never a charity, even if its purposes are charitable.",
        NONE,
        Effect.CLASSIFY,
        Period(d("2005-07-01")),
        (caice("s.26(3)", "section/26"),),
        C,
        HIGH,
        parties={T.COMMUNITY_INTEREST_COMPANY, T.CHARITY},
    ),
    Rule(
        "POL-001",
        "Provider collaboratives (policy, not law)",
        "NHS England expects acute and mental health trusts to belong to at least one provider "
        "collaborative; others, including CICs, join where it helps patients. This is "
        "guidance, not a legal requirement.",
        frozenset(
            {
                F.CONTRACTUAL_JOINT_VENTURE,
                F.JOINT_COMMITTEE,
                F.COMMITTEES_IN_COMMON,
                F.LEAD_PROVIDER,
            }
        ),
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (
            commentary(
                "Mills & Reeve: new guidance on provider collaboratives (2021)",
                "https://www.mills-reeve.com/insights/publications/new-guidance-on-"
                "provider-collaboratives",
            ),
        ),
        C,
        HIGH,
        parties={T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        note="Working together at scale (August 2021, PAR754); originally 'by April 2022'.",
    ),
)
