"""`govmodel test`: case files run like a test suite, with JUnit XML for CI."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import govmodel
from govmodel.cases import Status, run_cases
from govmodel.errors import CaseFileError
from govmodel.law.rules import rulebook

from .conftest import run

HERE = Path(__file__).parent / "cases"
BROKEN = HERE / "broken.cases.yaml"


def test_the_bundled_examples_case_files_all_pass(capsys: pytest.CaptureFixture[str]) -> None:
    """Every example ships with a case file, and every case in them holds."""
    files = govmodel.examples.case_files()
    assert [p.name.removesuffix(".cases.yaml") for p in files] == govmodel.examples.names()
    code, out, err = run(capsys, "test", "--examples")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("govmodel/examples/cases/essex-pcts-2010.cases.yaml ")
    assert set(lines[0].split()[-1]) == {"."}
    total = sum(len(line.split()[-1]) for line in lines if line.endswith("."))
    assert lines[-1] == f"{total} cases: {total} passed, 0 failed"


def test_the_rulebooks_own_cases_run_through_it() -> None:
    """`--rules` runs every worked case of every rule, grouped by rule file."""
    results = run_cases(rules=True)
    assert len(results.outcomes) == sum(len(r.cases) for r in rulebook())
    assert results.exit_code == 0
    files = {o.file for o in results}
    assert "govmodel/law/rules/joint.yaml" in files
    first = results.outcomes[0]
    assert first.case.rule == rulebook().rules[0].id and first.title.startswith(first.case.rule)


def test_a_deliberately_broken_case_file_fails_readably(capsys: pytest.CaptureFixture[str]) -> None:
    """Marks, then each failure at its line with expected and actual, then the summary;
    exit 1."""
    code, out, err = run(capsys, "test", str(BROKEN))
    assert code == 1 and err == ""
    assert out == (
        f"{BROKEN} FF.\n"
        "\n"
        f"FAILED {BROKEN}:3:3: a joint committee of EPUT, NELFT and Provide CIC in 2023 "
        "(it is only partial)\n"
        "  expected joint_committee verdict: lawful\n"
        "  actual   joint_committee verdict: partial\n"
        "  expected eligible: EPUT, NELFT, Provide\n"
        "  actual   eligible: EPUT, NELFT\n"
        "\n"
        f"FAILED {BROKEN}:9:3: the foundation trusts' delegations are clean (they break "
        "Sch 7 para 15(3))\n"
        "  expected no findings: none of GM401@eput-to-msecc\n"
        "  actual   no findings: GM401@eput-to-msecc\n"
        "\n"
        "3 cases: 1 passed, 2 failed\n"
    )


def test_junit_xml_for_ci_is_written_once_and_is_deterministic(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--junit writes one testsuite per file, a failure per failed case; the same run
    writes the same bytes; an existing file needs --force."""
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    assert run(capsys, "test", str(HERE), "--junit", str(first))[0] == 1
    assert run(capsys, "test", str(HERE), "--junit", str(second))[0] == 1
    assert first.read_bytes() == second.read_bytes()
    root = ET.fromstring(first.read_bytes())
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "0")
    broken = root.find(f"testsuite[@name='{BROKEN}']")
    assert broken is not None
    cases = broken.findall("testcase")
    assert [c.get("line") for c in cases] == ["3", "9", "13"]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "expected joint_committee verdict: lawful; actual: partial"
    assert cases[2].find("failure") is None
    code, _, err = run(capsys, "test", str(HERE), "--junit", str(first))
    assert code == 2 and "--force" in err
    assert run(capsys, "test", str(HERE), "--junit", str(first), "--force")[0] == 1


def test_model_files_and_policy_files_are_found_beside_the_case_file() -> None:
    """A case names its model and policy files relative to the case file."""
    results = run_cases([HERE / "scheme.cases.yaml"])
    assert [o.status for o in results] == [Status.PASSED, Status.PASSED]


def test_an_unusable_case_file_exits_2_with_every_problem_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Schema problems, a case asking two questions, an unknown example and a missing
    model file: all listed at once, before anything runs; no traceback."""
    bad = tmp_path / "bad.cases.yaml"
    bad.write_text(
        "cases:\n"
        "- parties: [ft, fondation_trust]\n"
        "  on: 2023-04-01\n"
        "  form: joint_committee\n"
        "  verdict: maybe\n"
        "- example: msecc-2032\n"
        "  on: 2023-04-01\n"
        "  findings: [GM401]\n"
        "  trace: msecc.board\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "test", str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:2:17: cases[0].parties[1]: 'fondation_trust' is not a party type." in err
    assert f"{bad}:5:12: cases[0].verdict: 'maybe' is not allowed here. One of: lawful" in err
    assert f"{bad}:6:3: cases[1]: a model case asks one question; this one asks" in err
    assert f"{bad}:6:12: cases[1].example: no bundled example 'msecc-2032'." in err
    assert "Traceback" not in err
    missing = tmp_path / "missing.cases.yaml"
    missing.write_text(
        "cases:\n- model: nowhere.yaml\n  on: 2023-04-01\n  who: approve_budget\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError, match=r"cases\[0\]\.model: no model file 'nowhere.yaml'"):
        run_cases([missing])


def test_a_case_naming_what_the_model_lacks_is_an_error_not_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A mistyped subject or code cannot be asked: marked E, exit 2, with the closest."""
    path = tmp_path / "typo.cases.yaml"
    path.write_text(
        "cases:\n"
        "- {example: msecc-2023, on: 2023-04-01, trace: msecc.bord}\n"
        "- {example: msecc-2023, on: 2023-04-01, findings: [GM4O1]}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "test", str(path))
    assert code == 2
    assert out.splitlines()[0] == f"{path} EE"
    assert "Closest ids: 'msecc.board'" in out
    assert "no finding code with id 'GM4O1'. Closest ids: " in out and "'GM401'" in out
    assert out.rstrip().endswith("2 cases: 0 passed, 0 failed, 2 errors")


def test_folders_are_searched_for_case_files_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A folder gives its *.cases.yaml files (models beside them are not cases); a
    folder without any, or no paths at all, is a usage error."""
    results = run_cases([HERE])
    assert {Path(o.file).name for o in results} == {"broken.cases.yaml", "scheme.cases.yaml"}
    code, _, err = run(capsys, "test", str(tmp_path))
    assert code == 2 and "no case files in this folder" in err
    code, _, err = run(capsys, "test")
    assert code == 2 and "--examples or --rules" in err
