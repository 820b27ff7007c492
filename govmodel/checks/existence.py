"""Existence: records used on a date when they, or what they rest on, did not exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govmodel.checks.base import Category, Hit, Severity
from govmodel.checks.context import Context
from govmodel.checks.spec import check_spec
from govmodel.errors import PartyNotInExistence
from govmodel.law.parties import check_exists, existence_rule

__all__ = [
    "agreement_party_ended",
    "body_organisation_ended",
    "contract_party_ended",
    "delegation_holder_ended",
    "member_ended",
    "organisation_type_gone",
    "post_organisation_ended",
]


_DATES = "Check the record's `start` and `end`, or the date you are checking on."


@check_spec(
    code="GM101",
    name="organisation-type-not-in-existence",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="An organisation is in force on a date when its legal type did not exist.",
    why="A primary care trust after 31 March 2013, a CCG after 30 June 2022 or an ICB "
    "before 1 July 2022 holds no powers, so nothing resting on it is lawful.",
    hint="Give the organisation an `end:` date when its type was abolished (or a `start:` "
    "when it was created), and add its successor.",
    rules=("PTY-001", "PTY-002", "PTY-003"),
)
def organisation_type_gone(ctx: Context) -> Iterator[Hit]:
    """GM101: an organisation in force on a date when its legal type did not exist."""
    for org in ctx.model.organisations:
        if not org.active_on(ctx.on):
            continue
        try:
            check_exists(org.type, ctx.on, name=org.label)
        except PartyNotInExistence as gone:
            yield Hit(
                (org.id,),
                f"organisation {org.id!r} ({org.type.value}) is in force on "
                f"{ctx.on.isoformat()} in this model, but {gone.reason}",
                at=(org.id, "end" if org.end else "type"),
                rule=existence_rule(org.type, ctx.on) or "",
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
                f"{what} {owner!r} is in force on {ctx.on.isoformat()}, but its {role} "
                f"{ref!r} {_when(ctx.record(ref))}",
                at=at,
            )


@check_spec(
    code="GM102",
    name="body-organisation-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="A body is in force but an organisation it belongs to is not.",
    why="A body cannot outlive the organisations that constitute it.",
    hint="End the body when its organisation ends, or correct the organisation's dates.",
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


@check_spec(
    code="GM103",
    name="post-organisation-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="A post is in force but its organisation is not.",
    why="A post exercises its organisation's powers; without the organisation there are none.",
    hint=_DATES,
)
def post_organisation_ended(ctx: Context) -> Iterator[Hit]:
    """GM103: a post in force whose organisation is not."""
    for post in ctx.model.posts:
        if post.active_on(ctx.on):
            refs: list[tuple[str, str | None, tuple[str | int, ...]]] = [
                ("organisation", post.organisation, (post.id, "organisation"))
            ]
            refs += [
                ("joint organisation", o, (post.id, "joint_with", i))
                for i, o in enumerate(post.joint_with)
            ]
            yield from _ended(ctx, post.id, "post", [(r, o, a) for r, o, a in refs if o])


@check_spec(
    code="GM104",
    name="delegation-party-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="A delegation is in force but its delegator, delegate or agreement is not.",
    why="Authority cannot come from, or go to, a body that does not exist on the date.",
    hint=_DATES,
)
def delegation_holder_ended(ctx: Context) -> Iterator[Hit]:
    """GM104: a delegation in force whose delegator, delegate or agreement is not."""
    for d in ctx.model.delegations:
        if d.active_on(ctx.on):
            refs = [("delegator", d.from_, (d.id, "from")), ("delegate", d.to, (d.id, "to"))]
            if d.agreement:
                refs.append(("agreement", d.agreement, (d.id, "agreement")))
            yield from _ended(ctx, d.id, "delegation", refs)


@check_spec(
    code="GM105",
    name="agreement-party-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="An agreement is in force but one of its parties is not.",
    why="An agreement binds only parties that exist; when one is abolished its successor "
    "must be made a party (by novation or transfer scheme).",
    hint="End the agreement, or replace the party by its successor.",
)
def agreement_party_ended(ctx: Context) -> Iterator[Hit]:
    """GM105: an agreement in force with a party that is not."""
    for a in ctx.model.agreements:
        if a.active_on(ctx.on):
            refs = [("party", p, (a.id, "parties", i)) for i, p in enumerate(a.parties)]
            yield from _ended(ctx, a.id, "agreement", refs)


@check_spec(
    code="GM106",
    name="contract-party-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="A contract is in force but a commissioner or provider is not.",
    why="When CCGs closed on 30 June 2022 their contracts passed to ICBs; a model that still "
    "names the CCG shows the wrong accountable commissioner.",
    hint="End the contract on the date the party ended, and add the successor's contract.",
)
def contract_party_ended(ctx: Context) -> Iterator[Hit]:
    """GM106: a contract in force with a commissioner or provider that is not."""
    for c in ctx.model.contracts:
        if c.active_on(ctx.on):
            refs = [
                ("commissioner", o, (c.id, "commissioners", i))
                for i, o in enumerate(c.commissioners)
            ]
            refs += [("provider", o, (c.id, "providers", i)) for i, o in enumerate(c.providers)]
            yield from _ended(ctx, c.id, "contract", refs)


@check_spec(
    code="GM107",
    name="member-not-in-force",
    severity=Severity.ERROR,
    category=Category.EXISTENCE,
    summary="A body's member is in force but the post, or the organisation represented, is not.",
    why="Counting a member whose post has ended overstates who can decide and make quorum.",
    hint="End the membership with the post, or correct the dates.",
)
def member_ended(ctx: Context) -> Iterator[Hit]:
    """GM107: a membership in force whose post, or represented organisation, is not."""
    for body in ctx.bodies():
        refs = []
        for i, m in ctx.members(body):
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
