"""The JSON Schema of model files, generated from the records' fields.

One source of truth: each record's attrs fields (type, default, and the
``doc``/``key``/``ref`` metadata) give the schema, the loader's reference
checks and the format reference page in the docs.
"""

from __future__ import annotations

import functools
import types
import typing
from datetime import date
from typing import Any

import attrs

from govmodel.model.governance import COLLECTIONS
from govmodel.model.kinds import Kind
from govmodel.model.policies import (
    LOCAL_CODE,
    NAME_PATTERN,
    POLICY_CLASSES,
    PolicyInclude,
    PolicyKind,
)
from govmodel.model.records import Expectation, StatedFact

__all__ = [
    "ID_PATTERN",
    "MAX_AMOUNT",
    "NON_EMPTY",
    "POLICY_FILE_KEYS",
    "TOP_LEVEL",
    "FieldSpec",
    "field_specs",
    "file_key",
    "model_schema",
    "policies_schema",
    "policy_file_schema",
    "policy_schema",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*(?!\n)$"

#: The largest amount (in pounds) or count a model file may give: a trillion, beyond
#: any plausible limit or contract value (and well inside what a spreadsheet holds).
MAX_AMOUNT = 10**12

#: One line of text: no line break (the look-ahead keeps ``$`` from letting a final
#: one through).
ONE_LINE = r"^[^\n\r]*(?!\n)$"
#: One line of text with something visible in it.
ONE_LINE_TEXT = r"^(?=[^\n\r]*\S)[^\n\r]*(?!\n)$"
#: Text with something visible in it.
NOT_BLANK = r"\S"

#: Text fields that may run over several lines; every other text is one line.
MULTI_LINE = frozenset(
    {"note", "conditions", "reason", "terms_of_reference", "services", "description", "notes"}
)

#: Lists that must name at least one thing: (record class, field).
NON_EMPTY = frozenset(
    {
        ("Body", "organisations"),
        ("Delegation", "matters"),
        ("Agreement", "parties"),
        ("Contract", "commissioners"),
        ("Contract", "providers"),
    }
)

#: Top-level keys other than the record collections: (key, schema, required, doc).
#: ``expected`` is added below, once record schemas can be generated.
TOP_LEVEL: tuple[tuple[str, dict[str, Any], bool, str], ...] = (
    (
        "name",
        {"type": "string", "minLength": 1, "pattern": ONE_LINE_TEXT},
        True,
        "Name of the arrangement.",
    ),
    (
        "as_of",
        {"type": "string", "format": "date"},
        True,
        "Date the model describes (ISO `YYYY-MM-DD`); legal answers default to it.",
    ),
    ("description", {"type": "string"}, False, "What the arrangement is, in a few sentences."),
    (
        "partners",
        {"type": "array", "items": {"type": "string"}},
        False,
        "Organisations whose governance forms `govmodel forms` judges (default: all in force).",
    ),
    (
        "notes",
        {"type": "array", "items": {"type": "string"}},
        False,
        "Gaps and caveats: what the sources do not say.",
    ),
    (
        "sources",
        {"type": "array", "items": {"type": "string"}},
        False,
        "Documents the model was built from.",
    ),
    (
        "ignore",
        {"type": "array", "items": {"type": "string"}},
        False,
        "Finding codes to leave out of `govmodel check` reports (e.g. `GM402`).",
    ),
)


@attrs.frozen
class FieldSpec:
    """What one record field looks like in a model file."""

    name: str
    key: str
    schema: dict[str, Any]
    required: bool
    doc: str
    ref: str | None


def file_key(field: attrs.Attribute[Any]) -> str:
    """The model-file key for an attrs field (``from_`` is written ``from``)."""
    return str(field.metadata.get("key", field.name))


def _unwrap_optional(tp: Any) -> Any:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _type_schema(tp: Any, *, one_line: bool = True, ref: bool = False) -> dict[str, Any]:
    tp = _unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, one_line=one_line, ref=ref)}
    if isinstance(tp, type) and issubclass(tp, Kind):
        ids = [m.value for m in tp]
        return {"type": "string", "enum": ids + sorted(set(tp.aliases()) - set(ids))}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0, "maximum": MAX_AMOUNT}
    if tp is str:
        pattern = (ONE_LINE if ref else ONE_LINE_TEXT) if one_line else NOT_BLANK
        return {"type": "string", "minLength": 1, "pattern": pattern}
    if tp is date:
        return {"type": "string", "format": "date"}
    if attrs.has(tp):
        return _record_schema(tp)
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - a new field type


@functools.cache
def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The file-facing description of each init field of record class ``cls``."""
    hints = typing.get_type_hints(cls)
    specs = []
    for f in attrs.fields(cls):
        if not f.init:
            continue
        ref = f.metadata.get("ref")
        schema = _type_schema(
            hints[f.name], one_line=file_key(f) not in MULTI_LINE, ref=ref is not None
        )
        if f.name == "id":
            schema = {"type": "string", "pattern": ID_PATTERN}
        if (cls.__name__, f.name) in NON_EMPTY:
            schema = {**schema, "minItems": 1}
        doc = str(f.metadata.get("doc", ""))
        schema = {**schema, "description": doc}
        specs.append(FieldSpec(f.name, file_key(f), schema, f.default is attrs.NOTHING, doc, ref))
    return tuple(specs)


def _record_schema(cls: type) -> dict[str, Any]:
    specs = field_specs(cls)
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": {s.key: s.schema for s in specs},
        "required": [s.key for s in specs if s.required],
        "additionalProperties": False,
    }


TOP_LEVEL += (
    (
        "expected",
        {"type": "array", "items": _record_schema(Expectation)},
        False,
        "Findings of `govmodel check` the authors expect, each with `code`, `reason` and "
        "optional `subjects`; reported but not failing.",
    ),
    (
        "facts",
        {"type": "array", "items": _record_schema(StatedFact)},
        False,
        "Facts the rulebook's conditions read (governors' approval given, a body prescribed), "
        "each with `fact`, `value` and optional `organisation` and `source`.",
    ),
)


def policy_schema(kind: PolicyKind) -> dict[str, Any]:
    """The schema of one kind of local policy (``kind`` fixed to it).

    >>> policy_schema(PolicyKind.REPORTS_TO)["required"]
    ['code', 'name', 'kind', 'summary', 'source', 'to']
    """
    cls = POLICY_CLASSES[kind]
    base = _record_schema(cls)
    props = dict(base["properties"])
    ordered = {
        "code": {**props.pop("code"), "pattern": LOCAL_CODE},
        "name": {**props.pop("name"), "pattern": NAME_PATTERN},
        "kind": {"const": kind.value, "description": f"`{kind.value}`: {base['description']}"},
    }
    required = [k for k in ("code", "name") if k in base["required"]]
    required += ["kind", *(k for k in base["required"] if k not in required)]
    return {**base, "properties": {**ordered, **props}, "required": required}


def policies_schema(*, includes: bool = True) -> dict[str, Any]:
    """The schema of a ``policies:`` list: each entry one kind of policy, or (in a model
    file, when ``includes``) the name of a policy file."""
    kinds = [policy_schema(kind) for kind in PolicyKind]
    return {
        "type": "array",
        "items": {"oneOf": [_record_schema(PolicyInclude), *kinds] if includes else kinds},
    }


#: The top-level keys of a policy file: (key, schema, required, doc).
POLICY_FILE_KEYS: tuple[tuple[str, dict[str, Any], bool, str], ...] = (
    ("name", {"type": "string", "minLength": 1}, True, "What the policies are, in a few words."),
    ("description", {"type": "string"}, False, "Where they come from and what they cover."),
    (
        "document",
        {"type": "string", "minLength": 1},
        False,
        "The document the policies are written in (`EPUT standing financial instructions`); "
        "it heads each policy's `source`.",
    ),
    ("url", {"type": "string", "minLength": 1}, False, "Where to read the document."),
    (
        "policies",
        policies_schema(includes=False),
        True,
        "The policies, each of one kind (see `govmodel policy --explain`).",
    ),
)


def policy_file_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a govmodel policy file.

    >>> policy_file_schema()["required"]
    ['name', 'policies']
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govmodel.readthedocs.io/schema/policy.json",
        "title": "govmodel policy file",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            **{key: {**schema, "description": doc} for key, schema, _, doc in POLICY_FILE_KEYS},
        },
        "required": [key for key, _, required, _ in POLICY_FILE_KEYS if required],
        "additionalProperties": False,
    }


TOP_LEVEL += (
    (
        "policies",
        policies_schema(),
        False,
        "Local policies (the organisation's own rules: standing financial instructions, "
        "standing orders), each with its own finding code `LOC001`...; or `file:` entries "
        "naming policy files. See `govmodel policy --explain`.",
    ),
)


def model_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a govmodel model file.

    >>> sorted(model_schema()["required"])
    ['as_of', 'name', 'organisations']
    """
    properties: dict[str, Any] = {"$schema": {"type": "string"}}
    required = []
    for key, schema, is_required, doc in TOP_LEVEL:
        properties[key] = {**schema, "description": doc}
        if is_required:
            required.append(key)
    for collection, cls in COLLECTIONS.items():
        properties[collection] = {
            "type": "array",
            "description": f"{cls.__name__} records.",
            "items": _record_schema(cls),
        }
    required.append("organisations")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govmodel.readthedocs.io/schema/model.json",
        "title": "govmodel model file",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
