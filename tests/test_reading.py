"""The reader: the same data as the standard parsers, every path located, YAML 1.2 meanings."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from govmodel.reading import LIMITS, Limits, numeral_advice, parse

keys = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
)
documents = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=20,
    ),
    max_size=6,
)


def paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths(v, (*here, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths(v, (*here, i))
    return out


@given(documents)
def test_json_reads_as_the_standard_library_does_and_locates_every_path(doc: dict) -> None:
    """Any JSON document reads to the same data, and every path in it has a location."""
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    parsed = parse(text, "x.json")
    assert parsed.problems == [] and parsed.data == json.loads(text)
    for path in paths(doc):
        assert path in parsed.values
        if path and isinstance(path[-1], str):
            assert path in parsed.keys


@given(documents)
def test_yaml_written_by_pyyaml_reads_back_the_same(doc: dict) -> None:
    """What PyYAML writes, the reader reads to the same data, every path located."""
    text = yaml.safe_dump(doc, allow_unicode=True)
    parsed = parse(text, "x.yaml")
    assert parsed.problems == [], parsed.problems
    assert parsed.data == doc
    assert all(path in parsed.values for path in paths(doc))


def test_yaml_1_2_meanings() -> None:
    """Only true/false are booleans; 1.1 numerals stay text; decimals and floats are numbers."""
    data = parse(
        "a: [yes, no, on, off, NO, y]\nb: [017, 0x1F, 4:10, 1e3, 1_000]\n"
        "c: [17, -3, 2.5, .5, true, False, ~, null]\n",
        "x.yaml",
    ).data
    assert data == {
        "a": ["yes", "no", "on", "off", "NO", "y"],
        "b": ["017", "0x1F", "4:10", "1e3", "1_000"],
        "c": [17, -3, 2.5, 0.5, True, False, None, None],
    }


def test_merge_keys_override_and_locate() -> None:
    """Keys written beside a merge win over merged ones, and are not duplicates."""
    parsed = parse("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "x.yaml")
    assert parsed.problems == []
    assert parsed.data["m"] == {"y": 3, "x": 1}
    assert str(parsed.where(("m", "y"))) == "x.yaml:4:6"


def test_limits_are_named_in_the_message() -> None:
    """A smaller limit is reached and named."""
    parsed = parse("a: [[[1]]]\n", "x.yaml", limits=Limits(max_depth=2))
    assert "nested more than 2 levels deep (the limit)" in parsed.problems[0].message
    assert LIMITS.max_depth == 64


def test_numeral_advice_says_what_to_write() -> None:
    """Each surprising numeral gets advice; ordinary text gets none."""
    assert "write 31" not in (numeral_advice("0x1F") or "")
    assert "(31)" in (numeral_advice("0x1F") or "")
    assert numeral_advice("Board") is None


def test_a_json_models_positions_are_found_only_when_a_location_is_asked_for(
    tmp_path: pathlib.Path,
) -> None:
    """Asking whether a JSON model has locations (as `check` does) does not find them
    all; asking where one record is does, and finds it."""
    import govmodel

    path = tmp_path / "m.json"
    path.write_text(govmodel.dumps(govmodel.examples.load("nics-2021"), format="json"))
    model = govmodel.load(path)
    assert model.locations
    assert model.locations._parsed._positions is None  # type: ignore[attr-defined]
    govmodel.check(model)
    first = model.organisations[0].id
    assert model.location_of(first) is not None
    assert model.locations._parsed._positions is not None  # type: ignore[attr-defined]
