"""Diagrams, Mermaid and tables: deterministic, legible, and saying what the model says."""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

import openpyxl
import pytest

import govmodel
from govmodel.cli import main
from govmodel.render.dot import GraphvizMissing, render
from govmodel.render.tables import authority_matrix, delegation_table, membership_table

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_dot_source_matches_the_golden_file(name: str) -> None:
    """The DOT for each example is pinned. After a deliberate change, rewrite the files
    with ``tests/update_snapshots.py --golden``, draw them and look before committing."""
    source = govmodel.draw(govmodel.examples.load(name)).source
    assert source == (GOLDEN / f"{name}.dot").read_text(encoding="utf-8")


@pytest.mark.needs_dot
def test_the_same_model_drawn_twice_gives_identical_svg(tmp_path: Path) -> None:
    """Byte-identical SVG from two separate draws of a loaded model."""
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    render(govmodel.draw(govmodel.examples.load("msecc-2023")), first)
    render(govmodel.draw(govmodel.examples.load("msecc-2023")), second)
    assert first.read_bytes() == second.read_bytes()


def test_diagrams_say_what_the_model_says() -> None:
    """Every organisation, body and agreement of MSECC 2020 appears in the DOT, with the
    full name of each organisation in the key and labels wrapped between words."""
    model = govmodel.examples.load("msecc-2020")
    source = govmodel.draw(model).source
    for record in (*model.organisations, *model.bodies, *model.agreements):
        label = getattr(record, "label", record.name)
        words = escape(label, quote=False).split()
        assert all(w in source for w in words), label
    for org in model.organisations:
        for word in escape(org.name, quote=False).split():
            assert word in source
    assert "…" not in source and "delivery of th<" not in source
    assert source.count("<td>Decisions on the joint</td>") == 3
    assert "<td>partners&#x27; community</td>" in source or "<td>partners' community</td>" in source


def test_highlight_marks_the_traced_path_and_focus_keeps_neighbours() -> None:
    """A trace highlights its steps in the highlight colour; focus drops unrelated clusters."""
    from govmodel.render.style import HIGHLIGHT

    model = govmodel.examples.load("msecc-2023")
    lit = govmodel.draw(model, highlight=govmodel.trace(model, "msecc.board")).source
    assert re.search(rf'"?eput\.board"? -> "?msecc\.board"? \[.*color="{HIGHLIGHT}"', lit)
    assert "highlighted: accountability of msecc.board" in lit
    focused = govmodel.draw(model, focus="nelft").source
    assert "cluster_nelft" in focused and "cluster_provide" not in focused
    with pytest.raises(govmodel.NoSuchRecord):
        govmodel.draw(model, focus="nope")


def test_mermaid_export_is_deterministic_and_complete() -> None:
    """Mermaid text names every organisation and is the same each time."""
    model = govmodel.examples.load("nics-2021")
    text = govmodel.to_mermaid(model)
    assert text == govmodel.to_mermaid(govmodel.examples.load("nics-2021"))
    assert text.startswith("%% North East Essex") and "flowchart TB" in text
    for org in model.organisations:
        assert org.label in text


def test_rendering_without_dot_gives_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No `dot` on PATH: a GraphvizMissing error with the install hint; DOT still writes."""
    monkeypatch.setenv("PATH", str(tmp_path))
    diagram = govmodel.draw(govmodel.examples.load("nics-2021"))
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        render(diagram, tmp_path / "x.svg")
    assert render(diagram, tmp_path / "x.dot").read_text() == diagram.source
    bundle = diagram._repr_mimebundle_()
    assert "text/plain" in bundle and "not installed" in bundle["text/plain"]


def test_msecc_tables_hold_the_expected_rows() -> None:
    """Scheme of delegation, authority matrix and membership for MSECC 2020."""
    model = govmodel.examples.load("msecc-2020")
    scheme = delegation_table(model)
    assert list(scheme["delegated from"]) == ["eput.board", "nelft.board", "provide.board"]
    assert set(scheme["delegated to"]) == {"msecc.board"}
    matrix = authority_matrix(model)
    assert list(matrix.columns) == ["eput.board", "msecc.board", "nelft.board", "provide.board"]
    assert "for provide" in matrix.loc["msecc_collaborative_decisions", "msecc.board"]
    members = membership_table(model)
    board = members[members["body"] == "msecc.board"]
    assert list(board["member"]) == [
        "eput.chair",
        "eput.ceo",
        "nelft.chair",
        "nelft.ceo",
        "provide.group_ceo",
    ]
    assert list(board["on behalf of"]) == ["eput", "eput", "nelft", "nelft", "provide"]


def test_the_workbook_is_board_ready_and_deterministic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel table -o x.xlsx` twice gives identical bytes: a cover, the tables and the
    findings, names beside ids, pounds and dates formatted, A4 landscape fitted to width."""
    path = str(govmodel.examples.path("msecc-2020"))
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["table", path, "-o", str(a)]) == 0
    assert main(["table", path, "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert main(["table", path, "-o", str(a)]) == 2  # refuses to replace without --force
    assert main(["table", path, "-o", str(a), "--force"]) == 0
    book = openpyxl.load_workbook(io.BytesIO(a.read_bytes()))
    assert book.sheetnames == [
        "Cover",
        "Scheme of delegation",
        "Authority matrix",
        "Membership",
        "Findings",
    ]
    cover = {row[0]: row[1] for row in book["Cover"].iter_rows(min_row=3, values_only=True)}
    assert cover["Model"] == "Mid and South Essex Community Collaborative (2020)"
    assert cover["As of"].date().isoformat() == "2020-09-01"
    assert cover["Drawn up by"] == f"govmodel {govmodel.__version__}"
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    scheme = book["Scheme of delegation"]
    header = [c.value for c in scheme[1]]
    assert header[:6] == ["Matter", "Matter id", "Delegated by", "id", "Delegated to", "id"]
    assert [c.value for c in scheme[2]][2:6] == [
        "EPUT board of directors",
        "eput.board",
        "MSECC board",
        "msecc.board",
    ]
    members = book["Membership"]
    rows = list(members.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(membership_table(govmodel.examples.load("msecc-2020")))
    findings = list(book["Findings"].iter_rows(min_row=2, values_only=True))
    assert ("error (expected)", "GM401") in {(r[0], r[1]) for r in findings}


def test_limits_are_pounds_and_dates_are_dates_in_the_workbook(tmp_path: Path) -> None:
    """A limit is a number formatted in pounds; a start date is a date cell."""
    from govmodel.render.tables import excel_bytes

    model = govmodel.loads(
        "name: T\nas_of: 2024-04-01\norganisations: [{id: a, name: A, type: ft}]\n"
        "bodies: [{id: a.board, name: Board, kind: board, organisations: [a]}]\n"
        "posts: [{id: a.ceo, title: CEO, kind: ceo, organisation: a}]\n"
        "delegations: [{id: d, from: a.board, to: a.ceo, matters: [approve_expenditure],"
        " limit: 250000, start: 2024-01-01}]\n"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(excel_bytes(model)))["Scheme of delegation"]
    row = {h.value: c for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert row["Limit (£)"].value == 250000 and "£" in row["Limit (£)"].number_format
    assert row["From"].is_date and row["From"].value.year == 2024


def test_draw_and_table_refuse_bad_outputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Unknown suffixes exit 2; the input file is never overwritten."""
    path = tmp_path / "m.yaml"
    path.write_text(govmodel.examples.text("nics-2021"))
    assert main(["draw", str(path), "-o", str(tmp_path / "x.gif")]) == 2
    assert main(["table", str(path), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["table", str(path), "-o", str(path).replace(".yaml", ".csv")]) == 0
    assert path.read_text() == govmodel.examples.text("nics-2021")
    assert "must end in" in capsys.readouterr().err


def test_an_empty_sheet_says_why_it_is_empty() -> None:
    """A model with no delegations gets a sentence, not a bare header, on its tables."""
    from govmodel.render.tables import excel_bytes

    model = govmodel.loads(
        "name: T\nas_of: 2024-04-01\norganisations: [{id: a, name: A, type: ft}]\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(model)))
    assert book["Authority matrix"]["A2"].value.startswith("No matter is delegated on 2024-04-01")
    assert book["Findings"]["A2"].value is not None
