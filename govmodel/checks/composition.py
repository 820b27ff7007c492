"""Composition: who sits on the bodies that receive authority, and whether they may.

Where a check must decide what a body *is* from its name (an audit
committee), it says so in its docstring: that is a heuristic, not law.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govmodel.checks.base import Hit, an
from govmodel.checks.context import EXECUTIVE_KINDS, NON_EXECUTIVE_KINDS, Context
from govmodel.law.classify import LegalCharacter
from govmodel.model.kinds import BodyKind, FormId, PartyType, PostKind, Verdict
from govmodel.model.records import Body, Delegation, Membership

__all__ = [
    "committees_in_common_non_nhs_vote",
    "decision_body_without_members",
    "ft_audit_committee_not_neds",
    "ft_delegation_to_non_director_post",
    "ft_delegation_to_non_directors",
    "is_audit_committee",
    "jc_ineligible",
    "joint_committee_member_ineligible",
    "no_voting_members",
    "non_councillor_voting",
    "quorum_needs_absent_organisation",
    "quorum_unreachable",
]

_S65Z5 = date(2022, 7, 1)
_FT = PartyType.NHS_FOUNDATION_TRUST
_COUNCILS = frozenset({PartyType.LOCAL_AUTHORITY, PartyType.COMBINED_AUTHORITY})


def _who(member: Membership) -> str:
    return repr(member.post) if member.post else f"{member.person!r} (no post)"


def _ft_board_delegations(ctx: Context) -> Iterator[tuple[Delegation, str]]:
    """Delegations made by an NHS foundation trust's own board, with the trust."""
    for d in ctx.delegations():
        for org in ctx.organisations_of(d.from_):
            found = ctx.organisation(org)
            if found and found.type is _FT and ctx.is_board_of(d.from_, org):
                yield d, org


def _is_s65z5_committee(ctx: Context, body: str) -> bool:
    found = ctx.classification(body)
    return (
        ctx.day >= _S65Z5
        and found is not None
        and found.character is LegalCharacter.STATUTORY_JOINT_COMMITTEE
    )


def ft_delegation_to_non_directors(ctx: Context) -> Iterator[Hit]:
    """GM401: an FT board delegating to a body whose voting members are not all its
    directors (s.65Z5 joint committees from 1 July 2022 excepted; joint committees
    are GM403's)."""
    for d, org in _ft_board_delegations(ctx):
        body = ctx.body(d.to)
        if (
            body is None
            or d.ratification
            or body.kind is BodyKind.JOINT_COMMITTEE
            or _is_s65z5_committee(ctx, body.id)
        ):
            continue
        directors = ctx.directors(org)
        outside = [m for _, m in ctx.voting(body) if m.post not in directors]
        outsiders = sorted({_who(m) for m in outside})
        if outsiders:
            yield Hit(
                (d.id, body.id, *sorted({m.post for m in outside if m.post})),
                f"{ctx.label(org)}'s board delegates to {body.id!r} by {d.id!r}, but voting "
                f"members of {body.id!r} are not {ctx.label(org)} directors: "
                f"{', '.join(outsiders)}",
                at=(d.id, "to"),
                rule="BC-002",
            )


def ft_delegation_to_non_director_post(ctx: Context) -> Iterator[Hit]:
    """GM402: an FT board delegating to a post that is not one of its executive directors."""
    for d, org in _ft_board_delegations(ctx):
        post = ctx.post(d.to)
        if post is None:
            continue
        own = org in (post.organisation, *post.joint_with)
        if own and post.kind in EXECUTIVE_KINDS:
            continue
        why = (
            f"it is {an(post.kind.value.replace('_', ' '))} post"
            if own
            else "it is not a post of the trust"
        )
        yield Hit(
            (d.id, post.id),
            f"{ctx.label(org)}'s board delegates to the post {post.id!r} by {d.id!r}, but "
            f"{why}; a foundation trust board may delegate only to a committee of directors "
            "or an executive director",
            at=(d.id, "to"),
            rule="BC-001",
        )


def jc_ineligible(ctx: Context, body: Body) -> dict[str, list[str]]:
    """Organisations of a multi-party body that may not be member bodies of a joint
    committee on the date, grouped by the rule that bars them (empty when all may)."""
    if len(body.organisations) < 2:
        return {}
    verdict, barred = ctx.form_for(body.organisations, FormId.JOINT_COMMITTEE)
    if verdict.verdict is Verdict.LAWFUL:
        return {}
    by_rule: dict[str, list[str]] = {}
    for org in barred or sorted(body.organisations):
        rule = ctx.barring_rule(verdict, [org], FormId.JOINT_COMMITTEE) or "JC-015"
        by_rule.setdefault(rule, []).append(org)
    return by_rule


def joint_committee_member_ineligible(ctx: Context) -> Iterator[Hit]:
    """GM403: a joint committee given authority while a member body may not join one."""
    for body in ctx.bodies():
        if body.kind is not BodyKind.JOINT_COMMITTEE or not ctx.delegations_to(body.id):
            continue
        for rule, barred in sorted(jc_ineligible(ctx, body).items()):
            names = ", ".join(
                f"{ctx.label(o)} ({ctx.organisation(o).type.value})"  # type: ignore[union-attr]
                for o in barred
            )
            yield Hit(
                (body.id, *barred),
                f"{body.id!r} receives delegated authority as a joint committee on "
                f"{ctx.day.isoformat()}, but no joint-committee power admits {names} then",
                at=(body.id, "organisations"),
                rule=rule,
            )


def committees_in_common_non_nhs_vote(ctx: Context) -> Iterator[Hit]:
    """GM404: committees in common where members from a non-NHS body vote beside NHS
    bodies' committees (disputed: warned, not blocked)."""
    for body in ctx.bodies():
        if body.kind is not BodyKind.COMMITTEES_IN_COMMON:
            continue
        if not any(ctx.is_statutory(o) for o in body.organisations):
            continue
        voters = sorted(
            {
                (org, _who(m))
                for _, m in ctx.voting(body)
                if (org := ctx.member_organisation(m))
                and ctx.organisation(org)
                and not ctx.is_statutory(org)
            }
        )
        if voters:
            orgs = sorted({o for o, _ in voters})
            yield Hit(
                (body.id, *orgs),
                f"in {body.id!r}, members for {', '.join(ctx.label(o) for o in orgs)} vote "
                f"({', '.join(w for _, w in voters)}) alongside NHS bodies' committees; their "
                "votes cannot decide anything for the NHS bodies",
                at=(body.id, "members"),
                rule="CINC-003",
            )


def quorum_unreachable(ctx: Context) -> Iterator[Hit]:
    """GM405: a quorum larger than the number of voting members."""
    for body in ctx.bodies():
        voting = ctx.voting(body)
        if body.quorum is not None and body.quorum > len(voting):
            yield Hit(
                (body.id,),
                f"{body.id!r} needs {body.quorum} voting members present to decide, but has "
                f"{len(voting)} on {ctx.day.isoformat()}",
                at=(body.id, "quorum"),
                hint=f"Lower `quorum` to {len(voting)} or less, or add voting members.",
            )


def quorum_needs_absent_organisation(ctx: Context) -> Iterator[Hit]:
    """GM406: a quorum needing every organisation when one has no voting member."""
    for body in ctx.bodies():
        if not body.quorum_each_organisation:
            continue
        present = {ctx.member_organisation(m) for _, m in ctx.voting(body)}
        for i, org in enumerate(body.organisations):
            if org not in present:
                yield Hit(
                    (body.id, org),
                    f"{body.id!r} is quorate only with a voting member from every "
                    f"organisation, but {ctx.label(org)} has none on {ctx.day.isoformat()}",
                    at=(body.id, "organisations", i),
                    hint=f"Add a voting member for {org!r} (`on_behalf_of: {org}`), or set "
                    "`quorum_each_organisation: false`.",
                )


def no_voting_members(ctx: Context) -> Iterator[Hit]:
    """GM407: a body given authority whose recorded members all have no vote."""
    for body in ctx.bodies():
        members = list(ctx.members(body))
        if members and not ctx.voting(body) and ctx.delegations_to(body.id):
            yield Hit(
                (body.id,),
                f"{body.id!r} receives delegated authority but none of its {len(members)} "
                "members has a vote",
                at=(body.id, "members"),
            )


def decision_body_without_members(ctx: Context) -> Iterator[Hit]:
    """GM408: a body given authority with no members recorded at all."""
    for body in ctx.bodies():
        into = ctx.delegations_to(body.id)
        if into and not list(ctx.members(body)):
            yield Hit(
                (body.id, *sorted(d.id for d in into)),
                f"{body.id!r} receives delegated authority "
                f"({', '.join(sorted(repr(d.id) for d in into))}) but the model records no "
                "members, so who decides cannot be checked",
                at=(body.id,),
            )


def non_councillor_voting(ctx: Context) -> Iterator[Hit]:
    """GM409: a voting member of a council committee who is not a councillor."""
    voting_kinds = (BodyKind.COMMITTEE, BodyKind.SUB_COMMITTEE, BodyKind.JOINT_COMMITTEE)
    for body in ctx.bodies():
        if body.kind not in voting_kinds or not body.organisations:
            continue
        if not all(
            (o := ctx.organisation(org)) and o.type in _COUNCILS for org in body.organisations
        ):
            continue
        for i, m in ctx.voting(body):
            post = ctx.post(m.post)
            if post is None or post.kind is not PostKind.COUNCILLOR:
                yield Hit(
                    (body.id, *([m.post] if m.post else [])),
                    f"{_who(m)} is recorded as a voting member of the council committee "
                    f"{body.id!r} but is not a councillor, so counts as non-voting",
                    at=(body.id, "members", i, "voting"),
                    rule="BC-009",
                )


def is_audit_committee(body: Body) -> bool:
    """Whether ``body`` is an audit committee. A heuristic: a committee whose id or name
    contains the word "audit"."""
    return body.kind in (BodyKind.COMMITTEE, BodyKind.SUB_COMMITTEE) and (
        "audit" in body.id.lower() or "audit" in body.name.lower()
    )


def ft_audit_committee_not_neds(ctx: Context) -> Iterator[Hit]:
    """GM410: an FT audit committee with a voting member who is not a non-executive
    director (the executive in the chair is GM604's)."""
    for body in ctx.bodies():
        orgs = [ctx.organisation(o) for o in body.organisations]
        if not is_audit_committee(body) or not orgs or not all(o and o.type is _FT for o in orgs):
            continue
        for i, m in ctx.voting(body):
            post = ctx.post(m.post)
            if post is not None and post.kind in EXECUTIVE_KINDS and m.role.value == "chair":
                continue
            if post is None or post.kind not in NON_EXECUTIVE_KINDS:
                kind = post.kind.value.replace("_", " ") if post else "no post"
                yield Hit(
                    (body.id, *([m.post] if m.post else [])),
                    f"{_who(m)} ({kind}) votes on the audit committee {body.id!r}; a "
                    "foundation trust's audit committee is made up of non-executive "
                    "directors",
                    at=(body.id, "members", i),
                    rule="FTR-003",
                )
