"""What model files and rule files share when a JSON Schema refuses their data:
the words for a value and for a type error, and the problems for unknown and
missing keys.

Each file kind words its other schema errors itself (a model file knows about
amounts and ids, a rule file about citations); these two read the same
everywhere, with the closest allowed keys as the hint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govmodel.locations import Path, Problem

__all__ = ["TYPE_NAMES", "describe_value", "key_problems", "not_a_mapping", "type_message"]

#: JSON Schema types in words.
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys",
    "null": "nothing",
}


def describe_value(value: Any) -> str:
    """A value as an error message names it.

    >>> describe_value(None), describe_value(True), describe_value([1]), describe_value("x")
    ('nothing', 'true', 'a list', "'x'")
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def not_a_mapping(
    data: Any, what: str, hint: str, where: Callable[..., Any]
) -> list[Problem] | None:
    """The one problem of a document that is not a mapping of keys (``what`` names the
    kind of file), or None when it is one."""
    if isinstance(data, dict):
        return None
    got = "an empty file" if data is None else f"a {type(data).__name__}"
    return [Problem((), f"{what} must be a mapping of keys, but this is {got}", hint, where(()))]


def type_message(expected: list[str], value: Any) -> str:
    """A JSON Schema type error in words.

    >>> type_message(["boolean"], "maybe")
    "expected true or false, got 'maybe'"
    """
    want = " or ".join(TYPE_NAMES.get(n, n) for n in expected)
    return f"expected {want}, got {describe_value(value)}"


def key_problems(
    error: Any,
    where: Callable[..., Any],
    *,
    closest: Callable[[str, list[str]], list[str]],
    add_hint: str = "Add `{key}:` here.",
) -> list[Problem] | None:
    """The problems for a jsonschema ``additionalProperties`` or ``required`` error
    (one per unknown key, with the closest allowed ones), or None for other errors."""
    path: Path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        problems = []
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
        return problems
    if error.validator == "required":
        missing = str(error.message).split("'")[1]
        return [
            Problem(
                (*path, missing),
                f"missing required key {missing!r}",
                add_hint.format(key=missing),
                where(path),
            )
        ]
    return None
