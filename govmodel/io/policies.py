"""Local policies in files: every problem with them, located, as for model files.

Three passes, so a user fixing a policy sees the whole list at once:

- :func:`policy_problems`: each entry of a ``policies:`` list against the schema of
  its own kind (so that "unknown key" names that kind's keys), then what a schema
  cannot say (one of ``body`` and ``kinds``, two roles or more, codes and names used
  once);
- :func:`policy_file_problems`: a policy file's top level, then its entries;
- :func:`reference_problems`: the ids a policy names that the model it is checked
  against does not have, with the closest ids. A model file's own policies and the
  policy files it names are checked when it loads; a policy file given to
  ``govmodel check --policy`` is checked against each model it is used with.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

import attrs

from govmodel.errors import UnknownKind
from govmodel.io.schema import (
    field_specs,
    policies_schema,
    policy_file_schema,
    policy_schema,
)
from govmodel.io.validate import Locator, normalise_kinds, schema_problems
from govmodel.locations import Path, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.policies import (
    POLICY_CLASSES,
    BodyMembers,
    DecidedBy,
    MemberCount,
    Policy,
    PolicyKind,
    PolicySet,
    ReportsTo,
    Role,
    SeparateRoles,
)
from govmodel.reading.schema import not_a_mapping

__all__ = [
    "clash_problems",
    "model_ids",
    "policy_file_problems",
    "policy_problems",
    "reference_problems",
]

_LABEL = {
    "organisations": "organisation",
    "bodies": "body",
    "matters": "matter",
    "holders": "body or post",
}


@functools.cache
def _validator(schema_key: str) -> jsonschema.Draft202012Validator:
    if schema_key == "file":
        schema = policy_file_schema()
        schema["properties"]["policies"] = {"type": "array"}  # entries: one by one, below
    elif schema_key == "include":
        schema = policies_schema()["items"]["oneOf"][0]
    elif schema_key == "common":  # the keys every kind has, any others allowed
        base = policy_schema(PolicyKind.DECIDED_BY)
        common = {f.key for f in field_specs(Policy)}
        schema = {
            "type": "object",
            "properties": {k: v for k, v in base["properties"].items() if k in common},
            "required": [k for k in base["required"] if k in common],
        }
    else:
        schema = policy_schema(PolicyKind(schema_key))
    import jsonschema  # imported when a file is checked, not with govmodel

    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def policy_problems(
    entries: Any, where: Locator, *, base: Path = ("policies",), includes: bool = True
) -> list[Problem]:
    """Every problem in the ``policies:`` list ``entries`` (at key path ``base``).

    ``entries`` is modified in one way only: kind names written as aliases or in
    another case are replaced by their ids. With ``includes``, an entry may instead
    name a policy file (``file:``), as in a model file.
    """
    if not isinstance(entries, list):
        return []  # the enclosing schema says it should be a list
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Path] = {}
    for i, entry in enumerate(entries):
        path: Path = (*base, i)
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    path,
                    "a policy must be a mapping of keys",
                    "Give `code`, `name`, `kind`, `summary`, `source` and the kind's own keys.",
                    where(path),
                )
            )
            continue
        if "file" in entry and "kind" not in entry:
            if includes:
                problems += _located(_validator("include"), entry, path, where)
            else:
                problems.append(
                    Problem(
                        (*path, "file"),
                        "a policy file cannot name another policy file",
                        "Name every policy file in the model's `policies:`, or with "
                        "`govmodel check --policy`.",
                        where((*path, "file"), key=True),
                    )
                )
            continue
        kind = _kind(entry, path, where, problems)
        if kind is None:  # still say what is wrong with the keys every policy has
            problems += _located(_validator("common"), entry, path, where)
            continue
        cls = POLICY_CLASSES[kind]
        named = normalise_kinds(entry, path, cls, where)
        members = entry.get("members") if kind is PolicyKind.BODY_MEMBERS else None
        for j, member in enumerate(members if isinstance(members, list) else ()):
            if isinstance(member, dict):
                named += normalise_kinds(member, (*path, "members", j), MemberCount, where)
        reported = {p.path for p in named}
        problems += named
        problems += [
            p
            for p in _located(_validator(kind.value), entry, path, where)
            if p.path not in reported
        ]
        problems += _meaning_problems(cls, entry, path, where)
        for key in ("code", "name"):
            value = entry.get(key)
            if not isinstance(value, str):
                continue
            if (key, value) in seen:
                other = where(seen[(key, value)])
                at = f" (first used at line {other.line})" if other else ""
                problems.append(
                    Problem(
                        (*path, key),
                        f"{key} {value!r} is used by two policies{at}",
                        "Each policy needs its own code and name; codes are never reused.",
                        where((*path, key)),
                    )
                )
            else:
                seen[(key, value)] = (*path, key)
    return problems


def _kind(
    entry: dict[str, Any], path: Path, where: Locator, problems: list[Problem]
) -> PolicyKind | None:
    kinds = ", ".join(PolicyKind.ids())
    if "kind" not in entry:
        problems.append(
            Problem(
                (*path, "kind"),
                "missing required key 'kind'",
                f"Say which kind of policy this is: {kinds} (or `file:` to name a policy file).",
                where(path),
            )
        )
        return None
    value = entry["kind"]
    try:
        match = PolicyKind.parse(value)
    except UnknownKind as exc:
        guess = exc.suggestions
        hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
        problems.append(
            Problem(
                (*path, "kind"),
                f"{value!r} is not a kind of policy",
                f"{hint}Kinds: {kinds}. `govmodel policy --explain` describes each.",
                where((*path, "kind")),
            )
        )
        return None
    entry["kind"] = match.value
    return match


def _located(
    validator: jsonschema.Draft202012Validator, entry: Any, path: Path, where: Locator
) -> list[Problem]:
    """Schema problems of one entry, with key paths and locations from the top of its file."""

    def inner(sub: Path, *, key: bool = False) -> Any:
        return where((*path, *sub), key=key)

    return [
        attrs.evolve(p, path=(*path, *p.path)) for p in schema_problems(validator, entry, inner)
    ]


def _meaning_problems(
    cls: type[Policy], entry: dict[str, Any], path: Path, where: Locator
) -> list[Problem]:
    """What the schema of a kind cannot say."""
    out: list[Problem] = []

    def add(key: str | None, message: str, hint: str) -> None:
        at: Path = path if key is None else (*path, key)
        out.append(Problem(at, message, hint, where(at)))

    if cls in (BodyMembers, ReportsTo):
        if ("body" in entry) == bool(entry.get("kinds")):
            add(
                None,
                "give either `body` (one body) or `kinds` (every body of those kinds)",
                "Name the body by its id, or list body kinds such as `committee`.",
            )
        elif "organisation" in entry and "body" in entry:
            add(
                "organisation",
                "`organisation` narrows `kinds`; with `body` it says nothing",
                "Remove `organisation`, or select bodies with `kinds`.",
            )
    needs = ("members", "chaired", "chair_kinds")
    if cls is BodyMembers and "kinds" in entry and not any(entry.get(k) for k in needs):
        add(
            None,
            "say what each body needs: `members`, `chaired` or `chair_kinds`",
            "With `body:` alone the policy requires only that the body exists.",
        )
    if cls is ReportsTo and "to" in entry and entry.get("body") == entry["to"]:
        add("to", "a body cannot be required to report to itself", "Name another body.")
    if cls is DecidedBy:
        for key in ("matters", "by"):
            if not entry.get(key):
                what = "matters it covers" if key == "matters" else "bodies or posts that decide"
                add(key, f"list the {what}", f"Add `{key}:` with at least one id.")
    if cls is SeparateRoles:
        roles = entry.get("roles")
        roles = roles if isinstance(roles, list) else []
        if len(roles) < 2:
            add(
                "roles",
                "name at least two roles, of which no post may hold two",
                "Each role is `chair: BODY`, `member: BODY` or `decides: MATTER`.",
            )
        for j, role in enumerate(roles):
            if isinstance(role, dict) and len(role) != 1:
                at: Path = (*path, "roles", j)
                out.append(
                    Problem(
                        at,
                        "a role is exactly one of `chair`, `member` and `decides`",
                        "Split it into one role a line.",
                        where(at),
                    )
                )
    return out


def policy_file_problems(data: Any, where: Locator) -> list[Problem]:
    """Every problem in the plain document of a policy file (see :func:`policy_problems`)."""
    wrong = not_a_mapping(
        data,
        "a policy file",
        "Start from `govmodel policy --example eput-sfi -o my-policies.yaml`.",
        where,
    )
    if wrong is not None:
        return wrong
    if "as_of" in data or "organisations" in data:
        return [
            Problem(
                (),
                "this is a model file (it has `as_of:` or `organisations:`), not a policy file",
                "Give a policy file (`name:` and `policies:`); a model's own `policies:` are "
                "checked with it by `govmodel check MODEL`.",
                where(()),
            )
        ]
    problems = schema_problems(_validator("file"), data, where)
    problems += policy_problems(data.get("policies"), where, includes=False)
    return sorted(problems, key=Problem.sort_key)


def model_ids(model: GovernanceModel) -> dict[str, set[str]]:
    """The ids a policy may name in ``model``, by what they refer to."""
    bodies, posts = set(model.ids("body")), set(model.ids("post"))
    return {
        "organisations": set(model.ids("organisation")),
        "bodies": bodies,
        "matters": {m.id for m in model.all_matters()},
        "holders": bodies | posts,
    }


def _refs(record: Any, path: Path) -> Iterator[tuple[Path, str, str]]:
    """``(key path, ref, id)`` for every id ``record`` names (nested records too)."""
    cls: type = type(record)
    for spec in field_specs(cls):
        value = getattr(record, spec.name)
        items = list(enumerate(value)) if isinstance(value, tuple) else [(None, value)]
        for i, item in items:
            at: Path = (*path, spec.key) if i is None else (*path, spec.key, i)
            if isinstance(item, MemberCount | Role):
                yield from _refs(item, at)
            elif spec.ref and isinstance(item, str):
                yield at, spec.ref, item


def reference_problems(policies: PolicySet, model: GovernanceModel) -> list[Problem]:
    """Every id ``policies`` names that ``model`` lacks, located in the policy's file.

    A :class:`~govmodel.model.policies.BodyMembers` policy's ``body`` is no
    reference: that the body may be missing is what the policy checks.
    """
    known: Mapping[str, set[str]] = model_ids(model)
    problems = []
    for index, policy in enumerate(policies.policies):
        for sub, ref, value in _refs(policy, ()):
            if value in known[ref]:
                continue
            guess = closest(value, known[ref])
            label = _LABEL[ref]
            in_model = f" in {model.source}" if model.source else " in the model"
            hint = (
                f"Closest ids: {', '.join(repr(g) for g in guess)}."
                if guess
                else f"Name a {label} of the model, or correct the policy."
            )
            problems.append(
                Problem(
                    (*policies.paths[index], *sub),
                    f"no {label} with id {value!r}{in_model}",
                    hint,
                    policies.where(index, *sub),
                )
            )
    return problems


def clash_problems(
    sets: Iterable[PolicySet], *, taken: Mapping[str, str] | None = None
) -> list[Problem]:
    """Codes and names that two policies of ``sets`` share, or that a policy shares with
    a check in ``taken`` (code to name: the built-in checks and plugins), each located
    at the later policy."""
    problems = []
    owner: dict[str, str] = {}
    for code, name in (taken or {}).items():
        owner[code] = owner[name] = f"the check {code}"
    for policies in sets:
        for index, policy in enumerate(policies.policies):
            for key in ("code", "name"):
                value = getattr(policy, key)
                first = owner.get(value)
                if first is None:
                    where = policies.where(index)
                    owner[value] = f"the policy at {where}" if where else f"policy {policy.code}"
                    continue
                problems.append(
                    Problem(
                        (*policies.paths[index], key),
                        f"{key} {value!r} is already used by {first}",
                        "Give every policy a code and name of its own; codes are never reused.",
                        policies.where(index, key),
                    )
                )
    return problems
