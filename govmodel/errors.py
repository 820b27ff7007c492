"""Every exception govmodel raises: one root, narrow subclasses that also subclass
a builtin.

This module and :mod:`govmodel.locations` are the bottom layer: they import
nothing else of govmodel, so every layer may raise any of these. The
exceptions are also importable where users meet them (``govmodel``,
``govmodel.checks``, ``govmodel.render.dot``, ``govmodel.cli``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from govmodel.locations import Problem, an

__all__ = [
    "GovModelError",
    "GraphvizMissing",
    "ModelError",
    "NoSuchRecord",
    "OverwriteRefused",
    "PartyNotInExistence",
    "SchemeInvalid",
    "UnknownKind",
    "UsageError",
]


class GovModelError(Exception):
    """Root of every error govmodel raises on purpose."""


class UnknownKind(GovModelError, ValueError):
    """A string that is not one of an enumeration's ids or aliases."""

    def __init__(self, label: str, value: str, valid: Sequence[str], suggestions: Sequence[str]):
        self.label = label
        self.value = value
        self.valid = list(valid)
        self.suggestions = list(suggestions)
        hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(
            f"{value!r} is not {an(label)}.{hint} Valid {label}s: {', '.join(self.valid)}."
        )


class NoSuchRecord(GovModelError, KeyError):
    """An id that names nothing in the model."""

    def __init__(self, what: str, value: str, suggestions: Sequence[str]):
        self.what = what
        self.value = value
        self.suggestions = list(suggestions)
        hint = (
            f" Closest ids: {', '.join(repr(s) for s in suggestions)}."
            if suggestions
            else " Run `govmodel show FILE` to list the ids in the model."
        )
        super().__init__(f"no {what} with id {value!r}.{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class ModelError(GovModelError, ValueError):
    """A model (from a file or a builder) with one or more problems, all listed."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source}: " if source else ""
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} in the model:"]
        lines += [f"  {p.render()}" for p in self.problems]
        super().__init__("\n".join(lines))


class PartyNotInExistence(GovModelError, ValueError):
    """A party type, or an organisation, used on a date when it did not exist."""

    def __init__(self, party: str, on: date, reason: str):
        self.party = party
        self.on = on
        self.reason = reason
        super().__init__(f"{party} did not exist on {on.isoformat()}: {reason}")


class OverwriteRefused(GovModelError, FileExistsError):
    """A write that would replace an input file or an existing file without leave."""


class SchemeInvalid(GovModelError, ValueError):
    """A scheme with errors the model does not expect; ``report`` holds every finding
    (a :class:`govmodel.checks.Report`)."""

    def __init__(self, report: Any) -> None:
        self.report = report
        super().__init__(str(report))


class GraphvizMissing(GovModelError, RuntimeError):
    """Graphviz's ``dot`` program is not installed, so a diagram cannot be rendered."""


class UsageError(GovModelError, ValueError):
    """A bad command-line argument (exit 2)."""
