"""govmodel advise: lawful forms ranked for the partners' aims, every point explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govmodel
from govmodel import FormId, Verdict
from govmodel.errors import PartyNotInExistence, UnknownKind
from govmodel.law.advice import advise
from govmodel.law.aims import RATINGS, aims, load_aims
from govmodel.law.facts import Facts
from govmodel.law.rulebook import RulebookError
from govmodel.law.rules import get

from .conftest import run

MSECC = [("ft", "EPUT"), ("ft", "NELFT"), ("cic", "Provide CIC")]
#: What the MSECC partners wanted in 2020 (shared/seeds/002): the CIC in the partnership,
#: no new organisation, "one joined up conversation" with the commissioner, and the
#: flexibility to adopt a different structure later.
MSECC_AIMS = ["include_non_nhs", "no_new_entity", "one_commissioner_conversation", "easy_to_change"]

NICS = [
    ("ft", "ESNEFT"),
    ("company", "GP Primary Choice"),
    ("ft", "EPUT"),
    ("company", "Virgin Care"),
]
#: What the NICS alliance was for in July 2021 (shared/seeds/003): integration with private
#: and voluntary organisations, services "more joined up" under one award from the
#: commissioners, by a partnership of four providers side by side.
NICS_AIMS = ["include_non_nhs", "one_commissioner_conversation", "equal_control"]


def test_msecc_2020_puts_the_contractual_joint_venture_first() -> None:
    """The form the partners chose serves all four of their aims; it still needs the
    foundation trusts' governors to approve it if their constitutions make it a
    significant transaction (CORP-002)."""
    advice = advise(MSECC, on="2020-09-01", aims=MSECC_AIMS)
    first = advice.ranking[0]
    assert first.form is FormId.CONTRACTUAL_JOINT_VENTURE
    assert [p.aim for p in first.serves] == MSECC_AIMS and not first.partly and not first.fails
    assert {r for p in first.serves for r in first.cited(p)} == {"CJV-001", "CJV-005"}
    assert [(n.fact, n.rule, n.parties) for n in first.needs] == [
        ("significant_transaction_approved", "CORP-002", ("EPUT", "NELFT"))
    ]
    assert all(o.verdict.verdict is Verdict.LAWFUL for o in advice.ranking)
    lead = next(o for o in advice.ranking if o.form is FormId.LEAD_PROVIDER)
    assert [p.aim for p in lead.fails] == ["easy_to_change"]
    assert lead.rank > first.rank and lead.placed.startswith("scores 6 against")


def test_msecc_2020_says_why_joint_committee_and_committees_in_common_fall_away() -> None:
    """Foundation trusts could not join a joint committee before July 2022 and a CIC never
    can; in committees in common a CIC decides only its own business."""
    advice = advise(MSECC, on="2020-09-01", aims=MSECC_AIMS)
    out = {r.form: r for r in advice.ruled_out}
    jc, cic = out[FormId.JOINT_COMMITTEE], out[FormId.COMMITTEES_IN_COMMON]
    assert jc.verdict is Verdict.NOT_LAWFUL and jc.rules == ("JC-005", "JC-002")
    assert jc.why == (
        "EPUT cannot take part: Foundation trusts could not join joint committees before "
        "July 2022 (JC-005).",
        "NELFT cannot take part: Foundation trusts could not join joint committees before "
        "July 2022 (JC-005).",
        "Provide CIC cannot take part: No company, CIC or charity as a joint committee member "
        "body (JC-002).",
    )
    assert cic.verdict is Verdict.PARTIAL and cic.rules == ("CINC-003",)
    assert cic.why[0] == "Only EPUT, NELFT may take part."
    assert "Non-NHS members of committees in common decide only their own business" in cic.why[1]
    ranked = {o.form for o in advice.ranking}
    assert not ranked & set(out)
    assert ranked | set(out) | set(advice.not_about) == set(FormId)


def test_the_msecc_answer_reads_and_exports(capsys: pytest.CaptureFixture[str]) -> None:
    """The command line prints the ranking with every point and the forms that fall away;
    JSON has the contract's keys."""
    args = ["advise", "--party", "ft=EPUT", "--party", "ft=NELFT", "--party", "cic=Provide CIC"]
    args += ["--on", "2020-09-01", *[x for a in MSECC_AIMS for x in ("--aim", a)]]
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert (
        "1. Contractual joint venture (contractual_joint_venture): lawful, high confidence\n" in out
    )
    assert (
        "   + include_non_nhs: Any organisation able to contract may be a partner on the same "
        "terms.\n     (CJV-001)\n" in out
    )
    assert "   What it would take (conditions nobody has stated yet):\n" in out
    assert "  Joint committee (joint_committee): not lawful.\n" in out
    assert (
        "    Provide CIC cannot take part: No company, CIC or charity as a joint committee "
        "member body\n" in out
    )
    assert "How the ranking works: Each lawful form scores 2" in out
    code, out, _ = run(capsys, *args, "--format", "json")
    data = json.loads(out)
    assert {"on", "parties", "aims", "ranking"} <= set(data)
    assert data["on"] == "2020-09-01" and [a["aim"] for a in data["aims"]] == MSECC_AIMS
    item = data["ranking"][0]
    assert {"form", "verdict", "reasons", "trade_offs"} <= set(item)
    assert item["form"] == "contractual_joint_venture" and item["verdict"] == "lawful"
    assert [r["aim"] for r in item["reasons"]] == MSECC_AIMS
    assert item["trade_offs"] == [
        {
            "kind": "requirement",
            "fact": "significant_transaction_approved",
            "rule": "CORP-002",
            "parties": ["EPUT", "NELFT"],
            "why": get("CORP-002").statement,
        }
    ]
    assert [r["form"] for r in data["ruled_out"]][:2] == ["joint_committee", "committees_in_common"]
    assert out == run(capsys, *args, "--format", "json")[1]


def test_nics_2021_puts_the_alliance_first_and_explains_the_tie() -> None:
    """The alliance the four providers formed serves the three aims; the contractual joint
    venture serves them too, and ranks second only because it asks one more question (the
    foundation trusts' governors, CORP-002). A lead provider fails equal control."""
    advice = advise(NICS, on="2021-07-01", aims=NICS_AIMS)
    first, second = advice.ranking[0], advice.ranking[1]
    assert first.form is FormId.ALLIANCE_AGREEMENT and first.needs == ()
    assert second.form is FormId.CONTRACTUAL_JOINT_VENTURE and second.score == first.score
    assert second.placed == (
        "ties with Alliance agreement on score (6), but has 1 condition still to meet against 0"
    )
    lead = next(o for o in advice.ranking if o.form is FormId.LEAD_PROVIDER)
    (failed,) = lead.fails
    assert failed.aim == "equal_control" and lead.cited(failed) == ("LP-001", "LP-002")
    out = {r.form: r for r in advice.ruled_out}
    assert out[FormId.JOINT_COMMITTEE].rules == ("JC-005", "JC-002")
    assert "S75-005" in out[FormId.SECTION_75_PARTNERSHIP].rules
    assert out[FormId.COMMITTEES_IN_COMMON].rules == ("CINC-003",)


def test_stated_facts_meet_a_need_or_rule_a_form_out() -> None:
    """Governors' approval stated: no question left. Stated refused: the joint venture
    falls away for the foundation trusts, with the rule."""
    met = Facts.of([("significant_transaction_approved", None, True)])
    advice = advise(MSECC, on="2020-09-01", aims=MSECC_AIMS, facts=met)
    assert advice.ranking[0].form is FormId.CONTRACTUAL_JOINT_VENTURE
    assert advice.ranking[0].needs == ()
    refused = Facts.of([("significant_transaction_approved", "EPUT", False)])
    advice = advise(MSECC, on="2020-09-01", aims=MSECC_AIMS, facts=refused)
    assert FormId.CONTRACTUAL_JOINT_VENTURE not in {o.form for o in advice.ranking}
    (gone,) = [r for r in advice.ruled_out if r.form is FormId.CONTRACTUAL_JOINT_VENTURE]
    assert "EPUT cannot take part: Governors approve a significant transaction" in gone.why[1]


def test_bad_aims_and_parties_are_refused_with_suggestions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A mistyped aim names the closest; a party that did not exist says so; exit 2."""
    with pytest.raises(UnknownKind, match="Did you mean 'include_non_nhs'"):
        advise(MSECC, on="2020-09-01", aims=["incude_non_nhs"])
    with pytest.raises(PartyNotInExistence):
        advise(["icb", "ft"], on="2020-09-01", aims=["equal_control"])
    with pytest.raises(ValueError, match="at least one aim"):
        advise(MSECC, on="2020-09-01", aims=[])
    code, _, err = run(capsys, "advise", "--party", "ft", "--on", "2020-09-01", "--aim", "x")
    assert code == 2 and "--aim 'x' is not an aim" in err
    code, _, err = run(capsys, "advise", "--party", "ft", "--aim", "equal_control")
    assert code == 2 and "--on DATE is required" in err
    code, out, _ = run(capsys, "advise", "--list-aims")
    assert code == 0 and len(out.splitlines()) == len(aims().aims) == 9


# -- the aims table ---------------------------------------------------------------------------


def test_the_table_has_a_point_for_every_form_and_aim_resting_on_real_rules() -> None:
    """144 points, each rated, explained and cited; the aims are the contract's nine."""
    table = aims()
    assert list(table.aims) == [
        "single_decision",
        "equal_control",
        "no_new_entity",
        "pooled_budget",
        "include_non_nhs",
        "keep_board_accountability",
        "easy_to_change",
        "staff_mobility",
        "one_commissioner_conversation",
    ]
    assert len(table.points) == len(FormId) * len(table.aims)
    for point in table.points.values():
        assert point.rating in RATINGS and point.why.endswith(".")
        assert all(get(r) for r in point.rules)


def test_the_table_agrees_with_the_verdicts_on_non_nhs_partners() -> None:
    """For a foundation trust and a CIC today: a form the table says serves non-NHS
    partners is lawful for both; one it says fails them, or serves them partly, never
    admits the CIC as a full partner."""
    table = aims()
    result = govmodel.forms([("ft", "FT"), ("cic", "CIC")], on="2024-06-01")
    for verdict in result.applicable():
        point = table.point(verdict.form, "include_non_nhs")
        if point.rating == "serves":
            assert verdict.verdict is Verdict.LAWFUL, verdict.form
        else:
            assert "CIC" not in verdict.eligible, verdict.form


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("rating: serves\n", "rating: great\n", "'great' is not allowed here. One of: serves"),
        ("rules: [JC-001]\n", "rules: [JC-999]\n", "no rule 'JC-999' in the rulebook"),
        ("    staff_mobility:\n", "    staff_mobilty:\n", "'staff_mobilty' is not an aim"),
    ],
)
def test_a_mistake_in_the_table_is_located(
    tmp_path: Path, before: str, after: str, message: str
) -> None:
    """The table is checked like a rule file: the problem at its line, what is wrong and
    what would do; a form left without a point for an aim is named too."""
    text = (govmodel.law.rulefile.rules_dir() / "aims.yaml").read_text(encoding="utf-8")
    assert before in text
    line = text[: text.index(before)].count("\n") + 1
    path = tmp_path / "aims.yaml"
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(RulebookError) as caught:
        load_aims(path)
    assert f"{path}:{line}:" in str(caught.value)
    assert message in str(caught.value)
    if "staff_mobilty" in after:
        assert "no point for the aim 'staff_mobility'" in str(caught.value)


# -- properties -------------------------------------------------------------------------------

TODAY_TYPES = ["ft", "trust", "icb", "la", "cic", "company", "charity", "ca"]


@settings(max_examples=40)
@given(
    st.lists(st.sampled_from(TODAY_TYPES), min_size=1, max_size=4),
    st.lists(st.sampled_from(list(aims().aims)), min_size=1, max_size=4, unique=True),
)
def test_every_form_is_ranked_or_falls_away_and_the_ranking_is_ordered(
    parties: list[str], wanted: list[str]
) -> None:
    """Only lawful forms are ranked, in order of score; every other form that concerns
    the parties falls away with a reason; nothing is left out or counted twice."""
    advice = advise(parties, on="2024-06-01", aims=wanted)
    ranked = [o.form for o in advice.ranking]
    gone = [r.form for r in advice.ruled_out]
    assert sorted(ranked + gone + list(advice.not_about), key=list(FormId).index) == list(FormId)
    assert all(o.verdict.verdict is Verdict.LAWFUL for o in advice.ranking)
    assert all(r.verdict is not Verdict.LAWFUL and r.why for r in advice.ruled_out)
    scores = [o.score for o in advice.ranking]
    assert scores == sorted(scores, reverse=True)
    assert [o.rank for o in advice.ranking] == list(range(1, len(ranked) + 1))
    assert all(len(o.points) == len(wanted) for o in advice.ranking)
    assert advice.to_json() == advise(parties, on="2024-06-01", aims=wanted).to_json()
