"""Existence: records used on a date when they, or what they rest on, did not exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govmodel.checks.base import Hit
from govmodel.checks.context import Context
from govmodel.errors import PartyNotInExistence
from govmodel.law.base import Effect
from govmodel.law.parties import check_exists
from govmodel.law.rules import rulebook
from govmodel.model.kinds import PartyType

__all__ = [
    "agreement_party_ended",
    "body_organisation_ended",
    "contract_party_ended",
    "delegation_holder_ended",
    "member_ended",
    "organisation_type_gone",
    "post_organisation_ended",
]


def _existence_rule(party_type: PartyType, ctx: Context) -> str:
    """The rule that says ``party_type`` did not exist on the date, or ``""`` (cite none:
    the party type's own dates are then the only source)."""
    for rule in rulebook():
        if (
            rule.id.startswith("PTY-")
            and party_type in rule.parties
            and rule.in_force_on(ctx.day)
            and rule.effect is Effect.FORBID
        ):
            return rule.id
    return ""


def organisation_type_gone(ctx: Context) -> Iterator[Hit]:
    """GM101: an organisation in force on a date when its legal type did not exist."""
    for org in ctx.model.organisations:
        if not org.active_on(ctx.day):
            continue
        try:
            check_exists(org.type, ctx.day, name=org.label)
        except PartyNotInExistence as gone:
            yield Hit(
                (org.id,),
                f"organisation {org.id!r} ({org.type.value}) is in force on "
                f"{ctx.day.isoformat()} in this model, but {gone.reason}",
                at=(org.id, "end" if org.end else "type"),
                rule=_existence_rule(org.type, ctx),
            )


def _when(record: object) -> str:
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if end is not None:
        return f"ended on {end.isoformat()}"
    if start is not None:
        return f"starts on {start.isoformat()}"
    return "is not in force then"


def _ended(
    ctx: Context, owner: str, what: str, refs: Iterable[tuple[str, str, tuple[str | int, ...]]]
) -> Iterator[Hit]:
    """Hits for each ``(role, id, at)`` in ``refs`` naming a record not in force."""
    for role, ref, at in refs:
        if ref in ctx.model and not ctx.active(ref):
            yield Hit(
                (owner, ref),
                f"{what} {owner!r} is in force on {ctx.day.isoformat()}, but its {role} "
                f"{ref!r} {_when(ctx.record(ref))}",
                at=at,
            )


def body_organisation_ended(ctx: Context) -> Iterator[Hit]:
    """GM102: a body in force whose organisation is not."""
    for body in ctx.bodies():
        yield from _ended(
            ctx,
            body.id,
            "body",
            (
                ("organisation", o, (body.id, "organisations", i))
                for i, o in enumerate(body.organisations)
            ),
        )


def post_organisation_ended(ctx: Context) -> Iterator[Hit]:
    """GM103: a post in force whose organisation is not."""
    for post in ctx.model.posts:
        if post.active_on(ctx.day):
            refs: list[tuple[str, str | None, tuple[str | int, ...]]] = [
                ("organisation", post.organisation, (post.id, "organisation"))
            ]
            refs += [
                ("joint organisation", o, (post.id, "joint_with", i))
                for i, o in enumerate(post.joint_with)
            ]
            yield from _ended(ctx, post.id, "post", [(r, o, a) for r, o, a in refs if o])


def delegation_holder_ended(ctx: Context) -> Iterator[Hit]:
    """GM104: a delegation in force whose delegator, delegate or agreement is not."""
    for d in ctx.model.delegations:
        if d.active_on(ctx.day):
            refs = [("delegator", d.from_, (d.id, "from")), ("delegate", d.to, (d.id, "to"))]
            if d.agreement:
                refs.append(("agreement", d.agreement, (d.id, "agreement")))
            yield from _ended(ctx, d.id, "delegation", refs)


def agreement_party_ended(ctx: Context) -> Iterator[Hit]:
    """GM105: an agreement in force with a party that is not."""
    for a in ctx.model.agreements:
        if a.active_on(ctx.day):
            refs = [("party", p, (a.id, "parties", i)) for i, p in enumerate(a.parties)]
            yield from _ended(ctx, a.id, "agreement", refs)


def contract_party_ended(ctx: Context) -> Iterator[Hit]:
    """GM106: a contract in force with a commissioner or provider that is not."""
    for c in ctx.model.contracts:
        if c.active_on(ctx.day):
            refs = [
                ("commissioner", o, (c.id, "commissioners", i))
                for i, o in enumerate(c.commissioners)
            ]
            refs += [("provider", o, (c.id, "providers", i)) for i, o in enumerate(c.providers)]
            yield from _ended(ctx, c.id, "contract", refs)


def member_ended(ctx: Context) -> Iterator[Hit]:
    """GM107: a membership in force whose post, or represented organisation, is not."""
    for body in ctx.bodies():
        for i, m in ctx.members(body):
            refs = []
            if m.post:
                refs.append(("member post", m.post, (body.id, "members", i, "post")))
            if m.on_behalf_of:
                refs.append(
                    (
                        "represented organisation",
                        m.on_behalf_of,
                        (body.id, "members", i, "on_behalf_of"),
                    )
                )
            yield from _ended(ctx, body.id, "body", refs)
