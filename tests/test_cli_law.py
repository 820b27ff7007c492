"""The `forms`, `rules` and `rule` commands."""

from __future__ import annotations

import json

import pytest

from .conftest import run


def test_forms_with_parties_prints_the_contract_json_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`forms --party ft --party ft --party cic --on 2020-09-01 --format json`."""
    code, out, _ = run(
        capsys,
        "forms",
        "--party",
        "ft",
        "--party",
        "ft",
        "--party",
        "cic",
        "--on",
        "2020-09-01",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["on"] == "2020-09-01"
    assert data["parties"] == [
        {"name": "nhs_foundation_trust#1", "type": "nhs_foundation_trust"},
        {"name": "nhs_foundation_trust#2", "type": "nhs_foundation_trust"},
        {"name": "community_interest_company#1", "type": "community_interest_company"},
    ]
    jc = data["forms"][0]
    assert set(jc) >= {
        "form",
        "verdict",
        "eligible",
        "conditions",
        "disputed",
        "reasons",
        "requirements",
        "questions",
    }
    assert (jc["form"], jc["verdict"]) == ("joint_committee", "not_lawful")
    reason = next(r for r in jc["reasons"] if r["rule"] == "JC-005")
    assert set(reason) >= {"rule", "statement", "citation", "url", "confidence"}
    assert reason["citation"] == "NHS Act 2006 Sch 7 para 15(3)"
    assert [f["form"] for f in data["forms"]][:11] == [
        "joint_committee",
        "committees_in_common",
        "lead_provider",
        "contractual_joint_venture",
        "alliance_agreement",
        "corporate_joint_venture",
        "section_75_partnership",
        "delegation_of_functions",
        "shared_leadership",
        "merger_acquisition",
        "memorandum_of_understanding",
    ]


def test_named_parties_keep_their_names(capsys: pytest.CaptureFixture[str]) -> None:
    """`--party ft=EPUT` names the party EPUT."""
    _, out, _ = run(
        capsys,
        "forms",
        "--party",
        "ft=EPUT",
        "--party",
        "ft=NELFT",
        "--on",
        "2023-01-01",
        "--format",
        "json",
    )
    assert json.loads(out)["forms"][0]["eligible"] == ["EPUT", "NELFT"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["forms", "--party", "fondation_trust", "--on", "2020-01-01"], "Did you mean"),
        (["forms", "--party", "ft"], "--on DATE is required"),
        (["forms", "--party", "pct", "--party", "pct", "--on", "2013-04-01"], "abolished"),
        (["forms"], "give a model FILE"),
        (
            ["forms", "--party", "ft", "--party", "ft", "--on", "2023-01-01", "--explain", "jc2"],
            "is not a form id",
        ),
        (["rule", "JC-05"], "Closest ids"),
    ],
)
def test_bad_law_arguments_exit_2_with_a_helpful_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Unknown types, forms and rules list the valid ones or the closest; exit 2."""
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err


def test_forms_explain_lists_held_and_unheld_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """`--explain` shows every rule considered with its citation."""
    code, out, _ = run(
        capsys,
        "forms",
        "--party",
        "ft",
        "--party",
        "ft",
        "--on",
        "2020-01-01",
        "--explain",
        "joint_committee",
    )
    assert code == 0
    assert "[held    ] JC-005" in out and "[not held] JC-001" in out
    assert "legislation.gov.uk" in out


def test_rules_filters_by_date_and_form(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules --on --form --format json` lists only the rules in force for that form."""
    code, out, _ = run(capsys, "rules", "--on", "2010-01-01", "--form", "s75", "--format", "json")
    ids = [r["id"] for r in json.loads(out)["rules"]]
    assert code == 0 and "S75-001" in ids and "S75-011" not in ids


def test_rule_shows_citation_dates_and_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    """`rule CINC-005` shows the dispute text."""
    code, out, _ = run(capsys, "rule", "cinc-005")
    assert code == 0 and "DISPUTED" in out and "confidence medium" in out
