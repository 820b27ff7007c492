"""Composition: who sits on the bodies that receive authority, and whether they may.

Where a check must decide what a body *is* from its name (an audit
committee), it says so in its docstring: that is a heuristic, not law.
"""

from __future__ import annotations

from collections.abc import Iterator

from govmodel.checks.base import Category, Hit, Severity, an
from govmodel.checks.context import Context, is_audit_committee
from govmodel.checks.spec import check_spec
from govmodel.law.character import S65Z5_JOINT_COMMITTEES, LegalCharacter
from govmodel.law.posts import EXECUTIVE_KINDS, NON_EXECUTIVE_KINDS
from govmodel.law.rules import get
from govmodel.model.kinds import BodyKind, PartyType, PostKind
from govmodel.model.records import Delegation, Membership

__all__ = [
    "committees_in_common_non_nhs_vote",
    "decision_body_without_members",
    "ft_audit_committee_not_neds",
    "ft_delegation_to_non_director_post",
    "ft_delegation_to_non_directors",
    "joint_committee_member_ineligible",
    "no_voting_members",
    "non_councillor_voting",
    "quorum_needs_absent_organisation",
    "quorum_unreachable",
]

_FT = PartyType.NHS_FOUNDATION_TRUST


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
        get(S65Z5_JOINT_COMMITTEES).in_force_on(ctx.on)
        and found is not None
        and found.character is LegalCharacter.STATUTORY_JOINT_COMMITTEE
    )


@check_spec(
    code="GM401",
    name="ft-delegation-to-non-directors",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A foundation trust board delegates to a body whose voting members are not all its "
    "directors.",
    why="An NHS foundation trust board may delegate only to a committee of its directors or "
    "to an executive director. Others may attend and advise but not decide for the "
    "trust. From 1 July 2022 a trust may also delegate to a joint committee under "
    "s.65Z5, which this check recognises by classifying the body.",
    hint="Make the non-directors non-voting (`voting: false`), make the body's decisions "
    "subject to the board's ratification (`ratification: true`), or delegate to the "
    "trust's own representatives individually as executive directors.",
    rules=("BC-002",),
    limits="Directors are posts of a director kind (chair, vice chair, chief executive, "
    "executive or non-executive director) of the trust and voting members of its board. "
    "Joint committees are left to GM403. In committees in common only the trust's own "
    "component is judged: the members who sit for the trust, or its own committee that "
    "names the group in `in_common` (CINC-001).",
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
        outside = [m for m in ctx.component_voting(body, org) if m.post not in directors]
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


@check_spec(
    code="GM402",
    name="ft-delegation-to-non-director-post",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A foundation trust board delegates to a post that is not one of its executive "
    "directors.",
    why="The only individuals a foundation trust board may delegate to are its executive "
    "directors; officers receive authority through an executive director's scheme of "
    "delegation.",
    hint="Delegate to the responsible executive director, who may sub-delegate under the "
    "scheme of delegation.",
    rules=("BC-001",),
)
def ft_delegation_to_non_director_post(ctx: Context) -> Iterator[Hit]:
    """GM402: an FT board delegating to a post that is not one of its executive directors."""
    for d, org in _ft_board_delegations(ctx):
        post = ctx.post(d.to)
        if post is None:
            continue
        own = org in post.organisations
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


@check_spec(
    code="GM403",
    name="joint-committee-member-ineligible",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A joint committee receives authority while one of its member bodies may not take "
    "part in a statutory joint committee on the date.",
    why="A statutory joint committee needs a power covering every member body: foundation "
    "trusts only from 1 July 2022 (s.65Z5), and never a company, CIC or charity.",
    hint="Use committees in common (each body's own committee meeting together), make the "
    "body's decisions subject to ratification, or leave out the ineligible body.",
    rules=("JC-005", "JC-002"),
)
def joint_committee_member_ineligible(ctx: Context) -> Iterator[Hit]:
    """GM403: a joint committee given authority while a member body may not join one."""
    for body in ctx.bodies():
        if body.kind is not BodyKind.JOINT_COMMITTEE or not ctx.delegations_to(body.id):
            continue
        for rule, barred in sorted(ctx.joint_committee_barred(body).items()):
            names = ", ".join(
                f"{ctx.label(o)} ({ctx.organisation(o).type.value})"  # type: ignore[union-attr]
                for o in barred
            )
            yield Hit(
                (body.id, *barred),
                f"{body.id!r} receives delegated authority as a joint committee on "
                f"{ctx.on.isoformat()}, but no joint-committee power admits {names} then",
                at=(body.id, "organisations"),
                rule=rule,
            )


@check_spec(
    code="GM404",
    name="committees-in-common-non-nhs-vote",
    severity=Severity.WARNING,
    category=Category.COMPOSITION,
    summary="In committees in common, someone from a non-NHS body votes in a statutory body's "
    "own committee.",
    why="Each committee in common decides only for its own body. A CIC's or company's own "
    "committee may meet with the others and decide its own business, but its people "
    "cannot vote in an NHS body's or council's committee: that body's decisions are for "
    "its own members (for a foundation trust, its directors).",
    hint="Record the person as `voting: false` in the statutory body's committee, or have "
    "them sit on their own organisation's committee (`on_behalf_of` their organisation).",
    rules=("CINC-003",),
)
def committees_in_common_non_nhs_vote(ctx: Context) -> Iterator[Hit]:
    """GM404: a person from a non-NHS body voting in a statutory body's component of
    committees in common."""
    for body in ctx.bodies():
        if not ctx.is_in_common(body):
            continue
        for component in ctx.model.components(body.id):
            if not ctx.is_statutory(component.organisation):
                continue
            voters = sorted(
                {
                    (home, _who(m))
                    for m in component.members
                    if m.voting
                    and m.active_on(ctx.on)
                    and (home := _post_org(ctx, m))
                    and ctx.organisation(home)
                    and not ctx.is_statutory(home)
                }
            )
            if voters:
                homes = sorted({h for h, _ in voters})
                yield Hit(
                    (body.id, component.organisation, *homes),
                    f"in {body.id!r}, people from {', '.join(ctx.label(h) for h in homes)} "
                    f"({', '.join(w for _, w in voters)}) vote in "
                    f"{ctx.label(component.organisation)}'s committee; they can decide only "
                    "for their own organisation",
                    at=(component.body or body.id, "members"),
                    rule="CINC-003",
                )


def _post_org(ctx: Context, member: Membership) -> str | None:
    """The organisation a member's post belongs to (not whom they sit for)."""
    post = ctx.post(member.post) if member.post else None
    return post.organisations[0] if post is not None and post.organisations else None


@check_spec(
    code="GM405",
    name="quorum-unreachable",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A body's quorum is larger than its number of voting members.",
    why="A body that can never be quorate can never decide.",
    hint="Lower the quorum or add voting members.",
)
def quorum_unreachable(ctx: Context) -> Iterator[Hit]:
    """GM405: a quorum larger than the number of voting members."""
    for body in ctx.bodies():
        if ctx.is_in_common(body) and body.quorum is not None:
            for component in ctx.model.components(body.id):
                count = len(ctx.component_voting(body, component.organisation))
                if count and body.quorum > count:
                    yield Hit(
                        (body.id, component.organisation),
                        f"{ctx.label(component.organisation)}'s committee in {body.id!r} needs "
                        f"{body.quorum} voting members present, but has {count}; each "
                        "committee in common must be quorate on its own",
                        at=(body.id, "quorum"),
                        hint=f"Lower `quorum` to {count} or less, or add voting members for "
                        f"{component.organisation!r}.",
                    )
            continue
        voting = ctx.voting(body)
        if body.quorum is not None and body.quorum > len(voting):
            yield Hit(
                (body.id,),
                f"{body.id!r} needs {body.quorum} voting members present to decide, but has "
                f"{len(voting)} on {ctx.on.isoformat()}",
                at=(body.id, "quorum"),
                hint=f"Lower `quorum` to {len(voting)} or less, or add voting members.",
            )


@check_spec(
    code="GM406",
    name="quorum-needs-absent-organisation",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A quorum needs a voting member from every organisation, and one has none.",
    why="The body can never be quorate until that organisation has a voting member.",
    hint="Add a voting member for the organisation, or change the quorum rule.",
)
def quorum_needs_absent_organisation(ctx: Context) -> Iterator[Hit]:
    """GM406: a quorum needing every organisation when one has no voting member."""
    for body in ctx.bodies():
        if not body.quorum_each_organisation or ctx.is_in_common(body):
            continue
        present = {ctx.member_organisation(m) for _, m in ctx.voting(body)}
        for i, org in enumerate(body.organisations):
            if org not in present:
                yield Hit(
                    (body.id, org),
                    f"{body.id!r} is quorate only with a voting member from every "
                    f"organisation, but {ctx.label(org)} has none on {ctx.on.isoformat()}",
                    at=(body.id, "organisations", i),
                    hint=f"Add a voting member for {org!r} (`on_behalf_of: {org}`), or set "
                    "`quorum_each_organisation: false`.",
                )


@check_spec(
    code="GM407",
    name="no-voting-members",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A body receives delegated authority but none of its members votes.",
    why="Authority given to a body with no voting members cannot be exercised.",
    hint="Mark the decision-makers as voting, or make the body advisory and delegate elsewhere.",
)
def no_voting_members(ctx: Context) -> Iterator[Hit]:
    """GM407: a body given authority whose recorded members all have no vote."""
    for body in ctx.bodies():
        members = list(ctx.members(body))
        if ctx.is_in_common(body):
            for d in ctx.delegations_to(body.id):
                for org in ctx.organisations_of(d.from_):
                    own = [
                        m
                        for c in ctx.model.components(body.id)
                        if c.organisation == org
                        for m in c.members
                    ]
                    if own and not ctx.component_voting(body, org):
                        yield Hit(
                            (body.id, org),
                            f"{ctx.label(org)} delegates to {body.id!r} by {d.id!r}, but none "
                            f"of the members who sit for {ctx.label(org)} has a vote",
                            at=(body.id, "members"),
                        )
            continue
        if members and not ctx.voting(body) and ctx.delegations_to(body.id):
            yield Hit(
                (body.id,),
                f"{body.id!r} receives delegated authority but none of its {len(members)} "
                "members has a vote",
                at=(body.id, "members"),
            )


@check_spec(
    code="GM408",
    name="decision-body-without-members",
    severity=Severity.WARNING,
    category=Category.COMPOSITION,
    summary="A body receives delegated authority but the model records none of its members.",
    why="Without members the composition checks cannot tell whether the body may lawfully decide.",
    hint="Add `members:` from the body's terms of reference.",
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


@check_spec(
    code="GM409",
    name="non-councillor-voting",
    severity=Severity.WARNING,
    category=Category.COMPOSITION,
    summary="A council committee records a non-councillor as a voting member.",
    why="People co-opted onto a local authority committee or joint committee count as "
    "non-voting (with limited exceptions), so they cannot make the quorum or carry a "
    "vote.",
    hint="Record the member as `voting: false`, or use a councillor's post.",
    rules=("BC-009",),
)
def non_councillor_voting(ctx: Context) -> Iterator[Hit]:
    """GM409: a voting member of a council committee who is not a councillor."""
    voting_kinds = (BodyKind.COMMITTEE, BodyKind.SUB_COMMITTEE, BodyKind.JOINT_COMMITTEE)
    rule = get("BC-009")
    if not rule.in_force_on(ctx.on):
        return
    for body in ctx.bodies():
        if body.kind not in voting_kinds or not body.organisations:
            continue
        if not all(
            (o := ctx.organisation(org)) and o.type in rule.parties for org in body.organisations
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


@check_spec(
    code="GM410",
    name="ft-audit-committee-not-neds",
    severity=Severity.ERROR,
    category=Category.COMPOSITION,
    summary="A foundation trust audit committee has a voting member who is not a non-executive "
    "director.",
    why="A foundation trust must have an audit committee made up of non-executive directors.",
    hint="Make executives attendees (`role: attendee`, `voting: false`).",
    rules=("FTR-003",),
    limits="A body is taken to be the audit committee when its id or name contains "
    '"audit" (a heuristic).',
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
