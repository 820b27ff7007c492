"""Joint committees and committees in common."""

from __future__ import annotations

from govmodel.law.base import Basis, Confidence, Effect, Period, Route, Rule, d
from govmodel.law.rules.groups import NON_STATUTORY, RELEVANT_BODIES, STATUTORY
from govmodel.law.sources import commentary, guidance, lga1972, nhsa, si
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
JC = frozenset({F.JOINT_COMMITTEE})
CIC_FORM = frozenset({F.COMMITTEES_IN_COMMON})

S65Z5 = nhsa("s.65Z5", "section/65Z5")
GUIDANCE_65Z7 = guidance(
    "NHS England: arrangements for delegation and joint exercise of statutory functions",
    "https://www.england.nhs.uk/long-read/arrangements-for-delegation-and-joint-exercise-of-"
    "statutory-functions/",
)
SCH7_15 = nhsa("Sch 7 para 15(3)", "schedule/7/paragraph/15")
NHSP_COMMITTEES = commentary(
    "NHS Providers: provider collaboration guide, committees",
    "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-lawful-well-governed-"
    "collaboratives/what-are-the-options-for-collaborative-arrangements/committees",
)

RULES = (
    Rule(
        "JC-001",
        "Joint committees under s.65Z5",
        "From 1 July 2022 NHS England, an ICB, an NHS trust or a foundation trust may arrange "
        "for its functions to be exercised jointly with another such body, a local authority "
        "or a combined authority, and jointly exercised functions may be exercised by a joint "
        "committee. At least one member must be one of those NHS bodies.",
        JC,
        Effect.PERMIT,
        Period(d("2022-07-01")),
        (S65Z5, si("2022/734", "reg 2(a)", "regulation/2/made"), GUIDANCE_65Z7),
        C,
        HIGH,
        parties=RELEVANT_BODIES | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
        route=Route(
            RELEVANT_BODIES | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY}, requires=[RELEVANT_BODIES]
        ),
        note="Inserted by Health and Care Act 2022 s.71 (per DHSC). Combined authorities as "
        "counterparties, and the statutory wording, have not been checked against the "
        "text of s.65Z5.",
    ),
    Rule(
        "JC-002",
        "No company, CIC or charity as a joint committee member body",
        "No statutory joint-committee power admits a community interest company, charity, "
        "company, LLP or GP practice as a member body; s.65Z5's list of counterparties is "
        "closed.",
        JC,
        Effect.FORBID,
        Period(),
        (S65Z5,),
        INF,
        HIGH,
        parties=NON_STATUTORY,
        excludes=NON_STATUTORY,
        note="Whether individuals employed by such bodies may sit on a s.65Z5 joint committee, "
        "with or without a vote, is for the terms of reference and NHS England guidance; "
        "not verified.",
    ),
    Rule(
        "JC-003",
        "Functions NHS England cannot share under s.65Z5",
        "NHS England cannot use s.65Z5 for the functions listed in SI 2022/642 reg 2, such as "
        "establishing ICBs, assessing and directing them, directing and intervening in NHS "
        "trusts, and NHS trust applications for foundation trust status.",
        frozenset({F.JOINT_COMMITTEE, F.DELEGATION_OF_FUNCTIONS}),
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (si("2022/642", "reg 2", "regulation/2"),),
        C,
        HIGH,
        parties={T.NHS_ENGLAND},
        note="Only the first eleven listed functions were read, and the regulations have been "
        "amended since (a regulation 1A was added); check the current text.",
    ),
    Rule(
        "JC-004",
        "Council functions are not delegable under s.65Z5",
        "A local or combined authority may join a s.65Z5 joint committee to exercise the NHS "
        "bodies' functions, but its own functions cannot be delegated under s.65Z5; use s.75 "
        "or the Local Government Act 1972.",
        frozenset({F.JOINT_COMMITTEE, F.DELEGATION_OF_FUNCTIONS}),
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (
            S65Z5,
            commentary(
                "Capsticks: ICBs, delegation of functions and governance",
                "https://www.capsticks.com/insights/integrated-care-boards-"
                "delegation-of-functions-and-governance-arrangements",
            ),
        ),
        INF,
        HIGH,
        parties={T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
    ),
    Rule(
        "JC-005",
        "Foundation trusts could not join joint committees before July 2022",
        "Until 30 June 2022 a foundation trust's board could delegate only to a committee of "
        "its own directors or to an executive director, so it could not be a decision-making "
        "member of any joint committee.",
        JC,
        Effect.FORBID,
        Period(d("2004-04-01"), d("2022-06-30")),
        (
            SCH7_15,
            commentary(
                "Blake Morgan: realising the potential of NHS provider joint committees (2024)",
                "https://www.blakemorgan.co.uk/realising-the-potential-of-nhs-"
                "provider-joint-committees/",
            ),
        ),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
        excludes={T.NHS_FOUNDATION_TRUST},
        note="Confirmed from the 2003 Act text (Sch 1 para 15(3), 1 April 2004). Before 2022 "
        "foundation trusts used committees in common of directors, or groups of "
        "individual decision-makers, instead.",
    ),
    Rule(
        "JC-006",
        "NHS England and CCG joint committees (s.13Z)",
        "From April 2013 to June 2022 NHS England could arrange for its functions to be "
        "exercised jointly with a CCG, through a joint committee.",
        JC,
        Effect.PERMIT,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("s.13Z(2),(4)", "section/13Z"),),
        C,
        HIGH,
        parties={T.NHS_ENGLAND, T.CLINICAL_COMMISSIONING_GROUP},
        route=Route({T.NHS_ENGLAND, T.CLINICAL_COMMISSIONING_GROUP}, requires=[{T.NHS_ENGLAND}]),
    ),
    Rule(
        "JC-007",
        "CCG joint committees (from October 2014)",
        "From 1 October 2014 two or more CCGs could exercise functions jointly through a joint "
        "committee, and a CCG could exercise functions jointly with NHS England through one.",
        JC,
        Effect.PERMIT,
        Period(d("2014-10-01"), d("2022-06-30")),
        (nhsa("s.14Z3(2A) and s.14Z9", "section/14Z3"), si("2014/2436", "arts 2-3", "made")),
        C,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP, T.NHS_ENGLAND},
        route=Route(
            {T.CLINICAL_COMMISSIONING_GROUP, T.NHS_ENGLAND},
            requires=[{T.CLINICAL_COMMISSIONING_GROUP}],
        ),
    ),
    Rule(
        "JC-008",
        "No CCG joint committees before October 2014",
        "From April 2013 to 30 September 2014 CCGs could exercise functions jointly but not "
        "through a joint committee; they used committees in common instead.",
        JC,
        Effect.FORBID,
        Period(d("2013-04-01"), d("2014-09-30")),
        (
            nhsa("s.14Z3", "section/14Z3"),
            commentary(
                "House of Commons Regulatory Reform Committee, HC 1224 (2014)",
                "https://publications.parliament.uk/pa/cm201314/cmselect/cmdelreg/1224/122404.htm",
            ),
        ),
        C,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP},
        together=[{T.CLINICAL_COMMISSIONING_GROUP}],
    ),
    Rule(
        "JC-009",
        "CCGs had no joint-committee power with providers or councils",
        "From April 2013 to June 2022 no statutory power let a CCG form a joint committee with "
        "an NHS trust, a foundation trust or a local authority.",
        JC,
        Effect.FORBID,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("ss.13Z, 14Z3", "section/14Z3"),),
        INF,
        MEDIUM,
        parties={
            T.CLINICAL_COMMISSIONING_GROUP,
            T.NHS_TRUST,
            T.NHS_FOUNDATION_TRUST,
            T.LOCAL_AUTHORITY,
        },
        together=[
            {T.CLINICAL_COMMISSIONING_GROUP},
            {T.NHS_TRUST, T.NHS_FOUNDATION_TRUST, T.LOCAL_AUTHORITY},
        ],
        note="CCG and council arrangements used s.75 and advisory or committees-in-common boards.",
    ),
    Rule(
        "JC-010",
        "PCT joint committees",
        "From April 2000 to March 2013 a primary care trust could appoint joint committees "
        "with other PCTs or health authorities, whose members need not be members of the "
        "trusts.",
        JC,
        Effect.PERMIT,
        Period(d("2000-04-01"), d("2013-03-31")),
        (si("2000/89", "reg 9(4)(b)", "regulation/9/made"),),
        C,
        HIGH,
        parties={T.PRIMARY_CARE_TRUST, T.STRATEGIC_HEALTH_AUTHORITY},
        route=Route(
            {T.PRIMARY_CARE_TRUST, T.STRATEGIC_HEALTH_AUTHORITY}, requires=[{T.PRIMARY_CARE_TRUST}]
        ),
        note="Strategic health authorities are treated as the health authorities the "
        "regulations name; that equivalence is not checked.",
    ),
    Rule(
        "JC-011",
        "NHS trust joint committees",
        "An NHS trust may appoint joint committees with other health service bodies; two or "
        "more NHS trusts may therefore form a joint committee.",
        JC,
        Effect.PERMIT,
        Period(d("1990-11-22")),
        (si("1990/2024", "reg 15", "regulation/15"),),
        K,
        MEDIUM,
        parties={T.NHS_TRUST},
        route=Route({T.NHS_TRUST}),
        note="Only the heading of reg 15 is confirmed; the wording is modelled on the PCT "
        "regulations. The start date is approximate. ICBs became 'health service bodies' "
        "on 16 December 2024 (SI 2024/1205), but ICBs and trusts already had s.65Z5.",
    ),
    Rule(
        "JC-011b",
        "NHS trust and PCT joint committees (doubtful)",
        "From October 2000 PCTs counted as health service bodies for NHS trust joint "
        "committees, but the PCT regulations as made excluded NHS trusts from PCT joint "
        "committees, so whether a PCT could delegate to one with a trust is doubtful.",
        JC,
        Effect.PERMIT,
        Period(d("2000-10-01"), d("2013-03-31")),
        (si("2000/2434", "reg 2(2)(b)", "made"), si("2000/89", "reg 12(4)", "regulation/12/made")),
        K,
        LOW,
        parties={T.NHS_TRUST, T.PRIMARY_CARE_TRUST},
        route=Route(
            {T.NHS_TRUST, T.PRIMARY_CARE_TRUST}, requires=[{T.NHS_TRUST}, {T.PRIMARY_CARE_TRUST}]
        ),
        dispute="Joint exercise of functions by a PCT with an NHS trust was allowed, but a "
        "statutory joint committee of the two is doubtful (SI 2000/89 reg 12(4) as "
        "made; SI 1990/2024 reg 15 wording not read).",
    ),
    Rule(
        "JC-012",
        "Local authority joint committees",
        "Two or more local authorities may discharge functions through a joint committee; "
        "anyone who is not a member of a constituent council sits without a vote.",
        JC,
        Effect.PERMIT,
        Period(d("1974-04-01")),
        (lga1972("ss.101(5), 102", "section/102"),),
        C,
        HIGH,
        parties={T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
        route=Route({T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY}, requires=[{T.LOCAL_AUTHORITY}]),
        note="Combined authorities as members of such committees are not checked.",
    ),
    Rule(
        "JC-013",
        "Integrated care partnerships",
        "Each ICB and the local authorities in its area must set up an integrated care "
        "partnership, which is a statutory joint committee of them.",
        JC,
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (
            commentary(
                "Local Government and Public Involvement in Health Act 2007 s.116ZA",
                "https://www.legislation.gov.uk/ukpga/2007/28/section/116ZA",
            ),
        ),
        C,
        HIGH,
        parties={T.INTEGRATED_CARE_BOARD, T.LOCAL_AUTHORITY},
        together=[{T.INTEGRATED_CARE_BOARD}, {T.LOCAL_AUTHORITY}],
    ),
    Rule(
        "JC-014",
        "NHS England devolved arrangements",
        "NHS England may make devolved arrangements with a combined authority or local "
        "authority, including joint exercise with other eligible bodies.",
        JC,
        Effect.PERMIT,
        Period(d("2016-01-28")),
        (
            nhsa("ss.13ZA-13ZB", "section/13ZA"),
            commentary(
                "Cities and Local Government Devolution Act 2016 Sch 4",
                "https://www.legislation.gov.uk/ukpga/2016/1/schedule/4/enacted",
            ),
        ),
        C,
        MEDIUM,
        parties={T.NHS_ENGLAND, T.COMBINED_AUTHORITY, T.LOCAL_AUTHORITY},
        route=Route(
            {T.NHS_ENGLAND, T.COMBINED_AUTHORITY, T.LOCAL_AUTHORITY},
            requires=[{T.NHS_ENGLAND}, {T.COMBINED_AUTHORITY, T.LOCAL_AUTHORITY}],
        ),
        note="The start date is Royal Assent, not a checked commencement date.",
    ),
    Rule(
        "JC-015",
        "A 'joint committee' is classified by its legal effect",
        "A body called a joint committee that includes a member body which could not lawfully "
        "delegate to it on the date is not a statutory joint committee: it is an advisory "
        "forum, committees in common, or a group of individual decision-makers.",
        frozenset(),
        Effect.CLASSIFY,
        Period(),
        (
            commentary(
                "Mid and South Essex Success Regime: hospital trust chairs agree group "
                "arrangements (18 February 2016)",
                "http://www.successregimeessex.co.uk/hospital-trust-chairs-agree-"
                "arrangements-in-principle-for-group-18-february-2016/",
            ),
            SCH7_15,
        ),
        INF,
        HIGH,
    ),
    Rule(
        "BC-009",
        "Non-councillors on council committees do not vote",
        "Members of council committees and joint committees who are not councillors are "
        "non-voting, with limited statutory exceptions.",
        JC,
        Effect.REQUIRE,
        Period(d("1990-01-01")),
        (
            commentary(
                "Local Government and Housing Act 1989 s.13",
                "https://www.legislation.gov.uk/ukpga/1989/42/section/13",
            ),
        ),
        C,
        HIGH,
        parties={T.LOCAL_AUTHORITY},
        note="The start date is approximate.",
    ),
    Rule(
        "CINC-001",
        "Committees in common",
        "Bodies that can each delegate a decision to a committee of their own may have those "
        "committees meet in common; each committee's decision binds only its own body.",
        CIC_FORM,
        Effect.PERMIT,
        Period(),
        (NHSP_COMMITTEES, SCH7_15, lga1972("s.101", "section/101")),
        C,
        HIGH,
        parties=STATUTORY,
        route=Route(STATUTORY),
    ),
    Rule(
        "CINC-002",
        "Each committee follows its own body's rules",
        "Every committee meeting in common must satisfy its own body's membership rules: a "
        "foundation trust's committee with delegated powers must be made up of its directors.",
        CIC_FORM,
        Effect.REQUIRE,
        Period(),
        (
            SCH7_15,
            commentary(
                "Mills & Reeve: operating effective committees in common",
                "https://www.mills-reeve.com/insights/publications/operating-"
                "effective-committees-in-common",
            ),
        ),
        INF,
        HIGH,
        parties={
            T.NHS_FOUNDATION_TRUST,
            T.NHS_TRUST,
            T.CLINICAL_COMMISSIONING_GROUP,
            T.INTEGRATED_CARE_BOARD,
            T.LOCAL_AUTHORITY,
        },
    ),
    Rule(
        "CINC-003",
        "Non-NHS members of committees in common are advisory for NHS purposes",
        "Where a company, CIC or charity takes part, its own committee may decide only its own "
        "corporate business; it cannot share in any NHS body's statutory decisions, so its "
        "part is advisory.",
        CIC_FORM,
        Effect.CLASSIFY,
        Period(),
        (
            commentary(
                "Mutual Ventures: case study of the Provide, NELFT and EPUT provider collaborative",
                "https://mutualventures.co.uk/post/case-study-provide-nelft-eput-provider-"
                "collaborative",
            ),
            SCH7_15,
        ),
        INF,
        MEDIUM,
        parties=NON_STATUTORY,
        dispute="Some advisers accept a mixed committees-in-common arrangement in which the "
        "non-NHS member's committee decides only for itself; others, including the "
        "advice reported for the Mid and South Essex collaborative, treat decision-"
        "making committees in common with non-NHS members as not permitted.",
    ),
)
