"""One integrated care system: an ICB and the organisations and arrangements around it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from england.commissioners import council, icb
from england.community import practice, small_org
from england.providers import flaw, trust
from england.records import Records

__all__ = ["System", "build_system"]


@dataclass
class System:
    """What the parts of one system refer to: ids, and the organisations built so far."""

    n: int
    place: str
    s: str = ""
    iid: str = ""
    icb: dict[str, Any] = field(default_factory=dict)
    trusts: list[dict[str, Any]] = field(default_factory=list)
    councils: list[dict[str, Any]] = field(default_factory=list)
    third: list[dict[str, Any]] = field(default_factory=list)
    practices: list[dict[str, Any]] = field(default_factory=list)
    open_practices: list[dict[str, Any]] = field(default_factory=list)
    federations: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.s = f"s{self.n:02d}"
        self.iid = f"icb{self.n:02d}"


def build_system(g: Records, n: int, counts: dict[str, int], nhse: dict[str, str]) -> System:
    """Build system ``n`` with ``counts`` organisations of each kind."""
    from england import partnerships

    sy = System(n, g.place())
    sy.icb = icb(g, sy.iid, sy.place)
    _history(g, sy, counts["ccg"])
    _nhse_delegation(g, sy, nhse)
    sy.trusts = [
        trust(g, f"{sy.s}.t{k}", g.rng.random() < 0.6, sy.iid)
        for k in range(1, counts["trust"] + 1)
    ]
    sy.councils = [council(g, f"{sy.s}.la{k}", sy.icb) for k in range(1, counts["council"] + 1)]
    if g.rng.random() < 0.5:
        flaw(g, sy.trusts[-1])
    if counts["merged"]:
        _merged_trust(g, sy)
    _trust_contracts(g, sy)
    sy.third = _third_sector(g, sy, counts["third"])
    _primary_care(g, sy, counts)
    _networks(g, sy)
    partnerships.place_boards(g, sy)
    partnerships.joint_committee(g, sy)
    partnerships.committees_in_common(g, sy)
    partnerships.alliance(g, sy)
    partnerships.joint_venture(g, sy)
    partnerships.lead_provider(g, sy)
    _system_contracts(g, sy)
    _system_agreements(g, sy)
    return sy


def _history(g: Records, sy: System, count: int) -> None:
    """Predecessor CCGs, abolished on 30 June 2022 (ended records)."""
    s = sy.s
    for k in range(1, count + 1):
        cid = f"{s}.ccg{k}"
        cplace = g.place()
        g.org(
            cid,
            f"NHS {cplace} Clinical Commissioning Group",
            "ccg",
            ods=g.ods("0", 2),
            start="2013-04-01",
            end="2022-06-30",
        )
        g.body(
            f"{cid}.governing_body",
            f"{cplace} CCG governing body",
            "board",
            [cid],
            start="2013-04-01",
            end="2022-06-30",
        )


def _nhse_delegation(g: Records, sy: System, nhse: dict[str, str]) -> None:
    """NHS England delegates primary pharmaceutical, ophthalmic and dental services."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    icb = sy.icb
    agreement = g.agreement(
        f"{s}.nhse_delegation",
        f"NHS England delegation agreement with {place} ICB",
        "delegation_agreement",
        [nhse["id"], iid],
        start="2023-04-01",
    )
    g.delegate(
        nhse["board"],
        icb["board"],
        ["award_contract"],
        agreement=agreement,
        start="2023-04-01",
        instrument="Delegation agreement, schedule 2 (POD services)",
    )


def _merged_trust(g: Records, sy: System) -> None:
    """A foundation trust acquired on 1 April 2023 (ended records)."""
    s = sy.s
    trusts = sy.trusts
    if trusts:
        mid = f"{s}.merged"
        mplace = g.place()
        g.org(
            mid,
            f"{mplace} Hospitals NHS Foundation Trust",
            "ft",
            ods=g.ods("R", 2),
            start="2008-04-01",
            end="2023-03-31",
            note=f"Acquired by {trusts[0]['id']} on 1 April 2023.",
        )
        g.body(f"{mid}.board", f"{mplace} board of directors", "board", [mid], end="2023-03-31")
        g.body(
            f"{mid}.governors",
            f"{mplace} council of governors",
            "council_of_governors",
            [mid],
            end="2023-03-31",
        )
        g.contract(
            f"{mid}.contract",
            f"{mplace} acute services contract 2022/23",
            [f"{s}.ccg1"],
            [mid],
            kind="nhs_standard_contract",
            start="2022-04-01",
            end="2023-03-31",
        )


def _trust_contracts(g: Records, sy: System) -> None:
    """The ICB commissions every trust, for this year and (for some) the last."""
    iid = sy.iid
    trusts = sy.trusts
    for t in trusts:
        g.contract(
            f"{t['id']}.contract",
            f"{t['place']} {t['service']} services contract 2024/25",
            [iid],
            [t["id"]],
            kind="nhs_standard_contract",
            value=g.limit(50_000_000, 900_000_000),
            start="2024-04-01",
            end="2025-03-31",
        )
    for t in trusts[::3]:
        g.contract(
            f"{t['id']}.contract_2023",
            f"{t['place']} {t['service']} services contract 2023/24",
            [iid],
            [t["id"]],
            kind="nhs_standard_contract",
            start="2023-04-01",
            end="2024-03-31",
        )


def _third_sector(g: Records, sy: System, count: int) -> list[dict[str, Any]]:
    """Companies, CICs and charities, each with a contract from the ICB or a council."""
    s = sy.s
    iid = sy.iid
    councils = sy.councils
    third = []
    for k in range(1, count + 1):
        oplace = g.place()
        type, name = g.rng.choice(
            (
                ("company", f"{oplace} Healthcare Limited"),
                ("company", f"{oplace} Care Services Limited"),
                ("cic", f"{oplace} Community Health C.I.C."),
                ("cic", f"{oplace} Wellbeing C.I.C."),
                ("charity", f"{oplace} Hospice"),
                ("charity", f"{oplace} Mind"),
            )
        )
        third.append(small_org(g, f"{s}.o{k}", type, name, oplace))
    for o in third:
        commissioner = g.rng.choice([iid, *(c["id"] for c in councils)])
        g.contract(
            f"{o['id']}.contract",
            f"{o['place']} community services contract",
            [commissioner],
            [o["id"]],
            kind="nhs_standard_contract" if commissioner == iid else "other",
            value=g.limit(200_000, 20_000_000),
            start=g.date(2021, 2024),
        )
    return third


def _primary_care(g: Records, sy: System, counts: dict[str, int]) -> None:
    """GP practices with their GMS contracts, and GP federations."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    practices = [practice(g, f"{s}.gp{k}", place) for k in range(1, counts["practice"] + 1)]
    if counts["closed"]:
        practices.append(practice(g, f"{s}.gp_closed", place, ended="2023-09-30"))
    for pr in practices:
        ended = pr["id"].endswith("gp_closed")
        g.contract(
            f"{pr['id']}.gms",
            f"{pr['name']} GMS contract",
            [iid],
            [pr["id"]],
            kind="other",
            services=["general medical services"],
            start=g.date(2004, 2020),
            **({"end": "2023-09-30"} if ended else {}),
        )
    sy.practices = practices
    sy.open_practices = [pr for pr in practices if not pr["id"].endswith("gp_closed")]
    for k in range(1, counts["federation"] + 1):
        fplace = g.place()
        sy.federations.append(
            small_org(g, f"{s}.fed{k}", "gp_federation", f"{fplace} GP Federation Limited", fplace)
        )


def _networks(g: Records, sy: System) -> None:
    """Practices grouped into primary care networks; every third PCN is a company."""
    s = sy.s
    iid = sy.iid
    open_practices = sy.open_practices
    k = 0
    i = 0
    while i < len(open_practices):
        k += 1
        size = g.rng.randint(4, 8)
        if len(open_practices) - (i + size) < 4:
            size = len(open_practices) - i
        group = open_practices[i : i + size]
        i += size
        pcn = f"{s}.pcn{k}"
        pplace = g.place()
        parties = [pr["id"] for pr in group]
        members = [g.member(pr["lead"], on_behalf_of=pr["id"]) for pr in group]
        members += [g.member(pr["manager"], role="attendee", voting=False) for pr in group]
        members += [
            g.member(x, voting=False, on_behalf_of=pr["id"]) for pr in group for x in pr["partners"]
        ]
        if k % 3 == 0:
            # An incorporated PCN: a company owned by its practices.
            company = small_org(g, pcn, "company", f"{pplace} PCN Limited", pplace)
            parties.append(company["id"])
            g.agreement(
                f"{pcn}.articles",
                f"{pplace} PCN Limited articles of association",
                "company_articles",
                parties,
                start=g.date(2019, 2022),
            )
        board = g.body(
            f"{pcn}.network_board",
            f"{pplace} PCN board",
            "partnership_board",
            parties,
            members,
            [pr["board"] for pr in group],
            quorum=2,
        )
        g.agreement(
            f"{pcn}.network",
            f"{pplace} PCN network agreement",
            "joint_working_agreement",
            parties,
            bodies=[board],
            start="2019-07-01",
        )
        g.contract(
            f"{pcn}.des",
            f"{pplace} PCN network contract DES",
            [iid],
            [pr["id"] for pr in group],
            kind="other",
            services=["network contract directed enhanced service"],
            start="2019-07-01",
        )


def _system_contracts(g: Records, sy: System) -> None:
    """Federation and enhanced-service contracts, and councils' care frameworks."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    councils = sy.councils
    third = sy.third
    open_practices = sy.open_practices
    federations = sy.federations
    for f in federations:
        g.contract(
            f"{f['id']}.contract",
            f"{f['place']} extended access contract",
            [iid],
            [f["id"]],
            kind="nhs_standard_contract",
            start="2022-10-01",
        )

    # Local enhanced services, commissioned from every practice in the system.
    for key, service in (
        ("les_phlebotomy", "phlebotomy"),
        ("les_anticoag", "anticoagulation"),
        ("les_care_homes", "enhanced care in care homes"),
        ("les_minor_surgery", "minor surgery"),
        ("les_wound_care", "wound care"),
        ("les_homeless", "homeless health"),
    ):
        g.contract(
            f"{s}.{key}",
            f"{place} local enhanced service: {service}",
            [iid],
            [pr["id"] for pr in open_practices],
            kind="other",
            services=[service],
            start="2024-04-01",
            end="2025-03-31",
        )

    # Councils' care and support frameworks with third-sector and private providers.
    for c in councils:
        chosen = g.rng.sample(third, min(len(third), g.rng.randint(5, 12)))
        g.contract(
            f"{c['id']}.framework",
            f"{c['place']} care and support framework",
            [c["id"]],
            [o["id"] for o in chosen],
            kind="other",
            services=["adult social care"],
            start="2022-04-01",
            end="2026-03-31",
        )


def _system_agreements(g: Records, sy: System) -> None:
    """The information sharing agreement, the MOU, and an interim post that ended."""
    s = sy.s
    place = sy.place
    iid = sy.iid
    trusts = sy.trusts
    councils = sy.councils
    third = sy.third
    open_practices = sy.open_practices
    federations = sy.federations
    signatories = [
        iid,
        *(t["id"] for t in trusts),
        *(c["id"] for c in councils),
        *(pr["id"] for pr in open_practices),
        *(o["id"] for o in third),
        *(f["id"] for f in federations),
    ]
    g.agreement(
        f"{s}.isa",
        f"{place} shared care record information sharing agreement",
        "joint_working_agreement",
        signatories,
        start="2021-04-01",
    )

    # The system's memorandum of understanding, and an interim post that ended.
    g.agreement(
        f"{s}.mou",
        f"{place} integrated care system memorandum of understanding",
        "memorandum_of_understanding",
        [iid, *(t["id"] for t in trusts), *(c["id"] for c in councils)],
        start="2022-07-01",
    )
    g.post(
        f"{iid}.interim_cfo",
        f"{place} ICB interim chief finance officer",
        "exec",
        iid,
        start="2022-07-01",
        end="2023-01-31",
    )
