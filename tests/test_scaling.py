"""The fast paths give the answers of the simple ones (``tests/reference.py``).

Indexed lookups, kept dated models, grants worked out per matter and only where
delegations reach, one-form verdicts and local authority questions must change
nothing but the time taken: the same report, traces, holders and drawings on
random models, on random dates.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import govmodel
from govmodel.analysis.authority import grants, grants_of, matter_grants
from govmodel.analysis.classify import classify
from govmodel.analysis.trace import trace
from govmodel.errors import GovModelError
from govmodel.graph import graph_of
from govmodel.law.base import distinct_match
from govmodel.law.parties import exists
from govmodel.law.verdicts import forms
from govmodel.model.governance import DATES_KEPT
from govmodel.model.kinds import BodyKind, FormId, PartyType
from govmodel.model.records import Body, Delegation, Organisation
from govmodel.render.nearby import focus_scene
from govmodel.render.parts import build_scene
from govmodel.strategies import days, models, nearly_valid_models, schemes

from .reference import naive, naive_check, naive_grants, naive_trace

dates = st.none() | days

#: A board that delegates to its committee, which delegates back to the board, on to the
#: organisation's second governing body (which delegates nothing) and to another
#: organisation's board: boards that hold the matter directly and by delegation.
ROUND_TRIP = govmodel.GovernanceModel(
    name="round trip",
    as_of=date(2024, 6, 1),
    organisations=[
        Organisation("a", "A", PartyType.NHS_TRUST),
        Organisation("b", "B", PartyType.NHS_TRUST),
    ],
    bodies=[
        Body("a.board", "A board", BodyKind.BOARD, ("a",)),
        Body("a.fin", "A finance", BodyKind.COMMITTEE, ("a",), reports_to=("a.board",)),
        Body("a.council", "A council", BodyKind.FULL_COUNCIL, ("a",)),
        Body("b.board", "B board", BodyKind.BOARD, ("b",)),
    ],
    delegations=[
        Delegation("d1", "a.board", "a.fin", ("approve_budget",), limit=500, onward=True),
        Delegation("d2", "a.fin", "a.board", ("approve_budget",), limit=100, onward=True),
        Delegation("d3", "a.fin", "b.board", ("approve_budget",), limit=50),
        Delegation("d4", "b.board", "a.fin", ("approve_budget",)),
        Delegation("d5", "a.fin", "a.council", ("approve_budget",), limit=20),
    ],
)


def _on(model: govmodel.GovernanceModel, on: date | None) -> date:
    return model.resolve_on(on)


@given(st.one_of(models(), nearly_valid_models()))
def test_indexed_lookups_answer_as_the_scans_do(model: govmodel.GovernanceModel) -> None:
    """Bodies, posts, boards, agreements and contracts of each organisation, bodies of
    each post, delegations from and to each holder, components and file locations."""
    slow = naive(model)
    for org in model.ids("organisation"):
        for name in ("bodies_of", "posts_of", "boards_of", "agreements_of", "contracts_of"):
            assert getattr(model, name)(org) == getattr(slow, name)(org), name
    for post in model.ids("post"):
        assert model.bodies_with_post(post) == slow.bodies_with_post(post)
    for holder in {*model.ids(), *(h for d in model.delegations for h in (d.from_, d.to))}:
        assert model.delegations_from(holder) == slow.delegations_from(holder)
        assert model.delegations_to(holder) == slow.delegations_to(holder)
    for body in model.ids("body"):
        assert model.components(body) == slow.components(body)
        assert model.agreements_establishing(body) == slow.agreements_establishing(body)
    for id in model.ids():
        assert model.location_of(id) == slow.location_of(id)


@given(models(), days)
def test_a_dated_model_is_made_once_and_holds_the_records_in_force(
    model: govmodel.GovernanceModel, on: date
) -> None:
    """``on`` keeps what it made, and what it made is what a fresh filter gives."""
    assert model.on(on) is model.on(on)
    assert model.on(on) == naive(model).on(on)


def test_a_model_keeps_the_last_few_dates_only() -> None:
    """The dated models of the last DATES_KEPT dates are kept; an older one is made
    again, equal to the first."""
    model = govmodel.examples.load("msecc-2020")
    first = model.on("2021-01-01")
    for day in range(1, DATES_KEPT):
        model.on(date(2021, 2, day))
    assert model.on("2021-01-01") is first
    for day in range(1, DATES_KEPT + 1):
        model.on(date(2021, 3, day))
    again = model.on("2021-01-01")
    assert again is not first and again == first


@example(ROUND_TRIP, None)
@given(st.one_of(models(), schemes()), dates)
def test_grants_holders_and_matters_are_those_of_the_reference(
    model: govmodel.GovernanceModel, on: date | None
) -> None:
    """Every grant, each matter's grants, each holder's grants of each matter (found from
    the delegations that reach it alone), who can decide and what can be decided."""
    day = _on(model, on)
    every = naive_grants(model, day)
    assert grants(model, day) == every
    matters = sorted({g.matter for g in every} | {m.id for m in model.all_matters()})
    holders = model.ids("body") + model.ids("post")
    for matter in matters:
        mine = [g for g in every if g.matter == matter]
        assert grants(model, day, matter=matter) == mine
        assert matter_grants(model, day, matter).decidable() == bool(mine)
        for holder in holders:
            theirs = [g for g in mine if g.holder == holder]
            assert grants_of(model, day, holder, matter) == theirs
            assert matter_grants(model, day, matter).of(holder) == theirs
    for m in model.all_matters()[:6]:
        who = govmodel.who_can_decide(model, m.id, on=day)
        assert list(who) == sorted(
            (g for g in every if g.matter == m.id), key=lambda g: (g.holder, g.organisation)
        )
    for holder in holders:
        what = govmodel.what_can_decide(model, holder, on=day)
        assert list(what) == sorted(
            (g for g in every if g.holder == holder), key=lambda g: (g.matter, g.organisation)
        )


@settings(max_examples=60)
@example(ROUND_TRIP, None)
@given(st.one_of(models(), schemes(), nearly_valid_models()), dates)
def test_the_report_is_that_of_the_reference(
    model: govmodel.GovernanceModel, on: date | None
) -> None:
    """Every check family over indexed, in-force views gives the report the scans give,
    twice over (the second time from what the first kept)."""
    expected = naive_check(model, on=on).to_dict()
    assert govmodel.check(model, on=on).to_dict() == expected
    assert govmodel.check(model, on=on).to_dict() == expected


@settings(max_examples=60)
@example(ROUND_TRIP, None)
@given(st.one_of(models(), schemes()), dates)
def test_traces_are_those_of_the_reference(
    model: govmodel.GovernanceModel, on: date | None
) -> None:
    """Every subject's paths, ends and breaks (authority breaks asked of each delegator
    alone) are those found with every lookup a scan and every grant known."""
    kinds = ("body", "post", "delegation", "organisation")
    subjects = [i for i in model.ids() if model.kind_of(i) in kinds]
    for subject in subjects:
        assert trace(model, subject, on=on) == naive_trace(model, subject, on=on)


@given(models(), dates)
def test_classifications_are_those_of_the_reference(
    model: govmodel.GovernanceModel, on: date | None
) -> None:
    """Kept classifications, from indexed delegations and agreements and a one-form
    verdict, are those of a model that keeps nothing and scans."""
    slow = naive(model)
    for body in model.ids("body"):
        if all(
            o in model and model.kind_of(o) == "organisation"
            for o in model.body(body).organisations
        ):
            assert classify(model, body, on=on) == classify(slow, body, on=on)


@given(
    st.lists(st.sampled_from(list(PartyType)), min_size=1, max_size=6),
    days,
    st.sampled_from(list(FormId)),
)
def test_one_form_is_judged_as_among_all_forms(
    types: list[PartyType], on: date, form: FormId
) -> None:
    """``forms(..., only=[form])`` gives that form the verdict ``forms`` gives it."""
    alive = [t for t in types if exists(t, on)]
    if not alive:
        return
    assert forms(alive, on=on, only=[form])[form] == forms(alive, on=on)[form]
    assert [v.form for v in forms(alive, on=on, only=[form])] == [form]


@given(models(cycles=True), st.data())
def test_loops_among_some_edges_are_those_of_a_filter_over_all(
    model: govmodel.GovernanceModel, data: st.DataObject
) -> None:
    """``cycles(keys=...)`` finds the loops that keeping only those keys finds."""
    ids = [d.id for d in model.delegations]
    keys = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
    graph = graph_of(model)
    assert graph.cycles("delegates_to", keys=sorted(keys)) == graph.cycles(
        "delegates_to", keep=lambda source, target, key: key in keys
    )


def _placed(groups: tuple[frozenset[PartyType], ...], types: list[PartyType]) -> bool:
    """A distinct party for every group, tried every way there is."""
    return any(
        all(types[j] in g for j, g in zip(chosen, groups, strict=True))
        for chosen in itertools.permutations(range(len(types)), len(groups))
    )


small_types = st.sampled_from(list(PartyType)[:5])


@given(
    st.lists(st.frozensets(small_types, min_size=1, max_size=3), max_size=4).map(tuple),
    st.lists(small_types, max_size=6),
)
def test_distinct_match_finds_a_placing_when_one_exists(
    groups: tuple[frozenset[PartyType], ...], types: list[PartyType]
) -> None:
    """Counting parties by type finds a distinct party for each group exactly when some
    assignment of distinct parties does."""
    assert distinct_match(groups, types) == _placed(groups, types)


@settings(max_examples=60)
@given(
    st.one_of(models(), schemes(), nearly_valid_models()),
    dates,
    st.sampled_from([True, False, "auto"]),
    st.booleans(),
    st.booleans(),
)
def test_a_focus_drawn_near_its_record_is_the_whole_drawing_cut(
    model: govmodel.GovernanceModel,
    on: date | None,
    posts: bool | str,
    ends: bool,
    contracts: bool,
) -> None:
    """For every record and organisation: the scene drawn from the records near it is
    the whole scene, findings marked, cut to it and its neighbours."""
    day = _on(model, on)
    found = govmodel.check(model, on=day).findings
    options = {"posts": posts, "ends": ends, "contracts": contracts, "findings": found}
    try:
        whole = build_scene(model, day, **options)
    except GovModelError:
        assume(False)  # a model the whole drawing cannot draw has no focus to compare
    for center in [*model.ids(), "ghost"]:
        try:
            expected = whole.focus(center)
        except KeyError:
            with pytest.raises(KeyError):
                focus_scene(model, day, center, **options)
            continue
        assert focus_scene(model, day, center, **options) == expected


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_a_focus_on_each_bundled_example_is_its_whole_drawing_cut(name: str) -> None:
    """Every record and organisation of every bundled example, each way of drawing posts,
    with and without ends and contracts, on the example's date and a later one."""
    model = govmodel.examples.load(name)
    for on in (model.as_of, date(2024, 6, 1)):
        found = govmodel.check(model, on=on).findings
        for posts, ends, contracts in itertools.product(
            [True, False, "auto"], [True, False], [True, False]
        ):
            options = {"posts": posts, "ends": ends, "contracts": contracts, "findings": found}
            whole = build_scene(model, on, **options)
            for center in model.ids():
                try:
                    expected = whole.focus(center)
                except KeyError:
                    continue
                assert focus_scene(model, on, center, **options) == expected, (center, options)
