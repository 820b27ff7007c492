"""The hostile corpus: what a careless or hostile user gives govmodel, and what must happen.

Each :class:`Case` is an argument list (``{m}`` is the model file, ``{d}`` the
case's folder) with the files it needs and the class of outcome expected: the
exit code, a located message on standard error, what standard output must or
must not hold, which files must appear, stay unchanged or be absent. Every case
is also checked for what must never happen: a traceback, a temporary file
left behind, an existing file changed without ``--force``, an injected
directive in any output, a run past its time bound. :class:`ApiCase` does the
same for the Python API: the exception class and its message.

Classes: ``data-loss``, ``traceback``, ``hang``, ``silent``, ``injection``,
``unlocated``, ``api``, ``output``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import govmodel
from govmodel import errors


@dataclass
class Case:
    id: str
    kind: str
    argv: list[str]
    code: int
    files: dict[str, str | bytes] = field(default_factory=dict)
    err: str | None = None  # a pattern standard error must match
    out: str | None = None  # a pattern standard output must match
    forbid: tuple[str, ...] = ()  # patterns no output (stdout or file written) may hold
    made: tuple[str, ...] = ()  # files that must exist afterwards
    absent: tuple[str, ...] = ()  # paths that must not exist afterwards
    changed: tuple[str, ...] = ()  # pre-existing files the case may change
    seconds: float = 10.0
    #: "capture" (in process); a subprocess for "full", "closed", "pipe" (closed early), "bytes"
    stdout: str = "capture"


@dataclass
class ApiCase:
    id: str
    kind: str
    call: Callable[[Path], Any]
    raises: type[BaseException] | None  # None: must return (the check is then ``ok``)
    match: str = ""
    ok: Callable[[Any], bool] = lambda result: True
    seconds: float = 10.0


LOCATED = r"m\.yaml:\d+:\d+: "


def model(
    *,
    name: str = "Hostile test",
    org_name: str = "Alpha NHS Foundation Trust",
    body_name: str = "Alpha board",
    matter_extra: str = "",
    limit: str = "100000",
    as_of: str = "2023-04-01",
    extra: str = "",
    delegation_extra: str = "",
) -> str:
    """A small valid model with the given texts put in (as JSON strings, so any
    character can be written)."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    return f"""name: {q(name)}
as_of: {as_of}
organisations:
- id: a
  name: {q(org_name)}
  type: ft
- id: b
  name: Beta NHS Trust
  type: nhs_trust
bodies:
- id: a.board
  name: {q(body_name)}
  kind: board
  organisations: [a]
  members:
  - post: a.ceo
- id: a.committee
  name: Finance committee
  kind: committee
  organisations: [a]
  reports_to: [a.board]
posts:
- id: a.ceo
  title: Chief executive
  kind: ceo
  organisation: a
delegations:
- id: d1
  from: a.board
  to: a.committee
  matters: [approve_expenditure{matter_extra}]
  limit: {limit}
{delegation_extra}agreements: []
contracts: []
{extra}"""


BASE = model()


def replace(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def cli(id: str, kind: str, argv: list[str], code: int, text: str = BASE, **more: Any) -> Case:
    files = {"m.yaml": text, **more.pop("files", {})}
    return Case(id, kind, argv, code, files=files, **more)


def bad_model(id: str, kind: str, text: str | bytes, err: str, **more: Any) -> Case:
    """A model that must be refused by ``show`` with a located message matching ``err``."""
    return Case(id, kind, ["show", "{m}"], 2, files={"m.yaml": text}, err=err, **more)


CASES: list[Case] = []
add = CASES.append

# -- data loss: an existing file is never replaced without --force, never an input ----------

for cmd, out in [
    (["draw", "{m}", "-o", "{d}/out.dot"], "out.dot"),
    (["draw", "{m}", "-o", "{d}/out.mmd"], "out.mmd"),
    (["draw", "{m}", "-o", "{d}/out.svg"], "out.svg"),
    (["table", "{m}", "-o", "{d}/out.csv"], "out.csv"),
    (["table", "{m}", "-o", "{d}/out.xlsx"], "out.xlsx"),
    (["example", "nics-2021", "-o", "{d}/out.yaml"], "out.yaml"),
    (["schema", "-o", "{d}/out.json"], "out.json"),
]:
    add(
        cli(
            f"refuses-existing-{out}",
            "data-loss",
            cmd,
            2,
            files={out: "precious board paper\n"},
            err=rf"out\.{out.split('.')[1]}: already exists; pass --force",
        )
    )
    add(
        cli(
            f"force-replaces-{out}",
            "data-loss",
            [*cmd, "--force"],
            0,
            files={out: "old\n"},
            changed=(out,),
            made=(out,),
        )
    )
for flag in ([], ["--force"]):
    suffix = "-force" if flag else ""
    add(
        cli(
            f"never-the-input-itself-csv{suffix}",
            "data-loss",
            ["table", "{m}", "-o", "{d}/m.csv", *flag],
            0,
            made=("m.csv",),
        )
    )
    add(
        cli(
            f"dev-null-is-not-replaced{suffix}",
            "data-loss",
            ["draw", "{m}", "--format", "dot", "-o", "/dev/null", *flag],
            2,
            err=r"/dev/null: (is not a regular file|already exists)",
        )
    )
    add(
        cli(
            f"a-directory-is-not-replaced{suffix}",
            "data-loss",
            ["draw", "{m}", "--format", "dot", "-o", "{d}/sub", *flag],
            2,
            files={"sub/keep.txt": "x"},
            err=r"sub: (is a directory|already exists)",
        )
    )
add(
    cli(
        "input-protected-even-with-force",
        "data-loss",
        ["draw", "{m}", "--format", "dot", "-o", "{m}", "--force"],
        2,
        err=r"m\.yaml: is an input of this command",
    )
)
add(
    cli(
        "symlink-target-refused-without-force",
        "data-loss",
        ["draw", "{m}", "-o", "{d}/link.dot"],
        2,
        files={"real.dot": "keep\n", "link.dot": "@symlink:real.dot"},
        err=r"link\.dot: already exists",
    )
)
add(
    cli(
        "symlink-written-through-with-force",
        "data-loss",
        ["draw", "{m}", "-o", "{d}/link.dot", "--force"],
        0,
        files={"real.dot": "old\n", "link.dot": "@symlink:real.dot"},
        changed=("real.dot",),
        out=None,
    )
)
add(
    cli(
        "new-file-gets-umask-mode",
        "data-loss",
        ["draw", "{m}", "-o", "{d}/paper.dot"],
        0,
        made=("paper.dot",),
    )
)

# -- output faults: each one located line and exit 2 ------------------------------------------

for i, (argv, err) in enumerate(
    [
        (["draw", "{m}", "-o", "{m}/x.dot"], r"a part of the path is a file"),
        (["table", "{m}", "-o", "{m}/x.csv"], r"a part of the path is a file"),
        (["draw", "{m}", "-o", "/proc/govmodel-test.dot"], r"/proc/govmodel-test\.dot: "),
        (["draw", "{m}", "-o", "/sys/govmodel-test.dot"], r"/sys/govmodel-test\.dot: "),
        (["schema", "-o", "/proc/version"], r"/proc/version: "),
        (["draw", "{m}", "-o", "{d}/" + "x" * 300 + ".dot"], r"the name is too long"),
        (["draw", "{m}", "-o", ""], r"must end in|is not a file name"),
        (["draw", "{m}", "-o", "{d}/x.gif"], r"must end in one of"),
        (["table", "{m}", "-o", "{d}/x.txt"], r"must end in \.xlsx or \.csv"),
        (["table", "{m}", "-o", "-", "--kind", "nope"], r"invalid choice"),
        (["draw", "{m}", "-o", "{d}/x"], r"must end in one of"),
    ]
):
    add(cli(f"output-fault-{i}", "output", argv, 2, err=err))
add(
    cli(
        "show-into-full-stdout",
        "output",
        ["show", "{m}"],
        2,
        stdout="full",
        err=r"<standard output>: no space left on device",
    )
)
add(
    cli(
        "rules-into-closed-stdout",
        "output",
        ["rules"],
        2,
        stdout="closed",
        err=r"<standard output>: (it is closed|.*bad file)",
    )
)
add(
    cli(
        "schema-into-full-stdout",
        "output",
        ["schema"],
        2,
        stdout="full",
        err=r"<standard output>: no space left",
    )
)
add(
    cli(
        "draw-dot-to-broken-pipe",
        "output",
        ["draw", "{m}", "-o", "-"],
        2,
        stdout="pipe",
        err=r"<standard output>: the reader closed it",
    )
)
add(cli("draw-to-stdout", "output", ["draw", "{m}", "-o", "-"], 0, out=r"^digraph governance"))
add(
    cli(
        "mermaid-to-stdout",
        "output",
        ["draw", "{m}", "-o", "-", "--format", "mmd"],
        0,
        out=r"flowchart TB",
    )
)
add(cli("csv-to-stdout", "output", ["table", "{m}", "-o", "-"], 0, out=r"^matter,"))
add(cli("example-to-stdout", "output", ["example", "nics-2021", "-o", "-"], 0, out=r"^name: "))
add(
    cli(
        "png-to-stdout-pipe",
        "output",
        ["draw", "{m}", "-o", "-", "--format", "png"],
        0,
        stdout="bytes",
        out=r"^\ufffdPNG",
        seconds=20,
    )
)
add(
    cli(
        "xlsx-to-stdout-refused",
        "output",
        ["table", "{m}", "-o", "-", "--kind", "authority"],
        0,
        out=r"^matter",
    )
)

add(
    cli(
        "example-to-a-folder-name",
        "output",
        ["example", "nics-2021", "-o", "{d}/new/"],
        2,
        err=r"new/: names a folder",
        absent=("new",),
    )
)
add(
    cli(
        "huge-bad-value-clipped",
        "unlocated",
        ["show", "{m}"],
        2,
        text=model(as_of="k" * 100_000),
        err=r"m\.yaml:2:8: as_of: 'k{300,400}…",
    )
)
add(
    cli(
        "many-problems-capped",
        "hang",
        ["show", "{m}"],
        2,
        text=BASE.replace(
            "contracts: []\n", "contracts: []\n" + "".join(f"k{i}: 1\n" for i in range(5000))
        ),
        err=r"\.\.\. and 4800 more",
    )
)

# -- tracebacks: inputs that once crashed -------------------------------------------------------

for i, name in enumerate(
    [
        "ends in a backslash\\",
        "\\N\\G\\E\\T\\H\\L",
        "<script>alert(1)</script>",
        'a "quoted" name',
        "<<b>html</b>>",
        "& < > ' \"",
        "{curly} [square] |pipe|",
        "end",
        "subgraph",
        "node",
        "\u202eevil\u202c",
        "emoji 🏥 \U0001f600",
        "x" * 2000,
        "=cmd|' /C calc'!A0",
        "%%{init: {'theme': 'dark'}}%%",
        "click a.board call alert()",
        "\\",
        '"',
        "#35; #quot;",
        "`backtick`",
    ]
):
    for fmt in ("dot", "mmd", "svg", "csv", "xlsx"):
        if fmt in ("svg", "xlsx") and i % 4:
            continue  # these run dot or write a workbook: a sample is enough
        sub = "table" if fmt in ("csv", "xlsx") else "draw"
        add(
            cli(
                f"name-{i}-{fmt}",
                "traceback" if fmt in ("svg", "xlsx") else "injection",
                [sub, "{m}", "-o", f"{{d}}/out.{fmt}"],
                0,
                text=model(name=name, org_name=name, body_name=name),
                made=(f"out.{fmt}",),
                seconds=20,
            )
        )
    add(
        cli(
            f"name-{i}-show",
            "injection",
            ["show", "{m}"],
            0,
            text=model(name=name, org_name=name, body_name=name),
        )
    )

add(
    cli(
        "nested-brackets-500",
        "traceback",
        ["show", "{m}"],
        2,
        text="name: " + "[" * 500 + "]" * 500 + "\n",
        err=r"m\.yaml:1:\d+: .*nested more than 64",
    )
)
add(
    cli(
        "nested-braces-json-5000",
        "traceback",
        ["show", "{d}/m.json"],
        2,
        files={"m.json": '{"name": ' + "[" * 5000 + "]" * 5000 + "}"},
        err=r"m\.json:1:\d+: the data is nested more than 64",
    )
)
add(
    cli(
        "nested-block-mappings-200",
        "traceback",
        ["show", "{m}"],
        2,
        text="".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "x\n",
        err=r"nested more than 64",
    )
)
add(
    cli(
        "merge-key-number",
        "traceback",
        ["show", "{m}"],
        2,
        text=replace("- id: b\n", "- <<: 5\n  id: b\n"),
        err=r"m\.yaml:7:7: organisations\[1\]\.<<: a merge key \(<<\) merges mappings, "
        r"but this is 5",
    )
)
add(
    cli(
        "merge-key-list-of-numbers",
        "traceback",
        ["show", "{m}"],
        2,
        text=replace("- id: b\n", "- <<: [1, 2]\n  id: b\n"),
        err=LOCATED + r".*merge key .* but this item is 1",
    )
)
add(
    cli(
        "merge-key-string",
        "traceback",
        ["show", "{m}"],
        2,
        text=replace("- id: b\n", "- <<: text\n  id: b\n"),
        err=LOCATED + r".*merge key",
    )
)
add(
    cli(
        "limit-10e20",
        "traceback",
        ["table", "{m}", "-o", "{d}/t.xlsx"],
        2,
        text=model(limit="100000000000000000000"),
        err=LOCATED + r".*larger than any plausible",
    )
)
add(
    cli(
        "limit-5000-digits",
        "traceback",
        ["show", "{m}"],
        2,
        text=model(limit="9" * 5000),
        err=LOCATED + r"delegations\[0\]\.limit",
    )
)
add(
    cli(
        "as-of-9999-xlsx",
        "traceback",
        ["table", "{m}", "-o", "{d}/t.xlsx"],
        2,
        text=model(as_of="9999-12-31"),
        err=LOCATED + r"as_of: 9999-12-31 is outside",
    )
)
add(
    cli(
        "as-of-1900",
        "silent",
        ["check", "{m}"],
        2,
        text=model(as_of="1900-01-01"),
        err=LOCATED + r"as_of: 1900-01-01 is outside",
    )
)
add(
    cli(
        "table-on-9999",
        "traceback",
        ["table", "{m}", "-o", "{d}/t.xlsx", "--on", "9999-12-31"],
        2,
        err=r"--on: 9999-12-31 is outside",
    )
)
add(
    cli(
        "end-9999-xlsx",
        "traceback",
        ["table", "{m}", "-o", "{d}/t.xlsx"],
        0,
        text=replace("  limit: 100000\n", "  limit: 100000\n  end: 9999-12-31\n"),
        made=("t.xlsx",),
    )
)
add(
    cli(
        "start-1900-xlsx",
        "traceback",
        ["table", "{m}", "-o", "{d}/t.xlsx"],
        0,
        text=replace("  limit: 100000\n", "  limit: 100000\n  start: 1900-01-01\n"),
        made=("t.xlsx",),
    )
)
add(
    cli(
        "not-a-mapping",
        "traceback",
        ["check", "{m}"],
        2,
        text="- a\n- b\n",
        err=r"must be a mapping",
    )
)
add(
    cli("a-bare-string", "traceback", ["check", "{m}"], 2, text="hello\n", err=r"must be a mapping")
)
add(cli("empty-file", "traceback", ["check", "{m}"], 2, text="", err=r"empty file"))
add(cli("only-comments", "traceback", ["check", "{m}"], 2, text="# nothing\n", err=r"empty file"))
add(cli("model-is-directory", "traceback", ["show", "{d}"], 2, err=r"is a directory"))
add(
    cli(
        "model-is-dev-zero",
        "hang",
        ["show", "/dev/zero"],
        2,
        err=r"/dev/zero:1:1: is not a regular file",
    )
)
add(
    cli(
        "model-missing",
        "traceback",
        ["show", "{d}/nope.yaml"],
        2,
        err=r"nope\.yaml:1:1: .*no such file",
    )
)
add(cli("model-under-a-file", "traceback", ["show", "{m}/x.yaml"], 2, err=r"cannot read|no such"))
add(cli("trace-unknown-subject", "traceback", ["trace", "{m}", "nobody"], 2, err=r"no .*'nobody'"))
add(
    cli(
        "who-unknown-matter",
        "traceback",
        ["who", "{m}", "approve_expenditur"],
        2,
        err=r"approve_expenditure",
    )
)
add(
    cli(
        "focus-unknown",
        "traceback",
        ["draw", "{m}", "-o", "{d}/x.dot", "--focus", "zz"],
        2,
        err=r"zz",
    )
)
add(
    cli(
        "highlight-unknown",
        "traceback",
        ["draw", "{m}", "-o", "{d}/x.dot", "--highlight", "zz"],
        2,
        err=r"zz",
    )
)
add(
    cli(
        "forms-unknown-party",
        "traceback",
        ["forms", "--party", "fondation_trust", "--on", "2020-01-01"],
        2,
        err=r"foundation_trust",
    )
)
add(
    cli(
        "forms-explain-unknown",
        "traceback",
        ["forms", "{m}", "--explain", "joint_comittee"],
        2,
        err=r"joint_committee",
    )
)
add(cli("rule-unknown", "traceback", ["rule", "JC-9999"], 2, err=r"JC-9999|no rule"))
add(cli("check-select-typo", "traceback", ["check", "{m}", "--select", "GM41O"], 2, err=r"GM401"))
add(cli("no-command", "traceback", [], 2))
add(cli("unknown-command", "traceback", ["frobnicate"], 2, err=r"invalid choice"))
add(cli("example-unknown", "traceback", ["example", "msecc-2030"], 2, err=r"msecc-20"))
EMPTY = "name: Empty\nas_of: 2023-04-01\norganisations: []\n"
add(
    cli(
        "forms-of-no-organisations",
        "silent",
        ["forms", "{m}"],
        2,
        text=EMPTY,
        err=r"has organisations in force \(it has none then\)",
    )
)
add(cli("check-of-no-organisations", "silent", ["check", "{m}"], 0, text=EMPTY, out=r"0 errors"))
add(
    cli(
        "draw-of-no-organisations",
        "traceback",
        ["draw", "{m}", "-o", "{d}/e.svg"],
        0,
        text=EMPTY,
        made=("e.svg",),
        seconds=20,
    )
)
add(
    cli(
        "authority-of-no-organisations",
        "traceback",
        ["table", "{m}", "-o", "-", "--kind", "authority"],
        0,
        text=EMPTY,
        out=r"^matter",
    )
)
add(
    cli(
        "forms-party-empty-type",
        "traceback",
        ["forms", "--party", "=x", "--on", "2023-01-01"],
        2,
        err=r"'' is not a party type",
    )
)
add(cli("forms-party-and-file", "traceback", ["forms", "{m}", "--party", "ft"], 2, err=r"not both"))
add(cli("forms-party-no-date", "traceback", ["forms", "--party", "ft"], 2, err=r"--on DATE"))
add(
    cli(
        "forms-party-before-existence",
        "traceback",
        ["forms", "--party", "icb", "--on", "2010-01-01"],
        2,
        err=r"did not exist",
    )
)

# -- hangs: small files that ask for a great deal -----------------------------------------------

LAUGHS = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "name: *i\n"
)
add(
    cli(
        "billion-laughs",
        "hang",
        ["show", "{m}"],
        2,
        text=LAUGHS,
        seconds=3,
        err=LOCATED + r".*aliases here would add more than 100,000 values \(the limit\)",
    )
)
add(
    cli(
        "billion-laughs-check",
        "hang",
        ["check", "{m}"],
        2,
        text=LAUGHS,
        seconds=3,
        err=r"the limit",
    )
)
add(
    cli(
        "alias-to-itself",
        "hang",
        ["show", "{m}"],
        2,
        text="a: &x [1, *x]\n",
        err=LOCATED + r".*refers to the value that contains it",
    )
)
add(
    cli(
        "alias-undefined",
        "unlocated",
        ["show", "{m}"],
        2,
        text="a: *nowhere\n",
        err=r"m\.yaml:1:4: .*no anchor",
    )
)
add(
    cli(
        "huge-file",
        "hang",
        ["show", "{d}/big.yaml"],
        2,
        files={"big.yaml": b"#" * (101 * 1024 * 1024)},
        seconds=20,
        err=r"big\.yaml:1:1: .*more than the limit of \d+ MB",
    )
)
add(
    cli(
        "many-documents",
        "silent",
        ["show", "{m}"],
        2,
        text=BASE + "---\nname: second\n",
        err=LOCATED + r".*more than one YAML document",
    )
)

# -- silent acceptance: YAML 1.1 surprises and other quiet mistakes -----------------------------

for value, hint in [
    ("017", r"octal 15 and YAML 1\.2 as 17"),
    ("0017", r"octal 15"),
    ("4:10", r"as 250 \(base 60\)"),
    ("1:00:00", r"as 3600"),
    ("1e3", r"YAML 1\.2 as a number"),
    ("1.5e6", r"YAML 1\.2 as a number"),
    ("0x1F", r"decimal digits \(31\)"),
    ("0o17", r"decimal digits \(15\)"),
    ("0b101", r"decimal digits \(5\)"),
    ("1_000", r"without separators: 1000"),
    ("250,000", r"without separators: 250000"),
    ("1.5", r"whole pounds"),
    ("-5", r"is negative"),
    (".inf", r"expected a whole number"),
    (".nan", r"expected a whole number"),
    ("yes", r"expected a whole number"),
    ("'100000'", r"expected a whole number, got '100000'"),
    ("£100000", r"expected a whole number"),
    ("[100000]", r"expected a whole number, got a list"),
    ("", r"expected a whole number, got nothing"),
]:
    add(
        bad_model(
            f"limit-{value or 'empty'}",
            "silent",
            model(limit=value),
            LOCATED + r"delegations\[0\]\.limit: .*" + hint,
        )
    )
for word, meaning in [
    ("yes", "true"),
    ("no", "false"),
    ("on", "true"),
    ("off", "false"),
    ("NO", "false"),
    ("Yes", "true"),
    ("y", "true"),
    ("n", "false"),
]:
    add(
        bad_model(
            f"onward-{word}",
            "silent",
            model(delegation_extra=f"  onward: {word}\n"),
            LOCATED + rf"delegations\[0\]\.onward: expected true or false.* write {meaning}",
        )
    )
add(
    bad_model(
        "on-as-a-key",
        "silent",
        replace("  limit: 100000\n", "  limit: 100000\n  on: true\n"),
        LOCATED + r"delegations\[0\]\.on: unknown key 'on'",
    )
)
add(
    bad_model(
        "yes-as-a-key",
        "silent",
        replace("  limit: 100000\n", "  limit: 100000\n  yes: 1\n"),
        LOCATED + r"delegations\[0\]\.yes: unknown key 'yes'",
    )
)
add(
    cli(
        "ods-with-leading-zero-is-text",
        "silent",
        ["show", "{m}", "--format", "json"],
        0,
        text=replace("  type: nhs_trust\n", "  type: nhs_trust\n  ods: 083\n"),
        out=r'"ods": "083"',
    )
)
add(
    cli(
        "country-code-no-is-text",
        "silent",
        ["show", "{m}", "--format", "json"],
        0,
        text=replace("  type: nhs_trust\n", "  type: nhs_trust\n  ods: NO\n"),
        out=r'"ods": "NO"',
    )
)
add(
    bad_model(
        "partners-twice",
        "silent",
        model(extra="partners: [a, a]\n"),
        LOCATED + r"partners\[1\]: 'a' is listed twice",
    )
)
add(
    bad_model(
        "organisations-twice",
        "silent",
        replace("organisations: [a]\n  members", "organisations: [a, a]\n  members"),
        r"m\.yaml:14:22: bodies\[0\]\.organisations\[1\]: 'a' is listed twice",
    )
)
add(
    bad_model(
        "matters-twice",
        "silent",
        model(matter_extra=", approve_expenditure"),
        LOCATED + r"delegations\[0\]\.matters\[1\]: 'approve_expenditure' is listed twice",
    )
)
add(
    bad_model(
        "body-without-organisations",
        "silent",
        replace("organisations: [a]\n  members", "organisations: []\n  members"),
        LOCATED + r"bodies\[0\]\.organisations: must list at least one",
    )
)
add(
    bad_model(
        "delegation-without-matters",
        "silent",
        replace("matters: [approve_expenditure]", "matters: []"),
        LOCATED + r"delegations\[0\]\.matters: must list at least one",
    )
)
add(
    bad_model(
        "blank-name",
        "silent",
        model(org_name="   "),
        LOCATED + r"organisations\[0\]\.name: must not be blank",
    )
)
add(
    bad_model(
        "name-with-newline",
        "silent",
        model(org_name="Alpha\nInjected"),
        LOCATED + r"organisations\[0\]\.name: must be one line",
    )
)
add(
    bad_model(
        "name-with-final-newline",
        "silent",
        model(org_name="Alpha\n"),
        r"m\.yaml:5:9: organisations\[0\]\.name: must be one line",
    )
)
add(
    bad_model(
        "id-with-final-newline",
        "silent",
        replace("- id: b\n", '- id: "b\\n"\n'),
        LOCATED + r"organisations\[1\]\.id: .*not a usable id",
    )
)
for ch, slug, label in [
    ("\\0", "nul", "NUL"),
    ("\\e", "esc", "ESCAPE"),
    ("\\x07", "bell", "BELL"),
    ("\\b", "backspace", "BACKSPACE"),
    ("\\x7f", "del", "DELETE"),
    ("\\x9b", "csi", "U\\+009B"),
    ("\\r", "cr", "one line"),
]:
    text = replace('name: "Alpha NHS Foundation Trust"', f'name: "Alpha{ch}Trust"')
    add(
        bad_model(
            f"escape-{slug}-in-name",
            "silent",
            text,
            r"m\.yaml:5:9: organisations\[0\]\.name: .*" + label,
        )
    )
add(
    bad_model(
        "raw-nul-on-line-5",
        "unlocated",
        replace('  name: "Alpha NHS Foundation Trust"', "  name: Alpha\x00Trust").encode(),
        r"m\.yaml:5:14: the control character U\+0000 \(NUL\)",
    )
)
add(
    bad_model(
        "raw-escape-on-line-5",
        "unlocated",
        replace('  name: "Alpha NHS Foundation Trust"', "  name: Alpha\x1b[2JTrust").encode(),
        r"m\.yaml:5:14: the control character U\+001B \(ESCAPE\)",
    )
)
add(
    bad_model(
        "bad-byte-on-line-5",
        "unlocated",
        replace('  name: "Alpha NHS Foundation Trust"', "  name: Alpha")
        .encode()
        .replace(b"Alpha\n", b"Alph\xe9\n", 1),
        r"m\.yaml:5:13: byte 0xE9 is not UTF-8",
    )
)
add(
    bad_model(
        "latin1-file",
        "unlocated",
        "name: Caf\u00e9\n".encode("latin-1"),
        r"m\.yaml:1:10: byte 0xE9 is not UTF-8.*Save the file as UTF-8",
    )
)
add(
    bad_model(
        "truncated-utf8",
        "unlocated",
        "name: caf\u00e9".encode()[:-1],
        r"m\.yaml:1:10: byte 0xC3 is not UTF-8",
    )
)
add(
    cli(
        "utf16-with-bom-loads",
        "silent",
        ["show", "{m}"],
        0,
        files={"m.yaml": BASE.encode("utf-16")},
        out=r"Hostile test",
    )
)
add(
    cli(
        "utf8-bom-loads",
        "silent",
        ["show", "{m}"],
        0,
        files={"m.yaml": b"\xef\xbb\xbf" + BASE.encode()},
        out=r"Hostile test",
    )
)
add(
    bad_model(
        "tab-indentation",
        "unlocated",
        replace("  name: Beta NHS Trust", "\tname: Beta NHS Trust"),
        LOCATED + r".*not valid YAML",
    )
)
add(
    bad_model(
        "duplicate-key",
        "unlocated",
        replace("  type: nhs_trust\n", "  type: nhs_trust\n  type: ft\n"),
        r"m\.yaml:10:3: organisations\[1\]\.type: key 'type' appears twice",
    )
)
add(
    bad_model(
        "unknown-top-key-with-anchor",
        "unlocated",
        "x-base: &base {type: nhs_trust}\n" + BASE,
        r"m\.yaml:1:1: x-base: unknown key",
    )
)
add(
    cli(
        "merge-override-valid",
        "unlocated",
        ["show", "{m}", "--format", "json"],
        0,
        text=BASE.replace(
            "- id: b\n  name: Beta NHS Trust\n  type: nhs_trust\n",
            "- &beta\n  id: b\n  name: Beta NHS Trust\n  type: nhs_trust\n",
        ).replace("bodies:\n", "- <<: *beta\n  id: c\n  name: Gamma NHS Trust\nbodies:\n", 1),
        out=r'"id": "c",\s+"name": "Gamma NHS Trust",\s+"type": "nhs_trust"',
    )
)
add(
    cli(
        "merge-list-first-wins",
        "unlocated",
        ["show", "{m}", "--format", "json"],
        0,
        text=BASE.replace(
            "- id: b\n  name: Beta NHS Trust\n  type: nhs_trust\n",
            "- &beta\n  id: b\n  name: Beta NHS Trust\n  type: nhs_trust\n",
        ).replace("bodies:\n", "- <<: [{name: First, type: ft}, *beta]\n  id: c\nbodies:\n", 1),
        out=r'"id": "c",\s+"name": "First",\s+"type": "nhs_foundation_trust"',
    )
)
add(
    bad_model(
        "python-tag",
        "injection",
        "name: !!python/object/apply:os.system ['echo hi']\n",
        r"m\.yaml:1:7: name: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    )
)
add(
    bad_model(
        "custom-tag",
        "injection",
        replace('name: "Hostile test"', "name: !secret x"),
        r"m\.yaml:1:7: name: the YAML tag '!secret' is not allowed",
    )
)
add(
    bad_model(
        "binary-tag",
        "silent",
        replace('name: "Hostile test"', "name: !!binary aGk="),
        r"m\.yaml:1:7: .*not allowed",
    )
)
add(
    bad_model(
        "int-tag-on-text",
        "silent",
        model(limit="!!int abc"),
        LOCATED + r".*'abc' is not a valid int",
    )
)
add(
    cli(
        "str-tag-keeps-text",
        "silent",
        ["show", "{m}", "--format", "json"],
        0,
        text=replace("  type: nhs_trust\n", "  type: nhs_trust\n  ods: !!str 017\n"),
        out=r'"ods": "017"',
    )
)
add(
    bad_model(
        "key-not-text",
        "silent",
        replace("  type: nhs_trust\n", "  type: nhs_trust\n  1: x\n"),
        r"m\.yaml:10:3: organisations\[1\]: key 1 is not text",
    )
)
add(
    bad_model(
        "complex-key",
        "silent",
        replace("  type: nhs_trust\n", "  type: nhs_trust\n  ? [a]\n  : x\n"),
        LOCATED + r".*a list cannot be a key",
    )
)
add(
    bad_model(
        "date-week-form",
        "silent",
        model(as_of="2020-W01-1"),
        r"m\.yaml:2:8: as_of: '2020-W01-1' is not a valid date",
    )
)
add(
    bad_model(
        "date-compact-form",
        "silent",
        model(as_of="20200101"),
        r"m\.yaml:2:8: as_of: .*(not a valid date|expected text)",
    )
)
add(
    bad_model(
        "date-impossible",
        "silent",
        model(as_of="2021-02-29"),
        r"m\.yaml:2:8: as_of: '2021-02-29' is not a valid date",
    )
)
add(
    bad_model(
        "date-with-time",
        "silent",
        model(as_of="2020-01-01T10:00:00"),
        r"m\.yaml:2:8: as_of: .*not a valid date",
    )
)
add(
    bad_model(
        "end-before-start",
        "silent",
        replace("  limit: 100000\n", "  limit: 100000\n  start: 2020-01-01\n  end: 2019-01-01\n"),
        LOCATED + r"delegations\[0\]\.end: ends \(2019-01-01\) before it starts",
    )
)
add(
    bad_model(
        "quorum-huge",
        "silent",
        replace("  reports_to: [a.board]\n", "  reports_to: [a.board]\n  quorum: 10000000000000\n"),
        LOCATED + r"bodies\[1\]\.quorum: .*larger than any plausible",
    )
)
add(
    bad_model(
        "contract-value-negative",
        "silent",
        BASE.replace(
            "contracts: []\n",
            "contracts:\n- {id: c1, name: C, commissioners: [a], providers: [b], value: -1}\n",
        ),
        LOCATED + r"contracts\[0\]\.value: -1 is negative",
    )
)
add(
    bad_model(
        "contract-no-providers",
        "silent",
        BASE.replace(
            "contracts: []\n",
            "contracts:\n- {id: c1, name: C, commissioners: [a], providers: []}\n",
        ),
        LOCATED + r"contracts\[0\]\.providers: must list at least one",
    )
)
add(
    bad_model(
        "agreement-no-parties",
        "silent",
        BASE.replace(
            "agreements: []\n",
            "agreements:\n- {id: g1, name: G, kind: memorandum_of_understanding, parties: []}\n",
        ),
        LOCATED + r"agreements\[0\]\.parties: must list at least one",
    )
)

for argv, err in [
    (
        ["who", "{m}", "approve_expenditure", "--amount=-5"],
        r"--amount: '-5' is not a sum of money",
    ),
    (["who", "{m}", "approve_expenditure", "--amount", "1.50"], r"not a whole number of pounds"),
    (["who", "{m}", "approve_expenditure", "--amount", "1e20"], r"is not a sum of money"),
    (
        ["who", "{m}", "approve_expenditure", "--amount", "10000000000000"],
        r"larger than any plausible",
    ),
    (["who", "{m}", "approve_expenditure", "--amount", "lots"], r"is not a sum of money"),
    (["who", "{m}", "approve_expenditure", "--amount", "25,00"], r"is not a sum of money"),
    (["check", "{m}", "--on", "2020-W01-1"], r"--on: '2020-W01-1' is not a date"),
    (["check", "{m}", "--on", "20200101"], r"is not a date"),
    (["check", "{m}", "--on", "2021-02-29"], r"is not a date"),
    (["check", "{m}", "--on", "9999-12-31"], r"is outside the dates"),
    (["forms", "--party", "ft", "--on", "1900-01-01"], r"is outside the dates"),
    (["check", "{m}", "--on", " 2020-01-01"], r"is not a date"),
]:
    add(
        cli(
            "arg-" + "-".join(a for a in argv[3:] if a != "{m}")[:40].replace("/", "_"),
            "silent",
            argv,
            2,
            err=err,
        )
    )
for text, amount in [
    ("£250,000", "250,000"),
    ("250000", "250,000"),
    ("£1.5m", "1,500,000"),
    ("250k", "250,000"),
    ("GBP 2bn", "2,000,000,000"),
    ("£1,000", "1,000"),
]:
    add(
        cli(
            f"amount-{text}",
            "silent",
            ["who", "{m}", "approve_expenditure", "--amount", text],
            0,
            out=rf"for £{amount} on",
        )
    )

# -- JSON read as JSON ---------------------------------------------------------------------------

JSON = json.dumps(
    {
        "name": "J",
        "as_of": "2023-04-01",
        "organisations": [{"id": "a", "name": "A", "type": "ft"}],
        "bodies": [],
        "posts": [],
        "delegations": [],
        "agreements": [],
        "contracts": [],
    },
    indent=2,
)
for i, (text, err) in enumerate(
    [
        (
            JSON.replace('"type": "ft"\n', '"type": "ft",\n'),
            r"j\.json:9:5: not valid JSON: a comma after the last item.*no trailing comma",
        ),
        (
            JSON.replace('"contracts": []\n', '"contracts": [],\n'),
            r"j\.json:16:1: not valid JSON: a comma after the last",
        ),
        (JSON.replace('"J"', "'J'"), r"j\.json:2:11: not valid JSON.*double quotes"),
        (
            JSON.replace('{\n  "name"', '{\n  // comment\n  "name"'),
            r"j\.json:2:3: not valid JSON.*no comments",
        ),
        (JSON.replace('"J"', "NaN"), r"j\.json:2:11: not valid JSON.*NaN"),
        (JSON.replace('"J"', "Infinity"), r"j\.json:2:11: .*Infinity"),
        (
            JSON.replace('"name": "J"', '"name": "J", "name": "K"'),
            r"j\.json:2:16: name: key 'name' appears twice",
        ),
        (
            JSON.replace('"A"', '"A\\u0000B"'),
            r"j\.json:7:15: organisations\[0\]\.name: the control character U\+0000 \(NUL\)",
        ),
        (
            JSON.replace('"A"', '"A\\u001b[31mB"'),
            r"j\.json:7:15: organisations\[0\]\.name: .*ESCAPE",
        ),
        (JSON.replace('"A"', '"A\u0085B"'), r"j\.json:7:\d+: .*U\+0085"),
        (JSON[:-5], r"j\.json:\d+:\d+: not valid JSON"),
        (
            JSON.replace('"ft"', '"ft" "x"'),
            r"j\.json:8:20: not valid JSON: Expecting ',' delimiter",
        ),
    ]
):
    add(
        Case(
            f"json-{i}",
            "unlocated",
            ["show", "{d}/j.json"],
            2,
            files={"j.json": text},
            err=err,
            forbid=(r"not valid YAML",),
        )
    )
add(Case("json-valid", "silent", ["show", "{d}/j.json"], 0, files={"j.json": JSON}, out=r"^J\n"))
add(
    Case(
        "json-tabs-valid",
        "silent",
        ["check", "{d}/j.json"],
        0,
        files={"j.json": JSON.replace("  ", "\t")},
    )
)
add(
    Case(
        "json-one-line-located",
        "unlocated",
        ["show", "{d}/j.json"],
        2,
        files={"j.json": json.dumps(json.loads(JSON) | {"colour": 1})},
        err=r"j\.json:1:\d{3}: colour: unknown key",
    )
)
add(
    Case(
        "json-float-limit",
        "silent",
        ["show", "{d}/j.json"],
        2,
        files={
            "j.json": JSON.replace(
                '"bodies": []',
                '"bodies": [{"id": "b", "name": "B", '
                '"kind": "board", "organisations": ["a"], "quorum": 2.5}]',
            )
        },
        err=r"j\.json:\d+:\d+: bodies\[0\]\.quorum: expected a whole number, got 2\.5",
    )
)
add(
    Case(
        "json-named-yaml-still-yaml",
        "unlocated",
        ["show", "{m}"],
        0,
        files={"m.yaml": JSON},
        out=r"^J\n",
    )
)
add(
    Case(
        "json-content-without-suffix",
        "unlocated",
        ["show", "{d}/model"],
        2,
        files={"model": JSON.replace('"ft"\n', '"ft",\n')},
        err=r"model:9:5: not valid JSON",
        forbid=(r"not valid YAML",),
    )
)

# -- injection: what a name must never add to an output -------------------------------------------

INJECT = "x\n%%{init: {'theme':'dark'}}%%\nclick a.board call alert()\n"
FORBID = (
    r"(?m)^\s*%%\{",
    r"(?m)^\s*click ",
    r"<script",
    r"(?m)^\s*=",
    r"\x1b",
    r",=",
    r",\+",
    r",@",
)
for fmt in ("mmd", "dot", "csv"):
    sub = "table" if fmt == "csv" else "draw"
    add(
        Case(
            f"api-built-newline-{fmt}",
            "injection",
            [sub, "{m}", "-o", f"{{d}}/o.{fmt}"],
            0,
            files={"m.yaml": model(name="A%%{init}%% x", org_name="=1+2", body_name="@SUM(A1)")},
            forbid=FORBID,
            made=(f"o.{fmt}",),
        )
    )
for i, text in enumerate(["=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1", '=HYPERLINK("http://x")']):
    add(
        Case(
            f"csv-formula-{i}",
            "injection",
            ["table", "{m}", "-o", "{d}/o.csv", "--kind", "membership"],
            0,
            files={"m.yaml": model(body_name=text)},
            forbid=FORBID,
            made=("o.csv",),
        )
    )
for name in ["\u202eReversed", "Zero\u200bwidth", "BOM\ufeffinside"]:
    add(
        Case(
            f"terminal-invisible-{ord(name[4]):x}",
            "injection",
            ["show", "{m}"],
            0,
            files={"m.yaml": model(org_name=name)},
            forbid=("\u202e", "\u200b", "\ufeff"),
            out=r"\\u(202e|200b|feff)",
        )
    )
add(
    Case(
        "terminal-filename-escape",
        "injection",
        ["show", "{d}/\x1b[31mred.yaml"],
        2,
        err=r"\\u001b\[31mred\.yaml",
        forbid=("\x1b",),
    )
)
add(
    Case(
        "terminal-party-name-escape",
        "injection",
        ["forms", "--party", "ft=\x1b[2Jgone", "--on", "2023-01-01"],
        0,
        out=r"\\u001b\[2Jgone",
        forbid=("\x1b",),
    )
)
add(
    Case(
        "terminal-json-party-name",
        "injection",
        ["forms", "--party", "ft=\x1b]0;x\x07", "--on", "2023-01-01", "--format", "json"],
        0,
        out=r"\\u001b",
        forbid=("\x1b", "\x07"),
    )
)
add(
    Case("terminal-usage-error-escape", "injection", ["\x1b[2J"], 2, err=r"\\x1b", forbid=("\x1b",))
)
add(
    Case(
        "two-delegations-both-drawn",
        "injection",
        ["draw", "{m}", "-o", "-"],
        0,
        files={
            "m.yaml": model(
                delegation_extra="- id: d2\n  from: a.board\n  to: a.committee\n"
                "  matters: [approve_business_case]\n"
            )
        },
        # both delegations are drawn: as two lines, or (main's diagrams since the merge)
        # as one line that lists each
        out=r"(?s)(expenditure.*business case|business case.*expenditure)",
    )
)
add(
    Case(
        "ids-a.b-and-a_b-stay-apart",
        "injection",
        ["draw", "{m}", "-o", "-", "--format", "mmd"],
        0,
        files={
            "m.yaml": BASE.replace(
                "- id: a.committee\n  name: Finance committee\n",
                "- id: a.committee\n  name: Finance committee\n",
            ).replace(
                "bodies:\n",
                "bodies:\n- {id: a.x, name: Dot, kind: committee, organisations: [a]}\n"
                "- {id: a_x, name: Underscore, kind: committee, organisations: [a]}\n",
                1,
            )
        },
        out=r"(?s)(n_a_2e_x.*n_a__x|n_a__x.*n_a_2e_x)",
    )
)
add(
    Case(
        "id-like-legend",
        "injection",
        ["draw", "{m}", "-o", "-"],
        0,
        files={
            "m.yaml": BASE.replace(
                "bodies:\n",
                "bodies:\n- {id: legend__key, name: Sneaky, kind: "
                "committee, organisations: [a]}\n- {id: org__a, name: Org, kind: committee, "
                "organisations: [a]}\n",
                1,
            )
        },
        out=r"(?s)id__legend__key.*id__org__a",
    )
)
add(
    Case(
        "id-dot-keyword",
        "injection",
        ["draw", "{m}", "-o", "{d}/k.svg"],
        0,
        files={
            "m.yaml": BASE.replace(
                "bodies:\n",
                "bodies:\n- {id: node, name: N, kind: committee, "
                "organisations: [a]}\n- {id: graph, name: G, kind: committee, "
                "organisations: [a]}\n",
                1,
            )
        },
        made=("k.svg",),
        seconds=20,
    )
)


add(
    Case(
        "terminal-json-c1-party-name-stays-json",
        "injection",
        ["forms", "--party", "ft=a\x9bb", "--on", "2023-01-01", "--format", "json"],
        0,
        out=r'"name": "a\\u009bb"',
    )
)
add(
    Case(
        "check-json-stays-json",
        "injection",
        ["check", "{m}", "--format", "json"],
        0,
        files={"m.yaml": model(org_name="Alpha \u202e Trust")},
        out=r'"diagnostics"',
    )
)


add(
    cli(
        "example-path-traversal",
        "injection",
        ["example", "../../../../etc/hostname"],
        2,
        err=r"no example with id",
    )
)
add(
    cli(
        "draw-suffix-and-format-disagree",
        "silent",
        ["draw", "{m}", "-o", "{d}/x.png", "--format", "svg"],
        2,
        err=r"the suffix says png",
        absent=("x.png",),
    )
)
add(
    cli(
        "model-ignore-typo",
        "silent",
        ["check", "{m}"],
        2,
        text=model(extra="ignore: [GM41O]\n"),
        err=r"m\.yaml:35:10: ignore\[0\]: 'GM41O' is not a finding code.*GM401",
    )
)
add(
    cli(
        "model-expected-typo",
        "silent",
        ["check", "{m}"],
        2,
        text=model(extra="expected:\n- {code: GM9O1, reason: known}\n"),
        err=r"m\.yaml:36:\d+: expected\[0\]\.code: 'GM9O1' is not a finding code",
    )
)


# -- the commands that came with the second wave ------------------------------------------------

add(
    cli(
        "pack-refuses-existing",
        "data-loss",
        ["pack", "{m}", "-o", "{d}/p.html"],
        2,
        files={"p.html": "keep"},
        err=r"p\.html: already exists",
    )
)
add(
    cli(
        "pack-html-injection",
        "injection",
        ["pack", "{m}", "-o", "{d}/p.html"],
        0,
        text=model(name="<script>alert(1)</script>", org_name="<img src=x onerror=alert(1)>"),
        made=("p.html",),
        forbid=(r"<script>alert", r"<img src=x"),
        seconds=30,
    )
)
add(
    cli(
        "export-refuses-existing",
        "data-loss",
        ["export", "{m}", "-o", "{d}/e.graphml"],
        2,
        files={"e.graphml": "keep"},
        err=r"e\.graphml: already exists",
    )
)
add(
    cli(
        "export-to-dev-null",
        "data-loss",
        ["export", "{m}", "-o", "/dev/null", "--format", "json", "--force"],
        2,
        err=r"/dev/null: is not a regular file",
    )
)
add(
    cli(
        "export-graphml-injection",
        "injection",
        ["export", "{m}", "-o", "-", "--format", "graphml"],
        0,
        text=model(org_name="</data><script>x</script>"),
        forbid=(r"<script>",),
    )
)
add(
    cli(
        "import-not-a-workbook",
        "traceback",
        ["import", "{m}", "-o", "{d}/x.yaml"],
        2,
        err=r"m\.yaml",
    )
)
add(
    cli(
        "import-missing-workbook",
        "traceback",
        ["import", "{d}/none.xlsx", "-o", "{d}/x.yaml"],
        2,
        err=r"none\.xlsx",
    )
)
add(
    cli(
        "template-refuses-existing",
        "data-loss",
        ["table", "--template", "-o", "{d}/t.xlsx"],
        2,
        files={"t.xlsx": "keep"},
        err=r"t\.xlsx: already exists",
    )
)
add(
    cli(
        "timeline-chart-to-a-folder",
        "data-loss",
        ["timeline", "--party", "ft", "--party", "icb", "-o", "{d}/c.svg", "--force"],
        2,
        files={"c.svg/keep": "x"},
        err=r"c\.svg: is a directory",
    )
)
add(
    cli(
        "what-escape-in-holder", "injection", ["what", "{m}", "\x1b[2Ja.board"], 2, forbid=("\x1b",)
    )
)
add(
    cli(
        "what-to-closed-stdout",
        "output",
        ["what", "{m}", "a.board"],
        2,
        stdout="closed",
        err=r"<standard output>: it is closed",
    )
)
add(
    cli(
        "rules-facts-to-full-stdout",
        "output",
        ["rules", "--facts"],
        2,
        stdout="full",
        err=r"<standard output>: no space left",
    )
)


# -- the Python API --------------------------------------------------------------------------------


def _m(tmp: Path) -> govmodel.GovernanceModel:
    return govmodel.loads(BASE, filename="m.yaml")


API: list[ApiCase] = [
    ApiCase(
        "forms-one-tuple",
        "api",
        lambda t: govmodel.forms([("ft",)], on="2023-01-01"),
        errors.InvalidParty,
        r"parties\[0\]=\('ft',\)",
    ),
    ApiCase(
        "forms-three-tuple",
        "api",
        lambda t: govmodel.forms([("ft", "A", "x")], on="2023-01-01"),
        errors.InvalidParty,
        r"parties\[0\]",
    ),
    ApiCase(
        "forms-number",
        "api",
        lambda t: govmodel.forms([5], on="2023-01-01"),
        errors.InvalidParty,
        r"parties\[0\]=5",
    ),
    ApiCase(
        "forms-a-string",
        "api",
        lambda t: govmodel.forms("ft", on="2023-01-01"),
        errors.InvalidParty,
        r"subject='ft'",
    ),
    ApiCase(
        "forms-no-parties",
        "api",
        lambda t: govmodel.forms([], on="2023-01-01"),
        errors.InvalidParty,
        r"^parties=\[\].*at least one party",
    ),
    ApiCase("forms-no-date", "api", lambda t: govmodel.forms(["ft"]), TypeError, r"on=DATE"),
    ApiCase(
        "forms-bad-date",
        "api",
        lambda t: govmodel.forms(["ft"], on="2023-13-01"),
        errors.InvalidDate,
        r"^on='2023-13-01'.*no such day",
    ),
    ApiCase(
        "forms-week-date",
        "api",
        lambda t: govmodel.forms(["ft"], on="2020-W01-1"),
        ValueError,
        r"^on='2020-W01-1'",
    ),
    ApiCase(
        "forms-datetime",
        "api",
        lambda t: govmodel.forms(["ft"], on=datetime(2023, 1, 1, 9)),
        None,
        ok=lambda r: r.on == date(2023, 1, 1),
    ),
    ApiCase(
        "check-timestamp",
        "api",
        lambda t: govmodel.check(_m(t), on=__import__("pandas").Timestamp("2023-04-01")),
        None,
        ok=lambda r: r.on == date(2023, 4, 1),
    ),
    ApiCase(
        "check-int-date",
        "api",
        lambda t: govmodel.check(_m(t), on=20230401),
        errors.InvalidDate,
        r"^on=20230401",
    ),
    ApiCase(
        "check-select-typo",
        "api",
        lambda t: govmodel.check(_m(t), select=["GM41O"]),
        errors.UnknownCode,
        r"GM401",
    ),
    ApiCase(
        "check-ignore-typo",
        "api",
        lambda t: govmodel.check(_m(t), ignore=["GM9999"]),
        ValueError,
        r"ignore='GM9999'",
    ),
    ApiCase("check-select-a-string", "api", lambda t: govmodel.check(_m(t), select="GM401"), None),
    ApiCase(
        "trace-bad-date",
        "api",
        lambda t: govmodel.trace(_m(t), "a.board", on="soon"),
        errors.InvalidDate,
        r"^on='soon'",
    ),
    ApiCase(
        "who-bad-date",
        "api",
        lambda t: govmodel.who_can_decide(_m(t), "approve_expenditure", on="2023/04/01"),
        errors.InvalidDate,
        r"^on=",
    ),
    ApiCase(
        "draw-bad-date",
        "api",
        lambda t: govmodel.draw(_m(t), on=[2023]),
        errors.InvalidDate,
        r"^on=\[2023\]",
    ),
    ApiCase(
        "timeline-bad-start",
        "api",
        lambda t: govmodel.timeline(["ft"], start="x", end="2020-01-01"),
        errors.InvalidDate,
        r"^start='x'",
    ),
    ApiCase(
        "timeline-end-first",
        "api",
        lambda t: govmodel.timeline(["ft"], start="2021-01-01", end="2020-01-01"),
        errors.InvalidArgument,
        r"^end=",
    ),
    ApiCase(
        "record-bad-start",
        "api",
        lambda t: govmodel.Organisation("x", "X", "ft", start="2020-1-1"),
        errors.InvalidDate,
        r"^start='2020-1-1'",
    ),
    ApiCase(
        "record-empty-id",
        "api",
        lambda t: govmodel.Organisation("", "X", "ft"),
        errors.InvalidRecord,
        r"id must be",
    ),
    ApiCase(
        "model-bad-as-of",
        "api",
        lambda t: govmodel.GovernanceModel(name="x", as_of="today"),
        errors.InvalidDate,
        r"^as_of='today'",
    ),
    ApiCase(
        "save-dev-null",
        "api",
        lambda t: govmodel.save(_m(t), "/dev/null", overwrite=True),
        errors.OutputError,
        r"/dev/null: is not a regular file",
    ),
    ApiCase(
        "save-existing",
        "api",
        lambda t: (t.joinpath("x.yaml").write_text("k"), govmodel.save(_m(t), t / "x.yaml")),
        errors.OverwriteRefused,
        r"already exists",
    ),
    ApiCase(
        "save-directory",
        "api",
        lambda t: govmodel.save(_m(t), t, overwrite=True),
        errors.OutputError,
        r"is a directory",
    ),
    ApiCase(
        "render-existing",
        "api",
        lambda t: (
            t.joinpath("x.dot").write_text("k"),
            govmodel.render(govmodel.draw(_m(t)), t / "x.dot"),
        ),
        FileExistsError,
        r"already exists",
    ),
    ApiCase(
        "dumps-bad-format",
        "api",
        lambda t: govmodel.dumps(_m(t), format="xml"),
        errors.InvalidArgument,
        r"^format='xml'",
    ),
    ApiCase(
        "table-bad-kind",
        "api",
        lambda t: importlib.import_module("govmodel.render.tables").table(_m(t), "graph"),
        errors.InvalidArgument,
        r"^kind='graph'",
    ),
    ApiCase(
        "loads-billion-laughs",
        "api",
        lambda t: govmodel.loads(LAUGHS),
        errors.ModelError,
        r"the limit",
        seconds=2,
    ),
    ApiCase(
        "loads-deep",
        "api",
        lambda t: govmodel.loads("a: " + "[" * 10000),
        errors.ModelError,
        r"nested more than 64",
    ),
    ApiCase(
        "loads-json-deep",
        "api",
        lambda t: govmodel.loads('{"a": ' + "[" * 100000 + "]" * 100000 + "}", format="json"),
        errors.ModelError,
        r"nested",
    ),
    ApiCase(
        "builder-control-character",
        "api",
        lambda t: (
            govmodel.Builder("B\x1b", as_of="2023-01-01").organisation("a", "A", "ft").build()
        ),
        errors.ModelError,
        r"name: the control character",
    ),
    ApiCase(
        "builder-newline-name",
        "api",
        lambda t: govmodel.Builder("x", as_of="2023-01-01").organisation("a", "A\nB", "ft").build(),
        errors.ModelError,
        r"must be one line",
    ),
    ApiCase(
        "mermaid-raw-model-newline",
        "api",
        lambda t: govmodel.to_mermaid(
            govmodel.GovernanceModel(
                name="x\n%%{init: {}}%%\nclick n_a call alert()",
                as_of="2023-01-01",
                organisations=[govmodel.Organisation("a", "A\nclick x", "ft")],
            )
        ),
        None,
        ok=lambda text: "\n%%{" not in text and "\nclick" not in text,
    ),
    ApiCase(
        "dot-raw-model-backslash",
        "api",
        lambda t: govmodel.draw(
            govmodel.GovernanceModel(
                name="x\\",
                as_of="2023-01-01",
                organisations=[govmodel.Organisation("a", "A\\", "ft")],
            )
        ).pipe(format="svg"),
        None,
        ok=lambda svg: b"<svg" in svg,
        seconds=20,
    ),
    ApiCase(
        "errors-share-one-root",
        "api",
        lambda t: all(issubclass(getattr(errors, n), errors.GovModelError) for n in errors.__all__),
        None,
        ok=bool,
    ),
]
