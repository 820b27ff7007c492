"""Plain data <-> records, with cattrs.

Field renames (``from_`` <-> ``from``) come from the records' metadata, kinds
are parsed with their aliases, and unstructuring omits fields left at their
defaults so that saved files stay as short as hand-written ones.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.io.schema import TOP_LEVEL, field_specs, file_key
from govmodel.model.dates import as_date
from govmodel.model.governance import COLLECTIONS, GovernanceModel
from govmodel.model.kinds import Kind
from govmodel.model.policies import (
    POLICY_CLASSES,
    MemberCount,
    Policy,
    PolicyInclude,
    PolicyKind,
    Role,
)
from govmodel.model.records import Body, Expectation, Membership, StatedFact

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "from_plain",
    "iso_dates",
    "plain_value",
    "policy_from_plain",
    "policy_to_plain",
    "to_document",
    "to_plain",
]


@functools.cache
def _converter() -> cattrs.Converter:
    import cattrs  # imported when a model is first converted, not with govmodel
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    conv = cattrs.Converter()
    for kind in Kind.__subclasses__():  # StrEnums would otherwise pass through as str
        conv.register_structure_hook(kind, lambda v, t: t.parse(v))
        conv.register_unstructure_hook(kind, lambda v: v.value)
    conv.register_structure_hook(date, lambda v, _: as_date(v))
    conv.register_unstructure_hook(date, lambda v: v)
    nested = (Membership, Expectation, StatedFact, MemberCount, Role, PolicyInclude)
    for cls in (*nested, *COLLECTIONS.values(), *POLICY_CLASSES.values()):  # nested first
        attrs.resolve_types(cls)
        renames: dict[str, Any] = {
            f.name: override(rename=file_key(f)) for f in attrs.fields(cls) if file_key(f) != f.name
        }
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renames)
        )
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **renames)
        )
    return conv


@functools.cache
def _makers() -> dict[type, Callable[[dict[str, Any]], Any]]:
    """For each record class, a function from a validated plain record to the record.

    Built once: the file keys that differ from field names, the nested records
    (a body's members) and the whole-number fields (JSON's ``1.0`` is a whole
    number) are looked up here, never per record.
    """
    makers: dict[type, Callable[[dict[str, Any]], Any]] = {}
    nested: dict[type, dict[str, type]] = {Body: {"members": Membership}}
    for cls in (Membership, Expectation, StatedFact, *COLLECTIONS.values()):  # nested first
        fields = [f for f in attrs.fields(cls) if f.init]
        renames = {file_key(f): f.name for f in fields if file_key(f) != f.name}
        numbers = tuple(
            spec.name for spec in field_specs(cls) if spec.schema.get("type") == "integer"
        )
        subs = {key: makers[sub] for key, sub in nested.get(cls, {}).items()}
        makers[cls] = _maker(cls, renames, numbers, subs)
    return makers


def _maker(
    cls: type,
    renames: dict[str, str],
    numbers: tuple[str, ...],
    subs: dict[str, Callable[[dict[str, Any]], Any]],
) -> Callable[[dict[str, Any]], Any]:
    def make(record: dict[str, Any]) -> Any:
        kwargs = {renames.get(k, k): v for k, v in record.items()} if renames else dict(record)
        for key in numbers:
            value = kwargs.get(key)
            if isinstance(value, float):
                kwargs[key] = int(value)
        for key, sub in subs.items():
            if key in kwargs:
                kwargs[key] = tuple(sub(item) for item in kwargs[key])
        return cls(**kwargs)

    return make


def policy_from_plain(data: dict[str, Any]) -> Policy | PolicyInclude:
    """A ``policies:`` entry that has passed validation, as its record."""
    if "kind" not in data:
        return _converter().structure(data, PolicyInclude)
    cls = POLICY_CLASSES[PolicyKind.parse(data["kind"])]
    return _converter().structure({k: v for k, v in data.items() if k != "kind"}, cls)


def policy_to_plain(policy: Policy | PolicyInclude) -> dict[str, Any]:
    """A policy (or a policy file's name) as plain data: ``code``, ``name``, ``kind``,
    then the keys it sets."""
    plain: dict[str, Any] = _converter().unstructure(policy, type(policy))
    if isinstance(policy, PolicyInclude):
        return plain
    head = {"code": plain.pop("code"), "name": plain.pop("name"), "kind": policy.kind.value}
    return {**head, **plain}


def from_plain(
    data: dict[str, Any], *, source: str | None = None, locations: Mapping[Any, Any] | None = None
) -> GovernanceModel:
    """Build a model from a document that has passed validation."""
    makers = _makers()
    fields: dict[str, Any] = {key: data[key] for key, *_ in TOP_LEVEL if key in data}
    make_expectation, make_fact = makers[Expectation], makers[StatedFact]
    fields["expected"] = tuple(make_expectation(e) for e in data.get("expected", ()))
    fields["facts"] = tuple(make_fact(f) for f in data.get("facts", ()))
    fields["policies"] = tuple(policy_from_plain(p) for p in data.get("policies", ()))
    for collection, cls in COLLECTIONS.items():
        make = makers[cls]
        fields[collection] = tuple(make(r) for r in data.get(collection, ()))
    return GovernanceModel(
        **fields, source=source, locations=locations if locations is not None else {}
    )


def to_plain(model: GovernanceModel) -> dict[str, Any]:
    """The model as plain data in file order: dates stay :class:`datetime.date`.

    Every collection is written, even when empty, so saved files always show
    the full shape of a model.
    """
    conv = _converter()
    out: dict[str, Any] = {"name": model.name, "as_of": model.as_of}
    if model.description:
        out["description"] = model.description
    if model.partners:
        out["partners"] = list(model.partners)
    for collection, cls in COLLECTIONS.items():
        records = getattr(model, collection)
        if collection == "matters" and not records:
            continue
        out[collection] = [conv.unstructure(r, cls) for r in records]
    for key in ("notes", "sources", "ignore"):
        if getattr(model, key):
            out[key] = list(getattr(model, key))
    if model.expected:
        out["expected"] = [conv.unstructure(e, Expectation) for e in model.expected]
    if model.facts:
        out["facts"] = [conv.unstructure(f, StatedFact) for f in model.facts]
    if model.policies:
        out["policies"] = [policy_to_plain(p) for p in model.policies]
    return out


def iso_dates(value: Any) -> Any:
    """``value`` with every :class:`datetime.date` inside it written as ISO text, as a
    file holds it (lists and mappings are rebuilt; nothing is changed in place)."""
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [iso_dates(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_document(model: GovernanceModel) -> dict[str, Any]:
    """The model as the plain document a model file holds (dates as ISO text): what
    the loader's checks read."""
    result: dict[str, Any] = iso_dates(to_plain(model))
    return result


def plain_value(value: Any) -> Any:
    """A field's value as a model file writes it: records as mappings, kinds as their
    ids, dates as ISO text, tuples as lists.

    >>> from govmodel.model.records import Membership
    >>> plain_value((Membership("eput.ceo", role="chair"),))
    [{'post': 'eput.ceo', 'role': 'chair'}]
    """
    if attrs.has(type(value)):
        return iso_dates(_converter().unstructure(value, type(value)))
    if isinstance(value, Kind):
        return value.value
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return iso_dates(value)
