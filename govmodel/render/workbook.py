"""The board-ready workbook: cover, scheme of delegation, authority, membership, findings.

Built cell by cell with openpyxl (imported when called) so that print set-up,
number formats and styles are exact: names with their ids beside them, money
in pounds, dates as dates, A4 landscape fitted to the width with the header
row on every page. :func:`govmodel.render.tables.excel_bytes` is the entry
point; the bytes depend only on the model and the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel._version import __version__
from govmodel.analysis.authority import grants
from govmodel.io.template import wrapped_lines as _lines
from govmodel.law.accountability import statutory_reserved
from govmodel.model.money import format_pounds

if TYPE_CHECKING:
    from openpyxl import Workbook

    from govmodel.model.governance import GovernanceModel

__all__ = ["Col", "board_workbook"]

_NAVY = "1F4E79"
_POUNDS = '"£"#,##0'
_DAY = "d mmm yyyy"


@attrs.frozen
class Col:
    """A column of a printed table: header, width (characters), and what it holds
    (``text``, ``id`` (grey, small), ``money``, ``date`` or ``flag``)."""

    header: str
    width: int
    kind: str = "text"


def _name(model: GovernanceModel, id: str) -> str:
    """The readable name of a record (``id`` itself when the model has no such record)."""
    if id not in model:
        return id
    kind = model.kind_of(id)
    if kind == "organisation":
        return model.organisation(id).label
    if kind == "body":
        return model.body(id).name
    if kind == "post":
        return model.post(id).title
    if kind == "matter":
        return model.matter(id).name
    return id


def _table(
    book: Workbook, title: str, columns: Sequence[Col], rows: list[list[Any]], empty: str
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    line = Side(style="thin", color="BFBFBF")
    border = Border(left=line, right=line, top=line, bottom=line)
    for i, column in enumerate(columns, start=1):
        cell = sheet.cell(1, i, column.header)
        cell.font = Font(bold=True, color="FFFFFF", size=10)
        cell.fill = PatternFill("solid", fgColor=_NAVY)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = border
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    sheet.row_dimensions[1].height = 13.0 * max(_lines(c.header, c.width, 10) for c in columns)
    for r, row in enumerate(rows, start=2):
        sheet.row_dimensions[r].height = 13.0 * max(
            _lines(value, column.width, 8 if column.kind == "id" else 10)
            for column, value in zip(columns, row, strict=True)
        )
        for i, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(r, i, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(size=8, color="595959") if column.kind == "id" else Font(size=10)
            if column.kind == "money" and isinstance(value, int):
                cell.number_format = _POUNDS
            elif column.kind == "date" and isinstance(value, date):
                cell.number_format = _DAY
    if not rows:
        note = sheet.cell(2, 1, empty)
        note.font = Font(italic=True, size=10)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    _print_setup(sheet, title)


def _print_setup(sheet: Any, title: str) -> None:
    # Any: openpyxl's stubs type the page set-up parts as optional, though a sheet has them.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    sheet.oddHeader.center.text = title
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "Page &P of &N"


def _scheme(model: GovernanceModel, on: date) -> tuple[list[Col], list[list[Any]]]:
    current = model.on(on)
    columns = [
        Col("Matter", 30),
        Col("Matter id", 16, "id"),
        Col("Delegated by", 22),
        Col("id", 14, "id"),
        Col("Delegated to", 22),
        Col("id", 14, "id"),
        Col("Limit (£)", 12, "money"),
        Col("May delegate onward", 10, "flag"),
        Col("Needs ratifying", 10, "flag"),
        Col("Instrument", 24),
        Col("Reserved to", 22),
        Col("From", 11, "date"),
        Col("Until", 11, "date"),
    ]
    rows: list[list[Any]] = []
    for d in sorted(current.delegations, key=lambda d: d.id):
        for m in d.matters:
            rows.append(
                [
                    _name(model, m),
                    m,
                    _name(model, d.from_),
                    d.from_,
                    _name(model, d.to),
                    d.to,
                    "no limit" if d.limit is None else d.limit,
                    "yes" if d.onward else "no",
                    "yes" if d.ratification else "no",
                    d.instrument or (d.agreement or ""),
                    _reserved_to(current, m),
                    d.start,
                    d.end,
                ]
            )
    for m, body in sorted({(m, b.id) for b in current.bodies for m in b.reserved}):
        rows.append(
            [
                _name(model, m),
                m,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "reserved by the body",
                f"{_name(model, body)} ({body})",
                None,
                None,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[3], r[5]))
    return columns, rows


def _reserved_to(model: GovernanceModel, matter: str) -> str:
    out = [f"{b.name} ({b.id})" for b in model.bodies if matter in b.reserved]
    for org in model.organisations:
        found = statutory_reserved(org.type, matter)
        if found:
            out.append(f"{org.label}: {found[0].value.replace('_', ' ')} by statute ({found[1]})")
    return "; ".join(sorted(out))


def _authority(model: GovernanceModel, on: date) -> tuple[list[Col], list[list[Any]]]:
    found = grants(model, on)
    delegated = {g.matter for g in found if g.delegations}
    cells: dict[tuple[str, str], list[tuple[str, int | None]]] = {}
    for g in found:
        if g.matter in delegated:
            cells.setdefault((g.matter, g.holder), []).append((g.organisation, g.limit))
    holders = sorted({h for _, h in cells})
    columns = [Col("Matter", 30), Col("Matter id", 16, "id")]
    columns += [Col(f"{_name(model, h)}\n({h})", 16, "money") for h in holders]
    rows = []
    for m in sorted({m for m, _ in cells}):
        row: list[Any] = [_name(model, m), m]
        for h in holders:
            entries = sorted(cells.get((m, h), []), key=lambda e: e[0])
            if not entries:
                row.append("")
            elif len(entries) == 1:
                row.append("no limit" if entries[0][1] is None else entries[0][1])
            else:
                row.append(
                    "; ".join(
                        f"{format_pounds(limit)} for {_name(model, org)}" for org, limit in entries
                    )
                )
        rows.append(row)
    return columns, rows


def _membership(model: GovernanceModel, on: date) -> tuple[list[Col], list[list[Any]]]:
    current = model.on(on)
    columns = [
        Col("Body", 26),
        Col("id", 16, "id"),
        Col("Member", 26),
        Col("id", 16, "id"),
        Col("Organisation", 16),
        Col("Role", 10),
        Col("Voting", 8, "flag"),
        Col("On behalf of", 16),
        Col("From", 11, "date"),
        Col("Until", 11, "date"),
    ]
    rows = []
    for b in sorted(current.bodies, key=lambda b: b.id):
        for m in b.members:
            post = current.post(m.post) if m.post and m.post in current else None
            org = post.organisation if post else None
            rows.append(
                [
                    b.name,
                    b.id,
                    post.title if post else (m.person or m.who),
                    m.post or "",
                    _name(model, org) if org else "",
                    m.role.value.replace("_", " "),
                    "yes" if m.voting else "no",
                    _name(model, m.on_behalf_of) if m.on_behalf_of else "",
                    m.start,
                    m.end,
                ]
            )
    return columns, rows


def _findings(model: GovernanceModel, on: date) -> tuple[list[Col], list[list[Any]], str]:
    from govmodel.checks import check

    report = check(model, on=on)
    columns = [
        Col("Severity", 10),
        Col("Code", 8),
        Col("Finding", 48),
        Col("About", 18, "id"),
        Col("Legal basis", 26),
        Col("What to do", 40),
        Col("Expected, because", 26),
    ]
    rows = [
        [
            f.severity.value + (" (expected)" if f.expected else ""),
            f.code,
            f"{f.name}: {f.message}",
            ", ".join(f.subjects),
            f.citation.text if f.citation else "",
            f.hint,
            f.expected or "",
        ]
        for f in report
    ]
    return columns, rows, report.headline()


def _cover(book: Workbook, model: GovernanceModel, on: date, headline: str) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.worksheets[0]
    sheet.title = "Cover"
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    sheet["A1"] = model.name
    sheet["A1"].data_type = "s"
    sheet["A1"].font = Font(bold=True, size=16, color=_NAVY)
    facts: list[tuple[str, Any]] = [
        ("Scheme of reservation and delegation", ""),
        ("Model", model.name),
        ("As of", on),
        ("Model file", model.source or ""),
        ("Drawn up by", f"govmodel {__version__}"),
        ("Findings", headline.split(": ", 1)[-1]),
    ]
    if model.description:
        facts.append(("About", model.description))
    facts.append(("", ""))
    facts.append(("Sheets", ""))
    facts += [
        ("Scheme of delegation", "Each delegated matter: by whom, to whom, limit and instrument."),
        ("Authority matrix", "Who may decide each matter, and up to what limit."),
        ("Membership", "Who sits on each body, with role and vote."),
        ("Findings", "What govmodel check found in the scheme, with the law and a next step."),
    ]
    for r, (label, value) in enumerate(facts, start=3):
        sheet.cell(r, 1, label).font = Font(bold=True)
        cell = sheet.cell(r, 2, value)
        if isinstance(value, str):
            cell.data_type = "s"
        if isinstance(value, date):
            cell.number_format = _DAY
            cell.alignment = Alignment(horizontal="left")
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.row_dimensions[r].height = 14.0 * _lines(value, 100, 10)
    sheet.cell(3, 1).font = Font(bold=True, size=12)
    _print_setup(sheet, "Cover")
    sheet.print_title_rows = None


def board_workbook(model: GovernanceModel, on: date) -> bytes:
    """The workbook's bytes for ``model`` on ``on`` (see
    :func:`govmodel.render.tables.excel_bytes`)."""
    from openpyxl import Workbook

    from govmodel.io.template import workbook_bytes

    book = Workbook()
    columns, rows, headline = _findings(model, on)
    _cover(book, model, on, headline)
    day = on.isoformat()
    _table(
        book,
        "Scheme of delegation",
        *_scheme(model, on),
        f"No delegation or reserved matter is in force on {day}.",
    )
    _table(
        book,
        "Authority matrix",
        *_authority(model, on),
        f"No matter is delegated on {day}, so every matter rests with the boards.",
    )
    _table(book, "Membership", *_membership(model, on), f"No body has members on {day}.")
    _table(book, "Findings", columns, rows, f"govmodel check found nothing on {day}.")
    return workbook_bytes(book, on)
