"""Tests for `govmodel check`: exit codes, JSON shape, options and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govmodel

from .conftest import run

CHECKS = Path(__file__).parent / "checks"


def test_a_clean_example_exits_0_and_prints_a_headline(capsys: pytest.CaptureFixture[str]) -> None:
    """An example with only expected findings passes and says how many were expected."""
    code, out, err = run(capsys, "check", str(govmodel.examples.path("msecc-2020")))
    assert code == 0 and err == ""
    assert out.rstrip().endswith("0 errors, 0 warnings, 0 info (6 expected)")
    assert "= expected (error): The sources say each partner delegated authority" in out
    assert "expected[GM401]" in out and "error[" not in out


def test_a_model_with_errors_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Findings of severity error give exit 1, printed like a compiler."""
    code, out, _ = run(capsys, "check", str(CHECKS / "GM201" / "fail.yaml"))
    assert code == 1
    assert "fail.yaml:12:83: error[GM201] delegation-exceeds-limit:" in out


def test_warnings_fail_only_with_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    """A warning alone exits 0, or 1 with --fail-on-warning."""
    path = str(CHECKS / "GM601" / "fail.yaml")
    assert run(capsys, "check", path)[0] == 0
    assert run(capsys, "check", path, "--fail-on-warning")[0] == 1
    assert run(capsys, "check", path, "--fail-on-warning", "--ignore", "GM601")[0] == 0


def test_json_output_has_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` prints file, on, summary and diagnostics."""
    code, out, _ = run(capsys, "check", str(CHECKS / "GM401" / "fail.yaml"), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["on"] == "2020-09-01" and data["file"].endswith("fail.yaml")
    assert data["summary"]["errors"] >= 1
    (diag,) = [d for d in data["diagnostics"] if d["code"] == "GM401"]
    assert diag["name"] == "ft-delegation-to-non-directors"
    assert diag["severity"] == "error"
    assert diag["subjects"][:2] == ["board-to-community", "ft.community"]
    assert diag["location"]["line"] == 24
    assert diag["citation"]["text"] == "NHS Act 2006 Sch 7 para 15(3)"
    assert diag["citation"]["url"].startswith("https://www.legislation.gov.uk/")
    assert diag["hint"]


def test_on_changes_the_date_checked(capsys: pytest.CaptureFixture[str]) -> None:
    """The 2020 MSECC model checked after the CCGs closed has errors."""
    path = str(govmodel.examples.path("msecc-2020"))
    code, out, _ = run(capsys, "check", path, "--on", "2022-09-01", "--format", "json")
    assert code == 1
    assert json.loads(out)["on"] == "2022-09-01"


def test_list_codes_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    """`check --list-codes` prints one line per code; JSON too."""
    from govmodel.checks import REGISTRY

    code, out, _ = run(capsys, "check", "--list-codes")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(REGISTRY)
    code, out, _ = run(capsys, "check", "--list-codes", "--format", "json")
    assert [c["code"] for c in json.loads(out)] == list(REGISTRY)


def test_a_file_that_does_not_load_exits_2_with_located_messages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A broken model file gets file:line:col messages on stderr and no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: Draft\nas_of: 2024-04-01\norganisations:\n"
        "- {id: t, name: Trust, type: nhs_trustt}\n"
        "delegations:\n- {id: d, from: t.board, to: t.fin, matters: [approve_budget]}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:4:" in err and "nhs_trust" in err
    assert f"{bad}:6:" in err and "Traceback" not in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown code, a missing file argument or a bad date is a usage error."""
    path = str(CHECKS / "GM201" / "fail.yaml")
    code, _, err = run(capsys, "check", path, "--ignore", "GM999")
    assert code == 2 and "'GM999' is not a finding code" in err
    code, _, err = run(capsys, "check")
    assert code == 2 and "--list-codes" in err
    with pytest.raises(SystemExit) as exited:
        run(capsys, "check", path, "--on", "2024-13-01")
    assert exited.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
