"""The scene of one record and its neighbours, drawn without drawing the rest.

``build_scene(model, on).focus(center)`` draws every record of the model and then
keeps a few dozen; on a national model that is a minute's work for a glance.
:func:`focus_scene` gives the same scene from the records near ``center`` alone:
it finds the boxes drawn inside ``center``, the records whose lines could touch
them (from the model's indexes), draws those lines, and then the lines among
every box kept, each box and line made by the same
:class:`~govmodel.render.parts.Parts` as the whole diagram. Findings are marked
where the whole diagram would mark them.

A model whose ids could be mistaken for the diagram's own names (``org__...``,
``end__...``, ``cluster_...``) or whose agreements set up records that are not
bodies is drawn whole and then cut, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind
from govmodel.model.records import Agreement, Body, Contract, Delegation, Organisation, Post
from govmodel.render.parts import Parts, build_scene
from govmodel.render.scene import Edge, FindingLike, Node, Scene

__all__ = ["focus_scene"]

_BOARDS = (BodyKind.BOARD, BodyKind.FULL_COUNCIL)
#: How the names the diagram makes itself begin (organisations' boxes, ends, the legend,
#: clusters): a model with an id that begins so is drawn whole and cut.
_OWN = ("org__", "end__", "legend__", "cluster_", "id__")


class _Near:
    """What is drawn near some boxes of one dated model: the records whose lines may touch
    them, in the order the whole diagram draws them."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.current = current = parts.current
        self.order = current.derived("nearby:order", lambda: _order(current))
        self.reporters = current.derived("nearby:reporters", lambda: _reporters(current))
        self.posts_of = current.derived("nearby:posts", lambda: _posts_of(current))
        self.orgs: set[str] = set()
        self.bodies: set[str] = set()
        self.delegations: set[str] = set()
        self.agreements: set[str] = set()
        self.contracts: set[str] = set()

    def add(self, ids: Iterable[str]) -> None:
        """The records whose lines may touch the boxes ``ids``."""
        current = self.current
        for n in ids:
            if n.startswith("org__"):
                org = n[5:]
                self.bodies |= {b.id for b in current.bodies_of(org)}
                self.agreements |= {a.id for a in current.agreements_of(org)}
                self.contracts |= {c.id for c in current.contracts_of(org)}
                continue
            record = current.record(n)
            if isinstance(record, Body):
                self.bodies.add(n)
                self.bodies |= self.reporters.get(n, set())
                self._holder(n)
                self.agreements |= {a.id for a in current.agreements_establishing(n)}
                if record.kind in _BOARDS and len(record.organisations) == 1:
                    self.orgs.add(record.organisations[0])
                elif record.kind is BodyKind.COUNCIL_OF_GOVERNORS:
                    self.orgs |= set(record.organisations)
            elif isinstance(record, Post):
                self.bodies |= {b.id for b in current.bodies_with_post(n)}
                self._holder(n)
            elif isinstance(record, Agreement):
                self.agreements.add(n)
            elif isinstance(record, Contract):
                self.contracts.add(n)

    def _holder(self, holder: str) -> None:
        self.delegations |= {d.id for d in self.current.delegations_from(holder)}
        self.delegations |= {d.id for d in self.current.delegations_to(holder)}

    def _in_order(self, ids: set[str], kind: type) -> list[object]:
        records = [r for r in (self.current.record(i) for i in ids) if isinstance(r, kind)]
        return sorted(records, key=lambda r: self.order[id(r)])

    def lines(self, nodes: dict[str, Node]) -> list[Edge]:
        """Every line the records found draw, in the whole diagram's order (ends they
        reach are added to ``nodes``)."""
        parts = self.parts
        out: list[Edge] = []
        for b in self._in_order(self.bodies, Body):
            assert isinstance(b, Body)
            out += parts.body_lines(b)
        for d in self._in_order(self.delegations, Delegation):
            assert isinstance(d, Delegation)
            if parts.holder_drawn(d.from_) and parts.holder_drawn(d.to):
                out.append(parts.delegation_line(d))
        for a in self._in_order(self.agreements, Agreement):
            assert isinstance(a, Agreement)
            out += parts.agreement_lines(a, parts.drawn)
        if parts.contracts:
            for c in self._in_order(self.contracts, Contract):
                assert isinstance(c, Contract)
                out += parts.contract_lines(c)
        if parts.ends:
            orgs = self._in_order(self.orgs, Organisation)
            out += parts.statutory_lines(orgs, nodes)  # type: ignore[arg-type]
        return out


def _order(current: GovernanceModel) -> dict[int, int]:
    return {
        id(r): i
        for records in (
            current.organisations,
            current.bodies,
            current.delegations,
            current.agreements,
            current.contracts,
        )
        for i, r in enumerate(records)
    }


def _reporters(current: GovernanceModel) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for b in current.bodies:
        for target in b.reports_to:
            out.setdefault(target, set()).add(b.id)
    return out


def _posts_of(current: GovernanceModel) -> dict[str, list[Post]]:
    out: dict[str, list[Post]] = {}
    for p in current.posts:
        for org in dict.fromkeys(p.organisations):
            out.setdefault(org, []).append(p)
    return out


def _plain(current: GovernanceModel) -> bool:
    """Whether no id can be taken for one of the diagram's own and every body an agreement
    sets up is a body (or not in force)."""

    def check() -> bool:
        if any(i.startswith(_OWN) for i in current.ids()):
            return False
        return all(
            current.record(b) is None or isinstance(current.record(b), Body)
            for a in current.agreements
            for b in a.bodies
        )

    return current.derived("nearby:plain", check)


def _box(parts: Parts, id: str, ends: dict[str, Node]) -> Node | None:
    """The box ``id`` as the whole diagram draws it (ends from ``ends``)."""
    if id.startswith("end__"):
        return ends.get(id)
    if id.startswith("org__"):
        org = parts.current.record(id[5:])
        return parts.organisation(org) if isinstance(org, Organisation) else None
    if not parts.drawn(id):
        return None
    record = parts.current.record(id)
    if isinstance(record, Body):
        return parts.body(record)
    if isinstance(record, Post):
        return parts.post(record)
    if isinstance(record, Agreement):
        return parts.agreement(record)
    assert isinstance(record, Contract)
    return parts.contract(record)


def _core(parts: Parts, center: str) -> set[str]:
    """The boxes drawn as ``center`` or inside it (an organisation's cluster)."""
    current = parts.current
    record = current.record(center)
    if isinstance(record, Organisation):
        core = {f"org__{center}"}
        core |= {b.id for b in current.bodies_of(center) if b.organisations == (center,)}
        if parts.posts:
            core |= {
                p.id
                for p in current.derived("nearby:posts", lambda: _posts_of(current)).get(center, ())
                if parts.show_post(p.id)
                and [o for o in p.organisations if o in current] == [center]
            }
        return core
    return {center} if parts.drawn(center) else set()


def focus_scene(
    model: GovernanceModel,
    on: date,
    center: str,
    *,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
    findings: Iterable[FindingLike] = (),
) -> Scene:
    """``build_scene(model, on, ...).focus(center)``, drawn from the records near
    ``center`` alone (see the module docstring). Raises :class:`KeyError` when nothing
    is drawn as ``center``."""
    parts = Parts(model, on, posts=posts, ends=ends, contracts=contracts)
    if not _plain(parts.current) or center.startswith(_OWN):
        whole = build_scene(
            model, on, posts=posts, ends=ends, contracts=contracts, findings=findings
        )
        return whole.focus(center)
    core = _core(parts, center)
    if not core:
        raise KeyError(center)
    # The boxes next to the core, then every line among them and the headings of the
    # organisations they are drawn inside.
    ends_drawn: dict[str, Node] = {}
    near = _Near(parts)
    near.add(core)
    kept = set(core)
    for e in near.lines(ends_drawn):
        if e.source in core or e.target in core:
            kept |= {e.source, e.target}
    nodes = {n: box for n in kept if (box := _box(parts, n, ends_drawn)) is not None}
    for heading in {f"org__{box.cluster}" for box in nodes.values() if box.cluster}:
        if heading not in nodes and (box := _box(parts, heading, ends_drawn)) is not None:
            nodes[heading] = box
    near.add(nodes)
    ends_drawn = {}  # afresh, so that the lines between the ends are drawn again
    lines = [e for e in near.lines(ends_drawn) if e.source in nodes and e.target in nodes]
    return parts.scene(nodes, lines, findings, part=True).focus(center)
