"""HTML for Jupyter: escaped, deterministic, readable without extra CSS."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from govmodel.law.verdicts import VERDICT_COLOURS

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["html_of", "html_table", "model_html", "text_of"]


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


# -- result objects: one-line text and notebook HTML --------------------------------------
#
# Each result class inherits govmodel.display.Displayed, whose __repr__ and _repr_html_
# call text_of() and html_of() here. Verdicts and severities are looked up with a
# fallback, so a verdict or severity added later still displays.

_VERDICT_COLOURS = {v.value: colour for v, colour in VERDICT_COLOURS.items()}
_SEVERITY_COLOURS = {"error": "#f8d7da", "warning": "#fff3cd", "info": "#d1ecf1"}
_OTHER = "#eeeeee"


def _badge(text: str, colour: str) -> str:
    return (
        f"<span style='background:{colour};padding:1px 6px;border-radius:3px'>"
        f"<b>{escape(text)}</b></span>"
    )


def _link(text: str, url: str | None) -> str:
    return f"<a href='{escape(url)}'>{escape(text)}</a>" if url else escape(text)


def _pounds(limit: int | None) -> str:
    return "no limit" if limit is None else f"£{limit:,}"


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _counts(values: list[str]) -> str:
    order = list(dict.fromkeys(values))
    return ", ".join(f"{values.count(v)} {v}" for v in order)


def text_of(obj: object) -> str:
    """The concise one-line ``repr`` of a govmodel result object."""
    name = type(obj).__name__
    render = _TEXT.get(name)
    return f"<{name} {render(obj)}>" if render else object.__repr__(obj)


def html_of(obj: object) -> str:
    """Notebook HTML for a govmodel result object (escaped, deterministic)."""
    render = _HTML.get(type(obj).__name__)
    return render(obj) if render else f"<pre>{escape(text_of(obj))}</pre>"


def _verdict_text(v: Any) -> str:
    eligible = f" (eligible: {', '.join(v.eligible)})" if v.verdict.value == "partial" else ""
    disputed = ", disputed" if v.disputed else ""
    return f"{v.form.value}: {v.verdict.value}{eligible}, {v.confidence.value} confidence{disputed}"


def _verdict_html(v: Any) -> str:
    data = v.to_dict()
    colour = _VERDICT_COLOURS.get(v.verdict.value, _OTHER)
    head = (
        f"<p><b>{escape(v.title)}</b> ({escape(v.form.value)}): "
        f"{_badge(v.verdict.value, colour)} {escape(v.confidence.value)} confidence"
        f"{' - lawyers disagree' if v.disputed else ''}</p>"
    )
    parts = [head]
    if v.eligible:
        parts.append(f"<p>Eligible: {escape(', '.join(v.eligible))}</p>")
    if data.get("conditions"):
        items = "".join(f"<li>{escape(str(c))}</li>" for c in data["conditions"])
        parts.append(f"<p>Conditions:</p><ul>{items}</ul>")
    if data.get("requirements"):
        parts.append(
            "<p>Requirements:</p>"
            + html_table(
                ["status", "requirement", "rule", "fact"],
                [
                    [
                        str(r.get("status", "")),
                        str(r.get("text", "")),
                        str(r.get("rule", "")),
                        str(r.get("fact", "") or ""),
                    ]
                    for r in data["requirements"]
                ],
            )
        )
    rows = "".join(
        f"<tr><td>{escape(r.rule)}</td><td>{escape(r.effect.value)}</td>"
        f"<td>{escape(r.statement)}</td><td>{_link(r.citation, r.url)}</td>"
        f"<td>{escape(r.confidence.value)}</td></tr>"
        for r in v.reasons
    )
    parts.append(
        "<table><thead><tr><th>rule</th><th>effect</th><th>statement</th><th>citation</th>"
        f"<th>confidence</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return f"<div>{''.join(parts)}</div>"


def _forms_text(r: Any) -> str:
    parties = ", ".join(p.name for p in r.parties)
    return f"on {r.on.isoformat()} for {parties}: {_counts([v.verdict.value for v in r])}"


def _explanation_text(e: Any) -> str:
    held = sum(c.held for c in e.considered)
    return (
        f"{e.form.value} on {e.on.isoformat()}: {e.verdict.value}, "
        f"{held} of {len(e.considered)} rules held"
    )


def _finding_text(f: Any) -> str:
    where = f" at {f.location}" if f.location else ""
    expected = " (expected)" if f.expected else ""
    return f"{f.code} {f.severity.value}{expected}{where}: {_short(f.message)}"


def _finding_html(f: Any) -> str:
    colour = _SEVERITY_COLOURS.get(f.severity.value, _OTHER)
    basis = _link(f.citation.text, f.citation.url) if f.citation else "none cited"
    rows = [
        ["where", str(f.location or "")],
        ["about", ", ".join(f.subjects)],
        ["hint", f.hint],
    ]
    if f.expected:
        rows.append(["expected", f.expected])
    if getattr(f, "source", None) is not None:  # a local policy's or a plugin's finding
        rows.append(["source", f.source.render()])
    body = "".join(
        f"<tr><th style='text-align:left'>{escape(k)}</th><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    return (
        f"<div><p>{_badge(f.severity.value, colour)} <b>{escape(f.code)}</b> "
        f"{escape(f.name)}: {escape(f.message)}</p><table><tbody>{body}"
        f"<tr><th style='text-align:left'>legal basis</th><td>{basis}</td></tr>"
        "</tbody></table></div>"
    )


def _classification_text(c: Any) -> str:
    flag = " (mismatch)" if c.mismatch else ""
    return (
        f"{c.body} on {c.on.isoformat()}: stated {c.stated.value}, in law {c.character.value}{flag}"
    )


def _classification_html(c: Any) -> str:
    colour = "#f8d7da" if c.mismatch else "#d4edda"
    rules = "".join(
        f"<li>{escape(r.id)}: {escape(r.title)} ({_link(r.citation.text, r.citation.url)})</li>"
        for r in c.rules
    )
    mismatch = " - its stated kind claims more than it is" if c.mismatch else ""
    return (
        f"<div><p><b>{escape(c.body)}</b> on {c.on.isoformat()}: stated "
        f"<i>{escape(c.stated.value)}</i>, in law "
        f"{_badge(c.character.value, colour)}{escape(mismatch)}</p>"
        f"<p>{escape(c.explanation)}</p><ul>{rules}</ul></div>"
    )


def _grant_text(g: Any) -> str:
    how = "statutory" if g.statutory else "via " + " -> ".join(g.chain)
    return f"{g.holder} may decide {g.matter} for {g.organisation}: {_pounds(g.limit)}, {how}"


def _grant_row(g: Any) -> list[str]:
    return [g.holder, g.matter, g.organisation, _pounds(g.limit), " → ".join(g.chain)]


def _grant_html(g: Any) -> str:
    return html_table(["holder", "matter", "for", "limit", "chain"], [_grant_row(g)])


def _grants_question(gs: Any) -> str:
    if gs.holder is not None:
        return f"what {gs.holder} can decide on {gs.on.isoformat()}"
    amount = f" for {_pounds(gs.amount)}" if gs.amount is not None else ""
    return f"who can decide {gs.matter}{amount} on {gs.on.isoformat()}"


def _grants_text(gs: Any) -> str:
    key = "matter" if gs.holder is not None else "holder"
    names = sorted({getattr(g, key) for g in gs})
    listed = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    return f"{_grants_question(gs)}: {len(gs)} grants ({listed or 'none'})"


def _grants_html(gs: Any) -> str:
    table = (
        html_table(["holder", "matter", "for", "limit", "chain"], [_grant_row(g) for g in gs])
        if len(gs)
        else "<p><i>Nobody in the model.</i></p>"
    )
    return f"<div><p><b>{escape(_grants_question(gs).capitalize())}</b></p>{table}</div>"


def _trace_text(t: Any) -> str:
    return (
        f"{t.subject} on {t.on.isoformat()}: {len(t.paths)} paths to {len(t.ends)} ends, "
        f"{len(t.breaks)} breaks"
    )


def _timeline_text(t: Any) -> str:
    dates = ", ".join(turn.on.isoformat() for turn in t.turns[:4])
    more = ", ..." if len(t.turns) > 4 else ""
    count = f"{len(t.turns)} change{'' if len(t.turns) == 1 else 's'}"
    return f"{t.start.isoformat()} to {t.end.isoformat()}: {count} of verdict" + (
        f" ({dates}{more})" if t.turns else ""
    )


def _timeline_html(t: Any) -> str:
    from govmodel.render.chart import timeline_svg

    rows = [
        [turn.on.isoformat(), str(shift), ", ".join(shift.rules)]
        for turn in t.turns
        for shift in turn.shifts
        if shift.form in t.shown()
    ]
    table = html_table(["on", "what changed", "rules starting or ending that day"], rows)
    return f"<div>{timeline_svg(t)}{table if rows else ''}</div>"


def _diff_text(d: Any) -> str:
    r = d.records
    return (
        f"{d.old.name} -> {d.new.name}: {len(r.added)} added, {len(r.removed)} removed, "
        f"{len(r.changed)} changed; {len(d.verdicts)} verdicts changed; findings "
        f"{len(d.appeared)} appeared, {len(d.resolved)} resolved"
    )


def _diff_html(d: Any) -> str:
    rows = d.rows()
    styles = {
        "added": "background:#d4edda",
        "gained": "background:#d4edda",
        "appeared": "background:#fff3cd",
        "removed": "background:#f8d7da",
        "lost": "background:#f8d7da",
        "resolved": "background:#d1ecf1",
    }
    table = html_table(
        ["section", "change", "kind", "id", "field", "old", "new"],
        [[_short(str(row[k] or ""), 80) for k in row] for row in rows],
        row_styles=[styles.get(row["change"], "") for row in rows],
    )
    items = "".join(f"<li>{escape(line)}</li>" for line in d.summary())
    return (
        f"<div><p><b>{escape(str(d.old))}</b> &rarr; <b>{escape(str(d.new))}</b></p>"
        f"<ul>{items}</ul>{table if rows else ''}</div>"
    )


def _advice_text(a: Any) -> str:
    first = a.ranking[0].form.value if a.ranking else "none"
    return (
        f"on {a.on.isoformat()} for {', '.join(p.name for p in a.parties)}: "
        f"{len(a.ranking)} lawful forms ranked (first {first}), {len(a.ruled_out)} fall away"
    )


def _advice_html(a: Any) -> str:
    ranked = html_table(
        ["rank", "form", "serves", "partly", "fails", "what it would take", "placed"],
        [
            [
                str(o.rank),
                o.title,
                "; ".join(f"{p.aim} ({', '.join(o.cited(p))})" for p in o.serves),
                " ".join(f"{p.aim}: {p.why}" for p in o.partly),
                " ".join(f"{p.aim}: {p.why}" for p in o.fails),
                "; ".join(str(n) for n in o.needs),
                o.placed,
            ]
            for o in a.ranking
        ],
    )
    out = html_table(
        ["form", "verdict", "why it falls away"],
        [[r.title, r.verdict.value, " ".join(r.why)] for r in a.ruled_out],
        row_styles=[
            f"background:{_VERDICT_COLOURS.get(r.verdict.value, _OTHER)}" for r in a.ruled_out
        ],
    )
    parties = escape(", ".join(f"{p.name} ({p.type.value})" for p in a.parties))
    return (
        f"<div><p>Forms for {parties} on <b>{a.on.isoformat()}</b>, ranked for "
        f"{escape(', '.join(a.aims))}</p>{ranked}<p>Falling away:</p>{out}</div>"
    )


_TEXT: dict[str, Callable[[Any], str]] = {
    "FormVerdict": _verdict_text,
    "FormsResult": _forms_text,
    "Explanation": _explanation_text,
    "Finding": _finding_text,
    "Classification": _classification_text,
    "Grant": _grant_text,
    "Grants": _grants_text,
    "Trace": _trace_text,
    "Timeline": _timeline_text,
    "ModelDiff": _diff_text,
    "Advice": _advice_text,
}
_HTML: dict[str, Callable[[Any], str]] = {
    "FormVerdict": _verdict_html,
    "Finding": _finding_html,
    "Classification": _classification_html,
    "Grant": _grant_html,
    "Grants": _grants_html,
    "ModelDiff": _diff_html,
    "Advice": _advice_html,
    "Timeline": _timeline_html,
}
