"""Corporate joint ventures, mergers and acquisitions, and shared leadership."""

from __future__ import annotations

from govmodel.law.base import Basis, Confidence, Effect, Period, Route, Rule, d
from govmodel.law.rules.groups import COMMISSIONERS, NON_STATUTORY
from govmodel.law.sources import cic_regs, commentary, hca2022, hsca2012, nhsa
from govmodel.model.kinds import FormId as F
from govmodel.model.kinds import PartyType as T

C, K, INF = Basis.CONFIRMED, Basis.UNCHECKED, Basis.INFERENCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
CORP = frozenset({F.CORPORATE_JOINT_VENTURE})
MERGE = frozenset({F.MERGER_ACQUISITION})
SHARED = frozenset({F.SHARED_LEADERSHIP})
TRUSTS = frozenset({T.NHS_TRUST, T.NHS_FOUNDATION_TRUST})
S51A = nhsa("s.51A", "section/51A")
HANSARD_2003 = commentary(
    "HC Deb 7 October 2003 col 90W (written answer)",
    "https://api.parliament.uk/historic-hansard/written-answers/2003/oct/07/hospital-financing",
)

RULES = (
    Rule(
        "CORP-001",
        "Foundation trusts may invest in bodies corporate",
        "A foundation trust may invest for the purposes of its functions, including by "
        "forming or joining companies and other bodies corporate.",
        CORP,
        Effect.PERMIT,
        Period(d("2004-04-01")),
        (nhsa("s.46", "section/46"),),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
        route=Route({T.NHS_FOUNDATION_TRUST}, min_parties=1),
        note="Confirmed from the 2003 Bill text; the s.46 numbering is not re-checked.",
    ),
    Rule(
        "CORP-002",
        "Governors approve a significant transaction",
        "If the foundation trust's constitution defines the arrangement as a significant "
        "transaction, more than half of the governors voting must approve it.",
        frozenset({F.CORPORATE_JOINT_VENTURE, F.CONTRACTUAL_JOINT_VENTURE, F.MERGER_ACQUISITION}),
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (S51A, hsca2012("s.167", "section/167")),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
        note="The start date is inferred from the commencement of the neighbouring merger "
        "provisions on 1 April 2013.",
    ),
    Rule(
        "CORP-003",
        "NHS trust joint ventures need Secretary of State consent",
        "An NHS trust may enter joint arrangements with private bodies only as directions of "
        "the Secretary of State allow and with consent.",
        CORP,
        Effect.REQUIRE,
        Period(),
        (HANSARD_2003,),
        C,
        MEDIUM,
        parties={T.NHS_TRUST},
        note="The current approval route (through NHS England) is not confirmed.",
    ),
    Rule(
        "CORP-004",
        "A CIC's stake respects its asset lock",
        "A community interest company may put assets into a joint venture only for full "
        "value, to another asset-locked body, with the CIC Regulator's consent, or for the "
        "community's benefit; its dividends are capped.",
        CORP,
        Effect.REQUIRE,
        Period(d("2005-07-01")),
        (cic_regs("Sch 3 para 1", "schedule/3/paragraph/1/made"),),
        C,
        HIGH,
        parties={T.COMMUNITY_INTEREST_COMPANY},
    ),
    Rule(
        "CORP-005",
        "A joint venture company receives no statutory functions",
        "A joint venture company or LLP is not an NHS body: it may hold contracts and employ "
        "staff but cannot receive delegated statutory functions.",
        frozenset({F.CORPORATE_JOINT_VENTURE, F.DELEGATION_OF_FUNCTIONS}),
        Effect.CLASSIFY,
        Period(),
        (nhsa("s.65Z5", "section/65Z5"),),
        INF,
        HIGH,
    ),
    Rule(
        "CORP-006",
        "NHS trusts may join a joint venture with approval",
        "An NHS trust may take a stake in a joint venture company with the approval the "
        "Secretary of State's directions require.",
        CORP,
        Effect.PERMIT,
        Period(),
        (HANSARD_2003,),
        C,
        MEDIUM,
        parties={T.NHS_TRUST},
        route=Route({T.NHS_TRUST}, min_parties=1),
    ),
    Rule(
        "CORP-007",
        "Companies, CICs, charities and practices may hold shares",
        "Companies, CICs, charities, LLPs and GP practices may own or join a joint venture "
        "company within their objects and governing documents.",
        CORP,
        Effect.PERMIT,
        Period(),
        (commentary("Companies Act 2006", "https://www.legislation.gov.uk/ukpga/2006/46"),),
        K,
        HIGH,
        parties=NON_STATUTORY,
        route=Route(NON_STATUTORY, min_parties=1),
    ),
    Rule(
        "CORP-008",
        "Councils may form trading companies",
        "A local authority may set up or join companies, for example to trade, under its "
        "trading and company powers (today the general power of competence).",
        CORP,
        Effect.PERMIT,
        Period(),
        (
            commentary(
                "Localism Act 2011 ss.1 and 4",
                "https://www.legislation.gov.uk/ukpga/2011/20/section/4",
            ),
            commentary(
                "Local Government Act 2003 s.95",
                "https://www.legislation.gov.uk/ukpga/2003/26/section/95",
            ),
        ),
        K,
        MEDIUM,
        parties={T.LOCAL_AUTHORITY},
        route=Route({T.LOCAL_AUTHORITY}, min_parties=1),
        note="Which power applied before the Localism Act 2011 depends on the purpose; "
        "not checked.",
    ),
    Rule(
        "CORP-009",
        "NHS commissioners' power to hold shares is unconfirmed",
        "No confirmed power lets a PCT, CCG, ICB or NHS England own a stake in a joint venture "
        "company; commissioners can contract with one instead.",
        CORP,
        Effect.CLASSIFY,
        Period(),
        (nhsa("s.3", "section/3"),),
        K,
        LOW,
        parties=COMMISSIONERS,
    ),
    Rule(
        "MA-001",
        "Merger needs governors' approval",
        "An application to merge a foundation trust with another foundation trust or an NHS "
        "trust into a new foundation trust needs the approval of more than half of all the "
        "governors of each applicant foundation trust.",
        MERGE,
        Effect.REQUIRE,
        Period(d("2013-04-01")),
        (nhsa("s.56(1A)", "section/56"), hsca2012("s.168", "section/168")),
        C,
        HIGH,
        parties={T.NHS_FOUNDATION_TRUST},
    ),
    Rule(
        "MA-002",
        "Acquisitions under s.56A (2013 to 2022)",
        "A foundation trust could apply with another foundation trust or an NHS trust for it "
        "to acquire the other; the Secretary of State had to support the application where "
        "the target was an NHS trust.",
        MERGE,
        Effect.PERMIT,
        Period(d("2013-04-01"), d("2022-06-30")),
        (nhsa("s.56A", "section/56A"), hsca2012("s.169", "section/169")),
        C,
        HIGH,
        parties=TRUSTS,
        route=Route(TRUSTS, requires=[{T.NHS_FOUNDATION_TRUST}]),
    ),
    Rule(
        "MA-003",
        "Non-NHS bodies cannot merge with NHS trusts",
        "Companies, CICs, charities and GP federations cannot merge with or be acquired by NHS "
        "bodies under ss.56 and 56A; services move by contract or business transfer instead.",
        MERGE,
        Effect.FORBID,
        Period(),
        (nhsa("ss.56, 56A", "section/56A"),),
        INF,
        HIGH,
        parties=NON_STATUTORY,
        excludes=NON_STATUTORY,
    ),
    Rule(
        "MA-004",
        "Who approves a merger",
        "Merger and acquisition applications went to Monitor until 30 June 2022 and go to NHS "
        "England from 1 July 2022.",
        MERGE,
        Effect.CLASSIFY,
        Period(),
        (hca2022("s.33 (abolition of Monitor)", "section/33"), nhsa("s.56", "section/56")),
        K,
        MEDIUM,
        parties=TRUSTS,
        note="The current text names NHS England; the switch date is inferred from the "
        "abolition of Monitor.",
    ),
    Rule(
        "MA-005",
        "Acquisitions under s.56A (from July 2022)",
        "A foundation trust may apply with another foundation trust or an NHS trust for it to "
        "acquire the other; NHS England may grant the application only if the Secretary of "
        "State approves, whatever the type of the target.",
        MERGE,
        Effect.PERMIT,
        Period(d("2022-07-01")),
        (nhsa("s.56A(4)", "section/56A"),),
        C,
        HIGH,
        parties=TRUSTS,
        route=Route(TRUSTS, requires=[{T.NHS_FOUNDATION_TRUST}]),
        note="Corrects the earlier catalogue, which described the 2013 text. The start date "
        "of the Secretary of State approval is inferred (1 July 2022).",
    ),
    Rule(
        "MA-006",
        "Mergers under the original s.56 (2004 to 2013)",
        "Before April 2013 foundation trusts could apply to merge with each other or with an "
        "NHS trust into a new foundation trust under the original s.56.",
        MERGE,
        Effect.PERMIT,
        Period(d("2004-04-01"), d("2013-03-31")),
        (nhsa("s.56", "section/56"),),
        K,
        MEDIUM,
        parties=TRUSTS,
        route=Route(TRUSTS, requires=[{T.NHS_FOUNDATION_TRUST}]),
    ),
    Rule(
        "MA-007",
        "NHS trust reorganisations by order",
        "NHS trusts are established and dissolved by orders, so two NHS trusts can be "
        "reorganised into one by the Secretary of State.",
        MERGE,
        Effect.PERMIT,
        Period(d("1991-04-01")),
        (nhsa("s.25 and Sch 4", "section/25"),),
        K,
        MEDIUM,
        parties={T.NHS_TRUST},
        route=Route({T.NHS_TRUST}),
    ),
    Rule(
        "GRP-001",
        "A group has no legal personality",
        "A 'group' of trusts is not a legal person: each trust keeps its own board and its "
        "own statutory duties.",
        SHARED,
        Effect.CLASSIFY,
        Period(),
        (
            commentary(
                "Shropshire Live: Shropshire NHS trusts meet to consider group model "
                "(23 September 2025)",
                "https://www.shropshirelive.com/news/2025/09/23/shropshire-nhs-trusts-"
                "meet-to-consider-group-model/",
            ),
        ),
        C,
        HIGH,
        parties=TRUSTS,
    ),
    Rule(
        "GRP-002",
        "Chairs and chief executives in common",
        "Trusts may share a chair or a chief executive; each appointment must follow each "
        "trust's own rules.",
        SHARED,
        Effect.PERMIT,
        Period(),
        (
            commentary(
                "NHS Providers: chairing more than one trust board",
                "https://nhsproviders.org/chairing-more-than-one-trust-board/key-messages",
            ),
            nhsa("Sch 7", "schedule/7"),
        ),
        C,
        HIGH,
        parties=TRUSTS,
        route=Route(TRUSTS),
    ),
    Rule(
        "GRP-003",
        "Who appoints a shared chair",
        "A foundation trust's chair and non-executives are appointed by its council of "
        "governors; an NHS trust's chair is appointed by NHS England from July 2022 (by the "
        "Secretary of State, through national bodies, before).",
        SHARED,
        Effect.REQUIRE,
        Period(),
        (nhsa("Sch 7 para 17", "schedule/7/paragraph/17"), hca2022("s.59", "section/59")),
        C,
        HIGH,
        parties=TRUSTS,
    ),
)
