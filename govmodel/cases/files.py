"""Case files: YAML lists of cases in the rulebook's own vocabulary, read strictly.

A case file is::

    name: MSECC 2023 regression cases        # optional
    cases:
    - name: EPUT and NELFT only              # optional
      parties: [ft=EPUT, ft=NELFT, cic=Provide]
      on: 2023-04-01
      form: joint_committee
      verdict: partial
      eligible: [EPUT, NELFT]
    - example: msecc-2023                     # or model: my-scheme.yaml
      on: 2023-04-01
      findings: [GM401@eput-to-msecc]
      no_findings: [GM201]

Each case is one of the rule files' kinds (``cases:`` in
``govmodel/law/rules/*.yaml``, their schema in ``rules.schema.json``), read by
the same function (:func:`govmodel.law.rulebook.read_case`). Every problem in
every file is reported at once, located, before any case runs: the schema of the
case's own kind, one question per model case, bundled examples that do not exist,
model and policy files that are missing or do not load.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

import attrs

from govmodel import examples
from govmodel.errors import CaseFileError, LocatedError, UnknownKind
from govmodel.io.files import load, load_policies, read_text
from govmodel.io.validate import Locator, kind_problem, schema_problems
from govmodel.law.base import Case
from govmodel.law.rulebook import read_case
from govmodel.law.rulefile import rules_dir
from govmodel.law.rules import rulebook
from govmodel.locations import Location, Path, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import FormId, Kind, PartyType, closest
from govmodel.model.policies import PolicySet
from govmodel.reading import parse

__all__ = ["CASE_FILE_SUFFIXES", "CaseFile", "Loaded", "case_file_schema", "find", "read"]

#: What a case file's name ends with, when ``govmodel test`` looks for them in a folder.
CASE_FILE_SUFFIXES = (".cases.yaml", ".cases.yml")

_KINDS = ("forms_case", "reserved_case", "existence_case", "example_case")
_QUESTIONS = (
    ("finding", "findings", "no_findings"),
    ("trace",),
    ("classify",),
    ("who",),
)


@functools.cache
def _case_defs() -> dict[str, Any]:
    schema = json.loads((rules_dir() / "rules.schema.json").read_text(encoding="utf-8"))
    defs: dict[str, Any] = schema["$defs"]
    return defs


def case_file_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a case file; each case is one of the rule files'
    case kinds (the ``$defs`` of ``rules.schema.json``)."""
    defs = copy.deepcopy(_case_defs())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govmodel.readthedocs.io/schema/cases.json",
        "title": "govmodel case file",
        "type": "object",
        "additionalProperties": False,
        "required": ["cases"],
        "properties": {
            "$schema": {"type": "string"},
            "name": {"type": "string", "minLength": 1, "description": "What the cases are."},
            "description": {"type": "string"},
            "cases": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/case"}},
        },
        "$defs": defs,
    }


@functools.cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    """A validator of one kind of case, or of the file's top level (``file``). The
    example kind's "one question" and "example or model" are said in code instead,
    with messages that name the keys."""
    defs = copy.deepcopy(_case_defs())
    if kind == "file":
        schema = case_file_schema()
        schema["properties"]["cases"] = {"type": "array", "minItems": 1}
    else:
        defs["example_case"].pop("oneOf", None)
        defs["example_case"].pop("anyOf", None)
        schema = {"$ref": f"#/$defs/{kind}", "$defs": defs}
    import jsonschema  # imported when the file is read, not with govmodel

    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@attrs.frozen(kw_only=True)
class CaseFile:
    """The cases of one file, each with its location."""

    path: str
    name: str | None
    cases: tuple[Case, ...]


@attrs.frozen(kw_only=True)
class Loaded:
    """Case files read, with the models and policy files their cases name, loaded once
    each (keyed by the case's ``example``, or the resolved path of its ``model``)."""

    files: tuple[CaseFile, ...]
    models: dict[str, GovernanceModel]
    policies: dict[str, PolicySet]


def find(paths: Iterable[str | FsPath]) -> tuple[list[FsPath], list[Problem]]:
    """The case files ``paths`` name: files as given, folders searched (recursively,
    in name order) for files ending in :data:`CASE_FILE_SUFFIXES`."""
    found: list[FsPath] = []
    problems: list[Problem] = []
    for given in paths:
        p = FsPath(given)
        if p.is_dir():
            inside = sorted(f for f in p.rglob("*") if f.name.endswith(CASE_FILE_SUFFIXES))
            if not inside:
                problems.append(
                    Problem(
                        (),
                        "no case files in this folder",
                        f"Case files in a folder end in {' or '.join(CASE_FILE_SUFFIXES)}; "
                        "or name the files themselves.",
                        Location(str(p), 1, 1),
                    )
                )
            found += inside
        elif p.is_file():
            found.append(p)
        else:
            problems.append(
                Problem((), "no such file or folder", "Check the path.", Location(str(p), 1, 1))
            )
    return found, problems


def read(paths: Sequence[str | FsPath], *, extra: Sequence[CaseFile] = ()) -> Loaded:
    """Read the case files ``paths`` (see :func:`find`), after the ``extra`` ones
    already read (the rulebook's cases, say), and everything their cases name; raise
    :class:`~govmodel.errors.CaseFileError` listing every problem."""
    found, problems = find(paths)
    files = list(extra)
    for path in found:
        case_file, more = _read_one(path)
        problems += more
        if case_file is not None:
            files.append(case_file)
    models: dict[str, GovernanceModel] = {}
    policies: dict[str, PolicySet] = {}
    tried: set[str] = set()
    for case_file in files:
        problems += _load_named(case_file, models, policies, tried)
    if problems:
        raise CaseFileError(sorted(problems, key=_order))
    return Loaded(files=tuple(files), models=models, policies=policies)


def _order(p: Problem) -> tuple[str, int, int, str]:
    loc = p.location
    return (loc.file, loc.line, loc.column, p.message) if loc else ("", 0, 0, p.message)


def _read_one(path: FsPath) -> tuple[CaseFile | None, list[Problem]]:
    try:
        text = read_text(path, CaseFileError, "Check the path of the case file.")
    except CaseFileError as exc:
        return None, exc.problems
    parsed = parse(text, str(path))
    if parsed.problems:
        return None, list(parsed.problems)
    data = parsed.data
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [
            Problem(
                (),
                f"a case file must be a mapping with `cases:`, but this is {got}",
                "See `govmodel test --help`, or a bundled example's case file.",
                Location(str(path), 1, 1),
            )
        ]
    if "cases" not in data and ("as_of" in data or "organisations" in data):
        return None, [
            Problem(
                (),
                "this is a model file, not a case file",
                "Give case files (`cases:`); a case names its model with `model:`.",
                Location(str(path), 1, 1),
            )
        ]
    problems = schema_problems(_validator("file"), data, parsed.where)
    cases = []
    facts = rulebook().facts
    for i, entry in enumerate(data.get("cases") or []):
        at: Path = ("cases", i)
        more = _entry_problems(entry, at, parsed.where)
        if more:
            problems += more
            continue
        case, more = read_case(entry, rule_forms=[], facts=facts, where=parsed.where, path=at)
        problems += more
        if case is not None:
            cases.append(case)
    if problems:
        return None, problems
    return CaseFile(path=str(path), name=data.get("name"), cases=tuple(cases)), []


def _kind_of(entry: dict[str, Any]) -> str | None:
    if "exists" in entry:
        return "existence_case"
    if "matter" in entry:
        return "reserved_case"
    if "example" in entry or "model" in entry:
        return "example_case"
    if "parties" in entry or "verdict" in entry:
        return "forms_case"
    return None


def _entry_problems(entry: Any, at: Path, where: Locator) -> list[Problem]:
    """What is wrong with one case before it is read: its kind, its kind's schema, and
    for a model case, which model and which one question."""

    def problem(path: Path, message: str, hint: str) -> Problem:
        return Problem(path, message, hint, where(path))

    if not isinstance(entry, dict):
        return [problem(at, "a case must be a mapping of keys", "See the examples above.")]
    kind = _kind_of(entry)
    if kind is None:
        return [
            problem(
                at,
                "this case says neither what it asks nor of what",
                "Give `parties`, `on`, `form` and `verdict` (a forms case); `party`, `on` "
                "and `exists` (existence); `party`, `on`, `matter` and `reserved_to` "
                "(reserved); or `example` or `model`, `on` and one question: `findings`/"
                "`no_findings`, `trace`, `classify` with `character`, or `who`.",
            )
        ]

    def inner(sub: Path, *, key: bool = False) -> Any:
        return where((*at, *sub), key=key)

    found = [
        attrs.evolve(p, path=(*at, *p.path))
        for p in schema_problems(_validator(kind), entry, inner)
    ]
    found += _kind_problems(entry, at, where)
    if kind != "example_case":
        return found
    if "example" in entry and "model" in entry:
        found.append(
            problem((*at, "model"), "give `example` or `model`, not both", "Keep one of them.")
        )
    name = entry.get("example")
    if isinstance(name, str) and name not in examples.names():
        guess = closest(name, examples.names())
        hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
        found.append(
            problem(
                (*at, "example"),
                f"no bundled example {name!r}",
                f"{hint}`govmodel example --list` lists them; or give `model:` a file.",
            )
        )
    asked = [group[0] for group in _QUESTIONS if any(k in entry for k in group)]
    if len(asked) != 1:
        message = (
            "a model case asks one question"
            if asked
            else "this case names a model but asks nothing about it"
        )
        found.append(
            problem(
                at,
                message + (f"; this one asks {' and '.join(asked)}" if len(asked) > 1 else ""),
                "Ask `findings`/`no_findings`, `trace`, `classify` (with `character`) or `who`; "
                "split several questions into several cases.",
            )
        )
    return found


def _kind_problems(entry: dict[str, Any], at: Path, where: Locator) -> list[Problem]:
    """Party types and forms that are not govmodel's (read with their aliases)."""
    named: list[tuple[Path, Any, type[Kind]]] = [((*at, "form"), entry.get("form"), FormId)]
    named.append(((*at, "party"), entry.get("party"), PartyType))
    parties = entry.get("parties")
    for i, spec in enumerate(parties if isinstance(parties, list) else ()):
        if isinstance(spec, str):
            named.append(((*at, "parties", i), spec.split("=", 1)[0], PartyType))
    out = []
    for path, value, kind in named:
        if not isinstance(value, str):
            continue
        try:
            kind.parse(value)
        except UnknownKind as exc:
            out.append(kind_problem(exc, kind, value, path, where))
    return out


def model_key(case_file: CaseFile, case: Case) -> str:
    """The key of the model a model case is about in :attr:`Loaded.models`."""
    if case.example:
        return f"example:{case.example}"
    return str((FsPath(case_file.path).parent / str(case.model)).resolve())


def policy_keys(case_file: CaseFile, case: Case) -> list[str]:
    """The keys of the policy files a model case checks with, in :attr:`Loaded.policies`."""
    return [str((FsPath(case_file.path).parent / p).resolve()) for p in case.policy]


def _load_named(
    case_file: CaseFile,
    models: dict[str, GovernanceModel],
    policies: dict[str, PolicySet],
    tried: set[str],
) -> Iterator[Problem]:
    """Load each model and policy file ``case_file``'s cases name (once each); yield
    the problems, located in those files, or at the case when a file is missing."""
    for i, case in enumerate(case_file.cases):
        if case.kind != "example":
            continue
        wanted = [(model_key(case_file, case), "model", case.model or "")]
        keys = policy_keys(case_file, case)
        wanted += [(k, "policy", p) for p, k in zip(case.policy, keys, strict=True)]
        for key, what, given in wanted:
            if key in tried:
                continue
            tried.add(key)
            if what == "model" and case.example:
                models[key] = examples.load(case.example)
                continue
            if not FsPath(key).is_file():
                yield Problem(
                    ("cases", i, what),
                    f"no {what} file {given!r} (looked for {key})",
                    "Paths in a case file are relative to the case file.",
                    case.location,
                )
                continue
            try:
                if what == "model":
                    models[key] = load(key)
                else:
                    policies[key] = load_policies(key)
            except LocatedError as exc:
                yield from exc.problems
