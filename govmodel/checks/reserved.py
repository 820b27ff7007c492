"""Reserved matters: powers statute or the model keeps with one body."""

from __future__ import annotations

from collections.abc import Iterator

from govmodel.checks.base import Category, Hit, Severity
from govmodel.checks.context import Context
from govmodel.checks.spec import check_spec
from govmodel.law.accountability import reserved_by_statute
from govmodel.model.kinds import BodyKind, PartyType
from govmodel.model.records import Delegation

__all__ = [
    "council_delegates_governor_matter",
    "governor_matter_delegated",
    "reserved_matter_delegated",
    "reserved_matter_not_held",
]


def _governor_rule(ctx: Context, org: str, matter: str) -> str | None:
    """The rule giving ``matter`` to ``org``'s council of governors on the date, if any."""
    found = ctx.organisation(org)
    if found is None or found.type is not PartyType.NHS_FOUNDATION_TRUST:
        return None
    reserved = reserved_by_statute(found.type, matter, ctx.on)
    return None if reserved is None else reserved[1]


def _governor_delegations(
    ctx: Context, *, by_council: bool
) -> Iterator[tuple[Delegation, int, str, str, str]]:
    for d in ctx.delegations():
        source = ctx.body(d.from_)
        is_council = source is not None and source.kind is BodyKind.COUNCIL_OF_GOVERNORS
        if is_council is not by_council:
            continue
        for k, matter in enumerate(d.matters):
            for org in ctx.organisations_of(d.from_):
                rule = _governor_rule(ctx, org, matter)
                if rule:
                    yield d, k, matter, org, rule


@check_spec(
    code="GM301",
    name="governor-matter-delegated",
    severity=Severity.ERROR,
    category=Category.RESERVED,
    summary="A foundation trust's board (or anyone but its council of governors) delegates a "
    "matter statute gives the council of governors.",
    why="Appointing and removing the chair and non-executives, approving the chief "
    "executive's appointment, appointing the auditor, approving significant "
    "transactions and amending the constitution belong to the governors by statute. "
    "The board holds none of them, so it cannot delegate them.",
    hint="Remove the matter from the delegation. The board may recommend; the council of "
    "governors decides.",
    rules=("FTR-001", "FTR-002", "FTR-003", "FTR-004", "FTR-007", "FTR-008"),
)
def governor_matter_delegated(ctx: Context) -> Iterator[Hit]:
    """GM301: a delegation, by anyone but the council of governors, of a matter
    statute gives an NHS foundation trust's council of governors."""
    for d, k, matter, org, rule in _governor_delegations(ctx, by_council=False):
        yield Hit(
            (d.id, matter, org),
            f"delegation {d.id!r} from {d.from_!r} passes {matter!r}, which the NHS Act "
            f"gives to {ctx.label(org)}'s council of governors; {d.from_!r} holds no "
            "such power to delegate",
            at=(d.id, "matters", k),
            rule=rule,
        )


@check_spec(
    code="GM302",
    name="council-delegates-governor-matter",
    severity=Severity.WARNING,
    category=Category.RESERVED,
    summary="A council of governors lets a committee decide one of its statutory matters outright.",
    why="The Act gives these decisions to the council (the chair and non-executives are "
    "appointed at a general meeting). A nominations committee may recommend, but the "
    "council must decide.",
    hint="Set `ratification: true` so the decision comes back to the full council, or "
    "remove the delegation.",
    rules=("FTR-001", "FTR-002", "FTR-003", "FTR-004", "FTR-007", "FTR-008"),
)
def council_delegates_governor_matter(ctx: Context) -> Iterator[Hit]:
    """GM302: a council of governors delegating its own statutory decision outright."""
    for d, k, matter, org, rule in _governor_delegations(ctx, by_council=True):
        if d.ratification:
            continue
        yield Hit(
            (d.id, matter, org),
            f"delegation {d.id!r} lets {d.to!r} decide {matter!r} for "
            f"{ctx.label(org)}'s council of governors without coming back to it; the "
            "Act gives the decision to the council itself",
            at=(d.id, "matters", k),
            rule=rule,
        )


@check_spec(
    code="GM303",
    name="reserved-matter-delegated",
    severity=Severity.ERROR,
    category=Category.RESERVED,
    summary="A body delegates a matter it lists as reserved to itself.",
    why="A schedule of matters reserved to the board exists so those decisions are not "
    "delegated; a delegation contradicting it is void or the schedule is out of date.",
    hint="Remove the matter from the delegation, or from the body's `reserved` list.",
)
def reserved_matter_delegated(ctx: Context) -> Iterator[Hit]:
    """GM303: a body delegating a matter it reserves to itself."""
    for d in ctx.delegations():
        source = ctx.body(d.from_)
        if source is None:
            continue
        for k, matter in enumerate(d.matters):
            if matter in source.reserved:
                yield Hit(
                    (d.id, d.from_, matter),
                    f"delegation {d.id!r} passes {matter!r}, which {d.from_!r} reserves to itself",
                    at=(d.id, "matters", k),
                    hint=f"Remove {matter!r} from the delegation, or from the `reserved` "
                    f"list of {d.from_!r} if the scheme has changed.",
                )


@check_spec(
    code="GM304",
    name="reserved-matter-not-held",
    severity=Severity.WARNING,
    category=Category.RESERVED,
    summary="A body reserves a matter it holds no authority over.",
    why="Reserving a power one does not hold means the schedule of reserved matters and "
    "the scheme of delegation disagree.",
    hint="Delegate the matter to the body, or remove it from `reserved`.",
)
def reserved_matter_not_held(ctx: Context) -> Iterator[Hit]:
    """GM304: a body reserving a matter it holds no authority over."""
    for body in ctx.bodies():
        for k, matter in enumerate(body.reserved):
            if matter in ctx.model and not ctx.held(body.id, matter):
                yield Hit(
                    (body.id, matter),
                    f"{body.id!r} reserves {matter!r} to itself, but holds no authority over "
                    f"it on {ctx.on.isoformat()}",
                    at=(body.id, "reserved", k),
                )
