"""The joint arrangements of a system: place boards, joint committees, committees in common,
alliances, joint ventures and lead providers."""

from __future__ import annotations

from england.records import Records
from england.system import System

__all__ = [
    "alliance",
    "committees_in_common",
    "joint_committee",
    "joint_venture",
    "lead_provider",
    "place_boards",
]


def place_boards(g: Records, sy: System) -> None:
    """s.75 place boards: the ICB and each council, a joint committee and a pooled fund."""
    s = sy.s
    iid = sy.iid
    icb = sy.icb
    councils = sy.councils
    for c in councils:
        pid = f"{s}.place_{c['id'].rpartition('.')[2]}"
        director = g.post(
            f"{pid}.director", f"{c['place']} place director", "director", iid, joint_with=[c["id"]]
        )
        board = g.body(
            f"{pid}.board",
            f"{c['place']} place partnership board",
            "joint_committee",
            [iid, c["id"]],
            [
                g.member(director, role="chair", on_behalf_of=iid),
                g.member(icb["execs"][0], on_behalf_of=iid),
                g.member(c["leader"], on_behalf_of=c["id"]),
                g.member(c["dass"], on_behalf_of=c["id"]),
            ],
            [icb["board"], c["cabinet"]],
            quorum=2,
            quorum_each_organisation=True,
            start="2023-04-01",
        )
        s75 = g.agreement(
            f"{pid}.s75",
            f"{c['place']} better care fund section 75 agreement",
            "section_75_agreement",
            [iid, c["id"]],
            host=c["id"],
            bodies=[board],
            start="2023-04-01",
        )
        pooled = g.limit(20_000_000, 80_000_000)
        g.delegate(
            icb["board"],
            board,
            ["agree_service_model", "approve_expenditure"],
            limit=pooled,
            agreement=s75,
            instrument="Section 75 agreement, schedule 1",
            start="2023-04-01",
        )
        g.delegate(
            c["full"],
            board,
            ["agree_service_model", "approve_expenditure"],
            limit=pooled,
            agreement=s75,
            instrument="Section 75 agreement, schedule 1",
            start="2023-04-01",
        )


def joint_committee(g: Records, sy: System) -> None:
    """A s.65Z5 joint committee of the ICB and its trusts (from 2023)."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    icb = sy.icb
    trusts = sy.trusts
    if len(trusts) >= 2:
        jc = g.body(
            f"{s}.jc",
            f"{place} ICB and providers joint committee",
            "joint_committee",
            [iid, *(t["id"] for t in trusts)],
            [
                g.member(icb["ceo"], role="chair"),
                *(g.member(t["ceo"], on_behalf_of=t["id"]) for t in trusts),
            ],
            [icb["board"], *(t["board"] for t in trusts)],
            quorum=len(trusts) // 2 + 1,
            start="2023-04-01",
            terms_of_reference="Joint committee terms of reference (s.65Z5 NHS Act 2006)",
        )
        for owner in [icb, *trusts]:
            g.delegate(
                owner["board"],
                jc,
                ["approve_service_change", "approve_consultation"],
                instrument="Joint committee delegation schedule",
                start="2023-04-01",
            )


def committees_in_common(g: Records, sy: System) -> None:
    """Committees in common: the trusts' boards meeting together as a provider collaborative."""
    s = sy.s
    place = sy.place
    trusts = sy.trusts
    collaborating = [t for t in trusts if t["service"] != "ambulance"]
    if len(collaborating) >= 2:
        cic = g.body(
            f"{s}.provider_cic",
            f"{place} provider collaborative committees in common",
            "committees_in_common",
            [t["id"] for t in collaborating],
            [g.member(t["chair"], on_behalf_of=t["id"]) for t in collaborating]
            + [g.member(t["ceo"], on_behalf_of=t["id"]) for t in collaborating],
            [t["board"] for t in collaborating],
            start="2022-10-01",
            note="Each trust's member sits as that trust's own committee; decisions "
            "bind each trust separately.",
        )
        for t in collaborating:
            g.delegate(
                t["board"],
                cic,
                ["approve_joint_roles"],
                instrument="Provider collaborative terms of reference",
                start="2022-10-01",
                ratification=True,
            )


def alliance(g: Records, sy: System) -> None:
    """An alliance of community providers, with its alliance contract."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    trusts = sy.trusts
    councils = sy.councils
    third = sy.third
    alliance_orgs = [t for t in trusts if "community" in t["service"]][:2] or trusts[:1]
    partners = [x["id"] for x in alliance_orgs] + [o["id"] for o in third[:3]]
    partners += [c["id"] for c in councils[:1]]
    if len(partners) >= 2:
        board = g.body(
            f"{s}.alliance_board",
            f"{place} community alliance leadership board",
            "partnership_board",
            partners,
            [g.member(x["ceo"], on_behalf_of=x["id"]) for x in alliance_orgs]
            + [g.member(o["ceo"], on_behalf_of=o["id"]) for o in third[:3]]
            + [g.member(c["dass"], on_behalf_of=c["id"]) for c in councils[:1]],
            [x["board"] for x in alliance_orgs] + [o["board"] for o in third[:3]],
            start="2021-04-01",
        )
        g.agreement(
            f"{s}.alliance",
            f"{place} community alliance agreement",
            "alliance_agreement",
            partners,
            bodies=[board],
            start="2021-04-01",
        )
        g.contract(
            f"{s}.alliance_contract",
            f"{place} community services alliance contract",
            [iid],
            partners[:-1] if councils[:1] else partners,
            kind="alliance_contract",
            value=g.limit(100_000_000, 300_000_000),
            start="2021-04-01",
            end="2031-03-31",
        )


def joint_venture(g: Records, sy: System) -> None:
    """A contractual joint venture of two trusts and a CIC (like MSECC)."""
    s = sy.s
    place = sy.place
    trusts = sy.trusts
    third = sy.third
    cics = [o for o in third[3:-2] if o["type"] == "cic"][:1]
    if len(trusts) >= 2 and cics:
        cjv_orgs = [trusts[0], trusts[1], cics[0]]
        board = g.body(
            f"{s}.cjv_board",
            f"{place} community collaborative board",
            "partnership_board",
            [x["id"] for x in cjv_orgs],
            [g.member(x["ceo"], on_behalf_of=x["id"]) for x in cjv_orgs],
            [x["board"] for x in cjv_orgs],
            start="2022-04-01",
        )
        g.agreement(
            f"{s}.cjv",
            f"{place} community collaborative joint venture agreement",
            "contractual_joint_venture",
            [x["id"] for x in cjv_orgs],
            bodies=[board],
            start="2022-04-01",
        )
        for x in cjv_orgs:
            g.delegate(
                x["board"],
                x["ceo"],
                ["agree_service_model"],
                instrument="Joint venture agreement, clause 8 (members' authority)",
                start="2022-04-01",
            )


def lead_provider(g: Records, sy: System) -> None:
    """Lead provider: one trust holds the contract and subcontracts to the third sector."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    trusts = sy.trusts
    third = sy.third
    if trusts and third:
        lead = trusts[-1]
        subs = third[-2:]
        g.agreement(
            f"{s}.lead_provider",
            f"{place} mental health lead provider agreement",
            "lead_provider_contract",
            [iid, lead["id"], *(o["id"] for o in subs)],
            host=lead["id"],
            start="2023-04-01",
        )
        g.contract(
            f"{s}.lead_contract",
            f"{place} mental health lead provider contract",
            [iid],
            [lead["id"]],
            kind="nhs_standard_contract",
            value=g.limit(20_000_000, 60_000_000),
            start="2023-04-01",
        )
        for o in subs:
            g.contract(
                f"{s}.sub_{o['id'].rpartition('.')[2]}",
                f"{o['place']} mental health subcontract",
                [lead["id"]],
                [o["id"]],
                kind="subcontract",
                value=g.limit(500_000, 5_000_000),
                start="2023-04-01",
            )
