"""The timeline chart: each governance form's verdict over time, as SVG.

Pure text building (no Graphviz, no plotting library), so the chart is the
same byte for byte for the same timeline. Verdicts are coloured through a
table with a fallback, so a verdict added to the rulebook still draws.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govmodel.law.timeline import Timeline

__all__ = ["timeline_svg"]

_COLOURS = {
    "lawful": "#4c9a5f",
    "partial": "#e0b33a",
    "advisory_only": "#6aaed6",
    "not_lawful": "#c9544d",
}
_OTHER = "#9e9e9e"
_LABEL = 230
_WIDTH = 1000
_ROW = 24
_TOP = 56


def timeline_svg(timeline: Timeline) -> str:
    """An SVG chart of ``timeline``: one row per form, one band per verdict period.

    >>> import govmodel
    >>> svg = timeline_svg(govmodel.timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01"))
    >>> svg.startswith("<svg") and "Joint committee" in svg
    True
    """
    start, end = timeline.start, timeline.end
    span = max((end - start).days + 1, 1)
    plot = _WIDTH - _LABEL - 20

    def x(day: date) -> float:
        return round(_LABEL + plot * (day - start).days / span, 1)

    changes = list(timeline)
    forms = list(changes[0]) if changes else []
    height = _TOP + _ROW * len(forms) + 70
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(_title(timeline))}</text>',
    ]
    for year in range(start.year + (start != date(start.year, 1, 1)), end.year + 1):
        tick = date(year, 1, 1)
        out.append(
            f'<line x1="{x(tick)}" y1="{_TOP - 6}" x2="{x(tick)}" '
            f'y2="{_TOP + _ROW * len(forms)}" stroke="#dddddd"/>'
            f'<text x="{x(tick)}" y="{_TOP - 10}" text-anchor="middle" fill="#555">{year}</text>'
        )
    for row, verdict in enumerate(forms):
        y = _TOP + row * _ROW
        out.append(f'<text x="10" y="{y + 16}">{escape(verdict.title)}</text>')
        for i, result in enumerate(changes):
            band_end = changes[i + 1].on if i + 1 < len(changes) else end + timedelta(days=1)
            value = result[verdict.form].verdict.value
            colour = _COLOURS.get(value, _OTHER)
            left, right = x(result.on), x(band_end)
            out.append(
                f'<rect x="{left}" y="{y + 3}" width="{round(right - left, 1)}" '
                f'height="{_ROW - 6}" fill="{colour}"><title>{escape(verdict.title)}: '
                f"{escape(value)} from {result.on.isoformat()}</title></rect>"
            )
    legend_y = _TOP + _ROW * len(forms) + 30
    seen = sorted({v.verdict.value for r in changes for v in r}, key=_order)
    for i, value in enumerate(seen):
        lx = _LABEL + i * 150
        out.append(
            f'<rect x="{lx}" y="{legend_y - 11}" width="14" height="14" '
            f'fill="{_COLOURS.get(value, _OTHER)}"/>'
            f'<text x="{lx + 20}" y="{legend_y}">{escape(value.replace("_", " "))}</text>'
        )
    out.append(
        f'<text x="10" y="{legend_y + 24}" fill="#555">Verdicts change on: '
        f"{escape(', '.join(r.on.isoformat() for r in changes))}</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _order(value: str) -> tuple[int, str]:
    order = list(_COLOURS)
    return (order.index(value) if value in order else len(order), value)


def _title(timeline: Timeline) -> str:
    first = next(iter(timeline), None)
    parties = ", ".join(p.name for p in first.parties) if first else ""
    return (
        f"Governance forms for {parties}, {timeline.start.isoformat()} to "
        f"{timeline.end.isoformat()}"
    )
