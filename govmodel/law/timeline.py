"""How the lawful forms for one mix of partners changed over time, and which rules
changed them.

A timeline judges the parties on every date on which a rule starts or stops
applying, and keeps the dates on which a verdict changed. Each such date is a
:class:`Turn`: the forms that changed, from what to what, and the rules whose
in-force dates start or end there (the ones that made the change). The period
runs while every party's type existed: a start before that is moved to the
first day they all existed, and the timeline says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.display import Displayed
from govmodel.errors import InvalidArgument, PartyNotInExistence
from govmodel.law.base import Effect, Rule
from govmodel.law.evaluate import Party
from govmodel.law.facts import Facts
from govmodel.law.forms import form_info
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import rulebook
from govmodel.law.verdicts import FormsResult, FormVerdict, PartyLike, forms, parties_from
from govmodel.model.dates import as_date
from govmodel.model.kinds import FormId, Verdict

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Shift", "Timeline", "Turn", "common_period", "timeline"]


@attrs.frozen(kw_only=True)
class Shift:
    """One form's verdict changing on a date, and the rules that changed it."""

    form: FormId
    old: str
    new: str
    old_eligible: tuple[str, ...]
    new_eligible: tuple[str, ...]
    rules: tuple[str, ...]

    def __str__(self) -> str:
        def shown(verdict: str, eligible: tuple[str, ...]) -> str:
            words = verdict.replace("_", " ")
            return f"{words} ({', '.join(eligible)})" if verdict == "partial" else words

        return (
            f"{form_info(self.form).title}: {shown(self.old, self.old_eligible)} -> "
            f"{shown(self.new, self.new_eligible)}"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "form": self.form.value,
            "old": self.old,
            "new": self.new,
            "old_eligible": list(self.old_eligible),
            "new_eligible": list(self.new_eligible),
            "rules": list(self.rules),
        }


@attrs.frozen(kw_only=True)
class Turn:
    """A date on which verdicts changed: what changed, and every rule that did it."""

    on: date
    shifts: tuple[Shift, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        """The rules behind every shift, each once."""
        return tuple(dict.fromkeys(r for s in self.shifts for r in s.rules))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "on": self.on.isoformat(),
            "rules": list(self.rules),
            "forms": [s.to_dict() for s in self.shifts],
        }


@attrs.frozen(repr=False)
class Timeline(Displayed):
    """The dates on which any verdict changed, with the verdicts from each date.

    ``changes`` holds the verdicts for every form from each date; ``turns`` says
    what changed on each date after the first and which rules changed it;
    ``notes`` says where the period was moved to fit the parties' existence.
    """

    start: date
    end: date
    changes: tuple[FormsResult, ...]
    turns: tuple[Turn, ...] = ()
    notes: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[FormsResult]:
        return iter(self.changes)

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties judged."""
        return self.changes[0].parties if self.changes else ()

    def shown(self, *, every_form: bool = False) -> list[FormId]:
        """The forms to show: those that concern these parties (all with ``every_form``)."""
        if every_form or not self.changes:
            return list(FormId)
        return [v.form for v in self.changes[0].applicable()]

    def to_dict(self) -> dict[str, Any]:
        """``govmodel timeline --format json``: the period, parties, the verdicts from
        each change date, the turns (what changed and the rules) and the notes."""
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "parties": [
                {"name": p.name, "type": p.type.value} | ({"id": p.id} if p.id else {})
                for p in self.parties
            ],
            "changes": [
                {
                    "on": r.on.isoformat(),
                    "forms": [
                        {
                            "form": v.form.value,
                            "verdict": v.verdict.value,
                            "eligible": list(v.eligible),
                        }
                        for v in r
                    ],
                }
                for r in self.changes
            ],
            "turns": [t.to_dict() for t in self.turns],
            "notes": list(self.notes),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per change date, one column per form (the verdict)."""
        import pandas as pd

        rows = [
            {"from": r.on.isoformat(), **{v.form.value: v.verdict.value for v in r}}
            for r in self.changes
        ]
        return pd.DataFrame(rows).set_index("from")

    def __str__(self) -> str:
        return self.render()

    def render(self, *, every_form: bool = False) -> str:
        """The verdicts on the first date, then each change with the rules that made it;
        forms about other party types only with ``every_form``."""
        names = ", ".join(f"{p.name} ({p.type.value})" for p in self.parties)
        lines = [f"Verdicts for {names} from {self.start.isoformat()} to {self.end.isoformat()}"]
        lines += [f"  ({note})" for note in self.notes]
        shown = set(self.shown(every_form=every_form))
        if self.changes:
            first = self.changes[0]
            lines.append(f"{first.on.isoformat()}:")
            lines += [f"  {v.form.value:<28} {v.verdict.value}" for v in first if v.form in shown]
        for turn in self.turns:
            shifts = [s for s in turn.shifts if s.form in shown]
            if not shifts:
                continue
            rules = tuple(dict.fromkeys(r for s in shifts for r in s.rules))
            lines.append(f"{turn.on.isoformat()}:" + (f"  [{', '.join(rules)}]" if rules else ""))
            lines += [f"  {s.form.value:<28} {s.new} (was {s.old})" for s in shifts]
        hidden = [f.value for f in FormId if f not in shown]
        if hidden:
            lines.append(f"Not about these parties (shown with --all): {', '.join(hidden)}.")
        return "\n".join(lines) + "\n"


def _boundaries(start: date, end: date) -> list[date]:
    dates = {start}
    for rule in rulebook():
        if rule.in_force.start:
            dates.add(rule.in_force.start)
        if rule.in_force.end:
            dates.add(rule.in_force.end + timedelta(days=1))
    return sorted(d for d in dates if start <= d <= end)


def _turns_at(rule: Rule, on: date) -> bool:
    """Whether ``rule`` starts applying on ``on``, or stopped the day before."""
    end = rule.in_force.end
    return rule.in_force.start == on or (end is not None and end + timedelta(days=1) == on)


def _why(form: FormId, on: date, was: FormVerdict, now: FormVerdict) -> tuple[str, ...]:
    """The rules whose in-force dates start or end on ``on`` and that decided ``form``
    before or after: powers and bars first (a condition only where it decided), else
    any that concern the form."""
    turning = [r for r in rulebook() if _turns_at(r, on) and r.concerns(form)]
    deciding = {
        r.rule
        for v in (was, now)
        for r in v.reasons
        if r.effect in (Effect.PERMIT, Effect.FORBID)
        or (r.effect is Effect.REQUIRE and v.verdict is Verdict.NOT_LAWFUL)
    }
    deciding |= {c.rule for c in (*was.requirements, *now.requirements) if c.status == "unmet"}
    return tuple(r.id for r in turning if r.id in deciding) or tuple(r.id for r in turning)


def common_period(parties: Iterable[PartyLike]) -> tuple[date | None, date | None]:
    """The first and last day on which every party's type existed (``None`` for an
    open end). Raises :class:`~govmodel.errors.PartyNotInExistence` when the types
    never existed together.

    >>> common_period(["ft", "cic"])
    (datetime.date(2005, 7, 1), None)
    """
    start: date | None = None
    end: date | None = None
    for p in parties_from(parties):
        existed = PARTY_TYPES[p.type].existed
        if existed.start and (start is None or existed.start > start):
            start = existed.start
        if existed.end and (end is None or existed.end < end):
            end = existed.end
    if start and end and end < start:
        raise PartyNotInExistence(
            ", ".join(p.name for p in parties_from(parties)),
            start,
            "these party types never existed at the same time",
        )
    return start, end


def _rule_bounds() -> tuple[date, date]:
    """The first and last dates on which any rule starts or stops applying."""
    bounds = [r.in_force.start for r in rulebook() if r.in_force.start]
    bounds += [r.in_force.end + timedelta(days=1) for r in rulebook() if r.in_force.end]
    return min(bounds), max(bounds)


def timeline(
    parties: Iterable[PartyLike],
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    facts: Facts | None = None,
) -> Timeline:
    """Evaluate ``parties`` at every date between ``start`` and ``end`` on which a rule
    starts or stops, keeping the dates on which any verdict changed, each with the
    rules that changed it.

    ``start`` defaults to the first day every party's type existed, and a start
    before that is moved there (the timeline's ``notes`` say so); ``end`` defaults
    to the last day they all existed or, for types still in being, the last date a
    rule in the rulebook starts or ends. There is no implicit "today".

    >>> t = timeline(["ft", "ft"], start="2020-01-01", end="2023-01-01")
    >>> [(r.on.isoformat(), r["joint_committee"].verdict.value) for r in t]
    [('2020-01-01', 'not_lawful'), ('2022-07-01', 'lawful')]
    >>> t.turns[0].shifts[0].rules
    ('JC-001', 'JC-005')
    """
    items = parties_from(parties)
    exists_from, exists_to = common_period(items)
    earliest_rule, latest_rule = _rule_bounds()
    notes: list[str] = []
    if start is None:
        first = exists_from or earliest_rule
        if exists_from:
            notes.append(
                f"starts on {first.isoformat()}, the first day on which every party's type existed"
            )
    else:
        first = as_date(start, "start")
        if end is not None and as_date(end, "end") < first:
            raise InvalidArgument("end", as_date(end, "end"), f"a date on or after start ({first})")
        if exists_from and first < exists_from:
            latest = max(items, key=lambda p: PARTY_TYPES[p.type].existed.start or date.min)
            notes.append(
                f"starts on {exists_from.isoformat()}, when {latest.name} "
                f"({latest.type.value.replace('_', ' ')}) could first exist, not on "
                f"{first.isoformat()}"
            )
            first = exists_from
    last = as_date(end, "end") if end is not None else exists_to or latest_rule
    if exists_to and last > exists_to:
        ending = min(items, key=lambda p: PARTY_TYPES[p.type].existed.end or date.max)
        notes.append(
            f"ends on {exists_to.isoformat()}, the last day {ending.name} "
            f"({ending.type.value.replace('_', ' ')}) could exist"
        )
        last = exists_to
    if last < first:
        asked = f"{as_date(start or first).isoformat()} to {as_date(end or last).isoformat()}"
        raise PartyNotInExistence(
            ", ".join(p.name for p in items),
            first,
            f"the period {asked} falls outside the time every party's type existed "
            f"({exists_from or '...'} to {exists_to or 'now'})",
        )
    changes: list[FormsResult] = []
    turns: list[Turn] = []
    for on in _boundaries(first, last):
        result = forms(items, on=on, facts=facts)
        if not changes:
            changes.append(result)
            continue
        before = changes[-1]
        shifts = tuple(
            Shift(
                form=now.form,
                old=was.verdict.value,
                new=now.verdict.value,
                old_eligible=was.eligible,
                new_eligible=now.eligible,
                rules=_why(now.form, on, was, now),
            )
            for was, now in zip(before, result, strict=True)
            if (was.verdict, was.eligible) != (now.verdict, now.eligible)
        )
        if shifts:
            changes.append(result)
            turns.append(Turn(on=on, shifts=shifts))
    return Timeline(first, last, tuple(changes), tuple(turns), tuple(notes))
