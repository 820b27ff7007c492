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
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from govmodel.display import Displayed
from govmodel.errors import NoSuchRecord
from govmodel.law.accountability import reserved_by_statute
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, PartyType, closest
from govmodel.model.records import Body, Delegation, Matter, Organisation, Post, id_of

__all__ = [
    "Grant",
    "Grants",
    "MatterGrants",
    "granted_matters",
    "grants",
    "grants_of",
    "matter_grants",
    "statutory_holders",
    "what_can_decide",
    "who_can_decide",
]

_INF = float("inf")
_BOARDS = (BodyKind.BOARD, BodyKind.FULL_COUNCIL)


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
    return sorted(_statutory(model, matter, on, model.bodies))


def _statutory(
    model: GovernanceModel, matter: str, on: date, bodies: Iterable[Body]
) -> Iterator[tuple[str, str]]:
    """The ``(holder, organisation)`` pairs among ``bodies`` that hold ``matter`` directly:
    an organisation's governing board, or the body statute gives the matter to."""
    reserved: dict[PartyType, tuple[BodyKind, str] | None] = {}
    for b in bodies:
        if not b.active_on(on):
            continue
        for i, org_id in enumerate(b.organisations):
            org = model.record(org_id)
            if (
                not isinstance(org, Organisation)
                or not org.active_on(on)
                or org_id in b.organisations[:i]
            ):
                continue
            if org.type not in reserved:
                reserved[org.type] = reserved_by_statute(org.type, matter, on)
            by_statute = reserved[org.type]
            if by_statute:
                if b.kind is by_statute[0]:
                    yield b.id, org_id
            elif b.kind in _BOARDS and b.organisations == (org_id,):
                yield b.id, org_id


def _key(limit: int | None) -> float:
    return _INF if limit is None else float(limit)


def _order(g: Grant) -> tuple[Any, ...]:
    """The grants' own order (holder, matter, organisation, limit...) as a plain tuple."""
    return (g.holder, g.matter, g.organisation, g.limit, g.chain, g.delegations)


class _Delegated:
    """The delegations in force of one dated model, by matter: in file order, and by the
    holder they reach (built once per dated model)."""

    def __init__(self, current: GovernanceModel) -> None:
        self.by_matter: dict[str, list[Delegation]] = {}
        self.into: dict[tuple[str, str], list[Delegation]] = {}
        self.order: dict[int, int] = {}
        for i, d in enumerate(current.delegations):
            if d.from_ not in current or d.to not in current:
                continue
            self.order[id(d)] = i
            for m in dict.fromkeys(d.matters):
                self.by_matter.setdefault(m, []).append(d)
                self.into.setdefault((m, d.to), []).append(d)

    def reaching(self, matter: str, holder: str) -> tuple[set[str], list[Delegation]]:
        """Every holder from which delegations of ``matter`` lead to ``holder`` (itself
        included), and those delegations in file order."""
        seen = {holder}
        found: list[Delegation] = []
        todo = [holder]
        while todo:
            for d in self.into.get((matter, todo.pop()), ()):
                found.append(d)
                if d.from_ not in seen:
                    seen.add(d.from_)
                    todo.append(d.from_)
        return seen, sorted(found, key=lambda d: self.order[id(d)])


def _delegated(current: GovernanceModel) -> _Delegated:
    return current.derived("authority:delegated", lambda: _Delegated(current))


def granted_matters(model: GovernanceModel, on: date) -> list[str]:
    """Every matter a grant may be about on ``on``, sorted: the model's and the standard
    ones, and any other that a delegation in force names."""
    named = _delegated(model.on(on)).by_matter
    return sorted(set(named) | {m.id for m in model.all_matters()})


def grants(model: GovernanceModel, on: date, *, matter: str | None = None) -> list[Grant]:
    """Every grant of authority on ``on`` (for one matter if given), sorted.

    The grants of each matter are worked out once per model and date, and kept.
    """
    if matter:
        return list(matter_grants(model, on, matter).every())
    out: list[Grant] = []
    for m in granted_matters(model, on):
        out += matter_grants(model, on, m).every()
    return sorted(out, key=_order)


def grants_of(model: GovernanceModel, on: date, holder: str, matter: str) -> list[Grant]:
    """The grants by which ``holder`` may decide ``matter`` on ``on``, sorted: the same
    as those of :func:`grants` with that holder, found from the delegations that lead
    to ``holder`` alone."""
    current = model.on(on)
    reach, into = _delegated(current).reaching(matter, holder)
    bodies = [b for b in (current.record(h) for h in sorted(reach)) if isinstance(b, Body)]
    starts = sorted(_statutory(current, matter, current.as_of, bodies))
    found = _propagate(current, matter, into, starts)
    return sorted((g for g in found if g.holder == holder), key=_order)


class MatterGrants:
    """The grants of one matter on one date, worked out once (:func:`matter_grants`).

    Only the holders that the matter's delegations touch are propagated to; any other
    holds the matter directly or not at all.
    """

    def __init__(self, current: GovernanceModel, matter: str) -> None:
        self._current = current
        self.matter = matter
        delegations = _delegated(current).by_matter.get(matter, [])
        touched = dict.fromkeys(h for d in delegations for h in (d.from_, d.to))
        self._touched = set(touched)
        bodies = [b for b in (current.record(h) for h in touched) if isinstance(b, Body)]
        starts = sorted(_statutory(current, matter, current.as_of, bodies))
        #: The grants of each holder the delegations touch, sorted.
        self.delegated: dict[str, list[Grant]] = {}
        for g in sorted(_propagate(current, matter, delegations, starts), key=_order):
            self.delegated.setdefault(g.holder, []).append(g)
        self._every: list[Grant] | None = None

    def _direct(self, bodies: Iterable[Body]) -> list[Grant]:
        return [
            Grant(holder, self.matter, org, None, (holder,), ())
            for holder, org in _statutory(self._current, self.matter, self._current.as_of, bodies)
        ]

    def of(self, holder: str) -> list[Grant]:
        """The grants of ``holder``, sorted (the list is shared: do not change it)."""
        if holder in self._touched:
            return self.delegated.get(holder, [])
        body = self._current.record(holder)
        return sorted(self._direct([body]), key=_order) if isinstance(body, Body) else []

    def decidable(self) -> bool:
        """Whether anybody may decide the matter."""
        return bool(self.delegated) or any(self._direct(self._current.bodies))

    def every(self) -> list[Grant]:
        """Every grant of the matter, sorted (shared: do not change it)."""
        if self._every is None:
            rest = self._direct(b for b in self._current.bodies if b.id not in self._touched)
            found = [g for held in self.delegated.values() for g in held]
            self._every = sorted(found + rest, key=_order)
        return self._every


def matter_grants(model: GovernanceModel, on: date, matter: str) -> MatterGrants:
    """The grants of ``matter`` on ``on``, worked out once per model and date."""
    current = model.on(on)
    return current.derived(f"authority:grants:{matter}", lambda: MatterGrants(current, matter))


def _propagate(
    model: GovernanceModel,
    matter: str,
    delegations: Iterable[Delegation],
    starts: Iterable[tuple[str, str]],
) -> list[Grant]:
    """The widest chain to each holder, for each organisation, from the statutory
    holders ``starts`` along ``delegations`` of ``matter``."""
    by_from: dict[str, list[Delegation]] = {}
    for d in sorted(delegations, key=lambda d: d.id):
        by_from.setdefault(d.from_, []).append(d)
    best: dict[tuple[str, str], Grant] = {}
    queue: list[tuple[float, int, tuple[str, ...], Grant]] = []
    for holder, org in starts:
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
    # One matter's grants are sorted by holder, then organisation (one grant for each).
    found = [
        g
        for g in matter_grants(model, on, matter).every()
        if amount is None or g.limit is None or g.limit >= amount
    ]
    return Grants(found, on=on, matter=matter, amount=amount)


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
    found = [g for m in granted_matters(model, on) for g in grants_of(model, on, holder, m)]
    return Grants(
        sorted(found, key=lambda g: (g.matter, g.organisation)),
        on=on,
        holder=holder,
    )
