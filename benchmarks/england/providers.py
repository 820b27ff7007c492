"""NHS trusts and foundation trusts: boards, governors, committees, divisions, schemes."""

from __future__ import annotations

from typing import Any

from england.records import Records

__all__ = ["flaw", "trust"]

_TRUST_SERVICES = (
    ("Hospitals", "acute"),
    ("University Hospitals", "acute"),
    ("Teaching Hospitals", "acute"),
    ("Community Health Services", "community"),
    ("Partnership", "mental health"),
    ("Healthcare", "mental health and community"),
    ("Children's Hospital", "specialist"),
    ("Ambulance Service", "ambulance"),
)
EXECS = (
    ("cfo", "Chief finance officer"),
    ("cmo", "Chief medical officer"),
    ("cno", "Chief nurse"),
    ("coo", "Chief operating officer"),
    ("cpo", "Chief people officer"),
    ("strategy", "Director of strategy"),
)
_SOD = "Scheme of reservation and delegation"
_DIVISIONS = (
    "medicine",
    "surgery",
    "women's and children's",
    "clinical support",
    "community",
    "urgent and emergency care",
    "cancer",
    "mental health",
    "learning disabilities",
)


def trust(g: Records, tid: str, ft: bool, icb: str) -> dict[str, Any]:
    """An NHS trust or foundation trust with its board, committees and scheme."""
    suffix, service = g.rng.choice(_TRUST_SERVICES)
    place = g.place()
    kind = "NHS Foundation Trust" if ft else "NHS Trust"
    name = f"{place} {suffix} {kind}"
    extra: dict[str, Any] = {"ods": g.ods("R", 2), "short_name": f"{place} {suffix}"}
    if ft:
        extra["start"] = g.date(2004, 2016)
    g.org(tid, name, "nhs_foundation_trust" if ft else "nhs_trust", **extra)
    p = f"{tid}."
    chair = g.post(p + "chair", f"{place} chair", "chair", tid)
    ceo = g.post(p + "ceo", f"{place} chief executive", "chief_executive", tid)
    n_exec = g.rng.randint(4, len(EXECS))
    execs = [g.post(p + key, f"{place} {title.lower()}", "exec", tid) for key, title in EXECS]
    execs = execs[:n_exec]
    neds = [
        g.post(p + f"ned{i}", f"{place} non-executive director", "ned", tid)
        for i in range(1, g.rng.randint(5, 6) + 1)
    ]
    board_members = [
        g.member(chair, role="chair"),
        g.member(ceo),
        *(g.member(e) for e in execs),
        *(g.member(n, role="vice_chair") if i == 0 else g.member(n) for i, n in enumerate(neds)),
    ]
    board = g.body(
        p + "board",
        f"{place} board of directors",
        "board",
        [tid],
        board_members,
        quorum=len(board_members) // 2,
        reserved=["approve_strategy", "approve_annual_plan", "approve_governance_framework"],
        terms_of_reference=f"{_SOD}, section 2",
    )
    bodies: dict[str, str] = {"board": board}
    if ft:
        governors = [
            g.post(p + f"gov{i}", f"{place} governor", "governor", tid)
            for i in range(1, g.rng.randint(5, 8) + 1)
        ]
        # The rest of the council's governors are recorded by constituency, without posts.
        elected = [
            {"person": f"{kind} governor ({constituency})"}
            for kind, constituency in (
                ("public", f"{place} central"),
                ("public", f"{place} north"),
                ("public", f"{place} south"),
                ("public", "rest of England"),
                ("staff", "nursing and midwifery"),
                ("staff", "medical and dental"),
                ("staff", "allied health professionals"),
                ("appointed", "local council"),
                ("appointed", "university"),
            )[: g.rng.randint(6, 9)]
        ]
        cog = g.body(
            p + "governors",
            f"{place} council of governors",
            "council_of_governors",
            [tid],
            [
                g.member(chair, role="chair"),
                *(g.member(x) for x in governors),
                *elected,
                g.member(ceo, role="attendee", voting=False),
            ],
        )
        nominations = g.body(
            p + "governors_nominations",
            f"{place} governors' nominations committee",
            "committee",
            [tid],
            [g.member(chair, role="chair"), *(g.member(x) for x in governors[:4])],
            [cog],
        )
        g.delegate(
            cog,
            nominations,
            ["appoint_remove_neds", "set_chair_ned_pay"],
            ratification=True,
            instrument="Constitution, annex 8 (nominations committee terms of reference)",
        )
        bodies["governors"] = cog
    audit = g.body(
        p + "audit",
        f"{place} audit and risk committee",
        "committee",
        [tid],
        [g.member(neds[1], role="chair"), *(g.member(n) for n in neds[2:4])],
        [board],
        quorum=2,
    )
    committees = {
        "audit": audit,
        "remuneration": g.body(
            p + "remuneration",
            f"{place} remuneration and nominations committee",
            "committee",
            [tid],
            [g.member(chair, role="chair"), *(g.member(n) for n in neds)],
            [board],
            quorum=3,
        ),
        "quality": g.body(
            p + "quality",
            f"{place} quality and safety committee",
            "committee",
            [tid],
            [
                g.member(neds[0], role="chair"),
                g.member(neds[-1]),
                g.member(execs[1]),
                g.member(execs[2]),
            ],
            [board],
            quorum=2,
        ),
        "finance": g.body(
            p + "finance",
            f"{place} finance and performance committee",
            "committee",
            [tid],
            [
                g.member(neds[-2], role="chair"),
                g.member(neds[-1]),
                g.member(execs[0]),
                g.member(execs[3]),
                g.member(ceo),
            ],
            [board],
            quorum=3,
        ),
        "people": g.body(
            p + "people",
            f"{place} people committee",
            "committee",
            [tid],
            [g.member(neds[2], role="chair"), g.member(neds[3]), g.member(execs[-1])],
            [board],
            quorum=2,
        ),
        "charity": g.body(
            p + "charitable_funds",
            f"{place} charitable funds committee (corporate trustee)",
            "committee",
            [tid],
            [
                g.member(neds[-1], role="chair"),
                g.member(chair),
                g.member(ceo),
                *(g.member(x) for x in execs),
                *(g.member(n) for n in neds[:-1]),
            ],
            [board],
            quorum=3,
        ),
        "executive": g.body(
            p + "executive",
            f"{place} executive management committee",
            "committee",
            [tid],
            [g.member(ceo, role="chair"), *(g.member(e) for e in execs)],
            [board],
            quorum=3,
        ),
    }
    bodies.update(committees)
    # The company secretary and the executives attend the board's committees.
    secretary = g.post(p + "secretary", f"{place} company secretary", "officer", tid)
    for key in ("audit", "remuneration", "quality", "finance", "people"):
        record = g.m["bodies"][-1]
        for record in reversed(g.m["bodies"]):
            if record["id"] == committees[key]:
                break
        sitting = {m["post"] for m in record["members"]}
        record["members"] += [
            g.member(x, role="attendee", voting=False)
            for x in [secretary, ceo, *execs[:3]]
            if x not in sitting
        ]
    lim = g.limit
    g.delegate(
        board,
        audit,
        ["approve_risk_framework", "approve_annual_report"],
        instrument=f"{_SOD}, section 4.1",
    )
    g.delegate(
        board,
        committees["finance"],
        ["approve_business_case", "approve_capital_scheme", "award_contract"],
        limit=lim(5_000_000, 15_000_000),
        instrument=f"{_SOD}, section 4.3",
    )
    g.delegate(
        board,
        committees["quality"],
        ["agree_clinical_standards"],
        instrument=f"{_SOD}, section 4.2",
    )
    g.delegate(
        board,
        committees["executive"],
        ["manage_operational_delivery", "approve_service_change"],
        limit=lim(1_000_000, 3_000_000),
        onward=True,
        instrument=f"{_SOD}, section 5",
    )
    g.delegate(
        board,
        committees["remuneration"],
        ["appoint_executive_directors"],
        instrument=f"{_SOD}, section 4.4",
    )
    # The chief executive's authority: the scheme was revised from 1 April 2024.
    old = lim(1_000_000, 2_000_000)
    g.delegate(
        board,
        ceo,
        ["approve_expenditure", "award_contract", "approve_business_case"],
        limit=old,
        onward=True,
        instrument=f"{_SOD} (2023 version), section 6",
        end="2024-03-31",
    )
    top = old + lim(500_000, 1_000_000)
    g.delegate(
        board,
        ceo,
        ["approve_expenditure", "award_contract", "approve_business_case"],
        limit=top,
        onward=True,
        instrument=f"{_SOD}, section 6",
        start="2024-04-01",
    )
    # Onward delegation down the executive line to officers, limits falling.
    officers = []
    for i, ex in enumerate(execs[: g.rng.randint(2, 3)]):
        ex_limit = lim(top // 4, top // 2) - 1000 * i
        g.delegate(
            ceo,
            ex,
            ["approve_expenditure", "award_contract"],
            limit=ex_limit,
            onward=True,
            instrument=f"{_SOD}, section 6.{i + 1}",
        )
        for j in range(g.rng.randint(1, 2)):
            off = g.post(f"{ex}.officer{j + 1}", f"{place} deputy director {j + 1}", "officer", tid)
            officers.append(off)
            off_limit = lim(ex_limit // 10, ex_limit // 4) - 100 * j
            g.delegate(
                ex,
                off,
                ["approve_expenditure"],
                limit=off_limit,
                onward=j == 0,
                instrument=f"{_SOD}, appendix A",
            )
            if j == 0:
                sub = g.post(f"{off}.manager", f"{place} budget holder", "manager", tid)
                officers.append(sub)
                g.delegate(
                    off,
                    sub,
                    ["approve_expenditure"],
                    limit=off_limit // 10,
                    instrument=f"{_SOD}, appendix A",
                )
    coo = execs[3]
    coo_limit = lim(200_000, 800_000)
    g.delegate(
        committees["executive"],
        coo,
        ["manage_operational_delivery"],
        limit=coo_limit,
        onward=True,
        instrument=f"{_SOD}, section 5.2",
    )
    # Clinical divisions, each with its leadership and budget holders.
    for k, division in enumerate(g.rng.sample(_DIVISIONS, g.rng.randint(3, 4)), start=1):
        d = f"{p}div{k}"
        director = g.post(
            f"{d}.director", f"{place} divisional director, {division}", "officer", tid
        )
        nurse = g.post(f"{d}.nurse", f"{place} head of nursing, {division}", "officer", tid)
        manager = g.post(f"{d}.gm", f"{place} general manager, {division}", "manager", tid)
        clinical = [
            g.post(f"{d}.cd{i}", f"{place} clinical director, {division}", "clinical_lead", tid)
            for i in range(1, g.rng.randint(1, 2) + 1)
        ]
        division_board = g.body(
            f"{d}.board",
            f"{place} {division} divisional board",
            "committee",
            [tid],
            [
                g.member(director, role="chair"),
                g.member(nurse),
                g.member(manager),
                *(g.member(c) for c in clinical),
                *(g.member(x, role="attendee", voting=False) for x in (coo, *execs[:3])),
            ],
            [committees["executive"]],
            quorum=3,
        )
        g.delegate(
            coo,
            division_board,
            ["manage_operational_delivery"],
            limit=coo_limit // 2 - 1000 * k,
            instrument=f"{_SOD}, appendix B",
        )
        g.delegate(
            execs[0],
            director,
            ["approve_expenditure"],
            limit=lim(100_000, 250_000) - 1000 * k - 500,
            onward=True,
            instrument=f"{_SOD}, appendix A",
        )
        g.delegate(
            director,
            manager,
            ["approve_expenditure"],
            limit=lim(10_000, 50_000),
            instrument=f"{_SOD}, appendix A",
        )
        officers += [director, nurse, manager, *clinical]
    # Sub-committees and groups reporting to the board committees.
    for key, title, parent, chair_post in (
        ("patient_safety", "patient safety group", "quality", execs[2]),
        ("infection", "infection prevention and control committee", "quality", execs[2]),
        ("safeguarding", "safeguarding committee", "quality", execs[2]),
        ("medicines", "medicines optimisation group", "quality", execs[1]),
        ("information", "information governance group", "audit", execs[0]),
        ("capital", "capital and estates group", "finance", execs[0]),
        ("health_safety", "health and safety committee", "people", execs[-1]),
    ):
        pool = g.rng.sample(officers, min(len(officers), g.rng.randint(6, 10)))
        g.body(
            f"{p}{key}",
            f"{place} {title}",
            "sub_committee",
            [tid],
            [
                g.member(chair_post, role="chair"),
                *(g.member(x) for x in pool),
                g.member(secretary, role="attendee", voting=False),
            ],
            [committees[parent]],
            quorum=2,
        )
    return {
        "id": tid,
        "ft": ft,
        "place": place,
        "board": board,
        "ceo": ceo,
        "chair": chair,
        "execs": execs,
        "neds": neds,
        "bodies": bodies,
        "icb": icb,
        "service": service,
    }


def flaw(g: Records, trust: dict[str, Any]) -> None:
    """One typical drafting fault in a trust's scheme, for ``govmodel check`` to find."""
    tid, place = trust["id"], trust["place"]
    fault = g.rng.choice(("no_reporting_line", "quorum", "officer", "limit"))
    if fault == "no_reporting_line":
        g.body(
            f"{tid}.transformation",
            f"{place} transformation committee",
            "committee",
            [tid],
            [g.member(trust["execs"][-1], role="chair"), g.member(trust["neds"][0])],
            note="Its terms of reference do not say whom it reports to.",
        )
    elif fault == "quorum":
        g.body(
            f"{tid}.research",
            f"{place} research governance group",
            "sub_committee",
            [tid],
            [g.member(trust["execs"][1], role="chair"), g.member(trust["neds"][-1])],
            [trust["bodies"]["quality"]],
            quorum=4,
        )
    elif fault == "officer" and trust["ft"]:
        officer = g.post(f"{tid}.estates", f"{place} head of estates", "officer", tid)
        g.delegate(
            trust["board"],
            officer,
            ["approve_capital_scheme"],
            limit=250_000,
            instrument=f"{_SOD}, appendix C",
        )
    else:
        cfo = trust["execs"][0]
        g.delegate(
            f"{cfo}.officer1",
            f"{cfo}.officer1.manager",
            ["approve_expenditure"],
            limit=50_000_000,
            instrument=f"{_SOD}, appendix A (typing error)",
        )
