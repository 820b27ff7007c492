"""How a model on a date is drawn: each record's box and the lines it makes
(:class:`Parts`), and the whole diagram's scene (:func:`build_scene`).

Building a scene is pure: it reads the model on a date and returns sorted lists, so
the same model always gives the same diagram. Every box and line carries a tooltip
(what it is: kind, members, matters, limits, instrument, dates, citation) and, where
there is one, a link to the docs page of the rule behind it; findings of ``check`` are
marked on the boxes and delegations they are about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import PurePath

import attrs

from govmodel.law.accountability import END_LABELS, Step, ends_above, organisation_ends
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind
from govmodel.model.records import (
    Agreement,
    Body,
    Contract,
    Delegation,
    Membership,
    Organisation,
    Post,
)
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
from govmodel.render.scene import Edge, FindingLike, KeyEntry, Mark, Node, Scene

__all__ = ["Parts", "build_scene"]

SHARED_KINDS = {BodyKind.JOINT_COMMITTEE, BodyKind.COMMITTEES_IN_COMMON, BodyKind.PARTNERSHIP_BOARD}

#: Characters per line of a delegation label.
EDGE_WIDTH = 24


def _member_line(model: GovernanceModel, member: Membership) -> str:
    who = model.post(member.post).title if member.post and member.post in model else member.who
    flags = [] if member.role.value == "member" else [member.role.value.replace("_", " ")]
    if not member.voting:
        flags.append("non-voting")
    return who + (f" ({', '.join(flags)})" if flags else "")


def _attach(
    nodes: dict[str, Node],
    edges: list[Edge],
    findings: Iterable[FindingLike],
    *,
    drawn: Callable[[str], bool] | None = None,
    drawn_record: Callable[[str], bool] | None = None,
) -> list[Edge]:
    """Mark each finding on the first of its subjects that is drawn (a box, or the line
    of a delegation); findings about nothing drawn are left off.

    ``drawn`` and ``drawn_record`` say what the whole diagram draws when ``nodes`` and
    ``edges`` are only part of it (a focus): marks go where they go on the whole, and
    only those on ``nodes`` and ``edges`` are kept.
    """
    records = {r for e in edges for r in e.records}
    if drawn is not None:
        # A part is marked only with findings about something in it: those about nothing
        # here are left out before the whole diagram's placing is worked out.
        here = records | {n[5:] if n.startswith("org__") else n for n in nodes}
        here |= {n[4:] for n in nodes if n.startswith("id__")}
        here |= {r[5:] for r in records if r.startswith("org__")}
        findings = [f for f in findings if any(s in here for s in f.subjects)]
    is_node = drawn or nodes.__contains__
    is_record = drawn_record or records.__contains__
    on_node: dict[str, list[Mark]] = {}
    on_record: dict[str, list[Mark]] = {}
    for f in findings:
        severity = str(getattr(f.severity, "value", f.severity))
        mark = Mark(f.code, severity, f.message, f.expected is not None)
        for subject in f.subjects:
            sid = _sid(subject)
            if is_node(sid) or is_node(f"org__{subject}"):
                key, target = (sid if is_node(sid) else f"org__{subject}"), on_node
            elif is_record(subject) or is_record(f"org__{subject}"):
                key, target = (subject if is_record(subject) else f"org__{subject}"), on_record
            else:
                continue
            if mark not in target.setdefault(key, []):
                target[key].append(mark)
            break
    for key, found in on_node.items():
        if key in nodes:
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


def _role(b: Body) -> str:
    single = b.organisations[0] if len(b.organisations) == 1 else None
    if b.kind in (BodyKind.BOARD, BodyKind.FULL_COUNCIL):
        return "board"
    if b.kind is BodyKind.COUNCIL_OF_GOVERNORS:
        return "governors"
    return "shared" if single is None or b.kind in SHARED_KINDS else "committee"


class Parts:
    """How each record of a model on a date is drawn: its box and the lines it makes.

    :func:`build_scene` draws every record; a focus (:mod:`govmodel.render.nearby`)
    draws only the records near one, with the same boxes and lines.
    """

    def __init__(
        self,
        model: GovernanceModel,
        on: date,
        *,
        posts: bool | str = "auto",
        ends: bool = True,
        contracts: bool = True,
    ) -> None:
        self.model = model
        self.current = current = model.on(on)
        self.on = on
        self.posts = posts
        self.ends = ends
        self.contracts = contracts
        self.delegating = current.derived(
            "scene:delegating",
            lambda: frozenset(h for d in current.delegations for h in (d.from_, d.to)),
        )

    def show_post(self, post_id: str) -> bool:
        """Whether the post is drawn as a box of its own."""
        return self.posts is True or (self.posts == "auto" and post_id in self.delegating)

    def holder_drawn(self, id: str) -> bool:
        """Whether the whole diagram draws ``id`` as an organisation, body or post box
        (what a delegation's line may join)."""
        if id.startswith("org__"):
            return isinstance(self.current.record(id[5:]), Organisation)
        record = self.current.record(id)
        if isinstance(record, Post):
            return bool(self.posts) and self.show_post(id)
        return isinstance(record, Body)

    def drawn(self, id: str) -> bool:
        """Whether the whole diagram draws a box ``id`` (ends aside)."""
        record = self.current.record(id)
        if isinstance(record, Agreement):
            return True
        if isinstance(record, Contract):
            return self.contracts
        return self.holder_drawn(id)

    def drawn_record(self, id: str) -> bool:
        """Whether the whole diagram draws the line of delegation ``id``."""
        d = self.current.record(id)
        return isinstance(d, Delegation) and self.holder_drawn(d.from_) and self.holder_drawn(d.to)

    def boxes(self) -> int:
        """How many boxes the whole diagram draws, statutory ends aside (worked out from
        the records, without drawing)."""
        current = self.current
        posts = sum(1 for p in current.posts if self.show_post(p.id)) if self.posts else 0
        contracts = len(current.contracts) if self.contracts else 0
        return (
            len(current.organisations)
            + len(current.bodies)
            + posts
            + len(current.agreements)
            + contracts
        )

    def shared(self) -> list[Body]:
        """The bodies drawn inside no organisation's box: those of several organisations
        (or of one no longer in force)."""
        current = self.current
        return [
            b
            for b in current.bodies
            if not (len(b.organisations) == 1 and b.organisations[0] in current)
        ]

    def busiest(self, count: int) -> list[str]:
        """The ``count`` organisations with the most bodies of their own, most first."""
        inside: dict[str, int] = {}
        for b in self.current.bodies:
            if len(b.organisations) == 1 and b.organisations[0] in self.current:
                inside[b.organisations[0]] = inside.get(b.organisations[0], 0) + 1
        return [o for o, _ in sorted(inside.items(), key=lambda kv: (-kv[1], kv[0]))[:count]]

    # -- boxes ---------------------------------------------------------------------------

    def cluster(self, org: Organisation) -> tuple[tuple[str, str], KeyEntry]:
        """The organisation's cluster and its line in the key."""
        return (org.id, org.label), KeyEntry(org.id, org.label, org.name, org.type.value, org.ods)

    def organisation(self, org: Organisation) -> Node:
        """The organisation's box (the heading of its cluster)."""
        detail = org.type.value.replace("_", " ") + (f" · {org.ods}" if org.ods else "")
        labels = {k: v.format(org=org.label).strip() for k, v in END_LABELS.items()}
        notes = (
            ()
            if self.ends or not self.current.boards_of(org.id)
            else tuple(end_chains(org, self.on, labels))
        )
        return Node(
            f"org__{org.id}",
            org.label,
            "organisation",
            org.id,
            detail,
            tooltip=organisation_tip(org),
            notes=tuple(f"answers to {chain}" for chain in notes),
        )

    def body(self, b: Body) -> Node:
        """A body's box, its members listed unless their posts are drawn."""
        current = self.current
        single = b.organisations[0] if len(b.organisations) == 1 else None
        listed = tuple(
            _member_line(current, m)
            for m in b.members
            if not (m.post and self.show_post(m.post) and m.post in current)
        )
        return Node(
            _sid(b.id),
            b.name,
            _role(b),
            single if single in current else None,
            b.kind.value.replace("_", " "),
            listed if self.posts else (),
            tooltip=body_tip(current, b),
        )

    def post(self, p: Post) -> Node:
        """A post's box."""
        orgs = [o for o in p.organisations if o in self.current]
        return Node(
            _sid(p.id),
            p.title,
            "post",
            orgs[0] if len(orgs) == 1 else None,
            p.kind.value.replace("_", " "),
            tooltip=post_tip(self.current, p),
        )

    def agreement(self, a: Agreement) -> Node:
        """An agreement's box."""
        tip = agreement_tip(self.current, a)
        return Node(
            _sid(a.id), a.name, "agreement", None, a.kind.value.replace("_", " "), tooltip=tip
        )

    def contract(self, c: Contract) -> Node:
        """A contract's box."""
        tip = contract_tip(self.current, c)
        return Node(
            _sid(c.id), c.name, "contract", None, c.kind.value.replace("_", " "), tooltip=tip
        )

    # -- lines ---------------------------------------------------------------------------

    def body_lines(self, b: Body) -> Iterator[Edge]:
        """A body's lines: to its organisations when nothing else places it, its reporting
        lines, and its members' when posts are drawn."""
        current = self.current
        single = b.organisations[0] if len(b.organisations) == 1 else None
        cluster = single if single in current else None
        established = bool(current.agreements_establishing(b.id))
        delegated = bool(current.delegations_to(b.id))
        if cluster is None and not established and not delegated and not b.reports_to:
            for org_id in b.organisations:
                if org_id in current:
                    yield Edge(f"org__{org_id}", _sid(b.id), "part_of")
        for target in b.reports_to:
            if target in current:
                yield Edge(
                    _sid(b.id),
                    _sid(target),
                    "reports_to",
                    upward=True,
                    tooltip=f"{b.name} reports to {current.body(target).name}",
                )
        if self.posts:
            for m in b.members:
                if m.post and m.post in current and self.show_post(m.post):
                    label = "" if m.voting else "non-voting"
                    if m.role.value not in ("member",):
                        label = (m.role.value.replace("_", " ") + " " + label).strip()
                    yield Edge(_sid(m.post), _sid(b.id), "member_of", label)

    def delegation_line(self, d: Delegation) -> Edge:
        """A delegation's line."""
        names = [self.model.matter(m).name if m in self.model else m for m in d.matters]
        tip, rule = delegation_tip(self.current, d)
        return Edge(
            _sid(d.from_),
            _sid(d.to),
            "delegates_to",
            _delegation_label(names, d),
            tooltip=tip,
            url=rule_url(rule),
            records=(d.id,),
        )

    def agreement_lines(self, a: Agreement, drawn: Callable[[str], bool]) -> Iterator[Edge]:
        """Lines from an agreement's parties, and to the bodies it sets up that are
        ``drawn``."""
        for party in a.parties:
            if party in self.current:
                yield Edge(f"org__{party}", _sid(a.id), "party_to")
        for body in a.bodies:
            if drawn(_sid(body)):
                yield Edge(_sid(a.id), _sid(body), "establishes")

    def contract_lines(self, c: Contract) -> Iterator[Edge]:
        """Lines from a contract's commissioners and to its providers."""
        for org_id in c.commissioners:
            if org_id in self.current:
                yield Edge(f"org__{org_id}", _sid(c.id), "commissions")
        for org_id in c.providers:
            if org_id in self.current:
                yield Edge(_sid(c.id), f"org__{org_id}", "provided_by")

    def statutory_lines(
        self, orgs: Iterable[Organisation], nodes: dict[str, Node]
    ) -> Iterator[Edge]:
        """The statutory lines above the boards of ``orgs`` (in this order), adding the
        ends they reach to ``nodes``; then the lines between those ends."""
        pending: list[str] = []

        def end(name: str, org_label: str | None = None) -> str:
            key = f"end__{name}"
            if key not in nodes:
                base = name.rpartition(".")[2]
                label = END_LABELS.get(base, base).format(org=org_label or "")
                nodes[key] = Node(
                    key, label.strip(), "end", tooltip=f"{label.strip()} (statutory end)"
                )
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

        current = self.current
        for org in orgs:
            boards = current.boards_of(org.id)
            if not boards:
                continue
            cog = [
                _sid(b.id)
                for b in current.bodies_of(org.id)
                if b.kind is BodyKind.COUNCIL_OF_GOVERNORS
            ]
            for step in organisation_ends(org.type, self.on):
                if step.target == "governors":
                    targets = cog or [end(f"{org.id}.governors", org.label)]
                elif step.target in ("members", "shareholders", "electorate"):
                    targets = [end(f"{org.id}.{step.target}", org.label)]
                else:
                    targets = [end(step.target)]
                for board in boards:
                    for t in targets:
                        yield statutory(_sid(board.id), t, step)
            for body in cog:
                for step in ends_above("governors", self.on):
                    yield statutory(body, end(f"{org.id}.{step.target}", org.label), step)
        while pending:
            name = pending.pop()
            base = name.rpartition(".")[2]
            if name != base:
                continue
            for step in ends_above(name, self.on):
                yield statutory(f"end__{name}", end(step.target), step)

    def scene(
        self,
        nodes: dict[str, Node],
        edges: list[Edge],
        findings: Iterable[FindingLike],
        *,
        part: bool = False,
    ) -> Scene:
        """The scene of ``nodes`` and ``edges`` (all of the diagram, or with ``part`` some
        of it), findings marked, clusters and key for the organisations drawn."""
        orgs = sorted(self.current.organisations, key=lambda o: o.id)
        if part:
            used = {n.cluster for n in nodes.values()}
            orgs = [o for o in orgs if o.id in used]
        clusters, key = [], []
        for org in orgs:
            cluster, entry = self.cluster(org)
            clusters.append(cluster)
            key.append(entry)
        if part:
            edges = _attach(
                nodes, edges, findings, drawn=self.drawn, drawn_record=self.drawn_record
            )
        else:
            edges = _attach(nodes, edges, findings)
        return Scene(
            self.model.name,
            self.on,
            tuple(clusters),
            tuple(sorted(nodes.values(), key=lambda n: n.id)),
            _merge(edges, set(nodes)),
            source=PurePath(self.model.source).name if self.model.source else None,
            key=tuple(key),
            assumed=tuple(str(a) for a in self.model.assumed),
        )


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
    parts = Parts(model, on, posts=posts, ends=ends, contracts=contracts)
    current = parts.current
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for org in sorted(current.organisations, key=lambda o: o.id):
        nodes[f"org__{org.id}"] = parts.organisation(org)
    for b in current.bodies:
        nodes[_sid(b.id)] = parts.body(b)
        edges += parts.body_lines(b)
    if posts:
        for p in current.posts:
            if parts.show_post(p.id):
                nodes[_sid(p.id)] = parts.post(p)
    for d in current.delegations:
        if _sid(d.from_) in nodes and _sid(d.to) in nodes:
            edges.append(parts.delegation_line(d))
    for a in current.agreements:
        nodes[_sid(a.id)] = parts.agreement(a)
        edges += parts.agreement_lines(a, nodes.__contains__)
    if contracts:
        for c in current.contracts:
            nodes[_sid(c.id)] = parts.contract(c)
            edges += parts.contract_lines(c)
    if ends:
        edges += parts.statutory_lines(current.organisations, nodes)
    return parts.scene(nodes, edges, findings)


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
