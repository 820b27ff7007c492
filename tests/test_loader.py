"""Loading model files: strict, located, every problem in one pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import govmodel
from govmodel import ModelError
from govmodel.io.validate import problems_in
from govmodel.strategies import nearly_valid_documents

THREE_MISTAKES = """\
name: Broken draft
as_of: 2023-04-01
organisations:
  - id: eput
    name: Essex Partnership University NHS Foundation Trust
    type: Foundation-Trust
  - id: provide
    name: Provide CIC
    type: cic
    strat: 2011-04-01
bodies:
  - id: msecc.board
    name: MSECC board
    kind: partnership_board
    organisations: [eput, provdie]
    start: 2020-13-01
"""


def problems_of(text: str) -> list[govmodel.Problem]:
    with pytest.raises(ModelError) as caught:
        govmodel.loads(text, filename="draft.yaml")
    return caught.value.problems


def test_three_different_mistakes_are_all_reported_with_locations() -> None:
    """An unknown key, a dangling reference and a bad date are reported together."""
    problems = problems_of(THREE_MISTAKES)
    rendered = [p.render() for p in problems]
    assert rendered == [
        "draft.yaml:10:5: organisations[1].strat: unknown key 'strat'. Did you mean 'start'? "
        "Allowed keys here: end, id, name, note, ods, short_name, start, type.",
        "draft.yaml:15:27: bodies[0].organisations[1]: no organisation with id 'provdie'. "
        "Closest ids: 'provide'.",
        "draft.yaml:16:12: bodies[0].start: '2020-13-01' is not a valid date. "
        "Write dates as ISO YYYY-MM-DD, e.g. 2020-09-01.",
    ]


def test_party_type_aliases_load_case_insensitively() -> None:
    """`Foundation-Trust`, `FT` and `nhs_foundation_trust` all mean the same type."""
    for spelling in ("Foundation-Trust", "FT", "nhs_foundation_trust", "foundation trust"):
        m = govmodel.loads(
            f"name: x\nas_of: 2020-01-01\norganisations:\n- {{id: a, name: A, type: {spelling}}}\n"
        )
        assert m.organisation("a").type is govmodel.PartyType.NHS_FOUNDATION_TRUST


def test_an_unknown_party_type_lists_the_valid_ones_and_the_closest() -> None:
    """A misspelt type suggests the nearest spelling and lists every valid type."""
    (problem,) = problems_of(
        "name: x\nas_of: 2020-01-01\norganisations:\n- {id: a, name: A, type: fondation_trust}\n"
    )
    assert problem.path == ("organisations", 0, "type")
    assert "Did you mean 'foundation_trust'" in problem.hint
    assert "nhs_foundation_trust" in problem.hint and "charity" in problem.hint


def test_duplicate_ids_across_collections_are_reported_with_the_first_line() -> None:
    """Ids share one namespace, because trace subjects may be of any kind."""
    (problem,) = problems_of(
        "name: x\nas_of: 2020-01-01\norganisations:\n"
        "- {id: a, name: A, type: ft}\n"
        "bodies:\n- {id: a, name: B, kind: board, organisations: [a]}\n"
    )
    assert problem.message == "id 'a' is used twice (first used at line 4)"
    assert problem.location is not None and problem.location.line == 6


def test_duplicate_keys_in_one_mapping_are_reported() -> None:
    """YAML would silently keep the last of two equal keys; govmodel says so."""
    (problem,) = problems_of("name: x\nname: y\nas_of: 2020-01-01\norganisations: []\n")
    assert "appears twice" in problem.message and problem.location.line == 2


def test_yaml_syntax_errors_are_located() -> None:
    """A broken file gives one located problem, not a parser traceback."""
    (problem,) = problems_of("name: x\nas_of: 2020-01-01\norganisations: [\n")
    assert problem.message.startswith("not valid YAML")
    assert problem.location is not None and problem.location.line == 4


def test_model_files_cannot_execute_code() -> None:
    """Python tags are refused by the safe loader and reported, not run."""
    (problem,) = problems_of(
        "name: !!python/object/apply:os.system ['echo hacked']\n"
        "as_of: 2020-01-01\norganisations: []\n"
    )
    tag = "tag:yaml.org,2002:python/object/apply:os.system"
    assert problem.message == f"the YAML tag {tag!r} is not allowed"
    assert problem.location is not None and problem.location.line == 1


def test_a_missing_required_key_names_the_key() -> None:
    """Leaving out `as_of` says which key to add."""
    (problem,) = problems_of("name: x\norganisations: []\n")
    assert problem.message == "missing required key 'as_of'"
    assert problem.hint == "Add `as_of:` to this record."


def test_an_empty_file_gets_a_helpful_message() -> None:
    """An empty file points at a way to start."""
    (problem,) = problems_of("")
    assert "empty file" in problem.message and "govmodel example" in problem.hint


def test_a_member_needs_a_post_or_a_person() -> None:
    """A member entry with neither a post nor a person is reported."""
    (problem,) = problems_of(
        "name: x\nas_of: 2020-01-01\norganisations:\n"
        "- {id: a, name: A, type: ft}\nbodies:\n"
        "- {id: b, name: B, kind: board, organisations: [a], "
        "members: [{voting: true}]}\n"
    )
    assert problem.path == ("bodies", 0, "members", 0)


def test_an_end_before_a_start_is_reported() -> None:
    """Periods must run forwards."""
    (problem,) = problems_of(
        "name: x\nas_of: 2020-01-01\norganisations:\n"
        "- {id: a, name: A, type: ft, start: 2020-01-01, end: 2019-01-01}\n"
    )
    assert problem.path == ("organisations", 0, "end")


def test_json_files_load_with_the_same_structure_and_locations(tmp_path: Path) -> None:
    """A JSON model file is read like YAML, with line numbers too."""
    model = govmodel.examples.load("msecc-2020")
    path = tmp_path / "m.json"
    govmodel.save(model, path)
    assert govmodel.load(path) == model
    data = json.loads(path.read_text())
    data["organisations"][0]["colour"] = "red"
    path.write_text(json.dumps(data, indent=2))
    with pytest.raises(ModelError) as caught:
        govmodel.load(path)
    (problem,) = caught.value.problems
    assert problem.location is not None and problem.location.line > 1
    assert problem.path == ("organisations", 0, "colour")


def test_loading_a_missing_file_is_a_model_error() -> None:
    """A wrong path is a located ModelError, not FileNotFoundError."""
    with pytest.raises(ModelError, match="no such file"):
        govmodel.load("does/not/exist.yaml")


@given(nearly_valid_documents())
def test_every_nearly_valid_document_is_rejected_with_located_problems(doc: dict) -> None:
    """A document with one mistake gives at least one problem, and never raises otherwise."""
    problems = problems_in(doc)
    assert problems
    assert all(p.message for p in problems)
