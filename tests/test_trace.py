"""Accountability traces and who-can-decide, on the examples and on generated models."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import govmodel
from govmodel.analysis.authority import statutory_holders, who_can_decide
from govmodel.analysis.trace import trace
from govmodel.cli import main
from govmodel.strategies import models


def test_msecc_board_traces_through_each_partner_to_its_ends() -> None:
    """FTs end at their members and (via Monitor, then the Secretary of State) Parliament;
    Provide CIC at its members and the CIC Regulator."""
    t = trace(govmodel.examples.load("msecc-2020"), "msecc.board")
    assert t.ends == (
        "cic_regulator",
        "eput.members",
        "nelft.members",
        "parliament",
        "provide.members",
    )
    assert t.breaks == ()
    first = [p[0].target for p in t.paths if p[0].relation == "delegated_by"]
    assert set(first) == {"eput.board", "nelft.board", "provide.board"}
    via = {tuple(s.target for s in p) for p in t.paths}
    assert ("eput.board", "monitor", "secretary_of_state", "parliament") in via
    assert ("provide.board", "cic_regulator") in via


def test_after_july_2022_foundation_trusts_answer_to_nhs_england() -> None:
    """In 2023 the regulator step is NHS England, not Monitor."""
    t = trace(govmodel.examples.load("msecc-2023"), "eput.board")
    targets = {s.target for p in t.paths for s in p}
    assert "nhs_england" in targets and "monitor" not in targets
    assert t.ends == ("eput.members", "parliament")


def test_nics_provider_board_is_held_to_account_by_its_commissioners() -> None:
    """ESNEFT's board answers to the CCG and Essex County Council through the contract."""
    t = trace(govmodel.examples.load("nics-2021"), "esneft.board")
    relations = {(s.source, s.target, s.relation) for p in t.paths for s in p}
    assert ("esneft.board", "ne_essex_ccg.governing_body", "contracted_by") in relations
    assert ("esneft.board", "essex_cc.council", "contracted_by") in relations
    assert t.ends == ("esneft.members", "essex_cc.electorate", "parliament")


def test_pct_provider_arm_climbs_to_the_strategic_health_authority() -> None:
    """2010: a PCT's provider arm reports to the PCT board, which its SHA oversees and the
    Secretary of State established."""
    t = trace(govmodel.examples.load("essex-pcts-2010"), "mid_essex_pct.provider_arm")
    paths = [[s.target for s in p] for p in t.paths]
    assert [
        "mid_essex_pct.board",
        "strategic_health_authority",
        "secretary_of_state",
        "parliament",
    ] in paths
    assert ["mid_essex_pct.board", "secretary_of_state", "parliament"] in paths


def test_shropshire_project_team_reaches_both_pcts() -> None:
    """The joint project team reports to both PCT boards."""
    t = trace(govmodel.examples.load("shropshire-pcts-2010"), "tcs.project_team")
    assert {p[0].target for p in t.paths} == {"telford_pct.board", "shropshire_pct.board"}
    assert t.ends == ("parliament",)


def test_the_ccg_joint_committee_is_traced_to_each_ccg() -> None:
    """In 2018 the five CCGs' delegations lead to NHS England and Parliament."""
    t = trace(
        govmodel.examples.load("mse-success-regime-2016"),
        "mse.ccg_joint_committee",
        on="2018-01-01",
    )
    assert len({p[0].target for p in t.paths}) == 5
    assert t.ends == ("parliament",)


def test_a_body_with_no_source_of_authority_is_a_break() -> None:
    """MSECC's joint operations group: no delegations and no reporting line in the sources."""
    t = trace(govmodel.examples.load("msecc-2020"), "msecc.joint_operations_group")
    assert t.paths == ()
    assert [b.at for b in t.breaks] == ["msecc.joint_operations_group"]


def test_a_delegator_without_the_matter_is_an_authority_break() -> None:
    """A committee delegating what it never received is named as the break."""
    model = (
        govmodel.Builder("x", as_of="2023-01-01")
        .organisation("a", "A", "ft")
        .body("a.board", "Board", "board", organisations="a")
        .body("a.c", "Committee", "committee", organisations="a", reports_to="a.board")
        .post("a.ceo", "CEO", "ceo", organisation="a")
        .delegate("a.c", "a.ceo", "approve_budget", id="d1")
        .build()
    )
    t = trace(model, "a.ceo")
    assert [b.at for b in t.breaks] == ["a.c"]
    assert "approve_budget" in t.breaks[0].reason


def test_who_can_decide_follows_limits_and_onward_delegation() -> None:
    """Limits shrink along a chain; onward delegation needs leave."""
    model = (
        govmodel.Builder("x", as_of="2023-01-01")
        .organisation("a", "A", "trust")
        .body("a.board", "Board", "board", organisations="a")
        .body("a.fin", "Finance committee", "committee", organisations="a")
        .post("a.cfo", "Finance director", "executive_director", organisation="a")
        .post("a.deputy", "Deputy", "officer", organisation="a")
        .delegate("a.board", "a.fin", "approve_expenditure", limit=1_000_000, onward=True)
        .delegate("a.fin", "a.cfo", "approve_expenditure", limit=250_000)
        .delegate("a.cfo", "a.deputy", "approve_expenditure", limit=50_000)
        .build()
    )
    holders = {g.holder: g.limit for g in who_can_decide(model, "approve_expenditure")}
    assert holders == {"a.board": None, "a.fin": 1_000_000, "a.cfo": 250_000}
    assert [g.holder for g in who_can_decide(model, "approve_expenditure", amount=500_000)] == [
        "a.board",
        "a.fin",
    ]


def test_governor_matters_are_held_by_the_council_of_governors() -> None:
    """An FT's chair is appointed by its governors, a CIC's by its board."""
    m = govmodel.examples.load("msecc-2020")
    assert statutory_holders(m, "appoint_remove_chair", m.as_of) == [
        ("eput.governors", "eput"),
        ("nelft.governors", "nelft"),
        ("provide.board", "provide"),
    ]


def test_trace_and_who_commands_print_the_contract_shapes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`trace --format json` and `who --format json` keep the contract keys."""
    path = str(govmodel.examples.path("msecc-2020"))
    assert main(["trace", path, "msecc.board", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"subject", "on", "paths", "ends", "breaks"}
    assert set(data["paths"][0][0]) == {"from", "to", "relation", "instrument", "citation"}
    assert set(data["paths"][0][0]["citation"]) == {"text", "url"}
    assert main(["who", path, "approve_budget", "--amount", "250000", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["matter"], data["amount"], data["on"]) == ("approve_budget", 250000, "2020-09-01")
    assert {"holder", "limit", "chain"} <= set(data["holders"][0])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["trace", "{f}", "msecc.bord"], "Closest ids: 'msecc.board'"),
        (["who", "{f}", "aprove_budget"], "Closest ids: 'approve_budget'"),
    ],
)
def test_unknown_subjects_and_matters_exit_2_with_closest_ids(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A misspelt id lists the closest ids."""
    path = str(govmodel.examples.path("msecc-2020"))
    assert main([a.format(f=path) for a in argv]) == 2
    assert message in capsys.readouterr().err


@given(models(cycles=True))
def test_tracing_terminates_and_every_path_ends_at_an_end(model: govmodel.GovernanceModel) -> None:
    """On graphs with cycles, every path ends at a terminal end; dead ends are breaks."""
    for subject in model.ids("body") + model.ids("post"):
        t = trace(model, subject)
        for path in t.paths:
            assert path[-1].target in t.ends or path[-1].target.rpartition(".")[2] in {
                "members",
                "shareholders",
                "electorate",
            }
        if not t.paths:
            assert t.breaks


@given(models(cycles=True))
def test_every_holder_named_has_a_valid_chain(model: govmodel.GovernanceModel) -> None:
    """Each chain starts at a statutory holder and follows delegations in force that name
    the matter, with onward leave at every intermediate step."""
    for matter in {m for d in model.delegations for m in d.matters}:
        roots = {h for h, _ in statutory_holders(model, matter, model.as_of)}
        for g in who_can_decide(model, matter):
            assert g.chain[0] in roots
            for i, did in enumerate(g.delegations):
                d = model.delegation(did)
                assert d.active_on(model.as_of) and matter in d.matters
                assert (d.from_, d.to) == (g.chain[i], g.chain[i + 1])
                if i:
                    assert model.delegation(g.delegations[i - 1]).onward
