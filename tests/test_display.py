"""Notebook display: every result object shows as HTML in Jupyter and has a short repr."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from IPython.core.formatters import DisplayFormatter

import govmodel

MSECC = govmodel.examples.load("msecc-2020")
SUCCESS = govmodel.examples.load("mse-success-regime-2016")

#: One result of each type, and text its HTML must show.
RESULTS: dict[str, tuple[Callable[[], object], str]] = {
    "FormVerdict": (lambda: MSECC.forms()["joint_committee"], "JC-005"),
    "FormsResult": (lambda: MSECC.forms(), "Governance forms on"),
    "Explanation": (lambda: MSECC.forms().explain("joint_committee"), "not held"),
    "Finding": (lambda: govmodel.check(MSECC).findings[0], "GM602"),
    "Report": (lambda: govmodel.check(MSECC), "6 expected"),
    "Classification": (
        lambda: govmodel.classify(SUCCESS, "acute.joint_committee"),
        "advisory_forum",
    ),
    "Grant": (lambda: govmodel.who_can_decide(MSECC, "msecc_collaborative_decisions")[0], "eput"),
    "Grants (who)": (
        lambda: govmodel.who_can_decide(MSECC, "msecc_collaborative_decisions", amount=5000),
        "Who can decide msecc_collaborative_decisions for £5,000",
    ),
    "Grants (what)": (lambda: govmodel.what_can_decide(MSECC, "msecc.board"), "msecc.board"),
    "Trace": (lambda: govmodel.trace(MSECC, "msecc.board"), "parliament"),
    "Timeline": (
        lambda: govmodel.timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01"),
        "2022-07-01",
    ),
    "ModelDiff": (
        lambda: govmodel.diff(MSECC, govmodel.examples.load("msecc-2023")),
        "MSE ICB replaces Mid Essex CCG",
    ),
    "Advice": (
        lambda: govmodel.advise(
            [("ft", "EPUT"), ("cic", "Provide")], on="2020-09-01", aims=["include_non_nhs"]
        ),
        "Non-NHS members of committees in common decide only their own business",
    ),
}


@pytest.mark.parametrize("kind", sorted(RESULTS))
def test_every_result_displays_as_html_in_a_notebook(kind: str) -> None:
    """IPython's formatter picks the HTML, which shows the result, and the text is one line."""
    make, shown = RESULTS[kind]
    result = make()
    data, _ = DisplayFormatter().format(result)
    assert shown in data["text/html"]
    assert "<script" not in data["text/html"]
    text = data["text/plain"]
    assert "\n" not in text and len(text) < 240, text
    assert text.startswith("<") and "=" not in text.split(" ", 1)[0]


def test_display_escapes_what_the_model_says() -> None:
    """Names with markup in them are shown as text, never as HTML."""
    model = govmodel.loads(
        "name: X\nas_of: 2023-01-01\norganisations: [{id: a, name: '<b>A</b>', type: ft}]\n"
        "bodies: [{id: a.board, name: B, kind: board, organisations: [a]},"
        " {id: j, name: '<i>J</i>', kind: joint_committee, organisations: [a]}]\n"
    )
    html = govmodel.classify(model, "j")._repr_html_()
    assert "<i>J" not in html
    html = govmodel.check(model).findings[0]._repr_html_()
    assert "<b>A</b>" not in html


def test_the_model_itself_displays_too() -> None:
    """A model shows its organisations and bodies as tables; its repr is one line."""
    data, _ = DisplayFormatter().format(MSECC)
    assert "<table>" in data["text/html"] and "EPUT" in data["text/html"]
    assert data["text/plain"].startswith("<GovernanceModel 'Mid and South Essex")


def test_grants_copy_and_pickle_with_their_question() -> None:
    """A who-can-decide answer survives copy and pickle, question and all."""
    import copy
    import pickle

    found = govmodel.who_can_decide(MSECC, "msecc_collaborative_decisions", amount=5000)
    for again in (copy.deepcopy(found), pickle.loads(pickle.dumps(found))):
        assert again == found and again.amount == 5000 and again.on == found.on
