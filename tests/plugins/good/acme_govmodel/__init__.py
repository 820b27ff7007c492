"""A third party's checks for govmodel, as a law firm might write them.

Installed, its ``govmodel.checks`` entry point (``CHECKS``) adds them to every
``govmodel check``. Written against the stable plugin API only: the context's
documented members, ``Hit``, ``check_spec``, ``Severity`` and ``Category``.
"""

from __future__ import annotations

from collections.abc import Iterator

from govmodel.checks import Category, Context, Hit, Severity, check_spec
from govmodel.model.kinds import BodyKind, MemberRole

_COMMITTEES = (BodyKind.COMMITTEE, BodyKind.SUB_COMMITTEE, BodyKind.JOINT_COMMITTEE)


@check_spec(
    code="ACME001",
    name="committee-without-terms-of-reference",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A committee in force has no terms of reference recorded.",
    why="A committee acts only within its terms of reference; without them nobody can "
    "show what it was given to decide.",
    hint="Record where its terms of reference are (`terms_of_reference:`).",
)
def committee_without_terms(ctx: Context) -> Iterator[Hit]:
    """ACME001: committees with no ``terms_of_reference``."""
    for body in ctx.bodies():
        if body.kind in _COMMITTEES and body.terms_of_reference is None:
            yield Hit((body.id,), f"committee {body.id!r} has no terms of reference recorded")


@check_spec(
    code="ACME002",
    name="joint-body-without-chair",
    severity=Severity.INFO,
    category=Category.COMPOSITION,
    summary="A body of several organisations has members but none whose role is chair.",
    why="Who chairs a joint body decides who holds the casting vote and signs its minutes.",
    hint="Give one member the role `chair`.",
    rules=("JC-001",),
)
def joint_body_without_chair(ctx: Context) -> Iterator[Hit]:
    """ACME002: multi-organisation bodies with members but no chair."""
    for body in ctx.bodies():
        members = [m for _, m in ctx.members(body)]
        chaired = any(m.role is MemberRole.CHAIR for m in members)
        if len(body.organisations) > 1 and members and not chaired:
            yield Hit((body.id,), f"{body.id!r} has {len(members)} members and no chair")


CHECKS = (committee_without_terms, joint_body_without_chair)
