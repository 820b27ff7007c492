"""Authority: whether each delegation passes on a power its maker actually holds.

These checks read the same grants as :func:`govmodel.who_can_decide`, so the
two always agree: a delegator reported as lacking a matter is never named as
a holder of it, and a matter reported as undecidable has no holder.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from govmodel.checks.base import Hit
from govmodel.checks.context import Context
from govmodel.law.accountability import statutory_reserved

__all__ = [
    "delegation_cycle",
    "delegator_lacks_matter",
    "exceeds_limit",
    "matter_without_holder",
    "matters_in_use",
    "onward_forbidden",
]


def _money(limit: int | None) -> str:
    return "no limit" if limit is None else f"£{limit:,}"


def _up_to(limit: int | None) -> str:
    return "with no limit" if limit is None else f"up to £{limit:,}"


def _governor_matter(ctx: Context, holder: str, matter: str) -> bool:
    """Whether statute gives ``matter`` to a council of governors of ``holder``'s FT
    (GM301 reports those delegations instead)."""
    return any(statutory_reserved(t, matter) for t in ctx.types_of(holder))


def delegator_lacks_matter(ctx: Context) -> Iterator[Hit]:
    """GM202: a delegation of a matter its maker holds by no chain of authority."""
    for d in ctx.delegations():
        for k, matter in enumerate(d.matters):
            if ctx.held(d.from_, matter) or _governor_matter(ctx, d.from_, matter):
                continue
            yield Hit(
                (d.id, d.from_, matter),
                f"delegation {d.id!r} passes {matter!r} from {d.from_!r}, which holds no "
                f"authority over it on {ctx.day.isoformat()}: no delegation in force leads "
                "back to a board or full council that holds it",
                at=(d.id, "matters", k),
                hint=f"Delegate {matter!r} to {d.from_!r} first (from a body that holds it), "
                "or make this delegation come from the board.",
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


def matter_without_holder(ctx: Context) -> Iterator[Hit]:
    """GM204: a matter the model uses that no body or post may decide on the date."""
    for matter in matters_in_use(ctx):
        if any(holder_matter[1] == matter for holder_matter in ctx.grants):
            continue
        first = next((d for d in ctx.delegations() if matter in d.matters), None)
        yield Hit(
            (matter,),
            f"nobody can decide {matter!r} on {ctx.day.isoformat()}: no organisation in force "
            "has a board, full council or (for governors' matters) council of governors "
            "holding it",
            at=(matter,)
            if any(m.id == matter for m in ctx.model.matters)
            else ((first.id, "matters", first.matters.index(matter)) if first else ()),
        )


def delegation_cycle(ctx: Context) -> Iterator[Hit]:
    """GM205: delegations of one matter that lead back to where they started."""
    by_matter: dict[str, nx.DiGraph[str]] = {}
    for d in sorted(ctx.delegations(), key=lambda d: d.id):
        for matter in d.matters:
            by_matter.setdefault(matter, nx.DiGraph()).add_edge(d.from_, d.to, delegation=d.id)
    for matter, sub in sorted(by_matter.items()):
        for component in sorted(sorted(c) for c in nx.strongly_connected_components(sub)):
            if len(component) < 2:
                continue
            ids = sorted(
                sub.edges[a, b]["delegation"]
                for a, b in sub.edges
                if a in component and b in component
            )
            yield Hit(
                (*ids, matter),
                f"delegations {', '.join(repr(i) for i in ids)} of {matter!r} form a loop "
                f"between {', '.join(repr(h) for h in component)}",
                at=(ids[0],),
            )
