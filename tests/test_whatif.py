"""What-if: model.assume, scenario files, --assume and --fact, and Builder.from_model."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govmodel
from govmodel.io.assume import Change, FactChange, assume
from govmodel.io.convert import plain_value
from govmodel.io.schema import field_specs
from govmodel.model.governance import COLLECTIONS
from govmodel.strategies import full_documents, full_models

from .conftest import run

#: Every field of the model that says what it holds (not where it came from).
DATA_FIELDS = [
    f.name
    for f in attrs.fields(govmodel.GovernanceModel)
    if f.init and f.name not in ("source", "assumed", "locations")
]


# -- Builder.from_model keeps every field ---------------------------------------------------


@settings(max_examples=60)
@given(full_models())
def test_builder_from_model_keeps_every_field_of_every_record(
    model: govmodel.GovernanceModel,
) -> None:
    """A model with every field set comes back from Builder.from_model(...).build()
    field for field: the top-level lists and each record's every field."""
    built = govmodel.Builder.from_model(model).build()
    for name in DATA_FIELDS:
        assert getattr(built, name) == getattr(model, name), name
    assert built == model


@settings(max_examples=10)
@given(full_documents())
def test_the_generated_documents_set_every_field_of_the_first_records(
    document: dict[str, object],
) -> None:
    """The strategy above reaches every field: the first record of each collection
    (and the first member) holds a value for every key of its record type, and the
    top level holds every key a model file may have."""
    from govmodel.io.schema import TOP_LEVEL
    from govmodel.model.records import Membership

    for collection, cls in COLLECTIONS.items():
        keys = {s.key for s in field_specs(cls)} - {"in_common"}
        assert keys == set(document[collection][0]), collection  # type: ignore[index]
    bodies = document["bodies"]
    assert set(bodies[0]["members"][0]) == {s.key for s in field_specs(Membership)}  # type: ignore[index]
    assert bodies[1]["in_common"] == bodies[0]["id"]  # type: ignore[index]
    assert {key for key, *_ in TOP_LEVEL} <= set(document)


def test_a_clean_example_rebuilt_still_checks_clean() -> None:
    """MSECC 2020 records six findings as expected: rebuilt, it keeps them expected."""
    model = govmodel.examples.load("msecc-2020")
    rebuilt = govmodel.Builder.from_model(model).build()
    assert rebuilt.expected == model.expected and rebuilt.sources == model.sources
    assert govmodel.check(rebuilt).summary() == govmodel.check(model).summary()
    assert govmodel.check(rebuilt).is_valid()


def test_the_builder_states_facts_sources_and_expectations() -> None:
    """The builder's own methods reach every top-level list."""
    model = (
        govmodel.Builder("x", as_of="2023-01-01")
        .organisation("a", "A NHS Foundation Trust", "ft")
        .source("Board paper, 1 January 2023")
        .ignore("GM602")
        .expect("GM401", "as agreed", subjects="a")
        .fact("significant_transaction_approved", True, organisation="a", source="minutes")
        .build()
    )
    assert model.sources == ("Board paper, 1 January 2023",)
    assert model.ignore == ("GM602",)
    assert model.expected[0].subjects == ("a",)
    assert model.facts[0].organisation == "a" and model.facts[0].value is True


# -- assuming a model's own values changes nothing ------------------------------------------

EXAMPLES = {name: govmodel.examples.load(name) for name in govmodel.examples.names()}


@st.composite
def own_values(draw: st.DrawFn) -> tuple[govmodel.GovernanceModel, str, object]:
    """An example model, one of its records' fields (any but the id), and its value."""
    model = EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))]
    collection, _, record = draw(st.sampled_from(list(model.iter_records())))
    spec = draw(st.sampled_from([s for s in field_specs(COLLECTIONS[collection]) if s.key != "id"]))
    return model, f"{record.id}.{spec.key}", getattr(record, spec.name)


@settings(max_examples=80)
@given(own_values())
def test_assuming_a_models_own_values_changes_nothing(
    case: tuple[govmodel.GovernanceModel, str, object],
) -> None:
    """Any field set to the value it already has gives an equal model, the same
    verdicts and the same findings; only the record of what was assumed differs."""
    model, target, value = case
    same = model.assume({target: value})
    assert same == model
    assert [str(a) for a in same.assumed] == [f"{a}" for a in same.assumed]
    assert same.assumed[0].value == same.assumed[0].previous
    assert govmodel.check(same).findings == govmodel.check(model).findings
    assert govmodel.forms(same).to_dict() == govmodel.forms(model).to_dict()


@settings(max_examples=40)
@given(own_values())
def test_assuming_own_values_as_command_line_text_changes_nothing(
    case: tuple[govmodel.GovernanceModel, str, object],
) -> None:
    """The same through --assume text, for fields whose value is one word."""
    model, target, value = case
    plain = plain_value(value)
    if isinstance(plain, bool):
        text = "yes" if plain else "no"
    elif isinstance(plain, int | str) and plain and "," not in str(plain):
        text = str(plain)
    elif isinstance(plain, list) and plain and all(isinstance(v, str) for v in plain):
        text = ",".join(plain)
    else:
        return
    if any(c in text for c in ",[") and not isinstance(plain, list):
        return
    assert assume(model, [Change.parse(f"{target}={text}")]) == model


def test_stating_a_fact_the_model_already_states_changes_nothing() -> None:
    """A fact given again with the same value leaves the model as it was."""
    model = govmodel.examples.load("msecc-2020").assume(
        facts={"significant_transaction_approved@eput": True}
    )
    again = model.assume(facts={"significant_transaction_approved@eput": True})
    assert again == model and again.facts == model.facts


# -- assuming other values -------------------------------------------------------------------


def test_an_assumption_changes_the_verdicts_and_says_so() -> None:
    """If Provide were an NHS trust, committees in common would be open to all three."""
    model = govmodel.examples.load("msecc-2020")
    what_if = model.assume({"provide.type": "trust"})
    assert what_if.organisation("provide").type is govmodel.PartyType.NHS_TRUST
    assert govmodel.forms(model)["committees_in_common"].verdict.value == "partial"
    assert govmodel.forms(what_if)["committees_in_common"].verdict.value == "lawful"
    (made,) = what_if.assumed
    assert made.to_dict() == {
        "kind": "field",
        "target": "provide.type",
        "value": "nhs_trust",
        "previous": "community_interest_company",
        "origin": "assume()",
    }
    assert model.organisation("provide").type is govmodel.PartyType.COMMUNITY_INTEREST_COMPANY


def test_null_unsets_an_optional_field_and_lists_split_on_commas() -> None:
    """Command-line text is read by the field's type."""
    model = govmodel.examples.load("msecc-2023")
    what_if = assume(
        model,
        [
            Change.parse("msecc.partnership_director_1.joint_with=null"),
            Change.parse("msecc.board.organisations=eput, nelft"),
            Change.parse("eput-to-msecc.limit=£250k"),
            Change.parse("eput-to-msecc.onward=yes"),
        ],
    )
    assert what_if.post("msecc.partnership_director_1").joint_with == ()
    assert what_if.body("msecc.board").organisations == ("eput", "nelft")
    assert what_if.delegation("eput-to-msecc").limit == 250_000
    assert what_if.delegation("eput-to-msecc").onward is True
    assert what_if.assumed[0].origin == ("--assume msecc.partnership_director_1.joint_with=null")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("msecc.bord.quorum=2", "no record with id 'msecc.bord'. Closest ids: 'msecc.board'"),
        ("msecc.board.quoram=2", "bodies have no field 'quoram'. Did you mean 'quorum'?"),
        ("msecc.board.quorum=three", "msecc.board.quorum: expected a whole number, got 'three'"),
        ("msecc.board=2", "'msecc.board' names a record but no field"),
        ("eput.id=x", "a record's id cannot be assumed"),
        ("eput.name=null", "'name' is required and cannot be unset"),
        ("eput.type=quango", "eput.type: 'quango' is not a party type"),
        ("msecc.board.organisations=eput,zz", "no organisation with id 'zz'"),
        ("approve_budget.name=x", "standard matters cannot be changed"),
        ("colour=blue", "'colour' is neither ID.FIELD nor a top-level key"),
        ("msecc.board.quorum", "write the option as ID.FIELD=VALUE"),
    ],
)
def test_a_bad_assumption_is_located_at_its_option(option: str, message: str) -> None:
    """Each mistake names the --assume option it came from and what to do."""
    model = govmodel.examples.load("msecc-2020")
    with pytest.raises(govmodel.ModelError) as caught:
        assume(model, [Change.parse(option)])
    text = str(caught.value)
    assert f"--assume {option}: " in text
    assert message in text


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("significant_transaction_aproved=yes", "Did you mean 'significant_transaction_approved'"),
        ("significant_transaction_approved@zz=yes", "no organisation 'zz' in the model"),
        ("significant_transaction_approved=maybe", "'maybe' is not a fact value"),
    ],
)
def test_a_bad_fact_is_located_at_its_option(option: str, message: str) -> None:
    """Facts are checked against the rulebook and the model's organisations."""
    with pytest.raises(govmodel.ModelError) as caught:
        assume(govmodel.examples.load("msecc-2020"), [], [FactChange.parse(option)])
    assert f"--fact {option}: " in str(caught.value) and message in str(caught.value)


def test_a_fact_may_name_an_organisation_by_its_short_name() -> None:
    """@EPUT (the short name) is stored as the organisation's id."""
    what_if = assume(
        govmodel.examples.load("msecc-2020"),
        [],
        [FactChange.parse("significant_transaction_approved@EPUT=no")],
    )
    assert [(f.fact, f.organisation, f.value) for f in what_if.facts] == [
        ("significant_transaction_approved", "eput", False)
    ]
    verdict = govmodel.forms(what_if)["contractual_joint_venture"]
    assert verdict.verdict.value != "lawful"
    assert any(c.status == "unmet" and c.rule == "CORP-002" for c in verdict.requirements)


def test_stated_facts_reach_classification_and_checks() -> None:
    """A joint committee of NHS England and a combined authority in 2017 is statutory
    unless the authority is not prescribed (JC-020); the classification says so."""
    model = (
        govmodel.Builder("Devolution", as_of="2017-04-01")
        .organisation("nhse", "NHS England", "nhse")
        .organisation("gmca", "Greater Manchester Combined Authority", "ca")
        .body("nhse.board", "NHS England board", "board", organisations="nhse")
        .body("gmca.board", "GMCA", "board", organisations="gmca")
        .body("jc", "Joint commissioning board", "joint_committee", organisations=["nhse", "gmca"])
        .delegate("nhse.board", "jc", "approve_budget", id="d1")
        .delegate("gmca.board", "jc", "approve_budget", id="d2")
        .build()
    )
    assert model.classify("jc").character.value == "statutory_joint_committee"
    barred = model.assume(facts={"prescribed_body@gmca": False})
    assert barred.classify("jc").character.value != "statutory_joint_committee"
    codes = {f.code for f in govmodel.check(barred)} - {f.code for f in govmodel.check(model)}
    assert codes, "the unmet fact should bring a finding about the joint committee"


# -- scenario files ---------------------------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The MSECC 2020 example written as a model file."""
    return _write(tmp_path, "msecc.yaml", govmodel.examples.text("msecc-2020"))


def test_a_scenario_file_overlays_its_base(base: Path) -> None:
    """Changes and facts apply; each assumption names its line in the scenario."""
    path = _write(
        base.parent,
        "what-if.yaml",
        "scenario:\n"
        "  base: msecc.yaml\n"
        "  note: If Provide were an NHS trust\n"
        "  assume:\n"
        "    provide.type: nhs_trust\n"
        "    msecc.board.quorum: 4\n"
        "  facts:\n"
        "    - {fact: significant_transaction_approved, organisation: eput, value: true}\n",
    )
    model = govmodel.load(path)
    assert model.organisation("provide").type.value == "nhs_trust"
    assert model.body("msecc.board").quorum == 4
    assert [(a.target, a.origin) for a in model.assumed] == [
        ("provide.type", f"{path}:5:5"),
        ("msecc.board.quorum", f"{path}:6:5"),
        ("significant_transaction_approved@eput", f"{path}:8:7"),
    ]
    assert model == govmodel.load(base).assume(
        {"provide.type": "nhs_trust", "msecc.board.quorum": 4},
        facts={"significant_transaction_approved@eput": True},
    )


def test_a_scenario_with_nothing_to_assume_is_its_base(base: Path) -> None:
    """No changes: the base model, with nothing recorded as assumed."""
    model = govmodel.load(_write(base.parent, "same.yaml", "scenario:\n  base: msecc.yaml\n"))
    assert model == govmodel.load(base) and model.assumed == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scenario:\n  base: msecc.yaml\n  asume: {}\n", ":3:3: scenario.asume: unknown key"),
        ("scenario:\n  note: x\n", ":2:3: scenario.base: missing required key 'base'"),
        ("scenario:\n  base: nowhere.yaml\n", ":2:9: scenario.base: no model file"),
        ("scenario:\n  base: loop.yaml\n", ":2:9: scenario.base: 'loop.yaml' leads back"),
        (
            "scenario:\n  base: msecc.yaml\n  assume:\n    msecc.board.quorum: three\n",
            ":4:5: msecc.board.quorum: expected a whole number, got 'three'",
        ),
        (
            "scenario:\n  base: msecc.yaml\n  facts:\n    - {fact: nope, value: true}\n",
            ":4:7: nope: 'nope' is not a fact the rulebook asks about",
        ),
        (
            "scenario:\n  base: msecc.yaml\n  facts:\n    - {fact: nope, value: maybe}\n",
            ":4:27: scenario.facts[0].value: expected true or false, got 'maybe'",
        ),
    ],
)
def test_a_bad_scenario_is_reported_at_its_line(base: Path, text: str, expected: str) -> None:
    """Every mistake in a scenario file names its file, line and column."""
    path = _write(base.parent, "loop.yaml", text)
    with pytest.raises(govmodel.ModelError) as caught:
        govmodel.load(path)
    assert f"{path}{expected}" in str(caught.value)


# -- the command line ------------------------------------------------------------------------

JUDGING = [
    ("forms", "{file}"),
    ("check", "{file}"),
    ("trace", "{file}", "msecc.board"),
    ("who", "{file}", "msecc_collaborative_decisions"),
    ("what", "{file}", "msecc.board"),
]


@pytest.mark.parametrize("command", JUDGING, ids=[c[0] for c in JUDGING])
def test_every_judging_command_says_what_it_assumed(
    command: tuple[str, ...], base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text output starts with the what-if; JSON carries `assumed`."""
    args = [a.format(file=base) for a in command]
    options = [
        "--assume",
        "provide.type=trust",
        "--fact",
        "significant_transaction_approved@eput=yes",
    ]
    code, out, err = run(capsys, *args, *options)
    assert code in (0, 1), err
    assert out.startswith("What-if: this answer assumes (not in msecc.yaml)\n")
    assert "  - provide.type = nhs_trust (was community_interest_company)" in out
    assert "[--assume provide.type=trust]" in out
    assert "fact significant_transaction_approved@eput: yes (was not stated)" in out
    code, out, _ = run(capsys, *args, *options, "--format", "json")
    data = json.loads(out)
    assert [a["target"] for a in data["assumed"]] == [
        "provide.type",
        "significant_transaction_approved@eput",
    ]
    code, out, _ = run(capsys, *args, "--format", "json")
    assert "assumed" not in json.loads(out)


def test_forms_with_parties_shows_the_facts_stated(capsys: pytest.CaptureFixture[str]) -> None:
    """With --party there is no model: --fact is shown, --assume refused."""
    args = ["forms", "--party", "ft=EPUT", "--party", "cic=Provide", "--on", "2020-09-01"]
    code, out, _ = run(capsys, *args, "--fact", "significant_transaction_approved@EPUT=no")
    assert code == 0
    assert "fact significant_transaction_approved@EPUT: no (was not stated)" in out
    assert "unmet: significant_transaction_approved (CORP-002)" in out
    code, _, err = run(capsys, *args, "--assume", "eput.type=trust")
    assert code == 2 and "--assume changes a record of a model FILE" in err


def test_a_bad_assume_option_exits_2_with_its_location(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No traceback: the option, the key and the expected type."""
    code, out, err = run(capsys, "check", str(base), "--assume", "msecc.board.quorum=three")
    assert code == 2 and out == ""
    assert "--assume msecc.board.quorum=three: msecc.board.quorum: expected a whole number" in err
    assert "Traceback" not in err


def test_draw_puts_the_what_if_under_the_title(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The DOT's title block names what the diagram assumes; stderr says it too."""
    code, out, err = run(capsys, "draw", str(base), "-o", "-", "--assume", "provide.type=trust")
    assert code == 0
    assert "What-if, not the model file: provide.type = nhs_trust" in out
    assert err.startswith("What-if: this answer assumes")


def test_a_scenario_file_is_read_by_every_command(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check SCENARIO` judges the overlaid model and says what it assumed, and where."""
    path = _write(
        base.parent,
        "what-if.yaml",
        "scenario:\n  base: msecc.yaml\n  assume:\n    provide.type: nhs_trust\n",
    )
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert f"  - provide.type = nhs_trust (was community_interest_company)  [{path}:4:5]" in out
    code, out, _ = run(capsys, "show", str(path))
    assert "What-if: assumed, not in the model file" in out


def test_the_board_pack_says_what_it_assumes() -> None:
    """A pack of a what-if opens with what it assumes, and where each came from."""
    from govmodel.pack.content import Bullets, Heading, build

    what_if = assume(govmodel.examples.load("msecc-2020"), [Change.parse("provide.type=nhs_trust")])
    blocks = build(what_if).blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and "What-if" in b.text)
    bullets = next(b for b in blocks[at:] if isinstance(b, Bullets))
    assert bullets.items == (
        "provide.type = nhs_trust (was community_interest_company) "
        "(from --assume provide.type=nhs_trust)",
    )
    assert not any(
        isinstance(b, Heading) and "What-if" in b.text
        for b in build(govmodel.examples.load("msecc-2020")).blocks
    )
