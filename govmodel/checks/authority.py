"""Authority: whether each delegation passes on a power its maker actually holds.

These checks read the same grants as :func:`govmodel.who_can_decide`, so the
two always agree: a delegator reported as lacking a matter is never named as
a holder of it, and a matter reported as undecidable has no holder.
"""

from __future__ import annotations

from collections.abc import Iterator

from govmodel.checks.base import Category, Hit, Severity
from govmodel.checks.context import Context
from govmodel.checks.spec import check_spec
from govmodel.graph import EdgeFilter
from govmodel.law.accountability import statutory_reserved

__all__ = [
    "delegation_cycle",
    "delegator_lacks_matter",
    "exceeds_limit",
    "matter_without_holder",
    "matters_in_use",
    "onward_forbidden",
]


def _one_of(keys: set[str]) -> EdgeFilter:
    """Keep the edges whose key (a delegation id) is one of ``keys``."""
    return lambda source, target, key: key in keys


def _money(limit: int | None) -> str:
    return "no limit" if limit is None else f"£{limit:,}"


def _up_to(limit: int | None) -> str:
    return "with no limit" if limit is None else f"up to £{limit:,}"


def _governor_matter(ctx: Context, holder: str, matter: str) -> bool:
    """Whether statute gives ``matter`` to a council of governors of ``holder``'s FT
    (GM301 reports those delegations instead)."""
    return any(statutory_reserved(t, matter) for t in ctx.types_of(holder))


@check_spec(
    code="GM202",
    name="delegator-lacks-authority",
    severity=Severity.ERROR,
    category=Category.AUTHORITY,
    summary="A body or post delegates a matter it holds by no chain of authority.",
    why="Authority must run back to a statutory holder (a board or full council). A "
    "delegation from a body that never received the matter passes nothing on.",
    hint="Delegate the matter to the delegator first, or delegate from the board.",
    limits="A statutory holder is taken to hold every matter of its organisation except "
    "those statute gives elsewhere (GM301); what an organisation's own constitution "
    "reserves must be recorded with `reserved`.",
)
def delegator_lacks_matter(ctx: Context) -> Iterator[Hit]:
    """GM202: a delegation of a matter its maker holds by no chain of authority."""
    for d in ctx.delegations():
        for k, matter in enumerate(d.matters):
            if ctx.held(d.from_, matter) or _governor_matter(ctx, d.from_, matter):
                continue
            yield Hit(
                (d.id, d.from_, matter),
                f"delegation {d.id!r} passes {matter!r} from {d.from_!r}, which holds no "
                f"authority over it on {ctx.on.isoformat()}: no delegation in force leads "
                "back to a board or full council that holds it",
                at=(d.id, "matters", k),
                hint=f"Delegate {matter!r} to {d.from_!r} first (from a body that holds it), "
                "or make this delegation come from the board.",
            )


@check_spec(
    code="GM203",
    name="onward-delegation-forbidden",
    severity=Severity.ERROR,
    category=Category.AUTHORITY,
    summary="A matter received by delegation is passed on when that delegation does not allow it.",
    why="A delegate may sub-delegate only as the delegation allows; otherwise the onward "
    "decision-maker has no authority.",
    hint="Set `onward: true` on the delegation received, or delegate directly.",
    rules=("DEL-006",),
)
def onward_forbidden(ctx: Context) -> Iterator[Hit]:
    """GM203: onward delegation of a matter received without leave to pass it on."""
    for d in ctx.delegations():
        for matter in d.matters:
            held = ctx.held(d.from_, matter)
            if not held or any(ctx.can_pass_on(g) for g in held):
                continue
            received = sorted({g.delegations[-1] for g in held if g.delegations})
            if not received:  # statutory holder reserving the matter: GM302 says so
                continue
            yield Hit(
                (d.id, d.from_, matter, *received),
                f"delegation {d.id!r} passes {matter!r} onwards from {d.from_!r}, but "
                f"{d.from_!r} received it by {', '.join(repr(r) for r in received)}, "
                + ("which does not allow" if len(received) == 1 else "none of which allows")
                + " onward delegation",
                at=(d.id, "from"),
                hint=f"Set `onward: true` on {received[0]!r} if onward delegation is meant, "
                "or have the original delegator delegate directly.",
            )


@check_spec(
    code="GM201",
    name="delegation-exceeds-limit",
    severity=Severity.ERROR,
    category=Category.AUTHORITY,
    summary="A delegation's financial limit is above what the delegator itself may decide.",
    why="Nobody can give more authority than they hold: decisions above the delegator's own "
    "limit are made without authority.",
    hint="Lower the limit to the delegator's own, or raise the delegator's limit first.",
)
def exceeds_limit(ctx: Context) -> Iterator[Hit]:
    """GM201: a delegation whose financial limit is above the delegator's own."""
    for d in ctx.delegations():
        for matter in d.matters:
            usable = [g for g in ctx.held(d.from_, matter) if ctx.can_pass_on(g)]
            if not usable or any(g.limit is None for g in usable):
                continue
            best = max(usable, key=lambda g: (g.limit or 0, g.chain))
            assert best.limit is not None
            if d.limit is not None and d.limit <= best.limit:
                continue
            via = f" through {best.delegations[-1]!r}" if best.delegations else ""
            yield Hit(
                (d.id, d.from_, matter),
                f"delegation {d.id!r} lets {d.to!r} decide {matter!r} "
                f"{_up_to(d.limit)}, more than {d.from_!r} itself may "
                f"({_money(best.limit)}{via})",
                at=(d.id, "limit") if d.limit is not None else (d.id,),
                hint=f"Set `limit: {best.limit}` or lower, or first raise the limit of "
                f"{d.from_!r}.",
            )


def matters_in_use(ctx: Context) -> list[str]:
    """Matters the model uses on the date: its own, those delegated, those reserved."""
    used = {m.id for m in ctx.model.matters}
    used |= {m for d in ctx.delegations() for m in d.matters}
    used |= {m for b in ctx.bodies() for m in b.reserved}
    return sorted(m for m in used if m in ctx.model)


@check_spec(
    code="GM204",
    name="matter-without-holder",
    severity=Severity.ERROR,
    category=Category.AUTHORITY,
    summary="A matter the model uses can be decided by nobody on the date.",
    why="Every decision the scheme names must have someone able to take it.",
    hint="Add the governing body (a `board`, `full_council` or, for governors' matters, "
    "`council_of_governors`) of the organisation that holds the matter.",
)
def matter_without_holder(ctx: Context) -> Iterator[Hit]:
    """GM204: a matter the model uses that no body or post may decide on the date."""
    for matter in matters_in_use(ctx):
        if ctx.decidable(matter):
            continue
        first = next((d for d in ctx.delegations() if matter in d.matters), None)
        yield Hit(
            (matter,),
            f"nobody can decide {matter!r} on {ctx.on.isoformat()}: no organisation in force "
            "has a board, full council or (for governors' matters) council of governors "
            "holding it",
            at=(matter,)
            if any(m.id == matter for m in ctx.model.matters)
            else ((first.id, "matters", first.matters.index(matter)) if first else ()),
        )


@check_spec(
    code="GM205",
    name="delegation-cycle",
    severity=Severity.WARNING,
    category=Category.AUTHORITY,
    summary="Delegations of one matter lead back to where they started.",
    why="A loop of delegations cannot be a source of authority, and usually means one "
    "delegation runs the wrong way.",
    hint="Reverse or remove one delegation in the loop.",
)
def delegation_cycle(ctx: Context) -> Iterator[Hit]:
    """GM205: delegations of one matter that lead back to where they started (loops
    in the model's graph)."""
    by_matter: dict[str, dict[tuple[str, str], str]] = {}
    for d in sorted(ctx.delegations(), key=lambda d: d.id):
        for matter in d.matters:
            by_matter.setdefault(matter, {})[d.from_, d.to] = d.id  # one id per pair: the last
    # A loop of one matter's delegations lies inside a loop of all of them together.
    every = {i for pairs in by_matter.values() for i in pairs.values()}
    looped = ctx.graph.cycles("delegates_to", keep=_one_of(every), keys=sorted(every))
    group = {node: n for n, nodes in enumerate(looped) for node in nodes}
    for matter, pairs in sorted(by_matter.items()):
        keys = {i for (a, b), i in pairs.items() if a in group and group[a] == group.get(b)}
        if not keys:
            continue
        for component in ctx.graph.cycles("delegates_to", keep=_one_of(keys), keys=sorted(keys)):
            if len(component) < 2:
                continue
            ids = sorted(i for (a, b), i in pairs.items() if a in component and b in component)
            yield Hit(
                (*ids, matter),
                f"delegations {', '.join(repr(i) for i in ids)} of {matter!r} form a loop "
                f"between {', '.join(repr(h) for h in component)}",
                at=(ids[0],),
            )
