"""What a board-paper pack says, as plain data that HTML and Word both render.

:func:`build` reads a model on a date and returns a :class:`Document`: a list
of blocks (headings, paragraphs, lists, tables and figures). Every answer comes
from the library's own functions (``forms``, ``classify``, ``check``,
``trace``, ``who_can_decide``, the scheme of delegation table and the A4
diagram pages); nothing here decides anything.

Fields the rulebook may add to verdicts later (``requirements``, ``questions``)
are read when present, and verdicts are printed by their value, so new
verdicts such as ``unknown`` need no change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import Any

import attrs

from govmodel.analysis.authority import who_can_decide
from govmodel.analysis.classify import classify
from govmodel.analysis.forms import forms
from govmodel.analysis.trace import trace
from govmodel.checks import check
from govmodel.errors import GovModelError
from govmodel.model.governance import GovernanceModel
from govmodel.render.labels import DISCLAIMER, check_url, govmodel_version, pounds, rule_url

__all__ = ["Block", "Document", "Figure", "Heading", "Link", "Para", "Table", "build"]


@attrs.frozen
class Link:
    """Text that links somewhere (a rule's docs page, a citation)."""

    text: str
    url: str


#: A table cell or paragraph: plain text, or runs of text and links.
Runs = str | tuple[str | Link, ...]


@attrs.frozen
class Heading:
    """A heading: level 0 for the title, 1 for sections, 2 and 3 below."""

    text: str
    level: int = 1
    anchor: str = ""


@attrs.frozen
class Para:
    """A paragraph; ``style`` is ``""``, ``"lead"``, ``"label"`` (a run-in heading for
    the list that follows), ``"note"`` or ``"disclaimer"``."""

    runs: Runs
    style: str = ""


@attrs.frozen
class Bullets:
    """A bulleted list."""

    items: tuple[Runs, ...]


@attrs.frozen
class Table:
    """A table with a header row; ``kind`` names it (``forms``, ``findings``...)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    kind: str = ""


@attrs.frozen
class Figure:
    """A diagram page: its SVG (for HTML) and PNG (for Word), and its orientation."""

    title: str
    svg: str
    png: bytes
    orientation: str


Block = Heading | Para | Bullets | Table | Figure


@attrs.frozen
class Document:
    """The pack: its title, date, source and blocks in order."""

    title: str
    on: date
    source: str | None
    blocks: tuple[Block, ...]

    def headings(self) -> list[Heading]:
        """The section headings, for a contents list."""
        return [b for b in self.blocks if isinstance(b, Heading) and b.level == 1]


def _value(x: Any) -> str:
    return str(getattr(x, "value", x)).replace("_", " ")


def _section(title: str, anchor: str) -> Heading:
    return Heading(title, 1, anchor)


def _cover(model: GovernanceModel, on: date, source: str | None) -> list[Block]:
    current = model.on(on)
    partners = set(model.partners)
    rows = tuple(
        (
            o.name,
            o.short_name or "",
            _value(o.type),
            o.ods or "",
            "partner" if o.id in partners or not partners else "other",
        )
        for o in current.organisations
    )
    out: list[Block] = [
        Heading(model.name, 0),
        Para(f"Position as of {on.isoformat()}", "lead"),
    ]
    if model.description:
        out.append(Para(model.description))
    if model.assumed:
        out += [
            Heading("What-if: what this pack assumes", 2),
            Para(
                "This pack answers a what-if. It judges the model as if the following were "
                f"so; {source or 'the model'} itself says otherwise or says nothing.",
                "note",
            ),
            Bullets(tuple(f"{a} (from {a.origin})" for a in model.assumed)),
        ]
    out += [
        Heading("Partners and their legal types", 2),
        Table(("Organisation", "Short name", "Legal type", "ODS code", "Role"), rows, "partners"),
        Para(
            f"Prepared with govmodel {govmodel_version()} from "
            f"{source or 'a model built in Python'}.",
            "note",
        ),
        Para(DISCLAIMER + " Check every conclusion with your legal advisers.", "disclaimer"),
    ]
    return out


def _reason_runs(r: Any, stated: set[str]) -> tuple[str | Link, ...]:
    """A reason in full the first time its rule is met, by its title after that."""
    if r.rule in stated:
        return (Link(r.rule, rule_url(r.rule)), f" {_title(r.rule)} (stated above).")
    stated.add(r.rule)
    return (Link(r.rule, rule_url(r.rule)), f" {r.statement} (", Link(r.citation, r.url), ")")


def _title(rule_id: str) -> str:
    from govmodel.law.rules import rulebook

    rule = rulebook().get(rule_id)
    return rule.title if rule else rule_id


_RULE_ID = re.compile(r"\(([A-Z]+-[0-9]+[a-z]?)\)")


def _condition_items(verdict: Any, stated: set[str]) -> list[Runs]:
    """The verdict's conditions, each rule's text given in full the first time only."""
    items: list[Runs] = []
    for text in getattr(verdict, "conditions", ()):
        found = _RULE_ID.search(text)
        if found and found.group(1) in stated and "Disputed:" not in text:
            rule = found.group(1)
            items.append((Link(rule, rule_url(rule)), f" {_title(rule)} (stated above)."))
            continue
        if found:
            stated.add(found.group(1))
        items.append(str(text))
    return items


def _form_detail(verdict: Any, stated: set[str]) -> list[Block]:
    word = _value(verdict.verdict)
    out: list[Block] = [Heading(f"{verdict.title}: {word}", 3)]
    if verdict.eligible:
        out.append(Para(f"Who can take part: {', '.join(verdict.eligible)}."))
    why = "Why not" if word == "not lawful" else "On what it rests"
    out.append(Para(f"{why} ({_value(verdict.confidence)} confidence):", "label"))
    out.append(Bullets(tuple(_reason_runs(r, stated) for r in verdict.reasons)))
    if word == "not lawful":
        return out
    conditions = _condition_items(verdict, stated)
    if conditions:
        out += [Para("Conditions:", "label"), Bullets(tuple(conditions))]
    requirements = [
        f"{req.text} ({req.rule}): {_value(req.status)}"
        for req in getattr(verdict, "requirements", ())
        if req.fact
    ]
    if requirements:
        out += [Para("Facts the law turns on:", "label"), Bullets(tuple(requirements))]
    questions = list(getattr(verdict, "questions", ()))
    if questions:
        out += [Para("Questions to settle:", "label"), Bullets(tuple(map(str, questions)))]
    return out


def _forms(model: GovernanceModel, on: date) -> list[Block]:
    result = forms(model, on=on)
    parties = ", ".join(f"{p.name} ({_value(p.type)})" for p in result.parties)
    shown = result.applicable()
    rows = []
    for v in shown:
        verdict = _value(v.verdict) + (" (disputed)" if getattr(v, "disputed", False) else "")
        rules: tuple[str | Link, ...] = tuple(
            x
            for i, r in enumerate(v.reasons[:4])
            for x in ((", " if i else ""), Link(r.rule, rule_url(r.rule)))
        )
        rows.append((v.title, verdict, _value(v.confidence), ", ".join(v.eligible), rules))
    left_out = len(result.forms) - len(shown)
    out: list[Block] = [
        _section("Which governance forms are lawful", "forms"),
        Para(f"For {parties} on {on.isoformat()}."),
        Table(
            ("Form", "Verdict", "Confidence", "Who can take part", "Rules"), tuple(rows), "forms"
        ),
    ]
    if left_out:
        out.append(
            Para(
                f"{left_out} form{'s' if left_out != 1 else ''} about other kinds of "
                "organisation (a primary care trust's provider arm, say) "
                f"{'are' if left_out != 1 else 'is'} left out.",
                "note",
            )
        )
    stated: set[str] = set()
    out.append(Heading("The forms in detail", 2))
    for v in shown:
        out += _form_detail(v, stated)
    return out


def _joint_bodies(model: GovernanceModel, on: date) -> list[str]:
    return [b.id for b in model.on(on).bodies if len(b.organisations) > 1]


def _classification(model: GovernanceModel, on: date) -> list[Block]:
    rows: list[tuple[Runs, ...]] = []
    for body in _joint_bodies(model, on):
        try:
            c = classify(model, body, on=on)
        except GovModelError as exc:  # pragma: no cover - a body the classifier refuses
            rows.append((model.body(body).name, "", "", "", str(exc), ()))
            continue
        rules: tuple[str | Link, ...] = tuple(
            x for r in c.rules for x in (Link(r.id, rule_url(r.id)), " ")
        )
        rows.append(
            (
                model.body(body).name,
                _value(c.stated),
                _value(c.character),
                "no: its name claims more" if c.mismatch else "yes",
                c.explanation,
                rules,
            )
        )
    return [
        _section("What each joint body is in law", "classification"),
        Table(
            ("Body", "Stated kind", "In law", "Name fits", "Why", "Rules"),
            tuple(rows),
            "classification",
        )
        if rows
        else Para("The model has no body shared by two or more organisations."),
    ]


def _where(f: Any) -> str:
    loc = f.location
    return f"{PurePath(loc.file).name}:{loc.line}" if loc else ""


def _findings(model: GovernanceModel, on: date) -> list[Block]:
    report = check(model, on=on)
    out: list[Block] = [_section("What check finds in the scheme of delegation", "findings")]
    summary = report.summary()
    out.append(
        Para(
            f"{summary['errors']} errors, {summary['warnings']} warnings and {summary['info']} "
            f"notes not expected by the model; {summary['expected']} expected findings."
        )
    )
    for severity, title in (("error", "Errors"), ("warning", "Warnings"), ("info", "Notes")):
        found = [f for f in report if _value(f.severity) == severity and f.expected is None]
        out.append(Heading(f"{title} ({len(found)})", 2))
        if found:
            out.append(
                Table(
                    ("Code", "Finding", "About", "Where", "Law", "Next step"),
                    tuple(_finding_row(f) for f in found),
                    "findings",
                )
            )
        else:
            out.append(Para(f"No unexpected {title.lower()}."))
    expected = [f for f in report if f.expected is not None]
    out.append(Heading(f"Expected findings ({len(expected)})", 2))
    if expected:
        out.append(
            Table(
                ("Code", "Severity", "Finding", "About", "Why it is expected"),
                tuple(
                    (
                        (Link(f.code, check_url(f.code)),),
                        _value(f.severity),
                        f.message,
                        ", ".join(f.subjects),
                        f.expected or "",
                    )
                    for f in expected
                ),
                "expected",
            )
        )
    else:
        out.append(Para("The model expects no findings."))
    return out


def _finding_row(f: Any) -> tuple[Runs, ...]:
    law: Runs = (Link(f.citation.text, f.citation.url),) if f.citation else ""
    return (
        (Link(f.code, check_url(f.code)), f" {f.name}"),
        f.message,
        ", ".join(f.subjects),
        _where(f),
        law,
        f.hint,
    )


def _traces(model: GovernanceModel, on: date) -> list[Block]:
    out: list[Block] = [_section("Accountability of the joint bodies", "accountability")]
    bodies = _joint_bodies(model, on)
    if not bodies:
        out.append(Para("The model has no joint bodies to trace."))
    for body in bodies:
        t = trace(model, body, on=on)
        out.append(Heading(model.body(body).name, 2))
        items: list[Runs] = []
        for path in t.paths:
            runs: list[str | Link] = [body]
            for step in path:
                runs += [f" → {step.target} (", Link(_value(step.relation), step.citation.url), ")"]
            items.append(tuple(runs))
        out.append(Bullets(tuple(items)) if items else Para("No path upward."))
        out.append(Para(f"Ends reached: {', '.join(t.ends) or 'none'}."))
        for b in t.breaks:
            out.append(Para(f"Break at {b.at}: {b.reason}", "note"))
    return out


def _matters(model: GovernanceModel, on: date) -> list[str]:
    current = model.on(on)
    found = {m.id for m in model.matters}
    found |= {m for d in current.delegations for m in d.matters}
    found |= {m for b in current.bodies for m in b.reserved}
    return sorted(found)


def _who(model: GovernanceModel, on: date) -> list[Block]:
    rows = []
    for matter in _matters(model, on):
        for g in who_can_decide(model, matter, on=on):
            rows.append(
                (
                    model.matter(matter).name,
                    g.holder,
                    "no limit" if g.limit is None else pounds(g.limit),
                    g.organisation,
                    " → ".join(g.chain),
                )
            )
    return [
        _section("Who can decide the key matters", "authority"),
        Table(("Matter", "Holder", "Limit", "On behalf of", "Chain"), tuple(rows), "authority")
        if rows
        else Para("The model names no matters."),
    ]


def _scheme(model: GovernanceModel, on: date) -> list[Block]:
    from govmodel.render.tables import delegation_table

    frame = delegation_table(model, on=on)
    columns = [c for c in frame.columns if c != "matter"]
    rows = tuple(
        tuple("" if _missing(v) else str(v) for v in record)
        for record in frame[columns].itertuples(index=False, name=None)
    )
    return [
        _section("Scheme of reservation and delegation", "scheme"),
        Table(tuple(columns), rows, "scheme") if rows else Para("No delegations are modelled."),
    ]


def _missing(value: Any) -> bool:
    try:
        return bool(value != value) or value is None or str(value) == "<NA>"
    except (TypeError, ValueError):
        return False


def _diagrams(model: GovernanceModel, on: date, highlight: str | None) -> list[Block]:
    from govmodel.render.a4 import pages
    from govmodel.render.dot import pipe
    from govmodel.render.svg import inline

    out: list[Block] = [_section("Diagrams", "diagrams")]
    found = pages(model, on=on, highlight=highlight)
    if len(found) > 1:
        out.append(
            Para(
                "The arrangement is drawn as an overview and one page for each organisation, "
                "so that no text prints smaller than 7 pt on A4."
            )
        )
    for i, page in enumerate(found):
        svg = inline(pipe(page.diagram, "svg").decode("utf-8"))
        svg = svg.replace(' id="', f' id="d{i}-')
        out.append(Figure(page.title, svg, pipe(page.diagram, "png", dpi=200), page.orientation))
    return out


def _notes(model: GovernanceModel) -> list[Block]:
    out: list[Block] = [_section("Sources and notes", "sources")]
    out.append(Heading("Sources", 2))
    out.append(Bullets(tuple(model.sources)) if model.sources else Para("No sources are given."))
    out.append(Heading("Notes", 2))
    out.append(Bullets(tuple(model.notes)) if model.notes else Para("No notes are given."))
    rows = tuple(
        (record.id, note) for record in _records(model) if (note := getattr(record, "note", None))
    )
    if rows:
        out += [Heading("Notes on the records", 2), Table(("Record", "Note"), rows, "notes")]
    return out


def _records(model: GovernanceModel) -> Iterable[Any]:
    for collection in (
        "organisations",
        "bodies",
        "posts",
        "matters",
        "delegations",
        "agreements",
        "contracts",
    ):
        yield from getattr(model, collection)


def build(
    model: GovernanceModel, *, on: date | str | None = None, highlight: str | None = None
) -> Document:
    """The pack for ``model`` on ``on`` (default: its ``as_of``); ``highlight`` marks a
    body's accountability paths on the diagrams."""
    day = model.resolve_on(on)
    source = PurePath(model.source).name if model.source else None
    blocks: list[Block] = [
        *_cover(model, day, source),
        *_forms(model, day),
        *_classification(model, day),
        *_findings(model, day),
        *_traces(model, day),
        *_who(model, day),
        *_scheme(model, day),
        *_diagrams(model, day, highlight),
        *_notes(model),
        _section("Disclaimer", "disclaimer"),
        Para(
            f"{DISCLAIMER} govmodel reads the model file against its rulebook as it stood "
            "on the date above; it can be wrong, and the model can be incomplete. Take "
            "legal advice before relying on any conclusion in this pack.",
            "disclaimer",
        ),
    ]
    return Document(model.name, day, source, tuple(blocks))
