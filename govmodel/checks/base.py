"""The vocabulary of checking: severities, categories, hits, findings and codes.

A check is a small generator: it reads a :class:`~govmodel.checks.context.Context`
and yields :class:`Hit` objects naming the ids concerned and what is wrong
with them. The engine turns each hit into a :class:`Finding` by attaching the
check's code, name and severity, the citation of the rule in force on the
date, and the hit's place in the model file. Checks never format their own
context. What a check is (its :class:`~govmodel.checks.spec.CheckSpec`) is
declared beside its function.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from govmodel.display import Displayed
from govmodel.law.base import Citation
from govmodel.locations import CellLocation, Location, an
from govmodel.model.kinds import Kind, Severity, closest

__all__ = ["Category", "CheckFailure", "Codes", "Finding", "Hit", "Severity", "Source", "an"]


class Category(Kind):
    """What a check is about (one docs section each)."""

    MODEL = "model"
    EXISTENCE = "existence"
    AUTHORITY = "authority"
    RESERVED = "reserved"
    COMPOSITION = "composition"
    ROUTE = "route"
    STRUCTURE = "structure"
    LOCAL = "local"
    """A local policy of the model's own (``LOC001``...)."""


@attrs.frozen(kw_only=True)
class Source:
    """Where a check that is not built in comes from, for its findings to say.

    For a local policy: the paragraph of the document it is written in (``text``,
    with ``url`` when published) and where the policy is declared (``declared``,
    its place in the policy or model file). For a plugin's check: the package.
    """

    text: str
    url: str | None = None
    declared: Location | None = None

    def render(self) -> str:
        """``EPUT SFIs, para 4.2 https://... (declared at sfi.yaml:12:3)``."""
        url = f" {self.url}" if self.url else ""
        declared = f" (declared at {self.declared})" if self.declared else ""
        return f"{self.text}{url}{declared}"

    def to_dict(self) -> dict[str, Any]:
        """``{"text", "url", "declared"}`` (``declared`` a location or ``None``)."""
        return {"text": self.text, "url": self.url, "declared": _location(self.declared)}


@attrs.frozen(kw_only=True)
class CheckFailure:
    """A check from outside govmodel that could not run: a plugin that would not load,
    declared a code it may not use, or raised while checking (reported as GM004)."""

    subject: str
    message: str
    hint: str


@attrs.frozen
class Hit:
    """What a check found, before the engine dresses it as a :class:`Finding`.

    ``subjects``
        the ids the hit concerns, most specific first;
    ``at``
        ``(record_id, key, ...)``: where in the model file to point (defaults to
        the first subject's record);
    ``path``
        a key path from the top of the file, for hits about top-level keys;
    ``rule``
        the rulebook id that grounds the hit, when it differs by case; ``""``
        when none of the check's rules applies to this case (nothing is cited).
    """

    subjects: tuple[str, ...]
    message: str
    at: tuple[str | int, ...] = ()
    hint: str | None = None
    rule: str | None = None
    path: tuple[str | int, ...] | None = None


@attrs.frozen(repr=False)
class Finding(Displayed):
    """One thing wrong with a model on a date, ready to print, filter or export."""

    code: str
    name: str
    severity: Severity
    message: str
    subjects: tuple[str, ...]
    hint: str
    location: Location | None = None
    rule: str | None = None
    citation: Citation | None = None
    confidence: str | None = None
    disputed: bool = False
    expected: str | None = None
    source: Source | None = None

    def sort_key(self) -> tuple[Any, ...]:
        """File position first (when known), then code, subjects and message."""
        if self.location is None:
            where: tuple[Any, ...] = (1, "", 0, 0)
        else:
            where = (0, self.location.file, self.location.line, self.location.column)
        return (*where, self.code, self.subjects, self.message)

    def render(self) -> str:
        """The finding as a compiler prints it: location, severity, code, message,
        then indented legal basis, hint and (if any) why it is expected. An expected
        finding is headed ``expected[CODE]``, its severity on the line that says why."""
        where = f"{self.location}: " if self.location else ""
        head = "expected" if self.expected else self.severity.value
        lines = [f"{where}{head}[{self.code}] {self.name}: {self.message}"]
        if self.citation is not None:
            extra = f" ({self.rule}, {self.confidence} confidence" if self.rule else ""
            extra += ", lawyers disagree)" if self.disputed else (")" if extra else "")
            lines.append(f"  = legal basis: {self.citation.text}{extra} {self.citation.url}")
        if self.source is not None:
            lines.append(f"  = source: {self.source.render()}")
        lines.append(f"  = hint: {self.hint}")
        if self.expected:
            lines.append(f"  = expected ({self.severity.value}): {self.expected}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The contract's diagnostic shape, plus ``rule``, ``confidence``,
        ``disputed``, ``expected`` and ``source`` (a local policy's or a plugin's)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "subjects": list(self.subjects),
            "location": _location(self.location),
            "citation": None
            if self.citation is None
            else {"text": self.citation.text, "url": self.citation.url},
            "hint": self.hint,
            "rule": self.rule,
            "confidence": self.confidence,
            "disputed": self.disputed,
            "expected": self.expected,
            "source": None if self.source is None else self.source.to_dict(),
        }


def _location(location: Location | None) -> dict[str, Any] | None:
    """A location as JSON: file, line and column (a workbook cell also its sheet and cell)."""
    if location is None:
        return None
    return {
        "file": location.file,
        "line": location.line,
        "column": location.column,
        # a workbook's cell (line is its row) also names its sheet and cell
        **(
            {"sheet": location.sheet, "cell": location.cell}
            if isinstance(location, CellLocation)
            else {}
        ),
    }


class Codes:
    """The finding codes a check run knows, with their kebab-case names: what the
    model's ``ignore`` and ``expected`` entries and ``--ignore``/``--select`` may name.

    >>> codes = Codes({"GM601": "committee-without-reporting-line"})
    >>> codes.find("gm601"), codes.find("committee-without-reporting-line"), codes.find("x")
    ('GM601', 'GM601', None)
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)
        self._by_name = {name: code for code, name in self._names.items()}

    def find(self, code_or_name: str) -> str | None:
        """The code named by ``code_or_name`` (a code in any case, or a name), or ``None``."""
        key = code_or_name.strip()
        if key.upper() in self._names:
            return key.upper()
        return self._by_name.get(key.lower())

    def name(self, code: str) -> str:
        """The kebab-case name of ``code``."""
        return self._names[code]

    def suggest(self, code_or_name: str) -> list[str]:
        """Codes or names that look like a mistyped ``code_or_name``."""
        pool = [*self._names, *self._by_name]
        key = code_or_name.strip()
        return closest(key.upper() if _LOOKS_LIKE_CODE.match(key) else key.lower(), pool)


#: What a finding code looks like, in any case: letters, then a digit (``gm6o1``, ``loc1``).
_LOOKS_LIKE_CODE = re.compile(r"^[A-Za-z]{2,8}[0-9]")
