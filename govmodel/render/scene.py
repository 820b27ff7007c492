"""The drawing as data: the boxes (nodes), lines (edges) and clusters of a diagram,
before any DOT is written, and what can be done to a drawing as a whole (keep a part,
focus on one record, highlight a trace).

:mod:`govmodel.render.parts` makes a scene from a model on a date;
:mod:`govmodel.render.dot` turns a scene into Graphviz, :mod:`govmodel.render.mermaid`
into Mermaid, and :mod:`govmodel.render.split` cuts a large one into pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

import attrs

from govmodel.render.escape import dot_id as _sid

__all__ = ["Edge", "FindingLike", "KeyEntry", "Mark", "Node", "Scene"]


class FindingLike(Protocol):
    """What a scene reads from a finding of ``check`` (a :class:`~govmodel.Finding`)."""

    @property
    def code(self) -> str: ...
    @property
    def subjects(self) -> tuple[str, ...]: ...
    @property
    def message(self) -> str: ...
    @property
    def expected(self) -> str | None: ...
    @property
    def severity(self) -> object: ...


@attrs.frozen
class Mark:
    """A finding shown on a node or an edge: its code links to the code's docs page."""

    code: str
    severity: str
    message: str
    expected: bool = False


@attrs.frozen
class Node:
    """A box in the diagram: ``role`` picks its shape (board, committee, shared, post,
    agreement, contract, end, organisation)."""

    id: str
    label: str
    role: str
    cluster: str | None = None
    detail: str = ""
    members: tuple[str, ...] = ()
    tooltip: str = ""
    url: str = ""
    notes: tuple[str, ...] = ()
    marks: tuple[Mark, ...] = ()


@attrs.frozen
class Edge:
    """A line: ``relation`` picks its style; ``upward`` edges are drawn from target to
    source so that what answers for something sits above it."""

    source: str
    target: str
    relation: str
    label: str = ""
    upward: bool = False
    tooltip: str = ""
    url: str = ""
    records: tuple[str, ...] = ()
    marks: tuple[Mark, ...] = ()


@attrs.frozen
class KeyEntry:
    """One organisation in the key: the short name drawn, the full name and legal type."""

    organisation: str
    short: str
    name: str
    type: str
    ods: str | None = None


@attrs.frozen
class Scene:
    """Everything to draw, sorted, plus the highlighted items.

    ``page`` names the part of the arrangement a page shows (empty for the whole);
    ``source`` is the model file's name and ``key`` lists every organisation drawn.
    """

    title: str
    on: date
    clusters: tuple[tuple[str, str], ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    highlight_nodes: frozenset[str] = frozenset()
    highlight_edges: frozenset[frozenset[str]] = frozenset()
    page: str = ""
    source: str | None = None
    key: tuple[KeyEntry, ...] = ()
    highlighted: str = ""
    assumed: tuple[str, ...] = ()
    """What a what-if assumed (the model's ``assumed``, as text), shown under the title."""

    @property
    def lonely(self) -> frozenset[str]:
        """Organisations with nothing drawn inside their box (grouped together)."""
        count: dict[str | None, int] = {}
        for n in self.nodes:
            count[n.cluster] = count.get(n.cluster, 0) + 1
        return frozenset(c for c, _ in self.clusters if count.get(c, 0) <= 1)

    def keep(self, ids: Iterable[str], *, page: str | None = None) -> Scene:
        """Only the nodes ``ids``, the edges between them and the clusters they use."""
        keep = set(ids)
        nodes = tuple(n for n in self.nodes if n.id in keep)
        used = {n.cluster for n in nodes}
        return attrs.evolve(
            self,
            nodes=nodes,
            edges=tuple(e for e in self.edges if e.source in keep and e.target in keep),
            clusters=tuple(c for c in self.clusters if c[0] in used),
            key=tuple(k for k in self.key if k.organisation in used),
            page=self.page if page is None else page,
        )

    def focus(self, center: str) -> Scene:
        """Keep ``center`` (or, for an organisation, its cluster) and its neighbours, and
        the heading of each organisation two or more of them are drawn inside."""
        core = {n.id for n in self.nodes if n.id == _sid(center) or n.cluster == center}
        if not core:
            raise KeyError(center)
        keep = set(core)
        for e in self.edges:
            if e.source in core:
                keep.add(e.target)
            if e.target in core:
                keep.add(e.source)
        inside: dict[str | None, int] = {}
        for n in self.nodes:
            if n.id in keep and n.role != "organisation":
                inside[n.cluster] = inside.get(n.cluster, 0) + 1
        ids = {n.id for n in self.nodes}
        keep |= {f"org__{c}" for c, count in inside.items() if count >= 2} & ids
        return self.keep(keep)

    def highlight(self, nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> Scene:
        """Mark nodes and edges (in either direction) to stand out.

        Names are model ids or trace end names (``parliament``, ``eput.members``).
        """
        ids = {n.id for n in self.nodes}

        def scene_id(name: str) -> str:
            return _sid(name) if _sid(name) in ids else f"end__{name}"

        return attrs.evolve(
            self,
            highlight_nodes=frozenset(scene_id(n) for n in nodes) & ids,
            highlight_edges=frozenset(frozenset((scene_id(a), scene_id(b))) for a, b in edges),
        )
