"""The model as a graph: one private networkx graph per model, built on first use.

:func:`graph_of` gives the :class:`ModelGraph` of a model. It is built from the
records the first time something asks for it and kept with that model
(:meth:`~govmodel.model.governance.GovernanceModel.derived`), so building or
dating a model (:meth:`~govmodel.model.governance.GovernanceModel.on`) costs
nothing until a walk needs the graph. The graph is never exposed for mutation:
:meth:`ModelGraph.to_networkx` returns a copy.

Nodes are the records (organisations, bodies, posts, agreements, contracts),
with ``kind`` and ``label``; edges carry a ``relation``:

``part_of`` body -> organisation; ``member_of`` post -> body (``voting``,
``role``); ``reports_to`` body -> body; ``employed_by`` post -> organisation
(its own and those it is held jointly with); ``delegates_to`` holder -> holder
(keyed by the delegation id); ``party_to`` organisation -> agreement;
``establishes`` agreement -> body; ``commissions`` organisation -> contract;
``provided_by`` contract -> organisation.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from govmodel.model.governance import GovernanceModel

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
        """A copy of the graph, the caller's to change."""
        return self._graph.copy()

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
