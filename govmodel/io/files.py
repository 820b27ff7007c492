"""Load and save model files: YAML or JSON, strict, bounded, located, atomic."""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import date
from pathlib import Path as FsPath
from typing import Any

import attrs
import yaml

from govmodel.errors import GovModelError, InvalidArgument, LocatedError, ModelError, PolicyError
from govmodel.io.convert import from_plain, policy_from_plain, to_plain
from govmodel.io.output import os_reason, write_output
from govmodel.io.policies import (
    clash_problems,
    policy_file_problems,
    policy_problems,
    reference_problems,
)
from govmodel.io.scenario import is_scenario, load_scenario
from govmodel.io.validate import problems_in
from govmodel.locations import Location, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.model.policies import PolicyInclude, PolicySet
from govmodel.reading import LIMITS, Limits, no_gc, parse, parse_bytes

__all__ = [
    "dumps",
    "load",
    "load_policies",
    "loads",
    "read_excel",
    "read_text",
    "save",
    "write_atomic",
]


def loads(
    text: str,
    *,
    filename: str = "<string>",
    format: str | None = None,
    limits: Limits = LIMITS,
) -> GovernanceModel:
    """Load a model from YAML or JSON text: a model file, or a scenario file that
    overlays one (:mod:`govmodel.io.scenario`; its base is found relative to
    ``filename``).

    ``format`` is ``"yaml"`` or ``"json"``; by default it follows ``filename``
    (``.json``), else the text (JSON when it starts like a JSON object).

    Raises :class:`~govmodel.errors.ModelError` listing *every* problem found,
    each with file, line, column and key path. Policy files named under
    ``policies:`` are read from beside ``filename`` (the working directory when it
    is not a path) and their problems listed too.

    >>> m = loads("name: Demo\\nas_of: 2023-01-01\\norganisations:\\n"
    ...           "- {id: a, name: A Trust, type: ft}\\n")
    >>> m.organisation("a").type
    <PartyType.NHS_FOUNDATION_TRUST: 'nhs_foundation_trust'>
    """
    return _build(parse(text, filename, format=format, limits=limits), filename)


def _build(parsed: Any, filename: str) -> GovernanceModel:
    problems = list(parsed.problems)
    if not problems and is_scenario(parsed.data):
        return load_scenario(parsed, filename, load=load)
    with no_gc():  # plain data and records have no cycles for the collector to find
        if parsed.data is not None or not problems:
            reported = {p.path for p in problems}
            problems += [
                p
                for p in problems_in(parsed.data, parsed.where, text_checked=True)
                if p.path not in reported
            ]
            if isinstance(parsed.data, dict):
                problems += policy_problems(parsed.data.get("policies"), parsed.where)
        if problems:
            raise ModelError(sorted(problems, key=Problem.sort_key), source=filename)
        try:
            model = from_plain(parsed.data, source=filename, locations=parsed.values)
        except (GovModelError, ValueError, TypeError) as exc:  # a local validator in a record
            raise ModelError(
                [Problem((), str(exc), None, Location(filename, 1, 1))], source=filename
            ) from None
    return _with_policy_files(model, FsPath(filename).parent)


def read_excel(path: str | os.PathLike[str]) -> GovernanceModel:
    """Read a scheme of reservation and delegation workbook (the template's sheets)
    into a model; every problem is listed at its cell (``sord.xlsx!Delegations!C14``).
    See :func:`govmodel.io.excel.read_excel` (imported when first called, with openpyxl).
    """
    from govmodel.io.excel import read_excel as read

    return read(path)


def write_workbook(model: GovernanceModel | None = None) -> bytes:
    """The scheme of delegation template, blank or filled with ``model``, as ``.xlsx``
    bytes (:func:`govmodel.io.template.write_workbook`, imported when first called)."""
    from govmodel.io.template import write_workbook as write

    return write(model)


def _unreadable(path: str, message: str, hint: str) -> ModelError:
    return ModelError([Problem((), message, hint, Location(path, 1, 1))], source=path)


def load(
    path: str | os.PathLike[str], *, format: str | None = None, limits: Limits = LIMITS
) -> GovernanceModel:
    """Load a model file (``.yaml``, ``.yml`` or ``.json``; others by their content), or a
    scheme of reservation and delegation workbook (``.xlsx``, see :func:`read_excel`).

    At most ``limits.max_bytes`` are read; a directory or a device is refused.
    """
    name = os.fspath(path)
    if "\x00" in name:
        raise _unreadable(
            repr(name), "is not a usable file name (it holds a NUL)", "Check the path."
        )
    if name.lower().endswith(".xlsx") and os.path.isfile(name):
        return read_excel(FsPath(name))
    try:
        st = os.stat(name)
        if stat.S_ISDIR(st.st_mode):
            raise _unreadable(name, "is a directory, not a model file", "Give a YAML or JSON file.")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise _unreadable(
                name, "is not a regular file (a device or socket)", "Give a YAML or JSON file."
            )
        with open(name, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise _unreadable(
            name, "no such file", "Check the path; `govmodel example --list` shows examples."
        ) from None
    except OSError as exc:
        raise _unreadable(
            name, f"cannot read the file ({os_reason(exc)})", "Give a readable YAML or JSON file."
        ) from None
    size = max(len(data), st.st_size)
    return _build(parse_bytes(data, name, format=format, limits=limits, size=size), name)


def _with_policy_files(model: GovernanceModel, folder: FsPath) -> GovernanceModel:
    """``model`` with the policy files its ``policies:`` names read in, and every
    policy's references checked against it (problems raise one ModelError)."""
    if not model.policies:
        return model
    problems: list[Problem] = []
    included = []
    for i, entry in enumerate(model.policies):
        if not isinstance(entry, PolicyInclude):
            continue
        path = folder / entry.file
        if not path.is_file():
            at = ("policies", i, "file")
            problems.append(
                Problem(
                    at,
                    f"no policy file {entry.file!r} (looked for {path})",
                    "Give the path relative to this model file.",
                    model.locations.get(at),
                )
            )
            continue
        try:
            included.append(load_policies(path))
        except PolicyError as exc:
            problems += exc.problems
    model = attrs.evolve(model, included=tuple(included))
    sets = model.policy_sets()
    problems += clash_problems(sets)
    for policies in sets:
        problems += reference_problems(policies, model)
    if problems:
        raise ModelError(sorted(problems, key=Problem.sort_key), source=model.source)
    return model


def read_text(path: FsPath, error: type[LocatedError], hint: str) -> str:
    """The text of ``path``, or ``error`` with one located problem saying why not."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(
            [Problem((), "no such file", hint, Location(str(path), 1, 1))], source=str(path)
        ) from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise error(
            [
                Problem(
                    (),
                    f"cannot read the file ({exc.__class__.__name__})",
                    "Give a readable UTF-8 YAML or JSON file.",
                    Location(str(path), 1, 1),
                )
            ],
            source=str(path),
        ) from None


def load_policies(path: str | os.PathLike[str]) -> PolicySet:
    """Read a policy file (see :mod:`govmodel.model.policies`).

    Raises :class:`~govmodel.errors.PolicyError` listing every problem, located.
    The ids its policies name are checked when it is used with a model
    (``govmodel.check(model, policies=[...])``).
    """
    p = FsPath(path)
    text = read_text(p, PolicyError, "Check the path of the policy file.")
    parsed = parse(text, str(path))
    problems = list(parsed.problems)
    if parsed.data is not None or not problems:
        problems += policy_file_problems(parsed.data, parsed.where)
    if problems:
        raise PolicyError(sorted(problems, key=Problem.sort_key), source=str(path))
    data = parsed.data
    entries = data["policies"]
    return PolicySet(
        policies=tuple(policy_from_plain(e) for e in entries),  # type: ignore[misc]
        paths=tuple(("policies", i) for i in range(len(entries))),
        file=str(path),
        name=data["name"],
        document=data.get("document"),
        url=data.get("url"),
        locations=parsed.values,
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# Characters to write as JSON escapes rather than raw: those YAML refuses, the C1
# controls and DEL (which json leaves raw), and the bidirectional controls.
_ESCAPE_IN_JSON = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202f-\u2065\u206a-\ud7ff\ue000-\ufffd"
    "\U00010000-\U0010ffff]"
)


def dumps(model: GovernanceModel, *, format: str = "yaml") -> str:
    """The model as YAML (default) or JSON text, deterministic byte for byte."""
    if format not in ("yaml", "json"):
        raise InvalidArgument("format", format, "'yaml' or 'json'")
    data = to_plain(model)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
        return _ESCAPE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=96, default_flow_style=False, indent=2
    )


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    protect: tuple[str | os.PathLike[str] | None, ...] = (),
    overwrite: bool = True,
) -> FsPath:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    The older name of :func:`govmodel.io.output.write_output` (which refuses an
    existing file unless ``overwrite``); this one replaces by default, but never
    one of the ``protect`` files.
    """
    return write_output(path, data, overwrite=overwrite, protect=protect)


def save(
    model: GovernanceModel, path: str | os.PathLike[str], *, overwrite: bool = False
) -> FsPath:
    """Write ``model`` to ``path`` atomically: JSON if it ends in ``.json``, the
    scheme of delegation workbook if ``.xlsx`` (:func:`read_excel` reads it back),
    else YAML.

    An existing file (the model's own source among them) is never replaced unless
    ``overwrite=True``; a directory or device never is. Raises
    :class:`~govmodel.errors.OverwriteRefused` or :class:`~govmodel.errors.OutputError`.
    """
    if os.fspath(path).lower().endswith(".xlsx"):
        return write_output(path, write_workbook(model), overwrite=overwrite)
    fmt = "json" if os.fspath(path).lower().endswith(".json") else "yaml"
    return write_output(path, dumps(model, format=fmt), overwrite=overwrite)
