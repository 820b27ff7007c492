"""Section 75 partnerships and delegation of statutory functions."""

from __future__ import annotations

from govmodel.law.base import Basis, Confidence, Effect, Period, Route, Rule, d
from govmodel.law.rules.groups import NON_STATUTORY, RELEVANT_BODIES
from govmodel.law.sources import commentary, guidance, lga1972, nhsa, si
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
S75 = frozenset({F.SECTION_75_PARTNERSHIP})
DEL = frozenset({F.DELEGATION_OF_FUNCTIONS})
REGS_2000 = si("2000/617", "regs 2-3", "made")
S75_ACT = nhsa("s.75", "section/75")
GUIDANCE_65Z7 = guidance(
    "NHS England: arrangements for delegation and joint exercise of statutory functions",
    "https://www.england.nhs.uk/long-read/arrangements-for-delegation-and-joint-exercise-of-"
    "statutory-functions/",
)
LA = {T.LOCAL_AUTHORITY}


def _s75(
    rule_id: str,
    title: str,
    nhs: set[T],
    start: str,
    end: str | None,
    confidence: Confidence,
    basis: Basis,
    note: str,
) -> Rule:
    names = ", ".join(t.value.replace("_", " ") + "s" for t in sorted(nhs))
    return Rule(
        rule_id,
        title,
        f"A section 75 arrangement needs at least one prescribed NHS body ({names} in this "
        "period) and at least one local authority.",
        S75,
        Effect.PERMIT,
        Period(d(start), d(end) if end else None),
        (S75_ACT, REGS_2000),
        basis,
        confidence,
        parties=nhs | LA,
        route=Route(nhs | LA, requires=[nhs, LA]),
        note=note,
    )


RULES = (
    _s75(
        "S75-001",
        "Section 75 partners, 2000 to 2013",
        {T.PRIMARY_CARE_TRUST, T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        "2000-04-01",
        "2013-03-31",
        HIGH,
        Basis.CONFIRMED,
        "Health Act 1999 s.31 until 1 March 2007, then NHS Act 2006 s.75. The 2000 text "
        "pairs NHS bodies with councils; foundation trusts as partners are not checked.",
    ),
    _s75(
        "S75-010",
        "Section 75 partners, 2013 to 2022",
        {T.CLINICAL_COMMISSIONING_GROUP, T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        "2013-04-01",
        "2022-06-30",
        MEDIUM,
        Basis.UNCHECKED,
        "The prescribed NHS bodies were amended in 2012 (SI 2012/3094 reg 12, not read).",
    ),
    _s75(
        "S75-011",
        "Section 75 partners, from July 2022",
        {T.INTEGRATED_CARE_BOARD, T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        "2022-07-01",
        None,
        MEDIUM,
        Basis.UNCHECKED,
        "ICBs are taken to have replaced CCGs in the prescribed list; the current text of "
        "SI 2000/617 reg 3 is not read. Whether NHS England is a partner is uncertain.",
    ),
    Rule(
        "S75-002",
        "Which councils may be partners",
        "The prescribed local authorities are county, district, county borough and London "
        "borough councils and the Common Council of the City of London.",
        S75,
        Effect.CLASSIFY,
        Period(d("2000-04-01")),
        (si("2000/617", "reg 3(2)", "made"),),
        C,
        HIGH,
        parties=LA,
        note="Later amendments (unitary councils) are not checked.",
    ),
    Rule(
        "S75-004",
        "Combined authorities treated as NHS bodies",
        "A combined authority may be treated as an NHS body for prescribed section 75 "
        "arrangements with local authorities.",
        S75,
        Effect.PERMIT,
        Period(d("2016-01-28")),
        (nhsa("s.75(7A)-(7F)", "section/75"),),
        C,
        MEDIUM,
        parties={T.COMBINED_AUTHORITY, T.LOCAL_AUTHORITY},
        route=Route(
            {T.COMBINED_AUTHORITY, T.LOCAL_AUTHORITY}, requires=[{T.COMBINED_AUTHORITY}, LA]
        ),
        note="The start date is not checked.",
    ),
    Rule(
        "S75-005",
        "No company, CIC or charity as a section 75 partner",
        "Community interest companies, charities, companies and GP bodies cannot be section 75 "
        "partners, though they may be paid from a pooled fund as providers.",
        S75,
        Effect.FORBID,
        Period(d("2000-04-01")),
        (si("2000/617", "reg 2 ('partners')", "made"),),
        C,
        HIGH,
        parties=NON_STATUTORY,
        excludes=NON_STATUTORY,
    ),
    Rule(
        "S75-006",
        "Kinds of section 75 arrangement",
        "The arrangements available are a pooled fund, lead commissioning, and integrated "
        "provision of NHS and council functions.",
        S75,
        Effect.REQUIRE,
        Period(d("2000-04-01")),
        (si("2000/617", "regs 7-9", "regulation/7/made"),),
        C,
        HIGH,
        note="The content of reg 8 (lead commissioning) is not checked.",
    ),
    Rule(
        "S75-007",
        "Functions excluded from section 75",
        "Some NHS functions cannot be included, among them surgery, radiotherapy, termination "
        "of pregnancy, endoscopy, class 4 laser and other invasive treatment, and emergency "
        "ambulance services.",
        S75,
        Effect.REQUIRE,
        Period(d("2000-04-01")),
        (si("2000/617", "reg 5", "made"),),
        K,
        MEDIUM,
        note="The same list is confirmed in the companion SI 2000/618; reg 5 itself and later "
        "additions are not read.",
    ),
    Rule(
        "S75-008",
        "A written section 75 agreement",
        "The partners need a written agreement covering aims, contributions, functions, who "
        "is served, staff and premises, duration and termination, and monitoring; a council "
        "exercising NHS functions reports on them.",
        S75,
        Effect.REQUIRE,
        Period(d("2000-04-01")),
        (si("2000/617", "regs 7(3), 9(3)-(4)", "regulation/9/made"),),
        C,
        HIGH,
    ),
    Rule(
        "S75-009",
        "Commissioner consent for an NHS trust partner",
        "An NHS trust partner needed the consent of each commissioner holding a relevant NHS "
        "contract with it (2000 text).",
        S75,
        Effect.REQUIRE,
        Period(d("2000-04-01")),
        (si("2000/617", "regs 7(2), 9(2)", "regulation/7/made"),),
        C,
        MEDIUM,
        parties={T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        note="Confirmed for the 2000 text only; the current consent wording is not checked.",
    ),
    Rule(
        "S75-012",
        "NHS England as a section 75 partner is uncertain",
        "Whether NHS England is a prescribed section 75 partner is not confirmed; it can work "
        "with councils under s.65Z5 instead.",
        S75,
        Effect.CLASSIFY,
        Period(d("2013-04-01")),
        (REGS_2000,),
        K,
        LOW,
        parties={T.NHS_ENGLAND},
    ),
    Rule(
        "DEL-001",
        "Delegation of functions under s.65Z5",
        "From 1 July 2022 NHS England, an ICB, an NHS trust or a foundation trust may arrange "
        "for its functions to be exercised by another such body, a local authority or a "
        "combined authority.",
        DEL,
        Effect.PERMIT,
        Period(d("2022-07-01")),
        (nhsa("s.65Z5", "section/65Z5"), GUIDANCE_65Z7),
        C,
        HIGH,
        parties=RELEVANT_BODIES | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY},
        route=Route(
            RELEVANT_BODIES | {T.LOCAL_AUTHORITY, T.COMBINED_AUTHORITY}, requires=[RELEVANT_BODIES]
        ),
    ),
    Rule(
        "DEL-002",
        "No delegation of statutory functions to non-NHS bodies",
        "No commissioner or NHS body may delegate statutory functions to a CIC, charity, "
        "company, LLP or GP practice: no statutory power allows it.",
        DEL,
        Effect.FORBID,
        Period(),
        (nhsa("ss.13Z, 14Z3, 65Z5", "section/65Z5"),),
        INF,
        HIGH,
        parties=NON_STATUTORY,
        excludes=NON_STATUTORY,
    ),
    Rule(
        "DEL-003",
        "CCGs could not delegate to providers",
        "From April 2013 to June 2022 a CCG had no power to delegate commissioning functions "
        "to an NHS trust or foundation trust.",
        DEL,
        Effect.FORBID,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("Sch 1A para 3; s.14Z3", "section/14Z3"),),
        INF,
        HIGH,
        parties={T.CLINICAL_COMMISSIONING_GROUP, T.NHS_TRUST, T.NHS_FOUNDATION_TRUST},
        together=[{T.CLINICAL_COMMISSIONING_GROUP}, {T.NHS_TRUST, T.NHS_FOUNDATION_TRUST}],
    ),
    Rule(
        "DEL-004",
        "NHS England's delegations to ICBs",
        "NHS England delegated primary medical services to every ICB from 1 July 2022, "
        "pharmacy, optometry and dentistry to most from 1 April 2023, and specialised "
        "services to ICBs in three regions from 1 April 2024.",
        DEL,
        Effect.CLASSIFY,
        Period(d("2022-07-01")),
        (
            guidance(
                "NHS England: delegation of primary medical, pharmaceutical, ophthalmic and "
                "dental functions",
                "https://www.england.nhs.uk/commissioning/primary-care/primary-care-comm/"
                "delegation-of-primary-medical-pharmaceutical-ophthalmic-and-dental-"
                "functions",
            ),
        ),
        C,
        HIGH,
        parties={T.NHS_ENGLAND, T.INTEGRATED_CARE_BOARD},
        together=[{T.NHS_ENGLAND}, {T.INTEGRATED_CARE_BOARD}],
    ),
    Rule(
        "DEL-005",
        "NHS England delegation to CCGs (s.13Z)",
        "From April 2013 to June 2022 NHS England could arrange for its functions to be "
        "exercised by a CCG, keeping its own liability; primary medical co-commissioning used "
        "this from April 2015.",
        DEL,
        Effect.PERMIT,
        Period(d("2013-04-01"), d("2022-06-30")),
        (
            nhsa("s.13Z", "section/13Z"),
            guidance(
                "NHS England: co-commissioning delegation FAQs",
                "https://www.england.nhs.uk/commissioning/pc-co-comms/apply/faqs/",
            ),
        ),
        C,
        HIGH,
        parties={T.NHS_ENGLAND, T.CLINICAL_COMMISSIONING_GROUP},
        route=Route(
            {T.NHS_ENGLAND, T.CLINICAL_COMMISSIONING_GROUP},
            requires=[{T.NHS_ENGLAND}, {T.CLINICAL_COMMISSIONING_GROUP}],
        ),
    ),
    Rule(
        "DEL-006",
        "Onward delegation only where allowed",
        "A body exercising another's functions may pass them on only where the delegation "
        "arrangement and the statute allow it.",
        DEL,
        Effect.REQUIRE,
        Period(),
        (GUIDANCE_65Z7,),
        K,
        MEDIUM,
        note="The Health and Care Act 2022 elsewhere lets directions restrict onward "
        "delegation, which suggests it is possible unless restricted; not checked for "
        "s.65Z5.",
    ),
    Rule(
        "DEL-007",
        "PCT functions exercised by another PCT",
        "From April 2000 to March 2013 a primary care trust could arrange for its functions to "
        "be exercised by another PCT, or jointly with health authorities, NHS trusts or other "
        "PCTs.",
        DEL,
        Effect.PERMIT,
        Period(d("2000-04-01"), d("2013-03-31")),
        (si("2000/89", "reg 12", "regulation/12/made"),),
        C,
        HIGH,
        parties={T.PRIMARY_CARE_TRUST},
        route=Route({T.PRIMARY_CARE_TRUST}),
    ),
    Rule(
        "DEL-008",
        "CCG functions exercised by other CCGs",
        "From April 2013 to June 2022 a CCG could arrange for its functions to be exercised "
        "with or by other CCGs.",
        DEL,
        Effect.PERMIT,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("s.14Z3", "section/14Z3"), si("2014/2436", "art 2", "made")),
        INF,
        MEDIUM,
        parties={T.CLINICAL_COMMISSIONING_GROUP},
        route=Route({T.CLINICAL_COMMISSIONING_GROUP}),
        note="Joint exercise by two or more CCGs under s.14Z3(2)(b) is confirmed by the 2014 "
        "Order; exercise by another CCG alone is not checked.",
    ),
    Rule(
        "BC-010",
        "Delegating does not move the delegator's liability",
        "Under s.13Z, under the Local Government Act 1972 and under s.75, the body that "
        "delegates or shares a function stays liable and accountable for it.",
        frozenset({F.DELEGATION_OF_FUNCTIONS, F.JOINT_COMMITTEE, F.SECTION_75_PARTNERSHIP}),
        Effect.REQUIRE,
        Period(),
        (nhsa("s.13Z(6)", "section/13Z"), lga1972("s.101(4)", "section/101")),
        C,
        HIGH,
        parties={
            T.NHS_ENGLAND,
            T.CLINICAL_COMMISSIONING_GROUP,
            T.LOCAL_AUTHORITY,
            T.PRIMARY_CARE_TRUST,
        },
        note="For s.65Z5 see BC-011.",
    ),
    Rule(
        "BC-011",
        "Liability under s.65Z5 is reported to move",
        "For functions delegated under s.65Z5, liabilities arising from exercising them are "
        "reported to move to the body that exercises them; accountability arrangements are "
        "set in the delegation agreement.",
        frozenset({F.DELEGATION_OF_FUNCTIONS, F.JOINT_COMMITTEE}),
        Effect.REQUIRE,
        Period(d("2022-07-01")),
        (
            commentary(
                "NHS Providers: provider collaboration guide, authority and oversight",
                "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-"
                "lawful-well-governed-collaboratives/the-fundamentals-of-governance-in-"
                "collaboration/authority-and-oversight",
            ),
            nhsa("s.65Z5", "section/65Z5"),
        ),
        INF,
        MEDIUM,
        parties=RELEVANT_BODIES,
        note="An earlier catalogue assumed liability stays with the delegator, as it did "
        "under s.13Z(6); check the text of s.65Z5 before relying on either view.",
    ),
)
