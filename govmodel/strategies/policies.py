"""Strategies for party mixes and local policies (see :mod:`govmodel.strategies`)."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, PartyType, PostKind, Severity
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
from govmodel.strategies.models import models, text

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
