"""Plugins: checks from other packages, found through the `govmodel.checks` entry point.

The packages in ``tests/plugins`` are real distributions (a ``*.dist-info`` folder
with ``entry_points.txt``) that ``importlib.metadata`` finds once their folder is on
the path, as an installed package would be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govmodel
from govmodel.checks import Category, Context, Hit, Severity, check, check_spec
from govmodel.checks.plugins import installed

from .conftest import run
from .plugins import BROKEN, GOOD

MSECC = govmodel.examples.path("msecc-2023")
ROOT = Path(__file__).parents[1]


@pytest.fixture
def plugins_on_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Both test plugin packages on the path, and govmodel reading them afresh."""
    monkeypatch.syspath_prepend(str(BROKEN))
    monkeypatch.syspath_prepend(str(GOOD))
    installed.cache_clear()
    yield
    installed.cache_clear()
    for name in [m for m in sys.modules if m.startswith(("acme_govmodel", "acme_broken"))]:
        del sys.modules[name]


@pytest.fixture
def good_plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Only the working plugin on the path."""
    monkeypatch.syspath_prepend(str(GOOD))
    installed.cache_clear()
    yield
    installed.cache_clear()
    sys.modules.pop("acme_govmodel", None)


def test_an_installed_plugins_checks_run_with_the_built_in_ones(good_plugin: None) -> None:
    """ACME002 finds the MSECC board without a chair, cites the rule it names, and says
    which package it comes from; the built-in findings are as without it."""
    model = govmodel.examples.load("msecc-2023")
    report = check(model)
    acme = report.filter(code="ACME002")
    assert [f.subjects[0] for f in acme] == [
        "msecc.board",
        "msecc.leadership_team",
        "msecc.operational_leadership",
    ]  # the joint bodies with members; the model names no chair for any
    found = acme.findings[0]
    assert found.severity is Severity.INFO
    assert found.rule == "JC-001" and found.citation is not None
    assert found.source is not None
    assert found.source.text == "plugin 'acme' of acme-govmodel 1.0 (acme_govmodel:CHECKS)"
    assert found.location is not None and found.location.file == "msecc-2023.yaml"
    builtin = [f for f in report if not f.code.startswith("ACME")]
    assert builtin == list(check(model, plugins=False))


def test_plugin_codes_are_listed_selected_and_ignored(
    good_plugin: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--list-codes` shows them with the source; `--select` and `--ignore` take them."""
    code, out, err = run(capsys, "check", "--list-codes", "--format", "json")
    assert code == 0 and err == ""
    listed = {c["code"]: c for c in json.loads(out)}
    assert listed["ACME001"]["source"]["text"].startswith("plugin 'acme' of acme-govmodel")
    assert list(listed)[:2] == ["ACME001", "ACME002"]
    code, out, _ = run(capsys, "check", str(MSECC), "--select", "ACME002")
    assert code == 0 and "info[ACME002] joint-body-without-chair" in out
    code, out, _ = run(capsys, "check", str(MSECC), "--ignore", "joint-body-without-chair")
    assert "ACME002" not in out


def test_a_broken_plugin_is_reported_and_the_rest_still_runs(plugins_on_path: None) -> None:
    """An import error, a thing that is not a check, a borrowed code, a reserved prefix
    and an error while checking: each is a GM004 finding saying what to do; the good
    plugin and the built-in checks run as ever, and the failing check's first finding
    is kept."""
    model = govmodel.examples.load("msecc-2023")
    report = check(model)
    failed = {f.subjects[0]: f for f in report.filter(code="GM004")}
    assert sorted(failed) == ["ACME001", "BRK001", "GM999", "broken-import", "not-a-check"]
    assert "ModuleNotFoundError: No module named 'acme_dependency_not_installed'" in (
        failed["broken-import"].message
    )
    assert "could not be loaded" in failed["broken-import"].message
    assert "names str, not a check" in failed["not-a-check"].message
    assert "'ACME001' is a code already in use; it did not run" in failed["ACME001"].message
    assert "uses the prefix GM, kept for govmodel's own checks" in failed["GM999"].message
    raised = failed["BRK001"].message
    assert "check BRK001 (plugin 'raises' of acme-broken 0.1" in raised
    module = BROKEN / "acme_broken" / "__init__.py"
    line = next(i for i, t in enumerate(module.read_text().splitlines(), 1) if "1 / len" in t)
    assert f"failed: ZeroDivisionError: division by zero at {module}:{line};" in raised
    assert failed["BRK001"].hint.endswith("(`--ignore BRK001`).")
    assert [f.subjects for f in report.filter(code="BRK001")] == [("eput.board",)]  # the first
    assert report.filter(code="ACME002")
    builtin = [f for f in report if f.code.startswith("GM") and f.code != "GM004"]
    assert builtin == list(check(model, plugins=False))
    assert not report.is_valid()  # the report is incomplete: GM004 is an error
    assert check(model, ignore=["GM004", "BRK001"]).is_valid()


def test_a_plugin_from_the_command_line_with_no_traceback(tmp_path: Path) -> None:
    """Run as a user runs it, in a fresh process with the plugins installed on the path:
    the plugin's finding, the broken ones reported, exit 1, and no traceback."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(GOOD), str(BROKEN), str(ROOT)]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "govmodel", "check", str(MSECC)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "info[ACME002] joint-body-without-chair: 'msecc.board' has 5 members" in done.stdout
    assert "error[GM004] check-failed: plugin 'broken-import' of acme-broken 0.1" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "govmodel", "check", "--list-codes"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0
    assert "ACME001" in listed.stdout and "BRK001" in listed.stdout
    assert "warning: plugin 'broken-import' of acme-broken 0.1" in listed.stderr


def _spec(code: str, name: str) -> object:
    return check_spec(
        code=code,
        name=name,
        severity=Severity.WARNING,
        category=Category.STRUCTURE,
        summary="A check given directly.",
        why="To test.",
        hint="None.",
    )


def test_checks_given_directly_are_vetted_as_plugins_are() -> None:
    """`check(model, checks=[...])` runs a check not installed; one with a bad code or a
    name already used, or a rule not in the rulebook, is refused (GM004)."""

    def every_board(ctx: Context) -> Iterator[Hit]:
        for body in ctx.bodies():
            if body.kind.value == "board":
                yield Hit((body.id,), f"{body.id!r} is a board")

    good = _spec("FIRM001", "every-board")(every_board)  # type: ignore[operator]
    bad_code = _spec("firm1", "lower-case")(every_board)  # type: ignore[operator]
    taken_name = _spec("FIRM002", "committee-without-reporting-line")(every_board)  # type: ignore[operator]
    model = govmodel.examples.load("msecc-2023")
    report = check(model, checks=[good, bad_code, taken_name], plugins=False)
    assert len(report.filter(code="FIRM001")) == 3
    messages = sorted(f.message for f in report.filter(code="GM004"))
    assert len(messages) == 2
    assert "'firm1' is not a plugin's code" in messages[1]
    assert "already used by GM601" in messages[0]
    assert messages[0].startswith("a check given to govmodel.check() (tests.test_plugins)")
