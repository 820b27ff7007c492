"""Build a model in Python, one record at a time, with the loader's checks.

>>> from govmodel import Builder
>>> model = (Builder("Two trusts", as_of="2023-04-01")
...          .organisation("a", "Alpha NHS Foundation Trust", "ft", ods="RXX")
...          .organisation("b", "Beta NHS Trust", "trust")
...          .body("a.board", "Alpha board of directors", "board", organisations="a")
...          .build())
>>> model.organisation("b").type.value
'nhs_trust'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Self

import attrs

from govmodel.errors import ModelError
from govmodel.model.governance import COLLECTIONS, GovernanceModel
from govmodel.model.records import (
    Agreement,
    Assumption,
    Body,
    Contract,
    Delegation,
    Expectation,
    Matter,
    Membership,
    Organisation,
    Post,
    StatedFact,
)

__all__ = ["Builder"]


class Builder:
    """Collects records and builds a checked :class:`GovernanceModel`.

    Every method returns the builder, so calls chain. :meth:`build` runs the
    same checks as loading a file (unique ids, references that resolve,
    periods in order) and raises one :class:`~govmodel.errors.ModelError`
    listing every problem.
    """

    def __init__(
        self,
        name: str,
        *,
        as_of: date | str,
        description: str | None = None,
        partners: Iterable[str] = (),
    ):
        self._top: dict[str, Any] = {
            "name": name,
            "as_of": as_of,
            "description": description,
            "partners": list(partners),
            "notes": [],
            "sources": [],
            "ignore": [],
            "expected": [],
            "facts": [],
        }
        self._records: dict[str, list[Any]] = {collection: [] for collection in COLLECTIONS}
        self._assumed: tuple[Assumption, ...] = ()

    @classmethod
    def from_model(cls, model: GovernanceModel) -> Builder:
        """A builder holding everything ``model`` holds (every record with every field,
        and the top-level lists: notes, sources, ignored codes, expected findings,
        stated facts), to extend or amend it; :meth:`build` gives back an equal model.
        What the model assumed (a what-if) is kept too."""
        b = cls(model.name, as_of=model.as_of)
        for field in attrs.fields(GovernanceModel):
            if not field.init or field.name in ("source", "locations", "assumed"):
                continue
            value = getattr(model, field.name)
            if field.name in COLLECTIONS:
                b._records[field.name] = list(value)
            else:
                b._top[field.name] = list(value) if isinstance(value, tuple) else value
        b._assumed = model.assumed
        return b

    def organisation(self, id: str, name: str, type: str, **fields: Any) -> Self:
        """Add an :class:`~govmodel.model.records.Organisation`."""
        self._records["organisations"].append(Organisation(id, name, type, **fields))
        return self

    def body(
        self, id: str, name: str, kind: str, *, organisations: str | Iterable[str], **fields: Any
    ) -> Self:
        """Add a :class:`~govmodel.model.records.Body`."""
        self._records["bodies"].append(Body(id, name, kind, organisations, **fields))
        return self

    def post(
        self, id: str, title: str, kind: str, *, organisation: str | None = None, **fields: Any
    ) -> Self:
        """Add a :class:`~govmodel.model.records.Post`."""
        self._records["posts"].append(Post(id, title, kind, organisation, **fields))
        return self

    def member(self, body: str, post: str | None = None, **fields: Any) -> Self:
        """Seat ``post`` (or ``person=...``) on the body ``body``, added earlier."""
        bodies = self._records["bodies"]
        for i, existing in enumerate(bodies):
            if existing.id == body:
                members = (*existing.members, Membership(post, **fields))
                bodies[i] = attrs.evolve(existing, members=members)
                return self
        raise KeyError(f"add the body {body!r} before seating members on it")

    def matter(self, id: str, name: str, **fields: Any) -> Self:
        """Add a model-specific :class:`~govmodel.model.records.Matter`."""
        self._records["matters"].append(Matter(id, name, **fields))
        return self

    def delegate(
        self,
        from_: str,
        to: str,
        matters: str | Iterable[str],
        *,
        id: str | None = None,
        **fields: Any,
    ) -> Self:
        """Add a :class:`~govmodel.model.records.Delegation` (id made up if not given)."""
        did = id or f"{from_}--{to}"
        taken = {d.id for d in self._records["delegations"]}
        n = 2
        while did in taken:
            did, n = f"{from_}--{to}-{n}", n + 1
        self._records["delegations"].append(Delegation(did, from_, to, matters, **fields))
        return self

    def agreement(
        self, id: str, name: str, kind: str, *, parties: Iterable[str], **fields: Any
    ) -> Self:
        """Add an :class:`~govmodel.model.records.Agreement`."""
        self._records["agreements"].append(Agreement(id, name, kind, tuple(parties), **fields))
        return self

    def contract(
        self,
        id: str,
        name: str,
        *,
        commissioners: str | Iterable[str],
        providers: str | Iterable[str],
        **fields: Any,
    ) -> Self:
        """Add a :class:`~govmodel.model.records.Contract`."""
        self._records["contracts"].append(Contract(id, name, commissioners, providers, **fields))
        return self

    def note(self, text: str) -> Self:
        """Record a gap or caveat about the model."""
        self._top["notes"].append(text)
        return self

    def source(self, text: str) -> Self:
        """Name a document the model was built from."""
        self._top["sources"].append(text)
        return self

    def ignore(self, code: str) -> Self:
        """Leave findings with this code out of ``check`` reports."""
        self._top["ignore"].append(code)
        return self

    def expect(self, code: str, reason: str, *, subjects: str | Iterable[str] = ()) -> Self:
        """Record a finding of ``check`` the authors expect (reported, never failing)."""
        self._top["expected"].append(Expectation(code, reason, subjects=subjects))
        return self

    def fact(
        self,
        fact: str,
        value: bool,
        *,
        organisation: str | None = None,
        source: str | None = None,
    ) -> Self:
        """State a fact the rulebook's conditions read (``govmodel rules --facts``)."""
        self._top["facts"].append(StatedFact(fact, value, organisation=organisation, source=source))
        return self

    def build(self) -> GovernanceModel:
        """The checked model; raises :class:`~govmodel.errors.ModelError` on problems."""
        from govmodel.io.convert import from_plain, to_document
        from govmodel.io.validate import problems_in

        fields: dict[str, Any] = {k: v for k, v in self._top.items() if v is not None}
        fields.update(self._records)
        draft = GovernanceModel(**fields)
        plain = to_document(draft)
        problems = problems_in(plain)
        if problems:
            raise ModelError(problems, source=f"Builder({self._top['name']!r})")
        return attrs.evolve(from_plain(plain), assumed=self._assumed)
