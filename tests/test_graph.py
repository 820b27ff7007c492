"""GovernanceModel queries, dated views and the private graph."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import given

import govmodel
from govmodel import NoSuchRecord
from govmodel.strategies import models


@pytest.fixture
def msecc() -> govmodel.GovernanceModel:
    return govmodel.examples.load("msecc-2020")


def test_lookups_return_records_of_the_right_kind(msecc: govmodel.GovernanceModel) -> None:
    """Each lookup finds its own kind and refuses others with the closest ids."""
    assert msecc.body("msecc.board").kind is govmodel.BodyKind.PARTNERSHIP_BOARD
    assert msecc.kind_of("eput.ceo") == "post"
    with pytest.raises(NoSuchRecord, match=r"'msecc\.board'"):
        msecc.body("msecc.bord")
    with pytest.raises(NoSuchRecord):
        msecc.body("eput")


def test_relationship_queries(msecc: govmodel.GovernanceModel) -> None:
    """Bodies, posts, delegations and boards of an organisation."""
    assert [b.id for b in msecc.boards_of("eput")] == ["eput.board"]
    assert [d.id for d in msecc.delegations_to("msecc.board")] == [
        "eput-to-msecc",
        "nelft-to-msecc",
        "provide-to-msecc",
    ]
    assert [b.id for b in msecc.bodies_with_post("eput.ceo")] == ["eput.board", "msecc.board"]
    assert msecc.organisations_of("msecc.board") == ("eput", "nelft", "provide")
    assert msecc.organisations_of("msecc.lead_director") == ()


def test_standard_matters_are_known_without_declaring_them(msecc: govmodel.GovernanceModel) -> None:
    """The shipped vocabulary and the model's own matters are both available."""
    assert msecc.matter("appoint_remove_chair").category == "governors"
    assert msecc.matter("msecc_collaborative_decisions").category == "services"


def test_the_model_on_a_date_drops_records_not_in_force() -> None:
    """On 2023-01-01 the CCGs of 2020 are gone; in 2019 they were there."""
    model = govmodel.examples.load("msecc-2020")
    later = model.on("2023-01-01")
    assert "mid_essex_ccg" not in later and later.as_of == date(2023, 1, 1)
    assert "mid_essex_ccg" in model.on(date(2019, 1, 1))


def test_to_networkx_returns_a_copy(msecc: govmodel.GovernanceModel) -> None:
    """Mutating the returned graph leaves the model untouched."""
    g = msecc.to_networkx()
    g.remove_node("eput")
    assert "eput" in msecc.to_networkx()


@given(models())
def test_every_reference_in_a_model_is_an_edge_of_its_graph(
    model: govmodel.GovernanceModel,
) -> None:
    """Delegations, memberships and belonging all appear as typed edges."""
    g = model.to_networkx()
    relations = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    for d in model.delegations:
        assert (d.from_, d.to, "delegates_to") in relations
    for b in model.bodies:
        for org in b.organisations:
            assert (b.id, org, "part_of") in relations
    assert isinstance(g, nx.MultiDiGraph)
