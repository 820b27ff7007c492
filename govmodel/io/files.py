"""Load and save model files: YAML or JSON, strict, located, atomic."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path as FsPath
from typing import Any

import yaml

from govmodel.errors import ModelError, OverwriteRefused
from govmodel.io.convert import from_plain, to_plain
from govmodel.io.excel import read_excel
from govmodel.io.scenario import is_scenario, load_scenario
from govmodel.io.template import write_workbook
from govmodel.io.validate import problems_in
from govmodel.locations import Location, Problem
from govmodel.model.governance import GovernanceModel
from govmodel.reading import parse

__all__ = ["dumps", "load", "loads", "read_excel", "save", "write_atomic"]


def loads(text: str, *, filename: str = "<string>") -> GovernanceModel:
    """Load a model from YAML or JSON text: a model file, or a scenario file that
    overlays one (:mod:`govmodel.io.scenario`; its base is found relative to
    ``filename``).

    Raises :class:`~govmodel.errors.ModelError` listing *every* problem found,
    each with file, line, column and key path.

    >>> m = loads("name: Demo\\nas_of: 2023-01-01\\norganisations:\\n"
    ...           "- {id: a, name: A Trust, type: ft}\\n")
    >>> m.organisation("a").type
    <PartyType.NHS_FOUNDATION_TRUST: 'nhs_foundation_trust'>
    """
    parsed = parse(text, filename)
    problems = list(parsed.problems)
    if not problems and is_scenario(parsed.data):
        return load_scenario(parsed, filename, load=load)
    if parsed.data is not None or not problems:
        reported = {p.path for p in problems}
        problems += [p for p in problems_in(parsed.data, parsed.where) if p.path not in reported]
    if problems:
        raise ModelError(sorted(problems, key=Problem.sort_key), source=filename)
    try:
        return from_plain(parsed.data, source=filename, locations=parsed.values)
    except (ValueError, TypeError) as exc:  # a local validator in a record
        raise ModelError(
            [Problem((), str(exc), None, Location(filename, 1, 1))], source=filename
        ) from None


def load(path: str | os.PathLike[str]) -> GovernanceModel:
    """Load a model file (``.yaml``, ``.yml`` or ``.json``), or a scheme of
    reservation and delegation workbook (``.xlsx``, see :func:`read_excel`)."""
    p = FsPath(path)
    if p.suffix.lower() == ".xlsx":
        return read_excel(p)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(
            [
                Problem(
                    (),
                    "no such file",
                    "Check the path; `govmodel example --list` shows examples.",
                    Location(str(path), 1, 1),
                )
            ],
            source=str(path),
        ) from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise ModelError(
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
    return loads(text, filename=str(path))


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_NOT_YAML_PRINTABLE = re.compile(
    r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def dumps(model: GovernanceModel, *, format: str = "yaml") -> str:
    """The model as YAML (default) or JSON text, deterministic byte for byte."""
    data = to_plain(model)
    if format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
        # The loader reads JSON as YAML, which refuses a few characters JSON allows raw
        # (U+FFFE, for one); JSON's backslash-u escape of a code point is valid in both.
        return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if format != "yaml":
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=96, default_flow_style=False, indent=2
    )


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    protect: tuple[str | os.PathLike[str] | None, ...] = (),
) -> FsPath:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    Refuses (:class:`~govmodel.errors.OverwriteRefused`) when ``path`` is one of
    the ``protect`` files, so an input is never overwritten by an output.
    """
    target = FsPath(path)
    for guarded in protect:
        if (
            guarded is not None
            and FsPath(guarded).exists()
            and target.exists()
            and os.path.samefile(guarded, target)
        ):
            raise OverwriteRefused(
                f"{target} is an input file; refusing to overwrite it. Choose another output path."
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        FsPath(tmp).unlink(missing_ok=True)
        raise
    return target


def save(
    model: GovernanceModel, path: str | os.PathLike[str], *, overwrite: bool = False
) -> FsPath:
    """Write ``model`` to ``path`` atomically: JSON if it ends in ``.json``, the
    scheme of delegation workbook if ``.xlsx`` (:func:`read_excel` reads it back),
    else YAML.

    The model's own source file is never replaced unless ``overwrite=True``.
    """
    protect = () if overwrite else (model.source,)
    if str(path).lower().endswith(".xlsx"):
        return write_atomic(path, write_workbook(model), protect=protect)
    fmt = "json" if str(path).endswith(".json") else "yaml"
    return write_atomic(path, dumps(model, format=fmt), protect=protect)
