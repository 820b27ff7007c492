"""Reading one rule file: YAML parsed with locations, then checked against its schema.

The rule families share ``rules.schema.json``; the supporting files
(``rulebook.yaml``, ``groups.yaml``, ``instruments.yaml``, ``facts.yaml``) have
the small schemas in :data:`SUPPORT`. Every schema violation becomes a located
:class:`~govmodel.locations.Problem` with a hint, as for model files.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


from govmodel.locations import Location, Path, Problem
from govmodel.model.kinds import closest
from govmodel.reading import parse
from govmodel.reading.schema import key_problems, type_message

__all__ = [
    "SUPPORT",
    "family_validator",
    "read_rule_file",
    "rules_dir",
    "schema_problems",
]


def rules_dir() -> FsPath:
    """Where the bundled rule files are."""
    return FsPath(str(resources.files("govmodel.law") / "rules"))


@functools.cache
def family_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((rules_dir() / "rules.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
SUPPORT: dict[str, dict[str, Any]] = {
    "rulebook": {
        "type": "object",
        "additionalProperties": False,
        "required": ["families"],
        "properties": {
            "families": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        },
    },
    "groups": {
        "type": "object",
        "additionalProperties": False,
        "required": ["groups"],
        "properties": {
            "groups": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["doc", "types"],
                    "properties": {
                        "doc": {"type": "string", "minLength": 1},
                        "types": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    },
                },
            }
        },
    },
    "instruments": {
        "type": "object",
        "additionalProperties": False,
        "required": ["instruments"],
        "properties": {
            "instruments": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["title", "url"],
                    "properties": {
                        "title": {"type": "string", "minLength": 1},
                        "url": {"type": "string", "pattern": "^https?://"},
                        "kind": {
                            "enum": [
                                "legislation",
                                "guidance",
                                "commentary",
                                "principle",
                                "history",
                            ]
                        },
                        "from": _DATE,
                        "to": _DATE,
                        "note": {"type": "string"},
                    },
                },
            }
        },
    },
    "facts": {
        "type": "object",
        "additionalProperties": False,
        "required": ["facts"],
        "properties": {
            "facts": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["question"],
                    "properties": {
                        "question": {"type": "string", "minLength": 1},
                        "note": {"type": "string"},
                    },
                },
            }
        },
    },
}


def schema_problems(
    validator: jsonschema.protocols.Validator,
    data: Any,
    where: Callable[..., Any],
) -> list[Problem]:
    """Every schema violation in ``data`` as a located problem with a hint."""
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        hint: str | None
        path: Path = tuple(error.absolute_path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        keyed = key_problems(error, where, closest=closest)
        if keyed is not None:
            problems += keyed
            continue
        if error.validator == "oneOf" and isinstance(error.instance, dict):
            message = "a citation needs either `in` and `provision` or `title`, `url` and `kind`"
            hint = "Cite an instrument from instruments.yaml, or give a full source."
        elif error.validator in ("format", "pattern") and "date" in str(schema.get("format", "")):
            message = f"{error.instance!r} is not a valid date"
            hint = "Write dates as ISO YYYY-MM-DD, e.g. 2022-07-01."
        elif error.validator == "type":
            wanted = error.validator_value
            names = [str(n) for n in wanted] if isinstance(wanted, list) else [str(wanted)]
            message = type_message(names, error.instance)
            hint = None
        elif error.validator == "enum":
            choices = error.validator_value if isinstance(error.validator_value, list) else []
            allowed = [str(v) for v in choices]
            guess = closest(str(error.instance), allowed)
            message = f"{error.instance!r} is not allowed here"
            hint = (
                f"Did you mean {guess[0]!r}? " if guess else ""
            ) + f"One of: {', '.join(allowed)}."
        else:
            message, hint = str(error.message), None
        problems.append(Problem(path, message, hint, where(path)))
    return problems


def read_rule_file(
    path: FsPath, validator: jsonschema.protocols.Validator
) -> tuple[Any, Any, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problem = Problem(
            (),
            f"cannot read the rule file ({exc.__class__.__name__})",
            None,
            Location(str(path), 1, 1),
        )
        return None, None, [problem]
    parsed = parse(text, str(path))
    problems = list(parsed.problems)
    if parsed.data is not None and not problems:
        problems += schema_problems(validator, parsed.data, parsed.where)
    return parsed.data, parsed.where, problems
