"""Cutting a scene that is too large for one page: an overview and one page per
organisation. Pure: scenes in, scenes out.

The overview draws each organisation as one box (with its statutory chains as
lines under its name), the shared bodies, agreements and contracts between
them, and every line that crosses from one organisation to another. Each
organisation's page draws what is inside it, what it is linked to (drawn
without their member lists) and the statutory ends above it.
"""

from __future__ import annotations

import attrs

from govmodel.render.scene import Edge, Node, Scene

__all__ = ["compact", "joint_bodies_page", "organisation_page", "overview", "page_organisations"]


def page_organisations(scene: Scene) -> list[str]:
    """The organisations with two or more things drawn inside them: each gets a page of its
    own (an organisation with only a board is drawn in the overview, its board named)."""
    count: dict[str | None, int] = {}
    for n in scene.nodes:
        if n.role != "organisation":
            count[n.cluster] = count.get(n.cluster, 0) + 1
    return [c for c, _ in scene.clusters if count.get(c, 0) >= 2]


def overview(scene: Scene) -> Scene:
    """Each organisation collapsed to one box; lines inside an organisation dropped.

    ``scene`` should be built with ``ends=False`` so that each organisation's
    statutory chains are written under its name rather than drawn.
    """
    inside = {o: f"org__{o}" for o, _ in scene.clusters if o not in scene.lonely}
    moved = {
        n.id: inside[n.cluster]
        for n in scene.nodes
        if n.cluster in inside and n.role != "organisation"
    }
    own = set(page_organisations(scene))
    nodes = []
    for n in scene.nodes:
        if n.role == "end":
            continue
        if n.id in inside.values():
            bodies = [m.label for m in scene.nodes if moved.get(m.id) == n.id]
            listed = () if n.cluster in own else tuple(bodies)
            nodes.append(attrs.evolve(n, role="partner", cluster=None, members=listed))
        elif n.id not in moved:
            nodes.append(n)
    kept = {n.id for n in nodes}
    edges: dict[tuple[str, str, str], Edge] = {}
    for e in scene.edges:
        source, target = moved.get(e.source, e.source), moved.get(e.target, e.target)
        if source == target or source not in kept or target not in kept:
            continue
        at = (source, target, e.relation)
        if at in edges:
            old = edges[at]
            edges[at] = attrs.evolve(
                old,
                label="\n".join(x for x in (old.label, e.label) if x and x != old.label),
                tooltip="\n\n".join(x for x in (old.tooltip, e.tooltip) if x),
                records=old.records + e.records,
                marks=old.marks + tuple(m for m in e.marks if m not in old.marks),
            )
        else:
            edges[at] = attrs.evolve(e, source=source, target=target)
    highlighted = {moved.get(n, n) for n in scene.highlight_nodes}
    lit_edges = frozenset(
        frozenset(moved.get(x, x) for x in pair) for pair in scene.highlight_edges
    )
    used = {n.cluster for n in nodes}
    return attrs.evolve(
        scene,
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        edges=tuple(sorted(edges.values(), key=lambda e: (e.source, e.target, e.relation))),
        clusters=tuple(c for c in scene.clusters if c[0] in used),
        highlight_nodes=frozenset(highlighted) & kept,
        highlight_edges=frozenset(p for p in lit_edges if len(p) == 2),
        page="Overview",
    )


def organisation_page(scene: Scene, organisation: str) -> Scene:
    """What is inside ``organisation``, its neighbours (without member lists) and the
    statutory ends above it."""
    core = {n.id for n in scene.nodes if n.cluster == organisation}
    if not core:
        raise KeyError(organisation)
    keep = set(core)
    for e in scene.edges:
        if e.source in core:
            keep.add(e.target)
        if e.target in core:
            keep.add(e.source)
    ends = {n.id for n in scene.nodes if n.role == "end"}
    frontier = [n for n in keep if n in ends]
    while frontier:
        here = frontier.pop()
        for e in scene.edges:
            if e.relation == "statutory" and e.source == here and e.target not in keep:
                keep.add(e.target)
                frontier.append(e.target)
    label = dict(scene.clusters)[organisation]
    page = scene.keep(keep, page=label)
    stubs = tuple(n if n.id in core else _stub(n) for n in page.nodes)
    return attrs.evolve(page, nodes=stubs)


def _stub(node: Node) -> Node:
    return attrs.evolve(node, members=()) if node.members else node


def _deciders(scene: Scene) -> set[str]:
    """Shared bodies that receive a delegation or report to a board: their members stay."""
    return {
        e.target if e.relation == "delegates_to" else e.source
        for e in scene.edges
        if e.relation in ("delegates_to", "reports_to")
    }


def compact(page: Scene) -> tuple[Scene, bool]:
    """A smaller overview: the statutory chains under each organisation's name are left
    to the organisations' own pages, and shared bodies that neither receive a delegation
    nor report anywhere lose their member lists. Returns the page and whether any member
    list was dropped (then draw :func:`joint_bodies_page` too)."""
    keep = _deciders(page)
    dropped = False
    nodes = []
    for n in page.nodes:
        if n.role == "partner":
            n = attrs.evolve(n, notes=())
        elif n.role == "shared" and n.members and n.id not in keep:
            n = attrs.evolve(n, members=())
            dropped = True
        nodes.append(n)
    return attrs.evolve(page, nodes=tuple(nodes)), dropped


def joint_bodies_page(scene: Scene) -> Scene:
    """The shared bodies with their members, and the agreements that set them up."""
    shared = {n.id for n in scene.nodes if n.role == "shared"}
    founders = {e.source for e in scene.edges if e.relation == "establishes" and e.target in shared}
    page = scene.keep(shared | founders, page="Joint bodies")
    return attrs.evolve(page, key=())
