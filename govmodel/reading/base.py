"""What every reader shares: limits, characters, the position tree and :class:`Parsed`.

A position is one int, ``line << 32 | column`` (both 0-based). The positions of a
document form a tree beside it: a scalar's entry is its position; a mapping's is
``(position, {key: (key position, entry)})``; a list's is ``(position, [entry, ...])``.
"""

from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from govmodel.locations import Location, Path, Problem

__all__ = [
    "LIMITS",
    "LOW",
    "NOT_YAML_PRINTABLE",
    "SHIFT",
    "UNSAFE",
    "Limits",
    "Parsed",
    "Positions",
    "character_problems",
    "describe_char",
    "line_col",
    "location",
    "no_gc",
    "pos_of",
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
NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Characters never accepted in text: the C0 and C1 control characters other than
# tab and line breaks, and DEL. (Output escapes what else a terminal or a diagram
# language could misread: see govmodel.render.escape.)
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unsafe_character(text: str) -> str | None:
    """A description of the first character govmodel never accepts in text, or None.

    >>> unsafe_character("Board\\x1b[31m")
    'the control character U+001B (ESCAPE)'
    >>> unsafe_character("Board") is None
    True
    """
    found = UNSAFE.search(text)
    return None if found is None else describe_char(found.group())


def describe_char(char: str) -> str:
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

SHIFT = 32
LOW = (1 << SHIFT) - 1


def location(filename: str, pos: int) -> Location:
    return Location(filename, (pos >> SHIFT) + 1, (pos & LOW) + 1)


def pos_of(entry: Any) -> int:
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

    def __bool__(self) -> bool:
        # Whether the document has positions at all, without building or walking them
        # (a JSON file's are found only when first asked for).
        parsed = self._parsed
        return parsed._locate is not None or bool(parsed._positions)


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
        locate: Callable[[], Any] | None = None,
        format: str = "yaml",
    ) -> None:
        self.data = data
        self.problems = problems
        self.filename = filename
        self.format = format
        self._positions = tree
        self._locate = locate  # JSON: the position tree is built when first asked for
        self.values: Mapping[Path, Location] = Positions(self)
        self.keys: Mapping[Path, Location] = Positions(self, keys=True)

    def _tree(self) -> Any:
        if self._positions is None and self._locate is not None:
            locate, self._locate = self._locate, None
            with no_gc():
                self._positions = locate()
        return self._positions

    def set_tree(self, tree: Any) -> None:
        """Give the position tree (when it was built along the way)."""
        self._positions, self._locate = tree, None

    def _find(self, path: Path, *, key: bool, exact: bool) -> Location | None:
        entry = self._tree()
        if entry is None:
            return None if exact else Location(self.filename, 1, 1)
        best = pos_of(entry)
        for i, part in enumerate(path):
            if isinstance(entry, int):
                return None if exact else location(self.filename, best)
            children = entry[1]
            if isinstance(children, dict):
                if not isinstance(part, str) or part not in children:
                    return None if exact else location(self.filename, best)
                kpos, entry = children[part]
                if key and i == len(path) - 1:
                    return location(self.filename, kpos)
            else:
                if not isinstance(part, int) or not 0 <= part < len(children):
                    return None if exact else location(self.filename, best)
                entry = children[part]
            best = pos_of(entry)
        if key and exact and path:
            return None  # a list item has no key
        return location(self.filename, best)

    def where(self, path: Path, *, key: bool = False) -> Location | None:
        """Location of ``path`` (its key when ``key``), else of its nearest parent."""
        return self._find(path, key=key, exact=False)


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def character_problems(text: str, filename: str, pattern: re.Pattern[str]) -> list[Problem]:
    out = []
    for found in pattern.finditer(text):
        line, column = line_col(text, found.start())
        out.append(
            Problem(
                (),
                f"{describe_char(found.group())} is not allowed in the file",
                "Remove it: control characters can hide text or drive a terminal.",
                Location(filename, line, column),
            )
        )
        if len(out) == 5:
            break
    return out
