"""Scheme of delegation workbooks: the template, reading one in, and the round trip."""

from __future__ import annotations

import io
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings

import govmodel
from govmodel.io.excel import read_excel
from govmodel.io.sheets import SHEETS
from govmodel.io.template import write_workbook
from govmodel.locations import CellLocation
from govmodel.strategies import models


def _template(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "template.xlsx"
    path.write_bytes(write_workbook())
    return openpyxl.load_workbook(path)


def _type_a_scheme(book: openpyxl.Workbook, *, mistakes: bool) -> None:
    """Fill the template the way a company secretary would: names rather than ids,
    limits as money, dates as dates, yes and no."""
    about = book["About"]
    about["B1"] = "Riverside NHS FT scheme of delegation"
    about["B2"] = datetime(2024, 4, 1)
    orgs = book["Organisations"]
    orgs.append(["rft", "Riverside NHS Foundation Trust", "Foundation Trust", "RXX"])
    bodies = book["Bodies"]
    bodies.append(["rft.board", "Board of Directors", "board", "rft"])
    bodies.append(
        [
            "rft.audit",
            "Audit Committee",
            "committee",
            "Riverside NHS Foundation Trust",
            None,
            None,
            "Board of Directors",
        ]
    )
    bodies.append(
        [
            "rft.finance",
            "Finance and Performance Committee",
            "comittee" if mistakes else "committee",
            "rft",
            3,
            "no",
            "rft.board",
        ]
    )
    posts = book["Posts"]
    posts.append(["rft.chair", "Chair", "chair", "rft"])
    posts.append(["rft.ceo", "Chief Executive", "chief executive", "rft"])
    posts.append(["rft.cfo", "Chief Finance Officer", "executive director", "rft"])
    members = book["Members"]
    members.append(["Board of Directors", "Chair", None, "chair"])
    members.append(["Board of Directors", "Chief Executive"])
    members.append(
        ["Finance and Performance Committee", "Chief Finance Officer", None, "member", "Yes"]
    )
    delegations = book["Delegations"]
    delegations.append(
        [
            "d1",
            "Board of Directors",
            "Chief Executive",
            "approve_expenditure",
            "£1,000,000",
            "Yes",
            "No",
        ]
    )
    delegations.append(
        [
            "d1",
            "Board of Directors",
            "Chief Executive",
            "Award or enter into a contract",
            "£1,000,000",
            "Yes",
            "No",
        ]
    )
    delegations.append(
        [
            None,
            "Chief Executive",
            "Chief Finance Officer",
            "approve_expenditure",
            "£2,500,000" if mistakes else "£250,000",
            "no",
            "no",
            None,
            "SFIs 4.2",
            None,
            datetime(2024, 4, 1),
        ]
    )
    delegations.append(
        [
            None,
            "Board of Directors",
            "Finance & Performance Committee" if mistakes else "rft.finance",
            "approve_business_case",
            "5m",
            "no",
            "no",
        ]
    )
    reserved = book["Reserved"]
    reserved.append(["Board of Directors", "Approve the annual budget"])
    reserved.append(["rft.board", "approve_strategy"])


def test_the_template_has_every_sheet_and_drop_down_lists(tmp_path: Path) -> None:
    """`table --template` writes the sheets, a hidden Lists sheet and data validation
    drop-downs for kinds, bodies, posts and matters."""
    book = _template(tmp_path)
    assert book.sheetnames == ["About", *(s.name for s in SHEETS), "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    lists = [c.value for c in book["Lists"][1]]
    assert {"PartyType", "BodyKind", "PostKind", "holders", "matters"} <= set(lists)
    ranges = {
        str(v.sqref).split(":")[0][:1]: v
        for v in book["Delegations"].data_validations.dataValidation
    }
    assert set(ranges) >= {"B", "C", "D"}  # delegated by, delegated to, matter
    assert ranges["D"].formula1.startswith("OFFSET(Lists!")  # standard and own matters
    members = {str(v.sqref)[:1]: v for v in book["Members"].data_validations.dataValidation}
    assert members["A"].formula1.startswith("OFFSET(Bodies!$A$2")  # the bodies typed so far
    assert members["B"].formula1.startswith("OFFSET(Posts!$A$2")
    assert any(
        v.formula1.startswith("Lists!")
        for v in book["Organisations"].data_validations.dataValidation
    )
    assert book["Delegations"]["A1"].comment is not None


def test_the_template_is_byte_identical_between_runs() -> None:
    """The same template, and the same filled workbook, give the same bytes."""
    model = govmodel.examples.load("msecc-2023")
    assert write_workbook() == write_workbook()
    assert write_workbook(model) == write_workbook(model)


def test_a_hand_typed_scheme_imports_with_located_errors_then_cleanly(tmp_path: Path) -> None:
    """Mistakes come back at their cells with hints; mended, the scheme imports and checks."""
    book = _template(tmp_path)
    _type_a_scheme(book, mistakes=True)
    path = tmp_path / "sord.xlsx"
    book.save(path)
    with pytest.raises(govmodel.ModelError) as caught:
        read_excel(path)
    text = str(caught.value)
    assert (
        f"{path}!Bodies!C4: bodies[2].kind: 'comittee' is not a body kind. Did you mean 'committee'"
        in text
    )
    assert f"{path}!Delegations!C5: delegations[2].to: no body or post with id" in text
    assert all(isinstance(p.location, CellLocation) for p in caught.value.problems)

    book = _template(tmp_path)
    _type_a_scheme(book, mistakes=False)
    book.save(path)
    model = read_excel(path)
    assert model.organisation("rft").type is govmodel.PartyType.NHS_FOUNDATION_TRUST
    d1 = model.delegation("d1")
    assert d1.matters == ("approve_expenditure", "award_contract") and d1.limit == 1_000_000
    assert d1.onward and d1.to == "rft.ceo"
    assert model.body("rft.audit").organisations == ("rft",)
    assert model.body("rft.audit").reports_to == ("rft.board",)
    assert model.body("rft.board").reserved == ("approve_budget", "approve_strategy")
    assert [m.post for m in model.body("rft.board").members] == ["rft.chair", "rft.ceo"]
    cfo = next(d for d in model.delegations if d.to == "rft.cfo")
    assert cfo.limit == 250_000 and cfo.start.isoformat() == "2024-04-01"
    report = govmodel.check(model)
    assert report.on.isoformat() == "2024-04-01"
    assert all(str(f.location).startswith(str(path)) for f in report if f.location)


def test_unreadable_workbooks_and_unknown_columns_are_located(tmp_path: Path) -> None:
    """A file that is not a workbook, an unknown column and a misnamed sheet are reported."""
    bad = tmp_path / "scheme.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(govmodel.ModelError, match="not an Excel workbook"):
        read_excel(bad)
    book = _template(tmp_path)
    book["About"]["B1"] = "x"
    book["About"]["B2"] = "2024-13-01"
    book["Organisations"]["I1"] = "Colour"
    book["Organisations"].append(["a", "A Trust", "ft"])
    book["Delegations"].title = "Delegation"
    book.save(bad)
    with pytest.raises(govmodel.ModelError) as caught:
        read_excel(bad)
    text = str(caught.value)
    assert "About!B2: as_of: '2024-13-01' is not a valid date" in text
    assert "Organisations!I1: unknown column 'Colour'" in text
    assert "sheet 'Delegation' is not read. Did you mean 'Delegations'?" in text


@settings(max_examples=25)
@given(models())
def test_a_model_written_to_the_workbook_reads_back_unchanged(
    model: govmodel.GovernanceModel,
) -> None:
    """Export then import is lossless for everything the sheets hold."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.xlsx"
        path.write_bytes(write_workbook(model))
        assert read_excel(path) == model


def test_save_and_load_take_workbooks(tmp_path: Path) -> None:
    """`govmodel.save(model, 'x.xlsx')` writes the workbook and `govmodel.load` reads it."""
    model = govmodel.examples.load("msecc-2020")
    path = govmodel.save(model, tmp_path / "msecc.xlsx")
    again = govmodel.load(path)
    assert again == model
    sheet = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))["Delegations"]
    assert sheet["E1"].value == "Limit (£)"


def test_the_import_command_writes_a_model_that_check_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel import` writes YAML with the schema comment, refuses to overwrite, and
    exits 2 with located problems for a broken workbook."""
    from tests.conftest import run

    model = govmodel.examples.load("nics-2021")
    book = govmodel.save(model, tmp_path / "nics.xlsx")
    out = tmp_path / "nics.yaml"
    code, _, err = run(capsys, "import", str(book), "-o", str(out))
    assert code == 0 and "wrote" in err
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=https://")
    assert govmodel.load(out) == model
    assert run(capsys, "import", str(book), "-o", str(out))[0] == 2
    code, stdout, _ = run(capsys, "import", str(book), "-o", "-")
    assert code == 0 and stdout == text
    assert run(capsys, "check", str(out))[0] in (0, 1)
    template = tmp_path / "sord.xlsx"
    assert run(capsys, "table", "--template", "-o", str(template))[0] == 0
    code, _, err = run(capsys, "import", str(template), "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and "About!B1: name: 'Name' is empty" in err


def test_check_on_a_workbook_points_at_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel check sord.xlsx` locates findings at cells, in text and JSON."""
    import json

    from tests.conftest import run

    model = govmodel.loads(
        "name: T\nas_of: 2024-04-01\norganisations: [{id: a, name: A, type: ft}]\n"
        "bodies: [{id: a.board, name: Board, kind: board, organisations: [a]},"
        " {id: a.audit, name: Audit, kind: committee, organisations: [a], quorum: 3,"
        " reports_to: [a.board]}]\n"
    )
    book = govmodel.save(model, tmp_path / "sord.xlsx")
    code, out, _ = run(capsys, "check", str(book), "--format", "json")
    assert code == 1
    location = json.loads(out)["diagnostics"][0]["location"]
    assert location["sheet"] == "Bodies" and location["cell"] == "E3"
    code, out, _ = run(capsys, "check", str(book))
    assert f"{book}!Bodies!E3: error[GM405]" in out


def test_the_board_workbook_is_not_taken_for_a_scheme(tmp_path: Path) -> None:
    """Importing what `govmodel table` writes (made for reading) says so and names the
    template, rather than listing missing keys."""
    from govmodel.render.workbook import board_workbook

    model = govmodel.examples.load("msecc-2023")
    path = tmp_path / "board.xlsx"
    path.write_bytes(board_workbook(model, model.as_of))
    with pytest.raises(govmodel.ModelError) as caught:
        read_excel(path)
    (problem,) = caught.value.problems
    assert str(problem.location).endswith("board.xlsx!Cover!A1")
    assert "board-ready workbook" in problem.message
    assert "--template" in (problem.hint or "")


def test_a_workbook_without_the_templates_sheets_names_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Budget 2024"
    path = tmp_path / "other.xlsx"
    book.save(path)
    with pytest.raises(govmodel.ModelError) as caught:
        read_excel(path)
    (problem,) = caught.value.problems
    assert str(problem.location).endswith("other.xlsx!Budget 2024!A1")
    assert all(spec.name in (problem.hint or "") for spec in SHEETS)
