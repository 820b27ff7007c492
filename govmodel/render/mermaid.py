"""Mermaid flowchart text, for papers written in Markdown."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from govmodel.render.escape import mermaid_comment, mermaid_id, mermaid_label
from govmodel.render.parts import build_scene
from govmodel.render.scene import Scene

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["to_mermaid"]

_ARROWS = {
    "delegates_to": "-->",
    "reports_to": "-.->",
    "member_of": "-.-",
    "part_of": "-.-",
    "party_to": "-.-",
    "establishes": "-.->",
    "commissions": "---",
    "provided_by": "-->",
    "statutory": "==>",
}
_SHAPES = {
    "board": ("[", "]"),
    "governors": ("[", "]"),
    "committee": ("(", ")"),
    "shared": ("{{", "}}"),
    "post": ("([", "])"),
    "agreement": ("[/", "/]"),
    "contract": ("[[", "]]"),
    "end": ("((", "))"),
    "organisation": ("[", "]"),
}


def _mid(node_id: str) -> str:
    return mermaid_id(node_id)


def _text(text: str) -> str:
    return mermaid_label(text)


def scene_to_mermaid(scene: Scene) -> str:
    """Mermaid ``flowchart`` text for a scene (deterministic)."""
    lines = [f"%% {mermaid_comment(scene.title)}, as of {scene.on.isoformat()}", "flowchart TB"]
    by_cluster: dict[str | None, list] = {}  # type: ignore[type-arg]
    for node in scene.nodes:
        by_cluster.setdefault(node.cluster, []).append(node)
    for cluster_id, label in scene.clusters:
        lines.append(f'  subgraph {_mid("cluster:" + cluster_id)}["{_text(label)}"]')
        for node in by_cluster.get(cluster_id, []):
            if node.role == "organisation":
                continue
            left, right = _SHAPES[node.role]
            lines.append(f'    {_mid(node.id)}{left}"{_text(node.label)}"{right}')
        lines.append("  end")
    for node in by_cluster.get(None, []):
        left, right = _SHAPES[node.role]
        lines.append(f'  {_mid(node.id)}{left}"{_text(node.label)}"{right}')
    for e in scene.edges:
        source = _mid("cluster:" + e.source[5:]) if e.source.startswith("org__") else _mid(e.source)
        target = _mid("cluster:" + e.target[5:]) if e.target.startswith("org__") else _mid(e.target)
        arrow = _ARROWS[e.relation]
        label = f'|"{_text(e.label)}"|' if e.label else ""
        if e.upward:
            source, target = target, source
        lines.append(f"  {source} {arrow}{label} {target}")
    return "\n".join(lines) + "\n"


def to_mermaid(model: GovernanceModel, *, on: date | str | None = None) -> str:
    """The model's diagram as Mermaid flowchart text.

    >>> import govmodel
    >>> print(govmodel.to_mermaid(govmodel.examples.load("nics-2021")).splitlines()[1])
    flowchart TB
    """
    on = model.resolve_on(on)
    return scene_to_mermaid(build_scene(model, on))
