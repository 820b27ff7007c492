"""When each party type existed (the evaluator also raises for non-existent parties)."""

from __future__ import annotations

from govmodel.law.base import ALL_FORMS, Basis, Confidence, Effect, Period, Rule, d
from govmodel.law.rules.groups import NON_STATUTORY, RELEVANT_BODIES
from govmodel.law.sources import caice, commentary, guidance, hsca2012, nhsa, si
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW

RULES = (
    Rule(
        "PTY-001",
        "No primary care trusts after March 2013",
        "Primary care trusts were abolished at the end of 31 March 2013, so a PCT cannot be a "
        "party to anything from 1 April 2013.",
        ALL_FORMS,
        Effect.FORBID,
        Period(d("2013-04-01")),
        (hsca2012("s.34", "section/34"), si("2013/160", "art 2(2)", "article/2/made")),
        C,
        HIGH,
        parties={T.PRIMARY_CARE_TRUST},
        excludes={T.PRIMARY_CARE_TRUST},
    ),
    Rule(
        "PTY-001b",
        "No primary care trusts before April 2000",
        "The first primary care trusts were set up under the Health Act 1999 from April 2000; "
        "individual PCTs have their own establishment dates.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2000-03-31")),
        (si("2000/89", "(PCT procedure regulations)", "made"),),
        K,
        MEDIUM,
        parties={T.PRIMARY_CARE_TRUST},
        excludes={T.PRIMARY_CARE_TRUST},
        note="Prefer an organisation's own start date where it is known.",
    ),
    Rule(
        "PTY-002",
        "No clinical commissioning groups after June 2022",
        "Clinical commissioning groups were abolished when integrated care boards took over "
        "on 1 July 2022.",
        ALL_FORMS,
        Effect.FORBID,
        Period(d("2022-07-01")),
        (
            commentary(
                "Landmark Chambers: CCGs are now abolished and replaced with ICBs",
                "https://www.landmarkchambers.co.uk/news-and-cases/clinical-commissioning-"
                "groups-are-now-abolished-and-are-replaced-with-integrated-care-boards",
            ),
            nhsa("s.14Z25", "section/14Z25"),
        ),
        C,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP},
        excludes={T.CLINICAL_COMMISSIONING_GROUP},
    ),
    Rule(
        "PTY-002b",
        "No clinical commissioning groups before April 2013",
        "Clinical commissioning groups took on their functions on 1 April 2013.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2013-03-31")),
        (hsca2012("s.25", "section/25"), si("2013/160", "art 2(2)", "article/2/made")),
        C,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP},
        excludes={T.CLINICAL_COMMISSIONING_GROUP},
        note="Some CCGs existed in shadow form in late 2012 without statutory functions.",
    ),
    Rule(
        "PTY-003",
        "No integrated care boards before July 2022",
        "Integrated care boards were established on 1 July 2022.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2022-06-30")),
        (
            nhsa("s.14Z25", "section/14Z25"),
            guidance(
                "NHS England: integrated care in your area",
                "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/",
            ),
        ),
        C,
        HIGH,
        parties={T.INTEGRATED_CARE_BOARD},
        excludes={T.INTEGRATED_CARE_BOARD},
    ),
    Rule(
        "PTY-004",
        "No community interest companies before July 2005",
        "The community interest company regime began on 1 July 2005.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2005-06-30")),
        (caice("Part 2", "part/2"), si("2005/1788", "(CIC Regulations)", "made")),
        C,
        HIGH,
        parties={T.COMMUNITY_INTEREST_COMPANY},
        excludes={T.COMMUNITY_INTEREST_COMPANY},
    ),
    Rule(
        "PTY-004b",
        "No foundation trusts before April 2004",
        "NHS foundation trusts date from 1 April 2004, when the first were authorised; an NHS "
        "trust becomes a foundation trust on the date of its authorisation.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2004-03-31")),
        (nhsa("s.30", "section/30"),),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
        excludes={T.NHS_FOUNDATION_TRUST},
        note="Confirmed from the 2003 Act text in force on 1 April 2004.",
    ),
    Rule(
        "PTY-004c",
        "No NHS England before October 2012",
        "NHS England, first called the NHS Commissioning Board, was established on 1 October "
        "2012 and took on its commissioning functions on 1 April 2013.",
        ALL_FORMS,
        Effect.FORBID,
        Period(None, d("2012-09-30")),
        (hsca2012("s.9", "section/9"), si("2012/1831", "art 2", "article/2/made")),
        C,
        HIGH,
        parties={T.NHS_ENGLAND},
        excludes={T.NHS_ENGLAND},
    ),
    Rule(
        "PTY-005",
        "Relevant bodies for joint working",
        "For joint working and delegation under s.65Z5 the 'relevant bodies' are NHS England, "
        "integrated care boards, NHS trusts and NHS foundation trusts.",
        frozenset({F.JOINT_COMMITTEE, F.DELEGATION_OF_FUNCTIONS}),
        Effect.CLASSIFY,
        Period(d("2022-07-01")),
        (
            nhsa("s.65Z5", "section/65Z5"),
            guidance(
                "NHS England: arrangements for delegation and joint exercise of statutory "
                "functions (statutory guidance under s.65Z7)",
                "https://www.england.nhs.uk/long-read/arrangements-for-delegation-and-joint-"
                "exercise-of-statutory-functions/",
            ),
        ),
        C,
        HIGH,
        parties=RELEVANT_BODIES,
        note="Confirmed in substance from NHS England and DHSC publications; the statutory "
        "definition itself has not been read.",
    ),
    Rule(
        "PTY-006",
        "Non-statutory organisations hold no statutory functions to share",
        "Community interest companies, charities, companies, LLPs and GP practices are not NHS "
        "bodies or local authorities: they cannot be members of a statutory joint committee, "
        "partners in a section 75 arrangement, or receivers of delegated statutory functions.",
        frozenset({F.JOINT_COMMITTEE, F.SECTION_75_PARTNERSHIP, F.DELEGATION_OF_FUNCTIONS}),
        Effect.FORBID,
        Period(),
        (
            nhsa("s.65Z5", "section/65Z5"),
            si("2000/617", "regs 2-3", "made"),
            caice("s.26", "section/26"),
        ),
        INF,
        HIGH,
        parties=NON_STATUTORY,
        excludes=NON_STATUTORY,
        note="They can still hold contracts: lead provider, joint ventures, alliances, MOUs.",
    ),
)
