"""Primary care and the third sector: GP practices, companies, CICs and charities."""

from __future__ import annotations

from typing import Any

from england.records import Records

__all__ = ["practice", "small_org"]


def small_org(g: Records, oid: str, type: str, name: str, place: str) -> dict[str, Any]:
    """A company, CIC, charity or GP federation with a board and a short scheme."""
    extra = {"short_name": name.replace(" Limited", "").replace(" C.I.C.", "")}
    if type == "charity":
        extra["ods"] = g.ods("8", 3)
    g.org(oid, name, type, **extra)
    p = f"{oid}."
    chair = g.post(p + "chair", f"{name} chair", "chair", oid)
    ceo = g.post(p + "md", f"{name} managing director", "chief_executive", oid)
    fd = g.post(p + "fd", f"{name} finance director", "exec", oid)
    trustees = [
        g.post(p + f"nd{i}", f"{name} {'trustee' if type == 'charity' else 'director'}", "ned", oid)
        for i in range(1, g.rng.randint(1, 3) + 1)
    ]
    board = g.body(
        p + "board",
        f"{name} board",
        "board",
        [oid],
        [
            g.member(chair, role="chair"),
            g.member(ceo),
            g.member(fd),
            *(g.member(t) for t in trustees),
        ],
    )
    g.delegate(
        board,
        ceo,
        ["approve_expenditure", "award_contract", "manage_operational_delivery"],
        limit=g.limit(100_000, 500_000),
        onward=True,
        instrument="Board scheme of delegation",
    )
    g.delegate(
        ceo,
        fd,
        ["approve_expenditure"],
        limit=g.limit(10_000, 50_000),
        instrument="Financial procedures",
    )
    return {"id": oid, "type": type, "board": board, "ceo": ceo, "chair": chair, "place": place}


def practice(g: Records, pid: str, place: str, ended: str | None = None) -> dict[str, Any]:
    """A GP practice (a partnership) with its partners' meeting and practice manager."""
    surgery = g.rng.choice(
        ("Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice")
    )
    name = f"{g.place()} {surgery}"
    dated: dict[str, Any] = {"end": ended} if ended else {}
    g.org(pid, name, "gp_practice", ods=g.ods(g.rng.choice("ABCDEFGHJKLMNPY"), 5), **dated)
    p = f"{pid}."
    partners = [
        g.post(p + f"partner{i}", f"{name} GP partner", "director", pid, **dated)
        for i in range(1, g.rng.choice((0, 1, 1, 2)) + 1)
    ]
    lead = g.post(p + "lead_gp", f"{name} senior partner", "clinical_lead", pid, **dated)
    manager = g.post(p + "manager", f"{name} practice manager", "manager", pid, **dated)
    board = g.body(
        p + "partners",
        f"{name} partners' meeting",
        "board",
        [pid],
        [
            g.member(lead, role="chair"),
            *(g.member(x) for x in partners),
            g.member(manager, voting=False),
        ],
        **dated,
    )
    g.delegate(
        board,
        manager,
        ["approve_expenditure", "manage_operational_delivery"],
        limit=g.limit(5_000, 25_000),
        instrument="Partnership agreement, clause 12",
        **dated,
    )
    return {
        "id": pid,
        "name": name,
        "board": board,
        "lead": lead,
        "manager": manager,
        "partners": partners,
    }
