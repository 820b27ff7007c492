"""Structure: reporting lines, roles that conflict, and authority that overlaps."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from govmodel.checks.base import Category, Hit, Severity
from govmodel.checks.context import Context, is_audit_committee
from govmodel.checks.spec import check_spec
from govmodel.law.posts import EXECUTIVE_KINDS
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


@check_spec(
    code="GM601",
    name="committee-without-reporting-line",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A committee reports to no body.",
    why="Every committee answers to the body that set it up; without a reporting line its "
    "decisions cannot be traced to anyone accountable.",
    hint="Add `reports_to:` naming the board or body that established the committee.",
)
def committee_without_reporting_line(ctx: Context) -> Iterator[Hit]:
    """GM601: a committee that reports to no body."""
    for body in ctx.bodies():
        if body.kind in COMMITTEE_KINDS and not [t for t in body.reports_to if ctx.active(t)]:
            yield Hit(
                (body.id,),
                f"the {body.kind.value.replace('_', ' ')} {body.id!r} reports to no body in "
                f"force on {ctx.on.isoformat()}",
                at=(body.id,),
            )


@check_spec(
    code="GM602",
    name="body-unconnected",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A body has no reporting line and no delegation to or from it.",
    why="A body connected to nothing has no authority and answers to nobody; the model "
    "cannot say what it is for.",
    hint="Add its reporting line (`reports_to:`) or the delegation that gives it authority.",
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
            f"{ctx.on.isoformat()}, so nothing shows whom it answers to or what it decides",
            at=(body.id,),
        )


@check_spec(
    code="GM603",
    name="reporting-cycle",
    severity=Severity.ERROR,
    category=Category.STRUCTURE,
    summary="Reporting lines lead back to where they started.",
    why="Accountability must end at a body that answers for itself; a loop has no top.",
    hint="Remove the reporting line that runs the wrong way.",
)
def reporting_cycle(ctx: Context) -> Iterator[Hit]:
    """GM603: reporting lines that lead back to where they started (loops in the
    model's graph among bodies and targets in force)."""
    in_force = {b.id for b in ctx.bodies()}
    for component in ctx.graph.cycles(
        "reports_to", keep=lambda body, target, key: body in in_force and ctx.active(target)
    ):
        yield Hit(
            tuple(component),
            "reporting lines form a loop: "
            + ", ".join(repr(b) for b in component)
            + " all report, directly or not, to one another",
            at=(component[0], "reports_to"),
        )


@check_spec(
    code="GM604",
    name="executive-chairs-audit",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="An executive director or chief executive chairs an audit committee.",
    why="The audit committee scrutinises the executive; an executive in the chair marks "
    "their own work. In a foundation trust the audit committee must be non-executive.",
    hint="Appoint a non-executive director to chair the audit committee.",
    rules=("FTR-003",),
    limits="A body is taken to be the audit committee when its id or name contains "
    '"audit" (a heuristic). Outside foundation trusts no statute is cited.',
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


@check_spec(
    code="GM605",
    name="overlapping-authority",
    severity=Severity.INFO,
    category=Category.STRUCTURE,
    summary="Two delegates may decide the same matter for the same organisation up to the same "
    "limit, and neither derives from the other.",
    why="When two bodies may each decide the same thing, a scheme of delegation should say "
    "which prevails.",
    hint="Give the delegations different limits or matters, or record the order of "
    "precedence in the delegations' `conditions`.",
)
def overlapping_authority(ctx: Context) -> Iterator[Hit]:
    """GM605: two delegates holding the same matter for the same organisation, with the
    same limit, neither deriving from the other (no order of precedence)."""
    by_key: dict[tuple[str, str, int | None], list[tuple[str, tuple[str, ...]]]] = {}
    for (holder, matter), held in sorted(ctx.delegated_grants().items()):
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


@check_spec(
    code="GM606",
    name="member-from-elsewhere",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A voting member represents an organisation the body does not belong to.",
    why="A body's decisions bind its own organisations; a vote from outside them is either "
    "a mistake in the model or a member who should not vote.",
    hint="Add the organisation to the body's `organisations`, or correct `on_behalf_of`.",
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


@check_spec(
    code="GM607",
    name="post-without-organisation",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A post that exercises authority belongs to no organisation.",
    why="Authority is always some organisation's; without an employer or appointing body "
    "the post's decisions cannot be traced.",
    hint="Add `organisation:` (and `joint_with:` for a shared post).",
)
def post_without_organisation(ctx: Context) -> Iterator[Hit]:
    """GM607: a post with no organisation that receives authority or votes where
    authority is exercised."""
    deciding = {d.to for d in ctx.delegations()}
    for post in ctx.model.posts:
        if post.organisation or post.joint_with or not post.active_on(ctx.on):
            continue
        where = sorted(
            b.id
            for b in ctx.model.bodies_with_post(post.id)
            if b.id in deciding
            and b.active_on(ctx.on)
            and any(m.post == post.id for _, m in ctx.voting(b))
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
