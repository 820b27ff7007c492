"""The command line: contract commands, exit codes, located errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govmodel
from govmodel.cli import main

from .conftest import run
from .test_loader import THREE_MISTAKES


def test_example_list_names_every_example(capsys: pytest.CaptureFixture[str]) -> None:
    """`govmodel example --list` lists the bundled examples with their titles."""
    code, out, _ = run(capsys, "example", "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == govmodel.examples.names()


def test_example_writes_a_file_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`-o` writes the example; a second write needs --force."""
    target = tmp_path / "m.yaml"
    assert run(capsys, "example", "msecc-2020", "-o", str(target))[0] == 0
    assert target.read_text() == govmodel.examples.text("msecc-2020")
    code, _, err = run(capsys, "example", "msecc-2020", "-o", str(target))
    assert code == 2 and "--force" in err
    assert run(capsys, "example", "msecc-2020", "-o", str(target), "--force")[0] == 0


def test_show_prints_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """The summary names the partners with their ODS codes and types."""
    code, out, _ = run(capsys, "show", str(govmodel.examples.path("msecc-2020")))
    assert code == 0
    assert "Essex Partnership University NHS Foundation Trust [R1L] - nhs_foundation_trust" in out


def test_show_json_is_the_whole_model_in_file_structure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`show --format json` output loads back as an equal model."""
    code, out, _ = run(capsys, "show", str(govmodel.examples.path("nics-2021")), "--format", "json")
    assert code == 0
    path = tmp_path / "m.json"
    path.write_text(out)
    assert govmodel.load(path) == govmodel.examples.load("nics-2021")
    assert set(json.loads(out)) >= {
        "name",
        "as_of",
        "organisations",
        "bodies",
        "posts",
        "delegations",
        "agreements",
        "contracts",
    }


def test_show_on_a_broken_file_exits_2_with_every_located_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Three mistakes, three located lines on stderr, exit code 2."""
    path = tmp_path / "draft.yaml"
    path.write_text(THREE_MISTAKES)
    code, out, err = run(capsys, "show", str(path))
    assert code == 2 and out == ""
    assert f"{path}:10:5:" in err and f"{path}:15:27:" in err and f"{path}:16:12:" in err


def test_schema_is_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`govmodel schema` prints the generated schema."""
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out) == govmodel.model_schema()


def test_bad_arguments_exit_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse errors use exit code 2 and say how to get help."""
    with pytest.raises(SystemExit) as caught:
        main(["show", "x.yaml", "--on", "yesterday"])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    """`python -m govmodel` on a broken file: exit 2, a message, no traceback."""
    path = tmp_path / "draft.yaml"
    path.write_text("name: [unclosed\n")
    done = subprocess.run(
        [sys.executable, "-m", "govmodel", "show", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "not valid YAML" in done.stderr
