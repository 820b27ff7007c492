"""Indexes of one model's records by what they point at, each built on first use.

:class:`~govmodel.model.governance.GovernanceModel` answers "which bodies belong to
this organisation?" and the like from these tables rather than by scanning its
records, so that every such question costs the size of its answer. The tables
hold records in the orders the model's methods promise (sorted by id, or file
order where that is what the caller sees), and each record once per key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from govmodel.model.records import Agreement, Body, Contract, Delegation, Post

__all__ = ["Index"]


class Records(Protocol):
    """What the index reads of a model."""

    @property
    def bodies(self) -> tuple[Body, ...]: ...
    @property
    def posts(self) -> tuple[Post, ...]: ...
    @property
    def delegations(self) -> tuple[Delegation, ...]: ...
    @property
    def agreements(self) -> tuple[Agreement, ...]: ...
    @property
    def contracts(self) -> tuple[Contract, ...]: ...
    def iter_records(self) -> Iterator[tuple[str, int, Any]]: ...


R = TypeVar("R")


def _group(records: Iterable[R], keys: Callable[[R], Iterable[str | None]]) -> dict[str, list[R]]:
    """``{key: [record, ...]}`` in the order given, each record once per key."""
    out: dict[str, list[R]] = {}
    for record in records:
        for key in keys(record):
            if key is None:
                continue
            found = out.get(key)
            if found is None:
                out[key] = [record]
            elif found[-1] is not record:
                found.append(record)
    return out


def _by_id(groups: dict[str, list[Any]]) -> dict[str, list[Any]]:
    for found in groups.values():
        if len(found) > 1:
            found.sort(key=lambda r: r.id)  # stable: records of one id keep their file order
    return groups


class Index:
    """The lookup tables of one model (see the module docstring)."""

    def __init__(self, model: Records) -> None:
        self._model = model

    @functools.cached_property
    def position(self) -> dict[str, tuple[str, int]]:
        """``id -> (collection, index)`` of the first record with that id."""
        out: dict[str, tuple[str, int]] = {}
        for collection, i, record in self._model.iter_records():
            out.setdefault(record.id, (collection, i))
        return out

    @functools.cached_property
    def bodies_of(self) -> dict[str, list[Body]]:
        """Bodies by organisation, sorted by id."""
        return _by_id(_group(self._model.bodies, lambda b: b.organisations))

    @functools.cached_property
    def posts_of(self) -> dict[str, list[Post]]:
        """Posts by their (first) organisation, sorted by id."""
        return _by_id(_group(self._model.posts, lambda p: (p.organisation,)))

    @functools.cached_property
    def bodies_with_post(self) -> dict[str, list[Body]]:
        """Bodies by the posts of their members, sorted by id."""
        return _by_id(_group(self._model.bodies, lambda b: [m.post for m in b.members]))

    @functools.cached_property
    def in_common(self) -> dict[str, list[Body]]:
        """Bodies by the committees-in-common group they name, sorted by id."""
        return _by_id(_group(self._model.bodies, lambda b: (b.in_common,)))

    @functools.cached_property
    def delegations_from(self) -> dict[str, list[Delegation]]:
        """Delegations by delegator, sorted by id."""
        return _by_id(_group(self._model.delegations, lambda d: (d.from_,)))

    @functools.cached_property
    def delegations_to(self) -> dict[str, list[Delegation]]:
        """Delegations by delegate, sorted by id."""
        return _by_id(_group(self._model.delegations, lambda d: (d.to,)))

    @functools.cached_property
    def agreements_of(self) -> dict[str, list[Agreement]]:
        """Agreements by party, sorted by id."""
        return _by_id(_group(self._model.agreements, lambda a: a.parties))

    @functools.cached_property
    def establishing(self) -> dict[str, list[Agreement]]:
        """Agreements by the bodies they establish, in file order."""
        return _group(self._model.agreements, lambda a: a.bodies)

    @functools.cached_property
    def contracts_of(self) -> dict[str, list[Contract]]:
        """Contracts by commissioner or provider, sorted by id."""
        return _by_id(_group(self._model.contracts, lambda c: (*c.commissioners, *c.providers)))
