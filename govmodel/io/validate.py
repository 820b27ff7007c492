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
from typing import Any

import jsonschema

from govmodel.errors import UnknownKind
from govmodel.io.schema import ID_PATTERN, field_specs, model_schema
from govmodel.law.rulefile import type_message
from govmodel.locations import Location, Path, Problem, an
from govmodel.model.governance import COLLECTIONS
from govmodel.model.kinds import Kind, closest
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.records import Membership

__all__ = ["Locator", "problems_in"]

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
    return jsonschema.Draft202012Validator(
        model_schema(), format_checker=jsonschema.FormatChecker()
    )


def problems_in(data: Any, where: Locator = _nowhere) -> list[Problem]:
    """Every problem in the plain document ``data``, located with ``where``.

    ``data`` is modified in one way only: kind names written as aliases or in
    another case (``FT``, ``foundation-trust``) are replaced by their ids.
    """
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        return [
            Problem(
                (),
                f"a model file must be a mapping of keys, but this is {got}",
                "Start from `govmodel example msecc-2020 -o my-model.yaml`.",
                where(()),
            )
        ]
    problems = _normalise_kinds(data, where)
    seen = {p.path for p in problems}
    problems += [p for p in _schema_problems(data, where) if p.path not in seen]
    problems += _record_problems(data, where)
    return sorted(problems, key=Problem.sort_key)


def _records(data: dict[str, Any], collection: str) -> list[tuple[Path, dict[str, Any]]]:
    items = data.get(collection)
    if not isinstance(items, list):
        return []
    return [((collection, i), r) for i, r in enumerate(items) if isinstance(r, dict)]


def _kind_fields(cls: type) -> dict[str, type[Kind]]:
    hints = typing.get_type_hints(cls)
    out = {}
    for spec in field_specs(cls):
        tp = hints[spec.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
        if isinstance(args[0], type) and issubclass(args[0], Kind):
            out[spec.key] = args[0]
    return out


def _normalise_kinds(data: dict[str, Any], where: Locator) -> list[Problem]:
    problems = []

    def fix(record: dict[str, Any], path: Path, cls: type) -> None:
        for key, kind in _kind_fields(cls).items():
            value = record.get(key)
            if not isinstance(value, str):
                continue
            try:
                record[key] = kind.parse(value).value
            except UnknownKind as exc:
                guess = exc.suggestions
                hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
                problems.append(
                    Problem(
                        (*path, key),
                        f"{value!r} is not {an(kind.label())}",
                        f"{hint}Valid {kind.label()}s: {', '.join(exc.valid)}.",
                        where((*path, key)),
                    )
                )

    for collection, cls in COLLECTIONS.items():
        for path, record in _records(data, collection):
            fix(record, path, cls)
            members = record.get("members")
            if collection == "bodies" and isinstance(members, list):
                for i, member in enumerate(members):
                    if isinstance(member, dict):
                        fix(member, (*path, "members", i), Membership)
    return problems


def _schema_problems(data: dict[str, Any], where: Locator) -> list[Problem]:
    problems: list[Problem] = []
    for error in _validator().iter_errors(data):
        hint: str | None
        path: Path = tuple(error.absolute_path)
        kind = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        if kind == "additionalProperties":
            allowed = sorted(schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed)):
                guess = closest(key, allowed)
                hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
                problems.append(
                    Problem(
                        (*path, key),
                        f"unknown key {key!r}",
                        f"{hint}Allowed keys here: {', '.join(allowed)}.",
                        where((*path, key), key=True),
                    )
                )
            continue
        if kind == "required":
            missing = str(error.message).split("'")[1]
            problems.append(
                Problem(
                    (*path, missing),
                    f"missing required key {missing!r}",
                    f"Add `{missing}:` to this record.",
                    where(path),
                )
            )
            continue
        if kind == "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            message = type_message(names, error.instance)
            hint = "Give a value or remove the key." if error.instance is None else None
        elif kind == "format" and error.validator_value == "date":
            message = f"{error.instance!r} is not a valid date"
            hint = "Write dates as ISO YYYY-MM-DD, e.g. 2020-09-01."
        elif kind == "pattern" and error.validator_value == ID_PATTERN:
            message = f"{error.instance!r} is not a usable id"
            hint = "Ids start with a letter or digit and use only letters, digits, '.', '_', '-'."
        elif kind == "minimum":
            message = f"{error.instance!r} is negative"
            hint = "Give 0 or more."
        elif kind == "minLength":
            message = "must not be empty"
            hint = None
        else:
            message, hint = str(error.message), None
        problems.append(Problem(path, message, hint, where(path)))
    return problems


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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

    def check_refs(record: dict[str, Any], path: Path, cls: type) -> None:
        for spec in field_specs(cls):
            if not spec.ref or spec.key not in record:
                continue
            value = record[spec.key]
            targets = (
                [((*path, spec.key, i), v) for i, v in enumerate(value)]
                if isinstance(value, list)
                else [((*path, spec.key), value)]
            )
            for tpath, target in targets:
                if not isinstance(target, str) or target in known[spec.ref]:
                    continue
                label = _REF_LABEL[spec.ref]
                guess = closest(target, known[spec.ref])
                hint = (
                    f"Closest ids: {', '.join(repr(g) for g in guess)}."
                    if guess
                    else f"Add {an(label)} with this id, or correct the reference."
                )
                problems.append(
                    Problem(tpath, f"no {label} with id {target!r}", hint, where(tpath))
                )

    def check_ids(path: Path, value: Any, pool: set[str], label: str, fallback: str) -> None:
        if not isinstance(value, str) or value in pool:
            return
        guess = closest(value, pool)
        hint = f"Closest ids: {', '.join(repr(g) for g in guess)}." if guess else fallback
        problems.append(Problem(path, f"no {label} with id {value!r}", hint, where(path)))

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
            _check_period(record, path, where, problems)
            if collection == "bodies" and isinstance(record.get("members"), list):
                for i, member in enumerate(record["members"]):
                    if not isinstance(member, dict):
                        continue
                    mpath = (*path, "members", i)
                    check_refs(member, mpath, Membership)
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
