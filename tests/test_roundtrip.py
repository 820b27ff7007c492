"""Load -> save -> load keeps the model; examples are saved byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import govmodel
from govmodel import OverwriteRefused
from govmodel.strategies import models


@given(models())
def test_yaml_round_trip_gives_an_equal_model(model: govmodel.GovernanceModel) -> None:
    """dumps then loads returns an equal model for any generated model."""
    assert govmodel.loads(govmodel.dumps(model)) == model


@given(models())
def test_json_round_trip_gives_an_equal_model(model: govmodel.GovernanceModel) -> None:
    """The JSON form carries the same structure as the YAML form."""
    assert govmodel.loads(govmodel.dumps(model, format="json")) == model


@given(models())
def test_dumping_is_deterministic(model: govmodel.GovernanceModel) -> None:
    """The same model always gives the same bytes."""
    assert govmodel.dumps(model) == govmodel.dumps(govmodel.loads(govmodel.dumps(model)))


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_examples_round_trip_byte_identically(name: str, tmp_path: Path) -> None:
    """Saving a loaded example reproduces the bundled file exactly."""
    out = govmodel.save(govmodel.examples.load(name), tmp_path / f"{name}.yaml")
    assert out.read_text(encoding="utf-8") == govmodel.examples.text(name)


def test_save_refuses_to_overwrite_the_model_source(tmp_path: Path) -> None:
    """A model's own input file is protected unless overwrite=True."""
    path = tmp_path / "m.yaml"
    path.write_text(govmodel.examples.text("nics-2021"))
    model = govmodel.load(path)
    with pytest.raises(OverwriteRefused):
        govmodel.save(model, path)
    govmodel.save(model, path, overwrite=True)
    assert govmodel.load(path) == model


def test_save_writes_atomically_leaving_no_temporary_files(tmp_path: Path) -> None:
    """Only the target file remains after a save."""
    govmodel.save(govmodel.examples.load("nics-2021"), tmp_path / "out.yaml")
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_json_keeps_characters_yaml_refuses_raw() -> None:
    """A name with U+FFFE or U+202E saves as JSON and loads back equal (found by Hypothesis)."""
    model = govmodel.GovernanceModel(
        name="a\ufffeb",
        as_of="2020-01-01",
        organisations=[govmodel.Organisation("x", "X\u202e\ufffe", "ft")],
    )
    text = govmodel.dumps(model, format="json")
    assert "\\ufffe" in text and "\\u202e" in text
    assert govmodel.loads(text) == model


def test_control_characters_in_names_are_refused_where_they_stand() -> None:
    """DEL (like NUL or ESC) written as a JSON escape is a located load problem."""
    model = govmodel.GovernanceModel(
        name="a", as_of="2020-01-01", organisations=[govmodel.Organisation("x", "X\x7f", "ft")]
    )
    text = govmodel.dumps(model, format="json")
    with pytest.raises(govmodel.ModelError, match=r"7:15: organisations\[0\]\.name: .*U\+007F"):
        govmodel.loads(text)
