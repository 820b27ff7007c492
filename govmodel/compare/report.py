"""The typed diff of two models: :func:`diff` and its result, :class:`ModelDiff`.

A :class:`ModelDiff` reads as a board paper (``str``), and exports as JSON
(``to_dict``, the shape ``govmodel diff --format json`` prints), a pandas
DataFrame (``to_frame``, one row per change) and notebook HTML.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.compare.judged import (
    AccountabilityChange,
    AuthorityChange,
    FindingChange,
    VerdictChange,
    diff_accountability,
    diff_authority,
    diff_findings,
    diff_verdicts,
)
from govmodel.compare.records import FieldChange, RecordChange, RecordsDiff, diff_records, singular
from govmodel.display import Displayed
from govmodel.law.rules import get
from govmodel.model.dates import as_date
from govmodel.model.governance import GovernanceModel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ModelDiff", "Side", "diff"]


@attrs.frozen(kw_only=True)
class Side:
    """One of the two models compared: its name, file and the date it was judged on."""

    name: str
    file: str | None
    on: date

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "file": self.file, "on": self.on.isoformat()}

    def __str__(self) -> str:
        where = f"{self.file}, " if self.file else ""
        return f"{self.name} ({where}as of {self.on.isoformat()})"


@attrs.frozen(kw_only=True, repr=False)
class ModelDiff(Displayed):
    """What changed from ``old`` to ``new``: records, verdicts, findings,
    accountability and authority."""

    old: Side
    new: Side
    records: RecordsDiff
    verdicts: tuple[VerdictChange, ...]
    appeared: tuple[FindingChange, ...]
    resolved: tuple[FindingChange, ...]
    accountability: tuple[AccountabilityChange, ...]
    authority: tuple[AuthorityChange, ...]
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """Whether anything changed."""
        return bool(
            self.records
            or self.verdicts
            or self.appeared
            or self.resolved
            or self.accountability
            or self.authority
        )

    # -- summary --------------------------------------------------------------------------

    def summary(self) -> list[str]:
        """The changes that matter most, one sentence each, for the top of a paper."""
        r = self.records
        lines = []
        if r.added or r.removed or r.changed:
            lines.append(
                f"{_count(len(r.added), 'record')} added, {len(r.removed)} removed and "
                f"{len(r.changed)} changed."
            )
        lines += _successions(r)
        for c in self.records.changed:
            if c.renamed:
                lines.append(f"{c.old_id} is now {c.id} ({c.kind} renamed; nothing else changed).")
        for v in self.verdicts:
            lines.append(_verdict_sentence(v))
        for group, subjects in _grouped(self.accountability):
            lines.append(_accountability_sentence(group, subjects))
        if self.appeared or self.resolved:
            lines.append(
                f"{_count(len(self.appeared), 'finding')} of check appeared and "
                f"{len(self.resolved)} {'was' if len(self.resolved) == 1 else 'were'} resolved."
            )
        gained = sum(a.change == "gained" for a in self.authority)
        lost = sum(a.change == "lost" for a in self.authority)
        limits = sum(a.change == "limit" for a in self.authority)
        if self.authority:
            lines.append(
                f"Authority: {_count(gained, 'matter')} gained, {lost} lost and "
                f"{_count(limits, 'limit')} changed, holder by holder."
            )
        return lines or ["Nothing changed."]

    # -- output ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``govmodel diff --format json`` shape: ``records``,
        ``verdicts``, ``findings``, ``accountability`` and ``authority`` (plus ``old``,
        ``new``, ``summary`` and ``notes``)."""
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "summary": self.summary(),
            "records": self.records.to_dict(),
            "verdicts": [v.to_dict() for v in self.verdicts],
            "findings": {
                "appeared": [f.to_dict() for f in self.appeared],
                "resolved": [f.to_dict() for f in self.resolved],
            },
            "accountability": [a.to_dict() for a in self.accountability],
            "authority": [a.to_dict() for a in self.authority],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        """Deterministic JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def rows(self) -> list[dict[str, Any]]:
        """One row per change: ``section``, ``change``, ``kind``, ``id``, ``field``,
        ``old``, ``new`` (values as text)."""
        out: list[dict[str, Any]] = []

        def row(
            section: str, change: str, kind: str, rid: str, field: str, old: Any, new: Any
        ) -> None:
            out.append(
                {
                    "section": section,
                    "change": change,
                    "kind": kind,
                    "id": rid,
                    "field": field,
                    "old": _cell(old),
                    "new": _cell(new),
                }
            )

        for c in self.records.added:
            row("records", "added", c.kind, c.id, "", None, c.label)
        for c in self.records.removed:
            row("records", "removed", c.kind, c.id, "", c.label, None)
        for c in self.records.changed:
            if c.renamed:
                row("records", "renamed", c.kind, c.id, "id", c.old_id, c.id)
            for f in c.fields:
                row("records", "changed", c.kind, c.id, f.field, f.old, f.new)
        for f in self.records.model:
            row("records", "changed", "model", "", f.field, f.old, f.new)
        for v in self.verdicts:
            row("verdicts", "changed", "form", v.form, "verdict", v.old, v.new)
        for which, found in (("appeared", self.appeared), ("resolved", self.resolved)):
            for fc in found:
                row(
                    "findings",
                    which,
                    fc.severity,
                    fc.code,
                    ", ".join(fc.subjects),
                    None,
                    fc.message,
                )
        for a in self.accountability:
            for field, old, new in (
                ("ends", list(a.ends_lost), list(a.ends_gained)),
                ("through", list(a.through_lost), list(a.through_gained)),
                ("breaks", [b for b, _ in a.breaks_resolved], [b for b, _ in a.breaks_appeared]),
            ):
                if old or new:
                    row(
                        "accountability",
                        "changed",
                        "subject",
                        a.subject,
                        field,
                        list(old),
                        list(new),
                    )
        for g in self.authority:
            row("authority", g.change, g.organisation, g.holder, g.matter, g.old_limit, g.new_limit)
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per change (:meth:`rows`) as a DataFrame."""
        import pandas as pd

        columns = ["section", "change", "kind", "id", "field", "old", "new"]
        return pd.DataFrame(self.rows(), columns=columns).astype("string")

    def __str__(self) -> str:
        return "\n".join(_paper(self)) + "\n"


def diff(old: GovernanceModel, new: GovernanceModel, *, on: date | str | None = None) -> ModelDiff:
    """What changed from ``old`` to ``new``: records added, removed, renamed and
    changed field by field; verdicts form by form; findings that appeared and were
    resolved; accountability ends, paths and breaks; holders that gained or lost a
    matter or a limit.

    Each model is judged on its own ``as_of`` unless ``on`` is given, when both
    are judged on that date.

    >>> import govmodel
    >>> old, new = govmodel.examples.load("msecc-2020"), govmodel.examples.load("msecc-2023")
    >>> d = govmodel.diff(old, new)
    >>> [(v.form, v.old, v.new) for v in d.verdicts][:1]
    [('joint_committee', 'not_lawful', 'partial')]
    """
    old_on = old.resolve_on(on)
    new_on = new.resolve_on(on)
    records = diff_records(old, new)
    renames = records.renames
    verdicts, notes = diff_verdicts(old, new, old_on, new_on)
    appeared, resolved = diff_findings(old, new, old_on, new_on, renames)
    return ModelDiff(
        old=Side(name=old.name, file=old.source, on=as_date(old_on)),
        new=Side(name=new.name, file=new.source, on=as_date(new_on)),
        records=records,
        verdicts=verdicts,
        appeared=appeared,
        resolved=resolved,
        accountability=diff_accountability(old, new, old_on, new_on, renames),
        authority=diff_authority(old, new, old_on, new_on, renames),
        notes=notes,
    )


# -- the board paper ---------------------------------------------------------------------


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _names(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _value(value: Any, width: int = 70) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _field_lines(f: FieldChange, width: int = 90) -> list[str]:
    """A field's change: ``quorum: 3 -> 4``; lists item by item (``+`` added, ``-``
    removed); long text with only the words that differ."""
    if f.added or f.removed:
        items = [("+", v) for v in f.added] + [("-", v) for v in f.removed]
        if all(len(_value(v, 1000)) <= 24 for _, v in items):
            parts = []
            if f.added:
                parts.append(f"added {', '.join(map(_value, f.added))}")
            if f.removed:
                parts.append(f"removed {', '.join(map(_value, f.removed))}")
            return [f"{f.field}: {'; '.join(parts)}"]
        return [f"{f.field}:"] + [f"  {sign} {_value(v, width)}" for sign, v in items]
    if isinstance(f.old, str) and isinstance(f.new, str) and len(f.old) + len(f.new) > 60:
        before, after = _differing(f.old, f.new)
        return [f"{f.field}:", f"  - {_value(before, width)}", f"  + {_value(after, width)}"]
    return [f"{f.field}: {_value(f.old)} -> {_value(f.new)}"]


def _differing(old: str, new: str) -> tuple[str, str]:
    """The words of ``old`` and ``new`` between their common start and end, with an
    ellipsis where words were left out."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    lead = "... " if start else ""
    tail = " ..." if end else ""
    return (
        lead + " ".join(a[start : len(a) - end]) + tail,
        lead + " ".join(b[start : len(b) - end]) + tail,
    )


def _successions(records: RecordsDiff) -> list[str]:
    """ "X replaces A and B as commissioner of 3 contracts": list fields whose removed
    items were all removed records and whose added items were all added records."""
    gone = {c.id: c.label or c.id for c in records.removed}
    fresh = {c.id: c.label or c.id for c in records.added}
    grouped: dict[tuple[tuple[str, ...], tuple[str, ...], str, str], list[str]] = {}
    for c in records.changed:
        for f in c.fields:
            out, into = f.removed, f.added
            if out and into and all(v in gone for v in out) and all(v in fresh for v in into):
                key = (tuple(into), tuple(out), singular(f.field), c.kind)
                grouped.setdefault(key, []).append(c.label or c.id)
    lines = []
    for (into, out, role, kind), where in grouped.items():
        whom = _names([fresh[i] for i in into])
        was = _names([gone[o] for o in out])
        verb = "replaces" if len(into) == 1 else "replace"
        places = _count(len(where), kind) if len(where) > 1 else where[0]
        lines.append(f"{whom} {verb} {was} as {role} of {places}.")
    return lines


def _eligible(names: tuple[str, ...]) -> str:
    return f" ({', '.join(names)})" if names else ""


def _verdict_sentence(v: VerdictChange) -> str:
    words = {"not_lawful": "not lawful", "advisory_only": "advisory only"}
    old, new = words.get(v.old, v.old), words.get(v.new, v.new)
    rules = []
    if v.rules_now:
        rules.append(f"now {', '.join(v.rules_now)}")
    if v.rules_before:
        rules.append(f"no longer {', '.join(v.rules_before)}")
    why = f" [{'; '.join(rules)}]" if rules else ""
    if v.new == "partial":
        return f"{v.title}: {old} -> open to {', '.join(v.new_eligible)} (partial){why}."
    return f"{v.title}: {old}{_eligible(v.old_eligible)} -> {new}{_eligible(v.new_eligible)}{why}."


def _grouped(
    changes: tuple[AccountabilityChange, ...],
) -> list[tuple[AccountabilityChange, list[str]]]:
    groups: dict[AccountabilityChange, list[str]] = {}
    for a in changes:
        groups.setdefault(attrs.evolve(a, subject=""), []).append(a.subject)
    return list(groups.items())


def _accountability_sentence(group: AccountabilityChange, subjects: list[str]) -> str:
    parts = []
    if group.through_gained or group.through_lost:
        now = _names(list(group.through_gained)) or "nobody new"
        was = _names(list(group.through_lost))
        parts.append(f"answer through {now}" + (f" instead of {was}" if was else ""))
    if group.ends_gained:
        parts.append(f"now reach {_names(list(group.ends_gained))}")
    if group.ends_lost:
        parts.append(f"no longer reach {_names(list(group.ends_lost))}")
    if group.breaks_appeared:
        parts.append(f"break at {_names([a for a, _ in group.breaks_appeared])}")
    if group.breaks_resolved:
        parts.append(f"no longer break at {_names([a for a, _ in group.breaks_resolved])}")
    who = subjects[0] if len(subjects) == 1 else f"{len(subjects)} bodies and posts"
    listed = "" if len(subjects) == 1 else f" ({', '.join(subjects)})"
    return f"Accountability: {who}{listed} {'; '.join(parts)}."


def _accountability_detail(a: AccountabilityChange) -> str:
    parts = []
    for words, items in (
        ("now through", a.through_gained),
        ("no longer through", a.through_lost),
        ("now reaches", a.ends_gained),
        ("no longer reaches", a.ends_lost),
    ):
        if items:
            parts.append(f"{words} {', '.join(items)}")
    parts += [f"break at {at}: {why}" for at, why in a.breaks_appeared]
    parts += [f"no longer a break at {at}" for at, _ in a.breaks_resolved]
    return "; ".join(parts)


def _record_lines(title: str, changes: tuple[RecordChange, ...]) -> list[str]:
    if not changes:
        return []
    out = [f"  {title} ({len(changes)})"]
    width = max(len(c.kind) for c in changes)
    ids = max(len(c.id) for c in changes)
    for c in changes:
        head = f"    {c.kind:<{width}}  {c.id:<{ids}}  {c.label}".rstrip()
        if c.renamed:
            head += f"  (renamed from {c.old_id})"
        out.append(head)
        out += [f"      {line}" for f in c.fields for line in _field_lines(f)]
    return out


def _paper(d: ModelDiff) -> list[str]:
    out = [f"From {d.old}", f"  to {d.new}", "", "What changed"]
    out += [f"  - {line}" for line in d.summary()]
    r = d.records
    out += [
        "",
        f"Records: {len(r.added)} added, {len(r.removed)} removed, {len(r.changed)} changed",
    ]
    out += _record_lines("Added", r.added)
    out += _record_lines("Removed", r.removed)
    out += _record_lines("Changed", r.changed)
    if r.model:
        out.append(f"  The model itself ({len(r.model)})")
        out += [f"      {line}" for f in r.model for line in _field_lines(f)]
    dates = (
        d.old.on.isoformat()
        if d.old.on == d.new.on
        else f"{d.old.on.isoformat()} -> {d.new.on.isoformat()}"
    )
    out += ["", f"Governance forms ({dates}): {_count(len(d.verdicts), 'verdict')} changed"]
    for v in d.verdicts:
        out.append(f"  - {_verdict_sentence(v)}")
        for words, ids in (("now decided by", v.rules_now), ("no longer by", v.rules_before)):
            out += [f"      {words} {rid}: {get(rid).title}" for rid in ids]
    out += [f"  ({n})" for n in d.notes]
    out += ["", f"Findings: {len(d.appeared)} appeared, {len(d.resolved)} resolved"]
    for which, found in (("appeared", d.appeared), ("resolved", d.resolved)):
        for fc in found:
            flag = " (expected)" if fc.expected else ""
            out.append(
                f"  {which:<8}  {fc.severity}[{fc.code}]{flag} {', '.join(fc.subjects)}: "
                f"{_value(fc.message, 90)}"
            )
    n = len(d.accountability)
    out += ["", f"Accountability: {n} {'body or post' if n == 1 else 'bodies and posts'} changed"]
    for a in d.accountability:
        out.append(f"  {a.subject}: {_accountability_detail(a)}")
    out += ["", f"Authority: {_count(len(d.authority), 'change')}"]
    for g in d.authority:
        if g.change == "limit":
            what = f"limit {_limit(g.old_limit)} -> {_limit(g.new_limit)}"
        else:
            limit = g.new_limit if g.change == "gained" else g.old_limit
            what = f"{g.change} ({_limit(limit)})"
        out.append(f"  {g.holder} for {g.organisation}: {g.matter}: {what}")
    return out


def _limit(limit: int | None) -> str:
    return "no limit" if limit is None else f"up to £{limit:,}"
