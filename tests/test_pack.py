"""The board-paper pack: HTML, Word and PDF, deterministic, opened in a real browser."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest

import govmodel
from govmodel.cli import main
from govmodel.pack.content import Figure, Table, build

from .conftest import run

BUILD = Path(__file__).resolve().parent.parent / "build" / "browser"
SECTIONS = [
    "Which governance forms are lawful",
    "What each joint body is in law",
    "What check finds in the scheme of delegation",
    "Accountability of the joint bodies",
    "Who can decide the key matters",
    "Scheme of reservation and delegation",
    "Diagrams",
    "Sources and notes",
    "Disclaimer",
]


@pytest.fixture(scope="module")
def msecc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The MSECC 2023 pack in HTML and Word, written by the command line."""
    folder = tmp_path_factory.mktemp("pack")
    path = str(govmodel.examples.path("msecc-2023"))
    out = {}
    for suffix in ("html", "docx"):
        out[suffix] = folder / f"msecc.{suffix}"
        assert main(["pack", path, "-o", str(out[suffix])]) == 0
    return out


@pytest.mark.needs_dot
def test_the_pack_holds_every_section_from_the_library() -> None:
    """Cover, forms, classification, findings, traces, authority, scheme, diagrams, notes."""
    document = build(govmodel.examples.load("msecc-2023"))
    assert [h.text for h in document.headings()] == SECTIONS
    tables = {b.kind: b for b in document.blocks if isinstance(b, Table)}
    assert {"partners", "forms", "classification", "expected", "authority", "scheme"} <= set(tables)
    assert len(tables["forms"].rows) == len(
        govmodel.forms(govmodel.examples.load("msecc-2023")).applicable()
    )
    assert len(tables["expected"].rows) == 6
    figures = [b for b in document.blocks if isinstance(b, Figure)]
    assert next(f.orientation for f in figures) == "landscape" and len(figures) == 4


@pytest.mark.needs_dot
def test_html_is_self_contained_and_deterministic(msecc: dict[str, Path], tmp_path: Path) -> None:
    """One file: inline SVG and CSS, no scripts or remote resources, A4 print CSS; the same
    model gives the same bytes."""
    html = msecc["html"].read_text(encoding="utf-8")
    assert html.count("<svg") == 4 and "<style>" in html and "@page" in html
    assert "size: A4 landscape" in html and "<script" not in html
    assert ' src="' not in html and "<link" not in html
    for heading in SECTIONS:
        assert heading in html
    again = tmp_path / "again.html"
    govmodel.pack(govmodel.examples.load("msecc-2023"), again)
    assert again.read_bytes() == msecc["html"].read_bytes()


@pytest.mark.needs_dot
def test_docx_has_headings_tables_and_the_diagrams_and_is_deterministic(
    msecc: dict[str, Path], tmp_path: Path
) -> None:
    """Reopened with python-docx: Word headings, styled tables, one image per diagram
    page; core properties carry the model's date; the bytes repeat."""
    document = docx.Document(str(msecc["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    assert document.paragraphs[0].style.name == "Title"
    assert len(document.tables) >= 7
    assert document.tables[0].rows[0].cells[0].text == "Organisation"
    assert len(document.inline_shapes) == 4
    assert document.core_properties.created.date().isoformat() == "2023-04-01"
    links = {r.target_ref for r in document.part.rels.values() if r.reltype.endswith("hyperlink")}
    assert any(u.startswith("https://www.legislation.gov.uk/") for u in links)
    assert any("/rules/JC-001" in u for u in links)
    verdicts = govmodel.forms(govmodel.examples.load("msecc-2023")).applicable()
    detail = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert detail == [f"{v.title}: {v.verdict.value.replace('_', ' ')}" for v in verdicts]
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert landscape
    again = tmp_path / "again.docx"
    govmodel.pack(govmodel.examples.load("msecc-2023"), again)
    assert again.read_bytes() == msecc["docx"].read_bytes()


def test_pack_refuses_existing_files_and_unknown_formats(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Exit 2 for a bad suffix or an existing file without --force; the model is safe."""
    path = tmp_path / "m.yaml"
    path.write_text(govmodel.examples.text("nics-2021"))
    assert run(capsys, "pack", str(path), "-o", str(tmp_path / "x.txt"))[0] == 2
    existing = tmp_path / "x.html"
    existing.write_text("keep")
    code, _, err = run(capsys, "pack", str(path), "-o", str(existing))
    assert code == 2 and "--force" in err and existing.read_text() == "keep"
    assert run(capsys, "pack", str(path), "-o", str(path), "--force")[0] == 2
    assert path.read_text() == govmodel.examples.text("nics-2021")


@pytest.mark.needs_dot
@pytest.mark.needs_chromium
def test_the_html_pack_renders_in_chromium_without_errors(msecc: dict[str, Path]) -> None:
    """Headless Chromium opens the pack: no console errors, the diagrams are visible and
    the tables are there; a screenshot is kept under build/browser."""
    from govmodel.pack.chromium import inspect

    seen = inspect(
        msecc["html"],
        """(() => {
          const svgs = [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect());
          return {svgs: svgs.map(r => [r.width, r.height]),
                  tables: document.querySelectorAll('table').length,
                  rows: document.querySelectorAll('table.forms tbody tr').length,
                  title: document.title};
        })()""",
    )
    assert seen.errors == ()
    assert len(seen.found["svgs"]) == 4
    assert all(w > 300 and h > 150 for w, h in seen.found["svgs"])
    applicable = govmodel.forms(govmodel.examples.load("msecc-2023")).applicable()
    assert seen.found["tables"] >= 7 and seen.found["rows"] == len(applicable)
    assert seen.found["title"].startswith("Mid and South Essex Community Collaborative (2023)")
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "msecc-2023-pack.png").write_bytes(seen.screenshot)
    assert seen.screenshot[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.needs_dot
@pytest.mark.needs_chromium
def test_the_pdf_is_printed_on_a4_with_landscape_diagram_pages(tmp_path: Path) -> None:
    """Chromium prints the pack: A4 pages, the diagram pages landscape, text extractable,
    and the same bytes each time (poppler-utils comes with `make setup`)."""
    model = govmodel.examples.load("nics-2021")
    out = govmodel.pack(model, tmp_path / "nics.pdf")
    again = govmodel.pack(model, tmp_path / "again.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    first, second = out.read_bytes(), again.read_bytes()
    at = next((i for i, (x, y) in enumerate(zip(first, second, strict=False)) if x != y), None)
    assert first == second, f"the prints differ at byte {at}: {first[at - 80 : at + 40]!r}"
    assert f"D:{model.as_of:%Y%m%d}000000".encode() in out.read_bytes()
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(out)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [line for line in info.splitlines() if line.startswith("Page") and "size" in line]
    assert sizes and all("(A4)" in s for s in sizes)
    assert any(s.split("size:")[1].strip().startswith("841") for s in sizes)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Which governance forms are lawful" in text and "not legal advice" in text


def test_docx_reads_in_memory() -> None:
    """to_docx returns bytes python-docx can read."""
    pytest.importorskip("docx")
    from govmodel.pack.docx import to_docx

    document = build(govmodel.examples.load("essex-pcts-2010"))
    assert docx.Document(io.BytesIO(to_docx(document))).paragraphs[0].text.startswith("Essex")
