"""Local policies as checks: each policy becomes a check with its own code (``LOC001``...).

A policy (:mod:`govmodel.model.policies`) is data; :func:`policy_checks` turns each
into a :class:`~govmodel.checks.spec.CheckSpec` whose function is the check of its
kind below, so local findings are run, dressed, selected, ignored and expected
exactly as the built-in ones are. Each finding points at the record it is about
and carries the policy's source paragraph and where the policy is declared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator

from govmodel.checks.base import Category, Hit, Source
from govmodel.checks.context import Context
from govmodel.checks.spec import CheckSpec
from govmodel.model.kinds import MemberRole
from govmodel.model.money import format_pounds
from govmodel.model.policies import (
    BodyMembers,
    DecidedBy,
    Policy,
    PolicyKind,
    PolicySet,
    ReportsTo,
    ReviewDate,
    Role,
    SeparateRoles,
    review_limit,
)
from govmodel.model.records import Body

__all__ = ["DEFAULT_HINTS", "policy_checks"]

#: The hint of each kind of policy when the policy gives none.
DEFAULT_HINTS: dict[PolicyKind, str] = {
    PolicyKind.DECIDED_BY: "Limit the delegation to the policy's amount, or route the matter "
    "to the body the policy names.",
    PolicyKind.BODY_MEMBERS: "Give the body the members (or the chair) the policy requires.",
    PolicyKind.SEPARATE_ROLES: "Give one of the roles to another post.",
    PolicyKind.REVIEW_DATE: "Record when the delegation is next reviewed (`review:`), within "
    "the period the policy sets.",
    PolicyKind.REPORTS_TO: "Add the reporting line (`reports_to:`), directly or through a body "
    "that reports to the one the policy names.",
}


def policy_checks(sets: Iterable[PolicySet]) -> list[CheckSpec]:
    """One check per policy of ``sets``, in order."""
    out = []
    for policies in sets:
        for index, policy in enumerate(policies.policies):
            text = policies.source_of(policy)
            why = f"A local policy ({policy.kind.value.replace('_', ' ')}) from {text}."
            out.append(
                CheckSpec(
                    code=policy.code,
                    name=policy.name,
                    severity=policy.severity,
                    category=Category.LOCAL,
                    summary=policy.summary,
                    why=why + (f" {policy.note}" if policy.note else ""),
                    hint=policy.hint or DEFAULT_HINTS[policy.kind],
                    function=functools.partial(_CHECKS[policy.kind], policy),
                    source=Source(
                        text=text, url=policies.url_of(policy), declared=policies.where(index)
                    ),
                )
            )
    return out


def _own(policy: Policy, hint: str) -> str | None:
    """``hint`` for a hit, unless the policy gives its own (which the engine then uses)."""
    return None if policy.hint else hint


def _names(ids: Iterable[str]) -> str:
    items = [repr(i) for i in ids]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def decided_by(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A holder other than ``by`` that may decide a matter above the amount by delegation."""
    assert isinstance(policy, DecidedBy)
    above = "at any amount" if policy.above == 0 else f"above {format_pounds(policy.above)}"
    for (holder, matter), grants in sorted(ctx.grants.items()):
        if matter not in policy.matters or holder in policy.by:
            continue
        for grant in grants:
            if grant.statutory or (
                policy.organisation and grant.organisation != policy.organisation
            ):
                continue
            if grant.limit is not None and grant.limit <= policy.above:
                continue
            amount = (
                "with no limit" if grant.limit is None else f"up to {format_pounds(grant.limit)}"
            )
            through = ", ".join(repr(d) for d in grant.delegations)
            yield Hit(
                (grant.delegations[-1], holder),
                f"{holder!r} may decide {matter!r} {amount} (through {through}), but {above} "
                f"the policy leaves it to {_names(policy.by)}",
                at=(grant.delegations[-1],),
            )


def _selected(ctx: Context, policy: BodyMembers | ReportsTo) -> Iterator[Body]:
    """The bodies in force a policy is about: its ``body``, or those of its ``kinds``."""
    if policy.body is not None:
        body = ctx.body(policy.body)
        if body is not None and body.active_on(ctx.on):
            yield body
        return
    for body in ctx.bodies():
        if body.kind in policy.kinds and (
            policy.organisation is None or policy.organisation in body.organisations
        ):
            yield body


def body_members(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A body that is missing, short of members of a kind, or without the chair required."""
    assert isinstance(policy, BodyMembers)
    if policy.body is not None and not ctx.active(policy.body):
        known = ctx.body(policy.body) is not None
        yield Hit(
            (policy.body,),
            f"the policy requires a body {policy.body!r}, which "
            + (f"is not in force on {ctx.on.isoformat()}" if known else "the model does not have"),
            hint=_own(policy, "Add the body to the model, in force on the date checked."),
        )
        return
    for body in _selected(ctx, policy):
        members = [m for _, m in (ctx.voting(body) if policy.voting else ctx.members(body))]
        posts = [p for m in members if (p := ctx.post(m.post)) is not None]
        whose = "voting members" if policy.voting else "members"
        for need in policy.members:
            count = sum(p.kind is need.kind for p in posts)
            if count < need.at_least:
                yield Hit(
                    (body.id,),
                    f"{body.id!r} has {count} {need.kind.value.replace('_', ' ')} "
                    f"post{'' if count == 1 else 's'} among its {whose}; the policy requires "
                    f"at least {need.at_least}",
                    at=(body.id, "members") if body.members else (body.id,),
                    hint=_own(policy, f"Add members holding {need.kind.value} posts."),
                )
        if policy.chaired or policy.chair_kinds:
            chairs = [m for _, m in ctx.members(body) if m.role is MemberRole.CHAIR]
            if not chairs:
                yield Hit(
                    (body.id,),
                    f"{body.id!r} has no member whose role is chair; the policy requires one",
                    at=(body.id, "members") if body.members else (body.id,),
                    hint=_own(policy, "Give the member who chairs it `role: chair`."),
                )
            elif policy.chair_kinds:
                kinds = {p.kind for m in chairs if (p := ctx.post(m.post)) is not None}
                if not kinds & set(policy.chair_kinds):
                    allowed = " or ".join(k.value.replace("_", " ") for k in policy.chair_kinds)
                    yield Hit(
                        (body.id, *(m.who for m in chairs)),
                        f"{body.id!r} is chaired by {_names(m.who for m in chairs)}, not by a "
                        f"{allowed} post as the policy requires",
                        at=(body.id, "members"),
                        hint=_own(policy, f"Have a {allowed} post chair it."),
                    )


def _holds(ctx: Context, post: str, role: Role) -> bool:
    if role.decides is not None:
        return any(not g.statutory for g in ctx.held(post, role.decides))
    body = ctx.body(role.chair or role.member or "")
    if body is None or not body.active_on(ctx.on):
        return False
    return any(
        m.post == post and (role.member is not None or m.role is MemberRole.CHAIR)
        for _, m in ctx.members(body)
    )


def separate_roles(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A post that holds two or more of the roles the policy keeps apart."""
    assert isinstance(policy, SeparateRoles)
    for post in ctx.model.posts:
        if not post.active_on(ctx.on):
            continue
        held = [r for r in policy.roles if _holds(ctx, post.id, r)]
        if len(held) >= 2:
            roles = [r.describe() for r in held]
            yield Hit(
                (post.id,),
                f"{post.id!r} {', '.join(roles[:-1])} and {roles[-1]}, which the policy keeps "
                "apart",
            )


def review_date(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A delegation without a review date, or whose review date is passed or too far off."""
    assert isinstance(policy, ReviewDate)
    latest = review_limit(ctx.on, policy.within_months) if policy.within_months else None
    for d in ctx.delegations():
        if policy.from_ and d.from_ not in policy.from_:
            continue
        if policy.organisation and policy.organisation not in ctx.organisations_of(d.from_):
            continue
        if d.review is None:
            yield Hit((d.id,), f"delegation {d.id!r} has no review date")
        elif policy.overdue and d.review < ctx.on:
            yield Hit(
                (d.id,),
                f"delegation {d.id!r} was due for review on {d.review.isoformat()}, before "
                f"{ctx.on.isoformat()}",
                at=(d.id, "review"),
            )
        elif latest is not None and d.review > latest:
            yield Hit(
                (d.id,),
                f"delegation {d.id!r} is next reviewed on {d.review.isoformat()}, more than "
                f"{policy.within_months} months after {ctx.on.isoformat()}",
                at=(d.id, "review"),
            )


def _reaches(ctx: Context, start: Body, target: str, *, directly: bool) -> bool:
    if directly:
        return target in start.reports_to and ctx.active(target)
    seen, todo = {start.id}, [start.id]
    while todo:
        body = ctx.body(todo.pop())
        for up in body.reports_to if body else ():
            if up == target and ctx.active(up):
                return True
            if up not in seen and ctx.active(up):
                seen.add(up)
                todo.append(up)
    return False


def reports_to(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A body that does not report to the body the policy names."""
    assert isinstance(policy, ReportsTo)
    how = "directly" if policy.directly else "directly or through the bodies it reports to"
    for body in _selected(ctx, policy):
        if body.id == policy.to:
            continue
        if not _reaches(ctx, body, policy.to, directly=policy.directly):
            yield Hit(
                (body.id, policy.to),
                f"{body.id!r} does not report to {policy.to!r} ({how}) on {ctx.on.isoformat()}",
                at=(body.id, "reports_to") if body.reports_to else (body.id,),
            )


_CHECKS: dict[PolicyKind, Callable[[Policy, Context], Iterator[Hit]]] = {
    PolicyKind.DECIDED_BY: decided_by,
    PolicyKind.BODY_MEMBERS: body_members,
    PolicyKind.SEPARATE_ROLES: separate_roles,
    PolicyKind.REVIEW_DATE: review_date,
    PolicyKind.REPORTS_TO: reports_to,
}
