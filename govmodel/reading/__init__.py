"""Read YAML or JSON into plain data, strictly, within limits, with every location kept.

Model files (:mod:`govmodel.io`) and rule files (:mod:`govmodel.law`) are read
here. What the reader promises:

- **Plain data only.** No tag can run code or build an object: only the core
  tags (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``, ``!!map``,
  ``!!seq``) are accepted, others are reported.
- **YAML 1.2 meanings, never YAML 1.1 surprises.** Booleans are only
  ``true``/``false`` (``yes``, ``no``, ``on``, ``off``, ``NO`` stay text, so
  ``on:`` as a key is the word ``on``); integers are plain decimals; a
  numeral that YAML 1.1 and 1.2 read differently (``017``, ``0x1F``, ``4:10``,
  ``1e3``, ``1_000``) stays text, so where a number is expected the schema
  refuses it with the advice to write it plainly (see
  :func:`numeral_advice`); dates stay ISO text, as in JSON.
- **Merge keys** (``<<: *base``) work as YAML defines them: keys written in
  the mapping override merged ones, and that is not a duplicate; a merge of
  anything but a mapping (``<<: 5``) is reported where it stands.
- **Duplicate keys** are reported instead of silently keeping the last.
- **Bounds** (:class:`Limits`): file size, nesting depth and what aliases may
  add are limited, so a small hostile file ("billion laughs", 500 nested
  brackets) fails fast with a message naming the limit.
- **JSON is read as JSON** (``.json`` files, or text that starts like a JSON
  object), by the standard library, with JSON's own line and column; trailing
  commas, ``NaN`` and comments are refused as JSON refuses them.
- **Encoding errors, NUL and control characters** are reported at their line
  and column.
- **Fast.** libyaml's C parser emits events that are built into data in one
  loop, with the position of each key and value kept as a compact tree; JSON
  positions are found only when a location is asked for.
"""

from __future__ import annotations

from govmodel.locations import Location, Problem
from govmodel.reading.base import (
    LIMITS,
    Limits,
    Parsed,
    Positions,
    no_gc,
    unsafe_character,
)
from govmodel.reading.jsonread import parse_json
from govmodel.reading.yamlread import numeral_advice, parse_yaml

__all__ = [
    "LIMITS",
    "Limits",
    "Parsed",
    "Positions",
    "decode",
    "no_gc",
    "numeral_advice",
    "parse",
    "parse_bytes",
    "unsafe_character",
]


def decode(data: bytes, filename: str) -> tuple[str | None, Problem | None]:
    """``data`` as text (UTF-8, or UTF-16 with a byte-order mark), or a located problem."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, Problem(
                (),
                "the file starts like UTF-16 but does not decode as UTF-16",
                "Save it as UTF-8.",
                Location(filename, 1, 1),
            )
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        bad = data[start : max(exc.end, start + 1)]
        return None, Problem(
            (),
            f"byte {' '.join(f'0x{b:02X}' for b in bad[:4])} is not UTF-8 ({exc.reason})",
            "Save the file as UTF-8 (most editors offer this under 'Save as').",
            Location(filename, line, column),
        )


def _size_problem(size: int, filename: str, limits: Limits) -> Problem | None:
    if size <= limits.max_bytes:
        return None
    return Problem(
        (),
        f"the file is {size / 1e6:.1f} MB, more than the limit of {limits.max_bytes / 1e6:.0f} MB",
        "Split the model into smaller files, or raise the limit (`max_bytes=`).",
        Location(filename, 1, 1),
    )


def _format_of(text: str, filename: str, format: str | None) -> str:
    if format is not None:
        if format not in ("yaml", "json"):
            raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
        return format
    lower = filename.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    head = text.lstrip(" \t\r\n")[:64]
    if head.startswith("{") and head[1:].lstrip(" \t\r\n")[:1] in ('"', "}"):
        return "json"
    return "yaml"


def parse_bytes(
    data: bytes,
    filename: str,
    *,
    format: str | None = None,
    limits: Limits = LIMITS,
    size: int | None = None,
) -> Parsed:
    """Decode and parse the bytes of a file (see :func:`parse`); ``size`` is the
    file's size when only its first ``limits.max_bytes + 1`` bytes were read."""
    too_big = _size_problem(max(len(data), size or 0), filename, limits)
    if too_big is not None:
        return Parsed(None, [too_big], filename)
    text, problem = decode(data, filename)
    if text is None:
        assert problem is not None
        return Parsed(None, [problem], filename)
    return parse(text, filename, format=format, limits=limits)


def parse(
    text: str, filename: str, *, format: str | None = None, limits: Limits = LIMITS
) -> Parsed:
    """Parse ``text`` into a :class:`Parsed`; every problem is located.

    ``format`` is ``"yaml"`` or ``"json"``; by default it comes from the file
    name (``.json``), else from the text (JSON when it starts like an object).

    >>> p = parse("a: 017\\nb: on\\nc: [1, 2.5, true, null]\\n", "x.yaml")
    >>> p.data
    {'a': '017', 'b': 'on', 'c': [1, 2.5, True, None]}
    >>> str(p.where(("c", 1)))
    'x.yaml:3:8'
    """
    too_big = _size_problem(len(text), filename, limits)
    if too_big is not None:
        return Parsed(None, [too_big], filename)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _format_of(text, filename, format) == "json":
        return parse_json(text, filename, limits)
    return parse_yaml(text, filename, limits)
