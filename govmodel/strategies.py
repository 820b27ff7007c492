"""Hypothesis strategies for governance models and local policies, to property-test
your own policies and plugins.

``models()`` draws valid models (every reference resolves, every id unique; with
``cycles`` the delegations and reporting lines may go round, as real input may);
``nearly_valid_documents()`` and ``nearly_valid_models()`` the mistakes users make;
``policies(model)`` local policies whose ids are the model's;
``models_with_policies()`` models that carry their own; ``schemes()`` models shaped
like a scheme of delegation, where authority flows far; ``parties()`` mixes of
party types for :func:`govmodel.forms`; ``days`` dates.

Hypothesis is an optional extra: ``pip install 'govmodel[strategies]'``.

>>> from hypothesis import given
>>> import govmodel
>>> from govmodel.strategies import models
>>> @given(models())
... def test_check_gives_a_report(model):
...     assert govmodel.check(model, plugins=False).on == model.as_of
>>> test_check_gives_a_report()

"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from govmodel.errors import MissingExtra

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - tested with Hypothesis hidden
    raise MissingExtra(
        "govmodel.strategies needs Hypothesis, which is not installed: "
        "pip install 'govmodel[strategies]' (or pip install hypothesis)"
    ) from exc

import attrs

from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import AgreementKind, BodyKind, Kind, PartyType, PostKind, Severity
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.policies import (
    BodyMembers,
    DecidedBy,
    MemberCount,
    Policy,
    PolicySet,
    ReportsTo,
    ReviewDate,
    Role,
    SeparateRoles,
)
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

__all__ = [
    "DAY0",
    "MATTER_IDS",
    "days",
    "models",
    "models_with_policies",
    "nearly_valid_documents",
    "nearly_valid_models",
    "parties",
    "periods",
    "policies",
    "policy_sets",
    "schemes",
    "text",
]

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


#: The party types govmodel knows, as strings (the way users write them).
_TYPES = [t.value for t in PartyType]


def parties(*, min_size: int = 1, max_size: int = 5) -> st.SearchStrategy[list[str]]:
    """A mix of party types (ids, with repeats) for :func:`govmodel.forms`."""
    return st.lists(st.sampled_from(_TYPES), min_size=min_size, max_size=max_size)


def _pick(draw: st.DrawFn, ids: list[str], *, at_least: int = 1) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(ids), min_size=at_least, max_size=3, unique=True)))


@st.composite
def _policy(draw: st.DrawFn, model: GovernanceModel, n: int) -> Policy:
    """One local policy about ``model``, numbered ``n``."""
    bodies = [b.id for b in model.bodies]
    holders = bodies + [p.id for p in model.posts]
    orgs = [o.id for o in model.organisations]
    matters = [m.id for m in model.all_matters()]
    common: dict[str, Any] = {
        "code": f"LOC{n:03d}",
        "name": f"policy-{n}",
        "summary": draw(text),
        "source": f"para {n}",
        "severity": draw(st.sampled_from(list(Severity))),
    }
    kinds = ["body_members", "review_date"]
    kinds += ["decided_by"] if holders else []
    kinds += ["reports_to"] if bodies else []
    kinds += ["separate_roles"]
    kind = draw(st.sampled_from(kinds))
    organisation = draw(st.none() | st.sampled_from(orgs)) if orgs else None
    if kind == "decided_by":
        return DecidedBy(
            **common,
            matters=_pick(draw, matters),
            above=draw(st.integers(0, 10_000_000)),
            by=_pick(draw, holders),
            organisation=organisation,
        )
    if kind == "reports_to":
        to = draw(st.sampled_from(bodies))
        if draw(st.booleans()) or len(bodies) < 2:
            selection: dict[str, Any] = {"kinds": _pick_kinds(draw), "organisation": organisation}
        else:
            selection = {"body": draw(st.sampled_from([b for b in bodies if b != to]))}
        return ReportsTo(**common, to=to, directly=draw(st.booleans()), **selection)
    if kind == "separate_roles":
        roles = [Role(decides=m) for m in _pick(draw, matters, at_least=2)]
        roles += [Role(chair=b) for b in (_pick(draw, bodies) if bodies else ())]
        roles += [Role(member=b) for b in (_pick(draw, bodies) if bodies else ())]
        return SeparateRoles(**common, roles=tuple(draw(st.permutations(roles))))
    if kind == "review_date":
        narrowed = bool(holders) and draw(st.booleans())
        return ReviewDate(
            **common,
            from_=_pick(draw, holders) if narrowed else (),
            organisation=organisation,
            within_months=draw(st.none() | st.integers(1, 36)),
            overdue=draw(st.booleans()),
        )
    members = tuple(
        MemberCount(kind=k, at_least=draw(st.integers(1, 3)))
        for k in draw(st.lists(st.sampled_from(list(PostKind)), max_size=2, unique=True))
    )
    if draw(st.booleans()):  # a named body, which may be missing from the model
        return BodyMembers(
            **common,
            body=draw(st.sampled_from([*bodies, "no_such_body"])),
            members=members,
            chaired=draw(st.booleans()),
        )
    return BodyMembers(
        **common,
        kinds=_pick_kinds(draw),
        organisation=organisation,
        members=members,
        chaired=not members or draw(st.booleans()),
        chair_kinds=tuple(draw(st.lists(st.sampled_from(list(PostKind)), max_size=2))),
    )


def _pick_kinds(draw: st.DrawFn) -> tuple[BodyKind, ...]:
    return tuple(draw(st.lists(st.sampled_from(list(BodyKind)), min_size=1, max_size=3)))


@st.composite
def policies(draw: st.DrawFn, model: GovernanceModel, *, max_size: int = 4) -> list[Policy]:
    """Local policies of every kind about ``model``: each names ids the model has
    (a ``body_members`` policy's ``body`` may be missing, which is what it checks),
    codes ``LOC001`` upwards."""
    count = draw(st.integers(1, max_size))
    return [draw(_policy(model, n)) for n in range(1, count + 1)]


@st.composite
def policy_sets(draw: st.DrawFn, model: GovernanceModel) -> PolicySet:
    """A policy file's worth of :func:`policies` about ``model`` (built in Python, so
    without locations), to give ``govmodel.check(model, policies=[...])``."""
    found = draw(policies(model))
    return PolicySet(
        policies=found,
        paths=[("policies", i) for i in range(len(found))],
        name="drawn policies",
        document=draw(st.none() | text),
    )


@st.composite
def models_with_policies(
    draw: st.DrawFn, *, max_orgs: int = 5, cycles: bool = True
) -> GovernanceModel:
    """A valid model (see :func:`models`) with local policies of its own under
    ``policies:``."""
    model = draw(models(max_orgs=max_orgs, cycles=cycles))
    return attrs.evolve(model, policies=tuple(draw(policies(model))))


# -- every field of every record --------------------------------------------------------


def _kinds_of(cls: type) -> dict[str, type[Kind]]:
    """Record field key -> the Kind enum it holds."""
    import typing

    from govmodel.io.schema import field_specs

    hints = typing.get_type_hints(cls)
    out: dict[str, type[Kind]] = {}
    for spec in field_specs(cls):
        args = [a for a in typing.get_args(hints[spec.name]) if a is not type(None)]
        tp = args[0] if args else hints[spec.name]
        if isinstance(tp, type) and issubclass(tp, Kind):
            out[spec.key] = tp
    return out


def _value(draw: st.DrawFn, cls: type, spec: Any, pools: dict[str, list[str]]) -> Any:
    """A value for one field, from its schema and the ids it may refer to."""
    schema = spec.schema
    if spec.ref:
        pool = pools[spec.ref]
        if schema["type"] == "array":
            return draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        return draw(st.sampled_from(pool))
    kinds = _kinds_of(cls)
    if spec.key in kinds:
        return draw(st.sampled_from([k.value for k in kinds[spec.key]]))
    kind = schema.get("type")
    if kind == "string" and schema.get("format") == "date":
        return draw(days).isoformat()
    if kind == "string":
        return draw(text)
    if kind == "integer":
        return draw(st.integers(0, 10**9))
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "array" and schema["items"].get("type") == "string":
        return draw(st.lists(text, min_size=1, max_size=3))
    raise AssertionError(f"no strategy for {cls.__name__}.{spec.key}: {schema}")


def _record(
    draw: st.DrawFn,
    cls: type,
    rid: str | None,
    pools: dict[str, list[str]],
    *,
    every: bool,
    skip: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A plain record of ``cls``: the required fields, and the optional ones (all of
    them when ``every``, else a drawn few)."""
    from govmodel.io.schema import field_specs

    out: dict[str, Any] = {}
    for spec in field_specs(cls):
        if spec.key in skip:
            continue
        if spec.key == "id":
            out["id"] = rid
        elif spec.required or every or draw(st.booleans()):
            out[spec.key] = _value(draw, cls, spec, pools)
    if "start" in out and "end" in out and out["end"] < out["start"]:
        out["start"], out["end"] = out["end"], out["start"]
    return out


@st.composite
def full_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plain model document in which every field can be set: the first record
    of each collection (and the first member) sets every field, the others a drawn
    few, and the top level holds every list (notes, sources, ignore, expected
    findings, stated facts, local policies, partners).

    Records come from the fields' own descriptions (``field_specs``), so a field
    added to a record later is generated here without a change.
    """
    from govmodel.io.validate import problems_in
    from govmodel.law.rules import rulebook
    from govmodel.model.governance import COLLECTIONS
    from govmodel.model.records import Expectation, Membership, StatedFact

    sizes = {
        "organisations": draw(st.integers(2, 4)),
        "bodies": draw(st.integers(2, 5)),
        "posts": draw(st.integers(1, 4)),
        "matters": draw(st.integers(1, 2)),
        "delegations": draw(st.integers(1, 4)),
        "agreements": draw(st.integers(1, 2)),
        "contracts": draw(st.integers(1, 2)),
    }
    prefix = {c: c[:3] for c in COLLECTIONS}
    ids = {c: [f"{prefix[c]}{i}" for i in range(n)] for c, n in sizes.items()}
    pools = dict(ids)
    pools["matters"] = ids["matters"] + MATTER_IDS
    pools["holders"] = ids["bodies"] + ids["posts"]
    doc: dict[str, Any] = {"name": draw(text), "as_of": draw(days).isoformat()}
    for collection, cls in COLLECTIONS.items():
        skip = ("in_common", "members") if collection == "bodies" else ()
        doc[collection] = [
            _record(draw, cls, rid, pools, every=i == 0, skip=skip)
            for i, rid in enumerate(ids[collection])
        ]
    for i, body in enumerate(doc["bodies"]):
        body["members"] = [
            _record(draw, Membership, None, pools, every=j == 0)
            for j in range(draw(st.integers(1 if i == 0 else 0, 3)))
        ]
    for body in doc["bodies"]:
        for member in body["members"]:
            if "post" not in member and "person" not in member:
                member["post"] = draw(st.sampled_from(ids["posts"]))
    for d in doc["delegations"]:
        if d["from"] == d["to"]:
            d["to"] = next(h for h in pools["holders"] if h != d["from"])
    # a committees-in-common group and one organisation's committee meeting in it
    group, member = doc["bodies"][0], doc["bodies"][1]
    group["kind"] = "committees_in_common"
    member["organisations"] = [group["organisations"][0]]
    member["in_common"] = group["id"]
    everything = [i for c in ids.values() for i in c]
    doc["description"] = draw(text)
    doc["partners"] = draw(st.lists(st.sampled_from(ids["organisations"]), min_size=1, unique=True))
    for key in ("notes", "sources", "ignore"):
        doc[key] = draw(st.lists(text, min_size=1, max_size=2))
    doc["expected"] = [
        _record(draw, Expectation, None, {**pools, "subjects": everything}, every=True)
        | {"subjects": draw(st.lists(st.sampled_from(everything), min_size=1, unique=True))}
    ]
    doc["facts"] = [
        _record(draw, StatedFact, None, pools, every=True)
        | {"fact": draw(st.sampled_from(sorted(rulebook().facts)))}
    ]
    from govmodel.io.convert import from_plain, plain_value, policy_to_plain

    drawn = draw(policies(from_plain(doc)))
    doc["policies"] = [plain_value(policy_to_plain(p)) for p in drawn]
    problems = problems_in(doc)
    assert not problems, problems
    return doc


def full_models() -> st.SearchStrategy[GovernanceModel]:
    """Models from :func:`full_documents`: every field of every record can be set."""
    from govmodel.io.convert import from_plain

    return full_documents().map(from_plain)
