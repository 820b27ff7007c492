"""Strategies for valid models, the mistakes users make, and models shaped like a
scheme of delegation (see :mod:`govmodel.strategies`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st

from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import AgreementKind, BodyKind, PartyType, PostKind
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.records import (
    Agreement,
    Body,
    Contract,
    Delegation,
    Expectation,
    Membership,
    Organisation,
    Post,
)

#: The first day ``days`` draws.
DAY0 = date(2000, 1, 1)
#: The standard matters' ids.
MATTER_IDS = [m.id for m in STANDARD_MATTERS]

#: Non-empty text without edge spaces (any Unicode that a file can hold).
text = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
#: Dates from 2000 to 2027.
days = st.integers(min_value=0, max_value=10_000).map(lambda n: DAY0 + timedelta(days=n))


@st.composite
def periods(draw: st.DrawFn) -> dict[str, Any]:
    """Optional start and end dates, in order."""
    start = draw(st.none() | days)
    end = draw(st.none() | days)
    if start and end and end < start:
        start, end = end, start
    return {"start": start, "end": end}


@st.composite
def models(draw: st.DrawFn, *, max_orgs: int = 5, cycles: bool = True) -> GovernanceModel:
    """A valid model: every reference resolves, every id is unique.

    With ``cycles`` the delegations may form cycles (which are legal input and
    must be handled by every algorithm).
    """
    n_orgs = draw(st.integers(1, max_orgs))
    orgs = [
        Organisation(
            f"org{i}",
            draw(text),
            draw(st.sampled_from(list(PartyType))),
            ods=draw(st.none() | st.from_regex(r"[A-Z0-9]{3}", fullmatch=True)),
            **draw(periods()),
        )
        for i in range(n_orgs)
    ]
    org_ids = [o.id for o in orgs]
    posts = [
        Post(
            f"post{i}",
            draw(text),
            draw(st.sampled_from(list(PostKind))),
            draw(st.none() | st.sampled_from(org_ids)),
            **draw(periods()),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    post_ids = [p.id for p in posts]
    n_bodies = draw(st.integers(0, 7))
    body_ids = [f"body{i}" for i in range(n_bodies)]
    bodies = []
    for bid in body_ids:
        members = (
            tuple(
                Membership(
                    post,
                    voting=draw(st.booleans()),
                    on_behalf_of=draw(st.none() | st.sampled_from(org_ids)),
                )
                for post in draw(st.lists(st.sampled_from(post_ids), unique=True, max_size=4))
            )
            if post_ids
            else ()
        )
        bodies.append(
            Body(
                bid,
                draw(text),
                draw(st.sampled_from(list(BodyKind))),
                tuple(
                    draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=3, unique=True))
                ),
                members=members,
                quorum=draw(st.none() | st.integers(0, 6)),
                reports_to=tuple(
                    draw(st.lists(st.sampled_from(body_ids), max_size=2, unique=True))
                    if cycles
                    else ()
                ),
                **draw(periods()),
            )
        )
    delegations = _delegations(
        draw,
        body_ids + post_ids,
        MATTER_IDS,
        count=8,
        matters=3,
        limits=st.none() | st.integers(0, 10_000_000),
        cycles=cycles,
    )
    agreements = [
        Agreement(
            f"agr{i}",
            draw(text),
            draw(st.sampled_from(list(AgreementKind))),
            tuple(draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=4, unique=True))),
            bodies=tuple(draw(st.lists(st.sampled_from(body_ids), max_size=2, unique=True)))
            if body_ids
            else (),
            **draw(periods()),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    contracts = [
        Contract(
            f"con{i}",
            draw(text),
            tuple(draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=2, unique=True))),
            tuple(draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=3, unique=True))),
            value=draw(st.none() | st.integers(0, 10**9)),
            **draw(periods()),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    return GovernanceModel(
        name=draw(text),
        as_of=draw(days),
        description=draw(st.none() | text),
        organisations=orgs,
        bodies=bodies,
        posts=posts,
        delegations=delegations,
        agreements=agreements,
        contracts=contracts,
        notes=tuple(draw(st.lists(text, max_size=2))),
    )


def _delegations(
    draw: st.DrawFn,
    holders: list[str],
    matter_ids: list[str],
    *,
    count: int,
    matters: int,
    limits: st.SearchStrategy[int | None],
    cycles: bool = True,
) -> list[Delegation]:
    """Up to ``count`` delegations between two of ``holders``, each of up to ``matters``
    of ``matter_ids``; without ``cycles``, each runs down the list of holders."""
    out: list[Delegation] = []
    if len(holders) < 2:
        return out
    for i in range(draw(st.integers(0, count))):
        src, dst = draw(st.lists(st.sampled_from(holders), min_size=2, max_size=2, unique=True))
        if not cycles and holders.index(dst) <= holders.index(src):
            src, dst = dst, src
        named = draw(
            st.lists(st.sampled_from(matter_ids), min_size=1, max_size=matters, unique=True)
        )
        out.append(
            Delegation(
                f"del{i}",
                src,
                dst,
                tuple(named),
                limit=draw(limits),
                onward=draw(st.booleans()),
                ratification=draw(st.booleans()),
                review=draw(st.none() | days),
                **draw(periods()),
            )
        )
    return out


def _break(data: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    """Introduce one realistic mistake into a plain model document."""
    mistake = draw(
        st.sampled_from(["unknown_key", "dangling_ref", "bad_date", "dup_id", "bad_kind"])
    )
    orgs = data["organisations"]
    if mistake == "unknown_key":
        orgs[0]["colour"] = "blue"
    elif mistake == "dangling_ref" and data.get("bodies"):
        data["bodies"][0]["organisations"] = ["no_such_org"]
    elif mistake == "bad_date":
        orgs[0]["start"] = "2020-02-30"
    elif mistake == "dup_id":
        orgs.append(dict(orgs[0]))
    else:
        orgs[0]["type"] = "quango"
    return data


@st.composite
def nearly_valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A plain model document (as read from a file) with one mistake in it."""
    import json

    from govmodel.io.files import dumps

    model = draw(models())
    data = json.loads(dumps(model, format="json"))
    return _break(data, draw)


@st.composite
def nearly_valid_models(draw: st.DrawFn) -> GovernanceModel:
    """A model built in Python (no loader) with mistakes a file would not be allowed:
    references to ids that do not exist, unknown codes in ``ignore`` and ``expected``,
    members whose posts are missing."""
    model = draw(models())
    ids = ["ghost", "no_such_org", *model.ids()]
    changes: dict[str, Any] = {}
    if draw(st.booleans()):
        changes["delegations"] = (
            *model.delegations,
            Delegation(
                "dangling",
                draw(st.sampled_from(ids)),
                draw(st.sampled_from(["ghost", "nobody"])),
                (draw(st.sampled_from([*MATTER_IDS, "made_up_matter"])),),
                limit=draw(st.none() | st.integers(0, 10**6)),
            ),
        )
    if draw(st.booleans()) and model.bodies:
        body = model.bodies[0]
        changes["bodies"] = (
            attrs.evolve(
                body,
                organisations=(*body.organisations, "no_such_org"),
                members=(*body.members, Membership("ghost_post", on_behalf_of="no_such_org")),
                reports_to=(*body.reports_to, "ghost_body"),
                quorum=draw(st.none() | st.integers(0, 9)),
                quorum_each_organisation=draw(st.booleans()),
            ),
            *model.bodies[1:],
        )
    changes["ignore"] = tuple(draw(st.lists(st.sampled_from(["GM601", "GM999", "nonsense"]))))
    changes["expected"] = tuple(
        Expectation(code, "because", subjects=(draw(st.sampled_from(ids)),))
        for code in draw(st.lists(st.sampled_from(["GM401", "GM602", "XX1"]), max_size=2))
    )
    return attrs.evolve(model, **changes)


#: Governing bodies, committees and a joint body, weighted the way schemes of delegation
#: are: most delegations run from a board to its committees and officers and on down.
SCHEME_KINDS = [
    BodyKind.BOARD,
    BodyKind.BOARD,
    BodyKind.FULL_COUNCIL,
    BodyKind.COUNCIL_OF_GOVERNORS,
    BodyKind.COMMITTEE,
    BodyKind.COMMITTEE,
    BodyKind.SUB_COMMITTEE,
    BodyKind.JOINT_COMMITTEE,
    BodyKind.COMMITTEES_IN_COMMON,
]
SCHEME_TYPES = [
    PartyType.NHS_FOUNDATION_TRUST,
    PartyType.NHS_TRUST,
    PartyType.INTEGRATED_CARE_BOARD,
    PartyType.LOCAL_AUTHORITY,
    PartyType.COMMUNITY_INTEREST_COMPANY,
]


@st.composite
def schemes(draw: st.DrawFn) -> GovernanceModel:
    """A valid model shaped like a scheme of delegation: organisations with boards,
    committees and officers, and chains of delegations of a few matters (with limits,
    onward delegation, reserved matters and loops), so that authority flows far."""
    n_orgs = draw(st.integers(1, 3))
    orgs = [
        Organisation(f"org{i}", f"Org {i}", draw(st.sampled_from(SCHEME_TYPES)))
        for i in range(n_orgs)
    ]
    org_ids = [o.id for o in orgs]
    matters = MATTER_IDS[:3]
    posts = [
        Post(
            f"post{i}",
            f"Post {i}",
            draw(st.sampled_from(list(PostKind))),
            draw(st.sampled_from(org_ids)),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    post_ids = [p.id for p in posts]
    bodies = []
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(SCHEME_KINDS))
        size = 2 if kind in (BodyKind.JOINT_COMMITTEE, BodyKind.COMMITTEES_IN_COMMON) else 1
        owners = tuple(
            draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=size, unique=True))
        )
        members = (
            tuple(
                Membership(p, voting=draw(st.booleans()))
                for p in draw(st.lists(st.sampled_from(post_ids), unique=True, max_size=3))
            )
            if post_ids
            else ()
        )
        bodies.append(
            Body(
                f"body{i}",
                f"Body {i}",
                kind,
                owners,
                members=members,
                reserved=tuple(draw(st.lists(st.sampled_from(matters), max_size=1))),
                **draw(periods()),
            )
        )
    delegations = _delegations(
        draw,
        [b.id for b in bodies] + post_ids,
        matters,
        count=12,
        matters=2,
        limits=st.none() | st.sampled_from([10, 100, 1000]),
    )
    return GovernanceModel(
        name="scheme",
        as_of=draw(days),
        organisations=orgs,
        bodies=bodies,
        posts=posts,
        delegations=delegations,
    )
