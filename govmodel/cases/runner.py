"""Run one case: ask govmodel the case's question and compare the answer with the case.

:func:`judge` returns what differs, each as what was asked, what the case expects
and what govmodel answered; nothing differs when the case passes. The questions
are those of the rulebook's worked cases, with the same meaning here as in the
test suite: a verdict (with its eligible parties and the rule it cites), whether a
party type existed, who a matter is reserved to, and on a model, its findings, an
accountability trace, a classification and who can decide a matter.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govmodel.analysis.authority import who_can_decide
from govmodel.analysis.classify import classify
from govmodel.analysis.forms import forms
from govmodel.analysis.trace import trace
from govmodel.checks.base import Finding
from govmodel.checks.engine import check
from govmodel.checks.run import prepare
from govmodel.errors import NoSuchRecord
from govmodel.law.accountability import statutory_reserved
from govmodel.law.base import Case
from govmodel.law.facts import Facts
from govmodel.law.parties import exists
from govmodel.law.rules import get
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, Kind, PartyType
from govmodel.model.policies import PolicySet

__all__ = ["Difference", "Outcome", "Status", "judge"]


class Status(Kind):
    """How a case came out."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    """The case could not be asked: it names something the model does not have."""


@attrs.frozen(kw_only=True)
class Difference:
    """One way govmodel's answer differs from a case: what, expected, actual."""

    what: str
    expected: str
    actual: str


@attrs.frozen(kw_only=True)
class Outcome:
    """A case, the file it is in, and how it came out."""

    case: Case
    file: str
    status: Status
    differences: tuple[Difference, ...] = ()
    error: str | None = None

    @property
    def title(self) -> str:
        """The case's name, else the case in one line (headed by its rule's id)."""
        if self.case.name:
            return self.case.name
        head = f"{self.case.rule}: " if self.case.rule and self.case.kind != "example" else ""
        return head + self.case.describe()


def _parties(specs: Sequence[str]) -> list[str | tuple[str, str]]:
    out: list[str | tuple[str, str]] = []
    for spec in specs:
        kind, _, name = spec.partition("=")
        out.append((kind, name) if name else kind)
    return out


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items) if items else "(none)"


def judge(
    case: Case,
    *,
    model: GovernanceModel | None = None,
    policies: Sequence[PolicySet] = (),
) -> list[Difference]:
    """What differs between ``case`` and govmodel's answer (``model`` and ``policies``
    for a model case). Raises a :class:`~govmodel.errors.GovModelError` when the case
    names what the model does not have."""
    if case.kind == "forms":
        return _forms(case)
    if case.kind == "existence":
        assert case.party is not None
        found = exists(PartyType.parse(case.party), case.on)
        if found is case.exists:
            return []
        return [_diff("exists", _yes(bool(case.exists)), _yes(found))]
    if case.kind == "reserved":
        return _reserved(case)
    assert model is not None
    if case.finding or case.findings or case.no_findings:
        return _findings(case, model, policies)
    if case.trace:
        return _trace(case, model)
    if case.who:
        return _who(case, model)
    return _classify(case, model)


def _diff(what: str, expected: str, actual: str) -> Difference:
    return Difference(what=what, expected=expected, actual=actual)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _forms(case: Case) -> list[Difference]:
    assert case.form is not None and case.verdict is not None
    result = forms(_parties(case.parties), on=case.on, facts=Facts.of(case.facts))
    verdict = result[case.form]
    out = []
    if verdict.verdict is not case.verdict:
        out.append(_diff(f"{case.form.value} verdict", case.verdict.value, verdict.verdict.value))
    if case.eligible is not None and sorted(verdict.eligible) != sorted(case.eligible):
        out.append(
            _diff("eligible", _listed(sorted(case.eligible)), _listed(sorted(verdict.eligible)))
        )
    if case.rule:
        cited = sorted({r.rule for r in verdict.reasons})
        if case.cites and case.rule not in cited:
            out.append(_diff("rules cited", f"{case.rule} among them", _listed(cited)))
        elif not case.cites and case.rule in cited:
            out.append(_diff("rules cited", f"not {case.rule}", _listed(cited)))
    return out


def _reserved(case: Case) -> list[Difference]:
    assert case.party is not None and case.matter is not None
    found = statutory_reserved(PartyType.parse(case.party), case.matter)
    want = BodyKind.parse(case.reserved_to or "")
    out = []
    if found is None or found[0] is not want:
        out.append(_diff("reserved to", want.value, found[0].value if found else "(no body)"))
    if case.rule and found is not None and found[1] != case.rule:
        out.append(_diff("rule", case.rule, found[1]))
    rule = get(case.rule) if case.rule else None
    if rule is not None and not rule.in_force_on(case.on):
        out.append(_diff(f"{rule.id} in force", case.on.isoformat(), str(rule.in_force)))
    return out


def _label(f: Finding) -> str:
    return f"{f.code}@{f.subjects[0]}" if f.subjects else f.code


def _findings(
    case: Case, model: GovernanceModel, policies: Sequence[PolicySet]
) -> list[Difference]:
    codes = prepare(model, policies=policies).registry.codes
    report = check(model, on=case.on, policies=policies)
    found = sorted({_label(f) for f in report})
    out = []

    def matching(entry: str) -> list[Finding]:
        code_or_name, _, subject = entry.partition("@")
        code = codes.find(code_or_name)
        if code is None:
            guess = codes.suggest(code_or_name)
            raise NoSuchRecord(
                "finding code",
                code_or_name,
                guess,
                listing="Run `govmodel check --list-codes` to list them.",
            )
        return [f for f in report if f.code == code and (not subject or subject in f.subjects)]

    if case.finding:
        hits = matching(case.finding)
        if not hits:
            out.append(_diff("finding", case.finding, _listed(found)))
        elif case.rule and not any(f.rule == case.rule for f in hits):
            rules = sorted({f.rule or "(none)" for f in hits})
            out.append(_diff(f"{case.finding} cites", case.rule, _listed(rules)))
    missing = [e for e in case.findings if not matching(e)]
    if missing:
        out.append(_diff("findings", _listed(missing), _listed(found)))
    present = [e for e in case.no_findings if matching(e)]
    if present:
        actual = sorted({_label(f) for e in present for f in matching(e)})
        out.append(_diff("no findings", f"none of {_listed(present)}", _listed(actual)))
    return out


def _trace(case: Case, model: GovernanceModel) -> list[Difference]:
    assert case.trace is not None
    found = trace(model, case.trace, on=case.on)
    out = []
    if case.ends is not None and sorted(found.ends) != sorted(case.ends):
        out.append(_diff("ends", _listed(sorted(case.ends)), _listed(sorted(found.ends))))
    rule = get(case.rule) if case.rule else None
    if rule is not None:
        cited = {(s.citation.text, s.citation.url) for path in found.paths for s in path}
        if not cited & {(c.text, c.url) for c in rule.citations}:
            texts = sorted({text for text, _ in cited})
            out.append(_diff("trace cites", f"a citation of {rule.id}", _listed(texts)))
    return out


def _who(case: Case, model: GovernanceModel) -> list[Difference]:
    assert case.who is not None
    holders = sorted(
        {g.holder for g in who_can_decide(model, case.who, amount=case.amount, on=case.on)}
    )
    if case.holders is not None and holders != sorted(case.holders):
        return [_diff("holders", _listed(sorted(case.holders)), _listed(holders))]
    return []


def _classify(case: Case, model: GovernanceModel) -> list[Difference]:
    assert case.classify is not None
    found = classify(model, case.classify, on=case.on)
    out = []
    if found.character.value != case.character:
        out.append(_diff("character", str(case.character), found.character.value))
    rules = sorted(r.id for r in found.rules)
    if case.rule and case.rule not in rules:
        out.append(_diff("rules", f"{case.rule} among them", _listed(rules)))
    return out
