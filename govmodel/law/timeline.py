"""How the lawful forms for one mix of partners changed over time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

import attrs

from govmodel.display import Displayed
from govmodel.errors import InvalidArgument, PartyNotInExistence
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import rulebook
from govmodel.law.verdicts import VERDICT_COLOURS, FormsResult, PartyLike, forms, parties_from
from govmodel.model.dates import as_date
from govmodel.model.kinds import FormId

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Timeline", "timeline"]


@attrs.frozen(repr=False)
class Timeline(Displayed):
    """The dates on which any verdict changed, with the verdicts from each date."""

    start: date
    end: date
    changes: tuple[FormsResult, ...]

    def __iter__(self) -> Iterator[FormsResult]:
        return iter(self.changes)

    def to_frame(self) -> pd.DataFrame:
        """One row per change date, one column per form (the verdict)."""
        import pandas as pd

        rows = [
            {"from": r.on.isoformat(), **{v.form.value: v.verdict.value for v in r}}
            for r in self.changes
        ]
        return pd.DataFrame(rows).set_index("from")

    def __str__(self) -> str:
        lines = [f"Verdict changes from {self.start.isoformat()} to {self.end.isoformat()}"]
        previous: dict[FormId, str] = {}
        for result in self.changes:
            lines.append(f"{result.on.isoformat()}:")
            for v in result:
                if previous.get(v.form) != v.verdict.value:
                    was = previous.get(v.form)
                    change = f" (was {was})" if was else ""
                    lines.append(f"  {v.form.value:<28} {v.verdict.value}{change}")
                previous[v.form] = v.verdict.value
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{escape(f.value.replace('_', ' '))}</th>" for f in FormId)
        rows = []
        for result in self.changes:
            cells = "".join(
                f"<td style='background:{VERDICT_COLOURS[v.verdict]}'>{v.verdict.value}</td>"
                for v in result
            )
            rows.append(f"<tr><td>{result.on.isoformat()}</td>{cells}</tr>")
        return (
            f"<table><thead><tr><th>from</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def _boundaries(start: date, end: date) -> list[date]:
    dates = {start}
    for rule in rulebook():
        if rule.in_force.start:
            dates.add(rule.in_force.start)
        if rule.in_force.end:
            dates.add(rule.in_force.end + timedelta(days=1))
    return sorted(d for d in dates if start <= d <= end)


def timeline(parties: Iterable[PartyLike], *, start: date | str, end: date | str) -> Timeline:
    """Evaluate ``parties`` at every date between ``start`` and ``end`` on which a rule
    starts or stops, keeping the dates on which any verdict changed.

    Both dates are required: there is no implicit "today". Every party type must
    exist for the whole period.

    >>> t = timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01")
    >>> [(r.on.isoformat(), r["joint_committee"].verdict.value) for r in t]
    [('2020-01-01', 'not_lawful'), ('2022-07-01', 'lawful')]
    """
    first, last = as_date(start, "start"), as_date(end, "end")
    if last < first:
        raise InvalidArgument("end", last, f"a date on or after start ({first})")
    items = parties_from(parties)
    for p in items:
        existed = PARTY_TYPES[p.type].existed
        if not (existed.contains(first) and existed.contains(last)):
            raise PartyNotInExistence(
                f"{p.name} ({p.type.value})",
                first if not existed.contains(first) else last,
                f"it existed {existed}, not for the whole period {first} to {last}",
            )
    changes: list[FormsResult] = []
    for on in _boundaries(first, last):
        result = forms(items, on=on)
        key = [(v.verdict, v.eligible) for v in result]
        if not changes or key != [(v.verdict, v.eligible) for v in changes[-1]]:
            changes.append(result)
    return Timeline(first, last, tuple(changes))
