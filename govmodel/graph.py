"""The model as a graph: one private networkx graph per model, built on first use.

:func:`graph_of` gives the :class:`ModelGraph` of a model. It is built from the
records the first time something asks for it and kept with that model
(:meth:`~govmodel.model.governance.GovernanceModel.derived`), so building or
dating a model (:meth:`~govmodel.model.governance.GovernanceModel.on`) costs
nothing until a walk needs the graph. The graph is never exposed for mutation:
:meth:`ModelGraph.to_networkx` returns a copy.

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

from collections.abc import Callable
from typing import Any

import attrs
import networkx as nx

from govmodel.law.accountability import JOINT_BODY_RULE, governance_rule
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import get
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import Kind

__all__ = ["EdgeFilter", "ModelGraph", "graph_of"]

#: Decides whether an edge ``(source, target, key)`` takes part in a walk.
EdgeFilter = Callable[[str, str, str], bool]


def _every(source: str, target: str, key: str) -> bool:
    return True


class ModelGraph:
    """The records of one model as a :class:`networkx.MultiDiGraph`, with typed queries.

    Wraps networkx rather than subclassing it, so nothing can add an edge that
    the records do not say.

    >>> import govmodel
    >>> g = graph_of(govmodel.examples.load("msecc-2020"))
    >>> g.delegations_to("msecc.board")
    ['eput-to-msecc', 'nelft-to-msecc', 'provide-to-msecc']
    """

    def __init__(self, model: GovernanceModel) -> None:
        self._model = model
        self._graph = _build(model)
        self._by_relation: dict[str, list[tuple[str, str, str]]] = {}
        for source, target, key, data in self._graph.edges(keys=True, data=True):
            self._by_relation.setdefault(data["relation"], []).append((source, target, key))
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
        graph = self._graph.copy()
        _attribute(graph, self._model)
        return graph

    def delegations_to(self, holder: str) -> list[str]:
        """Ids of the delegations that reach ``holder``, sorted."""
        return list(self._delegations_to.get(holder, ()))

    def cycles(self, relation: str, *, keep: EdgeFilter = _every) -> list[list[str]]:
        """Groups of nodes that the ``relation`` edges accepted by ``keep`` join in a
        loop (strongly connected, or one node with an edge to itself).

        Each group is sorted, and the groups are in sorted order.
        """
        sub: nx.DiGraph[str] = nx.DiGraph()
        for source, target, key in self._by_relation.get(relation, ()):
            if keep(source, target, key):
                sub.add_edge(source, target)
        groups = sorted(sorted(c) for c in nx.strongly_connected_components(sub))
        return [g for g in groups if len(g) > 1 or sub.has_edge(g[0], g[0])]


def graph_of(model: GovernanceModel) -> ModelGraph:
    """The graph of ``model``, built once and kept with it."""
    return model.derived("graph", lambda: ModelGraph(model))


def _build(model: GovernanceModel) -> nx.MultiDiGraph:  # type: ignore[type-arg]
    g: nx.MultiDiGraph = nx.MultiDiGraph()  # type: ignore[type-arg]
    for o in model.organisations:
        g.add_node(o.id, kind="organisation", label=o.label)
    for b in model.bodies:
        g.add_node(b.id, kind="body", label=b.name)
        for org in b.organisations:
            g.add_edge(b.id, org, key=f"part_of:{org}", relation="part_of")
        for m in b.members:
            if m.post:
                g.add_edge(
                    m.post,
                    b.id,
                    key=f"member_of:{b.id}",
                    relation="member_of",
                    voting=m.voting,
                    role=m.role.value,
                )
        for target in b.reports_to:
            g.add_edge(b.id, target, key=f"reports_to:{target}", relation="reports_to")
    for p in model.posts:
        g.add_node(p.id, kind="post", label=p.title)
        for employer in p.organisations:
            g.add_edge(p.id, employer, key=f"employed_by:{employer}", relation="employed_by")
    for d in model.delegations:
        g.add_edge(d.from_, d.to, key=d.id, relation="delegates_to", delegation=d.id)
    for a in model.agreements:
        g.add_node(a.id, kind="agreement", label=a.name)
        for party in a.parties:
            g.add_edge(party, a.id, key=f"party_to:{a.id}", relation="party_to")
        for body in a.bodies:
            g.add_edge(a.id, body, key=f"establishes:{body}", relation="establishes")
    for c in model.contracts:
        g.add_node(c.id, kind="contract", label=c.name)
        for org in c.commissioners:
            g.add_edge(org, c.id, key=f"commissions:{c.id}", relation="commissions")
        for org in c.providers:
            g.add_edge(c.id, org, key=f"provided_by:{org}", relation="provided_by")
    return g


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
