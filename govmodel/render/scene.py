"""The drawing as data: nodes, edges and clusters, before any DOT is written.

Building the scene is pure: it reads the model on a date and returns sorted
lists, so the same model always gives the same diagram. :mod:`govmodel.render.dot`
turns a scene into Graphviz, :mod:`govmodel.render.mermaid` into Mermaid.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from govmodel.law.accountability import END_LABELS, ends_above, organisation_ends
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind
from govmodel.render.escape import dot_id as _sid

__all__ = ["Edge", "Node", "Scene", "build_scene"]

SHARED_KINDS = {BodyKind.JOINT_COMMITTEE, BodyKind.COMMITTEES_IN_COMMON, BodyKind.PARTNERSHIP_BOARD}


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


@attrs.frozen
class Edge:
    """A line: ``relation`` picks its style; ``upward`` edges are drawn from target to
    source so that what answers for something sits above it."""

    source: str
    target: str
    relation: str
    label: str = ""
    upward: bool = False
    key: str = ""  # the delegation drawn, so that two between one pair are two lines


@attrs.frozen
class Scene:
    """Everything to draw, sorted, plus the highlighted items."""

    title: str
    on: date
    clusters: tuple[tuple[str, str], ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    highlight_nodes: frozenset[str] = frozenset()
    highlight_edges: frozenset[frozenset[str]] = frozenset()

    @property
    def lonely(self) -> frozenset[str]:
        """Organisations with nothing drawn inside their box (grouped together)."""
        count: dict[str | None, int] = {}
        for n in self.nodes:
            count[n.cluster] = count.get(n.cluster, 0) + 1
        return frozenset(c for c, _ in self.clusters if count.get(c, 0) <= 1)

    def focus(self, center: str) -> Scene:
        """Keep ``center`` (or, for an organisation, its cluster) and its neighbours."""
        core = {n.id for n in self.nodes if n.id == _sid(center) or n.cluster == center}
        if not core:
            raise KeyError(center)
        keep = set(core)
        for e in self.edges:
            if e.source in core:
                keep.add(e.target)
            if e.target in core:
                keep.add(e.source)
        nodes = tuple(n for n in self.nodes if n.id in keep)
        used = {n.cluster for n in nodes}
        return attrs.evolve(
            self,
            nodes=nodes,
            edges=tuple(e for e in self.edges if e.source in keep and e.target in keep),
            clusters=tuple(c for c in self.clusters if c[0] in used),
        )

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


def _member_line(model: GovernanceModel, member: object) -> str:
    from govmodel.model.records import Membership

    assert isinstance(member, Membership)
    who = model.post(member.post).title if member.post and member.post in model else member.who
    flags = [] if member.role.value == "member" else [member.role.value.replace("_", " ")]
    if not member.voting:
        flags.append("non-voting")
    return who + (f" ({', '.join(flags)})" if flags else "")


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _pounds(limit: int | None) -> str:
    if limit is None:
        return ""
    if limit >= 1_000_000 and limit % 100_000 == 0:
        return f"£{limit / 1_000_000:g}m"
    if limit >= 1_000 and limit % 1_000 == 0:
        return f"£{limit // 1_000}k"
    return f"£{limit:,}"


def build_scene(
    model: GovernanceModel,
    on: date,
    *,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
) -> Scene:
    """The scene for ``model`` as it stood on ``on``.

    ``posts``: ``True`` draws every post with membership edges; ``"auto"`` lists
    members inside each body and draws only posts that give or receive
    delegations; ``False`` draws no posts.
    """
    current = model.on(on)
    delegating = {h for d in current.delegations for h in (d.from_, d.to)}

    def show_post(post_id: str) -> bool:
        return posts is True or (posts == "auto" and post_id in delegating)

    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    clusters = []
    for org in sorted(current.organisations, key=lambda o: o.id):
        detail = org.type.value.replace("_", " ") + (f" · {org.ods}" if org.ods else "")
        clusters.append((org.id, org.label))
        nodes[f"org__{org.id}"] = Node(f"org__{org.id}", org.label, "organisation", org.id, detail)
    for b in current.bodies:
        single = b.organisations[0] if len(b.organisations) == 1 else None
        role = (
            "board"
            if b.kind in (BodyKind.BOARD, BodyKind.FULL_COUNCIL)
            else "governors"
            if b.kind is BodyKind.COUNCIL_OF_GOVERNORS
            else "shared"
            if single is None or b.kind in SHARED_KINDS
            else "committee"
        )
        cluster = single if single in current else None
        listed = tuple(
            _member_line(current, m)
            for m in b.members
            if not (m.post and show_post(m.post) and m.post in current)
        )
        nodes[_sid(b.id)] = Node(
            _sid(b.id),
            b.name,
            role,
            cluster,
            b.kind.value.replace("_", " "),
            listed if posts else (),
        )
        established = any(b.id in a.bodies for a in current.agreements)
        delegated = any(d.to == b.id for d in current.delegations)
        if cluster is None and not established and not delegated and not b.reports_to:
            for org_id in b.organisations:
                if org_id in current:
                    edges.append(Edge(f"org__{org_id}", _sid(b.id), "part_of"))
        for target in b.reports_to:
            if target in current:
                edges.append(Edge(_sid(b.id), _sid(target), "reports_to", upward=True))
        if posts:
            for m in b.members:
                if m.post and m.post in current and show_post(m.post):
                    label = "" if m.voting else "non-voting"
                    if m.role.value not in ("member",):
                        label = (m.role.value.replace("_", " ") + " " + label).strip()
                    edges.append(Edge(_sid(m.post), _sid(b.id), "member_of", label))
    if posts:
        for p in current.posts:
            if not show_post(p.id):
                continue
            orgs = [o for o in p.organisations if o in current]
            cluster = orgs[0] if len(orgs) == 1 else None
            nodes[_sid(p.id)] = Node(
                _sid(p.id), p.title, "post", cluster, p.kind.value.replace("_", " ")
            )
    for d in current.delegations:
        if _sid(d.from_) in nodes and _sid(d.to) in nodes:
            names = [model.matter(m).name if m in model else m for m in d.matters]
            label = _short(names[0]) + (f" +{len(names) - 1} more" if len(names) > 1 else "")
            limit = _pounds(d.limit)
            flags = [limit] if limit else []
            if d.onward:
                flags.append("onward")
            if d.ratification:
                flags.append("ratify")
            text = label + (f"\n({', '.join(flags)})" if flags else "")
            edges.append(Edge(_sid(d.from_), _sid(d.to), "delegates_to", text, key=d.id))
    for a in current.agreements:
        nodes[_sid(a.id)] = Node(
            _sid(a.id), a.name, "agreement", None, a.kind.value.replace("_", " ")
        )
        for party in a.parties:
            if party in current:
                edges.append(Edge(f"org__{party}", _sid(a.id), "party_to"))
        for body in a.bodies:
            if _sid(body) in nodes:
                edges.append(Edge(_sid(a.id), _sid(body), "establishes"))
    if contracts:
        for c in current.contracts:
            nodes[_sid(c.id)] = Node(
                _sid(c.id), c.name, "contract", None, c.kind.value.replace("_", " ")
            )
            for org_id in c.commissioners:
                if org_id in current:
                    edges.append(Edge(f"org__{org_id}", _sid(c.id), "commissions"))
            for org_id in c.providers:
                if org_id in current:
                    edges.append(Edge(_sid(c.id), f"org__{org_id}", "provided_by"))
    if ends:
        _add_ends(current, on, nodes, edges)
    keys = set(nodes)
    unique = {  # one line per relation between two nodes; one per delegation
        (e.source, e.target, e.relation, e.key): e
        for e in edges
        if e.source in keys and e.target in keys
    }
    return Scene(
        model.name,
        on,
        tuple(clusters),
        tuple(sorted(nodes.values(), key=lambda n: n.id)),
        tuple(sorted(unique.values(), key=lambda e: (e.source, e.target, e.relation, e.key))),
    )


def _add_ends(
    current: GovernanceModel, on: date, nodes: dict[str, Node], edges: list[Edge]
) -> None:
    pending: list[str] = []

    def end(name: str, org_label: str | None = None) -> str:
        key = f"end__{name}"
        if key not in nodes:
            base = name.rpartition(".")[2]
            label = END_LABELS.get(base, base).format(org=org_label or "")
            nodes[key] = Node(key, label.strip(), "end")
            pending.append(name)
        return key

    for org in current.organisations:
        boards = current.boards_of(org.id)
        if not boards:
            continue
        cog = [b.id for b in current.bodies_of(org.id) if b.kind is BodyKind.COUNCIL_OF_GOVERNORS]
        for step in organisation_ends(org.type, on):
            if step.target == "governors":
                targets = [_sid(b) for b in cog] or [end(f"{org.id}.governors", org.label)]
            elif step.target in ("members", "shareholders", "electorate"):
                targets = [end(f"{org.id}.{step.target}", org.label)]
            else:
                targets = [end(step.target)]
            for board in boards:
                for t in targets:
                    edges.append(Edge(_sid(board.id), t, "statutory", upward=True))
        for body in cog:
            for step in ends_above("governors", on):
                edges.append(
                    Edge(
                        _sid(body),
                        end(f"{org.id}.{step.target}", org.label),
                        "statutory",
                        upward=True,
                    )
                )
    while pending:
        name = pending.pop()
        base = name.rpartition(".")[2]
        if name != base:
            continue
        for step in ends_above(name, on):
            edges.append(Edge(f"end__{name}", end(step.target), "statutory", upward=True))
