"""Checks from other packages, through the ``govmodel.checks`` entry point.

A package adds checks to every ``govmodel check`` by naming them in its own
``pyproject.toml``::

    [project.entry-points."govmodel.checks"]
    acme = "acme_govmodel:CHECKS"

where ``CHECKS`` is a check (a :class:`~govmodel.checks.spec.CheckSpec`, as the
:func:`~govmodel.checks.spec.check_spec` decorator makes) or a list or tuple of
them. Their codes are the package's own: two to eight capital letters and three
digits (``ACME001``), never ``GM`` (govmodel's) nor ``LOC`` (local policies').

A plugin that does not load, names something that is not a check, uses a code
or name already taken, or cites a rule the rulebook does not have is left out
and reported as a finding (GM004), with what to do; the other checks run as
usual. See ``docs/plugins.md`` for the stable API.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from govmodel.checks.base import Category, CheckFailure, Severity, Source
from govmodel.checks.registry import REGISTRY
from govmodel.checks.spec import CheckSpec
from govmodel.law.rules import get

if TYPE_CHECKING:
    import importlib.metadata
from govmodel.model.policies import NAME_PATTERN

__all__ = ["GROUP", "PLUGIN_CODE", "RESERVED_PREFIXES", "Plugins", "installed", "vetted"]

#: The entry point group plugins declare their checks under.
GROUP = "govmodel.checks"
#: What a plugin's code looks like: ``ACME001``.
PLUGIN_CODE = re.compile(r"^[A-Z]{2,8}[0-9]{3}$")
#: Prefixes a plugin's codes may not use, and whose they are.
RESERVED_PREFIXES = {"GM": "govmodel's own checks", "LOC": "local policies"}
_NAME = re.compile(NAME_PATTERN)


@attrs.frozen(kw_only=True)
class Plugins:
    """Checks from outside govmodel that may run, and those that may not, with why."""

    checks: tuple[CheckSpec, ...] = ()
    failures: tuple[CheckFailure, ...] = ()


def _entry_label(ep: importlib.metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    package = f" of {dist.name} {dist.version}" if dist is not None else ""
    return f"plugin {ep.name!r}{package} ({ep.value})"


@functools.cache
def installed() -> Plugins:
    """The checks installed packages declare under :data:`GROUP`, vetted (see
    :func:`vetted`); read once per process, in entry-point name order."""
    found: list[tuple[CheckSpec, Source]] = []
    failures: list[CheckFailure] = []
    import importlib.metadata  # read when checks first run, not with govmodel

    points = sorted(importlib.metadata.entry_points(group=GROUP), key=lambda e: (e.name, e.value))
    for ep in points:
        label = _entry_label(ep)
        try:
            loaded = ep.load()
        except (Exception, SystemExit) as exc:  # a plugin must never stop the run
            failures.append(
                CheckFailure(
                    subject=ep.name,
                    message=f"{label} could not be loaded: {type(exc).__name__}: {exc}",
                    hint="Install what the plugin needs, or uninstall it; its checks did not "
                    "run. `--ignore GM004` silences this.",
                )
            )
            continue
        items = list(loaded) if isinstance(loaded, list | tuple) else [loaded]
        if not items or not all(isinstance(i, CheckSpec) for i in items):
            failures.append(
                CheckFailure(
                    subject=ep.name,
                    message=f"{label} names {type(loaded).__name__}, not a check",
                    hint="The entry point must name a check made with @check_spec, or a list "
                    "of them.",
                )
            )
            continue
        found += [(spec, Source(text=label)) for spec in items]
    return vetted(found, failures=failures)


def vetted(
    candidates: Iterable[tuple[object, Source]],
    *,
    taken: Mapping[str, CheckSpec] = REGISTRY,
    failures: Iterable[CheckFailure] = (),
) -> Plugins:
    """The ``(check, source)`` candidates that may run beside the checks ``taken``
    (by code), and a failure for each that may not: not a check, a code not of the
    plugin form or reserved, a code or name already used, an unknown rule, a bad
    severity or category."""
    out: list[CheckSpec] = []
    problems = list(failures)
    codes = {code: spec.name for code, spec in taken.items()}
    names = {spec.name: code for code, spec in taken.items()}
    for spec, source in candidates:
        if not isinstance(spec, CheckSpec):
            problems.append(
                CheckFailure(
                    subject=source.text,
                    message=f"{source.text}: {type(spec).__name__} is not a check",
                    hint="Give checks made with the @check_spec decorator.",
                )
            )
            continue
        why = _refusal(spec, codes, names)
        if why is not None:
            problems.append(
                CheckFailure(
                    subject=str(spec.code),
                    message=f"{source.text}: {spec.code!r} {why[0]}; it did not run",
                    hint=why[1],
                )
            )
            continue
        codes[spec.code] = spec.name
        names[spec.name] = spec.code
        out.append(spec if spec.source is not None else attrs.evolve(spec, source=source))
    return Plugins(checks=tuple(out), failures=tuple(problems))


def _refusal(
    spec: CheckSpec, codes: Mapping[str, str], names: Mapping[str, str]
) -> tuple[str, str] | None:
    """Why ``spec`` may not run (what is wrong, what to do), or ``None``."""
    code = spec.code if isinstance(spec.code, str) else ""
    if not PLUGIN_CODE.match(code):
        return (
            "is not a plugin's code",
            "Use two to eight capital letters and three digits, e.g. ACME001.",
        )
    for prefix, owner in RESERVED_PREFIXES.items():
        if code.startswith(prefix):
            return (f"uses the prefix {prefix}, kept for {owner}", "Choose a prefix of your own.")
    if code in codes:
        return ("is a code already in use", "Choose a code no other check uses.")
    name: object = spec.name
    if not isinstance(name, str) or not _NAME.match(name):
        return ("has a name that is not kebab-case", "Name it like `committee-without-chair`.")
    if spec.name in names:
        return (
            f"has the name {spec.name!r}, already used by {names[spec.name]}",
            "Choose another name.",
        )
    kinds: tuple[object, object] = (spec.severity, spec.category)
    if not isinstance(kinds[0], Severity) or not isinstance(kinds[1], Category):
        return (
            "has a severity or category that govmodel does not know",
            "Use govmodel.checks.Severity and govmodel.checks.Category members.",
        )
    unknown = [r for r in spec.rules if get(r) is None]
    if unknown:
        return (
            f"cites {', '.join(map(repr, unknown))}, not in the rulebook",
            "Cite rule ids from `govmodel rules`, or none.",
        )
    function: object = spec.function
    if not callable(function):
        return ("has no function to run", "Declare it with @check_spec above a function.")
    return None
