"""`govmodel new-check`: a plugin package that installs, tests and runs as written."""

from __future__ import annotations

import importlib
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

import govmodel
from govmodel.errors import UsageError
from govmodel.scaffold import new_check

from .conftest import run


@pytest.fixture
def scaffold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """`govmodel new-check FIRM001` written into a folder, importable."""
    folder = tmp_path / "firm-checks"
    code, _, err = run(capsys, "new-check", "FIRM001", "-o", str(folder))
    assert code == 0 and f"wrote {folder}/firm_checks/__init__.py" in err
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    for name in [m for m in sys.modules if m.startswith(("firm_checks", "test_firm001"))]:
        del sys.modules[name]


def test_the_scaffold_holds_a_package_its_entry_point_models_and_tests(scaffold: Path) -> None:
    """pyproject names the entry point govmodel reads; the files a contributor edits
    are all there."""
    files = sorted(str(p.relative_to(scaffold)) for p in scaffold.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "firm_checks/__init__.py",
        "pyproject.toml",
        "tests/fail.yaml",
        "tests/pass.yaml",
        "tests/test_firm001.py",
    ]
    project = tomllib.loads((scaffold / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["govmodel.checks"] == {"firm": "firm_checks:CHECKS"}
    assert project["project"]["dependencies"] == [f"govmodel>={govmodel.__version__}"]


def test_the_scaffolded_check_runs_and_finds_what_it_says(scaffold: Path) -> None:
    """Its check finds the committee without a chair in fail.yaml and nothing in
    pass.yaml, under its own code."""
    module = importlib.import_module("firm_checks")
    (spec,) = module.CHECKS
    assert (spec.code, spec.name) == ("FIRM001", "committee-without-chair")
    failing = govmodel.load(scaffold / "tests" / "fail.yaml")
    report = govmodel.check(failing, checks=module.CHECKS, plugins=False)
    (found,) = report.filter(code="FIRM001")
    assert found.subjects == ("t.audit",) and found.location is not None
    assert not report.filter(code="GM004")
    passing = govmodel.load(scaffold / "tests" / "pass.yaml")
    assert not govmodel.check(passing, checks=module.CHECKS, plugins=False).filter(code="FIRM001")


def test_the_scaffolds_own_tests_pass(scaffold: Path) -> None:
    """The generated tests (fixtures and a property with govmodel.strategies) pass."""
    sys.path.insert(0, str(scaffold / "tests"))
    try:
        generated = importlib.import_module("test_firm001")
    finally:
        sys.path.remove(str(scaffold / "tests"))
    ran = [name for name in dir(generated) if name.startswith("test_")]
    assert ran == [
        "test_the_check_runs_on_any_model",
        "test_the_failing_model_has_the_finding",
        "test_the_passing_model_does_not",
    ]
    for name in ran:
        test = getattr(generated, name)
        if hasattr(test, "hypothesis"):  # fewer examples here than a user's suite runs
            test = settings(max_examples=15)(test)
        test()


def test_the_scaffold_refuses_codes_names_and_files_govmodel_would_refuse(
    scaffold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GM and LOC prefixes, malformed codes and names are usage errors; existing files
    need --force."""
    with pytest.raises(UsageError, match="kept for local policies"):
        new_check("LOC001")
    with pytest.raises(UsageError, match="not a kebab-case name"):
        new_check("FIRM002", name="No Chair")
    code, _, err = run(capsys, "new-check", "GM700")
    assert code == 2 and "kept for govmodel's own checks" in err
    code, _, err = run(capsys, "new-check", "FIRM001", "-o", str(scaffold))
    assert code == 2 and "already exists; pass --force" in err
    assert run(capsys, "new-check", "FIRM001", "-o", str(scaffold), "--force")[0] == 0
