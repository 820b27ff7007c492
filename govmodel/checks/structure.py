"""Structure: reporting lines, roles that conflict, and authority that overlaps."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import networkx as nx

from govmodel.checks.base import Hit
from govmodel.checks.composition import is_audit_committee
from govmodel.checks.context import EXECUTIVE_KINDS, Context
from govmodel.model.kinds import BodyKind, MemberRole, PartyType

__all__ = [
    "body_unconnected",
    "committee_without_reporting_line",
    "executive_chairs_audit",
    "member_from_elsewhere",
    "overlapping_authority",
    "post_without_organisation",
    "reporting_cycle",
]

#: Kinds that are committees of some body, and so must report to one.
COMMITTEE_KINDS = frozenset(
    {
        BodyKind.COMMITTEE,
        BodyKind.SUB_COMMITTEE,
        BodyKind.JOINT_COMMITTEE,
        BodyKind.COMMITTEES_IN_COMMON,
        BodyKind.SCRUTINY_COMMITTEE,
    }
)
#: Kinds that answer for themselves: the governing bodies of organisations.
SOVEREIGN_KINDS = frozenset({BodyKind.BOARD, BodyKind.COUNCIL_OF_GOVERNORS, BodyKind.FULL_COUNCIL})


def committee_without_reporting_line(ctx: Context) -> Iterator[Hit]:
    """GM601: a committee that reports to no body."""
    for body in ctx.bodies():
        if body.kind in COMMITTEE_KINDS and not [t for t in body.reports_to if ctx.active(t)]:
            yield Hit(
                (body.id,),
                f"the {body.kind.value.replace('_', ' ')} {body.id!r} reports to no body in "
                f"force on {ctx.day.isoformat()}",
                at=(body.id,),
            )


def body_unconnected(ctx: Context) -> Iterator[Hit]:
    """GM602: a body (not a governing body or a committee) with no reporting line or
    delegation in or out."""
    linked: set[str] = set()
    for body in ctx.bodies():
        targets = [t for t in body.reports_to if ctx.active(t)]
        if targets:
            linked |= {body.id, *targets}
    for d in ctx.delegations():
        linked |= {d.from_, d.to}
    for body in ctx.bodies():
        if body.kind in SOVEREIGN_KINDS | COMMITTEE_KINDS or body.id in linked:
            continue
        yield Hit(
            (body.id,),
            f"{body.id!r} has no reporting line and no delegation to or from it on "
            f"{ctx.day.isoformat()}, so nothing shows whom it answers to or what it decides",
            at=(body.id,),
        )


def reporting_cycle(ctx: Context) -> Iterator[Hit]:
    """GM603: reporting lines that lead back to where they started."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for body in ctx.bodies():
        for target in body.reports_to:
            if ctx.active(target):
                graph.add_edge(body.id, target)
    for component in sorted(sorted(c) for c in nx.strongly_connected_components(graph)):
        if len(component) > 1 or graph.has_edge(component[0], component[0]):
            yield Hit(
                tuple(component),
                "reporting lines form a loop: "
                + ", ".join(repr(b) for b in component)
                + " all report, directly or not, to one another",
                at=(component[0], "reports_to"),
            )


def executive_chairs_audit(ctx: Context) -> Iterator[Hit]:
    """GM604: an executive director or chief executive chairing an audit committee.

    An audit committee is recognised by the word "audit" in its id or name (a
    heuristic)."""
    for body in ctx.bodies():
        if not is_audit_committee(body):
            continue
        for i, m in ctx.members(body):
            post = ctx.post(m.post)
            if post is not None and m.role is MemberRole.CHAIR and post.kind in EXECUTIVE_KINDS:
                ft = any(
                    (o := ctx.organisation(org)) and o.type is PartyType.NHS_FOUNDATION_TRUST
                    for org in body.organisations
                )
                yield Hit(
                    (body.id, post.id),
                    f"{post.id!r} ({post.kind.value.replace('_', ' ')}) chairs the audit "
                    f"committee {body.id!r}, which exists to scrutinise the executive",
                    at=(body.id, "members", i, "role"),
                    rule="FTR-003" if ft else "",
                )


def overlapping_authority(ctx: Context) -> Iterator[Hit]:
    """GM605: two delegates holding the same matter for the same organisation, with the
    same limit, neither deriving from the other (no order of precedence)."""
    by_key: dict[tuple[str, str, int | None], list[tuple[str, tuple[str, ...]]]] = {}
    for (holder, matter), held in sorted(ctx.grants.items()):
        for g in held:
            if not g.statutory:
                by_key.setdefault((matter, g.organisation, g.limit), []).append((holder, g.chain))
    for (matter, org, limit), holders in sorted(
        by_key.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or -1)
    ):
        for (a, chain_a), (b, chain_b) in combinations(sorted(holders), 2):
            if a in chain_b or b in chain_a:
                continue
            amount = "with no limit" if limit is None else f"up to £{limit:,}"
            yield Hit(
                (matter, a, b),
                f"{a!r} and {b!r} may each decide {matter!r} for {ctx.label(org)} {amount}, "
                "and nothing says which prevails",
                at=(a,),
            )


def member_from_elsewhere(ctx: Context) -> Iterator[Hit]:
    """GM606: a voting member representing an organisation the body does not belong to."""
    for body in ctx.bodies():
        for i, m in ctx.voting(body):
            org = ctx.member_organisation(m)
            if org and ctx.organisation(org) and org not in body.organisations:
                yield Hit(
                    (body.id, *([m.post] if m.post else []), org),
                    f"{m.who!r} votes on {body.id!r} for {ctx.label(org)}, which is not one of "
                    f"the body's organisations ({', '.join(body.organisations)})",
                    at=(body.id, "members", i),
                )


def post_without_organisation(ctx: Context) -> Iterator[Hit]:
    """GM607: a post with no organisation that receives authority or votes where
    authority is exercised."""
    deciding = {d.to for d in ctx.delegations()}
    for post in ctx.model.posts:
        if post.organisation or post.joint_with or not post.active_on(ctx.day):
            continue
        where = sorted(
            b.id
            for b in ctx.bodies()
            if b.id in deciding and any(m.post == post.id for _, m in ctx.voting(b))
        )
        if post.id in deciding:
            where.insert(0, "delegations to it")
        if where:
            yield Hit(
                (post.id,),
                f"the post {post.id!r} exercises authority ({', '.join(where)}) but belongs "
                "to no organisation, so whose powers it uses cannot be traced",
                at=(post.id,),
            )
