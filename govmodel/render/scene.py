"""The drawing as data: nodes, edges and clusters, before any DOT is written.

Building the scene is pure: it reads the model on a date and returns sorted
lists, so the same model always gives the same diagram. :mod:`govmodel.render.dot`
turns a scene into Graphviz, :mod:`govmodel.render.mermaid` into Mermaid, and
:mod:`govmodel.render.pages` cuts a large scene into an overview and one page
per organisation.

Every node and edge carries a tooltip (what it is: kind, members, matters,
limits, instrument, dates, citation) and, where there is one, a link to the
docs page of the rule behind it; findings of ``check`` are attached to the
nodes and delegations they are about.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import Protocol

import attrs

from govmodel.law.accountability import END_LABELS, Step, ends_above, organisation_ends
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind
from govmodel.model.records import Delegation, Membership
from govmodel.render.describe import (
    agreement_tip,
    body_tip,
    contract_tip,
    delegation_tip,
    end_chains,
    organisation_tip,
    post_tip,
    step_tip,
)
from govmodel.render.escape import dot_id as _sid
from govmodel.render.labels import pounds, rule_url, wrap_words

__all__ = ["Edge", "FindingLike", "KeyEntry", "Mark", "Node", "Scene", "build_scene"]

SHARED_KINDS = {BodyKind.JOINT_COMMITTEE, BodyKind.COMMITTEES_IN_COMMON, BodyKind.PARTNERSHIP_BOARD}

#: Characters per line of a box's name, of a member line and of a delegation label.
NAME_WIDTH = 26
MEMBER_WIDTH = 34
EDGE_WIDTH = 24


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


def _member_line(model: GovernanceModel, member: Membership) -> str:
    who = model.post(member.post).title if member.post and member.post in model else member.who
    flags = [] if member.role.value == "member" else [member.role.value.replace("_", " ")]
    if not member.voting:
        flags.append("non-voting")
    return who + (f" ({', '.join(flags)})" if flags else "")


def _attach(
    nodes: dict[str, Node], edges: list[Edge], findings: Iterable[FindingLike]
) -> list[Edge]:
    """Mark each finding on the first of its subjects that is drawn (a box, or the line
    of a delegation); findings about nothing drawn are left off."""
    on_node: dict[str, list[Mark]] = {}
    on_record: dict[str, list[Mark]] = {}
    drawn = {r for e in edges for r in e.records}
    for f in findings:
        severity = str(getattr(f.severity, "value", f.severity))
        mark = Mark(f.code, severity, f.message, f.expected is not None)
        for subject in f.subjects:
            for pool, target in ((nodes, on_node), (drawn, on_record)):
                sid = _sid(subject) if pool is nodes else subject
                if sid in pool or f"org__{subject}" in pool:
                    key = sid if sid in pool else f"org__{subject}"
                    if mark not in target.setdefault(key, []):
                        target[key].append(mark)
                    break
            else:
                continue
            break
    for key, found in on_node.items():
        nodes[key] = attrs.evolve(nodes[key], marks=tuple(found))
    return [
        attrs.evolve(e, marks=tuple(m for r in e.records for m in on_record.get(r, ())))
        if any(r in on_record for r in e.records)
        else e
        for e in edges
    ]


def _delegation_label(names: list[str], d: Delegation) -> str:
    lines = wrap_words(names[0], EDGE_WIDTH)
    if len(names) > 1:
        lines.append(f"+{len(names) - 1} more")
    flags = [pounds(d.limit)] if d.limit is not None else []
    if d.onward:
        flags.append("onward")
    if d.ratification:
        flags.append("ratify")
    if flags:
        lines.append(f"({', '.join(flags)})")
    return "\n".join(lines)


def build_scene(
    model: GovernanceModel,
    on: date,
    *,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
    findings: Iterable[FindingLike] = (),
) -> Scene:
    """The scene for ``model`` as it stood on ``on``.

    ``posts``: ``True`` draws every post with membership edges; ``"auto"`` lists
    members inside each body and draws only posts that give or receive
    delegations; ``False`` draws no posts. ``ends=False`` draws no statutory
    ends but writes each organisation's chains as one line under its name.
    ``findings`` (from :func:`govmodel.check`) are marked on what they are about.
    """
    current = model.on(on)
    delegating = {h for d in current.delegations for h in (d.from_, d.to)}

    def show_post(post_id: str) -> bool:
        return posts is True or (posts == "auto" and post_id in delegating)

    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    clusters = []
    key = []
    for org in sorted(current.organisations, key=lambda o: o.id):
        detail = org.type.value.replace("_", " ") + (f" · {org.ods}" if org.ods else "")
        clusters.append((org.id, org.label))
        key.append(KeyEntry(org.id, org.label, org.name, org.type.value, org.ods))
        labels = {k: v.format(org=org.label).strip() for k, v in END_LABELS.items()}
        notes = () if ends or not current.boards_of(org.id) else tuple(end_chains(org, on, labels))
        nodes[f"org__{org.id}"] = Node(
            f"org__{org.id}",
            org.label,
            "organisation",
            org.id,
            detail,
            tooltip=organisation_tip(org),
            notes=tuple(f"answers to {chain}" for chain in notes),
        )
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
            tooltip=body_tip(current, b),
        )
        established = any(b.id in a.bodies for a in current.agreements)
        delegated = any(d.to == b.id for d in current.delegations)
        if cluster is None and not established and not delegated and not b.reports_to:
            for org_id in b.organisations:
                if org_id in current:
                    edges.append(Edge(f"org__{org_id}", _sid(b.id), "part_of"))
        for target in b.reports_to:
            if target in current:
                edges.append(
                    Edge(
                        _sid(b.id),
                        _sid(target),
                        "reports_to",
                        upward=True,
                        tooltip=f"{b.name} reports to {current.body(target).name}",
                    )
                )
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
                _sid(p.id),
                p.title,
                "post",
                cluster,
                p.kind.value.replace("_", " "),
                tooltip=post_tip(current, p),
            )
    for d in current.delegations:
        if _sid(d.from_) in nodes and _sid(d.to) in nodes:
            names = [model.matter(m).name if m in model else m for m in d.matters]
            tip, rule = delegation_tip(current, d)
            edges.append(
                Edge(
                    _sid(d.from_),
                    _sid(d.to),
                    "delegates_to",
                    _delegation_label(names, d),
                    tooltip=tip,
                    url=rule_url(rule),
                    records=(d.id,),
                )
            )
    for a in current.agreements:
        nodes[_sid(a.id)] = Node(
            _sid(a.id),
            a.name,
            "agreement",
            None,
            a.kind.value.replace("_", " "),
            tooltip=agreement_tip(current, a),
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
                _sid(c.id),
                c.name,
                "contract",
                None,
                c.kind.value.replace("_", " "),
                tooltip=contract_tip(current, c),
            )
            for org_id in c.commissioners:
                if org_id in current:
                    edges.append(Edge(f"org__{org_id}", _sid(c.id), "commissions"))
            for org_id in c.providers:
                if org_id in current:
                    edges.append(Edge(_sid(c.id), f"org__{org_id}", "provided_by"))
    if ends:
        _add_ends(current, on, nodes, edges)
    edges = _attach(nodes, edges, findings)
    return Scene(
        model.name,
        on,
        tuple(clusters),
        tuple(sorted(nodes.values(), key=lambda n: n.id)),
        _merge(edges, set(nodes)),
        source=PurePath(model.source).name if model.source else None,
        key=tuple(key),
        assumed=tuple(str(a) for a in model.assumed),
    )


def _merge(edges: list[Edge], keys: set[str]) -> tuple[Edge, ...]:
    """One edge per source, target and relation; parallel delegations share it."""
    unique: dict[tuple[str, str, str], Edge] = {}
    for e in edges:
        if e.source not in keys or e.target not in keys:
            continue
        at = (e.source, e.target, e.relation)
        if at in unique and e.records:
            old = unique[at]
            e = attrs.evolve(
                old,
                label="\n".join(x for x in (old.label, e.label) if x),
                tooltip="\n\n".join(x for x in (old.tooltip, e.tooltip) if x),
                records=old.records + e.records,
                marks=old.marks + tuple(m for m in e.marks if m not in old.marks),
            )
        unique[at] = e
    return tuple(sorted(unique.values(), key=lambda e: (e.source, e.target, e.relation)))


def _add_ends(
    current: GovernanceModel, on: date, nodes: dict[str, Node], edges: list[Edge]
) -> None:
    pending: list[str] = []

    def end(name: str, org_label: str | None = None) -> str:
        key = f"end__{name}"
        if key not in nodes:
            base = name.rpartition(".")[2]
            label = END_LABELS.get(base, base).format(org=org_label or "")
            nodes[key] = Node(key, label.strip(), "end", tooltip=f"{label.strip()} (statutory end)")
            pending.append(name)
        return key

    def statutory(source: str, target: str, step: Step) -> Edge:
        return Edge(
            source,
            target,
            "statutory",
            upward=True,
            tooltip=step_tip(step),
            url=step.citation.url,
        )

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
                    edges.append(statutory(_sid(board.id), t, step))
        for body in cog:
            for step in ends_above("governors", on):
                edges.append(statutory(_sid(body), end(f"{org.id}.{step.target}", org.label), step))
    while pending:
        name = pending.pop()
        base = name.rpartition(".")[2]
        if name != base:
            continue
        for step in ends_above(name, on):
            edges.append(statutory(f"end__{name}", end(step.target), step))
