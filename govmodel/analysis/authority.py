"""Who holds authority over each matter on a date, and through which chain.

Authority starts at *statutory holders*: each organisation's governing board
(or full council) holds the organisation's matters, except those statute gives
to another body (an NHS foundation trust's council of governors appoints the
chair, for example; see :func:`govmodel.law.accountability.reserved_by_statute`).
It then flows along delegations in force on the date that name the matter:

- a statutory holder may delegate any matter it holds, except those it
  reserves to itself (``Body.reserved``);
- a holder that received a matter by delegation may pass it on only if that
  delegation allows onward delegation;
- the financial limit along a chain is the smallest limit on it.

For each holder, matter and source organisation the widest chain (highest
limit, then shortest, then first by ids) is kept, so the computation
terminates on delegation cycles.
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from govmodel.display import Displayed
from govmodel.errors import NoSuchRecord
from govmodel.law.accountability import reserved_by_statute
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.records import Body, Delegation, Matter, Post, id_of

__all__ = [
    "Grant",
    "Grants",
    "grants",
    "statutory_holders",
    "what_can_decide",
    "who_can_decide",
]

_INF = float("inf")


@attrs.frozen(order=True, repr=False)
class Grant(Displayed):
    """Authority of ``holder`` over ``matter`` on behalf of ``organisation``."""

    holder: str
    matter: str
    organisation: str
    limit: int | None
    chain: tuple[str, ...]
    delegations: tuple[str, ...]

    @property
    def statutory(self) -> bool:
        """Whether the holder holds the matter directly (no delegation)."""
        return not self.delegations

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (the contract's ``who`` holder shape plus extras)."""
        return {
            "holder": self.holder,
            "limit": self.limit,
            "chain": list(self.chain),
            "organisation": self.organisation,
            "delegations": list(self.delegations),
        }


class Grants(Displayed, list[Grant]):
    """The answer to "who can decide this matter?" or "what can this holder decide?":
    a list of :class:`Grant` that also keeps the question (``matter`` and ``amount``,
    or ``holder``) and the date."""

    def __init__(
        self,
        found: Iterable[Grant] = (),
        *,
        on: date,
        matter: str | None = None,
        holder: str | None = None,
        amount: int | None = None,
    ) -> None:
        super().__init__(found)
        self.on = on
        self.matter = matter
        self.holder = holder
        self.amount = amount

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle keep the question
        return (
            functools.partial(
                Grants, on=self.on, matter=self.matter, holder=self.holder, amount=self.amount
            ),
            (list(self),),
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``who`` JSON shape; for ``what``: ``holder``, ``on`` and
        ``matters`` (each grant's matter, organisation, limit, chain and delegations)."""
        if self.holder is None:
            return {
                "matter": self.matter,
                "amount": self.amount,
                "on": self.on.isoformat(),
                "holders": [g.to_dict() for g in self],
            }
        return {
            "holder": self.holder,
            "on": self.on.isoformat(),
            "matters": [
                {"matter": g.matter, **{k: v for k, v in g.to_dict().items() if k != "holder"}}
                for g in self
            ],
        }


def statutory_holders(model: GovernanceModel, matter: str, on: date) -> list[tuple[str, str]]:
    """``(holder, organisation)`` pairs that hold ``matter`` directly on ``on``."""
    out = []
    for org in model.organisations:
        if not org.active_on(on):
            continue
        reserved = reserved_by_statute(org.type, matter, on)
        if reserved:
            holders = [
                b for b in model.bodies_of(org.id) if b.kind is reserved[0] and b.active_on(on)
            ]
        else:
            holders = [b for b in model.boards_of(org.id) if b.active_on(on)]
        out += [(b.id, org.id) for b in holders]
    return sorted(out)


def _key(limit: int | None) -> float:
    return _INF if limit is None else float(limit)


def grants(model: GovernanceModel, on: date, *, matter: str | None = None) -> list[Grant]:
    """Every grant of authority on ``on`` (for one matter if given), sorted."""
    current = model.on(on)
    delegations = [d for d in current.delegations if d.from_ in current and d.to in current]
    matters = (
        [matter]
        if matter
        else sorted(
            {m for d in delegations for m in d.matters} | {m.id for m in model.all_matters()}
        )
    )
    out: list[Grant] = []
    for m in matters:
        out += _grants_for(current, m, [d for d in delegations if m in d.matters])
    return sorted(out)


def _grants_for(model: GovernanceModel, matter: str, delegations: list[Delegation]) -> list[Grant]:
    by_from: dict[str, list[Delegation]] = {}
    for d in sorted(delegations, key=lambda d: d.id):
        by_from.setdefault(d.from_, []).append(d)
    best: dict[tuple[str, str], Grant] = {}
    queue: list[tuple[float, int, tuple[str, ...], Grant]] = []
    for holder, org in statutory_holders(model, matter, model.as_of):
        g = Grant(holder, matter, org, None, (holder,), ())
        best[(holder, org)] = g
        heapq.heappush(queue, (-_INF, 1, g.chain, g))
    while queue:
        _, _, _, g = heapq.heappop(queue)
        if best.get((g.holder, g.organisation)) != g:
            continue
        if g.statutory:
            body = model.body(g.holder) if model.kind_of(g.holder) == "body" else None
            if body is not None and matter in body.reserved:
                continue
        elif not model.delegation(g.delegations[-1]).onward:
            continue
        for d in by_from.get(g.holder, ()):
            if d.to in g.chain:
                continue
            limit = (
                g.limit
                if d.limit is None
                else (d.limit if g.limit is None else min(g.limit, d.limit))
            )
            new = Grant(
                d.to, matter, g.organisation, limit, (*g.chain, d.to), (*g.delegations, d.id)
            )
            old = best.get((d.to, g.organisation))
            if old is None or (_key(new.limit), -len(new.chain), new.chain) > (
                _key(old.limit),
                -len(old.chain),
                old.chain,
            ):
                best[(d.to, g.organisation)] = new
                heapq.heappush(queue, (-_key(limit), len(new.chain), new.chain, new))
    return list(best.values())


def _check_matter(model: GovernanceModel, matter: str) -> None:
    if matter not in model or model.kind_of(matter) != "matter":
        pool = [m.id for m in model.all_matters()]
        raise NoSuchRecord("matter", matter, closest(matter, pool))


def who_can_decide(
    model: GovernanceModel,
    matter: str | Matter,
    *,
    amount: int | None = None,
    on: date | str | None = None,
) -> Grants:
    """Every holder that may decide ``matter`` (a matter or its id; for ``amount``
    pounds, if given) on ``on`` (default: the model's ``as_of``).

    >>> import govmodel
    >>> m = govmodel.examples.load("msecc-2020")
    >>> [g.holder for g in who_can_decide(m, "msecc_collaborative_decisions")]
    ['eput.board', 'msecc.board', 'msecc.board', 'msecc.board', 'nelft.board', 'provide.board']
    """
    matter = id_of(matter)
    _check_matter(model, matter)
    on = model.resolve_on(on)
    found = [
        g
        for g in grants(model, on, matter=matter)
        if amount is None or g.limit is None or g.limit >= amount
    ]
    return Grants(
        sorted(found, key=lambda g: (g.holder, g.organisation)), on=on, matter=matter, amount=amount
    )


def what_can_decide(
    model: GovernanceModel, holder: str | Body | Post, *, on: date | str | None = None
) -> Grants:
    """Every matter ``holder`` (a body or post, or its id) may decide on ``on``
    (default: the model's ``as_of``), with the chain that grants it.

    >>> import govmodel
    >>> m = govmodel.examples.load("msecc-2020")
    >>> sorted({g.matter for g in govmodel.what_can_decide(m, m.body("msecc.board"))})
    ['msecc_collaborative_decisions']
    """
    holder = id_of(holder)
    kind = model.kind_of(holder)
    if kind not in ("body", "post"):
        raise NoSuchRecord(
            "body or post", holder, closest(holder, model.ids("body") + model.ids("post"))
        )
    on = model.resolve_on(on)
    return Grants(
        sorted(
            (g for g in grants(model, on) if g.holder == holder),
            key=lambda g: (g.matter, g.organisation),
        ),
        on=on,
        holder=holder,
    )
