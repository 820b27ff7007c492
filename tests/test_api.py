"""One API shape: free functions for every query, records and ids alike, thin methods."""

from __future__ import annotations

import inspect
from datetime import date

import pytest

import govmodel
from govmodel.analysis.trace import Trace
from govmodel.checks.context import Context
from govmodel.checks.spec import CheckSpec
from govmodel.graph import ModelGraph, graph_of

#: Every query, with how many subjects come before its keyword-only options.
QUERIES = {
    govmodel.forms: 1,  # a model or parties
    govmodel.classify: 2,  # the model, the body
    govmodel.check: 1,
    govmodel.trace: 2,  # the model, the subject
    govmodel.who_can_decide: 2,  # the model, the matter
    govmodel.what_can_decide: 2,  # the model, the holder
    govmodel.timeline: 1,  # parties
    govmodel.advise: 1,  # parties
    govmodel.diff: 2,  # the old model, the new
    govmodel.draw: 1,
}


@pytest.fixture(scope="module")
def msecc() -> govmodel.GovernanceModel:
    return govmodel.examples.load("msecc-2020")


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.__name__)
def test_every_query_takes_its_subject_first_and_options_by_keyword(query: object) -> None:
    """The model (or, for forms and timeline, the parties) first; every option after
    the subjects is keyword-only."""
    assert callable(query)
    kinds = [p.kind for p in inspect.signature(query).parameters.values()]
    subjects = QUERIES[query]  # type: ignore[index]
    assert kinds[:subjects] == [inspect.Parameter.POSITIONAL_OR_KEYWORD] * subjects
    assert all(
        k in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD)
        for k in kinds[subjects:]
    )


def test_forms_takes_a_model_or_parties(msecc: govmodel.GovernanceModel) -> None:
    """A model gives its partners' verdicts on its own date; parties need a date."""
    assert govmodel.forms(msecc) == msecc.forms()
    assert govmodel.forms(msecc, on="2022-09-01") == msecc.forms(on=date(2022, 9, 1))
    organisations = [msecc.organisation(o) for o in ("eput", "nelft", "provide")]
    assert govmodel.forms(organisations, on=msecc.as_of) == msecc.forms()
    with pytest.raises(TypeError, match="on=DATE"):
        govmodel.forms(["ft", "ft"])  # type: ignore[call-overload]


def test_classify_takes_a_body_or_its_id(msecc: govmodel.GovernanceModel) -> None:
    """The free function and the method agree, for the record and its id."""
    by_id = govmodel.classify(msecc, "msecc.board")
    assert govmodel.classify(msecc, msecc.body("msecc.board")) == by_id
    assert msecc.classify(msecc.body("msecc.board")) == by_id == msecc.classify("msecc.board")


def test_trace_takes_a_record_or_its_id(msecc: govmodel.GovernanceModel) -> None:
    """A body, post, delegation or organisation record traces like its id."""
    for subject in ("msecc.board", "eput.ceo", "eput-to-msecc", "eput"):
        kind = msecc.kind_of(subject)
        record = getattr(msecc, kind)(subject)
        assert govmodel.trace(msecc, record) == govmodel.trace(msecc, subject)


def test_who_and_what_can_decide_take_records_or_ids(msecc: govmodel.GovernanceModel) -> None:
    """A matter record, or a body or post record, answers as its id does."""
    matter = msecc.matter("msecc_collaborative_decisions")
    assert govmodel.who_can_decide(msecc, matter) == govmodel.who_can_decide(msecc, matter.id)
    board = msecc.body("msecc.board")
    assert govmodel.what_can_decide(msecc, board) == govmodel.what_can_decide(msecc, board.id)


def test_draw_highlights_an_id_a_record_or_a_trace(msecc: govmodel.GovernanceModel) -> None:
    """`draw(model, highlight="msecc.board")` marks the same paths as its trace."""
    traced = govmodel.draw(msecc, highlight=govmodel.trace(msecc, "msecc.board")).source
    assert govmodel.draw(msecc, highlight="msecc.board").source == traced
    assert govmodel.draw(msecc, highlight=msecc.body("msecc.board")).source == traced
    assert traced != govmodel.draw(msecc).source
    focused = govmodel.draw(msecc, focus="eput").source
    assert govmodel.draw(msecc, focus=msecc.organisation("eput")).source == focused
    with pytest.raises(govmodel.NoSuchRecord):
        govmodel.draw(msecc, highlight="msecc.bord")


def test_timeline_is_a_top_level_query() -> None:
    """govmodel.timeline is the law's timeline of verdicts for a mix of parties."""
    t = govmodel.timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01")
    assert isinstance(t, govmodel.Timeline)
    assert [r.on.isoformat() for r in t] == ["2020-01-01", "2022-07-01"]


def test_the_graph_is_built_once_and_only_when_asked() -> None:
    """Loading or dating a model builds no graph; the first walk builds it, once."""
    model = govmodel.examples.load("msecc-2020")
    later = model.on("2022-09-01")
    unbuilt = object()
    assert later.derived("graph", lambda: unbuilt) is unbuilt
    graph = graph_of(model)
    assert isinstance(graph, ModelGraph) and graph_of(model) is graph
    assert model.to_networkx() is not model.to_networkx()


def test_a_joint_post_belongs_to_every_organisation_it_is_held_with() -> None:
    """The model, the graph and the checks agree on a post's organisations."""
    model = govmodel.examples.load("mse-success-regime-2016")
    expected = ("btuh", "meht", "southend_ft")
    assert model.post("acute.lead_ceo").organisations == expected
    assert model.organisations_of("acute.lead_ceo") == expected
    employers = {
        target
        for _, target, relation in model.to_networkx().out_edges("acute.lead_ceo", data="relation")
        if relation == "employed_by"
    }
    assert employers == set(expected)
    assert Context(model, model.as_of).organisations_of("acute.lead_ceo") == expected


def test_check_specs_are_keyword_only() -> None:
    """A check spec names every field: positional arguments are refused."""
    spec = govmodel.checks.REGISTRY["GM601"]
    with pytest.raises(TypeError):
        CheckSpec(spec.code, spec.name)  # type: ignore[misc]
    assert govmodel.checks.lookup("committee-without-reporting-line") is spec


def test_the_old_date_helper_still_works_but_warns(msecc: govmodel.GovernanceModel) -> None:
    """GovernanceModel.day() is a deprecated alias of resolve_on()."""
    with pytest.deprecated_call():
        assert msecc.day() == msecc.resolve_on() == msecc.as_of


def test_a_trace_result_is_a_trace(msecc: govmodel.GovernanceModel) -> None:
    """The free function returns the documented result type."""
    assert isinstance(govmodel.trace(msecc, "msecc.board"), Trace)


def test_import_govmodel_leaves_the_heavy_libraries_until_they_are_used() -> None:
    """`import govmodel` stays quick: networkx, jsonschema, cattrs, openpyxl and pandas
    are imported by what uses them (a graph copy, a file checked, a model converted, a
    workbook, a table), not by the package itself."""
    import subprocess
    import sys

    heavy = ["networkx", "jsonschema", "cattrs", "openpyxl", "pandas", "importlib.metadata"]
    code = f"import sys, govmodel\nprint(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
    # ... and they are there once used:
    code = (
        "import sys, govmodel\n"
        "govmodel.examples.load('nics-2021').to_networkx()\n"
        "govmodel.check(govmodel.examples.load('msecc-2023'))\n"
        "print('networkx' in sys.modules, 'importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]
