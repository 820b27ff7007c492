"""The typed diff of two models: records, verdicts, findings, accountability, authority."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govmodel

from .conftest import run

CCGS = ["mid_essex_ccg", "bb_ccg", "cpr_ccg", "southend_ccg", "thurrock_ccg"]


@pytest.fixture(scope="module")
def msecc() -> govmodel.ModelDiff:
    """The MSECC in 2020 against the MSECC in 2023, each on its own date."""
    return govmodel.diff(govmodel.examples.load("msecc-2020"), govmodel.examples.load("msecc-2023"))


def test_the_msecc_records_diff_lists_exactly_what_the_files_changed(
    msecc: govmodel.ModelDiff,
) -> None:
    """The CCGs left, the ICB, Thurrock Council and the MOU came, and the posts and
    contracts that name them changed: nothing else."""
    r = msecc.records
    assert [(c.kind, c.id) for c in r.added] == [
        ("organisation", "mse_icb"),
        ("organisation", "thurrock_council"),
        ("agreement", "msecc.mou"),
    ]
    assert [(c.kind, c.id) for c in r.removed] == [("organisation", i) for i in CCGS]
    assert {c.id: [f.field for f in c.fields] for c in r.changed} == {
        "msecc.partnership_director_1": ["joint_with", "note"],
        "eput.community_contract": ["commissioners"],
        "nelft.community_contract": ["commissioners"],
        "provide.community_contract": ["commissioners"],
    }
    contract = next(c for c in r.changed if c.id == "eput.community_contract")
    (field,) = contract.fields
    assert field.removed == tuple(CCGS) and field.added == ("mse_icb",)
    assert [f.field for f in r.model] == ["name", "as_of", "description", "notes", "sources"]
    assert r.renames == {}


def test_the_msecc_verdicts_open_the_joint_committee_to_the_two_trusts(
    msecc: govmodel.ModelDiff,
) -> None:
    """From July 2022 the foundation trusts may form a joint committee (JC-001 for
    JC-005) and receive delegated functions; Provide CIC still may not. Every other
    form's verdict is the same on both dates."""
    assert [(v.form, v.old, v.new, v.new_eligible) for v in msecc.verdicts] == [
        ("joint_committee", "not_lawful", "partial", ("EPUT", "NELFT")),
        ("delegation_of_functions", "not_lawful", "partial", ("EPUT", "NELFT")),
    ]
    jc = msecc.verdicts[0]
    assert jc.rules_now == ("JC-001",) and jc.rules_before == ("JC-005",)
    old = govmodel.examples.load("msecc-2020").forms()
    new = govmodel.examples.load("msecc-2023").forms()
    unchanged = [v.form.value for v in old if v.verdict == new[v.form].verdict]
    assert len(unchanged) + 2 == len(list(old))


def test_the_msecc_diff_reads_as_what_changed(msecc: govmodel.ModelDiff) -> None:
    """The summary says the ICB replaced the CCGs, the joint committee opened to the
    two trusts, and the trusts answer to NHS England where they answered to Monitor."""
    text = str(msecc)
    assert text.startswith(
        "From Mid and South Essex Community Collaborative (2020) (msecc-2020.yaml, as of "
        "2020-09-01)\n  to Mid and South Essex Community Collaborative (2023)"
    )
    assert (
        "  - MSE ICB replaces Mid Essex CCG, Basildon & Brentwood CCG, Castle Point & Rochford "
        "CCG, Southend CCG and Thurrock CCG as commissioner of 3 contracts.\n"
    ) in text
    assert (
        "  - Joint committee: not lawful -> open to EPUT, NELFT (partial) "
        "[now JC-001; no longer JC-005].\n"
    ) in text
    assert "      now decided by JC-001: Joint committees under s.65Z5 and s.65Z6\n" in text
    assert "answer through nhs_england instead of monitor." in text
    assert "    organisation  mse_icb           MSE ICB\n" in text
    assert "      commissioners: added mse_icb; removed " + ", ".join(CCGS) + "\n" in text
    assert "Findings: 0 appeared, 0 resolved\n" in text


def test_the_msecc_diff_in_json_has_the_contract_keys(
    msecc: govmodel.ModelDiff, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel diff msecc-2020 msecc-2023 --format json` names examples directly."""
    code, out, err = run(capsys, "diff", "msecc-2020", "msecc-2023", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert {"records", "verdicts", "findings", "accountability", "authority"} <= set(data)
    assert set(data["records"]) >= {"added", "removed", "changed"}
    assert set(data["findings"]) == {"appeared", "resolved"}
    assert data["verdicts"][0] | {} == {
        "form": "joint_committee",
        "old": "not_lawful",
        "new": "partial",
        "old_eligible": [],
        "new_eligible": ["EPUT", "NELFT"],
        "rules_now": ["JC-001"],
        "rules_before": ["JC-005"],
    }
    assert [c["id"] for c in data["records"]["removed"]] == CCGS
    assert data == json.loads(msecc.to_json())


def test_on_judges_both_models_on_one_date() -> None:
    """On one date only the records differ: no verdict changes for the same partners."""
    result = govmodel.diff(
        govmodel.examples.load("msecc-2020"), govmodel.examples.load("msecc-2023"), on="2023-04-01"
    )
    assert result.old.on == result.new.on
    assert result.verdicts == () and result.accountability == ()
    assert (
        result.records
        == govmodel.diff(
            govmodel.examples.load("msecc-2020"), govmodel.examples.load("msecc-2023")
        ).records
    )


# -- a scheme of delegation against a deliberately changed copy ----------------------------

SCHEME = """\
name: Example NHS Trust scheme of delegation
as_of: 2024-04-01
organisations:
- {id: t, name: Example NHS Trust, type: nhs_trust}
bodies:
- id: t.board
  name: Trust board
  kind: board
  organisations: [t]
  quorum: 2
  members:
  - {post: t.chair, role: chair}
  - {post: t.ceo}
  - {post: t.cfo}
- {id: t.fin, name: Finance committee, kind: committee, organisations: [t],
   reports_to: [t.board], members: [{post: t.cfo, role: chair}]}
- {id: t.quality, name: Quality committee, kind: committee, organisations: [t]}
posts:
- {id: t.chair, title: Chair, kind: chair, organisation: t}
- {id: t.ceo, title: Chief executive, kind: chief_executive, organisation: t}
- {id: t.cfo, title: Director of finance, kind: executive_director, organisation: t}
delegations:
- {id: board-to-fin, from: t.board, to: t.fin, matters: [approve_expenditure],
   limit: 1000000, onward: true}
- {id: fin-to-cfo, from: t.fin, to: t.cfo, matters: [approve_expenditure], limit: 250000}
- {id: board-to-ceo, from: t.board, to: t.ceo, matters: [approve_expenditure], limit: 500000}
"""

#: The edits made to the copy: each is a change the diff must report, and nothing else.
EDITS = [
    ("t.cfo", "t.finance_director"),  # the post renamed: every reference follows
    ("quorum: 2", "quorum: 3"),  # the board's quorum
    ("limit: 250000}", "limit: 2000000}"),  # above the committee's own £1m: GM201
    (  # the quality committee now reports to the board (GM601 resolved), an audit one added
        "organisations: [t]}\nposts:",
        "organisations: [t], reports_to: [t.board]}\n"
        "- {id: t.audit, name: Audit committee, kind: committee, organisations: [t],"
        " reports_to: [t.board]}\nposts:",
    ),
    (  # the chief executive's delegation removed
        "- {id: board-to-ceo, from: t.board, to: t.ceo, matters: [approve_expenditure], "
        "limit: 500000}\n",
        "",
    ),
]


@pytest.fixture(scope="module")
def scheme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The scheme and its changed copy, as files."""
    folder = tmp_path_factory.mktemp("scheme")
    changed = SCHEME
    for before, after in EDITS:
        assert before in changed
        changed = changed.replace(before, after)
    (folder / "scheme.yaml").write_text(SCHEME)
    (folder / "changed.yaml").write_text(changed)
    return folder / "scheme.yaml", folder / "changed.yaml"


@pytest.fixture(scope="module")
def scheme_diff(scheme: tuple[Path, Path]) -> govmodel.ModelDiff:
    """The typed diff of the two files."""
    return govmodel.diff(govmodel.load(scheme[0]), govmodel.load(scheme[1]))


def test_the_changed_copy_diff_lists_exactly_the_edits(scheme_diff: govmodel.ModelDiff) -> None:
    """A rename, a quorum, a limit, a reporting line, a new committee and a removed
    delegation; references to the renamed post are not reported as changes."""
    r = scheme_diff.records
    assert [(c.kind, c.id) for c in r.added] == [("body", "t.audit")]
    assert [(c.kind, c.id) for c in r.removed] == [("delegation", "board-to-ceo")]
    assert [(c.id, c.old_id, [(f.field, f.old, f.new) for f in c.fields]) for c in r.changed] == [
        ("t.board", None, [("quorum", 2, 3)]),
        ("t.quality", None, [("reports_to", [], ["t.board"])]),
        ("t.finance_director", "t.cfo", []),
        ("fin-to-cfo", None, [("limit", 250000, 2000000)]),
    ]
    assert r.renames == {"t.cfo": "t.finance_director"} and r.model == ()
    assert scheme_diff.verdicts == ()
    assert [(f.code, f.subjects) for f in scheme_diff.appeared] == [
        ("GM201", ("fin-to-cfo", "t.fin", "approve_expenditure"))
    ]
    assert [(f.code, f.subjects) for f in scheme_diff.resolved] == [("GM601", ("t.quality",))]
    assert [
        (a.change, a.holder, a.matter, a.old_limit, a.new_limit) for a in scheme_diff.authority
    ] == [
        ("lost", "t.ceo", "approve_expenditure", 500_000, None),
        ("limit", "t.finance_director", "approve_expenditure", 250_000, 1_000_000),
    ]
    assert scheme_diff.accountability == ()


def test_the_changed_copy_in_every_format(
    scheme: tuple[Path, Path], scheme_diff: govmodel.ModelDiff, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text, JSON, the DataFrame and the notebook HTML carry the same changes."""
    code, text, _ = run(capsys, "diff", str(scheme[0]), str(scheme[1]))
    assert code == 0 and text == str(scheme_diff)
    for line in [
        "  - t.cfo is now t.finance_director (post renamed; nothing else changed).\n",
        "    body  t.audit  Audit committee\n",
        "    delegation  board-to-ceo  t.board -> t.ceo: approve_expenditure\n",
        "      quorum: 2 -> 3\n",
        "      reports_to: added t.board\n",
        "  (renamed from t.cfo)\n",
        "      limit: 250,000 -> 2,000,000\n",
        "  appeared  error[GM201] fin-to-cfo, t.fin, approve_expenditure: ",
        "  resolved  warning[GM601] t.quality: ",
        "  t.ceo for t: approve_expenditure: lost (up to £500,000)\n",
        "  t.finance_director for t: approve_expenditure: limit up to £250,000 -> "
        "up to £1,000,000\n",
    ]:
        assert line in text, line
    code, out, _ = run(capsys, "diff", str(scheme[0]), str(scheme[1]), "--format", "json")
    data = json.loads(out)
    assert [c["id"] for c in data["records"]["changed"]] == [
        "t.board",
        "t.quality",
        "t.finance_director",
        "fin-to-cfo",
    ]
    assert data["records"]["changed"][2]["old_id"] == "t.cfo"
    assert [f["code"] for f in data["findings"]["appeared"]] == ["GM201"]
    assert [f["code"] for f in data["findings"]["resolved"]] == ["GM601"]
    assert [a["change"] for a in data["authority"]] == ["lost", "limit"]
    frame = scheme_diff.to_frame()
    assert list(frame.columns) == ["section", "change", "kind", "id", "field", "old", "new"]
    assert list(
        zip(frame["section"], frame["change"], frame["id"], frame["field"], strict=True)
    ) == [
        ("records", "added", "t.audit", ""),
        ("records", "removed", "board-to-ceo", ""),
        ("records", "changed", "t.board", "quorum"),
        ("records", "changed", "t.quality", "reports_to"),
        ("records", "renamed", "t.finance_director", "id"),
        ("records", "changed", "fin-to-cfo", "limit"),
        ("findings", "appeared", "GM201", "fin-to-cfo, t.fin, approve_expenditure"),
        ("findings", "resolved", "GM601", "t.quality"),
        ("authority", "lost", "t.ceo", "approve_expenditure"),
        ("authority", "limit", "t.finance_director", "approve_expenditure"),
    ]
    html = scheme_diff._repr_html_()
    for needle in ["t.audit", "board-to-ceo", "t.finance_director", "GM201", "GM601", "t.ceo"]:
        assert needle in html
    assert repr(scheme_diff).startswith("<ModelDiff Example NHS Trust scheme of delegation ->")


def test_a_model_against_itself_has_no_changes(scheme: tuple[Path, Path]) -> None:
    """Identical models: an empty diff that says so, byte for byte the same each time."""
    model = govmodel.load(scheme[0])
    same = govmodel.diff(model, model)
    assert not same and same.summary() == ["Nothing changed."]
    assert same.to_json() == govmodel.diff(model, govmodel.load(scheme[0])).to_json()


def test_a_what_if_diffs_against_its_base() -> None:
    """A scenario is a model too: the diff shows exactly what it assumed."""
    base = govmodel.examples.load("msecc-2020")
    what_if = base.assume({"provide.type": "nhs_trust"})
    result = govmodel.diff(base, what_if)
    assert [
        (c.id, [(f.field, f.old, f.new) for f in c.fields]) for c in result.records.changed
    ] == [("provide", [("type", "community_interest_company", "nhs_trust")])]
    assert ("committees_in_common", "partial", "lawful") in [
        (v.form, v.old, v.new) for v in result.verdicts
    ]


def test_diff_refuses_a_missing_file_naming_the_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Neither a file nor an example: exit 2 with the list of examples."""
    code, out, err = run(capsys, "diff", "nowhere.yaml", "msecc-2023")
    assert code == 2 and out == ""
    assert "nowhere.yaml: no such file, nor a bundled example" in err and "msecc-2020" in err
