"""Graphviz diagrams: building DOT is pure; running ``dot`` is a separate step.

A diagram is drawn at its natural size, with a title block on top and a block
at the foot holding the key of organisation names, the legend and the footer
(model, date, source file, govmodel version, disclaimer).
:mod:`govmodel.render.a4` fits diagrams to A4 pages.

>>> import govmodel
>>> g = govmodel.draw(govmodel.examples.load("msecc-2020"))
>>> g.source.splitlines()[0]
'digraph governance {'
"""

from __future__ import annotations

import html
import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import graphviz

from govmodel.analysis.trace import Trace, trace
from govmodel.errors import GraphvizFailed, GraphvizMissing, InvalidArgument, NoSuchRecord
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.records import Body, Delegation, Organisation, Post, id_of
from govmodel.render.escape import dot_html, dot_string, visible
from govmodel.render.labels import check_url, wrap_words
from govmodel.render.legend import foot_label, footer_label, title_label
from govmodel.render.nearby import focus_scene
from govmodel.render.parts import build_scene
from govmodel.render.scene import Edge, FindingLike, Mark, Node, Scene
from govmodel.render.split import overview
from govmodel.render.style import EDGE_STYLE, FONT, HIGHLIGHT, HIGHLIGHT_WIDTH, NODE_STYLE, SIZES

__all__ = [
    "Diagram",
    "GraphvizMissing",
    "diagram_bytes",
    "draw",
    "pipe",
    "render",
    "scene_for",
    "scene_to_dot",
]

#: Characters per line of a box's name and of a member line.
NAME_WIDTH = 22
MEMBER_WIDTH = 36


class Diagram(graphviz.Digraph):  # type: ignore[misc]
    """A :class:`graphviz.Digraph` that falls back to text in a notebook without ``dot``.

    ``scene`` is what it draws (kept so that pages can be cut from it).
    """

    scene: Scene | None = None

    def copy(self) -> Diagram:
        """A copy that draws the same scene."""
        twin: Diagram = super().copy()
        twin.scene = self.scene
        return twin

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        try:
            return {"image/svg+xml": self.pipe(format="svg", encoding="utf-8")}
        except graphviz.ExecutableNotFound:
            return {
                "text/plain": "Graphviz's `dot` is not installed, so the diagram cannot "
                "be shown. Install it (`apt-get install graphviz`, or `make "
                "setup`), or read the DOT source with `.source`.\n\n" + self.source
            }
        except graphviz.CalledProcessError as exc:
            detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
            return {"text/plain": f"Graphviz's `dot` could not draw this diagram: {detail}"}


def _q(text: str) -> str:
    return dot_html(text)


def escape(text: str) -> str:
    """Text for a quoted attribute inside an HTML-like label (controls shown)."""
    return html.escape(visible(text), quote=True)


def _lines(text: str, width: int) -> str:
    return "<br/>".join(_q(line) for line in wrap_words(text, width))


def _mark_cells(marks: tuple[Mark, ...]) -> str:
    """One row per finding code, each linked to the code's docs page."""
    rows = []
    for m in marks:
        colour = "#777777" if m.expected else ("#b00020" if m.severity == "error" else "#8a5a00")
        text = f"{m.code} {m.severity}" + (" (expected)" if m.expected else "")
        rows.append(
            f"<tr><td href='{_q(check_url(m.code))}' tooltip='{escape(m.message)}' "
            f"target='_blank'><font point-size='{SIZES['small']}' color='{colour}'>"
            f"&#9888; {_q(text)}</font></td></tr>"
        )
    return "".join(rows)


def _node_label(node: Node) -> str:
    small = SIZES["small"]
    rows = [f"<tr><td><b>{_lines(node.label, NAME_WIDTH)}</b></td></tr>"]
    if node.role in ("end", "post"):
        rows = [f"<tr><td>{_lines(node.label, NAME_WIDTH)}</td></tr>"]
    if node.detail and node.role != "end":
        rows.append(
            f"<tr><td><font point-size='{small}' color='#444444'>{_q(node.detail)}</font></td></tr>"
        )
    for note in node.notes:
        rows.append(
            f"<tr><td><font point-size='{small}' color='#7a1010'><i>"
            f"{_lines(note, MEMBER_WIDTH + 4)}</i></font></td></tr>"
        )
    for m in node.members:
        rows.append(
            f"<tr><td align='left' balign='left'><font point-size='{small}'>· "
            f"{_lines(m, MEMBER_WIDTH)}</font></td></tr>"
        )
    rows.append(_mark_cells(node.marks))
    return (
        "<<table border='0' cellborder='0' cellspacing='0' cellpadding='1'>"
        + "".join(rows)
        + "</table>>"
    )


def _edge_label(edge: Edge) -> str:
    rows = "".join(
        f"<tr><td>{_q(line)}</td></tr>" for line in edge.label.splitlines() if line
    ) + _mark_cells(edge.marks)
    return f"<<table border='0' cellborder='0' cellspacing='0' cellpadding='0'>{rows}</table>>"


def scene_to_dot(
    scene: Scene, *, legend: bool = True, rankdir: str | None = None, stacked: bool = False
) -> Diagram:
    """Turn a scene into a :class:`Diagram` at its natural size (pure; ``dot`` is not run).

    ``rankdir`` is ``"TB"`` (top to bottom) or ``"LR"``; by default arrangements with
    more than six organisations with bodies are laid out left to right. ``stacked``
    puts the legend under the key of organisation names rather than beside it.
    """
    boxes = len([c for c, _ in scene.clusters if c not in scene.lonely])
    direction = rankdir or ("LR" if boxes > 6 else "TB")
    g = Diagram("governance", engine="dot")
    g.scene = scene
    g.attr(
        rankdir=direction,
        compound="true",
        newrank="true",
        fontname=FONT,
        fontsize=str(SIZES["title"]),
        nodesep="0.18",
        ranksep="0.32",
        pad="0.1",
        labelloc="t",
        labeljust="l",
        label=title_label(scene),
    )
    g.attr("node", fontname=FONT, fontsize=str(SIZES["name"]), margin="0.06,0.03")
    g.attr("edge", fontname=FONT, fontsize=str(SIZES["small"]), arrowsize="0.7")

    def add_node(target: graphviz.Digraph, node: Node) -> None:
        attrs = dict(NODE_STYLE[node.role])
        if node.id in scene.highlight_nodes:
            attrs.update(color=HIGHLIGHT, penwidth=HIGHLIGHT_WIDTH)
        attrs["tooltip"] = dot_string(node.tooltip or node.label)
        if node.url:
            attrs.update(URL=node.url, target="_blank")
        attrs["id"] = f"node-{node.id}"
        target.node(node.id, _node_label(node), **attrs)

    by_cluster: dict[str | None, list[Node]] = {}
    for node in scene.nodes:
        by_cluster.setdefault(node.cluster, []).append(node)
    lonely = [cid for cid, _ in scene.clusters if cid in scene.lonely]
    anchors = _anchors(scene, by_cluster)
    with g.subgraph(name="cluster__page") as outer, outer.subgraph(name="cluster__key") as page:
        outer.attr(label=footer_label(scene), labelloc="b", labeljust="l", color="#ffffff")
        page.attr(
            label=foot_label(scene, legend=legend, stacked=stacked),
            labelloc="b",
            labeljust="l",
            color="#ffffff",
            margin="4",
        )
        for cluster_id, _label in scene.clusters:
            if cluster_id in lonely:
                continue
            with page.subgraph(name=f"cluster_{cluster_id}") as c:
                members = by_cluster.get(cluster_id, [])
                heading = next(n for n in members if n.id == f"org__{cluster_id}")
                c.attr(
                    label=_node_label(heading),
                    tooltip=dot_string(heading.tooltip or heading.label),
                    id=f"cluster-{cluster_id}",
                    labelloc="t",
                    labeljust="l",
                    style="rounded,filled",
                    color="#9fc5e8",
                    fillcolor="#f7fbff",
                )
                if heading.id in scene.highlight_nodes:
                    c.attr(color=HIGHLIGHT, penwidth=HIGHLIGHT_WIDTH)
                for node in members:
                    if node is not heading:
                        add_node(c, node)
        if lonely:
            with page.subgraph(name="cluster__others") as c:
                c.attr(
                    label="Other organisations",
                    labelloc="t",
                    fontsize=str(SIZES["small"]),
                    style="rounded,dashed",
                    color="#9fc5e8",
                )
                for cluster_id in lonely:
                    for node in by_cluster[cluster_id]:
                        add_node(c, node)
        for node in by_cluster.get(None, []):
            add_node(page, node)
    for edge in scene.edges:
        _add_edge(g, scene, edge, anchors)
    return g


def _anchors(scene: Scene, by_cluster: dict[str | None, list[Node]]) -> dict[str, str]:
    """For each organisation drawn as a box, the node its lines attach to (its board,
    else its first body): the box's label takes the place of the organisation's node."""
    out = {}
    for cluster_id, _label in scene.clusters:
        if cluster_id in scene.lonely:
            continue
        inside = [n for n in by_cluster.get(cluster_id, []) if n.role != "organisation"]
        boards = [n for n in inside if n.role == "board"]
        out[f"org__{cluster_id}"] = (boards or inside)[0].id
    return out


def _add_edge(g: graphviz.Digraph, scene: Scene, edge: Edge, anchors: dict[str, str]) -> None:
    attrs = dict(EDGE_STYLE[edge.relation])
    if edge.label or edge.marks:
        attrs["label"] = _edge_label(edge)
    if frozenset((edge.source, edge.target)) in scene.highlight_edges:
        attrs.update(color=HIGHLIGHT, penwidth=HIGHLIGHT_WIDTH, style="solid")
    attrs["tooltip"] = dot_string(edge.tooltip or edge.relation.replace("_", " "))
    if edge.url:
        attrs.update(URL=edge.url, target="_blank")
    source, target = anchors.get(edge.source, edge.source), anchors.get(edge.target, edge.target)
    if source == target:
        return
    if edge.source in anchors:
        attrs["ltail"] = f"cluster_{edge.source[5:]}"
    if edge.target in anchors:
        attrs["lhead"] = f"cluster_{edge.target[5:]}"
    if edge.upward:
        attrs["dir"] = "back"
        if "ltail" in attrs or "lhead" in attrs:
            attrs["ltail"], attrs["lhead"] = attrs.pop("lhead", ""), attrs.pop("ltail", "")
            attrs = {k: v for k, v in attrs.items() if v}
        g.edge(target, source, **attrs)
    else:
        g.edge(source, target, **attrs)


def scene_for(
    model: GovernanceModel,
    *,
    on: date | str | None = None,
    highlight: Trace | str | Body | Post | Delegation | Organisation | None = None,
    focus: str | Body | Post | Organisation | None = None,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
    findings: bool = True,
) -> Scene:
    """The scene :func:`draw` draws (see there for the options)."""
    on = model.resolve_on(on)
    label = ""
    if highlight is not None and not isinstance(highlight, Trace):
        label = id_of(highlight)
        highlight = trace(model, highlight, on=on)
    elif isinstance(highlight, Trace):
        label = highlight.subject
    found: tuple[FindingLike, ...] = ()
    if findings:
        found = _findings(model, on)
    options: dict[str, Any] = {"posts": posts, "ends": ends, "contracts": contracts}
    if focus is None:
        scene = build_scene(model, on, findings=found, **options)
    else:
        focus = id_of(focus)
        try:
            scene = focus_scene(model, on, focus, findings=found, **options)
        except KeyError:
            raise NoSuchRecord(
                "organisation or record to focus on", focus, closest(focus, model.ids())
            ) from None
    if highlight is not None:
        scene = scene.highlight(highlight.nodes(), highlight.edges())
        scene = attrs.evolve(scene, highlighted=label)
    return scene


def _findings(model: GovernanceModel, on: date) -> tuple[FindingLike, ...]:
    """What :func:`govmodel.check` finds on ``on``, marked on diagrams: worked out once per
    model and date, so that drawing one record after another does not check again."""
    from govmodel.checks import check

    return model.on(on).derived("render:findings", lambda: tuple(check(model, on=on).findings))


def draw(
    model: GovernanceModel,
    *,
    on: date | str | None = None,
    highlight: Trace | str | Body | Post | Delegation | Organisation | None = None,
    focus: str | Body | Post | Organisation | None = None,
    legend: bool = True,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
    findings: bool = True,
    overview_only: bool = False,
) -> Diagram:
    """A board-to-committee diagram of ``model`` as it stood on ``on`` (default ``as_of``).

    One cluster per organisation; shared bodies sit between the clusters; node
    shapes show kinds and edge styles relations (see the legend). ``highlight``
    marks the accountability paths of a :class:`~govmodel.analysis.trace.Trace`, or
    of a body, post, delegation or organisation (a record or its id, traced on the
    same date); ``focus`` keeps one organisation or record (or its id) with its
    neighbours. ``posts="auto"`` lists members inside each body and draws posts
    that give or receive delegations; ``posts=True`` draws every post with
    membership edges. ``ends=False`` summarises the statutory ends (Parliament,
    the Secretary of State, regulators, members) as one line per organisation.
    ``findings`` marks what :func:`govmodel.check` finds on the nodes and lines
    it is about, each code linked to its docs page. ``overview_only`` draws each
    organisation as one box.

    The diagram has its natural size; :func:`govmodel.render.a4.pages` fits it
    to A4, cutting it into an overview and one page per organisation when it
    would otherwise print too small to read.
    """
    scene = scene_for(
        model,
        on=on,
        highlight=highlight,
        focus=focus,
        posts=posts,
        ends=ends and not overview_only,
        contracts=contracts,
        findings=findings,
    )
    if overview_only:
        scene = overview(scene)
    return scene_to_dot(scene, legend=legend)


def render(
    diagram: graphviz.Digraph,
    path: str | os.PathLike[str],
    *,
    protect: tuple[str | None, ...] = (),
    dpi: int = 150,
    overwrite: bool = False,
    format: str | None = None,
) -> Path:
    """Write ``diagram`` to ``path``; the format comes from the suffix (``.svg``,
    ``.png``, ``.pdf`` or ``.dot``) unless ``format`` says; ``dpi`` sets a PNG's resolution.

    Written through the one safe write path (:func:`govmodel.io.output.write_output`):
    an existing file is replaced only with ``overwrite=True``, never one of the
    ``protect`` files. The bytes are the same for the same diagram (PDF included).
    """
    from govmodel.io.output import write_output

    fmt = format or Path(path).suffix.lower().lstrip(".")
    data = diagram.source if fmt == "dot" else pipe(diagram, fmt, dpi=dpi)
    return write_output(path, data, overwrite=overwrite, protect=protect)


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)([0-9]{14})")


def _stamp() -> bytes:
    """The time written into PDF files: ``SOURCE_DATE_EPOCH`` if set, else 1980-01-01."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    except ValueError:
        epoch = 315532800
    epoch = min(max(epoch, 0), 253402300799)  # within the years 1970..9999
    return time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()


def pipe(diagram: graphviz.Digraph, fmt: str, *, dpi: int = 150) -> bytes:
    """Run ``dot`` on ``diagram`` and return the ``fmt`` output (``svg``, ``png``, ``pdf``);
    the same diagram always gives the same bytes (a PDF's creation date is fixed)."""
    if fmt not in ("svg", "png", "pdf"):
        raise InvalidArgument("format", fmt, "svg, png, pdf (or write .dot source)")
    if fmt == "png":
        diagram = diagram.copy()
        diagram.attr(dpi=str(dpi))
    try:
        data: bytes = diagram.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(
            "Graphviz's `dot` program is not installed. Install it with "
            "`apt-get install graphviz` (`make setup` does this), or write "
            "a .dot file instead."
        ) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise GraphvizFailed(
            "Graphviz's `dot` could not draw this diagram" + (f": {detail[0]}" if detail else "")
        ) from None
    if fmt == "pdf":
        stamp = _stamp()
        data = _PDF_DATE.sub(lambda m: m.group(1) + stamp, data)
    return data


def diagram_bytes(diagram: graphviz.Digraph, fmt: str) -> bytes:
    """The ``svg``, ``png`` or ``pdf`` bytes of ``diagram`` (see :func:`pipe`)."""
    return pipe(diagram, fmt)
