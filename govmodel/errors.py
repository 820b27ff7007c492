"""Every exception govmodel raises: one root, narrow subclasses that also subclass
a builtin.

This module, :mod:`govmodel.reading` and :mod:`govmodel.locations` are the bottom
layer, so every layer may raise any of these. The exceptions are also importable
where users meet them (``govmodel``, ``govmodel.checks``, ``govmodel.render.dot``,
``govmodel.cli``).

The hierarchy::

    GovModelError
    ├── LocatedError (ValueError)          a file with problems, all listed and located
    │   ├── ModelError                     a model file or builder
    │   ├── PolicyError                    a local policy file
    │   └── CaseFileError                  a ``govmodel test`` case file
    ├── MissingExtra (ImportError)         an optional extra not installed (``strategies``)
    ├── InvalidArgument (ValueError)       a bad argument to a public function, named
    │   ├── InvalidDate                    a date that is not a date (``on=``, ``start=``...)
    │   ├── InvalidParty                   a party that is not a type, (type, name) or record
    │   └── UnknownCode                    a finding code or name that no check has
    ├── MissingArgument (TypeError)        a required argument left out (``on=`` for parties)
    ├── InvalidRecord (ValueError)         a record built with a bad local fact
    ├── UnknownKind (ValueError)           not one of an enumeration's ids or aliases
    ├── NoSuchRecord (KeyError)            an id that names nothing in the model
    ├── PartyNotInExistence (ValueError)   a party type or organisation absent on the date
    ├── SchemeInvalid (ValueError)         :func:`govmodel.validate` found errors
    ├── OutputError (OSError)              an output that cannot be written, and why
    │   └── OverwriteRefused (FileExistsError)  an existing file, or an input, kept
    ├── GraphvizMissing (RuntimeError)     no ``dot`` program to render with
    ├── GraphvizFailed (RuntimeError)      ``dot`` ran and could not draw
    ├── BrowserMissing (RuntimeError)      no Chromium to print a PDF pack
    └── UsageError (ValueError)            a bad command-line argument (exit 2)

Catch :class:`GovModelError` for everything govmodel raises on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from govmodel.locations import Problem, an

__all__ = [
    "BrowserMissing",
    "CaseFileError",
    "DiagramTooLarge",
    "GovModelError",
    "GraphvizFailed",
    "GraphvizMissing",
    "InvalidArgument",
    "InvalidDate",
    "InvalidParty",
    "InvalidRecord",
    "LocatedError",
    "MissingArgument",
    "MissingExtra",
    "ModelError",
    "NoSuchRecord",
    "OutputError",
    "OverwriteRefused",
    "PartyNotInExistence",
    "PolicyError",
    "SchemeInvalid",
    "UnknownCode",
    "UnknownKind",
    "UsageError",
]


#: Problems a :class:`ModelError` message lists (``problems`` holds every one).
SHOWN = 200


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

    def __init__(
        self,
        what: str,
        value: str,
        suggestions: Sequence[str],
        *,
        listing: str = "Run `govmodel show FILE` to list the ids in the model.",
    ):
        self.what = what
        self.value = value
        self.suggestions = list(suggestions)
        hint = (
            f" Closest ids: {', '.join(repr(s) for s in suggestions)}."
            if suggestions
            else f" {listing}"
        )
        super().__init__(f"no {what} with id {value!r}.{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class LocatedError(GovModelError, ValueError):
    """A file with one or more problems, all listed, each where it stands in its file.

    ``what`` names the kind of file in the message ("3 problems in the model:").
    """

    what = "file"

    def __init__(self, problems: Sequence[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        count = len(self.problems)
        head = f"{source}: " if source else ""
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} in the {self.what}:"]
        lines += [f"  {p.render()}" for p in self.problems[:SHOWN]]
        if count > SHOWN:
            lines.append(f"  ... and {count - SHOWN} more (all are in the error's `problems`).")
        super().__init__("\n".join(lines))


class ModelError(LocatedError):
    """A model (from a file or a builder) with one or more problems, all listed."""

    what = "model"


class PolicyError(LocatedError):
    """Local policies with problems: a policy file that does not read, or policies that
    name ids the model they are checked against lacks; all listed, located."""

    what = "policies"


class CaseFileError(LocatedError):
    """Case files for ``govmodel test`` with problems, all listed, located."""

    what = "case files"


class MissingExtra(GovModelError, ImportError):
    """An optional part of govmodel needs a package that is not installed; the message
    says which extra to install."""


class PartyNotInExistence(GovModelError, ValueError):
    """A party type, or an organisation, used on a date when it did not exist."""

    def __init__(self, party: str, on: date, reason: str):
        self.party = party
        self.on = on
        self.reason = reason
        super().__init__(f"{party} did not exist on {on.isoformat()}: {reason}")


class InvalidArgument(GovModelError, ValueError):
    """A bad argument to a public function; ``argument`` names it.

    >>> str(InvalidArgument("kind", "graph", "one of delegation, authority, membership"))
    "kind='graph' is not usable: expected one of delegation, authority, membership."
    """

    def __init__(self, argument: str, value: Any, expected: str, hint: str | None = None):
        self.argument = argument
        self.value = value
        self.expected = expected
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        tail = f" {hint}" if hint else ""
        super().__init__(f"{argument}={shown} is not usable: expected {expected}.{tail}")


class InvalidDate(InvalidArgument):
    """A date argument that is not a date: give a :class:`datetime.date`, a
    :class:`datetime.datetime`, a pandas ``Timestamp`` or ISO ``YYYY-MM-DD`` text."""

    def __init__(self, argument: str, value: Any, reason: str | None = None):
        expected = "a date: a datetime.date, datetime, pandas Timestamp or ISO YYYY-MM-DD text"
        if reason:
            expected += f" ({reason})"
        super().__init__(argument, value, expected, "For example 2020-09-01.")


class InvalidParty(InvalidArgument):
    """A party that is neither a party type, a ``(type, name)`` pair, an
    :class:`~govmodel.model.records.Organisation` nor a ``Party``."""


class UnknownCode(InvalidArgument):
    """A finding code or name that no check has; ``suggestions`` holds the closest."""

    def __init__(self, argument: str, value: Any, suggestions: Sequence[str]):
        self.suggestions = list(suggestions)
        hint = f"Did you mean {' or '.join(repr(s) for s in suggestions)}? " if suggestions else ""
        super().__init__(
            argument,
            value,
            "a finding code or name",
            f"{hint}`govmodel check --list-codes` lists them.",
        )


class MissingArgument(GovModelError, TypeError):
    """A required argument left out (``on=`` when judging a list of parties)."""


class InvalidRecord(GovModelError, ValueError):
    """A record built with a bad local fact (an empty id, an end before the start)."""


class OutputError(GovModelError, OSError):
    """An output that cannot be written: ``path`` and, in words, why.

    Raised instead of the operating system's error, with the same ``errno``
    when there was one; nothing is left behind and nothing is overwritten.
    """

    def __init__(self, path: str, reason: str, errno: int | None = None):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
        self.errno = errno

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class OverwriteRefused(OutputError, FileExistsError):
    """A write that would replace an input file, or an existing file without leave
    (``--force``, ``overwrite=True``)."""

    def __init__(self, path: str, reason: str | None = None):
        super().__init__(
            path, reason or "already exists; pass --force to replace it, or choose another path"
        )


class SchemeInvalid(GovModelError, ValueError):
    """A scheme with errors the model does not expect; ``report`` holds every finding
    (a :class:`govmodel.checks.Report`)."""

    def __init__(self, report: Any) -> None:
        self.report = report
        super().__init__(str(report))


class GraphvizMissing(GovModelError, RuntimeError):
    """Graphviz's ``dot`` program is not installed, so a diagram cannot be rendered."""


class GraphvizFailed(GovModelError, RuntimeError):
    """Graphviz's ``dot`` ran but could not draw the diagram (its first complaint says why)."""


class BrowserMissing(GovModelError, RuntimeError):
    """No Chromium to print a PDF pack or to test a page with."""


class UsageError(GovModelError, ValueError):
    """A bad command-line argument (exit 2)."""


class DiagramTooLarge(GovModelError, ValueError):
    """A whole arrangement, even its overview, has more boxes than a diagram can show;
    ``boxes`` and ``limit`` say how many, ``suggestions`` are ids to focus on."""

    def __init__(self, message: str, *, boxes: int, limit: int, suggestions: Sequence[str]):
        super().__init__(message)
        self.boxes = boxes
        self.limit = limit
        self.suggestions = tuple(suggestions)
