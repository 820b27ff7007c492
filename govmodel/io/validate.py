"""Find every problem in a plain model document in one pass.

Three kinds of problem are collected together, so a user fixing a file sees
the whole list at once: kind names that are not recognised, JSON Schema
violations (unknown keys with a "did you mean", wrong types, bad dates), and
cross-record problems (duplicate ids, references to ids that do not exist,
periods that end before they start).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


from govmodel.errors import UnknownKind
from govmodel.io.schema import (
    ID_PATTERN,
    MAX_AMOUNT,
    NOT_BLANK,
    ONE_LINE_TEXT,
    field_specs,
    model_schema,
)
from govmodel.locations import Location, Path, Problem, an
from govmodel.model.dates import parse_iso_date
from govmodel.model.governance import COLLECTIONS
from govmodel.model.kinds import Kind, closest
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.policies import LOCAL_CODE, NAME_PATTERN
from govmodel.model.records import Membership
from govmodel.reading import numeral_advice, unsafe_character
from govmodel.reading.schema import key_problems, not_a_mapping, type_message

__all__ = ["Locator", "kind_problem", "normalise_kinds", "problems_in", "schema_problems"]

#: Finds the location of a path (``key=True``: the key itself) or returns None.
Locator = Callable[..., Location | None]

_REF_LABEL = {
    "organisations": "organisation",
    "bodies": "body",
    "posts": "post",
    "matters": "matter",
    "agreements": "agreement",
    "holders": "body or post",
}


def _nowhere(path: Path, *, key: bool = False) -> Location | None:
    return None


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(
        model_schema(), format_checker=jsonschema.FormatChecker()
    )


def _is_date(text: str) -> bool:
    return parse_iso_date(text) is not None


@functools.cache
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python (fastjsonschema): it stops at the first error,
    so a document it refuses is validated again with jsonschema for the full list."""
    import fastjsonschema

    return fastjsonschema.compile(model_schema(), formats={"date": _is_date})


def problems_in(
    data: Any, where: Locator = _nowhere, *, text_checked: bool = False
) -> list[Problem]:
    """Every problem in the plain document ``data``, located with ``where``.

    ``data`` is modified in one way only: kind names written as aliases or in
    another case (``FT``, ``foundation-trust``) are replaced by their ids.
    ``text_checked`` says the reader has already refused control characters.
    """
    wrong = not_a_mapping(
        data, "a model file", "Start from `govmodel example msecc-2020 -o my-model.yaml`.", where
    )
    if wrong is not None:
        return wrong
    problems = _normalise_kinds(data, where)
    seen = {p.path for p in problems}
    problems += [
        p
        for p in _model_schema_problems(data, where)
        if p.path not in seen and not _inside_policies(p.path)
    ]
    problems += _record_problems(data, where)
    if not text_checked:
        problems += _text_problems(data, where)
    return sorted(problems, key=Problem.sort_key)


def _records(data: dict[str, Any], collection: str) -> list[tuple[Path, dict[str, Any]]]:
    items = data.get(collection)
    if not isinstance(items, list):
        return []
    return [((collection, i), r) for i, r in enumerate(items) if isinstance(r, dict)]


@functools.cache
def _kind_fields(cls: type) -> dict[str, tuple[type[Kind], bool]]:
    """The keys of ``cls`` whose values are kinds, each with whether it holds a list."""
    hints = typing.get_type_hints(cls)
    out = {}
    for spec in field_specs(cls):
        tp = hints[spec.name]
        many = typing.get_origin(tp) is tuple
        if many:
            tp = typing.get_args(tp)[0]
        args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
        if isinstance(args[0], type) and issubclass(args[0], Kind):
            out[spec.key] = (args[0], many)
    return out


def normalise_kinds(record: dict[str, Any], path: Path, cls: type, where: Locator) -> list[Problem]:
    """Replace the kind names of ``record`` (a plain record of class ``cls``) written as
    aliases or in another case by their ids; a problem for each name that is no kind."""
    problems = []
    for key, (kind, many) in _kind_fields(cls).items():
        value = record.get(key)
        ids = kind._value2member_map_  # names already written as ids need no parsing
        if value is None or (not many and value in ids):
            continue
        items = list(enumerate(value)) if many and isinstance(value, list) else [(None, value)]
        for i, item in items:
            if not isinstance(item, str) or item in ids:
                continue
            at: Path = (*path, key) if i is None else (*path, key, i)
            try:
                parsed = kind.parse(item).value
            except UnknownKind as exc:
                problems.append(kind_problem(exc, kind, item, at, where))
                continue
            if i is None:
                record[key] = parsed
            else:
                record[key][i] = parsed
    return problems


def kind_problem(
    exc: UnknownKind, kind: type[Kind], value: str, path: Path, where: Locator
) -> Problem:
    """The problem of ``value`` at ``path``, which is no ``kind``: the closest ids and
    every valid one."""
    guess = exc.suggestions
    hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
    return Problem(
        path,
        f"{value!r} is not a {kind.label()}",
        f"{hint}Valid {_plural(kind.label())}: {', '.join(exc.valid)}.",
        where(path),
    )


def _plural(label: str) -> str:
    """``party types``, ``severities``."""
    return label[:-1] + "ies" if label.endswith("y") else label + "s"


def _written_as_ids(cls: type) -> Callable[[dict[str, Any]], bool]:
    """A quick test that every kind name of a plain ``cls`` record is already an id
    (the usual case, which then needs no parsing)."""
    fields = [
        (key, kind._value2member_map_, many) for key, (kind, many) in _kind_fields(cls).items()
    ]

    def written(record: dict[str, Any]) -> bool:
        for key, ids, many in fields:
            value = record.get(key)
            if value is None:
                continue
            if not (
                all(isinstance(v, str) and v in ids for v in value)
                if many and isinstance(value, list)
                else isinstance(value, str) and value in ids
            ):
                return False
        return True

    return written


def _normalise_kinds(data: dict[str, Any], where: Locator) -> list[Problem]:
    problems: list[Problem] = []
    member_ok = _written_as_ids(Membership)
    for collection, cls in COLLECTIONS.items():
        ok = _written_as_ids(cls)
        for path, record in _records(data, collection):
            if not ok(record):
                problems += normalise_kinds(record, path, cls, where)
            members = record.get("members")
            if collection == "bodies" and isinstance(members, list):
                for i, member in enumerate(members):
                    if isinstance(member, dict) and not member_ok(member):
                        problems += normalise_kinds(
                            member, (*path, "members", i), Membership, where
                        )
    return problems


_NON_EMPTY_HINTS = {
    "organisations": "A body belongs to at least one organisation: list its id.",
    "matters": "Name the matters delegated (e.g. `approve_expenditure`), or remove the delegation.",
    "parties": "List the organisations party to the agreement.",
    "commissioners": "List the organisations that commission the contract.",
    "providers": "List the organisations that provide the services.",
}

#: Patterns of the schemas, with what a value that does not match is and what to write.
_PATTERNS = {
    ID_PATTERN: (
        "is not a usable id",
        "Ids start with a letter or digit and use only letters, digits, '.', '_', '-'.",
    ),
    LOCAL_CODE: ("is not a local finding code", "Write LOC and three digits, e.g. LOC001."),
    NAME_PATTERN: (
        "is not a kebab-case name",
        "Use lower-case words joined by '-', e.g. contracts-over-1m-to-board.",
    ),
}


def _inside_policies(path: Path) -> bool:
    """Whether ``path`` is inside an entry of ``policies:``, which
    :func:`govmodel.io.policies.policy_problems` checks entry by entry (one kind's
    schema each, so that the messages name that kind's keys)."""
    return len(path) > 1 and path[0] == "policies"


def _model_schema_problems(data: dict[str, Any], where: Locator) -> list[Problem]:
    """The model schema's problems: none when the compiled validator accepts the
    document (the usual case, and fast), else jsonschema's full list."""
    import fastjsonschema

    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return schema_problems(_validator(), data, where)
    return []


def schema_problems(
    validator: jsonschema.Draft202012Validator, data: Any, where: Locator
) -> list[Problem]:
    """Every violation of ``validator's schema in ``data``, as a located problem that
    says what was expected and what to do."""
    problems: list[Problem] = []
    for error in validator.iter_errors(data):
        hint: str | None
        path: Path = tuple(error.absolute_path)
        kind = error.validator
        keyed = key_problems(error, where, closest=closest, add_hint="Add `{key}:` to this record.")
        if keyed is not None:
            problems += keyed
            continue
        if kind == "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            message = type_message(names, error.instance)
            hint = "Give a value or remove the key." if error.instance is None else None
            if isinstance(error.instance, str) and set(names) & {"integer", "boolean", "number"}:
                hint = numeral_advice(error.instance) or hint
            elif isinstance(error.instance, float) and "integer" in names:
                hint = "Give whole pounds (or a whole count), without a decimal point."
        elif kind == "format" and error.validator_value == "date":
            message = f"{error.instance!r} is not a valid date"
            hint = "Write dates as ISO YYYY-MM-DD, e.g. 2020-09-01."
        elif kind == "pattern" and error.validator_value in _PATTERNS:
            what, hint = _PATTERNS[error.validator_value]
            message = f"{error.instance!r} {what}"
        elif kind == "enum" and isinstance(error.validator_value, list):
            allowed = [str(v) for v in error.validator_value]
            guess = closest(str(error.instance), allowed)
            message = f"{error.instance!r} is not allowed here"
            hint = (
                f"Did you mean {guess[0]!r}? " if guess else ""
            ) + f"One of: {', '.join(allowed)}."
        elif kind == "minimum":
            message = f"{error.instance!r} is negative"
            hint = "Give 0 or more."
        elif kind == "maximum":
            message = f"{error.instance:,} is larger than any plausible amount"
            hint = f"The largest accepted is {MAX_AMOUNT:,}; give the amount in whole pounds."
        elif kind == "minLength":
            message = "must not be empty"
            hint = None
        elif kind == "minItems":
            message = "must list at least one"
            hint = _NON_EMPTY_HINTS.get(str(path[-1]) if path else "")
        elif (
            kind == "pattern"
            and isinstance(error.instance, str)
            and ("\n" in error.instance or "\r" in error.instance)
        ):
            message = "must be one line, without line breaks"
            hint = "Join the lines (in YAML, `>-` folds a long value without a final line break)."
        elif kind == "pattern" and error.validator_value in (NOT_BLANK, ONE_LINE_TEXT):
            message = "must not be blank"
            hint = "Write the text, or remove the key."
        else:
            message, hint = str(error.message), None
        problems.append(Problem(path, message, hint, where(path)))
    return problems


def _as_date(value: Any) -> date | None:
    return parse_iso_date(value) if isinstance(value, str) else None


@functools.cache
def _ref_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """``(file key, collection referred to)`` for each reference field of ``cls``."""
    return tuple((spec.key, spec.ref) for spec in field_specs(cls) if spec.ref)


#: The dates a model's ``as_of`` may take: from the NHS's first day to the end of
#: this century (later dates are nearly always stand-ins such as 9999-12-31).
EARLIEST = date(1948, 7, 5)
LATEST = date(2100, 12, 31)


def _record_problems(data: dict[str, Any], where: Locator) -> list[Problem]:
    problems: list[Problem] = []
    ids: dict[str, dict[str, Path]] = {c: {} for c in COLLECTIONS}
    first_seen: dict[str, Path] = {}
    for collection in COLLECTIONS:
        for path, record in _records(data, collection):
            rid = record.get("id")
            if not isinstance(rid, str):
                continue
            if rid in first_seen:
                other = where(first_seen[rid])
                at = f" (first used at line {other.line})" if other else ""
                problems.append(
                    Problem(
                        (*path, "id"),
                        f"id {rid!r} is used twice{at}",
                        "Every record needs an id unique in the file.",
                        where((*path, "id")),
                    )
                )
                continue
            first_seen[rid] = path
            ids[collection][rid] = path
    known = {c: set(v) for c, v in ids.items()}
    known["matters"] |= {m.id for m in STANDARD_MATTERS}
    known["holders"] = known["bodies"] | known["posts"]

    def missing(tpath: Path, target: str, ref: str) -> None:
        label = _REF_LABEL[ref]
        guess = closest(target, known[ref])
        hint = (
            f"Closest ids: {', '.join(repr(g) for g in guess)}."
            if guess
            else f"Add {an(label)} with this id, or correct the reference."
        )
        problems.append(Problem(tpath, f"no {label} with id {target!r}", hint, where(tpath)))

    def check_refs(record: dict[str, Any], path: Path, cls: type) -> None:
        for key, ref in _ref_fields(cls):
            value = record.get(key)
            if value is None:
                continue
            pool = known[ref]
            if isinstance(value, str):
                if value not in pool:
                    missing((*path, key), value, ref)
                continue
            if not isinstance(value, list):
                continue
            for i, target in enumerate(value):
                if isinstance(target, str) and target not in pool:
                    missing((*path, key, i), target, ref)
            twice(value, (*path, key))

    def twice(values: list[Any], path: Path) -> None:
        """Report an entry listed twice in one list (``partners: [a, a]``)."""
        if len(values) < 2:
            return
        try:
            if len(set(values)) == len(values):
                return
        except TypeError:  # not all text: the schema reports it
            return
        seen: set[Any] = set()
        for i, value in enumerate(values):
            if value in seen:
                problems.append(
                    Problem(
                        (*path, i),
                        f"{value!r} is listed twice",
                        "List each id once.",
                        where((*path, i)),
                    )
                )
            seen.add(value)

    def check_ids(path: Path, value: Any, pool: set[str], label: str, fallback: str) -> None:
        if not isinstance(value, str) or value in pool:
            return
        guess = closest(value, pool)
        hint = f"Closest ids: {', '.join(repr(g) for g in guess)}." if guess else fallback
        problems.append(Problem(path, f"no {label} with id {value!r}", hint, where(path)))

    as_of = _as_date(data.get("as_of"))
    if as_of is not None and not EARLIEST <= as_of <= LATEST:
        problems.append(
            Problem(
                ("as_of",),
                f"{as_of.isoformat()} is outside the dates govmodel's law covers "
                f"({EARLIEST.isoformat()} to {LATEST.isoformat()})",
                "Give the date the model describes; a stand-in such as 9999-12-31 "
                "would make every answer a guess.",
                where(("as_of",)),
            )
        )
    partners = data.get("partners")
    if isinstance(partners, list):
        for i, org in enumerate(partners):
            check_ids(
                ("partners", i),
                org,
                known["organisations"],
                "organisation",
                "List organisation ids from `organisations:`.",
            )
        twice(partners, ("partners",))
    expected = data.get("expected")
    if isinstance(expected, list):
        everything = set().union(*known.values())
        for i, entry in enumerate(expected):
            subjects = entry.get("subjects") if isinstance(entry, dict) else None
            for j, subject in enumerate(subjects if isinstance(subjects, list) else ()):
                check_ids(
                    ("expected", i, "subjects", j),
                    subject,
                    everything,
                    "record",
                    "Subjects are ids of records in the model.",
                )
    facts = data.get("facts")
    if isinstance(facts, list):
        from govmodel.law.rules import rulebook

        known_facts = set(rulebook().facts)
        for i, entry in enumerate(facts):
            if not isinstance(entry, dict):
                continue
            org = entry.get("organisation")
            if isinstance(org, str):
                check_ids(
                    ("facts", i, "organisation"),
                    org,
                    known["organisations"],
                    "organisation",
                    "Name an organisation id from `organisations:`, or omit it for the "
                    "whole arrangement.",
                )
            fact = entry.get("fact")
            if isinstance(fact, str) and fact not in known_facts:
                guess = closest(fact, known_facts)
                hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
                problems.append(
                    Problem(
                        ("facts", i, "fact"),
                        f"{fact!r} is not a fact the rulebook asks about",
                        f"{hint}`govmodel rules --facts` lists them.",
                        where(("facts", i, "fact")),
                    )
                )
    groups = {
        r.get("id"): r
        for _, r in _records(data, "bodies")
        if r.get("kind") == "committees_in_common"
    }
    for path, record in _records(data, "bodies"):
        target = record.get("in_common")
        if not isinstance(target, str) or target not in ids["bodies"]:
            continue  # unknown ids are reported with the other references
        group = groups.get(target)
        orgs = record.get("organisations")
        if group is None:
            problems.append(
                Problem(
                    (*path, "in_common"),
                    f"{target!r} is not a committees-in-common group",
                    "Name a body of kind `committees_in_common`, or drop `in_common`.",
                    where((*path, "in_common")),
                )
            )
        elif not (
            isinstance(orgs, list) and len(orgs) == 1 and orgs[0] in group.get("organisations", [])
        ):
            problems.append(
                Problem(
                    (*path, "organisations"),
                    f"a committee meeting in {target!r} must belong to one of its organisations",
                    "Each committee in common is one organisation's own committee: list that "
                    "organisation alone, and list it on the group too.",
                    where((*path, "organisations")),
                )
            )
    for collection, cls in COLLECTIONS.items():
        for path, record in _records(data, collection):
            check_refs(record, path, cls)
            if "end" in record and "start" in record:
                _check_period(record, path, where, problems)
            if collection == "bodies" and isinstance(record.get("members"), list):
                for i, member in enumerate(record["members"]):
                    if not isinstance(member, dict):
                        continue
                    mpath = (*path, "members", i)
                    check_refs(member, mpath, Membership)
                    if "end" in member and "start" in member:
                        _check_period(member, mpath, where, problems)
                    if "post" not in member and "person" not in member:
                        problems.append(
                            Problem(
                                mpath,
                                "a member needs `post` or `person`",
                                "Name the post id, or describe the person.",
                                where(mpath),
                            )
                        )
            if (
                collection == "delegations"
                and record.get("from") == record.get("to")
                and isinstance(record.get("to"), str)
            ):
                problems.append(
                    Problem(
                        (*path, "to"),
                        "a delegation to itself",
                        "`from` and `to` must differ.",
                        where((*path, "to")),
                    )
                )
    return problems


def _text_problems(data: Any, where: Locator) -> list[Problem]:
    """Control characters anywhere in the document (the reader finds them in files;
    this is for documents built in Python)."""
    problems = []
    stack: list[tuple[Path, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            what = unsafe_character(value)
            if what is not None:
                problems.append(
                    Problem(
                        path,
                        f"{what} is not allowed in text",
                        "Remove it: control characters can hide text or drive a terminal.",
                        where(path),
                    )
                )
        elif isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
    return problems


def _check_period(
    record: dict[str, Any], path: Path, where: Locator, problems: list[Problem]
) -> None:
    start, end = _as_date(record.get("start")), _as_date(record.get("end"))
    if start and end and end < start:
        problems.append(
            Problem(
                (*path, "end"),
                f"ends ({end}) before it starts ({start})",
                "Swap the dates or correct one of them.",
                where((*path, "end")),
            )
        )
