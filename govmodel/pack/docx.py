"""The pack as a Word document (python-docx): real headings, styled tables, the
diagrams as images on pages of their own orientation.

Links (rule pages, citations) are real hyperlinks. The file is byte-identical
for the same model and date: its core properties carry the pack's date, and
the zip's entries fixed timestamps.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

from govmodel.pack.content import Bullets, Document, Figure, Heading, Link, Para, Runs, Table
from govmodel.render.labels import govmodel_version

__all__ = ["to_docx"]

_HEAD_FILL = "1F4E79"
_LINK = "0B5394"


def _text(runs: Runs) -> str:
    if isinstance(runs, str):
        return runs
    return "".join(r.text if isinstance(r, Link) else r for r in runs)


def _add_runs(paragraph: Any, runs: Runs, *, size: float | None = None) -> None:
    from docx.shared import Pt

    for r in (runs,) if isinstance(runs, str) else runs:
        if isinstance(r, Link):
            _hyperlink(paragraph, r, size)
        else:
            run = paragraph.add_run(r)
            if size:
                run.font.size = Pt(size)


def _hyperlink(paragraph: Any, link: Link, size: float | None) -> None:
    """A clickable link to ``link.url`` (an external relationship of the document)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    target = paragraph.part.relate_to(link.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), target)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", _LINK), ("w:u", "single")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        props.append(child)
    if size:
        half_points = OxmlElement("w:sz")
        half_points.set(qn("w:val"), str(round(size * 2)))
        props.append(half_points)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = link.text
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    element.append(run)
    paragraph._p.append(element)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _table(doc: Any, table: Table) -> None:
    from docx.shared import Pt, RGBColor

    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, _HEAD_FILL)
    _repeat_header(grid.rows[0])
    for run in (r for cell in grid.rows[0].cells for r in cell.paragraphs[0].runs):
        run.font.size = Pt(8.5)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _add_runs(cell.paragraphs[0], value, size=8.5)


def _orient(doc: Any, orientation: str) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape = orientation == "landscape"
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(10 if orientation != "text" else 18))


def _figure(doc: Any, figure: Figure) -> None:
    from docx.shared import Mm

    _orient(doc, figure.orientation)
    section = doc.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin - Mm(12)
    from govmodel.render.svg import page_size

    w, h = page_size(figure.svg)
    picture_width = min(width, int(height * w / h))
    doc.add_picture(io.BytesIO(figure.png), width=picture_width)
    doc.add_paragraph(f"{figure.title} (A4 {figure.orientation})", style="Caption")


def to_docx(document: Document) -> bytes:
    """The whole pack as ``.docx`` bytes."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    first = doc.sections[0]
    first.orientation = WD_ORIENT.PORTRAIT
    first.page_width, first.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(first, side, Mm(18))
    after_figure = False
    for block in document.blocks:
        if after_figure and not isinstance(block, Figure):
            _orient(doc, "text")
            doc.sections[-1].page_width, doc.sections[-1].page_height = Mm(210), Mm(297)
            after_figure = False
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            p = doc.add_paragraph(style="Intense Quote" if block.style == "disclaimer" else None)
            _add_runs(p, block.runs)
            if block.style == "lead":
                for run in p.runs:
                    run.bold = True
                    run.font.size = Pt(13)
            elif block.style == "label":
                p.paragraph_format.keep_with_next = True
                for run in p.runs:
                    run.bold = True
        elif isinstance(block, Bullets):
            for item in block.items:
                _add_runs(doc.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table):
            _table(doc, block)
        else:
            _figure(doc, block)
            after_figure = True
    stamp = datetime(document.on.year, document.on.month, document.on.day)
    props = doc.core_properties
    props.title = f"{document.title}: board pack as of {document.on.isoformat()}"
    props.subject = "Governance of the arrangement (a modelling aid, not legal advice)"
    props.author = props.last_modified_by = f"govmodel {govmodel_version()}"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.comments = f"Generated from {document.source or 'a model built in Python'}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue(), document.on)


def _fixed_zip(data: bytes, on: date) -> bytes:
    """The same zip with every entry stamped with the pack's date, in stored order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(on.year, on.month, on.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
