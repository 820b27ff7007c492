"""The simple implementations the fast paths replaced, kept as references.

Each function here scans the records the obvious way (every body, every
delegation, for every question), as govmodel did before its lookups were
indexed and its answers kept. They are slow (quadratic on a large model) and
obviously right; ``tests/test_scaling.py`` proves with Hypothesis that the fast
paths give the same answers on random models.

- :class:`NaiveModel`: a model whose lookups scan its records and which keeps
  nothing (no dated model, no graph, no grants, no classification between calls);
- :func:`naive_grants`: the authority of every holder, propagated matter by matter
  from every statutory holder over every delegation in force;
- :class:`NaiveContext`: the checks' context over those scans;
- :func:`naive_check` and :func:`naive_trace`: the report and the trace worked out
  with all of the above.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from unittest import mock

import attrs

from govmodel.analysis import trace as trace_module
from govmodel.analysis.authority import Grant, _propagate
from govmodel.analysis.classify import Classification, classify
from govmodel.analysis.trace import Trace, trace
from govmodel.checks import engine
from govmodel.checks.context import Context
from govmodel.checks.report import Report
from govmodel.law.accountability import reserved_by_statute
from govmodel.law.parties import exists
from govmodel.law.verdicts import FormVerdict, forms
from govmodel.model.dates import as_date
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, FormId
from govmodel.model.records import (
    Agreement,
    Body,
    Contract,
    Delegation,
    Membership,
    Post,
)

__all__ = ["NaiveContext", "NaiveModel", "naive", "naive_check", "naive_grants", "naive_trace"]


class NaiveModel(GovernanceModel):
    """A model whose every lookup scans its records, and which keeps nothing."""

    def derived(self, key: str, build: Any) -> Any:
        return build()

    def on(self, on: date | str) -> GovernanceModel:
        on = as_date(on)
        return attrs.evolve(
            self,
            as_of=on,
            organisations=tuple(o for o in self.organisations if o.active_on(on)),
            bodies=tuple(
                attrs.evolve(b, members=tuple(m for m in b.members if m.active_on(on)))
                for b in self.bodies
                if b.active_on(on)
            ),
            posts=tuple(p for p in self.posts if p.active_on(on)),
            delegations=tuple(d for d in self.delegations if d.active_on(on)),
            agreements=tuple(a for a in self.agreements if a.active_on(on)),
            contracts=tuple(c for c in self.contracts if c.active_on(on)),
            locations={},
        )

    def location_of(self, id: str) -> Any:
        for collection, i, record in self.iter_records():
            if record.id == id:
                return self.locations.get((collection, i))
        return None

    def bodies_of(self, organisation: str) -> list[Body]:
        self.organisation(organisation)
        return sorted((b for b in self.bodies if organisation in b.organisations), key=_id)

    def posts_of(self, organisation: str) -> list[Post]:
        self.organisation(organisation)
        return sorted((p for p in self.posts if p.organisation == organisation), key=_id)

    def bodies_with_post(self, post: str) -> list[Body]:
        self.post(post)
        return sorted((b for b in self.bodies if any(m.post == post for m in b.members)), key=_id)

    def delegations_from(self, holder: str) -> list[Delegation]:
        return sorted((d for d in self.delegations if d.from_ == holder), key=_id)

    def delegations_to(self, holder: str) -> list[Delegation]:
        return sorted((d for d in self.delegations if d.to == holder), key=_id)

    def agreements_of(self, organisation: str) -> list[Agreement]:
        return sorted((a for a in self.agreements if organisation in a.parties), key=_id)

    def agreements_establishing(self, body: str) -> list[Agreement]:
        return [a for a in self.agreements if body in a.bodies]

    def contracts_of(self, organisation: str) -> list[Contract]:
        return sorted(
            (c for c in self.contracts if organisation in (*c.commissioners, *c.providers)),
            key=_id,
        )

    def _in_common(self, group: str) -> list[Body]:
        return sorted((b for b in self.bodies if b.in_common == group), key=_id)


def _id(record: Any) -> str:
    return str(record.id)


def naive(model: GovernanceModel) -> NaiveModel:
    """The same records in a :class:`NaiveModel`."""
    fields = {f.name: getattr(model, f.name) for f in attrs.fields(GovernanceModel) if f.init}
    return NaiveModel(**{k.lstrip("_"): v for k, v in fields.items()})


# -- authority ------------------------------------------------------------------------


def _statutory_holders(model: GovernanceModel, matter: str, on: date) -> list[tuple[str, str]]:
    out = []
    for org in model.organisations:
        if not org.active_on(on):
            continue
        mine = [b for b in model.bodies if org.id in b.organisations and b.active_on(on)]
        reserved = reserved_by_statute(org.type, matter, on)
        if reserved:
            holders = [b for b in mine if b.kind is reserved[0]]
        else:
            holders = [
                b
                for b in mine
                if b.kind in (BodyKind.BOARD, BodyKind.FULL_COUNCIL)
                and b.organisations == (org.id,)
            ]
        out += [(b.id, org.id) for b in sorted(holders, key=_id)]
    return sorted(out)


def naive_grants(model: GovernanceModel, on: date, *, matter: str | None = None) -> list[Grant]:
    """Every grant on ``on`` (of one matter if given), sorted, from scratch."""
    current = naive(model).on(on)
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
        # the propagation itself is the library's: what is new is what it is given
        starts = _statutory_holders(current, m, current.as_of)
        out += _propagate(current, m, [d for d in delegations if m in d.matters], starts)
    return sorted(out)


# -- checks ---------------------------------------------------------------------------


class NaiveContext(Context):
    """The checks' context, every question answered by a scan."""

    def bodies(self) -> Iterator[Body]:
        return (b for b in self.model.bodies if b.active_on(self.on))

    def delegations(self) -> Iterator[Delegation]:
        return (
            d
            for d in self.model.delegations
            if d.active_on(self.on) and self.active(d.from_) and self.active(d.to)
        )

    def delegations_to(self, holder: str) -> list[Delegation]:
        return [d for d in self.delegations() if d.to == holder]

    def members(self, body: Body) -> Iterator[tuple[int, Membership]]:
        return ((i, m) for i, m in enumerate(body.members) if m.active_on(self.on))

    def voting(self, body: Body) -> list[tuple[int, Membership]]:
        return [(i, m) for i, m in self.members(body) if m.voting]

    def active(self, id: str) -> bool:
        record = self.record(id)
        if record is None:
            return False
        active_on = getattr(record, "active_on", None)
        return True if active_on is None else bool(active_on(self.on))

    @property
    def grants(self) -> dict[tuple[str, str], list[Grant]]:  # type: ignore[override]
        out: dict[tuple[str, str], list[Grant]] = {}
        for g in naive_grants(self.model, self.on):
            out.setdefault((g.holder, g.matter), []).append(g)
        return out

    def held(self, holder: str, matter: str) -> list[Grant]:
        return self.grants.get((holder, matter), [])

    def decidable(self, matter: str) -> bool:
        return any(key[1] == matter for key in self.grants)

    def delegated_grants(self) -> dict[tuple[str, str], list[Grant]]:
        return self.grants

    def form_for(self, org_ids: Any, form: FormId) -> tuple[FormVerdict, list[str]]:
        orgs = [o for o in (self.organisation(i) for i in org_ids) if o]
        orgs = [o for o in orgs if o.active_on(self.on) and exists(o.type, self.on)]
        result = forms(orgs, on=self.on)
        verdict = result[form]
        barred = [p.id or p.name for p in result.parties if p.name not in verdict.eligible]
        return verdict, barred

    def classification(self, body: str) -> Classification | None:
        record = self.body(body)
        if record is None or not all(self.organisation(o) for o in record.organisations):
            return None
        return classify(self.model, body, on=self.on)


def naive_check(model: GovernanceModel, **options: Any) -> Report:
    """The report of :func:`govmodel.check`, every lookup a scan."""
    from govmodel.checks import check

    with mock.patch.object(engine, "Context", NaiveContext):
        return check(naive(model), **options)


def _naive_grants_of(model: GovernanceModel, on: date, holder: str, matter: str) -> list[Grant]:
    return [g for g in naive_grants(model, on, matter=matter) if g.holder == holder]


def naive_trace(model: GovernanceModel, subject: str, **options: Any) -> Trace:
    """The trace of :func:`govmodel.trace`, every lookup a scan and the authority breaks
    read from every grant."""
    with mock.patch.object(trace_module, "grants_of", _naive_grants_of):
        return trace(naive(model), subject, **options)
