"""The governance model: the records of one arrangement and their id lookups.

:class:`GovernanceModel` holds the records, indexes them by id and answers
what the records themselves say (which bodies belong to an organisation,
which delegations reach a body). It knows nothing of graphs, law or drawing:
its convenience methods (:meth:`~GovernanceModel.forms`,
:meth:`~GovernanceModel.classify`, :meth:`~GovernanceModel.to_networkx`,
:meth:`~GovernanceModel.summary` and the notebook display) are thin façades
that import the layer above them when called.
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import attrs

from govmodel.errors import NoSuchRecord
from govmodel.locations import Location
from govmodel.model.dates import as_date
from govmodel.model.index import Index
from govmodel.model.kinds import BodyKind, closest
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.policies import Policy, PolicyInclude, PolicySet
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
    ReportingLine,
    StatedFact,
)

if TYPE_CHECKING:
    import networkx as nx

    from govmodel.analysis.classify import Classification
    from govmodel.analysis.forms import FormsResult

__all__ = [
    "COLLECTIONS",
    "DATES_KEPT",
    "KIND_OF_COLLECTION",
    "Component",
    "GovernanceModel",
    "RecordKind",
]

#: How many dated models (:meth:`GovernanceModel.on`) a model keeps, the most recently
#: asked for: a question asked again on the same date reuses the views derived from
#: them, and a walk through many dates does not hold a copy of the model for each.
DATES_KEPT = 8


@attrs.frozen
class Component:
    """One organisation's own committee in a committees-in-common group.

    ``body`` is the component's own body (one that names the group in ``in_common``),
    or ``None`` where the model records the organisation's members on the group itself.
    """

    organisation: str
    body: str | None
    members: tuple[Membership, ...]


T = TypeVar("T")

RecordKind = Literal[
    "organisation", "body", "post", "delegation", "agreement", "contract", "matter"
]

#: Model-file collections, in file order, with the record class each holds.
COLLECTIONS: dict[str, type] = {
    "organisations": Organisation,
    "bodies": Body,
    "posts": Post,
    "matters": Matter,
    "delegations": Delegation,
    "agreements": Agreement,
    "contracts": Contract,
}

#: The kind of record each collection holds (``"bodies"`` -> ``"body"``).
KIND_OF_COLLECTION: dict[str, RecordKind] = {
    "organisations": "organisation",
    "bodies": "body",
    "posts": "post",
    "matters": "matter",
    "delegations": "delegation",
    "agreements": "agreement",
    "contracts": "contract",
}


#: Fields that say where a model came from, not what it holds: left out of equality.
_PROVENANCE = ("source", "assumed", "locations", "included")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _as_date(value: date | str) -> date:
    return as_date(value, "as_of")


@attrs.frozen(eq=False)
class GovernanceModel:
    """One governance arrangement: organisations, bodies, posts, delegations...

    Build one with :func:`govmodel.load`, :func:`govmodel.examples.load` or
    :class:`govmodel.Builder`. Records are immutable; a model on another date
    comes from :meth:`on`.

    Examples
    --------
    >>> import govmodel
    >>> m = govmodel.examples.load("msecc-2020")
    >>> m.organisation("eput").ods
    'R1L'
    >>> [b.id for b in m.bodies_of("provide")][:2]
    ['msecc.board', 'msecc.clinical_reference_group']
    """

    name: str
    as_of: date = attrs.field(converter=_as_date)
    description: str | None = None
    partners: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple)
    organisations: tuple[Organisation, ...] = attrs.field(factory=tuple, converter=_tuple)
    bodies: tuple[Body, ...] = attrs.field(factory=tuple, converter=_tuple)
    posts: tuple[Post, ...] = attrs.field(factory=tuple, converter=_tuple)
    matters: tuple[Matter, ...] = attrs.field(factory=tuple, converter=_tuple)
    delegations: tuple[Delegation, ...] = attrs.field(factory=tuple, converter=_tuple)
    agreements: tuple[Agreement, ...] = attrs.field(factory=tuple, converter=_tuple)
    contracts: tuple[Contract, ...] = attrs.field(factory=tuple, converter=_tuple)
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple)
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple)
    ignore: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple)
    expected: tuple[Expectation, ...] = attrs.field(factory=tuple, converter=_tuple)
    facts: tuple[StatedFact, ...] = attrs.field(factory=tuple, converter=_tuple)
    policies: tuple[Policy | PolicyInclude, ...] = attrs.field(factory=tuple, converter=_tuple)
    source: str | None = attrs.field(default=None, kw_only=True)
    #: The policy files the model's ``policies:`` names, as the file loader read them.
    included: tuple[PolicySet, ...] = attrs.field(factory=tuple, kw_only=True, repr=False)
    assumed: tuple[Assumption, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=_tuple, repr=False
    )
    locations: Mapping[tuple[str | int, ...], Location] = attrs.field(
        factory=dict, kw_only=True, repr=False
    )
    _derived: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)
    _records: dict[str, tuple[RecordKind, Any]] | None = attrs.field(
        init=False, default=None, repr=False
    )

    @property
    def _index(self) -> dict[str, tuple[RecordKind, Any]]:
        """``id -> (kind, record)`` for every record and the standard matters (the last
        record of an id wins), built on the first lookup: a model made and never asked
        about (a dated model's parent, a what-if's base) costs nothing to index."""
        return self._records or self._index_records()

    def _index_records(self) -> dict[str, tuple[RecordKind, Any]]:
        found: dict[str, tuple[RecordKind, Any]] = {
            matter.id: ("matter", matter) for matter in STANDARD_MATTERS
        }
        for collection, kind in KIND_OF_COLLECTION.items():
            for record in getattr(self, collection):
                found[record.id] = (kind, record)
        object.__setattr__(self, "_records", found)
        return found

    # -- equality: the data, not where it came from --------------------------------------

    def _data(self) -> tuple[Any, ...]:
        return tuple(
            getattr(self, f.name)
            for f in attrs.fields(GovernanceModel)
            if f.init and f.name not in _PROVENANCE
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GovernanceModel):
            return NotImplemented
        return self._data() == other._data()

    def __hash__(self) -> int:
        return hash(self._data())

    # -- lookups -------------------------------------------------------------------------

    def kind_of(self, id: str) -> RecordKind:
        """The kind of record ``id`` names; raises :class:`NoSuchRecord` if none."""
        if id not in self._index:
            raise NoSuchRecord("record", id, closest(id, self._index))
        return self._index[id][0]

    def __contains__(self, id: object) -> bool:
        return id in (self._records or self._index_records())

    def _get(self, kind: RecordKind, id: str) -> Any:
        found = (self._records or self._index_records()).get(id)
        if found is None or found[0] != kind:
            pool = [k for k, (kd, _) in self._index.items() if kd == kind]
            raise NoSuchRecord(kind, id, closest(id, pool))
        return found[1]

    def organisation(self, id: str) -> Organisation:
        """The organisation ``id``."""
        result: Organisation = self._get("organisation", id)
        return result

    def body(self, id: str) -> Body:
        """The body ``id``."""
        result: Body = self._get("body", id)
        return result

    def post(self, id: str) -> Post:
        """The post ``id``."""
        result: Post = self._get("post", id)
        return result

    def delegation(self, id: str) -> Delegation:
        """The delegation ``id``."""
        result: Delegation = self._get("delegation", id)
        return result

    def agreement(self, id: str) -> Agreement:
        """The agreement ``id``."""
        result: Agreement = self._get("agreement", id)
        return result

    def contract(self, id: str) -> Contract:
        """The contract ``id``."""
        result: Contract = self._get("contract", id)
        return result

    def matter(self, id: str) -> Matter:
        """The matter ``id``, from the model's own matters or the standard vocabulary."""
        result: Matter = self._get("matter", id)
        return result

    def all_matters(self) -> tuple[Matter, ...]:
        """Standard matters followed by the model's own, each id once."""
        own = {m.id for m in self.matters}
        return tuple(m for m in STANDARD_MATTERS if m.id not in own) + self.matters

    def ids(self, kind: RecordKind | None = None) -> list[str]:
        """Sorted ids in the model (of one kind if given; standard matters excluded)."""
        standard = {m.id for m in STANDARD_MATTERS} - {m.id for m in self.matters}
        return sorted(
            k
            for k, (kd, _) in self._index.items()
            if (kind is None or kd == kind) and k not in standard
        )

    def path_of(self, id: str) -> tuple[str, int] | None:
        """``(collection, index)`` of the record ``id`` in the model (the first, if an id
        were used twice), or ``None``: the key path its file location is kept under."""
        return self._lookups.position.get(id)

    def location_of(self, id: str) -> Location | None:
        """File location of the record ``id`` when the model came from a file."""
        at = self._lookups.position.get(id)
        return None if at is None else self.locations.get(at)

    def record(self, id: str) -> Any:
        """The record ``id`` of any kind (standard matters included), or ``None``."""
        found = (self._records or self._index_records()).get(id)
        return None if found is None else found[1]

    @property
    def _lookups(self) -> Index:
        return self.derived("index", lambda: Index(self))

    def policy_sets(self) -> tuple[PolicySet, ...]:
        """The model's local policies: its own (``policies:``), then each policy file it
        names, in order (see :mod:`govmodel.model.policies`)."""
        own = [(i, p) for i, p in enumerate(self.policies) if isinstance(p, Policy)]
        inline = PolicySet(
            policies=tuple(p for _, p in own),
            paths=tuple(("policies", i) for i, _ in own),
            file=self.source,
            locations=self.locations,
        )
        return (inline, *self.included) if own else self.included

    # -- relationships -------------------------------------------------------------------

    def organisations_of(self, holder: str) -> tuple[str, ...]:
        """Organisations a body belongs to, or that hold a post (with ``joint_with``).

        >>> import govmodel
        >>> govmodel.examples.load("msecc-2023").organisations_of("msecc.partnership_director_1")
        ('thurrock_council',)
        """
        kind = self.kind_of(holder)
        if kind == "body":
            return self.body(holder).organisations
        if kind == "post":
            return self.post(holder).organisations
        if kind == "organisation":
            return (holder,)
        raise NoSuchRecord("body or post", holder, closest(holder, self.ids("body")))

    def components(self, group: str) -> tuple[Component, ...]:
        """Each organisation's own committee in a committees-in-common ``group``.

        A component is either a body of its own that names the group in ``in_common``
        (one organisation's committee, with its own members and quorum), or, where the
        model records members on the group itself, those members who sit for that
        organisation (``on_behalf_of``, else the organisation of their post). Every
        organisation of the group has a component, possibly empty.

        >>> import govmodel
        >>> m = govmodel.examples.load("msecc-2020")
        >>> [c.organisation for c in m.components("msecc.board")]
        ['eput', 'nelft', 'provide']
        """
        record = self.body(group)
        explicit = {
            b.organisations[0]: b for b in self._in_common(group) if len(b.organisations) == 1
        }
        out = []
        for org in record.organisations:
            own = tuple(m for m in record.members if self._member_org(m) == org)
            body = explicit.get(org)
            out.append(
                Component(org, body.id if body else None, own + (body.members if body else ()))
            )
        return tuple(out)

    def _in_common(self, group: str) -> list[Body]:
        """The bodies that name ``group`` in ``in_common``, sorted by id."""
        return self._lookups.in_common.get(group, [])

    def _member_org(self, member: Membership) -> str | None:
        if member.on_behalf_of:
            return member.on_behalf_of
        if member.post and self.kind_of(member.post) == "post":
            orgs = self.post(member.post).organisations
            return orgs[0] if orgs else None
        return None

    def bodies_of(self, organisation: str) -> list[Body]:
        """Bodies belonging (wholly or jointly) to ``organisation``, sorted by id."""
        self.organisation(organisation)
        return list(self._lookups.bodies_of.get(organisation, ()))

    def posts_of(self, organisation: str) -> list[Post]:
        """Posts of ``organisation``, sorted by id."""
        self.organisation(organisation)
        return list(self._lookups.posts_of.get(organisation, ()))

    def boards_of(self, organisation: str) -> list[Body]:
        """The organisation's own governing boards (kind ``board`` or ``full_council``)."""
        return [
            b
            for b in self.bodies_of(organisation)
            if b.kind in (BodyKind.BOARD, BodyKind.FULL_COUNCIL)
            and b.organisations == (organisation,)
        ]

    def bodies_with_post(self, post: str) -> list[Body]:
        """Bodies on which ``post`` sits, sorted by id."""
        self.post(post)
        return list(self._lookups.bodies_with_post.get(post, ()))

    def delegations_from(self, holder: str) -> list[Delegation]:
        """Delegations made by ``holder``, sorted by id."""
        return list(self._lookups.delegations_from.get(holder, ()))

    def delegations_to(self, holder: str) -> list[Delegation]:
        """Delegations received by ``holder``, sorted by id."""
        return list(self._lookups.delegations_to.get(holder, ()))

    def reporting_lines(self) -> list[ReportingLine]:
        """Every reporting line, sorted."""
        return sorted(
            (ReportingLine(b.id, t) for b in self.bodies for t in b.reports_to),
            key=lambda r: (r.source, r.target),
        )

    def agreements_of(self, organisation: str) -> list[Agreement]:
        """Agreements ``organisation`` is party to, sorted by id."""
        return list(self._lookups.agreements_of.get(organisation, ()))

    def agreements_establishing(self, body: str) -> list[Agreement]:
        """Agreements that establish ``body``, in file order."""
        return list(self._lookups.establishing.get(body, ()))

    def contracts_of(self, organisation: str) -> list[Contract]:
        """Contracts ``organisation`` commissions or provides, sorted by id."""
        return list(self._lookups.contracts_of.get(organisation, ()))

    def iter_records(self) -> Iterator[tuple[str, int, Any]]:
        """Yield ``(collection, index, record)`` for every record, in file order."""
        for collection in COLLECTIONS:
            for i, record in enumerate(getattr(self, collection)):
                yield collection, i, record

    # -- dates ---------------------------------------------------------------------------

    def resolve_on(self, on: date | str | None = None) -> date:
        """The date a question is asked on: ``on`` as a date, or the model's own
        ``as_of`` when ``on`` is ``None``.

        Every legal answer is as of a date; this is the one place the default is set.

        >>> import govmodel
        >>> m = govmodel.examples.load("msecc-2020")
        >>> m.resolve_on(), m.resolve_on("2022-07-01")
        (datetime.date(2020, 9, 1), datetime.date(2022, 7, 1))
        """
        return self.as_of if on is None else as_date(on)

    def day(self, on: date | str | None = None) -> date:
        """Deprecated name of :meth:`resolve_on`."""
        warnings.warn(
            "GovernanceModel.day() is deprecated; use resolve_on()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.resolve_on(on)

    def on(self, on: date | str) -> GovernanceModel:
        """The model as it stood on ``on``: only records active that day.

        Memberships are filtered too; references to records that had ended are
        left in place (a check reports them), so nothing silently disappears.
        The dated model is made once per date and kept, with the views derived
        from it, for the last :data:`DATES_KEPT` dates asked about.

        >>> import govmodel
        >>> m = govmodel.examples.load("msecc-2020")
        >>> m.on("2021-04-01") is m.on("2021-04-01")
        True
        """
        on = as_date(on)
        kept: OrderedDict[date, GovernanceModel] = self.derived("on", OrderedDict)
        if on in kept:
            kept.move_to_end(on)
        else:
            kept[on] = self._dated(on)
            while len(kept) > DATES_KEPT:
                kept.popitem(last=False)
        return kept[on]

    def _dated(self, on: date) -> GovernanceModel:
        bodies = tuple(
            b
            if all(m.active_on(on) for m in b.members)
            else attrs.evolve(b, members=tuple(m for m in b.members if m.active_on(on)))
            for b in self.bodies
            if b.active_on(on)
        )
        return attrs.evolve(
            self,
            as_of=on,
            organisations=tuple(o for o in self.organisations if o.active_on(on)),
            bodies=bodies,
            posts=tuple(p for p in self.posts if p.active_on(on)),
            delegations=tuple(d for d in self.delegations if d.active_on(on)),
            agreements=tuple(a for a in self.agreements if a.active_on(on)),
            contracts=tuple(c for c in self.contracts if c.active_on(on)),
            locations={},
        )

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A view derived from the records, built by ``build`` on first use and kept
        with this model (the layers above keep their graph here, say).

        The model does not know what the view is; a model from :meth:`on` starts
        with none, so a view never outlives the records it was built from.
        """
        if key not in self._derived:
            self._derived[key] = build()
        return cast(T, self._derived[key])

    # -- façades: the layers above, imported when called ----------------------------------

    def assume(
        self,
        changes: Mapping[str, Any] | None = None,
        *,
        facts: Mapping[str, bool] | None = None,
    ) -> GovernanceModel:
        """A what-if: this model with the fields in ``changes`` set, and ``facts``
        stated, checked as a loaded file is; the file is not touched.

        ``changes`` maps ``ID.FIELD`` (or a top-level key such as ``partners``) to
        the value; ``facts`` maps ``FACT`` or ``FACT@ORGANISATION`` to yes or no. The
        new model's :attr:`assumed` lists what was assumed, and every answer about
        it says so. A bad id, field or value raises one
        :class:`~govmodel.errors.ModelError` listing every problem.
        (:func:`govmodel.io.assume.assume`; façade.)

        >>> import govmodel
        >>> m = govmodel.examples.load("msecc-2020").assume({"provide.type": "nhs_trust"})
        >>> m.organisation("provide").type.value, [str(a) for a in m.assumed]
        ('nhs_trust', ['provide.type = nhs_trust (was community_interest_company)'])
        """
        from govmodel.io.assume import Change, FactChange, assume

        return assume(
            self,
            [Change.of(target, value) for target, value in (changes or {}).items()],
            [FactChange.of(target, value) for target, value in (facts or {}).items()],
        )

    def to_networkx(self) -> nx.MultiDiGraph:  # type: ignore[type-arg]
        """A copy of the model's graph (nodes: records; edges: ``relation`` attribute);
        see :func:`govmodel.graph.graph_of`."""
        from govmodel.graph import graph_of

        return graph_of(self).to_networkx()

    def forms(self, *, on: date | str | None = None) -> FormsResult:
        """Verdict for every governance form among this model's partners
        (:func:`govmodel.forms` of the model)."""
        from govmodel.analysis.forms import forms

        return forms(self, on=on)

    def classify(self, body: str | Body, *, on: date | str | None = None) -> Classification:
        """What the multi-party body ``body`` is in law on ``on`` (default ``as_of``);
        :func:`govmodel.classify` of the model."""
        from govmodel.analysis.classify import classify

        return classify(self, body, on=on)

    # -- display -------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"<GovernanceModel {self.name!r} as of {self.as_of.isoformat()}: "
            f"{len(self.organisations)} organisations, {len(self.bodies)} bodies, "
            f"{len(self.posts)} posts, {len(self.delegations)} delegations"
            f"{f', what-if: {len(self.assumed)} assumed' if self.assumed else ''}>"
        )

    def summary(self) -> str:
        """A plain-text summary (what ``govmodel show`` prints; façade)."""
        from govmodel.render.text import model_summary

        return model_summary(self)

    def _repr_html_(self) -> str:
        from govmodel.render.notebook import model_html

        return model_html(self)
