"""The JSON Schema is generated from the records and accepts every example."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

import govmodel
from govmodel.io.schema import field_specs, model_schema
from govmodel.model.governance import COLLECTIONS
from govmodel.model.records import Membership


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_every_example_is_valid_against_the_schema(name: str) -> None:
    """The published schema accepts the bundled files (dates as ISO text)."""
    data = govmodel.loads(govmodel.examples.text(name))
    jsonschema.Draft202012Validator(model_schema()).validate(
        yaml.safe_load(govmodel.dumps(data, format="json"))
    )


def test_every_field_of_every_record_is_documented() -> None:
    """No field reaches the schema (or the docs) without a description."""
    for cls in (*COLLECTIONS.values(), Membership):
        for spec in field_specs(cls):
            assert spec.doc, f"{cls.__name__}.{spec.name} has no doc"


def test_the_contract_keys_are_in_the_schema() -> None:
    """The top-level keys the outside contract promises are all there."""
    props = model_schema()["properties"]
    for key in (
        "name",
        "as_of",
        "organisations",
        "bodies",
        "posts",
        "delegations",
        "agreements",
        "contracts",
    ):
        assert key in props
    org = props["organisations"]["items"]
    assert {"id", "name", "type", "ods"} <= set(org["properties"])
    assert "organisations" in props["bodies"]["items"]["required"]
