"""A checked model's findings: filter, count, print, export, display."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.checks.base import Finding, Severity

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Report"]

_COLUMNS = [
    "code",
    "name",
    "severity",
    "message",
    "subjects",
    "file",
    "line",
    "column",
    "rule",
    "citation",
    "url",
    "hint",
    "expected",
]


@attrs.frozen(repr=False)
class Report:
    """Every finding for one model on one date, in a stable order."""

    findings: tuple[Finding, ...]
    on: date
    file: str | None = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    # -- selecting -----------------------------------------------------------------------

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
        subject: str | None = None,
        expected: bool | None = None,
    ) -> Report:
        """The findings with these codes (or names), at or above ``severity``, about
        ``subject``, and expected or not.

        >>> import govmodel
        >>> r = govmodel.check(govmodel.examples.load("msecc-2020"))
        >>> [f.code for f in r.filter(code="GM401")]
        ['GM401', 'GM401']
        """
        codes = {code} if isinstance(code, str) else set(code) if code is not None else None
        rank = Severity.parse(severity).rank if severity is not None else None
        kept = [
            f
            for f in self.findings
            if (codes is None or f.code in codes or f.name in codes)
            and (rank is None or f.severity.rank <= rank)
            and (subject is None or subject in f.subjects)
            and (expected is None or (f.expected is not None) is expected)
        ]
        return attrs.evolve(self, findings=tuple(kept))

    @property
    def errors(self) -> list[Finding]:
        """Errors the model does not expect."""
        return self._open(Severity.ERROR)

    @property
    def warnings(self) -> list[Finding]:
        """Warnings the model does not expect."""
        return self._open(Severity.WARNING)

    def _open(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity is severity and f.expected is None]

    def is_valid(self, *, fail_on_warning: bool = False) -> bool:
        """No unexpected errors (nor warnings, with ``fail_on_warning``)."""
        return not self.errors and not (fail_on_warning and self.warnings)

    def summary(self) -> dict[str, int]:
        """Counts of unexpected errors, warnings and info, and of expected findings."""
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "info": len(self._open(Severity.INFO)),
            "expected": sum(f.expected is not None for f in self.findings),
        }

    # -- output --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``check`` JSON shape."""
        return {
            "file": self.file,
            "on": self.on.isoformat(),
            "summary": self.summary(),
            "diagnostics": [f.to_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        """``to_dict`` as indented JSON with a final newline (byte-stable)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_frame(self) -> pd.DataFrame:
        """One row per finding, columns as :data:`_COLUMNS`."""
        import pandas as pd

        rows = []
        for f in self.findings:
            loc = f.location
            rows.append(
                [
                    f.code,
                    f.name,
                    f.severity.value,
                    f.message,
                    ", ".join(f.subjects),
                    loc.file if loc else None,
                    loc.line if loc else None,
                    loc.column if loc else None,
                    f.rule,
                    f.citation.text if f.citation else None,
                    f.citation.url if f.citation else None,
                    f.hint,
                    f.expected,
                ]
            )
        frame = pd.DataFrame(rows, columns=_COLUMNS)
        text = {c: "string" for c in _COLUMNS if c not in ("line", "column")}
        return frame.astype({**text, "line": "Int64", "column": "Int64"})

    def headline(self) -> str:
        """``"msecc.yaml on 2020-09-01: 1 error, 2 warnings, 0 info (3 expected)"``."""
        counts = self.summary()

        def n(k: int, word: str) -> str:
            return f"{k} {word}{'' if k == 1 or word == 'info' else 's'}"

        text = (
            f"{self.file or 'model'} on {self.on.isoformat()}: "
            f"{n(counts['errors'], 'error')}, {n(counts['warnings'], 'warning')}, "
            f"{n(counts['info'], 'info')}"
        )
        return text + (f" ({counts['expected']} expected)" if counts["expected"] else "")

    def __repr__(self) -> str:
        return f"<Report {self.headline()}>"

    def __str__(self) -> str:
        body = "\n\n".join(f.render() for f in self.findings)
        return (body + "\n\n" if body else "") + self.headline() + "\n"

    def _repr_html_(self) -> str:
        colours = {"error": "#f8d7da", "warning": "#fff3cd", "info": "#d1ecf1"}
        rows = []
        for f in self.findings:
            basis = (
                f'<a href="{html.escape(f.citation.url)}">{html.escape(f.citation.text)}</a>'
                if f.citation
                else html.escape(f.source.text)
                if f.source
                else ""
            )
            note = f"<br><i>expected: {html.escape(f.expected)}</i>" if f.expected else ""
            rows.append(
                f'<tr style="background:{colours[f.severity.value]}">'
                f"<td>{html.escape(str(f.location or ''))}</td>"
                f"<td><b>{f.code}</b><br>{f.name}</td><td>{f.severity.value}</td>"
                f"<td>{html.escape(f.message)}{note}</td><td>{basis}</td>"
                f"<td>{html.escape(f.hint)}</td></tr>"
            )
        return (
            f"<p><b>{html.escape(self.headline())}</b></p>"
            "<table><thead><tr><th>where</th><th>code</th><th>severity</th>"
            "<th>finding</th><th>legal basis</th><th>hint</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
