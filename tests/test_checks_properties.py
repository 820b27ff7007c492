"""Hypothesis properties of the checks, and their agreement with who_can_decide."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govmodel
from govmodel.analysis.authority import who_can_decide
from govmodel.checks import check
from govmodel.checks.authority import matters_in_use
from govmodel.checks.context import Context
from govmodel.strategies import models, nearly_valid_models


@given(models())
def test_check_never_raises_on_a_valid_model(model: govmodel.GovernanceModel) -> None:
    """Any valid model, on its own date, gives a report whose counts add up."""
    report = check(model)
    counts = report.summary()
    assert counts["errors"] + counts["warnings"] + counts["info"] == len(report)
    assert [f.sort_key() for f in report] == sorted(f.sort_key() for f in report)


@given(nearly_valid_models(), st.none() | st.dates())
def test_check_never_raises_on_a_nearly_valid_model(
    model: govmodel.GovernanceModel, on: object
) -> None:
    """Dangling references, unknown codes, odd quorums: still a report, on any date,
    and the dangling references are reported as GM003."""
    report = check(model, on=on)  # type: ignore[arg-type]
    assert report.on == model.resolve_on(on)  # type: ignore[arg-type]
    if any(ref not in model for d in model.delegations for ref in (d.from_, d.to)):
        assert report.filter(code="GM003")


@given(models(), st.randoms(use_true_random=False))
def test_shuffling_records_does_not_change_the_report(
    model: govmodel.GovernanceModel, rnd: object
) -> None:
    """The order of records in a model has no effect on the findings."""
    import random

    assert isinstance(rnd, random.Random)
    shuffled = {
        name: tuple(rnd.sample(getattr(model, name), len(getattr(model, name))))
        for name in ("organisations", "bodies", "posts", "delegations", "agreements", "contracts")
    }
    assert check(attrs.evolve(model, **shuffled)).to_dict() == check(model).to_dict()


@given(models())
def test_who_can_decide_never_names_a_holder_check_says_lacks_authority(
    model: govmodel.GovernanceModel,
) -> None:
    """A delegator reported by GM202 as lacking a matter is never a holder of it."""
    for finding in check(model, select=["GM202"]):
        _, holder, matter = finding.subjects
        assert holder not in {g.holder for g in who_can_decide(model, matter)}


@given(models())
def test_who_can_decide_finds_a_holder_whenever_none_is_reported_missing(
    model: govmodel.GovernanceModel,
) -> None:
    """For every matter in use: GM204 reports it exactly when nobody holds it."""
    missing = {f.subjects[0] for f in check(model, select=["GM204"])}
    for matter in matters_in_use(Context(model, model.as_of)):
        assert (matter in missing) == (not who_can_decide(model, matter))
