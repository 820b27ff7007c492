"""Commissioners: integrated care boards and councils, with their schemes of delegation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from england.providers import EXECS
from england.records import Records

__all__ = ["council", "icb"]


def icb(g: Records, iid: str, place: str) -> dict[str, Any]:
    """An ICB with its board, statutory committees and scheme of delegation."""
    g.org(
        iid,
        f"NHS {place} Integrated Care Board",
        "integrated_care_board",
        ods=g.ods("Q", 2),
        short_name=f"{place} ICB",
        start="2022-07-01",
    )
    p = f"{iid}."
    chair = g.post(p + "chair", f"{place} ICB chair", "chair", iid)
    ceo = g.post(p + "ceo", f"{place} ICB chief executive", "chief_executive", iid)
    execs = [g.post(p + k, f"{place} ICB {t.lower()}", "exec", iid) for k, t in EXECS[:3]]
    neds = [
        g.post(p + f"ned{i}", f"{place} ICB non-executive member", "ned", iid) for i in range(1, 5)
    ]
    partners = [
        g.post(p + f"partner_{k}", f"{place} ICB partner member ({k})", "director", iid)
        for k in ("trusts", "primary_care", "councils")
    ]
    pc_director = g.post(
        p + "primary_care_director", f"{place} ICB director of primary care", "officer", iid
    )
    members = [
        g.member(chair, role="chair"),
        g.member(ceo),
        *(g.member(e) for e in execs),
        *(g.member(n) for n in neds),
        *(g.member(x) for x in partners),
    ]
    board = g.body(
        p + "board",
        f"{place} ICB board",
        "board",
        [iid],
        members,
        quorum=len(members) // 2 + 1,
        reserved=[
            "approve_strategy",
            "approve_annual_plan",
            "approve_governance_framework",
            "amend_constitution",
        ],
        terms_of_reference="ICB constitution and governance handbook",
    )
    committees = {}
    for key, title, who, matters, limit in (
        (
            "audit",
            "audit committee",
            [neds[0], neds[1], neds[2]],
            ["approve_risk_framework", "approve_annual_report"],
            None,
        ),
        (
            "remuneration",
            "remuneration committee",
            [chair, neds[1], neds[3]],
            ["appoint_executive_directors"],
            None,
        ),
        (
            "quality",
            "quality and performance committee",
            [neds[2], execs[1], execs[2], neds[3]],
            ["agree_clinical_standards"],
            None,
        ),
        (
            "finance",
            "finance and investment committee",
            [neds[3], execs[0], ceo, neds[0]],
            ["approve_business_case", "award_contract", "approve_capital_scheme"],
            g.limit(20_000_000, 50_000_000),
        ),
        (
            "primary_care",
            "primary care commissioning committee",
            [neds[1], pc_director, execs[1], partners[1]],
            ["award_contract", "agree_service_model"],
            g.limit(5_000_000, 10_000_000),
        ),
    ):
        body = g.body(
            p + key,
            f"{place} ICB {title}",
            "committee",
            [iid],
            [g.member(who[0], role="chair"), *(g.member(x) for x in who[1:])],
            [board],
            quorum=2,
        )
        committees[key] = body
        g.delegate(
            board,
            body,
            matters,
            limit=limit,
            onward=key == "primary_care",
            instrument="ICB scheme of reservation and delegation",
        )
    g.delegate(
        board,
        ceo,
        ["approve_expenditure", "award_contract"],
        limit=g.limit(10_000_000, 20_000_000),
        onward=True,
        instrument="ICB scheme of reservation and delegation, section 3",
    )
    g.delegate(
        ceo,
        execs[0],
        ["approve_expenditure", "award_contract"],
        limit=g.limit(2_000_000, 5_000_000),
        onward=True,
        instrument="ICB scheme of reservation and delegation, section 3.2",
    )
    g.delegate(
        committees["primary_care"],
        pc_director,
        ["agree_service_model"],
        limit=g.limit(500_000, 2_000_000),
        instrument="ICB scheme of reservation and delegation, section 7",
    )
    g.delegate(
        execs[0],
        pc_director,
        ["approve_expenditure"],
        limit=g.limit(200_000, 800_000),
        instrument="ICB detailed scheme of delegation",
    )
    return {
        "id": iid,
        "place": place,
        "board": board,
        "ceo": ceo,
        "chair": chair,
        "execs": execs,
        "committees": committees,
        "pc_director": pc_director,
    }


def council(g: Records, cid: str, icb: dict[str, Any]) -> dict[str, Any]:
    """A council with full council, cabinet, committees, health and wellbeing board and
    scrutiny; councillors sit on several committees."""
    place = g.place()
    tier = g.rng.choice(("County Council", "Borough Council", "City Council", "Council"))
    g.org(
        cid, f"{place} {tier}", "local_authority", ods=g.ods("E", 4), short_name=f"{place} Council"
    )
    p = f"{cid}."
    councillors = [
        g.post(p + f"cllr{i}", f"Councillor, {place} ward {i}", "councillor", cid)
        for i in range(1, g.rng.randint(18, 34) + 1)
    ]
    leader = councillors[0]
    ceo = g.post(p + "ceo", f"{place} Council chief executive", "chief_executive", cid)
    dass = g.post(p + "dass", f"{place} director of adult social services", "officer", cid)
    dcs = g.post(p + "dcs", f"{place} director of children's services", "officer", cid)
    dph = g.post(p + "dph", f"{place} director of public health", "officer", cid)
    s151 = g.post(p + "s151", f"{place} chief finance officer (s.151)", "officer", cid)
    monitoring = g.post(p + "monitoring", f"{place} monitoring officer", "officer", cid)
    full = g.body(
        p + "council",
        f"{place} full council",
        "full_council",
        [cid],
        [g.member(c, role="chair") if i == 1 else g.member(c) for i, c in enumerate(councillors)]
        + [g.member(x, role="attendee", voting=False) for x in (ceo, monitoring)],
        reserved=["approve_budget", "amend_constitution"],
    )
    cabinet = g.body(
        p + "cabinet",
        f"{place} cabinet",
        "committee",
        [cid],
        [
            g.member(leader, role="chair"),
            *(g.member(c) for c in councillors[1:8]),
            g.member(ceo, role="attendee", voting=False),
        ],
        [full],
        quorum=3,
    )
    backbench = councillors[8:]

    def committee(
        key: str, title: str, size: int, officers: Iterable[str] = (), kind: str = "committee"
    ) -> str:
        seats = g.rng.sample(backbench, min(size, len(backbench)))
        return g.body(
            p + key,
            f"{place} {title}",
            kind,
            [cid],
            [
                g.member(seats[0], role="chair"),
                *(g.member(c) for c in seats[1:]),
                *(g.member(o, role="attendee", voting=False) for o in officers),
            ],
            [full],
            quorum=3,
        )

    planning = committee("planning", "planning committee", g.rng.randint(9, 13), [monitoring])
    committee("licensing", "licensing committee", g.rng.randint(10, 15), [monitoring])
    adults = committee("adults", "adult social care and health committee", 9, [dass, dph])
    committee("children", "children's services committee", 9, [dcs])
    committee("corporate_parenting", "corporate parenting panel", 8, [dcs])
    committee("standards", "standards committee", 7, [monitoring])
    committee("pensions", "pension fund committee", 8, [s151])
    audit = committee("audit", "audit and governance committee", 6, [s151, monitoring])
    committee(
        "scrutiny",
        "health overview and scrutiny committee",
        g.rng.randint(8, 12),
        [dph],
        kind="scrutiny_committee",
    )
    hwb = g.body(
        p + "hwb",
        f"{place} health and wellbeing board",
        "committee",
        [cid],
        [
            g.member(councillors[1], role="chair"),
            g.member(councillors[2]),
            g.member(dass, voting=False),
            g.member(dcs, voting=False),
            g.member(dph, voting=False),
            g.member(icb["ceo"], voting=False, on_behalf_of=icb["id"]),
        ],
        [full],
        quorum=2,
    )
    g.delegate(
        full,
        cabinet,
        ["approve_expenditure", "award_contract", "approve_service_change"],
        limit=g.limit(20_000_000, 50_000_000),
        onward=True,
        instrument="Constitution, part 3 (responsibility for functions)",
    )
    g.delegate(
        full,
        audit,
        ["approve_annual_accounts", "approve_risk_framework"],
        instrument="Constitution, part 3",
    )
    g.delegate(full, hwb, ["agree_service_model"], instrument="Constitution, part 3")
    g.delegate(
        full,
        planning,
        ["manage_operational_delivery"],
        instrument="Constitution, part 3 (planning functions)",
    )
    g.delegate(
        cabinet,
        adults,
        ["approve_service_change"],
        limit=g.limit(1_000_000, 5_000_000),
        instrument="Constitution, part 3",
    )
    g.delegate(
        cabinet,
        ceo,
        ["approve_expenditure", "award_contract"],
        limit=g.limit(1_000_000, 5_000_000),
        onward=True,
        instrument="Constitution, part 3, officer scheme of delegation",
    )
    for officer in (dass, dcs, dph, s151):
        g.delegate(
            ceo,
            officer,
            ["approve_expenditure", "award_contract"],
            limit=g.limit(100_000, 900_000),
            instrument="Officer scheme of delegation",
        )
    return {
        "id": cid,
        "place": place,
        "full": full,
        "cabinet": cabinet,
        "dass": dass,
        "leader": leader,
        "ceo": ceo,
    }
