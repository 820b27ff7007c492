"""The timeline: verdicts over time from the parties' earliest common date, each change
marked with the rules that made it, and its chart."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from IPython.core.formatters import DisplayFormatter

import govmodel
from govmodel import FormId, PartyNotInExistence
from govmodel.law.forms import form_info
from govmodel.law.rules import get
from govmodel.law.timeline import common_period
from govmodel.render.chart import timeline_svg

from .conftest import run

MSECC = [("ft", "EPUT"), ("ft", "NELFT"), ("cic", "Provide CIC")]
TODAY = date(2026, 12, 1)


def test_a_start_before_the_parties_existed_moves_to_their_earliest_common_date() -> None:
    """Community interest companies exist from July 2005: a timeline asked from 2000
    starts then, and says so, instead of failing."""
    asked = govmodel.timeline(MSECC, start="2000-01-01", end=TODAY)
    assert asked.start == date(2005, 7, 1) == common_period(MSECC)[0]
    assert asked.notes == (
        "starts on 2005-07-01, when Provide CIC (community interest company) could first "
        "exist, not on 2000-01-01",
    )
    default = govmodel.timeline(MSECC, end=TODAY)
    assert default.start == date(2005, 7, 1) and default.changes == asked.changes


def test_an_end_after_a_party_type_ended_moves_to_its_last_day() -> None:
    """Primary care trusts ended on 31 March 2013; so does their timeline."""
    t = govmodel.timeline(["pct", "la"], start="2010-01-01", end="2020-01-01")
    assert t.end == date(2013, 3, 31)
    assert t.notes == (
        "ends on 2013-03-31, the last day primary_care_trust#1 (primary care trust) could exist",
    )


def test_parties_that_never_coexisted_are_refused() -> None:
    """A PCT and an ICB were never in being together: there is no period to chart."""
    with pytest.raises(PartyNotInExistence, match="never existed at the same time"):
        govmodel.timeline(["pct", "icb"])
    with pytest.raises(PartyNotInExistence, match="falls outside"):
        govmodel.timeline(["pct"], start="2020-01-01", end="2021-01-01")


def test_each_change_is_marked_with_the_rules_that_made_it() -> None:
    """For the MSECC partners the one change in what concerns them is 1 July 2022: the
    s.65Z5 power began (JC-001, DEL-001) and the foundation trusts' bars ended (JC-005,
    DEL-018)."""
    t = govmodel.timeline(MSECC, end=TODAY)
    shown = set(t.shown())
    turns = [(turn.on, [s for s in turn.shifts if s.form in shown]) for turn in t.turns]
    turns = [(on, shifts) for on, shifts in turns if shifts]
    assert [(on, [(s.form, s.old, s.new, s.rules) for s in shifts]) for on, shifts in turns] == [
        (
            date(2022, 7, 1),
            [
                (FormId.JOINT_COMMITTEE, "not_lawful", "partial", ("JC-001", "JC-005")),
                (FormId.DELEGATION_OF_FUNCTIONS, "not_lawful", "partial", ("DEL-001", "DEL-018")),
            ],
        )
    ]
    assert get("JC-001").in_force.start == date(2022, 7, 1)
    assert get("JC-005").in_force.end == date(2022, 6, 30)


@settings(max_examples=30)
@given(
    st.lists(
        st.sampled_from(["ft", "trust", "la", "cic", "ccg", "icb", "pct", "company"]),
        min_size=1,
        max_size=3,
    ),
    st.integers(0, 9000),
    st.integers(100, 9000),
)
def test_every_turn_names_rules_that_start_or_end_on_its_date(
    parties: list[str], offset: int, length: int
) -> None:
    """Whatever the parties and period: turns fall inside it, each shift is a real
    change, and its rules concern its form and start or stop applying that day."""
    first = date(2000, 1, 1) + timedelta(days=offset)
    try:
        t = govmodel.timeline(parties, start=first, end=first + timedelta(days=length))
    except PartyNotInExistence:
        return
    assert t.start <= t.end and len(t.changes) == len(t.turns) + 1
    for turn, (before, after) in zip(
        t.turns, zip(t.changes, t.changes[1:], strict=False), strict=True
    ):
        assert t.start < turn.on <= t.end and after.on == turn.on
        for shift in turn.shifts:
            was, now = before[shift.form], after[shift.form]
            assert (was.verdict.value, now.verdict.value) == (shift.old, shift.new)
            assert (was.verdict, was.eligible) != (now.verdict, now.eligible)
            for rid in shift.rules:
                rule = get(rid)
                end = rule.in_force.end
                assert rule.concerns(shift.form)
                assert rule.in_force.start == turn.on or (
                    end and end + timedelta(days=1) == turn.on
                )


def test_the_msecc_chart_from_their_earliest_common_date_to_today() -> None:
    """The chart has a row per form that concerns the partners, the 2022 change marked
    and explained with its rules, and the same bytes each time."""
    t = govmodel.timeline(MSECC, end=TODAY)
    svg = timeline_svg(t)
    assert svg == timeline_svg(govmodel.timeline(MSECC, end=TODAY))
    assert "Governance forms for EPUT, NELFT and Provide CIC, 2005-07-01 to 2026-12-01" in svg
    assert "The chart starts on 2005-07-01, the first day on which every party" in svg
    rows = re.findall(r'<text x="10" y="\d+">([^<]+)</text>', svg)
    assert rows[: len(t.shown())] == [form_info(f).title for f in t.shown()]
    assert "Social enterprise spin-out" not in svg and "Not shown (about other party types)" in svg
    assert "2022-07-01: Joint committee: not lawful -&gt; partial (EPUT, NELFT)" in svg
    assert "JC-001, JC-005, DEL-001, DEL-018" in svg
    assert svg.count('stroke-dasharray="4 3"') == 1  # one marker
    every = timeline_svg(t, every_form=True)
    assert "Social enterprise spin-out (Right to Request)" in every


def test_the_timeline_displays_its_chart_in_a_notebook() -> None:
    """The notebook shows the chart and a table of the changes with their rules."""
    t = govmodel.timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01")
    data, _ = DisplayFormatter().format(t)
    html = data["text/html"]
    assert html.startswith("<div><svg") and "JC-001, JC-005" in html
    assert data["text/plain"] == (
        "<Timeline 2020-01-01 to 2023-01-01: 1 change of verdict (2022-07-01)>"
    )


def test_the_command_line_reads_the_default_period_and_the_rules(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Text marks each change with its rules; JSON carries the turns and notes."""
    args = ["timeline", "--party", "ft=EPUT", "--party", "ft=NELFT", "--party", "cic=Provide CIC"]
    code, out, _ = run(capsys, *args, "--to", "2026-12-01")
    assert code == 0
    assert "  (starts on 2005-07-01, the first day on which every party's type existed)\n" in out
    assert "2022-07-01:  [JC-001, JC-005, DEL-001, DEL-018]\n" in out
    assert "social_enterprise_spin_out   " not in out
    code, out, _ = run(
        capsys, *args, "--from", "1999-01-01", "--to", "2026-12-01", "--format", "json"
    )
    data = json.loads(out)
    assert data["from"] == "2005-07-01" and data["to"] == "2026-12-01"
    assert data["notes"][0].startswith("starts on 2005-07-01, when Provide CIC")
    assert "2022-07-01" in [turn["on"] for turn in data["turns"]]
    code, _, err = run(capsys, *args, "--from", "2024-01-01", "--to", "2023-01-01")
    assert code == 2 and "is before --from" in err
