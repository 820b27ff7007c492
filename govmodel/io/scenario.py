"""Scenario files: a what-if written down, overlaying a model file.

A scenario file holds one key, ``scenario``, with the model it starts from and
what it assumes::

    scenario:
      base: msecc-2020.yaml            # relative to this file
      note: If Provide became an NHS trust
      assume:                          # ID.FIELD (or a top-level key): value
        provide.type: nhs_trust
        msecc.board.quorum: 4
      facts:                           # as a model file's facts
        - {fact: significant_transaction_approved, organisation: eput, value: true}

Loading it (``govmodel.load``, or any command given the file) loads the base
and applies the changes with :func:`govmodel.io.assume.assume`, so every
command that reads a model reads a scenario too, and says what it assumed. A
mistake is reported at its line and column in the scenario file; a base may
itself be a scenario, but never one that leads back to this file.
"""

from __future__ import annotations

import contextvars
import functools
import os
from collections.abc import Callable
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


from govmodel.errors import ModelError
from govmodel.io.assume import Change, FactChange, assume
from govmodel.locations import Location, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.reading import Parsed

__all__ = ["SCENARIO_SCHEMA", "is_scenario", "load_scenario"]

SCENARIO_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "govmodel scenario file",
    "type": "object",
    "required": ["scenario"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"},
        "scenario": {
            "type": "object",
            "required": ["base"],
            "additionalProperties": False,
            "properties": {
                "base": {
                    "type": "string",
                    "minLength": 1,
                    "description": "The model file (or scenario) it starts from, relative "
                    "to this file.",
                },
                "note": {"type": "string", "description": "What the scenario supposes."},
                "assume": {
                    "type": "object",
                    "description": "ID.FIELD (or a top-level key) mapped to its value.",
                },
                "facts": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["fact", "value"],
                        "additionalProperties": False,
                        "properties": {
                            "fact": {"type": "string", "minLength": 1},
                            "value": {"type": "boolean"},
                            "organisation": {"type": "string", "minLength": 1},
                            "source": {"type": "string"},
                            "note": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
}

#: Scenario files being loaded, innermost last: a base that leads back is refused.
_LOADING: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "govmodel_scenarios", default=()
)


def is_scenario(data: Any) -> bool:
    """Whether a parsed document is a scenario file (its top level names ``scenario``)."""
    return isinstance(data, dict) and "scenario" in data


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # imported when a file is checked, not with govmodel

    return jsonschema.Draft202012Validator(SCENARIO_SCHEMA)


def load_scenario(
    parsed: Parsed, filename: str, *, load: Callable[[str | os.PathLike[str]], GovernanceModel]
) -> GovernanceModel:
    """The model a parsed scenario file describes: its base, loaded with ``load``,
    with its changes made and facts stated.

    Raises :class:`~govmodel.errors.ModelError` listing every problem in the
    scenario file, located, or the base file's own problems.
    """
    from govmodel.law.rulefile import schema_problems

    problems = schema_problems(_validator(), parsed.data, parsed.where)
    if problems:
        raise ModelError(problems, source=filename)
    spec = parsed.data["scenario"]
    here = os.path.abspath(filename)
    base = FsPath(filename).parent / spec["base"]
    loading = _LOADING.get()
    if os.path.abspath(base) in (*loading, here):
        raise ModelError(
            [
                Problem(
                    ("scenario", "base"),
                    f"{spec['base']!r} leads back to this scenario",
                    "A scenario's base is a model file, or a scenario built on a different one.",
                    parsed.where(("scenario", "base")),
                )
            ],
            source=filename,
        )
    if not base.exists():
        raise ModelError(
            [
                Problem(
                    ("scenario", "base"),
                    f"no model file {str(base)!r}",
                    "Give the path of the base model relative to the scenario file; "
                    "`govmodel example NAME -o FILE` writes a bundled example.",
                    parsed.where(("scenario", "base")),
                )
            ],
            source=filename,
        )
    token = _LOADING.set((*loading, here))
    try:
        model = load(base)
    finally:
        _LOADING.reset(token)
    changes = [
        Change(target=target, value=value, origin=_at(parsed, ("scenario", "assume", target)))
        for target, value in (spec.get("assume") or {}).items()
    ]
    facts = [
        FactChange(
            fact=entry["fact"],
            value=entry["value"],
            organisation=entry.get("organisation"),
            source=entry.get("source"),
            origin=_at(parsed, ("scenario", "facts", i)),
        )
        for i, entry in enumerate(spec.get("facts") or ())
    ]
    return assume(model, changes, facts, source=filename)


def _at(parsed: Parsed, path: tuple[str | int, ...]) -> Location | None:
    where = parsed.where(path, key=True)
    return where if isinstance(where, Location) else None
