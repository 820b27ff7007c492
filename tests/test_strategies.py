"""`govmodel.strategies`: public Hypothesis strategies, and what happens without Hypothesis."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import assume, given, settings

import govmodel
from govmodel.law.parties import exists
from govmodel.model.kinds import FormId, PartyType, Verdict
from govmodel.strategies import models, parties

ROOT = Path(__file__).parents[1]


def test_without_hypothesis_the_import_says_which_extra_to_install() -> None:
    """With Hypothesis unavailable, importing the module raises MissingExtra (an
    ImportError) naming `govmodel[strategies]`; the rest of govmodel imports as ever."""
    script = (
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if it were not installed\n"
        "import govmodel\n"
        "from govmodel.errors import MissingExtra\n"
        "try:\n"
        "    import govmodel.strategies\n"
        "except MissingExtra as exc:\n"
        "    assert isinstance(exc, ImportError)\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "pip install 'govmodel[strategies]'" in done.stdout


@settings(max_examples=30)
@given(parties(min_size=2, max_size=4))
def test_party_mixes_give_a_verdict_for_every_form(mix: list[str]) -> None:
    """Any mix of party types that existed on the date gets a verdict for every form
    (the open world: `unknown` where no rule decides)."""
    on = date(2024, 1, 1)
    alive = [t for t in mix if exists(PartyType.parse(t), on)]
    assume(alive)
    result = govmodel.forms(alive, on=on)
    assert all(result[form].verdict in set(Verdict) for form in FormId)


@settings(max_examples=30)
@given(models(cycles=False))
def test_models_without_cycles_have_none(model: govmodel.GovernanceModel) -> None:
    """`cycles=False` draws no reporting lines and delegations only one way."""
    assert all(not b.reports_to for b in model.bodies)
    assert not govmodel.check(model, select=["GM205", "GM603"], plugins=False).findings
