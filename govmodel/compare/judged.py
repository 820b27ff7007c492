"""What changed in the answers about two models: verdicts, findings, accountability
and authority.

Each model is judged on its own date (or both on one date), the way
``govmodel forms``, ``check``, ``trace`` and ``who`` judge it; the answers are
then compared. Findings are matched by code and subjects, never by the words of
their message; ids of renamed records are read as their new ids throughout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from govmodel.analysis.authority import grants
from govmodel.analysis.forms import forms
from govmodel.analysis.trace import Trace, trace
from govmodel.checks import check
from govmodel.checks.base import Finding
from govmodel.errors import GovModelError
from govmodel.law.base import Effect
from govmodel.law.forms import form_info
from govmodel.law.verdicts import FormsResult, FormVerdict
from govmodel.model.governance import GovernanceModel

__all__ = [
    "AccountabilityChange",
    "AuthorityChange",
    "FindingChange",
    "VerdictChange",
    "diff_accountability",
    "diff_authority",
    "diff_findings",
    "diff_verdicts",
]


@attrs.frozen(kw_only=True)
class VerdictChange:
    """A form whose verdict (or eligible parties) changed, with the rules that now
    decide it and those that no longer do."""

    form: str
    title: str
    old: str
    new: str
    old_eligible: tuple[str, ...] = ()
    new_eligible: tuple[str, ...] = ()
    rules_now: tuple[str, ...] = ()
    rules_before: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``{"form", "old", "new"}``, with eligibility and rules."""
        return {
            "form": self.form,
            "old": self.old,
            "new": self.new,
            "old_eligible": list(self.old_eligible),
            "new_eligible": list(self.new_eligible),
            "rules_now": list(self.rules_now),
            "rules_before": list(self.rules_before),
        }


@attrs.frozen(kw_only=True)
class FindingChange:
    """A finding that appeared in the new model or was resolved in it."""

    code: str
    name: str
    severity: str
    subjects: tuple[str, ...]
    message: str
    expected: bool

    @classmethod
    def of(cls, finding: Finding) -> FindingChange:
        """The parts of ``finding`` a diff reports."""
        return cls(
            code=finding.code,
            name=finding.name,
            severity=finding.severity.value,
            subjects=finding.subjects,
            message=finding.message,
            expected=finding.expected is not None,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "subjects": list(self.subjects),
            "message": self.message,
            "expected": self.expected,
        }


@attrs.frozen(kw_only=True)
class AccountabilityChange:
    """A body or post whose accountability changed: the statutory ends its paths
    reach, the bodies and offices they pass through, and the breaks."""

    subject: str
    ends_gained: tuple[str, ...] = ()
    ends_lost: tuple[str, ...] = ()
    through_gained: tuple[str, ...] = ()
    through_lost: tuple[str, ...] = ()
    breaks_appeared: tuple[tuple[str, str], ...] = ()
    breaks_resolved: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; a break is ``{"at", "reason"}``."""
        return {
            "subject": self.subject,
            "ends_gained": list(self.ends_gained),
            "ends_lost": list(self.ends_lost),
            "through_gained": list(self.through_gained),
            "through_lost": list(self.through_lost),
            "breaks_appeared": [{"at": a, "reason": r} for a, r in self.breaks_appeared],
            "breaks_resolved": [{"at": a, "reason": r} for a, r in self.breaks_resolved],
        }


@attrs.frozen(kw_only=True)
class AuthorityChange:
    """A holder that gained or lost a matter, or whose limit for it changed
    (``change`` is ``gained``, ``lost`` or ``limit``; a limit of ``None`` is none)."""

    change: str
    holder: str
    matter: str
    organisation: str
    old_limit: int | None = None
    new_limit: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "change": self.change,
            "holder": self.holder,
            "matter": self.matter,
            "organisation": self.organisation,
            "old_limit": self.old_limit,
            "new_limit": self.new_limit,
        }


def _forms(model: GovernanceModel, on: date) -> FormsResult | str:
    try:
        return forms(model, on=on)
    except GovModelError as exc:  # a partner that did not exist on the date, say
        return str(exc)


def _deciding(verdict: FormVerdict) -> tuple[str, ...]:
    return tuple(r.rule for r in verdict.reasons if r.effect in (Effect.PERMIT, Effect.FORBID))


def diff_verdicts(
    old: GovernanceModel, new: GovernanceModel, old_on: date, new_on: date
) -> tuple[tuple[VerdictChange, ...], tuple[str, ...]]:
    """Forms whose verdict or eligible parties changed, and notes on any side that
    could not be judged (a partner that did not exist on the date)."""
    before, after = _forms(old, old_on), _forms(new, new_on)
    notes = tuple(
        f"{which}: {result}"
        for which, result in (("old", before), ("new", after))
        if isinstance(result, str)
    )
    if isinstance(before, str) or isinstance(after, str):
        return (), notes
    out = []
    for was in before:
        now = after[was.form]
        if (was.verdict, was.eligible) == (now.verdict, now.eligible):
            continue
        rules_was, rules_now = _deciding(was), _deciding(now)
        out.append(
            VerdictChange(
                form=was.form.value,
                title=form_info(was.form).title,
                old=was.verdict.value,
                new=now.verdict.value,
                old_eligible=was.eligible,
                new_eligible=now.eligible,
                rules_now=tuple(r for r in rules_now if r not in rules_was),
                rules_before=tuple(r for r in rules_was if r not in rules_now),
            )
        )
    return tuple(out), notes


def _renamed(ids: tuple[str, ...], renames: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(renames.get(i, i) for i in ids)


def diff_findings(
    old: GovernanceModel,
    new: GovernanceModel,
    old_on: date,
    new_on: date,
    renames: Mapping[str, str],
) -> tuple[tuple[FindingChange, ...], tuple[FindingChange, ...]]:
    """Findings that appeared and that were resolved, matched by code and subjects
    (as many times as they occur)."""
    before = list(check(old, on=old_on))
    after = list(check(new, on=new_on))
    old_keys = Counter((f.code, _renamed(f.subjects, renames)) for f in before)
    new_keys = Counter((f.code, f.subjects) for f in after)
    appeared, resolved = [], []
    left = new_keys - old_keys
    for f in after:
        key = (f.code, f.subjects)
        if left[key] > 0:
            appeared.append(FindingChange.of(f))
            left[key] -= 1
    gone = old_keys - new_keys
    for f in before:
        key = (f.code, _renamed(f.subjects, renames))
        if gone[key] > 0:
            resolved.append(attrs.evolve(FindingChange.of(f), subjects=key[1]))
            gone[key] -= 1
    return tuple(appeared), tuple(resolved)


def _subjects(model: GovernanceModel, on: date) -> list[str]:
    current = model.on(on)
    return sorted(
        [*(b.id for b in current.bodies), *(p.id for p in current.posts)],
    )


def _through(result: Trace) -> set[str]:
    """Every body, office or end a trace's paths reach, but its subject."""
    return {s.target for path in result.paths for s in path}


def diff_accountability(
    old: GovernanceModel,
    new: GovernanceModel,
    old_on: date,
    new_on: date,
    renames: Mapping[str, str],
) -> tuple[AccountabilityChange, ...]:
    """Bodies and posts in both models whose statutory ends, the bodies and offices
    their paths pass through, or their breaks changed."""
    back = {n: o for o, n in renames.items()}
    olds = set(_subjects(old, old_on))
    out = []
    for subject in _subjects(new, new_on):
        was = back.get(subject, subject)
        if was not in olds:
            continue
        before, after = trace(old, was, on=old_on), trace(new, subject, on=new_on)
        ends_before = set(_renamed(before.ends, renames))
        via_before = set(_renamed(tuple(_through(before)), renames))
        via_after = set(_through(after))
        breaks_before = {(renames.get(b.at, b.at), b.reason) for b in before.breaks}
        breaks_after = {(b.at, b.reason) for b in after.breaks}
        at_before = {a for a, _ in breaks_before}
        at_after = {a for a, _ in breaks_after}
        change = AccountabilityChange(
            subject=subject,
            ends_gained=tuple(sorted(set(after.ends) - ends_before)),
            ends_lost=tuple(sorted(ends_before - set(after.ends))),
            through_gained=tuple(sorted(via_after - via_before - set(after.ends))),
            through_lost=tuple(sorted(via_before - via_after - ends_before)),
            breaks_appeared=tuple(sorted(b for b in breaks_after if b[0] not in at_before)),
            breaks_resolved=tuple(sorted(b for b in breaks_before if b[0] not in at_after)),
        )
        if change != AccountabilityChange(subject=subject):
            out.append(change)
    return tuple(out)


def diff_authority(
    old: GovernanceModel,
    new: GovernanceModel,
    old_on: date,
    new_on: date,
    renames: Mapping[str, str],
) -> tuple[AuthorityChange, ...]:
    """Holders that gained or lost a matter (for an organisation), or whose limit changed."""
    before = {
        (renames.get(g.holder, g.holder), g.matter, renames.get(g.organisation, g.organisation)): (
            g.limit
        )
        for g in grants(old, old_on)
    }
    after = {(g.holder, g.matter, g.organisation): g.limit for g in grants(new, new_on)}
    out = []
    for key in sorted(set(before) | set(after)):
        holder, matter, organisation = key
        if key not in before:
            change, old_limit, new_limit = "gained", None, after[key]
        elif key not in after:
            change, old_limit, new_limit = "lost", before[key], None
        elif before[key] != after[key]:
            change, old_limit, new_limit = "limit", before[key], after[key]
        else:
            continue
        out.append(
            AuthorityChange(
                change=change,
                holder=holder,
                matter=matter,
                organisation=organisation,
                old_limit=old_limit,
                new_limit=new_limit,
            )
        )
    return tuple(out)
