"""The commands and options of the second wave: what, timeline, -o -, money, suggestions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govmodel

from .conftest import run

MSECC = str(govmodel.examples.path("msecc-2023"))


def test_what_lists_every_matter_a_holder_decides(capsys: pytest.CaptureFixture[str]) -> None:
    """`govmodel what FILE HOLDER` prints the matters with chains; JSON says the same."""
    code, out, _ = run(capsys, "what", MSECC, "msecc.board")
    assert (
        code == 0 and "msecc_collaborative_decisions" in out and "eput.board -> msecc.board" in out
    )
    code, out, _ = run(capsys, "what", MSECC, "msecc.board", "--format", "json")
    data = json.loads(out)
    assert data["holder"] == "msecc.board" and data["on"] == "2023-04-01"
    assert {m["organisation"] for m in data["matters"]} == {"eput", "nelft", "provide"}
    code, _, err = run(capsys, "what", MSECC, "msecc.bord")
    assert code == 2 and "msecc.board" in err


def test_who_takes_amounts_as_people_write_them(capsys: pytest.CaptureFixture[str]) -> None:
    """`--amount £250,000` and `--amount 250k` are 250000; nonsense exits 2 with the forms."""
    for amount in ("£250,000", "250k", "250000"):
        code, out, _ = run(
            capsys, "who", MSECC, "approve_expenditure", "--amount", amount, "--format", "json"
        )
        assert code == 0 and json.loads(out)["amount"] == 250000
    with pytest.raises(SystemExit) as exited:
        run(capsys, "who", MSECC, "approve_expenditure", "--amount", "lots")
    assert exited.value.code == 2 and "£250,000" in capsys.readouterr().err


def test_timeline_prints_changes_and_draws_a_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel timeline` shows the 2022 change for two foundation trusts, as text, JSON
    and an SVG chart that is the same between runs."""
    args = ["timeline", "--party", "ft=EPUT", "--party", "ft=NELFT"]
    code, out, _ = run(capsys, *args, "--from", "2020-01-01", "--to", "2023-01-01")
    assert code == 0 and "2022-07-01:" in out and "joint_committee" in out
    code, out, _ = run(capsys, *args, "--from", "2020-01-01", "--format", "json")
    data = json.loads(out)
    assert data["from"] == "2020-01-01" and [p["name"] for p in data["parties"]] == [
        "EPUT",
        "NELFT",
    ]
    assert "2022-07-01" in [c["on"] for c in data["changes"]]
    chart = tmp_path / "t.svg"
    assert run(capsys, *args, "-o", str(chart))[0] == 0
    first = chart.read_text()
    assert first.startswith("<svg") and "Joint committee" in first
    assert run(capsys, *args, "-o", str(chart))[0] == 2
    assert run(capsys, *args, "-o", str(chart), "--force")[0] == 0
    assert chart.read_text() == first
    code, _, err = run(
        capsys, "timeline", "--party", "pct", "--from", "2020-01-01", "--to", "2021-01-01"
    )
    assert code == 2 and "did not exist" in err


def test_text_and_json_outputs_go_to_stdout_with_dash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`-o -` prints: the example, the schema, a CSV table and the DOT source."""
    assert run(capsys, "example", "nics-2021", "-o", "-")[1].startswith("name:")
    assert json.loads(run(capsys, "schema", "-o", "-")[1])["$id"].startswith("https://")
    code, out, _ = run(capsys, "table", MSECC, "-o", "-")
    assert code == 0 and out.startswith("matter,")
    code, out, _ = run(capsys, "draw", MSECC, "-o", "-")
    assert code == 0 and out.startswith("digraph")


def test_a_mistyped_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    """`govmodel chek` suggests `check`."""
    with pytest.raises(SystemExit) as exited:
        run(capsys, "chek", MSECC)
    assert exited.value.code == 2
    assert "Did you mean 'check'" in capsys.readouterr().err


def test_trace_text_shows_a_shared_tail_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The MSECC board's trace prints each shared line above a board once."""
    code, out, _ = run(capsys, "trace", MSECC, "msecc.board")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) < 20 and sum("(continues as above)" in line for line in lines) == 4
    assert sum("-> parliament" in line for line in lines) == 1
