"""YAML read with YAML 1.2's meanings: libyaml's events built into data in one loop.

The loop (:class:`_Builder`) keeps the position of every key and value, bounds
nesting and aliases, resolves merge keys and reports duplicates; scalars are
resolved by the YAML 1.2 core schema, except that numerals YAML 1.1 reads
differently stay text (:func:`numeral_advice` says what to write instead).
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml import events as ev

from govmodel.locations import Location, Path, Problem
from govmodel.reading.base import (
    NOT_YAML_PRINTABLE,
    UNSAFE,
    Limits,
    Parsed,
    character_problems,
    location,
    no_gc,
    pos_of,
    unsafe_character,
)
from govmodel.reading.schema import describe_value

__all__ = ["numeral_advice", "parse_yaml"]


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
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)(?:[eE][-+][0-9]+)?")
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


def parse_yaml(text: str, filename: str, limits: Limits) -> Parsed:
    problems = character_problems(text, filename, NOT_YAML_PRINTABLE)
    problems += [
        p for p in character_problems(text, filename, UNSAFE) if p.location not in _at(problems)
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
        number_start, words, plain, unsafe = _NUMBER_START, _WORDS, _plain, UNSAFE
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
                f"key {describe_value(value)} is not text",
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
                        "a merge key (<<) merges mappings, but this item is "
                        f"{describe_value(item)}",
                        "Give `<<` a mapping, an alias of one (*name) or a list of them.",
                        pos_of(item_entry),
                    )
                    return merges
                sources.append((item, item_entry[1]))
        else:
            self._problem(
                (),
                f"a merge key (<<) merges mappings, but this is {describe_value(value)}",
                "Give `<<` a mapping, an alias of one (*name) or a list of them; "
                "quote '<<' if it is meant as a key.",
                pos_of(entry),
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
        self.problems.append(Problem((*path, *extra), message, hint, location(self.filename, pos)))
