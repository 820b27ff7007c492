"""JSON read as JSON: the standard library's parser, JSON's own line and column.

Positions are found only when a location is asked for (:func:`_json_positions`
walks the text once); duplicate keys, NaN, comments and trailing commas are
refused as JSON refuses them, each where it stands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from govmodel.locations import Location, Path, Problem
from govmodel.reading.base import (
    LIMITS,
    SHIFT,
    UNSAFE,
    Limits,
    Parsed,
    character_problems,
    line_col,
    location,
    no_gc,
    unsafe_character,
)

__all__ = ["parse_json"]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON has no {name}")


def parse_json(text: str, filename: str, limits: Limits = LIMITS) -> Parsed:
    duplicates: list[int] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            duplicates.append(1)
        return out

    problems = character_problems(text, filename, UNSAFE)
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
        at = Location(filename, *line_col(text, found.start())) if found else None
        hint = "Write numbers as digits; JSON has no NaN or Infinity." if found else None
        message = f"not valid JSON: {exc}"
        return Parsed(None, [Problem((), message, hint, at)], filename, format="json")
    parsed = Parsed(data, problems, filename, locate=lambda: _json_positions(text), format="json")
    if duplicates:
        problems += _json_duplicates(parsed, text)
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
        Location(filename, *line_col(text, at)),
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


def _json_duplicates(parsed: Parsed, text: str) -> list[Problem]:
    with no_gc():
        tree, duplicates = _json_positions(text, duplicates=True)
    parsed.set_tree(tree)
    return [
        Problem(
            path,
            f"key {path[-1]!r} appears twice in the same object",
            "Keep one of them; JSON readers would silently keep only the last.",
            location(parsed.filename, pos),
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
        pos = line << SHIFT | (start - line_start)
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
            expect_key = False
    tree = root[0] if root else None
    if duplicates:
        return tree, found
    return tree
