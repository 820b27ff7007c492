"""The board-paper pack: one document a company secretary can attach to a board paper.

:func:`pack` writes it as HTML (one self-contained file), Word (``.docx``) or
PDF (the HTML printed by headless Chromium). It holds a cover (arrangement,
date, partners and their legal types), the lawful forms with reasons and
conditions, what each joint body is in law, the findings of ``check`` by
severity with the expected ones, the accountability of the joint bodies, who
can decide the key matters, the scheme of delegation, the diagrams, the
model's sources and notes, and the disclaimer.

HTML, Word and PDF files are byte-identical for the same model, date and
version of govmodel, Graphviz (and, for PDF, Chromium).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from govmodel.errors import UsageError
from govmodel.model.governance import GovernanceModel
from govmodel.pack.content import Document, build

__all__ = ["FORMATS", "Document", "build", "pack"]

FORMATS = (".html", ".docx", ".pdf")


def pack(
    model: GovernanceModel,
    path: str | os.PathLike[str],
    *,
    on: date | str | None = None,
    highlight: str | None = None,
    protect: tuple[str | os.PathLike[str] | None, ...] = (),
    overwrite: bool = False,
) -> Path:
    """Write the pack for ``model`` on ``on`` (default: its ``as_of``) to ``path``;
    the format comes from the suffix (``.html``, ``.docx`` or ``.pdf``).

    ``highlight`` marks a body's accountability paths on the diagrams. The file is
    written through the one safe write path (:func:`govmodel.io.output.write_output`):
    an existing file only with ``overwrite=True``, never the model's own file or a
    ``protect`` file.

    >>> import govmodel, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "msecc.html"
    >>> govmodel.pack(govmodel.examples.load("msecc-2023"), out).name
    'msecc.html'
    """
    from govmodel.io.output import write_output

    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot write a pack as {suffix or 'a file with no suffix'}: "
            f"use one of {', '.join(FORMATS)}"
        )
    document = build(model, on=on, highlight=highlight)
    guard = (model.source, *protect)
    if suffix == ".docx":
        from govmodel.pack.docx import to_docx

        return write_output(path, to_docx(document), overwrite=overwrite, protect=guard)
    from govmodel.pack.html import to_html

    html = to_html(document)
    if suffix == ".html":
        return write_output(path, html, overwrite=overwrite, protect=guard)
    from govmodel.pack.chromium import print_pdf

    with tempfile.TemporaryDirectory(prefix="govmodel-pack-") as folder:
        page = Path(folder) / "pack.html"
        page.write_text(html, encoding="utf-8")
        return write_output(
            path, print_pdf(page, on=document.on), overwrite=overwrite, protect=guard
        )
