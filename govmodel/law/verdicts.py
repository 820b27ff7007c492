"""Verdicts for every governance form, with reasons, conditions and explanations.

>>> result = forms(["ft", "ft", "cic"], on="2023-01-01")
>>> v = result["joint_committee"]
>>> v.verdict.value, v.eligible
('partial', ('nhs_foundation_trust#1', 'nhs_foundation_trust#2'))
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.display import Displayed
from govmodel.errors import PartyNotInExistence, UnknownKind
from govmodel.law.base import Basis, Confidence, Effect, Rule
from govmodel.law.evaluate import (
    BARRED,
    Consideration,
    Outcome,
    Party,
    evaluate_form,
    min_confidence,
)
from govmodel.law.facts import Facts, parse_fact_value
from govmodel.law.forms import form_info
from govmodel.law.parties import check_exists
from govmodel.law.rules import rulebook
from govmodel.model.dates import as_date
from govmodel.model.kinds import FormId, PartyType, Verdict, closest
from govmodel.model.records import Organisation

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Explanation",
    "FactsLike",
    "FormVerdict",
    "FormsResult",
    "Reason",
    "facts_of",
    "forms",
    "parties_from",
]

VERDICT_COLOURS = {
    Verdict.LAWFUL: "#d4edda",
    Verdict.PARTIAL: "#fff3cd",
    Verdict.ADVISORY_ONLY: "#d1ecf1",
    Verdict.NOT_LAWFUL: "#f8d7da",
    Verdict.UNKNOWN: "#e2e3e5",
}


@attrs.frozen
class Reason:
    """A rule behind a verdict, with its citation and confidence."""

    rule: str
    statement: str
    citation: str
    url: str
    confidence: Confidence
    basis: Basis
    effect: Effect

    @classmethod
    def from_rule(
        cls, rule: Rule, on: date | None = None, present: Iterable[PartyType] | None = None
    ) -> Reason:
        """The reason a rule gives, citing the text in force on ``on`` (about the
        ``present`` party types first, where the rule cites provisions by type)."""
        cited = rule.citation_on(on, present) if on is not None else rule.citation
        return cls(
            rule.id,
            rule.statement,
            cited.text,
            cited.url,
            rule.confidence,
            rule.basis,
            rule.effect,
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (plus ``basis`` and ``effect``)."""
        return {
            "rule": self.rule,
            "statement": self.statement,
            "citation": self.citation,
            "url": self.url,
            "confidence": self.confidence.value,
            "basis": self.basis.value,
            "effect": self.effect.value,
        }


@attrs.frozen(repr=False)
class Explanation(Displayed):
    """Every rule considered for one form, held or not, with why (``explain``)."""

    form: FormId
    on: date
    verdict: Verdict
    considered: tuple[Consideration, ...]

    def __str__(self) -> str:
        lines = [f"{form_info(self.form).title} on {self.on.isoformat()}: {self.verdict.value}", ""]
        for c in self.considered:
            mark = "held    " if c.held else "not held"
            lines.append(f"  [{mark}] {c.rule.id:<9} {c.rule.effect.value:<8} {c.why}")
            lines.append(f"             {c.rule.citation.text} <{c.rule.citation.url}>")
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr style='background:{'#d4edda' if c.held else '#f2f2f2'}'>"
            f"<td>{'held' if c.held else 'not held'}</td><td>{escape(c.rule.id)}</td>"
            f"<td>{c.rule.effect.value}</td><td>{escape(c.why)}</td>"
            f"<td><a href='{escape(c.rule.citation.url)}'>{escape(c.rule.citation.text)}</a>"
            f"</td></tr>"
            for c in self.considered
        )
        return (
            f"<p><b>{escape(form_info(self.form).title)}</b> on "
            f"{self.on.isoformat()}: {self.verdict.value}</p><table><thead><tr>"
            "<th>result</th><th>rule</th><th>effect</th><th>why</th><th>citation</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )


@attrs.frozen
class Condition:
    """A requirement of the verdict: its text, rule, the fact it needs and its status.

    ``status`` is ``met``, ``unmet`` or ``unknown``; an unmet one that the law
    requires makes the verdict ``not_lawful``, and unknown ones are questions.
    """

    text: str
    rule: str
    fact: str | None
    status: str
    parties: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``requirements`` item (plus ``parties``)."""
        return {
            "text": self.text,
            "rule": self.rule,
            "fact": self.fact,
            "status": self.status,
            "parties": list(self.parties),
        }


@attrs.frozen(repr=False)
class FormVerdict(Displayed):
    """The verdict for one form."""

    form: FormId
    verdict: Verdict
    eligible: tuple[str, ...]
    conditions: tuple[str, ...]
    disputed: bool
    reasons: tuple[Reason, ...]
    confidence: Confidence
    considered: tuple[Consideration, ...] = attrs.field(repr=False)
    requirements: tuple[Condition, ...] = ()
    questions: tuple[str, ...] = ()
    barred: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Each party that may not take part, with the ids of the rules that bar it."""

    @property
    def title(self) -> str:
        """The form's plain-English title."""
        return form_info(self.form).title

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (plus ``confidence``)."""
        return {
            "form": self.form.value,
            "verdict": self.verdict.value,
            "eligible": list(self.eligible),
            "conditions": list(self.conditions),
            "disputed": self.disputed,
            "confidence": self.confidence.value,
            "reasons": [r.to_dict() for r in self.reasons],
            "requirements": [c.to_dict() for c in self.requirements],
            "questions": list(self.questions),
        }


@attrs.frozen(repr=False)
class FormsResult(Displayed):
    """Verdicts for every form for a set of parties on a date."""

    on: date
    parties: tuple[Party, ...]
    forms: tuple[FormVerdict, ...]

    def __getitem__(self, form: FormId | str) -> FormVerdict:
        wanted = FormId.parse(form)
        return next(v for v in self.forms if v.form is wanted)

    def __iter__(self) -> Iterator[FormVerdict]:
        return iter(self.forms)

    def explain(self, form: FormId | str) -> Explanation:
        """Every rule considered for ``form``: which held, which did not, and why."""
        v = self[form]
        return Explanation(v.form, self.on, v.verdict, v.considered)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape for ``govmodel forms --format json``."""
        return {
            "on": self.on.isoformat(),
            "parties": [
                {"name": p.name, "type": p.type.value} | ({"id": p.id} if p.id else {})
                for p in self.parties
            ],
            "forms": [v.to_dict() for v in self.forms],
        }

    def to_json(self) -> str:
        """Deterministic JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_frame(self) -> pd.DataFrame:
        """One row per form: verdict, eligible parties, conditions, rules, confidence."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "form": v.form.value,
                    "verdict": v.verdict.value,
                    "eligible": ", ".join(v.eligible),
                    "disputed": v.disputed,
                    "confidence": v.confidence.value,
                    "rules": ", ".join(r.rule for r in v.reasons),
                    "conditions": len(v.conditions),
                }
                for v in self.forms
            ]
        )

    def applicable(self) -> tuple[FormVerdict, ...]:
        """The forms that concern these parties: all but those about other party types
        (a provider-arm outcome when no primary care trust takes part, say)."""
        types = {p.type for p in self.parties}
        return tuple(v for v in self.forms if _applies(v, types))

    def render(self, *, every_form: bool = False) -> str:
        """The verdicts as text; forms about other party types are listed in one line
        unless ``every_form``."""
        head = ", ".join(f"{p.name} ({p.type.value})" for p in self.parties)
        lines = [f"Governance forms on {self.on.isoformat()} for {head}", ""]
        shown = self.forms if every_form else self.applicable()
        width = max(len(v.form.value) for v in self.forms)
        for v in shown:
            flag = " (disputed)" if v.disputed else ""
            lines.append(
                f"{v.form.value:<{width}}  {v.verdict.value:<13} {v.confidence.value:<6}{flag}"
            )
            if v.verdict in (Verdict.PARTIAL, Verdict.UNKNOWN) and v.eligible:
                lines.append(f"{'':<{width}}  eligible: {', '.join(v.eligible)}")
            rules = ", ".join(
                r.rule for r in v.reasons if r.effect in (Effect.PERMIT, Effect.FORBID)
            )
            if rules:
                lines.append(f"{'':<{width}}  rules: {rules}")
            unmet = [c for c in v.requirements if c.status == "unmet"]
            for c in unmet:
                lines.append(f"{'':<{width}}  unmet: {c.fact} ({c.rule})")
            for q in v.questions:
                lines.append(f"{'':<{width}}  ? {q}")
        hidden = [v.form.value for v in self.forms if v not in shown]
        if hidden:
            lines += ["", f"Not about these parties (shown with --all): {', '.join(hidden)}."]
        lines += ["", "Run `govmodel rule ID` for any rule's text, citation and confidence."]
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.render()

    def _repr_html_(self) -> str:
        rows = []
        for v in self.forms:
            reasons = "<br>".join(
                f"<a href='{escape(r.url)}' title='{escape(r.statement)}'>{escape(r.rule)}</a>"
                f" {escape(r.citation)}"
                for r in v.reasons
                if r.effect in (Effect.PERMIT, Effect.FORBID)
            )
            rows.append(
                f"<tr style='background:{VERDICT_COLOURS[v.verdict]}'>"
                f"<td>{escape(v.title)}</td><td><b>{v.verdict.value}</b>"
                f"{' (disputed)' if v.disputed else ''}</td>"
                f"<td>{escape(', '.join(v.eligible))}</td><td>{v.confidence.value}</td>"
                f"<td>{reasons}</td><td>{len(v.conditions)}</td></tr>"
            )
        parties = escape(", ".join(f"{p.name} ({p.type.value})" for p in self.parties))
        return (
            f"<p>Governance forms on <b>{self.on.isoformat()}</b> for {parties}</p>"
            "<table><thead><tr><th>form</th><th>verdict</th><th>eligible</th>"
            "<th>confidence</th><th>rules</th><th>conditions</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def _applies(verdict: FormVerdict, types: set[PartyType]) -> bool:
    subjects = form_info(verdict.form).subjects
    return not subjects or bool(subjects & types)


PartyLike = PartyType | str | Organisation | tuple[PartyType | str, str] | Party


def parties_from(items: Iterable[PartyLike]) -> list[Party]:
    """Normalise party descriptions: types (named ``TYPE#n``), (type, name) pairs,
    organisations (named by short name), or :class:`Party`."""
    out: list[Party] = []
    counts: dict[PartyType, int] = {}
    for item in items:
        if isinstance(item, Party):
            out.append(item)
        elif isinstance(item, Organisation):
            out.append(Party(item.label, item.type, item.id))
        elif isinstance(item, tuple):
            out.append(Party(item[1], PartyType.parse(item[0])))
        else:
            ptype = PartyType.parse(item)
            counts[ptype] = counts.get(ptype, 0) + 1
            out.append(Party(f"{ptype.value}#{counts[ptype]}", ptype))
    seen: dict[str, int] = {}
    for p in out:
        seen[p.name] = seen.get(p.name, 0) + 1
    return [attrs.evolve(p, name=p.id) if seen[p.name] > 1 and p.id else p for p in out]


#: Stated facts: a :class:`~govmodel.law.facts.Facts`, or a mapping of
#: ``"fact"`` or ``"fact@party"`` to a yes/no value.
FactsLike = Facts | Mapping[str, bool | str]


def facts_of(value: FactsLike | None) -> Facts | None:
    """``value`` as :class:`Facts`; a mapping's keys are ``fact`` or ``fact@party``.

    >>> facts_of({"governors_approved_application@EPUT": "yes"}).get(
    ...     "governors_approved_application", "EPUT")
    True

    Raises :class:`~govmodel.errors.UnknownKind` (with the closest ids) for a fact
    the rulebook does not ask about, and ValueError for a value that is not yes/no.
    """
    if value is None or isinstance(value, Facts):
        return value
    known = rulebook().facts
    items = []
    for key, stated in value.items():
        fact, _, party = str(key).partition("@")
        if fact not in known:
            raise UnknownKind("fact", fact, sorted(known), closest(fact, known))
        items.append((fact, party or None, parse_fact_value(stated)))
    return Facts.of(items)


def forms(
    parties: Iterable[PartyLike],
    *,
    on: date | str,
    facts: FactsLike | None = None,
    only: Iterable[FormId | str] | None = None,
) -> FormsResult:
    """The verdict for every governance form for ``parties`` on ``on``.

    ``parties`` may be party types or aliases (``"ft"``), ``(type, name)`` pairs,
    :class:`~govmodel.model.records.Organisation` records or :class:`Party`
    values. (:func:`govmodel.forms` also takes a whole model.) With ``only``, just
    those forms are judged (each form's verdict is the same either way).

    >>> [v.form.value for v in forms(["ft", "icb"], on="2023-01-01", only=["joint_committee"])]
    ['joint_committee']

    ``facts`` states facts the rulebook's conditions turn on (see
    :func:`facts_of`); unstated ones become questions.

    Raises :class:`~govmodel.errors.PartyNotInExistence` when a party type, or
    an organisation, did not exist on the date.
    """
    on = as_date(on)
    stated = facts_of(facts)
    orgs = list(parties)
    for item in orgs:
        if isinstance(item, Organisation) and not item.active_on(on):
            period = f"{item.start or '...'} to {item.end or 'now'}"
            raise PartyNotInExistence(item.label, on, f"the model gives its period as {period}")
    normalised = parties_from(orgs)
    for party in normalised:
        check_exists(
            party.type,
            on,
            name=f"{party.name} ({party.type.value})" if party.name != party.type.value else None,
        )
    wanted = set(FormId) if only is None else {FormId.parse(f) for f in only}
    verdicts = []
    for form in (f for f in FormId if f in wanted):
        outcome = evaluate_form(form, normalised, on, facts=stated)
        verdicts.append(_verdict(outcome, on, normalised))
    return FormsResult(on, tuple(normalised), tuple(verdicts))


def _verdict(outcome: Outcome, on: date, parties: Iterable[Party]) -> FormVerdict:
    present = {p.type for p in (outcome.eligible or tuple(parties))}
    reasons = tuple(
        Reason.from_rule(r, on, present) for r in (*outcome.deciding, *outcome.alternatives)
    )
    if outcome.verdict is Verdict.UNKNOWN:
        confidence = Confidence.LOW
    else:
        deciding = [
            r
            for r in outcome.deciding
            if r.effect in (Effect.PERMIT, Effect.FORBID)
            or r.dispute
            or (outcome.verdict is Verdict.NOT_LAWFUL and r.effect is Effect.REQUIRE)
        ]
        confidence = min_confidence(deciding or list(outcome.deciding))
    return FormVerdict(
        outcome.form,
        outcome.verdict,
        tuple(p.name for p in outcome.eligible),
        outcome.conditions,
        outcome.disputed,
        reasons,
        confidence,
        outcome.considered,
        tuple(
            Condition(q.text, q.rule.id, q.fact, q.status, q.parties) for q in outcome.requirements
        ),
        outcome.questions,
        tuple(
            (s.party.name, tuple(r.id for r in s.rules))
            for s in outcome.standings
            if s.status == BARRED
        ),
    )
