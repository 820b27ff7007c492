"""The model as a graph: one per model, built on first use.

:func:`graph_of` gives the :class:`ModelGraph` of a model. It is built from the
records the first time something asks for it and kept with that model
(:meth:`~govmodel.model.governance.GovernanceModel.derived`), so building or
dating a model (:meth:`~govmodel.model.governance.GovernanceModel.on`) costs
nothing until a walk needs the graph. Its typed queries read tables of its
edges; the :class:`networkx.MultiDiGraph` of the same nodes and edges is made
only when :meth:`ModelGraph.to_networkx` is asked for one (a new graph each
time, the caller's to change), so a model of 60,000 records is not copied into
networkx for a question that does not need it.

Nodes are the records (organisations, bodies, posts, agreements, contracts),
with ``kind`` and ``label``; edges carry a ``relation``. The copy that
:meth:`ModelGraph.to_networkx` (and ``model.to_networkx()``) returns carries
every field as well: each node its record's fields (legal type with its
title and the citation that creates it, dates, ODS code...), each
``delegates_to`` edge its matters, limit, dates, instrument, onward
delegation, ratification and the citation of the power it rests on. Relations:

``part_of`` body -> organisation; ``member_of`` post -> body (``voting``,
``role``); ``reports_to`` body -> body; ``employed_by`` post -> organisation
(its own and those it is held jointly with); ``delegates_to`` holder -> holder
(keyed by the delegation id); ``party_to`` organisation -> agreement;
``establishes`` agreement -> body; ``commissions`` organisation -> contract;
``provided_by`` contract -> organisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.law.accountability import JOINT_BODY_RULE, governance_rule
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import get
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import Kind

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EdgeFilter", "ModelGraph", "graph_of"]

#: Decides whether an edge ``(source, target, key)`` takes part in a walk.
EdgeFilter = Callable[[str, str, str], bool]


def _every(source: str, target: str, key: str) -> bool:
    return True


class ModelGraph:
    """The records of one model as a graph, with typed queries.

    Wraps networkx rather than subclassing it, so nothing can add an edge that
    the records do not say.

    >>> import govmodel
    >>> g = graph_of(govmodel.examples.load("msecc-2020"))
    >>> g.delegations_to("msecc.board")
    ['eput-to-msecc', 'nelft-to-msecc', 'provide-to-msecc']
    """

    def __init__(self, model: GovernanceModel) -> None:
        self._model = model
        # The typed queries read these tables; the networkx graph itself is built only
        # when a copy is asked for (to_networkx), from the same edges.
        edges = {(source, target, key): data for source, target, key, data in _edges(model)}
        self._by_relation: dict[str, list[tuple[str, str, str]]] = {}
        for edge, data in edges.items():
            self._by_relation.setdefault(data["relation"], []).append(edge)
        self._by_key: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for relation, found in self._by_relation.items():
            for edge in found:
                self._by_key.setdefault((relation, edge[2]), []).append(edge)
        self._delegations_to: dict[str, list[str]] = {}
        for _, target, key in self._by_relation.get("delegates_to", ()):
            self._delegations_to.setdefault(target, []).append(key)
        for keys in self._delegations_to.values():
            keys.sort()

    def to_networkx(self) -> nx.MultiDiGraph:  # type: ignore[type-arg]
        """A copy of the graph with every field of every record as attributes, the
        caller's to change.

        >>> import govmodel
        >>> g = govmodel.examples.load("msecc-2020").to_networkx()
        >>> g.nodes["eput"]["type"], g.nodes["eput"]["legal_basis"]
        ('nhs_foundation_trust', 'NHS Act 2006 s.30 and Sch 7')
        >>> edge = g.edges["eput.board", "msecc.board", "eput-to-msecc"]
        >>> edge["matters"], edge["limit"], edge["citation"]
        (('msecc_collaborative_decisions',), None, 'NHS Act 2006 Sch 7 para 15(2)-(3)')
        """
        graph = _build(self._model)
        _attribute(graph, self._model)
        return graph

    def delegations_to(self, holder: str) -> list[str]:
        """Ids of the delegations that reach ``holder``, sorted."""
        return list(self._delegations_to.get(holder, ()))

    def cycles(
        self, relation: str, *, keep: EdgeFilter = _every, keys: Iterable[str] | None = None
    ) -> list[list[str]]:
        """Groups of nodes that the ``relation`` edges accepted by ``keep`` join in a
        loop (strongly connected, or one node with an edge to itself). With ``keys``,
        only the edges with those keys (delegation ids, say) are looked at.

        Each group is sorted, and the groups are in sorted order.
        """
        edges = (
            self._by_relation.get(relation, ())
            if keys is None
            else [e for k in dict.fromkeys(keys) for e in self._by_key.get((relation, k), ())]
        )
        import networkx as nx

        sub: nx.DiGraph[str] = nx.DiGraph()
        for source, target, key in edges:
            if keep(source, target, key):
                sub.add_edge(source, target)
        groups = sorted(sorted(c) for c in nx.strongly_connected_components(sub))
        return [g for g in groups if len(g) > 1 or sub.has_edge(g[0], g[0])]


def graph_of(model: GovernanceModel) -> ModelGraph:
    """The graph of ``model``, built once and kept with it."""
    return model.derived("graph", lambda: ModelGraph(model))


def _build(model: GovernanceModel) -> nx.MultiDiGraph:  # type: ignore[type-arg]
    import networkx as nx

    g: nx.MultiDiGraph = nx.MultiDiGraph()  # type: ignore[type-arg]
    for node, target, key, data in _parts(model):
        if key is None:
            g.add_node(node, **data)
        else:
            g.add_edge(node, target, key=key, **data)
    return g


def _edges(model: GovernanceModel) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every edge as ``(source, target, key, attributes)``; a repeated
    ``(source, target, key)`` is the same edge (its attributes updated)."""
    for source, target, key, data in _parts(model):
        if key is not None:
            yield source, target, key, data


_Part = tuple[str, str, str | None, dict[str, Any]]


def _parts(model: GovernanceModel) -> Iterator[_Part]:
    """The graph's nodes ``(id, "", None, attributes)`` and edges ``(source, target, key,
    attributes)``, in the order they are added (an edge adds a node it names first)."""
    for o in model.organisations:
        yield o.id, "", None, {"kind": "organisation", "label": o.label}
    for b in model.bodies:
        yield b.id, "", None, {"kind": "body", "label": b.name}
        for org in b.organisations:
            yield b.id, org, f"part_of:{org}", {"relation": "part_of"}
        for m in b.members:
            if m.post:
                yield (
                    m.post,
                    b.id,
                    f"member_of:{b.id}",
                    {"relation": "member_of", "voting": m.voting, "role": m.role.value},
                )
        for target in b.reports_to:
            yield b.id, target, f"reports_to:{target}", {"relation": "reports_to"}
    for p in model.posts:
        yield p.id, "", None, {"kind": "post", "label": p.title}
        for employer in p.organisations:
            yield p.id, employer, f"employed_by:{employer}", {"relation": "employed_by"}
    for d in model.delegations:
        yield d.from_, d.to, d.id, {"relation": "delegates_to", "delegation": d.id}
    for a in model.agreements:
        yield a.id, "", None, {"kind": "agreement", "label": a.name}
        for party in a.parties:
            yield party, a.id, f"party_to:{a.id}", {"relation": "party_to"}
        for body in a.bodies:
            yield a.id, body, f"establishes:{body}", {"relation": "establishes"}
    for c in model.contracts:
        yield c.id, "", None, {"kind": "contract", "label": c.name}
        for org in c.commissioners:
            yield org, c.id, f"commissions:{c.id}", {"relation": "commissions"}
        for org in c.providers:
            yield c.id, org, f"provided_by:{org}", {"relation": "provided_by"}


def _fields(record: Any, *, skip: tuple[str, ...] = (), kind: str = "") -> dict[str, Any]:
    """A record's fields as graph attributes: kinds as their ids, lists as tuples,
    dates as dates. A record's own ``kind`` is written ``body_kind`` (say), since
    the node's ``kind`` says what record it is."""
    out: dict[str, Any] = {}
    for f in attrs.fields(type(record)):
        if f.name in ("id", *skip):
            continue
        value = getattr(record, f.name)
        key = f"{kind}_kind" if f.name == "kind" and kind else str(f.metadata.get("key", f.name))
        out[key] = value.value if isinstance(value, Kind) else value
    return out


def _power(model: GovernanceModel, holder: str) -> tuple[str, str]:
    """The citation of the power a holder delegates under: its organisation's own rule,
    or the joint-working rule for a body of several organisations."""
    orgs = model.organisations_of(holder) if holder in model else ()
    party = model.organisation(orgs[0]).type if len(orgs) == 1 and orgs[0] in model else None
    citation = get(governance_rule(party) if party else JOINT_BODY_RULE).citation
    return citation.text, citation.url


def _attribute(g: nx.MultiDiGraph, model: GovernanceModel) -> None:  # type: ignore[type-arg]
    for o in model.organisations:
        info = PARTY_TYPES[o.type]
        g.nodes[o.id].update(
            _fields(o),
            party_type=info.title,
            legal_basis=info.created_by.text,
            legal_basis_url=info.created_by.url,
        )
    for b in model.bodies:
        g.nodes[b.id].update(_fields(b, skip=("members",), kind="body"))
        for m in b.members:
            if m.post and g.has_edge(m.post, b.id, f"member_of:{b.id}"):
                g.edges[m.post, b.id, f"member_of:{b.id}"].update(_fields(m, skip=("post",)))
    for p in model.posts:
        g.nodes[p.id].update(_fields(p, kind="post"))
    for a in model.agreements:
        g.nodes[a.id].update(_fields(a, kind="agreement"))
    for c in model.contracts:
        g.nodes[c.id].update(_fields(c, kind="contract"))
    for d in model.delegations:
        text, url = _power(model, d.from_)
        names = tuple(model.matter(m).name if m in model else m for m in d.matters)
        g.edges[d.from_, d.to, d.id].update(
            _fields(d, skip=("from_", "to")),
            matter_names=names,
            citation=text,
            citation_url=url,
        )
    for node, data in g.nodes(data=True):
        if "kind" not in data:  # referred to but not in the model
            data.update(kind="missing", label=node)
