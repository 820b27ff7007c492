"""Indexes of one model's records by what they point at, built once on first use.

:class:`~govmodel.model.governance.GovernanceModel` answers "which bodies belong to
this organisation?" and the like from these tables rather than by scanning its
records, so that every such question costs the size of its answer. The tables
hold records in the orders the model's methods promise (sorted by id, or file
order where that is what the caller sees), and each record once per key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from govmodel.model.records import Agreement, Body, Contract, Delegation, Post

__all__ = ["Index"]

T = TypeVar("T")


def _group(pairs: Iterable[tuple[str | None, T]]) -> dict[str, list[T]]:
    """``{key: [item, ...]}`` in the order given, each item once per key."""
    out: dict[str, list[T]] = {}
    for key, item in pairs:
        if key is None:
            continue
        items = out.setdefault(key, [])
        if not items or items[-1] is not item:
            items.append(item)
    return out


def _by_id(groups: dict[str, list[Any]]) -> dict[str, list[Any]]:
    for items in groups.values():
        items.sort(key=lambda r: r.id)  # stable: records of one id keep their file order
    return groups


class Index:
    """The lookup tables of one model (see the module docstring)."""

    def __init__(
        self,
        *,
        records: Iterable[tuple[str, int, Any]],
        bodies: tuple[Body, ...],
        posts: tuple[Post, ...],
        delegations: tuple[Delegation, ...],
        agreements: tuple[Agreement, ...],
        contracts: tuple[Contract, ...],
    ) -> None:
        #: ``id -> (collection, index)`` of the first record with that id.
        self.position: dict[str, tuple[str, int]] = {}
        for collection, i, record in records:
            self.position.setdefault(record.id, (collection, i))
        self.bodies_of: dict[str, list[Body]] = _by_id(
            _group((o, b) for b in bodies for o in b.organisations)
        )
        self.posts_of: dict[str, list[Post]] = _by_id(_group((p.organisation, p) for p in posts))
        self.bodies_with_post: dict[str, list[Body]] = _by_id(
            _group((m.post, b) for b in bodies for m in b.members)
        )
        self.in_common: dict[str, list[Body]] = _by_id(_group((b.in_common, b) for b in bodies))
        self.delegations_from: dict[str, list[Delegation]] = _by_id(
            _group((d.from_, d) for d in delegations)
        )
        self.delegations_to: dict[str, list[Delegation]] = _by_id(
            _group((d.to, d) for d in delegations)
        )
        self.agreements_of: dict[str, list[Agreement]] = _by_id(
            _group((p, a) for a in agreements for p in a.parties)
        )
        #: Agreements by the bodies they establish, in file order.
        self.establishing: dict[str, list[Agreement]] = _group(
            (b, a) for a in agreements for b in a.bodies
        )
        self.contracts_of: dict[str, list[Contract]] = _by_id(
            _group((o, c) for c in contracts for o in (*c.commissioners, *c.providers))
        )
