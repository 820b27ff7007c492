"""What changed in the records of two models: added, removed, renamed, changed.

Records are matched by id within each collection. A record whose id changed but
nothing else did is a rename, not a removal and an addition; references to it
in other records follow the rename, so they are not reported as changes too.
Fields are compared as a model file writes them (kinds as ids, dates as ISO
text), one by one, with a field left out standing for its default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from govmodel.io.convert import plain_value, to_document
from govmodel.io.schema import TOP_LEVEL, field_specs
from govmodel.model.governance import COLLECTIONS, KIND_OF_COLLECTION, GovernanceModel
from govmodel.model.records import Membership

__all__ = ["FieldChange", "RecordChange", "RecordsDiff", "diff_records", "singular"]

_KIND = KIND_OF_COLLECTION


def singular(collection: str) -> str:
    """``bodies`` -> ``body``, ``commissioners`` -> ``commissioner``.

    >>> singular("parties"), singular("organisations"), singular("matters")
    ('party', 'organisation', 'matter')
    """
    if collection in _KIND:
        return _KIND[collection]
    if collection.endswith("ies"):
        return collection[:-3] + "y"
    return collection[:-1] if collection.endswith("s") else collection


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field that differs: its model-file key, and the value before and after
    (plain data; ``None`` where the field is unset)."""

    field: str
    old: Any
    new: Any

    @property
    def added(self) -> tuple[Any, ...]:
        """For a list field: the items only the new value holds."""
        if not isinstance(self.old, list) or not isinstance(self.new, list):
            return ()
        return tuple(v for v in self.new if v not in self.old)

    @property
    def removed(self) -> tuple[Any, ...]:
        """For a list field: the items only the old value holds."""
        if not isinstance(self.old, list) or not isinstance(self.new, list):
            return ()
        return tuple(v for v in self.old if v not in self.new)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``field``, ``old``, ``new`` (and list items gained and lost)."""
        out: dict[str, Any] = {"field": self.field, "old": self.old, "new": self.new}
        if isinstance(self.old, list) and isinstance(self.new, list):
            out["added"] = list(self.added)
            out["removed"] = list(self.removed)
        return out


@attrs.frozen(kw_only=True)
class RecordChange:
    """A record added, removed or changed (``old_id`` set when it was renamed)."""

    kind: str
    id: str
    label: str
    fields: tuple[FieldChange, ...] = ()
    old_id: str | None = None

    @property
    def renamed(self) -> bool:
        """Whether the record's id changed."""
        return self.old_id is not None and self.old_id != self.id

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"kind": self.kind, "id": self.id, "label": self.label}
        if self.renamed:
            out["old_id"] = self.old_id
        if self.fields:
            out["fields"] = [f.to_dict() for f in self.fields]
        return out


@attrs.frozen(kw_only=True)
class RecordsDiff:
    """Records added, removed and changed (renames among the changed), and the
    model's own top-level keys that changed (``name``, ``as_of``, ``notes``...)."""

    added: tuple[RecordChange, ...] = ()
    removed: tuple[RecordChange, ...] = ()
    changed: tuple[RecordChange, ...] = ()
    model: tuple[FieldChange, ...] = ()

    @property
    def renames(self) -> dict[str, str]:
        """Old id -> new id of every renamed record."""
        return {c.old_id: c.id for c in self.changed if c.renamed and c.old_id}

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.model)

    def to_dict(self) -> dict[str, Any]:
        """The ``records`` key of ``govmodel diff --format json`` (plus ``model``)."""
        return {
            "added": [c.to_dict() for c in self.added],
            "removed": [c.to_dict() for c in self.removed],
            "changed": [c.to_dict() for c in self.changed],
            "model": [f.to_dict() for f in self.model],
        }


def _defaults(cls: type) -> dict[str, Any]:
    """Model-file key -> the plain value a record of ``cls`` has when it is left out."""
    out = {}
    by_name = {s.name: s for s in field_specs(cls)}
    for f in attrs.fields(cls):
        if f.name not in by_name or f.default is attrs.NOTHING:
            continue
        default = f.default.factory() if isinstance(f.default, attrs.Factory) else f.default  # type: ignore[arg-type]
        out[by_name[f.name].key] = plain_value(default)
    return out


def _label(record: Mapping[str, Any]) -> str:
    if "from" in record and "to" in record:  # a delegation has no name: say what it does
        return f"{record['from']} -> {record['to']}: {', '.join(record.get('matters', []))}"
    return str(record.get("short_name") or record.get("name") or record.get("title") or "")


def _follow(record: dict[str, Any], cls: type, renames: Mapping[str, str]) -> dict[str, Any]:
    """``record`` with its references to renamed records pointing at the new ids."""
    if not renames:
        return record
    out = dict(record)
    for spec in field_specs(cls):
        value = out.get(spec.key)
        if spec.ref and isinstance(value, str):
            out[spec.key] = renames.get(value, value)
        elif spec.ref and isinstance(value, list):
            out[spec.key] = [renames.get(v, v) for v in value]
    if isinstance(out.get("members"), list):
        out["members"] = [_follow(m, Membership, renames) for m in out["members"]]
    return out


def _fields(
    old: Mapping[str, Any], new: Mapping[str, Any], defaults: Mapping[str, Any], order: list[str]
) -> tuple[FieldChange, ...]:
    out = []
    for key in order:
        if key == "id":
            continue
        before, after = old.get(key, defaults.get(key)), new.get(key, defaults.get(key))
        if before != after:
            out.append(FieldChange(field=key, old=before, new=after))
    return tuple(out)


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def _renames(
    olds: Mapping[str, Mapping[str, dict[str, Any]]],
    news: Mapping[str, Mapping[str, dict[str, Any]]],
) -> dict[str, str]:
    """Old id -> new id for records that differ only in their id (references to other
    renamed records followed), found until no more are."""
    renames: dict[str, str] = {}
    while True:
        found = dict(renames)
        for collection, cls in COLLECTIONS.items():
            gone = [i for i in olds[collection] if i not in news[collection] and i not in found]
            fresh = [
                i for i in news[collection] if i not in olds[collection] and i not in found.values()
            ]
            for old_id in sorted(gone):
                body = dict(_follow(olds[collection][old_id], cls, found))
                body.pop("id")
                for new_id in sorted(fresh):
                    candidate = dict(_follow(news[collection][new_id], cls, found))
                    candidate.pop("id")
                    if candidate == body:
                        found[old_id] = new_id
                        fresh.remove(new_id)
                        break
        if found == renames:
            return renames
        renames = found


def _follow_top(doc: dict[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """The top level with its references (partners, expected subjects, facts'
    organisations) pointing at renamed records' new ids."""
    out = dict(doc)
    if renames and "partners" in out:
        out["partners"] = [renames.get(p, p) for p in out["partners"]]
    if renames and "expected" in out:
        out["expected"] = [
            {**e, "subjects": [renames.get(s, s) for s in e["subjects"]]} if "subjects" in e else e
            for e in out["expected"]
        ]
    if renames and "facts" in out:
        out["facts"] = [
            {**f, "organisation": renames.get(f["organisation"], f["organisation"])}
            if "organisation" in f
            else f
            for f in out["facts"]
        ]
    return out


def _model_fields(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    out = []
    for key, *_ in TOP_LEVEL:
        before, after = old.get(key), new.get(key)
        if key in ("notes", "sources", "ignore", "partners", "expected", "facts"):
            before, after = before or [], after or []
        if before != after:
            out.append(FieldChange(field=key, old=before, new=after))
    return tuple(out)


def diff_records(old: GovernanceModel, new: GovernanceModel) -> RecordsDiff:
    """The records of ``new`` against those of ``old``, collection by collection.

    >>> import govmodel
    >>> old, new = govmodel.examples.load("msecc-2020"), govmodel.examples.load("msecc-2023")
    >>> d = diff_records(old, new)
    >>> [c.id for c in d.added]
    ['mse_icb', 'thurrock_council', 'msecc.mou']
    """
    old_doc, new_doc = to_document(old), to_document(new)
    olds = {c: _by_id(old_doc.get(c, [])) for c in COLLECTIONS}
    news = {c: _by_id(new_doc.get(c, [])) for c in COLLECTIONS}
    renames = _renames(olds, news)
    added: list[RecordChange] = []
    removed: list[RecordChange] = []
    changed: list[RecordChange] = []
    for collection, cls in COLLECTIONS.items():
        kind = _KIND[collection]
        defaults = _defaults(cls)
        order = [s.key for s in field_specs(cls)]
        back = {new_id: old_id for old_id, new_id in renames.items()}
        for rid, record in news[collection].items():
            old_id = back.get(rid, rid)
            if old_id not in olds[collection]:
                added.append(RecordChange(kind=kind, id=rid, label=_label(record)))
                continue
            before = _follow(olds[collection][old_id], cls, renames)
            fields = _fields(before, record, defaults, order)
            if fields or old_id != rid:
                changed.append(
                    RecordChange(
                        kind=kind,
                        id=rid,
                        label=_label(record),
                        fields=fields,
                        old_id=old_id if old_id != rid else None,
                    )
                )
        for rid, record in olds[collection].items():
            if rid not in news[collection] and rid not in renames:
                removed.append(RecordChange(kind=kind, id=rid, label=_label(record)))
    return RecordsDiff(
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
        model=_model_fields(_follow_top(old_doc, renames), new_doc),
    )
