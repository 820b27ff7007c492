"""Parse YAML (or JSON) safely into plain data plus the location of every key.

Only PyYAML's safe constructors run, so a model file can never execute code.
Dates are turned back into ISO strings so that YAML and JSON files validate
the same way; duplicate keys, which YAML silently collapses, are reported.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from govmodel.locations import Location, Path, Problem

__all__ = ["Parsed", "parse"]

# libyaml's parser when PyYAML was built with it (same safe constructors, faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Core YAML tags only: no python/* or application tags can reach a constructor.
_SAFE_TAG = re.compile(
    r"^tag:yaml\.org,2002:(str|int|float|bool|null|timestamp|map|seq|merge|binary)$"
)


@attrs.frozen
class Parsed:
    """The plain document, where each value and key stands, and parse problems."""

    data: Any
    values: dict[Path, Location]
    keys: dict[Path, Location]
    problems: list[Problem]

    def where(self, path: Path, *, key: bool = False) -> Location | None:
        """Location of ``path`` (its key when ``key``), else of its nearest parent."""
        table = self.keys if key else self.values
        probe = path
        while True:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return None
            probe = probe[:-1]


def parse(text: str, filename: str) -> Parsed:
    """Parse ``text`` into a :class:`Parsed`; syntax errors become one located problem."""
    loader = _LOADER(text)
    values: dict[Path, Location] = {}
    keys: dict[Path, Location] = {}
    problems: list[Problem] = []

    def loc(node: Node) -> Location:
        return Location(filename, node.start_mark.line + 1, node.start_mark.column + 1)

    def walk(node: Node, path: Path) -> Any:
        values[path] = loc(node)
        if not _SAFE_TAG.match(node.tag):
            problems.append(
                Problem(
                    path,
                    f"the YAML tag {node.tag!r} is not allowed",
                    "Model files hold plain data only; remove the tag.",
                    loc(node),
                )
            )
            return None
        if isinstance(node, MappingNode):
            loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = _scalar(loader, key_node)
                if not isinstance(key, str):
                    problems.append(
                        Problem(
                            path,
                            f"key {key!r} is not text",
                            "Write keys as plain words.",
                            loc(key_node),
                        )
                    )
                    key = str(key)
                if key in out:
                    problems.append(
                        Problem(
                            (*path, key),
                            f"key {key!r} appears twice in the same mapping",
                            "Keep one of them; YAML would silently keep only the last.",
                            loc(key_node),
                        )
                    )
                keys[(*path, key)] = loc(key_node)
                out[key] = walk(value_node, (*path, key))
            return out
        if isinstance(node, SequenceNode):
            return [walk(item, (*path, i)) for i, item in enumerate(node.value)]
        return _scalar(loader, node)

    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(filename, mark.line + 1, mark.column + 1) if mark else None
        problems.append(
            Problem(
                (),
                f"not valid YAML: {exc.problem or exc}",
                "Check indentation, colons and quotes near this point.",
                where,
            )
        )
        return Parsed(None, values, keys, problems)
    except yaml.YAMLError as exc:
        problems.append(Problem((), f"not valid YAML: {exc}", None, Location(filename, 1, 1)))
        return Parsed(None, values, keys, problems)
    finally:
        loader.dispose()
    data = walk(root, ()) if root is not None else None
    return Parsed(data, values, keys, problems)


def _scalar(loader: Any, node: Node) -> Any:
    if not isinstance(node, ScalarNode):
        return loader.construct_object(node, deep=True)
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        return node.value  # e.g. 2020-13-45: keep the text so validation can name it
    if isinstance(value, date):  # datetimes too: keep dates as ISO text, as in JSON
        return value.isoformat()
    return value
