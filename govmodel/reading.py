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

import contextlib
import gc
import json
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import yaml
from yaml import events as ev

from govmodel.locations import Location, Path, Problem

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


@attrs.frozen
class Limits:
    """Bounds on what one file may ask of the reader."""

    #: Largest file read, in bytes.
    max_bytes: int = 100 * 1024 * 1024
    #: Deepest nesting of mappings and lists (model files need about six levels).
    max_depth: int = 64
    #: Most values that aliases (``*name``) may add to what is written out.
    max_alias_values: int = 100_000


#: The default limits.
LIMITS = Limits()


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while plain data is built.

    Plain data from a file has no reference cycles, so the collector would find
    nothing; left on, it walks the growing document again and again (more than
    half the time of reading a large model).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- characters -------------------------------------------------------------------------

# What YAML accepts in a stream (its printable set), as a pattern for the rest.
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Characters never accepted in text: the C0 and C1 control characters other than
# tab and line breaks, and DEL. (Output escapes what else a terminal or a diagram
# language could misread: see govmodel.render.escape.)
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unsafe_character(text: str) -> str | None:
    """A description of the first character govmodel never accepts in text, or None.

    >>> unsafe_character("Board\\x1b[31m")
    'the control character U+001B (ESCAPE)'
    >>> unsafe_character("Board") is None
    True
    """
    found = _UNSAFE.search(text)
    return None if found is None else _describe_char(found.group())


def _describe_char(char: str) -> str:
    code = ord(char)
    name = unicodedata.name(char, "") or _C0_NAMES.get(code, "")
    kind = "control character" if unicodedata.category(char) == "Cc" else "character"
    return f"the {kind} U+{code:04X}" + (f" ({name})" if name else "")


_C0_NAMES = {
    0x00: "NUL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}

# -- positions --------------------------------------------------------------------------
#
# A position is one int, ``line << 32 | column`` (both 0-based). The positions of a
# document form a tree beside it: a scalar's entry is its position; a mapping's is
# ``(position, {key: (key position, entry)})``; a list's is ``(position, [entry, ...])``.

_SHIFT = 32
_LOW = (1 << _SHIFT) - 1


def _location(filename: str, pos: int) -> Location:
    return Location(filename, (pos >> _SHIFT) + 1, (pos & _LOW) + 1)


def _pos_of(entry: Any) -> int:
    return entry if isinstance(entry, int) else int(entry[0])


class Positions(Mapping[Path, Location]):
    """Where each value (or, with ``keys=True``, each key) stands, by key path.

    A read-only mapping from key paths to :class:`~govmodel.locations.Location`,
    built from the position tree only as far as each lookup needs.
    """

    def __init__(self, parsed: Parsed, *, keys: bool = False) -> None:
        self._parsed = parsed
        self._keys = keys

    def __getitem__(self, path: Path) -> Location:
        found = self._parsed._find(path, key=self._keys, exact=True)
        if found is None:
            raise KeyError(path)
        return found

    def __contains__(self, path: object) -> bool:
        return (
            isinstance(path, tuple)
            and self._parsed._find(path, key=self._keys, exact=True) is not None
        )

    def __iter__(self) -> Iterator[Path]:
        tree = self._parsed._tree()
        if tree is None:
            return
        stack: list[tuple[Path, Any]] = [((), tree)]
        while stack:
            path, entry = stack.pop()
            if not self._keys or (path and isinstance(path[-1], str)):
                yield path
            if isinstance(entry, int):
                continue
            children = entry[1]
            if isinstance(children, dict):
                stack.extend(((*path, k), child) for k, (_kpos, child) in children.items())
            else:
                stack.extend(((*path, i), child) for i, child in enumerate(children))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Parsed:
    """The plain document, where each value and key stands, and the problems found.

    ``data`` is None when the text could not be read at all. ``values`` and
    ``keys`` map key paths to locations; :meth:`where` finds the nearest one.
    """

    def __init__(
        self,
        data: Any,
        problems: list[Problem],
        filename: str,
        *,
        tree: Any = None,
        text: str | None = None,
        format: str = "yaml",
    ) -> None:
        self.data = data
        self.problems = problems
        self.filename = filename
        self.format = format
        self._positions = tree
        self._text = text  # JSON: positions are found from the text when first asked for
        self.values: Mapping[Path, Location] = Positions(self)
        self.keys: Mapping[Path, Location] = Positions(self, keys=True)

    def _tree(self) -> Any:
        if self._positions is None and self._text is not None:
            text, self._text = self._text, None
            with no_gc():
                self._positions = _json_positions(text)
        return self._positions

    def _find(self, path: Path, *, key: bool, exact: bool) -> Location | None:
        entry = self._tree()
        if entry is None:
            return None if exact else Location(self.filename, 1, 1)
        best = _pos_of(entry)
        for i, part in enumerate(path):
            if isinstance(entry, int):
                return None if exact else _location(self.filename, best)
            children = entry[1]
            if isinstance(children, dict):
                if not isinstance(part, str) or part not in children:
                    return None if exact else _location(self.filename, best)
                kpos, entry = children[part]
                if key and i == len(path) - 1:
                    return _location(self.filename, kpos)
            else:
                if not isinstance(part, int) or not 0 <= part < len(children):
                    return None if exact else _location(self.filename, best)
                entry = children[part]
            best = _pos_of(entry)
        if key and exact and path:
            return None  # a list item has no key
        return _location(self.filename, best)

    def where(self, path: Path, *, key: bool = False) -> Location | None:
        """Location of ``path`` (its key when ``key``), else of its nearest parent."""
        return self._find(path, key=key, exact=False)


# -- decoding ---------------------------------------------------------------------------


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


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _character_problems(text: str, filename: str, pattern: re.Pattern[str]) -> list[Problem]:
    out = []
    for found in pattern.finditer(text):
        line, column = _line_col(text, found.start())
        out.append(
            Problem(
                (),
                f"{_describe_char(found.group())} is not allowed in the file",
                "Remove it: control characters can hide text or drive a terminal.",
                Location(filename, line, column),
            )
        )
        if len(out) == 5:
            break
    return out


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
        return _parse_json(text, filename, limits)
    return _parse_yaml(text, filename, limits)


# -- JSON -------------------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON has no {name}")


def _parse_json(text: str, filename: str, limits: Limits = LIMITS) -> Parsed:
    duplicates: list[int] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            duplicates.append(1)
        return out

    problems = _character_problems(text, filename, _UNSAFE)
    if problems:
        return Parsed(None, problems, filename, format="json")
    try:
        with no_gc():
            data = json.loads(
                text,
                object_pairs_hook=pairs,
                parse_constant=_refuse_constant,
                parse_int=_json_int,
            )
    except json.JSONDecodeError as exc:
        return Parsed(None, [_json_error(exc, filename)], filename, format="json")
    except RecursionError:
        return Parsed(None, [_too_deep(text, filename, limits)], filename, format="json")
    except ValueError as exc:  # NaN or Infinity
        found = re.search(r"-?\b(?:NaN|Infinity)\b", text)
        at = Location(filename, *_line_col(text, found.start())) if found else None
        hint = "Write numbers as digits; JSON has no NaN or Infinity." if found else None
        message = f"not valid JSON: {exc}"
        return Parsed(None, [Problem((), message, hint, at)], filename, format="json")
    parsed = Parsed(data, problems, filename, text=text, format="json")
    if duplicates:
        problems += _json_duplicates(parsed)
    if "\\u" in text:  # control characters can arrive only as escapes
        problems += _escaped_unsafe(parsed)
    return parsed


_JSON_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(text: str, filename: str, limits: Limits) -> Problem:
    """Where a JSON text nests more than ``limits.max_depth`` deep."""
    depth, at = 0, 0
    for piece in _JSON_BRACKET.finditer(text):
        char = piece.group()
        if char.startswith('"'):
            continue
        depth += 1 if char in "[{" else -1
        if depth > limits.max_depth:
            at = piece.start()
            break
    return Problem(
        (),
        f"the data is nested more than {limits.max_depth} levels deep (the limit)",
        "Model files need only a few levels; check the brackets.",
        Location(filename, *_line_col(text, at)),
    )


def _json_int(text: str) -> int | str:
    return int(text) if len(text) <= 40 else text


def _json_error(exc: json.JSONDecodeError, filename: str) -> Problem:
    text, pos = exc.doc, exc.pos
    before = text[:pos].rstrip()
    at = Location(filename, exc.lineno, exc.colno)
    following = text[pos : pos + 1]
    if before.endswith(",") and following in ("}", "]"):
        return Problem(
            (),
            "not valid JSON: a comma after the last item",
            "JSON allows no trailing comma: remove it.",
            at,
        )
    hint = "Check commas, brackets and double quotes near this point."
    if following == "'":
        hint = "JSON strings and keys take double quotes, not single quotes."
    elif following == "/":
        hint = "JSON has no comments; remove them (or write the model in YAML)."
    return Problem((), f"not valid JSON: {exc.msg}", hint, at)


def _walk_strings(data: Any, path: Path) -> Iterator[tuple[Path, str, bool]]:
    """Every string in ``data`` with its path, and whether it is a key."""
    stack: list[tuple[Path, Any]] = [(path, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            yield here, value, False
        elif isinstance(value, dict):
            for k, v in value.items():
                yield (*here, k), k, True
                stack.append(((*here, k), v))
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in enumerate(value))


def _escaped_unsafe(parsed: Parsed) -> list[Problem]:
    out = []
    for path, text, is_key in _walk_strings(parsed.data, ()):
        what = unsafe_character(text)
        if what is not None:
            out.append(
                Problem(
                    path,
                    f"{what} is not allowed in text",
                    "Remove it: control characters can hide text or drive a terminal.",
                    parsed.where(path, key=is_key),
                )
            )
    return out


def _json_duplicates(parsed: Parsed) -> list[Problem]:
    assert parsed._text is not None
    with no_gc():
        tree, duplicates = _json_positions(parsed._text, duplicates=True)
    parsed._positions, parsed._text = tree, None
    return [
        Problem(
            path,
            f"key {path[-1]!r} appears twice in the same object",
            "Keep one of them; JSON readers would silently keep only the last.",
            _location(parsed.filename, pos),
        )
        for path, pos in duplicates
    ]


# The tokens that matter for positions: strings, brackets and bare scalars (commas
# and colons are implied: in an object, keys and values alternate).
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]|[^\s{}\[\],:"]+')


def _json_positions(text: str, *, duplicates: bool = False) -> Any:
    """The position tree of a JSON text already known to be valid."""
    found: list[tuple[Path, int]] = []
    stack: list[list[Any]] = []  # saved frames: [children, is object, key, key position, own]
    root: list[Any] = []
    children: Any = root  # the open container's children
    is_object = False
    key: Any = None
    kpos = 0
    own = 0
    expect_key = False
    line = line_start = last = 0
    count = text.count
    for m in _JSON_TOKEN.finditer(text):
        start = m.start()
        newlines = count("\n", last, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, start) + 1
        last = start
        pos = line << _SHIFT | (start - line_start)
        token = m.group()
        first = token[0]
        if first == "{" or first == "[":
            stack.append([children, is_object, key, kpos, own])
            children, is_object, own = ({} if first == "{" else []), first == "{", pos
            expect_key = is_object
            continue
        entry: Any
        if first == "}" or first == "]":
            entry = (own, children)
            children, is_object, key, kpos, own = stack.pop()
        elif expect_key:
            key = json.loads(token) if "\\" in token else token[1:-1]
            kpos = pos
            expect_key = False
            continue
        else:
            entry = pos
        if is_object:
            if duplicates and key in children:
                path = [f[2] if f[1] else len(f[0]) for f in stack[1:]]
                found.append(((*path, key), kpos))
            children[key] = (kpos, entry)
            expect_key = True
        else:
            children.append(entry)
    tree = root[0] if root else None
    if duplicates:
        return tree, found
    return tree


# -- YAML -------------------------------------------------------------------------------

# libyaml's C parser when PyYAML was built with it; the pure-Python parser gives the
# same events, only more slowly.
_CParser: Any = getattr(yaml, "CParser", None) or getattr(
    getattr(yaml, "cyaml", None), "CParser", None
)

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ = _CORE + "map", _CORE + "seq"

#: Plain scalars with a fixed meaning (YAML 1.2 core schema).
_WORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "+.Inf": math.inf,
    "+.INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}
_NUMBER_START = frozenset("0123456789-+.")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,39})")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)")
_HEX_OCT = re.compile(r"0x[0-9a-fA-F]+|0o[0-7]+")


def _plain(value: str) -> Any:
    """The meaning of a plain (unquoted, untagged) YAML scalar."""
    if value[:1] in _NUMBER_START:
        if _DECIMAL.fullmatch(value):
            return int(value)
        if _FLOAT_RE.fullmatch(value):
            return float(value)
    return _WORDS.get(value, value) if len(value) < 7 else value


def numeral_advice(text: str) -> str | None:
    """Advice for text that a reader of YAML 1.1 would take as a number or a boolean.

    The reader keeps such text as text; where a number or ``true``/``false`` is
    expected, validation refuses it with this advice.

    >>> numeral_advice("017")
    'YAML 1.1 reads 017 as octal 15 and YAML 1.2 as 17: write 17 (or quote it if it is a code).'
    >>> numeral_advice("4:10")
    'YAML 1.1 reads 4:10 as 250 (base 60): write the number in digits.'
    """
    t = text.strip()
    if re.fullmatch(r"[-+]?0[0-9_]+", t):
        digits = t.replace("_", "")
        octal = f"octal {int(digits, 8)}" if re.fullmatch(r"[-+]?0[0-7]+", digits) else "text"
        return (
            f"YAML 1.1 reads {t} as {octal} and YAML 1.2 as {int(digits)}: "
            f"write {int(digits)} (or quote it if it is a code)."
        )
    if re.fullmatch(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+", t):
        total = 0
        for part in t.lstrip("+-").replace("_", "").split(":"):
            total = total * 60 + int(part)
        return f"YAML 1.1 reads {t} as {total} (base 60): write the number in digits."
    if re.fullmatch(r"[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)", t):
        value = int(t.replace("_", ""), 0)
        return f"{t} is a number in another base: write it in decimal digits ({value})."
    if re.fullmatch(r"[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*[eE][-+]?[0-9]+", t):
        return f"YAML 1.1 reads {t} as text and YAML 1.2 as a number: write it in digits."
    if re.fullmatch(r"[-+]?[0-9]{1,3}(?:[_,][0-9]{3})+", t):
        return f"write {t} without separators: {re.sub('[_,]', '', t)}."
    if t.lower() in ("yes", "no", "on", "off", "y", "n"):
        meaning = "true" if t.lower() in ("yes", "on", "y") else "false"
        return (
            f"YAML 1.1 reads {t} as {meaning}; govmodel reads only true and false: write {meaning}."
        )
    return None


_NOKEY = object()  # the mapping waits for a key
_BADKEY = object()  # the key was refused: drop its value
_MERGE = object()  # the key is the merge key <<


class _Stop(Exception):
    """Reading must stop (a limit was reached or the text is not valid YAML)."""


def _parse_yaml(text: str, filename: str, limits: Limits) -> Parsed:
    problems = _character_problems(text, filename, _NOT_YAML_PRINTABLE)
    problems += [
        p for p in _character_problems(text, filename, _UNSAFE) if p.location not in _at(problems)
    ]
    if problems:
        return Parsed(None, problems, filename)
    builder = _Builder(text, filename, limits)
    try:
        with no_gc():
            builder.run()
    except _Stop:
        return Parsed(None, builder.problems, filename)
    return Parsed(builder.data, builder.problems, filename, tree=builder.tree)


def _at(problems: list[Problem]) -> set[Location | None]:
    return {p.location for p in problems}


class _Builder:
    """Builds plain data and its position tree from libyaml's events, in one loop.

    The loop is the hot path of loading a model: the frame of the innermost open
    mapping or list lives in local variables, the enclosing ones on ``stack``.
    """

    def __init__(self, text: str, filename: str, limits: Limits) -> None:
        self.text = text
        self.filename = filename
        self.limits = limits
        self.problems: list[Problem] = []
        self.data: Any = None
        self.tree: Any = None
        self.stack: list[tuple[Any, ...]] = []
        self.frame: tuple[Any, ...] = ()

    def run(self) -> None:
        parser = _CParser(self.text) if _CParser is not None else yaml.SafeLoader(self.text)
        try:
            self._loop(parser)
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()

    def _loop(self, parser: Any) -> None:
        anchors: dict[str, tuple[Any, Any, int]] = {}
        open_anchors: dict[str, int] = {}  # anchor -> events seen when it opened
        extra: dict[str, int] = {}  # anchor -> values its aliases add inside it
        aliased = 0
        documents = 0
        count = 0
        max_depth = self.limits.max_depth
        max_aliased = self.limits.max_alias_values
        get_event = parser.get_event
        scalar_event, alias_event = ev.ScalarEvent, ev.AliasEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
        number_start, words, plain, unsafe = _NUMBER_START, _WORDS, _plain, _UNSAFE
        nokey, badkey, merge = _NOKEY, _BADKEY, _MERGE
        stack = self.stack
        root: list[Any] = []
        root_kids: list[Any] = []
        # The open frame: container, children positions, is mapping, pending key, key
        # position, own position, anchor, merges.
        cont: Any = root
        kids: Any = root_kids
        is_map = False
        key: Any = nokey
        kpos = 0
        own = 0
        anchor: str | None = None
        merges: list[Any] | None = None

        while True:
            try:
                event = get_event()
            except yaml.MarkedYAMLError as exc:
                mark = exc.problem_mark or exc.context_mark
                self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                self._syntax(exc, mark)
                raise _Stop from None
            except yaml.YAMLError as exc:
                self.problems.append(
                    Problem((), f"not valid YAML: {exc}", None, Location(self.filename, 1, 1))
                )
                raise _Stop from None
            count += 1
            cls = event.__class__
            if cls is scalar_event:
                mark = event.start_mark
                pos = mark.line << 32 | mark.column
                value = event.value
                tag = event.tag
                if tag is None:
                    style = event.style
                    if not style:
                        if value[:1] in number_start:
                            value = plain(value)
                        elif len(value) < 6 and value in words:
                            value = words[value]
                        elif value == "<<" and is_map and key is nokey:
                            key, kpos = merge, pos
                            continue
                    elif style == '"' and unsafe.search(value):
                        self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                        self._unsafe(value, pos)
                elif tag != "!":
                    self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                    value = self._tagged(tag, value, pos)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, pos, 1)
                if is_map:
                    if key is nokey:
                        if value.__class__ is str and value not in cont:
                            key, kpos = value, pos
                        else:
                            self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                            self._bad_key(value, pos, cont)
                            key, kpos = badkey, pos
                        continue
                    if key is badkey:
                        key = nokey
                        continue
                    if key is merge:
                        self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                        merges = self._merge(merges, value, pos)
                        key = nokey
                        continue
                    cont[key] = value
                    kids[key] = (kpos, pos)
                    key = nokey
                else:
                    cont.append(value)
                    kids.append(pos)
            elif cls is mapping_start or cls is sequence_start:
                mark = event.start_mark
                pos = mark.line << 32 | mark.column
                is_mapping = cls is mapping_start
                tag = event.tag
                if tag is not None and tag != "!" and tag != (_MAP if is_mapping else _SEQ):
                    self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                    self._problem(
                        (),
                        f"the YAML tag {tag!r} is not allowed",
                        "Model files hold plain data only; remove the tag.",
                        pos,
                    )
                if is_map and key is nokey:
                    self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                    self._problem(
                        (),
                        f"a {'mapping' if is_mapping else 'list'} cannot be a key",
                        "Write keys as plain words.",
                        pos,
                    )
                    key, kpos = badkey, pos
                if len(stack) >= max_depth:
                    self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                    self._problem(
                        (),
                        f"the data is nested more than {max_depth} levels deep (the limit)",
                        "Model files need only a few levels; check the brackets and indentation.",
                        pos,
                    )
                    raise _Stop
                stack.append((cont, kids, is_map, key, kpos, own, anchor, merges))
                if is_mapping:
                    cont, kids = {}, {}
                else:
                    cont, kids = [], []
                is_map, key, kpos, own, merges = is_mapping, nokey, 0, pos, None
                anchor = event.anchor
                if anchor is not None:
                    open_anchors[anchor] = count
                    extra[anchor] = 0
            elif cls is mapping_end or cls is sequence_end:
                if merges is not None:
                    for source, source_kids in merges:
                        for k, v in source.items():
                            if k not in cont:
                                cont[k] = v
                                kids[k] = source_kids[k]
                value, entry = cont, (own, kids)
                if anchor is not None:
                    size = count - open_anchors.pop(anchor) + extra.pop(anchor)
                    anchors[anchor] = (value, entry, size)
                cont, kids, is_map, key, kpos, own, anchor, merges = stack.pop()
                if is_map:
                    if key is badkey:
                        key = nokey
                    elif key is merge:
                        self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                        merges = self._merge(merges, value, entry)
                        key = nokey
                    else:
                        cont[key] = value
                        kids[key] = (kpos, entry)
                        key = nokey
                else:
                    cont.append(value)
                    kids.append(entry)
            elif cls is alias_event:
                mark = event.start_mark
                pos = mark.line << 32 | mark.column
                name = event.anchor
                self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                if is_map and key is nokey:
                    self._problem(
                        (), f"an alias (*{name}) cannot be a key", "Write keys as plain words.", pos
                    )
                    key, kpos = badkey, pos
                    continue
                if name in anchors:
                    value, entry, size = anchors[name]
                    aliased += size
                    for open_name in open_anchors:
                        extra[open_name] += size
                    if aliased > max_aliased:
                        self._problem(
                            (),
                            f"aliases here would add more than {max_aliased:,} values (the limit)",
                            "Write the values out, or use fewer aliases.",
                            pos,
                        )
                        raise _Stop
                else:
                    where = "the value that contains it" if name in open_anchors else None
                    self._problem(
                        (),
                        f"the alias *{name} refers to {where or 'no anchor before it'}",
                        "Define the anchor (&name) before its alias (*name), outside it.",
                        pos,
                    )
                    value, entry = None, pos
                if is_map:
                    if key is badkey:
                        key = nokey
                    elif key is merge:
                        merges = self._merge(merges, value, entry)
                        key = nokey
                    else:
                        cont[key] = value
                        kids[key] = (kpos, entry)
                        key = nokey
                else:
                    cont.append(value)
                    kids.append(entry)
            elif cls is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    self.frame = (cont, kids, is_map, key, kpos, own, anchor, merges)
                    self._problem(
                        (),
                        "the file holds more than one YAML document",
                        "Keep one model per file: remove the second `---` and what follows.",
                        mark.line << 32 | mark.column,
                    )
                    break
            elif cls is ev.StreamEndEvent:
                break
        if root:
            self.data = root[0]
            self.tree = root_kids[0]

    def _syntax(self, exc: yaml.MarkedYAMLError, mark: Any) -> None:
        at = Location(self.filename, mark.line + 1, mark.column + 1) if mark is not None else None
        if "nesting depth" in str(exc.problem):  # libyaml's own bound, past ours
            depth = self.limits.max_depth
            self.problems.append(
                Problem(
                    (),
                    f"the data is nested more than {depth} levels deep (the limit)",
                    "Model files need only a few levels; check the brackets and indentation.",
                    at,
                )
            )
            return
        self.problems.append(
            Problem(
                (),
                f"not valid YAML: {exc.problem or exc}",
                "Check indentation, colons and quotes near this point.",
                at,
            )
        )

    def _bad_key(self, value: Any, pos: int, cont: dict[str, Any]) -> None:
        if isinstance(value, str):
            self._problem(
                (value,),
                f"key {value!r} appears twice in the same mapping",
                "Keep one of them; YAML would silently keep only the last.",
                pos,
            )
        else:
            self._problem(
                (),
                f"key {_show(value)} is not text",
                "Write keys as plain words (quote them if they look like numbers).",
                pos,
            )

    def _merge(self, merges: list[Any] | None, value: Any, entry: Any) -> list[Any] | None:
        """Note the mappings a merge key (<<) brings in, or report what it cannot merge."""
        if isinstance(value, dict):
            sources = [(value, entry[1])]
        elif isinstance(value, list):
            sources = []
            for item, item_entry in zip(value, entry[1], strict=True):
                if not isinstance(item, dict):
                    self._problem(
                        (),
                        f"a merge key (<<) merges mappings, but this item is {_show(item)}",
                        "Give `<<` a mapping, an alias of one (*name) or a list of them.",
                        _pos_of(item_entry),
                    )
                    return merges
                sources.append((item, item_entry[1]))
        else:
            self._problem(
                (),
                f"a merge key (<<) merges mappings, but this is {_show(value)}",
                "Give `<<` a mapping, an alias of one (*name) or a list of them; "
                "quote '<<' if it is meant as a key.",
                _pos_of(entry),
            )
            return merges
        return [*(merges or []), *sources]

    def _tagged(self, tag: str, value: str, pos: int) -> Any:
        if tag == _STR:
            return value
        meaning = _plain(value)
        fits = {
            _INT: isinstance(meaning, int) and not isinstance(meaning, bool),
            _FLOAT: isinstance(meaning, (int, float)) and not isinstance(meaning, bool),
            _BOOL: isinstance(meaning, bool),
            _NULL: meaning is None,
        }
        if tag in fits:
            if fits[tag]:
                return float(meaning) if tag == _FLOAT else meaning
            if tag == _INT and _HEX_OCT.fullmatch(value):
                return int(value, 0)
            self._problem(
                (),
                f"{value!r} is not a valid {tag.rsplit(':', 1)[1]}",
                "Remove the tag, or correct the value.",
                pos,
            )
            return value
        self._problem(
            (),
            f"the YAML tag {tag!r} is not allowed",
            "Model files hold plain data only; remove the tag.",
            pos,
        )
        return None

    def _unsafe(self, value: str, pos: int) -> None:
        self._problem(
            (),
            f"{unsafe_character(value)} is not allowed in text",
            "Remove the escape: control characters can hide text or drive a terminal.",
            pos,
        )

    def _problem(self, extra: Path, message: str, hint: str | None, pos: int) -> None:
        """Report a problem at ``pos``, under the key path of the open frames."""
        path: list[str | int] = []
        for cont, _kids, is_map, key, *_rest in [*self.stack[1:], self.frame]:
            if not is_map:
                path.append(len(cont))
            elif isinstance(key, str):
                path.append(key)
            elif key is _MERGE:
                path.append("<<")
        self.problems.append(Problem((*path, *extra), message, hint, _location(self.filename, pos)))


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
