"""Tests for the scheme-of-delegation checks: one failing and one passing fixture per
code, a snapshot of each rendered finding, and the engine's contracts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import govmodel
from govmodel.checks import (
    REGISTRY,
    Category,
    CheckSpec,
    Context,
    Hit,
    Report,
    SchemeInvalid,
    Severity,
    check,
    check_spec,
    lookup,
)
from govmodel.io.convert import from_plain

HERE = Path(__file__).parent / "checks"
CODES = sorted(REGISTRY)


def fixture(code: str, which: str) -> govmodel.GovernanceModel:
    """Load ``checks/CODE/WHICH.yaml``; GM003's come in unchecked, as a Python user's
    model would (the file loader would reject them)."""
    text = (HERE / code / f"{which}.yaml").read_text(encoding="utf-8")
    if code == "GM003":
        return from_plain(yaml.safe_load(text))
    return govmodel.loads(text, filename=f"{code}/{which}.yaml")


@check_spec(
    code="GM999",
    name="borrowed-prefix",
    severity=Severity.WARNING,
    category=Category.STRUCTURE,
    summary="A check from outside govmodel that uses govmodel's own prefix.",
    why="GM004's failing fixture: govmodel refuses it.",
    hint="None.",
)
def _borrowed_prefix(ctx: Context) -> Iterator[Hit]:
    yield from ()


@check_spec(
    code="FIX001",
    name="boards-named",
    severity=Severity.INFO,
    category=Category.STRUCTURE,
    summary="Every board, by name (a check from outside govmodel that works).",
    why="GM004's passing fixture.",
    hint="None.",
)
def _boards_named(ctx: Context) -> Iterator[Hit]:
    for body in ctx.bodies():
        yield Hit((body.id,), f"{body.name} is in force")


#: Checks from outside govmodel that a code's fixtures run with (GM004 is about them).
WITH: dict[str, dict[str, tuple[CheckSpec, ...]]] = {
    "GM004": {"fail": (_borrowed_prefix,), "pass": (_boards_named,)}
}


def report_of(code: str, which: str) -> Report:
    """The report on ``checks/CODE/WHICH.yaml``: the built-in checks (no installed
    plugin), and the checks the code's fixture needs."""
    extra = WITH.get(code, {}).get(which, ())
    return check(fixture(code, which), checks=extra, plugins=False)


def rendered(report: Report, code: str) -> str:
    return "\n\n".join(f.render() for f in report.filter(code=code)) + "\n"


@pytest.mark.parametrize("code", CODES)
def test_failing_fixture_raises_the_code(code: str) -> None:
    """Each code's failing fixture produces that code, with its registered severity."""
    found = report_of(code, "fail").filter(code=code)
    assert len(found) >= 1
    assert {f.severity for f in found} == {REGISTRY[code].severity}


@pytest.mark.parametrize("code", CODES)
def test_passing_fixture_is_clear_of_the_code(code: str) -> None:
    """Each code's passing fixture (the failing one mended) does not produce it."""
    assert len(report_of(code, "pass").filter(code=code)) == 0


@pytest.mark.parametrize("code", CODES)
def test_rendered_finding_matches_its_snapshot(code: str) -> None:
    """The failing fixture's findings render exactly as the reviewed snapshot."""
    text = rendered(report_of(code, "fail"), code)
    snap = HERE / code / "fail.snap"
    assert snap.exists(), (
        f"no snapshot for {code}: run tests/update_snapshots.py {code} and review it"
    )
    assert text == snap.read_text(encoding="utf-8"), (
        f"{code}'s findings changed; if that is deliberate, run tests/update_snapshots.py "
        f"{code} and review the diff"
    )


def test_fixtures_and_registry_cover_the_same_codes() -> None:
    """Every registered check has a fixture folder and every folder a check."""
    folders = {p.name for p in HERE.iterdir() if p.is_dir()}
    assert folders == set(REGISTRY)


def test_documented_codes_are_the_registered_checks() -> None:
    """The generated docs have one page per registered code, and no other."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "docs" / "_ext"))
    from govmodel_pages import check_pages

    pages = check_pages()
    assert set(pages) == {f"{c}.md" for c in REGISTRY} | {"index.md"}
    for code, spec in REGISTRY.items():
        page = pages[f"{code}.md"]
        assert page.startswith(f"# {code}: {spec.name}")
        assert (HERE / code / "fail.yaml").read_text(encoding="utf-8") in page
        for rule in spec.rules:
            assert rule in page


def test_there_are_at_least_25_codes_all_well_formed() -> None:
    """Codes are GMnnn, names kebab-case and unique, every check documented."""
    assert len(REGISTRY) >= 25
    names = [s.name for s in REGISTRY.values()]
    assert len(set(names)) == len(names)
    for code, spec in REGISTRY.items():
        assert code == spec.code and code.startswith("GM") and code[2:].isdigit()
        assert spec.name == spec.name.lower() and " " not in spec.name
        assert spec.summary and spec.why and spec.hint
        for rule in spec.rules:
            govmodel.law.rules.get(rule)  # raises if the rule does not exist
        assert lookup(code.lower()) is spec and lookup(spec.name) is spec


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_every_example_is_clean_or_says_what_it_expects(name: str) -> None:
    """Each bundled example has no unexpected findings on its own date, and every
    expected finding is matched (no GM002)."""
    model = govmodel.examples.load(name)
    report = check(model)
    unexpected = [f.render() for f in report if f.expected is None]
    assert unexpected == []
    assert report.summary()["expected"] == len(model.expected)
    assert all(e.reason for e in model.expected)


def test_msecc_delegations_are_flagged_under_schedule_7() -> None:
    """MSECC's partner boards delegate to a board with other partners' voting
    members: GM401 for both foundation trusts, none for the CIC (not a trust)."""
    report = check(govmodel.examples.load("msecc-2020")).filter(code="GM401")
    assert sorted(f.subjects[0] for f in report) == ["eput-to-msecc", "nelft-to-msecc"]
    first = report.findings[0]
    assert first.rule == "BC-002" and first.citation is not None
    assert "schedule/7/paragraph/15" in first.citation.url
    assert first.location is not None and first.location.file == "msecc-2020.yaml"
    assert "nelft.ceo" in first.message and "provide.group_ceo" in first.message


def test_the_2020_model_checked_after_ccgs_closed_reports_their_contracts() -> None:
    """Checked on 2022-09-01, the MSECC 2020 model's CCG contracts are out of date."""
    report = check(govmodel.examples.load("msecc-2020"), on="2022-09-01")
    ended = {f.subjects[1] for f in report.filter(code="GM106")}
    assert ended == {"bb_ccg", "cpr_ccg", "mid_essex_ccg", "southend_ccg", "thurrock_ccg"}
    assert not report.is_valid()


def test_governor_matters_cite_the_rule_for_the_matter() -> None:
    """GM301 cites the FTR rule of the matter delegated (the auditor: FTR-003)."""
    found = check(fixture("GM301", "fail")).filter(code="GM301").findings
    assert [(f.subjects[1], f.rule) for f in found] == [("appoint_remove_auditor", "FTR-003")]


def test_committees_in_common_warning_cites_the_own_business_rule() -> None:
    """GM404 warns that a CIC's director votes in the trust's own committee (CINC-003)."""
    (found,) = check(fixture("GM404", "fail")).filter(code="GM404")
    assert found.severity is Severity.WARNING and found.rule == "CINC-003"
    assert "can decide only for their own organisation" in found.render()


def test_model_ignore_list_and_ignore_argument_silence_codes() -> None:
    """``ignore:`` in the model and ``ignore=`` both drop a code entirely."""
    model = fixture("GM601", "fail")
    assert check(model).filter(code="GM601")
    assert not check(model, ignore=["GM601"]).filter(code="GM601")
    assert not check(model, ignore=["committee-without-reporting-line"]).filter(code="GM601")
    import attrs

    silenced = attrs.evolve(model, ignore=("GM601",))
    assert not check(silenced).filter(code="GM601")


def test_expected_findings_are_kept_but_do_not_fail() -> None:
    """A finding the model expects is reported with its reason and not counted."""
    report = check(fixture("GM002", "pass"))
    (found,) = report.filter(code="GM601")
    assert found.expected == "Reporting line not yet agreed."
    assert report.is_valid(fail_on_warning=True)
    assert report.summary() == {"errors": 0, "warnings": 0, "info": 0, "expected": 1}


def test_validate_raises_one_error_wrapping_the_report() -> None:
    """``validate`` raises SchemeInvalid holding every finding; ``is_valid`` agrees."""
    model = fixture("GM201", "fail")
    with pytest.raises(SchemeInvalid) as raised:
        govmodel.validate(model)
    assert raised.value.report == check(model)
    assert "GM201" in str(raised.value)
    assert not govmodel.is_valid(model)
    assert govmodel.validate(fixture("GM201", "pass")).is_valid()


def test_iter_findings_is_lazy_and_select_limits_the_checks() -> None:
    """``iter_findings`` is a generator; ``select`` runs only the named checks."""
    model = fixture("GM405", "fail")
    found = govmodel.iter_findings(model, select=["GM405"])
    assert next(found).code == "GM405"
    assert {f.code for f in check(model, select=["quorum-unreachable"])} == {"GM405"}


def test_report_filters_by_severity_code_and_subject() -> None:
    """Filtering keeps findings at or above a severity, with a code, about a subject."""
    report = check(govmodel.examples.load("msecc-2020"), on="2022-09-01")
    errors = report.filter(severity="error")
    assert errors and all(f.severity is Severity.ERROR for f in errors)
    assert len(report.filter(severity="warning")) >= len(errors)
    about = report.filter(subject="nelft.community_contract")
    assert about and all("nelft.community_contract" in f.subjects for f in about)
    assert len(report.filter(expected=True)) == 6


def test_report_is_sorted_by_location_then_code() -> None:
    """Findings with locations come in file order."""
    report = check(govmodel.examples.load("msecc-2020"), on="2022-09-01")
    keys = [f.sort_key() for f in report]
    assert keys == sorted(keys)
    lines = [f.location.line for f in report if f.location]
    assert lines == sorted(lines)


def test_report_converts_to_frame_json_text_and_html() -> None:
    """The report has a DataFrame, the contract's JSON, compiler text and HTML."""
    report = check(govmodel.examples.load("msecc-2020"))
    frame = report.to_frame()
    assert list(frame["code"]) == [f.code for f in report]
    assert frame["line"].dtype == "Int64"
    data = json.loads(report.to_json())
    assert set(data) == {"file", "on", "summary", "diagnostics"}
    assert set(data["summary"]) >= {"errors", "warnings", "info"}
    diag = data["diagnostics"][0]
    assert set(diag) >= {
        "code",
        "name",
        "severity",
        "message",
        "subjects",
        "location",
        "citation",
        "hint",
    }
    assert set(diag["location"]) == {"file", "line", "column"}
    text = str(report)
    assert text.splitlines()[0].startswith("msecc-2020.yaml:")
    assert text.rstrip().endswith("(6 expected)")
    assert "<table>" in report._repr_html_() and "GM401" in report._repr_html_()


def test_same_model_gives_byte_identical_json() -> None:
    """Two checks of the same file give the same bytes."""
    model = govmodel.examples.load("mse-success-regime-2016")
    assert check(model, on="2020-05-01").to_json() == check(model, on="2020-05-01").to_json()


def test_unknown_code_in_ignore_or_expected_is_reported() -> None:
    """GM001 names the unknown entry and suggests the closest code."""
    (found,) = check(fixture("GM001", "fail")).filter(code="GM001")
    assert "'GM6O1'" in found.message and "GM601" in found.hint
    assert found.location is not None and found.location.line == 5
