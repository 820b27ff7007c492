"""HTML for Jupyter: escaped, deterministic, readable without extra CSS."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["html_table", "model_html"]


def html_table(
    headers: list[str], rows: list[list[str]], *, row_styles: list[str] | None = None
) -> str:
    """A plain HTML table; cells are escaped, ``row_styles`` are inline CSS per row."""
    head = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        style = f" style='{row_styles[i]}'" if row_styles and row_styles[i] else ""
        cells = "".join(f"<td style='text-align:left'>{escape(c)}</td>" for c in row)
        body.append(f"<tr{style}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def model_html(model: GovernanceModel) -> str:
    """Summary of a model for notebook display."""
    orgs = html_table(
        ["id", "name", "type", "ODS"],
        [[o.id, o.name, o.type.value, o.ods or ""] for o in model.organisations],
    )
    bodies = html_table(
        ["id", "kind", "name", "organisations", "members"],
        [
            [b.id, b.kind.value, b.name, ", ".join(b.organisations), str(len(b.members))]
            for b in model.bodies
        ],
    )
    return (
        f"<h4>{escape(model.name)}</h4><p>As of {model.as_of.isoformat()}: "
        f"{len(model.organisations)} organisations, {len(model.bodies)} bodies, "
        f"{len(model.posts)} posts, {len(model.delegations)} delegations.</p>"
        f"<h5>Organisations</h5>{orgs}<h5>Bodies</h5>{bodies}"
    )
