"""Graphviz diagrams: building DOT is pure; running ``dot`` is a separate step.

>>> import govmodel
>>> g = govmodel.draw(govmodel.examples.load("msecc-2020"))
>>> g.source.splitlines()[0]
'digraph governance {'
"""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import graphviz

from govmodel.analysis.trace import Trace, trace
from govmodel.errors import GraphvizFailed, GraphvizMissing, InvalidArgument, NoSuchRecord
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.records import Body, Delegation, Organisation, Post, id_of
from govmodel.render.escape import dot_html, dot_string
from govmodel.render.scene import Edge, Node, Scene, build_scene

__all__ = ["Diagram", "GraphvizMissing", "diagram_bytes", "draw", "render", "scene_to_dot"]

FONT = "Helvetica"
HIGHLIGHT = "#c0392b"

NODE_STYLE: dict[str, dict[str, str]] = {
    "organisation": {"shape": "plaintext"},
    "board": {
        "shape": "box",
        "style": "rounded,filled,bold",
        "fillcolor": "#dbe8f5",
        "color": "#1f4e79",
    },
    "governors": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#e8e0f0",
        "color": "#5b3f86",
    },
    "committee": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#ffffff",
        "color": "#1f4e79",
    },
    "shared": {
        "shape": "box",
        "style": "rounded,filled",
        "peripheries": "2",
        "fillcolor": "#fff2cc",
        "color": "#b8860b",
    },
    "post": {
        "shape": "ellipse",
        "style": "filled",
        "fillcolor": "#f2f2f2",
        "color": "#7f7f7f",
        "fontsize": "9",
    },
    "agreement": {"shape": "note", "style": "filled", "fillcolor": "#e2f0d9", "color": "#38761d"},
    "contract": {
        "shape": "component",
        "style": "filled",
        "fillcolor": "#fce5cd",
        "color": "#b45f06",
    },
    "end": {
        "shape": "doubleoctagon",
        "style": "filled",
        "fillcolor": "#f4cccc",
        "color": "#990000",
        "fontsize": "9",
    },
}

EDGE_STYLE: dict[str, dict[str, str]] = {
    "delegates_to": {"color": "#1f4e79", "penwidth": "1.8", "fontcolor": "#1f4e79"},
    "reports_to": {"style": "dashed", "color": "#595959", "arrowhead": "empty"},
    "member_of": {
        "style": "dotted",
        "color": "#7f7f7f",
        "arrowhead": "none",
        "fontcolor": "#595959",
    },
    "part_of": {"style": "dotted", "color": "#b8860b", "arrowhead": "none"},
    "party_to": {"style": "dashed", "color": "#38761d", "arrowhead": "none"},
    "establishes": {"style": "dashed", "color": "#38761d", "arrowhead": "open"},
    "commissions": {"color": "#b45f06", "arrowhead": "none"},
    "provided_by": {"color": "#b45f06"},
    "statutory": {"color": "#990000", "style": "bold", "arrowhead": "normal"},
}

LEGEND_EDGES = [
    ("delegates_to", "delegation (matters, limit)"),
    ("reports_to", "reporting line"),
    ("member_of", "membership"),
    ("provided_by", "contract (commissioner to provider)"),
    ("party_to", "party to an agreement"),
    ("statutory", "statutory accountability"),
]
LEGEND_NODES = [
    ("board", "Board"),
    ("committee", "Committee"),
    ("shared", "Joint or shared body"),
    ("post", "Post"),
    ("agreement", "Agreement"),
    ("contract", "Contract"),
    ("end", "Statutory end"),
]


class Diagram(graphviz.Digraph):  # type: ignore[misc]
    """A :class:`graphviz.Digraph` that falls back to text in a notebook without ``dot``."""

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


def _name(node_id: str) -> str:
    """The DOT node name of a scene node (the scene has kept model ids clear of the
    names it makes itself)."""
    return node_id


def _node_label(node: Node) -> str:
    if node.role == "organisation":
        return (
            f"<<b>{_q(node.label)}</b><br/><font point-size='9' color='#444444'>"
            f"{_q(node.detail)}</font>>"
        )
    if node.role in ("end", "post"):
        return f"<{_q(node.label)}>"
    members = "".join(
        f"<br align='left'/><font point-size='8'>· {_q(m)}</font>" for m in node.members
    )
    tail = "<br align='left'/>" if members else ""
    return (
        f"<<b>{_q(node.label)}</b><br/><font point-size='8' color='#555555'>"
        f"{_q(node.detail)}</font>{members}{tail}>"
    )


def scene_to_dot(scene: Scene, *, legend: bool = True) -> Diagram:
    """Turn a scene into a :class:`Diagram` (pure; ``dot`` is not run)."""
    boxes = len([c for c, _ in scene.clusters if c not in scene.lonely])
    wide = boxes > 6
    g = Diagram("governance", engine="dot")
    g.attr(
        rankdir="LR" if wide else "TB",
        compound="true",
        newrank="true",
        fontname=FONT,
        fontsize="11",
        nodesep="0.25",
        ranksep="0.45",
        size="7.2,10.5" if wide else "10.5,7.2",
        ratio="compress",
        labelloc="t",
        label=f"<<b>{_q(scene.title)}</b>  as of {scene.on.isoformat()}>",
    )
    g.attr("node", fontname=FONT, fontsize="10", margin="0.08,0.04")
    g.attr("edge", fontname=FONT, fontsize="8", arrowsize="0.7")

    def add_node(target: graphviz.Digraph, node: Node) -> None:
        attrs = dict(NODE_STYLE[node.role])
        if node.id in scene.highlight_nodes:
            attrs.update(color=HIGHLIGHT, penwidth="3")
        target.node(_name(node.id), _node_label(node), **attrs)

    by_cluster: dict[str | None, list[Node]] = {}
    for node in scene.nodes:
        by_cluster.setdefault(node.cluster, []).append(node)
    lonely = [cid for cid, _ in scene.clusters if cid in scene.lonely]
    for cluster_id, _label in scene.clusters:
        if cluster_id in lonely:
            continue
        with g.subgraph(name=f"cluster_{cluster_id}") as c:
            c.attr(label="", style="rounded", color="#9fc5e8", bgcolor="#f7fbff")
            for node in by_cluster.get(cluster_id, []):
                add_node(c, node)
    if lonely:
        with g.subgraph(name="cluster__others") as c:
            c.attr(
                label="Other organisations", fontsize="9", style="rounded,dashed", color="#9fc5e8"
            )
            for cluster_id in lonely:
                for node in by_cluster[cluster_id]:
                    add_node(c, node)
    for node in by_cluster.get(None, []):
        add_node(g, node)
    for edge in scene.edges:
        _add_edge(g, scene, edge)
    if legend:
        _legend(g)
    return g


def _add_edge(g: graphviz.Digraph, scene: Scene, edge: Edge) -> None:
    attrs: dict[str, Any] = dict(EDGE_STYLE[edge.relation])
    if edge.label:
        attrs["label"] = dot_string(edge.label)
    if frozenset((edge.source, edge.target)) in scene.highlight_edges:
        attrs.update(color=HIGHLIGHT, penwidth="3")
    boxed = {c for c, _ in scene.clusters}
    if (
        edge.source.startswith("org__")
        and edge.source[5:] in boxed
        and edge.source[5:] not in scene.lonely
    ):
        attrs["ltail"] = f"cluster_{edge.source[5:]}"
    if (
        edge.target.startswith("org__")
        and edge.target[5:] in boxed
        and edge.target[5:] not in scene.lonely
    ):
        attrs["lhead"] = f"cluster_{edge.target[5:]}"
    if edge.upward:
        attrs["dir"] = "back"
        if "ltail" in attrs or "lhead" in attrs:
            attrs["ltail"], attrs["lhead"] = attrs.pop("lhead", ""), attrs.pop("ltail", "")
            attrs = {k: v for k, v in attrs.items() if v}
        g.edge(_name(edge.target), _name(edge.source), **attrs)
    else:
        g.edge(_name(edge.source), _name(edge.target), **attrs)


def _legend(g: graphviz.Digraph) -> None:
    rows = []
    for role, label in LEGEND_NODES:
        style = NODE_STYLE[role]
        rows.append(
            f"<tr><td colspan='2' bgcolor='{style.get('fillcolor', '#ffffff')}' "
            f"border='1' color='{style.get('color', '#000000')}'>{_q(label)}</td></tr>"
        )
    for relation, label in LEGEND_EDGES:
        style = EDGE_STYLE[relation]
        line = {"dashed": "- - -&gt;", "dotted": "· · · ·", "bold": "&#9473;&#9473;&gt;"}.get(
            style.get("style", ""), "&#8212;&#8212;&gt;"
        )
        rows.append(
            f"<tr><td><font color='{style['color']}'>{line}</font></td>"
            f"<td align='left'>{_q(label)}</td></tr>"
        )
    table = (
        "<<table border='0' cellborder='0' cellspacing='2' cellpadding='2'>"
        "<tr><td colspan='2'><b>Legend</b></td></tr>" + "".join(rows) + "</table>>"
    )
    with g.subgraph(name="legend_rank") as c:
        c.attr(rank="sink")
        c.node("legend__key", table, shape="box", style="rounded", color="#bbbbbb", fontsize="8")


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
) -> Diagram:
    """A board-to-committee diagram of ``model`` as it stood on ``on`` (default ``as_of``).

    One cluster per organisation; shared bodies sit between the clusters; node
    shapes show kinds and edge styles relations (see the legend). ``highlight``
    marks the accountability paths of a :class:`~govmodel.analysis.trace.Trace`, or
    of a body, post, delegation or organisation (a record or its id, traced on the
    same date); ``focus`` keeps one organisation or record (or its id) with its
    neighbours. ``posts="auto"`` lists
    members inside each body and draws posts that give or receive delegations;
    ``posts=True`` draws every post with membership edges.
    """
    on = model.resolve_on(on)
    if highlight is not None and not isinstance(highlight, Trace):
        highlight = trace(model, highlight, on=on)
    scene = build_scene(model, on, posts=posts, ends=ends, contracts=contracts)
    if focus is not None:
        focus = id_of(focus)
        try:
            scene = scene.focus(focus)
        except KeyError:
            raise NoSuchRecord(
                "organisation or record to focus on", focus, closest(focus, model.ids())
            ) from None
    if highlight is not None:
        scene = scene.highlight(highlight.nodes(), highlight.edges())
    return scene_to_dot(scene, legend=legend)


def render(
    diagram: graphviz.Digraph,
    path: str | os.PathLike[str],
    *,
    protect: tuple[str | None, ...] = (),
    overwrite: bool = False,
) -> Path:
    """Write ``diagram`` to ``path``; the format comes from the suffix (``.svg``,
    ``.png``, ``.pdf`` or ``.dot``).

    Written through the one safe write path (:func:`govmodel.io.output.write_output`):
    an existing file is replaced only with ``overwrite=True``, never one of the
    ``protect`` files. The bytes are the same for the same diagram (PDF included).
    """
    from govmodel.io.output import write_output

    fmt = Path(path).suffix.lower().lstrip(".")
    data = diagram.source if fmt == "dot" else diagram_bytes(diagram, fmt)
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


def diagram_bytes(diagram: graphviz.Digraph, fmt: str) -> bytes:
    """Run ``dot`` for ``fmt`` (``svg``, ``png`` or ``pdf``); the same diagram always
    gives the same bytes (a PDF's creation date is fixed)."""
    if fmt not in ("svg", "png", "pdf"):
        raise InvalidArgument("format", fmt, "svg, png, pdf (or write .dot source)")
    if fmt == "png":
        diagram = diagram.copy()
        diagram.attr(dpi="150")
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
