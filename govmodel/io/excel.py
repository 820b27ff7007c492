"""Scheme of reservation and delegation workbooks: read one into a model
(:mod:`govmodel.io.template` writes them).

The sheets and columns are :data:`govmodel.io.sheets.SHEETS`. Reading builds
the same plain document a model file holds, so the same validation runs and
every problem comes back at once, located at its cell
(``sord.xlsx!Delegations!C14``) with the hints model files get. Where a cell
names a record, its id or its name will do. openpyxl is imported only when a
workbook is read or written.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.errors import ModelError
from govmodel.io.convert import from_plain
from govmodel.io.sheets import ABOUT, ABOUT_FIELDS, LISTS, SHEETS, Column, Sheet, header_key
from govmodel.io.validate import problems_in
from govmodel.locations import CellLocation, Location, Path, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.matters import STANDARD_MATTERS
from govmodel.model.money import parse_pounds

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["read_excel"]

_MISSING = object()
_SPLIT_IDS = re.compile(r"[;,\n]")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%d-%m-%Y")


# -- reading ----------------------------------------------------------------------------


@attrs.define
class _Reader:
    """Collects the plain document, each value's cell and the problems of one workbook."""

    file: str
    cells: dict[Path, CellLocation] = attrs.field(factory=dict)
    headers: dict[Path, Column] = attrs.field(factory=dict)
    problems: list[Problem] = attrs.field(factory=list)

    def cell(self, sheet: str, row: int, column: int) -> CellLocation:
        return CellLocation(self.file, row, column, sheet=sheet)

    def problem(self, path: Path, message: str, hint: str | None, at: CellLocation) -> None:
        self.problems.append(Problem(path, message, hint, at))

    def where(self, path: Path, *, key: bool = False) -> Location | None:
        probe = path
        while probe:
            if probe in self.cells:
                return self.cells[probe]
            probe = probe[:-1]
        return self.cells.get(())


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def _date(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return _text(value)
    text = _text(value)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text  # ISO text, or a mistake that validation names


def _convert(value: Any, column: Column, at: CellLocation, path: Path, reader: _Reader) -> Any:
    """The plain value of one cell, or ``_MISSING`` for a blank or unreadable one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return _MISSING
    kind = column.value_type
    if kind in ("ids", "lines"):
        parts = _SPLIT_IDS.split(_text(value)) if kind == "ids" else _text(value).split("\n")
        return [p.strip() for p in parts if p.strip()] or _MISSING
    if kind == "date":
        return _date(value)
    if kind == "bool":
        word = _text(value).lower()
        if word in _YES or word in _NO:
            return word in _YES
        reader.problem(path, f"{_text(value)!r} is not yes or no", "Write yes or no.", at)
        return _MISSING
    if kind == "money":
        try:
            return parse_pounds(value if isinstance(value, int | float) else _text(value))
        except ValueError as exc:
            reader.problem(path, str(exc), f"{column.header}: {column.doc}", at)
            return _MISSING
    if kind == "int":
        if isinstance(value, int | float) and float(value).is_integer():
            return int(value)
        text = _text(value)
        return int(text) if text.isdigit() else text
    return _text(value)


def _rows(sheet: Worksheet) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if any(v is not None and (not isinstance(v, str) or v.strip()) for v in row):
            yield number, row


def _header_columns(sheet: Worksheet, spec: Sheet, reader: _Reader) -> dict[int, Column]:
    """Which column index holds which field: headers are matched by name, in any order."""
    known = {header_key(c.header): c for c in spec.columns}
    known |= {header_key(c.key): c for c in spec.columns}
    found: dict[int, Column] = {}
    first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for index, header in enumerate(first, start=1):
        if header is None or not str(header).strip():
            continue
        column = known.get(header_key(str(header)))
        at = reader.cell(spec.name, 1, index)
        if column is None:
            guess = closest(str(header), [c.header for c in spec.columns])
            hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
            names = ", ".join(c.header for c in spec.columns)
            reader.problem((), f"unknown column {header!r}", f"{hint}Columns here: {names}.", at)
        elif column in found.values():
            reader.problem((), f"column {header!r} appears twice", "Keep one of them.", at)
        else:
            found[index] = column
    for column in spec.columns:
        if column.required and column not in found.values():
            at = reader.cell(spec.name, 1, len(first) + 1)
            reader.problem(
                (), f"the {column.header!r} column is missing", f"Add it: {column.doc}", at
            )
    return found


def _read_rows(
    sheet: Worksheet, spec: Sheet, reader: _Reader, base: Path
) -> list[tuple[dict[str, Any], dict[str, CellLocation], CellLocation]]:
    """Each non-blank row as (plain record, key -> cell, first cell)."""
    columns = _header_columns(sheet, spec, reader)
    out: list[tuple[dict[str, Any], dict[str, CellLocation], CellLocation]] = []
    for number, row in _rows(sheet):
        record: dict[str, Any] = {}
        where: dict[str, CellLocation] = {}
        for index, column in columns.items():
            at = reader.cell(spec.name, number, index)
            where[column.key] = at
            value = row[index - 1] if index - 1 < len(row) else None
            converted = _convert(value, column, at, (*base, len(out), column.key), reader)
            if converted is not _MISSING:
                record[column.key] = converted
        for column in spec.columns:  # a missing column points at the row's first cell
            where.setdefault(column.key, reader.cell(spec.name, number, 1))
        out.append((record, where, reader.cell(spec.name, number, 1)))
    return out


class _Names:
    """Ids by name: where a cell names a record by its name (or title), its id is used."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.ids: dict[str, set[str]] = {}
        self.by_name: dict[str, dict[str, str | None]] = {}
        self.spelling: dict[str, str] = {}
        pools = {
            "organisations": ("name", "short_name"),
            "bodies": ("name",),
            "posts": ("title",),
            "matters": ("name",),
            "agreements": ("name",),
        }
        for collection, keys in pools.items():
            records = list(document.get(collection, ()))
            if collection == "matters":
                records += [{"id": m.id, "name": m.name} for m in STANDARD_MATTERS]
            self.ids[collection] = {r["id"] for r in records if isinstance(r.get("id"), str)}
            names: dict[str, str | None] = {}
            for r in records:
                for key in keys:
                    name = r.get(key)
                    if isinstance(name, str) and isinstance(r.get("id"), str):
                        norm = name.strip().lower()
                        self.spelling.setdefault(norm, name.strip())
                        names[norm] = r["id"] if names.get(norm, r["id"]) == r["id"] else None
            self.by_name[collection] = names
        self.ids["holders"] = self.ids["bodies"] | self.ids["posts"]
        self.by_name["holders"] = {**self.by_name["posts"], **self.by_name["bodies"]}

    def resolve(self, value: Any, ref: str | None) -> Any:
        if ref not in self.ids or not isinstance(value, str) or value in self.ids[ref]:
            return value
        found = self.by_name[ref].get(value.strip().lower())
        return found or value


def _delegation_id(record: dict[str, Any], taken: set[str]) -> str:
    base = re.sub(
        r"[^A-Za-z0-9_.\-]+", "_", f"{record.get('from', 'x')}-to-{record.get('to', 'x')}"
    )
    base = base.strip("_.-") or "delegation"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _about(book: Workbook, reader: _Reader, document: dict[str, Any]) -> None:
    by_label = {header_key(c.header): c for c in ABOUT_FIELDS} | {
        header_key(c.key): c for c in ABOUT_FIELDS
    }
    reader.cells[()] = reader.cell(ABOUT.name, 1, 1)
    if ABOUT.name not in book.sheetnames:
        return
    sheet = book[ABOUT.name]
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_col=2, values_only=True), 1):
        label = row[0] if row else None
        if label is None or not str(label).strip():
            continue
        column = by_label.get(header_key(str(label)))
        if column is None:
            continue  # instructions and headings
        at = reader.cell(ABOUT.name, number, 2)
        reader.cells[(column.key,)] = at
        reader.headers[(column.key,)] = column
        value = _convert(row[1] if len(row) > 1 else None, column, at, (column.key,), reader)
        if value is not _MISSING:
            document[column.key] = value


def _document(book: Workbook, reader: _Reader) -> dict[str, Any]:
    document: dict[str, Any] = {}
    _about(book, reader, document)
    expected_names = {s.name for s in (ABOUT, *SHEETS)}
    for name in book.sheetnames:
        if name not in expected_names and name != LISTS:
            guess = closest(name, expected_names)
            if guess:
                reader.problem(
                    (),
                    f"sheet {name!r} is not read",
                    f"Did you mean {guess[0]!r}? Rename the sheet to read it.",
                    reader.cell(name, 1, 1),
                )
    rows: dict[str, list[tuple[dict[str, Any], dict[str, CellLocation], CellLocation]]] = {}
    for spec in SHEETS:
        if spec.name in book.sheetnames:
            rows[spec.collection] = _read_rows(book[spec.name], spec, reader, (spec.collection,))
        else:
            rows[spec.collection] = []
    for spec in SHEETS:
        if spec.collection in ("members", "reserved", "delegations", "expected"):
            continue
        document[spec.collection] = []
        for record, where, first in rows[spec.collection]:
            path: Path = (spec.collection, len(document[spec.collection]))
            _place(reader, spec, path, record, where, first)
            document[spec.collection].append(record)
    names = _Names(document)
    _delegations(document, rows["delegations"], reader, names)
    _attach(document, rows["members"], reader, names, "members")
    _attach(document, rows["reserved"], reader, names, "reserved")
    document["expected"] = []
    spec = next(s for s in SHEETS if s.collection == "expected")
    for record, where, first in rows["expected"]:
        _place(reader, spec, ("expected", len(document["expected"])), record, where, first)
        document["expected"].append(record)
    if not document["expected"]:
        del document["expected"]
    _resolve(document, reader, names)
    return document


def _place(
    reader: _Reader,
    spec: Sheet,
    path: Path,
    record: dict[str, Any],
    where: dict[str, CellLocation],
    first: CellLocation,
) -> None:
    reader.cells[path] = first
    for key, at in where.items():
        reader.cells[(*path, key)] = at
        reader.headers[(*path, key)] = spec.column(key)
        value = record.get(key)
        if isinstance(value, list):
            for i in range(len(value)):
                reader.cells[(*path, key, i)] = at


def _delegations(
    document: dict[str, Any],
    rows: list[tuple[dict[str, Any], dict[str, CellLocation], CellLocation]],
    reader: _Reader,
    names: _Names,
) -> None:
    spec = next(s for s in SHEETS if s.collection == "delegations")
    out: list[dict[str, Any]] = []
    by_id: dict[str, int] = {}
    taken = {r["id"] for r, _, _ in rows if isinstance(r.get("id"), str)}
    for record, where, first in rows:
        for key in ("from", "to", "matters"):
            if key in record:
                record[key] = names.resolve(
                    record[key], "matters" if key == "matters" else "holders"
                )
        matter = record.pop("matters", None)
        if "id" not in record:
            record["id"] = _delegation_id(record, taken)
        index = by_id.get(record["id"])
        if index is None:
            record["matters"] = [] if matter is None else [matter]
            path: Path = ("delegations", len(out))
            _place(reader, spec, path, record, where, first)
            reader.cells[(*path, "matters", 0)] = where["matters"]
            by_id[record["id"]] = len(out)
            out.append(record)
            continue
        earlier = out[index]
        for key in sorted(set(record) | set(earlier) - {"matters"}):
            if key != "matters" and record.get(key) != earlier.get(key):
                column = spec.column(key)
                reader.problem(
                    ("delegations", index, key),
                    f"this row has the same ID as row {reader.cells[('delegations', index)].line}"
                    f" but a different {column.header!r}",
                    "Rows with one ID are one delegation: give every row the same values "
                    "apart from the matter, or give this row its own ID.",
                    where[key],
                )
                break
        if matter is not None:
            reader.cells[("delegations", index, "matters", len(earlier["matters"]))] = where[
                "matters"
            ]
            earlier["matters"].append(matter)
    document["delegations"] = out


def _attach(
    document: dict[str, Any],
    rows: list[tuple[dict[str, Any], dict[str, CellLocation], CellLocation]],
    reader: _Reader,
    names: _Names,
    key: str,
) -> None:
    """Members and reserved matters join the bodies their rows name."""
    spec = next(s for s in SHEETS if s.collection == key)
    index = {b.get("id"): i for i, b in enumerate(document["bodies"])}
    for record, where, _first in rows:
        body = names.resolve(record.pop("body", None), "bodies")
        if body not in index:
            if body is not None:
                guess = closest(str(body), [str(i) for i in index if i])
                hint = (
                    f"Closest ids: {', '.join(repr(g) for g in guess)}."
                    if guess
                    else "Add the body on the Bodies sheet, or correct the name."
                )
                reader.problem((key,), f"no body with id {body!r}", hint, where["body"])
            else:
                reader.problem((key,), "the 'Body' cell is empty", "Name the body.", where["body"])
            continue
        bi = index[body]
        target = document["bodies"][bi].setdefault(key, [])
        path: Path = ("bodies", bi, key, len(target))
        if key == "reserved":
            if "matter" in record:
                reader.cells[path] = where["matter"]
                reader.headers[path] = spec.column("matter")
                target.append(names.resolve(record["matter"], "matters"))
            continue
        _place(reader, spec, path, record, where, where["body"])
        target.append(record)


def _resolve(document: dict[str, Any], reader: _Reader, names: _Names) -> None:
    """Names written where ids belong become ids (members and delegations are done)."""
    for spec in SHEETS:
        records = document.get(spec.collection, ())
        if spec.collection == "bodies":
            records = [*records, *(m for b in records for m in b.get("members", ()))]
        for record in records:
            for column in spec.columns:
                if column.ref and column.key in record and column.key != "matters":
                    value = record[column.key]
                    record[column.key] = (
                        [names.resolve(v, column.ref) for v in value]
                        if isinstance(value, list)
                        else names.resolve(value, column.ref)
                    )
    for body in document.get("bodies", ()):
        for member in body.get("members", ()):
            for key, ref in (("post", "posts"), ("on_behalf_of", "organisations")):
                if key in member:
                    member[key] = names.resolve(member[key], ref)
    if "partners" in document:
        document["partners"] = [names.resolve(p, "organisations") for p in document["partners"]]


def _sheet_order(location: Location | None) -> tuple[int, int, int]:
    order = [ABOUT.name, *(s.name for s in SHEETS)]
    if not isinstance(location, CellLocation):
        return (-1, 0, 0)
    rank = order.index(location.sheet) if location.sheet in order else len(order)
    return (rank, location.line, location.column)


def _polish(problem: Problem, reader: _Reader, names: _Names) -> Problem:
    """Point each problem at its cell, speak of columns rather than keys, and suggest
    records by name where a cell names none."""
    at = reader.where(problem.path) if problem.path else problem.location
    if isinstance(problem.location, CellLocation) and not problem.path:
        at = problem.location
    column = reader.headers.get(problem.path)
    if column is not None and problem.message.startswith("missing required key"):
        return Problem(problem.path, f"{column.header!r} is empty", f"Fill it in: {column.doc}", at)
    key_path = (
        problem.path[:-1] if problem.path and isinstance(problem.path[-1], int) else problem.path
    )
    column = reader.headers.get(key_path)
    unknown = re.match(r"no .* with id '(.*)'$", problem.message)
    if column is not None and column.ref and unknown:
        guess = closest(unknown.group(1).lower(), names.by_name.get(column.ref, {}))
        found = [(g, names.by_name[column.ref][g]) for g in guess if names.by_name[column.ref][g]]
        if found:
            hint = (
                "Closest names: "
                + ", ".join(f"{names.spelling.get(g, g)!r} (id {i})" for g, i in found)
                + "."
            )
            return Problem(problem.path, problem.message, hint, at)
    return attrs.evolve(problem, location=at)


def _refuse_other_workbooks(book: Workbook, name: str) -> None:
    """A workbook with none of the template's sheets is not a scheme to import: the
    board-ready workbook ``govmodel table`` writes (a Cover sheet first) is named as
    such, anything else is told which sheets are read."""
    template = [s.name for s in (ABOUT, *SHEETS)]
    if any(sheet in book.sheetnames for sheet in template):
        return
    first = book.sheetnames[0] if book.sheetnames else "Sheet1"
    if first == "Cover":
        message = "this is the board-ready workbook `govmodel table` writes, made for reading"
        hint = (
            "Import the template instead: `govmodel table MODEL --template -o sord.xlsx` "
            "writes it filled with a model (or give the model file itself)."
        )
    else:
        message = "none of the template's sheets is in this workbook"
        hint = (
            f"The sheets read are {', '.join(template)}; "
            "`govmodel table --template -o sord.xlsx` writes a blank template."
        )
    raise ModelError(
        [Problem((), message, hint, CellLocation(name, 1, 1, sheet=first))], source=name
    )


def read_excel(path: str | os.PathLike[str]) -> GovernanceModel:
    """Read a scheme of reservation and delegation workbook (the template's sheets)
    into a model.

    Raises :class:`~govmodel.errors.ModelError` listing every problem, each at
    its cell (``sord.xlsx!Delegations!C14``) with a hint.

    >>> import govmodel, tempfile, pathlib
    >>> book = pathlib.Path(tempfile.mkdtemp()) / "nics.xlsx"
    >>> _ = govmodel.save(govmodel.examples.load("nics-2021"), book)
    >>> read_excel(book) == govmodel.examples.load("nics-2021")
    True
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = os.fspath(path)
    try:
        book = load_workbook(name, data_only=True)
    except FileNotFoundError:
        raise ModelError(
            [Problem((), "no such file", "Check the path.", Location(name, 1, 1))], source=name
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, InvalidFileException) as exc:
        hint = (
            "Save it from Excel as an .xlsx workbook."
            if name.lower().endswith(".xls")
            else "Give an .xlsx workbook; `govmodel table --template -o sord.xlsx` writes one."
        )
        raise ModelError(
            [
                Problem(
                    (),
                    f"not an Excel workbook ({exc.__class__.__name__})",
                    hint,
                    Location(name, 1, 1),
                )
            ],
            source=name,
        ) from None
    _refuse_other_workbooks(book, name)
    reader = _Reader(name)
    document = _document(book, reader)
    names = _Names(document)
    problems = list(reader.problems)
    seen = {(p.path, str(p.location)) for p in problems}
    for p in problems_in(document, reader.where):
        p = _polish(p, reader, names)
        if (p.path, str(p.location)) not in seen:
            problems.append(p)
    if problems:
        raise ModelError(sorted(problems, key=lambda p: _sheet_order(p.location)), source=name)
    try:
        return from_plain(document, source=name, locations=dict(reader.cells))
    except (ValueError, TypeError) as exc:  # a local validator in a record
        raise ModelError([Problem((), str(exc), None, reader.where(()))], source=name) from None
