"""Local policies: the five kinds fire where they should, with their own codes,
locations and sources; policy files are read as strictly as model files."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govmodel
from govmodel.checks import check
from govmodel.errors import ModelError, PolicyError
from govmodel.io.files import load_policies
from govmodel.io.policies import reference_problems
from govmodel.strategies import models, models_with_policies, policy_sets

from .conftest import run

SFI = govmodel.examples.policy_path("eput-sfi")
MSECC = govmodel.examples.path("msecc-2023")

#: A trust with a board, a finance committee, an audit committee, two posts and two
#: delegations; each test adds the policies it needs.
TRUST = """\
name: Example NHS Trust
as_of: 2024-04-01
organisations:
- {id: t, name: Example NHS Trust, type: nhs_trust}
- {id: u, name: Another NHS Trust, type: nhs_trust}
bodies:
- id: t.board
  name: Board
  kind: board
  organisations: [t]
  members:
  - {post: t.chair, role: chair}
  - {post: t.cfo}
- {id: t.fin, name: Finance committee, kind: committee, organisations: [t], reports_to: [t.board]}
- id: t.audit
  name: Audit committee
  kind: committee
  organisations: [t]
  reports_to: [t.fin]
  members:
  - {post: t.chair, role: chair}
  - {post: t.ned}
- {id: u.board, name: Board, kind: board, organisations: [u]}
posts:
- {id: t.chair, title: Chair, kind: chair, organisation: t}
- {id: t.ned, title: Non-executive director, kind: non_executive_director, organisation: t}
- {id: t.cfo, title: Director of finance, kind: executive_director, organisation: t}
delegations:
- id: board-to-fin
  from: t.board
  to: t.fin
  matters: [approve_expenditure]
  limit: 1000000
  onward: true
  review: 2024-09-30
- {id: fin-to-cfo, from: t.fin, to: t.cfo, matters: [approve_expenditure], limit: 5000000}
"""


def trust(policies: str) -> govmodel.GovernanceModel:
    """The trust above with ``policies:`` (YAML, indented as a list)."""
    text = TRUST + "policies:\n" + textwrap.dedent(policies)
    return govmodel.loads(text, filename="trust.yaml")


def local(model: govmodel.GovernanceModel, **options: object) -> list[govmodel.Finding]:
    return [f for f in check(model, plugins=False, **options) if f.code.startswith("LOC")]  # type: ignore[arg-type]


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` on which ``text`` first appears."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# -- the bundled example ------------------------------------------------------------------


def test_the_bundled_policy_fires_on_msecc_2023_with_code_location_and_source() -> None:
    """EPUT's (illustrative) SFIs find the unlimited delegation, its missing review date
    and the board without a chair; each finding points at the record in the model and
    at the policy's place in its file."""
    found = {
        (f.code, f.subjects[0]): f
        for f in local(govmodel.examples.load("msecc-2023"), policies=[SFI])
    }
    assert sorted(found) == [
        ("LOC001", "eput-to-msecc"),
        ("LOC002", "eput-to-msecc"),
        ("LOC004", "msecc.board"),
    ]
    limit = found[("LOC001", "eput-to-msecc")]
    assert limit.severity is govmodel.Severity.ERROR
    assert limit.location is not None and limit.location.file == "msecc-2023.yaml"
    assert limit.location.line == line_of(MSECC, "- id: eput-to-msecc")
    assert limit.source is not None and limit.source.declared is not None
    assert limit.source.declared.file == str(SFI)
    assert limit.source.declared.line == line_of(SFI, "- code: LOC001")
    assert limit.source.text == (
        "EPUT standing financial instructions (illustrative), para 1, delegated financial limits"
    )
    assert "with no limit" in limit.message and "£1,000,000" in limit.message
    chair = found[("LOC004", "msecc.board")]
    assert chair.severity is govmodel.Severity.WARNING
    assert "= source: EPUT standing financial instructions" in chair.render()


def test_the_policy_leaves_the_built_in_findings_as_they_were() -> None:
    """Adding local policies adds LOC findings and changes nothing else."""
    model = govmodel.examples.load("msecc-2023")
    plain = check(model, plugins=False).to_dict()["diagnostics"]
    with_policy = check(model, policies=[SFI], plugins=False).to_dict()["diagnostics"]
    assert [d for d in with_policy if not d["code"].startswith("LOC")] == plain


# -- each kind ------------------------------------------------------------------------------


def test_decided_by_fires_for_each_holder_above_the_amount_but_not_those_named() -> None:
    """Above £250,000 only the board and the finance committee may decide expenditure:
    the director of finance (up to £1m through the committee) breaches it."""
    (found,) = local(
        trust(
            """\
            - code: LOC001
              name: spend-over-250k
              kind: decided_by
              summary: Expenditure over £250,000 is decided by the board or its finance committee.
              source: SFI 5.1
              matters: [approve_expenditure]
              above: 250000
              by: [t.board, t.fin]
            """
        )
    )
    assert found.subjects == ("fin-to-cfo", "t.cfo")
    assert "up to £1,000,000" in found.message and "'t.board' or 't.fin'" in found.message
    assert found.location is not None and found.location.line == line_of_text(TRUST, "fin-to-cfo")


def line_of_text(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_decided_by_within_the_amount_or_another_organisations_authority_is_clear() -> None:
    """A holder whose limit is at or under the amount, or whose authority comes from an
    organisation the policy does not cover, is no breach."""
    policy = """\
        - code: LOC001
          name: spend-over-limit
          kind: decided_by
          summary: Big spending goes to the board.
          source: SFI 5.1
          matters: [approve_expenditure]
          above: {above}
          by: [t.board]
          organisation: {org}
        """
    over = local(trust(policy.format(above=999_999, org="t")))  # both hold up to £1m
    assert sorted(f.subjects for f in over) == [("board-to-fin", "t.fin"), ("fin-to-cfo", "t.cfo")]
    assert not local(trust(policy.format(above=1_000_000, org="t")))
    assert not local(trust(policy.format(above=0, org="u")))


def test_body_members_reports_a_missing_body_at_the_policy() -> None:
    """A required body the model lacks is reported at the policy's own place."""
    model = trust(
        """\
        - code: LOC002
          name: remuneration-committee
          kind: body_members
          summary: The trust has a remuneration committee.
          source: Standing orders 4.1
          body: t.remuneration
        """
    )
    (found,) = local(model)
    assert found.subjects == ("t.remuneration",)
    assert "the model does not have" in found.message
    assert found.location == model.locations[("policies", 0)]


def test_body_members_counts_kinds_of_member_and_the_chair() -> None:
    """The audit committee needs three non-executive directors and a non-executive chair:
    it has one, and its chair is the trust's chair."""
    found = local(
        trust(
            """\
            - code: LOC003
              name: audit-committee-of-neds
              kind: body_members
              summary: The audit committee has three non-executive directors and one chairs it.
              source: SFI 2.2
              body: t.audit
              members: [{kind: non_executive_director, at_least: 3}]
              chair_kinds: [non_executive_director]
            """
        )
    )
    messages = [f.message for f in found]
    assert len(messages) == 2
    assert "1 non executive director post among its voting members" in messages[0]
    assert "at least 3" in messages[0]
    assert "chaired by 't.chair', not by a non executive director post" in messages[1]


def test_body_members_by_kind_finds_each_unchaired_committee() -> None:
    """Every committee of the trust must have a chair: the finance committee has none."""
    (found,) = local(
        trust(
            """\
            - code: LOC004
              name: committees-chaired
              kind: body_members
              summary: Every committee has a named chair.
              source: Standing orders 4.3
              kinds: [committee]
              organisation: t
              chaired: true
            """
        )
    )
    assert found.subjects == ("t.fin",)
    assert found.hint == "Give the member who chairs it `role: chair`."


def test_separate_roles_finds_a_post_holding_two() -> None:
    """The chair chairs both the board and the audit committee, which SFI 2.3 forbids."""
    (found,) = local(
        trust(
            """\
            - code: LOC005
              name: chair-not-audit-chair
              kind: separate_roles
              summary: The chair of the trust does not chair the audit committee.
              source: SFI 2.3
              roles: [{chair: t.board}, {chair: t.audit}]
              hint: Ask a non-executive director to chair the audit committee.
            """
        )
    )
    assert found.subjects == ("t.chair",)
    assert "chairs 't.board' and chairs 't.audit'" in found.message
    assert found.hint == "Ask a non-executive director to chair the audit committee."


def test_review_date_missing_passed_or_too_far_off() -> None:
    """On 2024-04-01 a review in September is within six months; on 2024-12-01 it has
    passed; the delegation to the CFO has none."""
    model = trust(
        """\
        - code: LOC006
          name: delegations-reviewed
          kind: review_date
          summary: Every delegation is reviewed at least every six months.
          source: Scheme of delegation 1.4
          within_months: 6
        """
    )
    assert [f.message for f in local(model)] == ["delegation 'fin-to-cfo' has no review date"]
    later = {f.subjects[0]: f.message for f in local(model, on="2024-12-01")}
    assert "was due for review on 2024-09-30" in later["board-to-fin"]
    early = {f.subjects[0]: f.message for f in local(model, on="2023-01-01")}
    assert "more than 6 months after 2023-01-01" in early["board-to-fin"]


def test_reports_to_follows_reporting_lines_unless_directly() -> None:
    """The audit committee reports to the board through the finance committee."""
    policy = """\
        - code: LOC007
          name: audit-reports-to-board
          kind: reports_to
          summary: The audit committee reports to the board.
          source: Standing orders 5.1
          body: t.audit
          to: t.board
          directly: {directly}
        """
    assert not local(trust(policy.format(directly="false")))
    (found,) = local(trust(policy.format(directly="true")))
    assert found.subjects == ("t.audit", "t.board") and "(directly)" in found.message


# -- codes: select, ignore, expected ---------------------------------------------------------


SEPARATE = """\
- code: LOC005
  name: chair-not-audit-chair
  kind: separate_roles
  summary: The chair of the trust does not chair the audit committee.
  source: SFI 2.3
  roles: [{chair: t.board}, {chair: t.audit}]
"""


def test_local_codes_are_selected_ignored_and_expected_like_built_in_ones() -> None:
    """`select`, `ignore` (argument and model key) and `expected:` accept LOC codes and
    names, and GM001 knows them."""
    model = trust(SEPARATE)
    assert [f.code for f in check(model, select=["LOC005"], plugins=False)] == ["LOC005"]
    assert not local(model, ignore=["chair-not-audit-chair"])
    assert not local(attrs.evolve(model, ignore=("loc005",)))
    expecting = govmodel.loads(
        TRUST
        + "policies:\n"
        + SEPARATE
        + "expected:\n- {code: LOC005, reason: The chair steps down from audit in May.}\n",
        filename="trust.yaml",
    )
    report = check(expecting, plugins=False)
    (found,) = report.filter(code="LOC005")
    assert found.expected == "The chair steps down from audit in May."
    assert not report.filter(code="GM001") and not report.filter(code="GM002")


def test_an_unknown_local_code_in_ignore_says_where_local_codes_come_from() -> None:
    """`ignore: [LOC009]` without such a policy is GM001, with a hint about --policy."""
    model = attrs.evolve(trust(SEPARATE), ignore=("LOC009",))
    (found,) = check(model, plugins=False).filter(code="GM001")
    assert "LOC009" in found.message and "--policy" in found.hint


# -- reading policies -----------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_policy_file_with_mistakes_reports_every_one_located(tmp_path: Path) -> None:
    """Unknown keys (naming the kind's keys), unknown kinds, bad codes, names and
    severities, two policies with one code, and what the schema cannot say."""
    path = write(
        tmp_path,
        "sfi.yaml",
        """\
        name: Trust SFIs
        policies:
        - code: LOC001
          name: spend
          kind: decided_by
          summary: S
          source: SFI 1
          matters: [approve_expenditure]
          by: [t.board]
          abov: 5
        - code: LOC1
          name: Not Kebab
          kind: decided-bye
          summary: S
          source: SFI 2
        - code: LOC001
          name: reports
          kind: reports_to
          summary: S
          source: SFI 3
          to: t.board
          severity: fatal
        - code: LOC004
          name: roles
          kind: separate_roles
          summary: S
          source: SFI 4
          roles: [{chair: t.board, member: t.audit}]
        """,
    )
    with pytest.raises(PolicyError) as raised:
        load_policies(path)
    text = str(raised.value)
    assert f"{path}:10:3: policies[0].abov: unknown key 'abov'. Did you mean 'above'?" in text
    assert "Allowed keys here: above, by, code, hint, kind, matters, name, note," in text
    assert f"{path}:13:9: policies[1].kind: 'decided-bye' is not a kind of policy." in text
    assert "Did you mean 'decided_by'?" in text
    assert "policies[2].code: code 'LOC001' is used by two policies (first used at line 3)" in text
    assert "policies[1].code: 'LOC1' is not a local finding code." in text
    assert "policies[1].name: 'Not Kebab' is not a kebab-case name." in text
    assert "policies[2].severity: 'fatal' is not a severity. Valid severities:" in text
    assert text.count("'fatal'") == 1
    assert "policies[2]: give either `body` (one body) or `kinds`" in text
    assert "policies[3].roles: name at least two roles" in text
    assert "policies[3].roles[0]: a role is exactly one of `chair`, `member` and `decides`" in text


def test_a_policy_file_naming_ids_the_model_lacks_is_refused_with_the_closest(
    tmp_path: Path,
) -> None:
    """The ids a policy file names are checked against each model it is used with."""
    path = write(
        tmp_path,
        "sfi.yaml",
        """\
        name: Trust SFIs
        policies:
        - code: LOC001
          name: spend
          kind: decided_by
          summary: S
          source: SFI 1
          matters: [approve_expenditur]
          by: [t.bord]
        """,
    )
    with pytest.raises(PolicyError) as raised:
        check(govmodel.loads(TRUST, filename="trust.yaml"), policies=[path])
    text = str(raised.value)
    assert f"{path}:8:13: policies[0].matters[0]: no matter with id 'approve_expenditur'" in text
    assert f"{path}:9:8: policies[0].by[0]: no body or post with id 't.bord' in trust.yaml." in text
    assert "Closest ids: 't.board'" in text


def test_a_model_names_a_policy_file_beside_it(tmp_path: Path) -> None:
    """`- file: sfi.yaml` under `policies:` reads the file beside the model; a missing one
    is reported at the entry."""
    write(tmp_path, "sfi.yaml", "name: Trust SFIs\npolicies:\n" + SEPARATE)
    model_path = write(tmp_path, "trust.yaml", TRUST + "policies:\n- file: sfi.yaml\n")
    model = govmodel.load(model_path)
    (found,) = local(model)
    assert found.code == "LOC005" and found.source is not None
    assert found.source.declared is not None and found.source.declared.file.endswith("sfi.yaml")
    missing = write(tmp_path, "other.yaml", TRUST + "policies:\n- file: nowhere.yaml\n")
    with pytest.raises(ModelError) as raised:
        govmodel.load(missing)
    assert "policies[0].file: no policy file 'nowhere.yaml'" in str(raised.value)


def test_a_policy_may_not_take_a_built_in_code_name_or_a_code_twice(tmp_path: Path) -> None:
    """A name already a built-in check's, or a code in two files, is refused."""
    path = write(tmp_path, "sfi.yaml", "name: SFIs\npolicies:\n" + SEPARATE)
    with pytest.raises(PolicyError) as raised:
        check(trust(SEPARATE), policies=[path], plugins=False)
    assert "code 'LOC005' is already used by the policy at trust.yaml" in str(raised.value)
    clash = SEPARATE.replace("chair-not-audit-chair", "committee-without-reporting-line")
    with pytest.raises(
        PolicyError,
        match="name 'committee-without-reporting-line' is already used by the check GM601",
    ):
        check(trust(clash), plugins=False)


def test_policies_round_trip_through_a_model_file() -> None:
    """A model with policies saves and loads back equal, the kind written as given."""
    model = trust(SEPARATE)
    text = govmodel.dumps(model)
    assert "kind: separate_roles" in text
    assert govmodel.loads(text) == model


@settings(max_examples=30)
@given(models_with_policies())
def test_any_model_with_policies_checks_without_raising(model: govmodel.GovernanceModel) -> None:
    """Drawn policies of every kind give a report; each local finding has a policy's code
    and severity, and the run is deterministic."""
    by_code = {p.code: p for p in model.policies}
    report = check(model, plugins=False)
    for finding in report:
        if finding.code.startswith("LOC"):
            assert finding.severity is by_code[finding.code].severity
            assert finding.source is not None
    assert check(model, plugins=False).to_dict() == report.to_dict()


@settings(max_examples=30)
@given(models_with_policies())
def test_drawn_policies_survive_a_file_round_trip(model: govmodel.GovernanceModel) -> None:
    """Written and read back, a model with policies is the same model."""
    assert govmodel.loads(govmodel.dumps(model)) == model


# -- the command line -----------------------------------------------------------------------


def test_check_with_a_policy_file_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`check FILE --policy FILE` exits 1 on the local errors and shows their source;
    --list-codes lists the local codes; --select picks one."""
    code, out, err = run(capsys, "check", str(MSECC), "--policy", str(SFI))
    assert code == 1 and err == ""
    assert f"{MSECC}:{line_of(MSECC, '- id: eput-to-msecc')}:3: error[LOC001]" in out
    assert f"(declared at {SFI}:{line_of(SFI, '- code: LOC001')}:3)" in out
    assert out.rstrip().endswith("2 errors, 1 warning, 0 info (6 expected)")
    code, out, _ = run(capsys, "check", "--list-codes", "--policy", str(SFI))
    assert [line.split()[0] for line in out.splitlines()][-5:] == [
        "LOC001",
        "LOC002",
        "LOC003",
        "LOC004",
        "LOC005",
    ]
    code, out, _ = run(
        capsys, "check", str(MSECC), "--policy", str(SFI), "--select", "LOC002", "--format", "json"
    )
    report = json.loads(out)
    assert [d["code"] for d in report["diagnostics"]] == ["LOC002"]
    assert report["diagnostics"][0]["source"]["declared"]["line"] == line_of(SFI, "LOC002")


def test_a_mistyped_local_code_or_a_bad_policy_file_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An unknown --ignore code suggests the local ones; a broken policy file gets
    located messages; never a traceback."""
    code, _, err = run(capsys, "check", str(MSECC), "--policy", str(SFI), "--ignore", "loc02")
    assert code == 2 and "Did you mean 'LOC002'" in err
    bad = write(tmp_path, "bad.yaml", "name: x\npolicies:\n- code: LOC001\n  kind: nonsense\n")
    code, _, err = run(capsys, "check", str(MSECC), "--policy", str(bad))
    assert code == 2 and f"{bad}:4:9: policies[0].kind: 'nonsense' is not a kind" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "check", str(MSECC), "--policy", str(tmp_path / "none.yaml"))
    assert code == 2 and "no such file" in err


def test_policy_explain_describes_the_kinds_and_a_files_policies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without a file, every kind and its keys; with one, each policy, what it requires,
    its source and where it is declared; JSON too."""
    code, out, _ = run(capsys, "policy", "--explain")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("kind: ")] == [
        f"kind: {k}"
        for k in ("decided_by", "body_members", "separate_roles", "review_date", "reports_to")
    ]
    assert "within_months: The review date may be at most" in out
    code, out, _ = run(capsys, "policy", "--explain", str(SFI))
    assert code == 0
    assert "LOC001  collaborative-decisions-over-1m-to-eput-board  (error, decided_by)" in out
    assert f"declared at: {SFI}:{line_of(SFI, 'LOC004')}:3" in out
    assert "requires: no post holds two of: chairs 'eput.board'; chairs 'msecc.board'" in out
    code, out, _ = run(capsys, "policy", "--explain", str(SFI), "--format", "json")
    (entry,) = json.loads(out)
    assert [p["code"] for p in entry["policies"]] == [f"LOC00{i}" for i in range(1, 6)]


def test_policy_explain_of_a_model_without_policies_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A model file is read as a model: its own policies, here none."""
    code, out, _ = run(capsys, "policy", "--explain", str(MSECC))
    assert code == 0 and out == f"{MSECC} has no policies.\n"


def test_policy_lists_and_writes_the_bundled_policy_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--list names them; --example writes one, refusing to overwrite without --force."""
    code, out, _ = run(capsys, "policy", "--list")
    assert code == 0 and out.split()[0] == "eput-sfi"
    target = tmp_path / "sfi.yaml"
    assert run(capsys, "policy", "--example", "eput-sfi", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == SFI.read_text(encoding="utf-8")
    code, _, err = run(capsys, "policy", "--example", "eput-sfi", "-o", str(target))
    assert code == 2 and "--force" in err
    code, _, err = run(capsys, "policy", "--example", "eput-sf")
    assert code == 2 and "'eput-sfi'" in err


@settings(max_examples=30)
@given(st.data())
def test_drawn_policy_sets_name_only_the_models_ids(data: st.DataObject) -> None:
    """The strategies' policies reference what the model has (so users' properties start
    from valid input)."""
    model = data.draw(models())
    assert reference_problems(data.draw(policy_sets(model)), model) == []
