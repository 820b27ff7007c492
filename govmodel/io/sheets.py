"""The scheme of reservation and delegation workbook: which sheet and column holds
which field of which record.

One table, :data:`SHEETS`, read by the importer and by the template writer
(:mod:`govmodel.io.excel`), so the two can never disagree. The columns come
from the records' own fields (:func:`govmodel.io.schema.field_specs`), so a
field added to a record appears in the workbook too. Three sheets are not
record collections: *Members* (who sits on which body), *Reserved* (the
matters a body keeps to itself) and *About* (the model's name, date and notes,
one field a row).
"""

from __future__ import annotations

import functools
import re
import typing

import attrs

from govmodel.io.schema import TOP_LEVEL, field_specs
from govmodel.model.governance import COLLECTIONS
from govmodel.model.kinds import Kind
from govmodel.model.records import Expectation, Membership

__all__ = [
    "ABOUT",
    "ABOUT_FIELDS",
    "LISTS",
    "SHEETS",
    "TEMPLATE_ROWS",
    "Column",
    "Sheet",
    "header_key",
]

#: Column headers that read better than the field name.
_HEADERS = {
    "id": "ID",
    "ods": "ODS code",
    "from": "Delegated by",
    "to": "Delegated to",
    "matters": "Matter",
    "limit": "Limit (£)",
    "value": "Value (£)",
    "onward": "May delegate onward",
    "ratification": "Needs ratification",
    "quorum_each_organisation": "Quorum from each organisation",
    "joint_with": "Joint with",
    "on_behalf_of": "On behalf of",
    "terms_of_reference": "Terms of reference",
    "as_of": "As of",
}

#: Rows the template's drop-down lists and validations cover.
TEMPLATE_ROWS = 300
#: The template's hidden sheet of drop-down values (never read back).
LISTS = "Lists"

#: Money fields: written with a pound format, read from ``£250,000`` as well as numbers.
_MONEY = {"limit", "value"}


@attrs.frozen
class Column:
    """One column: its header, the record key it fills and how its cells read.

    ``value_type`` is one of ``text``, ``id`` (one id), ``ids`` (several ids separated
    by ``;``, ``,`` or new lines), ``lines`` (several texts, one a line),
    ``date``, ``int``, ``money``, ``bool`` or ``kind`` (one of ``choices``).
    """

    header: str
    key: str
    value_type: str
    doc: str
    required: bool = False
    ref: str | None = None
    kind: type[Kind] | None = None


@attrs.frozen
class Sheet:
    """One sheet: the collection its rows fill and its columns in order."""

    name: str
    collection: str
    doc: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        """The column for record key ``key``."""
        return next(c for c in self.columns if c.key == key)


def header_key(text: str) -> str:
    """A header reduced for matching: letters and digits only, lower case.

    >>> header_key("Limit (£)"), header_key(" delegated_by ")
    ('limit', 'delegatedby')
    """
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _header(key: str) -> str:
    return _HEADERS.get(key, key.replace("_", " ").capitalize())


def _columns(cls: type, *, skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for spec in field_specs(cls):
        if spec.key in skip:
            continue
        schema = spec.schema
        tp = hints[spec.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
        kind = args[0] if isinstance(args[0], type) and issubclass(args[0], Kind) else None
        if kind is not None:
            ctype = "kind"
        elif schema.get("type") == "array":
            ctype = "ids" if spec.ref or spec.key == "subjects" else "lines"
        elif schema.get("format") == "date":
            ctype = "date"
        elif schema.get("type") == "boolean":
            ctype = "bool"
        elif schema.get("type") == "integer":
            ctype = "money" if spec.key in _MONEY else "int"
        else:
            ctype = "id" if spec.ref or spec.key == "id" else "text"
        out.append(
            Column(_header(spec.key), spec.key, ctype, spec.doc, spec.required, spec.ref, kind)
        )
    return tuple(out)


def _sheets() -> tuple[Sheet, ...]:
    docs = {
        "organisations": "The legal persons in the arrangement: trusts, ICBs, councils...",
        "bodies": "Boards, committees and joint bodies; members go on the Members sheet.",
        "posts": "Offices: chair, chief executive, directors...",
        "matters": "Your own matters (kinds of decision); the standard ones need no row.",
        "delegations": "One matter a row; rows with the same ID are one delegation.",
        "agreements": "Agreements between organisations that set up bodies or delegations.",
        "contracts": "Contracts for services, commissioner to provider.",
    }
    out = []
    for collection, cls in COLLECTIONS.items():
        skip = ("members", "reserved") if collection == "bodies" else ()
        columns = _columns(cls, skip=skip)
        if collection == "delegations":
            columns = tuple(
                attrs.evolve(c, value_type="id", required=False)
                if c.key == "id"
                else attrs.evolve(c, value_type="id")
                if c.key == "matters"
                else c
                for c in columns
            )
        out.append(Sheet(collection.capitalize(), collection, docs[collection], columns))
    body = Column("Body", "body", "id", "The body the member sits on.", True, "bodies")
    out.insert(
        3, Sheet("Members", "members", "Who sits on each body.", (body, *_columns(Membership)))
    )
    matter = Column("Matter", "matter", "id", "The matter the body reserves.", True, "matters")
    reserved_body = attrs.evolve(body, doc="The body that reserves the matter to itself.")
    out.append(
        Sheet(
            "Reserved",
            "reserved",
            "Matters a body reserves to itself (it may not delegate them).",
            (reserved_body, matter),
        )
    )
    out.append(
        Sheet(
            "Expected",
            "expected",
            "Findings of `govmodel check` you expect, and why.",
            _columns(Expectation),
        )
    )
    return tuple(out)


SHEETS: tuple[Sheet, ...] = _sheets()


@functools.cache
def _about() -> tuple[Column, ...]:
    out = []
    for key, schema, required, doc in TOP_LEVEL:
        if key == "expected":
            continue
        if schema.get("type") == "array":
            ctype = "ids" if key in ("partners", "ignore") else "lines"
        elif schema.get("format") == "date":
            ctype = "date"
        else:
            ctype = "text"
        ref = "organisations" if key == "partners" else None
        out.append(Column(_header(key), key, ctype, doc, required, ref))
    return tuple(out)


#: The About sheet's fields, one a row (label in column A, value in column B).
ABOUT_FIELDS: tuple[Column, ...] = _about()

#: The About sheet.
ABOUT = Sheet("About", "about", "The model: its name, the date it describes, notes.", ABOUT_FIELDS)
