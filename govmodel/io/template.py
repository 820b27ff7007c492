"""The scheme of delegation template: blank, or filled with a model, as workbook bytes.

The sheets and columns are :data:`govmodel.io.sheets.SHEETS`, the same table
:func:`govmodel.io.excel.read_excel` reads, so a model written here reads back
unchanged. Drop-down lists (data validation) offer the kinds, yes and no, and
the ids typed on the other sheets. :func:`workbook_bytes` saves any openpyxl
workbook without a clock time in it, so the same content gives the same bytes
(the board-ready workbook of :mod:`govmodel.render.tables` uses it too).
openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from govmodel.io.convert import to_plain
from govmodel.io.sheets import ABOUT, ABOUT_FIELDS, LISTS, SHEETS, TEMPLATE_ROWS, Column, Sheet
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, MemberRole, PartyType, PostKind
from govmodel.model.matters import STANDARD_MATTERS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["workbook_bytes", "wrapped_lines", "write_workbook"]


def _fixed_zip(data: bytes, on: date) -> bytes:
    """Rewrite a zip with fixed timestamps so the workbook bytes do not depend on 'now'."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = (min(max(on.year, 1980), 2107), on.month, on.day, 0, 0, 0)  # what ZIP can hold
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def workbook_bytes(book: Workbook, on: date) -> bytes:
    """The bytes of ``book``, the same for the same content: its dates are ``on``, its
    zip entries carry no clock time."""
    from openpyxl.writer.excel import ExcelWriter

    stamp = datetime(min(max(on.year, 1980), 2107), on.month, on.day)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "govmodel"
    book.properties.lastModifiedBy = "govmodel"
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(book, archive).save()  # not save_workbook(), which stamps 'now'
    return _fixed_zip(buffer.getvalue(), on)


def _cell_value(value: Any, column: Column) -> Any:
    if column.value_type in ("ids",):
        return "; ".join(value)
    if column.value_type == "lines":
        return "\n".join(value)
    if column.value_type == "bool":
        return "yes" if value else "no"
    return value


def _put(sheet: Worksheet, row: int, col: int, value: Any, column: Column) -> None:
    from openpyxl.styles import Alignment

    cell = sheet.cell(row, col)
    cell.value = _cell_value(value, column)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text, never a formula, whatever it starts with
    if column.value_type == "date":
        cell.number_format = "yyyy-mm-dd"
    elif column.value_type == "money":
        cell.number_format = '"£"#,##0'
    wrap = column.value_type == "lines" or (isinstance(cell.value, str) and len(cell.value) > 40)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal="left")


def _rows_of(plain: dict[str, Any], spec: Sheet) -> list[dict[str, Any]]:
    if spec.collection == "members":
        return [{"body": b["id"], **m} for b in plain["bodies"] for m in b.get("members", ())]
    if spec.collection == "reserved":
        return [
            {"body": b["id"], "matter": m} for b in plain["bodies"] for m in b.get("reserved", ())
        ]
    if spec.collection == "delegations":
        return [{**d, "matters": m} for d in plain["delegations"] for m in d["matters"]]
    return list(plain.get(spec.collection, ()))


def _lists(book: Workbook) -> dict[str, str]:
    """The hidden sheet of drop-down values; returns list name -> list formula.

    Kinds and yes/no are fixed lists. The ids typed on one sheet are the filled
    part of its ID column (``OFFSET`` by ``COUNTA``); lists drawn from several
    places (bodies and posts; standard and own matters) are gathered on the Lists
    sheet with ``INDEX`` formulas, filled rows first, so no drop-down shows gaps.
    """
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    n = TEMPLATE_ROWS
    fixed: dict[str, list[str]] = {"yes/no": ["yes", "no"]}
    for kind in (PartyType, BodyKind, PostKind, MemberRole):
        fixed[kind.__name__] = kind.ids()
    gathered: dict[str, tuple[list[str], tuple[str, ...]]] = {
        "holders": ([], ("Bodies", "Posts")),
        "matters": ([m.id for m in STANDARD_MATTERS], ("Matters",)),
    }
    formulas: dict[str, str] = {}
    for name, source in (
        ("organisations", "Organisations"),
        ("bodies", "Bodies"),
        ("posts", "Posts"),
    ):
        formulas[name] = f"OFFSET({source}!$A$2,0,0,MAX(1,COUNTA({source}!$A$2:$A${n + 1})),1)"
    column = 0
    for name, values in fixed.items():
        column += 1
        letter = get_column_letter(column)
        sheet.cell(1, column, name)
        for r, value in enumerate(values, start=2):
            sheet.cell(r, column, value)
        formulas[name] = f"Lists!${letter}$2:${letter}${len(values) + 1}"
    for name, (values, sources) in gathered.items():
        column += 1
        letter = get_column_letter(column)
        sheet.cell(1, column, name)
        for r, value in enumerate(values, start=2):
            sheet.cell(r, column, value)
        # Each source's filled ids, one after another: (range, ids before it, its count).
        parts: list[tuple[str, str, str]] = []
        before = ""
        for src in sources:
            rng = f"{src}!$A$2:$A${n + 1}"
            parts.append((rng, before, f"COUNTA({rng})"))
            before = f"{before}+COUNTA({rng})" if before else f"COUNTA({rng})"
        for k in range(1, n * len(sources) + 1):
            formula = '""'
            for rng, start, count in reversed(parts):
                position = f"{k}-({start})" if start else str(k)
                formula = f"IF({position}<={count},INDEX({rng},{position}),{formula})"
            sheet.cell(len(values) + 1 + k, column, f"={formula}")
        last = len(values) + 1 + n * len(sources)
        formulas[name] = (
            f'OFFSET(Lists!${letter}$2,0,0,MAX(1,COUNTIF(Lists!${letter}$2:${letter}${last},"?*")),1)'
        )
    return formulas


def _validations(sheet: Worksheet, spec: Sheet, formulas: dict[str, str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, column in enumerate(spec.columns, start=1):
        if column.value_type == "kind" and column.kind is not None:
            source = column.kind.__name__
        elif column.value_type == "bool":
            source = "yes/no"
        elif column.ref in formulas and column.value_type in ("id", "ids"):
            source = column.ref or ""
        else:
            continue
        if source not in formulas:
            continue
        many = column.value_type == "ids"
        check = DataValidation(
            type="list",
            formula1=formulas[source],
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if many or column.value_type == "id" else "stop",
            errorTitle=column.header,
            error="Not in the list. Several ids may be separated by ';'."
            if many
            else "Not in the list: pick one, or type a name the other sheets use.",
            showInputMessage=True,
            promptTitle=column.header[:32],
            prompt=column.doc[:255],
        )
        letter = get_column_letter(i)
        check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(check)


def wrapped_lines(value: Any, width: int, size: int = 10) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide
    (an estimate: spreadsheets do not size rows of wrapped text when they open a file)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * (1.5 if size <= 8 else 1.15)) - 1)
    total = 0
    for part in value.split("\n"):
        words, line, count = part.split(" "), 0, 1
        for word in words:
            while len(word) > per_line:  # long ids break anywhere
                count += 1 if line else 0
                word, line = word[per_line:], 0
                count += 1
            if line and line + 1 + len(word) > per_line:
                count, line = count + 1, len(word)
            else:
                line += (1 if line else 0) + len(word)
        total += count
    return total


def _printable(sheet: Any, *, header: bool = True) -> None:
    """A4 landscape, fitted to the page width, the header row on every page.
    (Any: openpyxl's stubs make the page set-up parts optional.)"""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header:
        sheet.print_title_rows = "1:1"


def _style(sheet: Worksheet, columns: tuple[Column, ...], widths: dict[int, int]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(columns, start=1):
        cell = sheet.cell(1, i, column.header + (" *" if column.required else ""))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(column.doc, "govmodel", width=300, height=90)
        width = max(len(column.header) + 4, min(widths.get(i, 0) + 2, 50), 10)
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    _printable(sheet)


def write_workbook(model: GovernanceModel | None = None) -> bytes:
    """The template workbook as bytes: blank when ``model`` is ``None``, else filled
    with the model (what :func:`read_excel` reads back unchanged).

    Sheets: About, then one per record collection, Members, Reserved and
    Expected; a hidden Lists sheet feeds the drop-down lists of kinds, yes/no
    and the ids of bodies, posts, organisations and matters. The bytes are the
    same for the same model.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    about = book.worksheets[0]
    about.title = ABOUT.name
    plain = to_plain(model) if model is not None else {"bodies": [], "delegations": []}
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 80
    for row, column in enumerate(ABOUT_FIELDS, start=1):
        label = about.cell(row, 1, column.header + (" *" if column.required else ""))
        label.font = Font(bold=True)
        label.alignment = Alignment(vertical="top")
        if column.key in plain:
            _put(about, row, 2, plain[column.key], column)
            value = _cell_value(plain[column.key], column)
            about.row_dimensions[row].height = 15.0 * wrapped_lines(value, 80)
            about.cell(row, 2).alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="left"
            )
        about.cell(row, 3, column.doc).alignment = Alignment(vertical="top")
    guide = len(ABOUT_FIELDS) + 2
    about.cell(guide, 1, "How to fill in").font = Font(bold=True)
    lines = [
        "One sheet per kind of record; one record a row. Columns marked * are required.",
        "Give every organisation, body, post and matter a short ID (letters, digits, '.', '_', "
        "'-'); elsewhere a cell may name a record by its ID or by its name.",
        "Delegations: one matter a row; rows that share an ID are one delegation. Limits in "
        "pounds (250000, £250,000 or 250k).",
        "Dates as dates (or YYYY-MM-DD). Yes/no columns take yes or no.",
        "Then: govmodel import THIS.xlsx -o model.yaml, and govmodel check model.yaml.",
    ]
    for i, text in enumerate(lines, start=1):
        about.cell(guide + i, 1, text)
    _printable(about, header=False)
    formulas = _lists(book)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.name, index=len(book.sheetnames) - 1)
        widths: dict[int, int] = {}
        rows = _rows_of(plain, spec)
        for r, record in enumerate(rows, start=2):
            for i, column in enumerate(spec.columns, start=1):
                if column.key in record:
                    _put(sheet, r, i, record[column.key], column)
                    text = str(_cell_value(record[column.key], column))
                    widths[i] = max(widths.get(i, 0), max(len(t) for t in text.split("\n")))
        _style(sheet, spec.columns, widths)
        for r, record in enumerate(rows, start=2):
            height = max(
                wrapped_lines(
                    _cell_value(record[c.key], c) if c.key in record else None,
                    int(sheet.column_dimensions[get_column_letter(i)].width),
                )
                for i, c in enumerate(spec.columns, start=1)
            )
            if height > 1:
                sheet.row_dimensions[r].height = 15.0 * height
        _validations(sheet, spec, formulas)
    on = model.as_of if model is not None else date(2000, 1, 1)
    return workbook_bytes(book, on)
