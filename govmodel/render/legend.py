"""The title block and the foot of a diagram: key of organisation names, legend and
footer (model, date, source file, govmodel version, disclaimer).

Both are Graphviz HTML-like labels, built from the scene alone (pure).
"""

from __future__ import annotations

from html import escape

from govmodel.render.labels import DISCLAIMER, govmodel_version, wrap_words
from govmodel.render.scene import Scene
from govmodel.render.style import (
    EDGE_STYLE,
    HIGHLIGHT,
    LEGEND_EDGES,
    LEGEND_NODES,
    NODE_STYLE,
    SIZES,
)

__all__ = ["foot_label", "footer_label", "footer_text", "title_label"]

_LINES = {"dashed": "- - - -&gt;", "dotted": "· · · · ·"}


def _q(text: str) -> str:
    return escape(text, quote=False)


def title_label(scene: Scene) -> str:
    """Model name (and page) in bold, the date beneath."""
    page = f" — {scene.page}" if scene.page else ""
    what_if = "".join(
        f"<br align='left'/>{_q(line)}"
        for line in wrap_words("What-if, not the model file: " + "; ".join(scene.assumed), 90)
    )
    return (
        f"<<b>{_q(scene.title + page)}</b>"
        f"<br align='left'/><font point-size='{SIZES['name']}'>As of {scene.on.isoformat()}"
        f"{what_if if scene.assumed else ''}</font><br align='left'/>>"
    )


def footer_text(scene: Scene) -> str:
    """The footer line: model, date, source file, govmodel version and disclaimer."""
    source = f"source {scene.source}" if scene.source else "built in Python"
    return (
        f"{scene.title} · as of {scene.on.isoformat()} · {source} · "
        f"govmodel {govmodel_version()} · {DISCLAIMER}"
    )


def _key_rows(scene: Scene) -> list[tuple[str, str]]:
    rows = [("<b>Organisations</b>", "")] if scene.key else []
    for k in scene.key:
        if k.name != k.short:
            full = "<br/>".join(_q(line) for line in wrap_words(k.name, 48))
            rows.append((f"<b>{_q(k.short)}</b>", full))
    return rows if len(rows) > 1 else []


def _legend_rows(scene: Scene) -> list[tuple[str, str]]:
    roles = {n.role for n in scene.nodes}
    relations = {e.relation for e in scene.edges}
    rows = []
    for role, words in LEGEND_NODES:
        if role in roles:
            style = NODE_STYLE[role]
            rows.append(
                (
                    f"<td bgcolor='{style.get('fillcolor', '#ffffff')}' border='1' "
                    f"color='{style.get('color', '#000000')}'>    </td>",
                    words,
                )
            )
    for relation, words in LEGEND_EDGES:
        if relation in relations:
            style = EDGE_STYLE[relation]
            line = _LINES.get(style.get("style", ""), "&#8212;&#8212;&gt;")
            rows.append(
                (
                    f"<td align='right'><font color='{style['color']}'><b>{line}</b></font></td>",
                    words,
                )
            )
    if scene.highlighted:
        rows.append(
            (
                f"<td align='right'><font color='{HIGHLIGHT}'>"
                "<b>&#9473;&#9473;&gt;</b></font></td>",
                f"highlighted: accountability of {scene.highlighted}",
            )
        )
    return rows


def _stacked(key: list[tuple[str, str]], marks: list[tuple[str, str]]) -> str:
    rows = [
        f"<tr><td align='left' valign='top'>{short}</td>"
        f"<td align='left' balign='left' colspan='3'>{full}</td></tr>"
        for short, full in key
    ]
    if marks:
        rows.append("<tr><td align='left' colspan='4'><b>Legend</b></td></tr>")
        half = -(-len(marks) // 2)
        for i in range(half):
            cells = []
            for swatch, words in (marks[i], *(marks[i + half : i + half + 1])):
                cells.append(swatch + f"<td align='left'>{_q(words)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<<font point-size='{SIZES['small']}'>"
        "<table border='0' cellborder='0' cellspacing='1' cellpadding='1'>"
        + "".join(rows)
        + "</table></font>>"
    )


def foot_label(scene: Scene, *, legend: bool = True, stacked: bool = False) -> str:
    """One grid: the key of organisation names beside the legend (in two or three
    columns), or with ``stacked`` the legend (in two columns) under the key."""
    key = _key_rows(scene)
    marks = _legend_rows(scene) if legend else []
    if stacked:
        return _stacked(key, marks)
    count = 3 if len(marks) > 8 else 2
    half = -(-len(marks) // count)
    columns = [marks[i * half : (i + 1) * half] for i in range(count)]
    height = max(len(key), half + 1 if marks else 0, 1)
    rows = []
    for i in range(height):
        cells = []
        short, full = key[i] if i < len(key) else ("", "")
        cells.append(f"<td align='left' valign='top'>{short}</td>")
        cells.append(f"<td align='left' valign='top' balign='left'>{full}</td>")
        if marks:
            cells.append("<td width='12'></td>")
            if i == 0:
                cells.append(f"<td align='left' colspan='{2 * count}'><b>Legend</b></td>")
            for column in columns if i > 0 else ():
                if i - 1 < len(column):
                    swatch, words = column[i - 1]
                    cells.append(swatch)
                    cells.append(f"<td align='left'>{_q(words)}</td>")
                else:
                    cells.append("<td></td><td></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<<font point-size='{SIZES['small']}'>"
        "<table border='0' cellborder='0' cellspacing='1' cellpadding='1'>"
        + "".join(rows)
        + "</table></font>>"
    )


def footer_label(scene: Scene) -> str:
    """The footer line as a label."""
    lines = "<br align='left'/>".join(_q(line) for line in wrap_words(footer_text(scene), 90))
    return f"<<font point-size='{SIZES['small']}' color='#555555'>{lines}<br align='left'/></font>>"
