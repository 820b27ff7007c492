"""The pack as one self-contained HTML file: inline SVG and CSS, no scripts, nothing
fetched; print CSS lays it out on A4 (diagram pages in their own orientation).
"""

from __future__ import annotations

from html import escape

from govmodel.pack.content import Block, Bullets, Document, Figure, Heading, Link, Para, Runs, Table

__all__ = ["CSS", "to_html"]

CSS = """
:root { --ink: #1b1b1b; --rule: #c9d3de; --head: #1f4e79; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; font-size: 10.5pt; line-height: 1.35; }
h1 { color: var(--head); font-size: 17pt; border-bottom: 2px solid var(--head);
     padding-bottom: .2rem; margin-top: 2rem; }
h1.title { font-size: 22pt; border: 0; margin-top: 0; }
h2 { color: var(--head); font-size: 13pt; margin-top: 1.2rem; }
h3 { color: var(--head); font-size: 11pt; margin: 1rem 0 .2rem; }
p.label { font-weight: bold; margin: .4rem 0 .1rem; }
ul { margin: .1rem 0 .4rem; padding-left: 1.3rem; }
li { margin: .1rem 0; }
p.lead { font-size: 13pt; font-weight: bold; }
p.note { color: #555; }
p.disclaimer { border: 1px solid #b00020; background: #fff4f4; padding: .5rem .7rem; }
nav ol { columns: 2; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 9pt; }
th { background: var(--head); color: #fff; text-align: left; padding: 3px 5px; }
td { border: 1px solid var(--rule); padding: 3px 5px; vertical-align: top; white-space: pre-line; }
tr:nth-child(even) td { background: #f5f8fb; }
a { color: #0b5394; }
table.forms td:nth-child(5) a { white-space: nowrap; }
table.forms td:nth-child(1) { width: 26%; } table.forms td:nth-child(2) { width: 14%; }
table.forms td:nth-child(3) { width: 10%; } table.forms td:nth-child(4) { width: 30%; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #555; }
td.v-lawful { background: #d4edda !important; }
td.v-partial { background: #fff3cd !important; }
td.v-advisory_only { background: #d1ecf1 !important; }
td.v-not_lawful { background: #f8d7da !important; }
td.v-unknown { background: #e2e3e5 !important; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@page diagram-landscape { size: A4 landscape; margin: 10mm; }
@page diagram-portrait { size: A4 portrait; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  nav { break-after: page; }
  h1 { margin-top: 1.4rem; }
  h1.title { margin-top: 0; }
  h1, h2, h3, p.label { break-after: avoid; }
  li { break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  figure { margin: 0; break-before: page; }
  figure.landscape { page: diagram-landscape; }
  figure.portrait { page: diagram-portrait; }
  figure svg { max-width: none; }
  figcaption { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def _runs(runs: Runs) -> str:
    if isinstance(runs, str):
        return escape(runs)
    out = []
    for run in runs:
        if isinstance(run, Link):
            out.append(f'<a href="{escape(run.url)}">{escape(run.text)}</a>')
        else:
            out.append(escape(run))
    return "".join(out)


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    rows = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            cls = ""
            if table.kind == "forms" and i == 1 and isinstance(cell, str):
                cls = f' class="v-{escape(cell.split(" (")[0].replace(" ", "_"))}"'
            cells.append(f"<td{cls}>{_runs(cell)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    kind = f' class="{escape(table.kind)}"' if table.kind else ""
    return f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        if block.level == 0:
            return f'<h1 class="title">{escape(block.text)}</h1>'
        anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        style = f' class="{block.style}"' if block.style else ""
        return f"<p{style}>{_runs(block.runs)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_runs(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    assert isinstance(block, Figure)
    return (
        f'<figure class="{block.orientation}">{block.svg}'
        f"<figcaption>{escape(block.title)} (A4 {block.orientation})</figcaption></figure>"
    )


def to_html(document: Document) -> str:
    """The whole pack as HTML text (deterministic for the same document)."""
    contents = "".join(
        f'<li><a href="#{escape(h.anchor)}">{escape(h.text)}</a></li>' for h in document.headings()
    )
    blocks = list(document.blocks)
    cover_end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1)
    cover = "\n".join(_block(b) for b in blocks[:cover_end])
    rest = "\n".join(_block(b) for b in blocks[cover_end:])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="govmodel">\n'
        f"<title>{escape(document.title)} — board pack as of {document.on.isoformat()}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="cover">\n{cover}\n</header>\n'
        f"<nav><h2>Contents</h2><ol>{contents}</ol></nav>\n"
        f"<main>\n{rest}\n</main>\n</body>\n</html>\n"
    )
