"""The timeline chart: each governance form's verdict over time, as SVG.

Pure text building (no Graphviz, no plotting library), so the chart is the
same byte for byte for the same timeline. One row per form that concerns the
parties, one band per verdict period (named inside the band where it fits),
and a numbered marker at each date a verdict changed; under the legend, each
marker's date, what changed and the rules whose in-force dates start or end
there. Verdicts are coloured through a table with a fallback, so a verdict
added to the rulebook still draws.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from govmodel.law.forms import form_info

if TYPE_CHECKING:
    from govmodel.law.timeline import Timeline, Turn
    from govmodel.law.verdicts import FormsResult, FormVerdict
    from govmodel.model.kinds import FormId

__all__ = ["timeline_svg"]

_COLOURS = {
    "lawful": "#4c9a5f",
    "partial": "#e0b33a",
    "advisory_only": "#6aaed6",
    "not_lawful": "#c9544d",
    "unknown": "#9e9e9e",
}
_INK = {"partial": "#3d3000", "advisory_only": "#0b2e4a"}  # dark text on light bands
_OTHER = "#9e9e9e"
_PLOT = 760
_ROW = 24
_CHAR = 6.2  # a 12 px Helvetica character, on average, with room to spare
_LINE = 16


def timeline_svg(timeline: Timeline, *, every_form: bool = False) -> str:
    """An SVG chart of ``timeline``: one row per form (those about the parties, or
    every form), one band per verdict period, a numbered marker at each change.

    >>> import govmodel
    >>> svg = timeline_svg(govmodel.timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01"))
    >>> svg.startswith("<svg") and "Joint committee" in svg and "JC-001" in svg
    True
    """
    start, end = timeline.start, timeline.end
    span = max((end - start).days + 1, 1)
    forms = timeline.shown(every_form=every_form)
    titles = {f: form_info(f).title for f in forms}
    label = round(20 + _CHAR * max((len(t) for t in titles.values()), default=10))
    width = label + _PLOT + 30
    turns = [t for t in timeline.turns if any(s.form in forms for s in t.shifts)]
    notes = [f"The chart {n}." for n in timeline.notes]
    top = 58 + _LINE * len(notes) + (8 if notes else 0)

    def x(day: date) -> float:
        return round(label + _PLOT * (day - start).days / span, 1)

    bottom = top + _ROW * len(forms)
    changes = list(timeline)
    out: list[str] = []
    out.append(
        f'<text x="10" y="24" font-size="15" font-weight="bold">{escape(_title(timeline))}</text>'
    )
    out += [
        f'<text x="10" y="{46 + _LINE * i}" fill="#555">{escape(note)}</text>'
        for i, note in enumerate(notes)
    ]
    years = end.year - start.year
    step = 1 if years <= 25 else 2 if years <= 50 else 5
    for year in range(start.year + (start != date(start.year, 1, 1)), end.year + 1):
        if year % step:
            continue
        tick = date(year, 1, 1)
        out.append(
            f'<line x1="{x(tick)}" y1="{top - 6}" x2="{x(tick)}" y2="{bottom}" stroke="#e4e4e4"/>'
            f'<text x="{x(tick)}" y="{top - 10}" text-anchor="middle" fill="#555">{year}</text>'
        )
    for row, form in enumerate(forms):
        y = top + row * _ROW
        out.append(f'<text x="10" y="{y + 16}">{escape(titles[form])}</text>')
        for since, until, verdict in _bands(changes, form, end):
            value = verdict.verdict.value
            left, right = x(since), x(until)
            who = f" ({', '.join(verdict.eligible)})" if value == "partial" else ""
            out.append(
                f'<rect x="{left}" y="{y + 3}" width="{round(right - left, 1)}" '
                f'height="{_ROW - 6}" fill="{_COLOURS.get(value, _OTHER)}"><title>'
                f"{escape(titles[form])}: {escape(value.replace('_', ' '))}{escape(who)} from "
                f"{since.isoformat()}</title></rect>"
            )
            words = value.replace("_", " ")
            if who and right - left > _CHAR * len(words + who) + 12:
                words += who
            if right - left > _CHAR * len(words) + 12:
                out.append(
                    f'<text x="{round(left + 6, 1)}" y="{y + 16}" font-size="11" '
                    f'fill="{_INK.get(value, "white")}">{escape(words)}</text>'
                )
    for n, turn in enumerate(turns, start=1):
        at = x(turn.on)
        out.append(
            f'<line x1="{at}" y1="{top - 4}" x2="{at}" y2="{bottom + 4}" stroke="#222" '
            'stroke-width="1.2" stroke-dasharray="4 3"/>'
            f'<circle cx="{at}" cy="{bottom + 14}" r="9" fill="#222"/>'
            f'<text x="{at}" y="{bottom + 18}" text-anchor="middle" fill="white" '
            f'font-size="11" font-weight="bold">{n}</text>'
        )
    legend_y = bottom + 48
    seen = sorted({v.verdict.value for r in changes for v in r if v.form in forms}, key=_order)
    for i, value in enumerate(seen):
        lx = label + i * 130
        out.append(
            f'<rect x="{lx}" y="{legend_y - 11}" width="14" height="14" '
            f'fill="{_COLOURS.get(value, _OTHER)}"/>'
            f'<text x="{lx + 20}" y="{legend_y}">{escape(value.replace("_", " "))}</text>'
        )
    y = legend_y + 28
    if turns:
        out.append(f'<text x="10" y="{y}" font-weight="bold">What changed, and why</text>')
        y += _LINE + 4
    else:
        out.append(f'<text x="10" y="{y}" fill="#555">No verdict changes in this period.</text>')
        y += _LINE
    chars = int((width - 60) / _CHAR)
    for n, turn in enumerate(turns, start=1):
        lines = textwrap.wrap(_describe(turn, forms), chars)
        out.append(
            f'<circle cx="19" cy="{y - 4}" r="8" fill="#222"/>'
            f'<text x="19" y="{y}" text-anchor="middle" fill="white" font-size="10" '
            f'font-weight="bold">{n}</text>'
        )
        for line in lines:
            out.append(f'<text x="34" y="{y}">{escape(line)}</text>')
            y += _LINE
        y += 4
    hidden = [f.value for f in timeline.shown(every_form=True) if f not in forms]
    if hidden:
        text = f"Not shown (about other party types): {', '.join(hidden)}."
        for line in textwrap.wrap(text, chars + 4):
            out.append(f'<text x="10" y="{y + 4}" fill="#555" font-size="11">{escape(line)}</text>')
            y += _LINE - 2
    height = round(y + 14)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="12">\n<rect width="100%" height="100%" fill="white"/>'
    )
    return "\n".join([head, *out, "</svg>"]) + "\n"


def _bands(
    changes: list[FormsResult], form: FormId, end: date
) -> list[tuple[date, date, FormVerdict]]:
    """``(from, until, verdict)`` for each period ``form``'s verdict (and eligible
    parties) stayed the same; ``until`` is the day after the period."""
    out: list[tuple[date, date, FormVerdict]] = []
    for i, result in enumerate(changes):
        until = changes[i + 1].on if i + 1 < len(changes) else end + timedelta(days=1)
        verdict = result[form]
        last = out[-1][2] if out else None
        if last is not None and (last.verdict, last.eligible) == (
            verdict.verdict,
            verdict.eligible,
        ):
            out[-1] = (out[-1][0], until, last)
        else:
            out.append((result.on, until, verdict))
    return out


def _describe(turn: Turn, forms: Sequence[FormId]) -> str:
    shifts = [s for s in turn.shifts if s.form in forms]
    rules = tuple(dict.fromkeys(r for s in shifts for r in s.rules))
    why = f" [rules starting or ending that day: {', '.join(rules)}]" if rules else ""
    return f"{turn.on.isoformat()}: " + "; ".join(str(s) for s in shifts) + why


def _order(value: str) -> tuple[int, str]:
    order = list(_COLOURS)
    return (order.index(value) if value in order else len(order), value)


def _title(timeline: Timeline) -> str:
    names = [p.name for p in timeline.parties]
    parties = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    return (
        f"Governance forms for {parties}, {timeline.start.isoformat()} to "
        f"{timeline.end.isoformat()}"
    )
