"""Which governance form best serves what the partners want: ``govmodel advise``.

Every form is judged for the partners on the date (:func:`govmodel.law.verdicts.forms`).
Only forms ``lawful`` for all of them are ranked; the others fall away with the
reason their verdict gives (the rules that bar a partner, or the question no
rule decides). Each lawful form is then read against the partners' aims in the
aims table (:mod:`govmodel.law.aims`): it serves an aim, serves it partly, or
fails it, each point with why and the rules it rests on. What the form would
take - the conditions whose facts nobody has stated yet (governors' approval,
procurement, consultation) - comes from the verdict.

The ranking is a heuristic, and says so: 2 points for an aim served, 1 for one
served partly, none for one failed; ties go to the form with fewer aims failed,
then fewer conditions still to meet, then higher confidence, then the order of
the forms catalogue. Every step of it is printed with the answer.

>>> advice = advise([("ft", "EPUT"), ("ft", "NELFT"), ("cic", "Provide")], on="2020-09-01",
...                 aims=["include_non_nhs", "no_new_entity", "easy_to_change",
...                       "one_commissioner_conversation"])
>>> advice.ranking[0].form.value, advice.ranking[0].score
('contractual_joint_venture', 8)
>>> [r.form.value for r in advice.ruled_out][:2]
['joint_committee', 'committees_in_common']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

import attrs

from govmodel.display import Displayed
from govmodel.law.aims import AimTable, Point, aims
from govmodel.law.base import Effect
from govmodel.law.evaluate import Party
from govmodel.law.facts import Facts
from govmodel.law.rules import get
from govmodel.law.verdicts import FormVerdict, PartyLike, forms
from govmodel.model.dates import as_date
from govmodel.model.kinds import FormId, Verdict

__all__ = ["RANKING_RULE", "Advice", "Option", "RuledOut", "advise"]

#: How :func:`advise` ranks, in the words every answer prints.
RANKING_RULE = (
    "Each lawful form scores 2 for an aim it serves, 1 for one it serves partly and 0 for "
    "one it fails; ties go to the form that fails fewer aims, then to the one with fewer "
    "conditions still to meet, then to the higher confidence, then to the order of the "
    "forms catalogue. The scores are a way to order the reasoning, not a legal finding."
)


@attrs.frozen(kw_only=True)
class Need:
    """A condition the form still needs met: its fact, the rule, whom it concerns and
    the question it asks (a requirement whose fact nobody has stated)."""

    fact: str | None
    rule: str
    parties: tuple[str, ...]
    text: str

    def __str__(self) -> str:
        who = f" for {', '.join(self.parties)}" if self.parties else ""
        return f"{self.fact or 'condition'}{who}: {get(self.rule).title} ({self.rule})"

    def to_dict(self) -> dict[str, Any]:
        """A ``trade_offs`` item of kind ``requirement``."""
        return {
            "kind": "requirement",
            "fact": self.fact,
            "rule": self.rule,
            "parties": list(self.parties),
            "why": self.text,
        }


@attrs.frozen(kw_only=True)
class Option:
    """A lawful form, ranked: the aims it serves, partly serves and fails, and what it
    would take."""

    rank: int
    form: FormId
    title: str
    verdict: FormVerdict
    points: tuple[Point, ...]
    needs: tuple[Need, ...]
    on: date
    placed: str = ""
    """Why the form stands below the one ranked just above it ("" for the first)."""

    @property
    def score(self) -> int:
        """The sum of the aims' scores (2 served, 1 partly, 0 failed)."""
        return sum(p.score for p in self.points)

    def _of(self, rating: str) -> tuple[Point, ...]:
        return tuple(p for p in self.points if p.rating == rating)

    @property
    def serves(self) -> tuple[Point, ...]:
        """The aims the form serves."""
        return self._of("serves")

    @property
    def partly(self) -> tuple[Point, ...]:
        """The aims the form serves only partly."""
        return self._of("partly")

    @property
    def fails(self) -> tuple[Point, ...]:
        """The aims the form fails."""
        return self._of("fails")

    def cited(self, point: Point) -> tuple[str, ...]:
        """The point's rules in force on the date (all of them, if none is)."""
        live = tuple(r for r in point.rules if get(r).in_force_on(self.on))
        return live or point.rules

    def _point(self, point: Point) -> dict[str, Any]:
        return {
            "kind": "aim",
            "aim": point.aim,
            "rating": point.rating,
            "why": point.why,
            "rules": list(self.cited(point)),
        }

    def to_dict(self) -> dict[str, Any]:
        """The contract's ranking item: ``form``, ``verdict``, ``reasons`` (the aims it
        serves, with why and the rules) and ``trade_offs`` (the aims it serves partly
        or fails, and the conditions still to meet), plus rank, score and the
        verdict's legal basis."""
        return {
            "rank": self.rank,
            "form": self.form.value,
            "title": self.title,
            "verdict": self.verdict.verdict.value,
            "score": self.score,
            "reasons": [self._point(p) for p in self.serves],
            "trade_offs": [self._point(p) for p in (*self.partly, *self.fails)]
            + [n.to_dict() for n in self.needs],
            "legal_basis": [
                r.to_dict()
                for r in self.verdict.reasons
                if r.effect in (Effect.PERMIT, Effect.FORBID)
            ],
            "confidence": self.verdict.confidence.value,
            "placed": self.placed,
        }


@attrs.frozen(kw_only=True)
class RuledOut:
    """A form that falls away, with its verdict and why."""

    form: FormId
    title: str
    verdict: Verdict
    why: tuple[str, ...]
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "form": self.form.value,
            "title": self.title,
            "verdict": self.verdict.value,
            "why": list(self.why),
            "rules": list(self.rules),
        }


@attrs.frozen(kw_only=True, repr=False)
class Advice(Displayed):
    """Lawful forms ranked for the partners' aims, and the forms that fall away."""

    on: date
    parties: tuple[Party, ...]
    aims: tuple[str, ...]
    ranking: tuple[Option, ...]
    ruled_out: tuple[RuledOut, ...]
    not_about: tuple[FormId, ...] = ()

    def __iter__(self) -> Iterator[Option]:
        return iter(self.ranking)

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``govmodel advise --format json`` shape: ``on``, ``parties``,
        ``aims`` and ``ranking``, plus ``ruled_out``, ``not_about`` and the ranking rule."""
        table = aims()
        return {
            "on": self.on.isoformat(),
            "parties": [
                {"name": p.name, "type": p.type.value} | ({"id": p.id} if p.id else {})
                for p in self.parties
            ],
            "aims": [
                {"aim": a, "title": table.aim(a).title, "question": table.aim(a).question}
                for a in self.aims
            ],
            "ranking": [o.to_dict() for o in self.ranking],
            "ruled_out": [r.to_dict() for r in self.ruled_out],
            "not_about": [f.value for f in self.not_about],
            "how_ranked": RANKING_RULE,
        }

    def to_json(self) -> str:
        """Deterministic JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def __str__(self) -> str:
        return "\n".join(_text(self)) + "\n"


# -- judging and ranking ------------------------------------------------------------------


def _needs(verdict: FormVerdict) -> tuple[Need, ...]:
    return tuple(
        Need(fact=c.fact, rule=c.rule, parties=c.parties, text=c.text)
        for c in verdict.requirements
        if c.status == "unknown"
    )


def _why_not(verdict: FormVerdict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Why a form falls away, in sentences, and the rules behind them."""
    why: list[str] = []
    rules: list[str] = []
    if verdict.verdict is Verdict.PARTIAL:
        why.append(f"Only {', '.join(verdict.eligible)} may take part.")
    elif verdict.verdict is Verdict.ADVISORY_ONLY:
        why.append("The partners may meet only as an advisory forum; it can decide nothing.")
    for party, ids in verdict.barred:
        named = "; ".join(f"{get(r).title} ({r})" for r in ids)
        why.append(f"{party} cannot take part: {named}.")
        rules += ids
    for c in verdict.requirements:
        if c.status == "unmet":
            who = f" for {', '.join(c.parties)}" if c.parties else ""
            why.append(f"Stated unmet{who}: {get(c.rule).title} ({c.rule}).")
            rules.append(c.rule)
    if verdict.verdict is Verdict.UNKNOWN:
        why += [q for q in verdict.questions if not q.startswith("Is '")]
    if not verdict.barred and verdict.verdict is Verdict.NOT_LAWFUL:
        for r in verdict.reasons:
            if r.effect in (Effect.FORBID, Effect.REQUIRE):
                why.append(f"{get(r.rule).title} ({r.rule}).")
                rules.append(r.rule)
    return tuple(dict.fromkeys(why)), tuple(dict.fromkeys(rules))


def _order(option: Option) -> tuple[int, int, int, int, int]:
    return (
        -option.score,
        len(option.fails),
        len(option.needs),
        -option.verdict.confidence.rank,
        list(FormId).index(option.form),
    )


def _placed(option: Option, above: Option) -> str:
    """Why ``option`` ranks just below ``above``: the first step of the ranking rule
    that tells them apart."""
    if option.score != above.score:
        return f"scores {option.score} against {above.score} for {above.title}"
    tie = f"ties with {above.title} on score ({option.score})"
    if len(option.fails) != len(above.fails):
        return f"{tie}, but fails {_count(len(option.fails), 'aim')} against {len(above.fails)}"
    if len(option.needs) != len(above.needs):
        return (
            f"{tie}, but has {_count(len(option.needs), 'condition')} still to meet "
            f"against {len(above.needs)}"
        )
    mine, theirs = option.verdict.confidence, above.verdict.confidence
    if mine is not theirs:
        return f"{tie}, but its verdict has {mine.value} confidence against {theirs.value}"
    return (
        f"ties with {above.title} on every count (score {option.score}); it comes later in "
        "the forms catalogue"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _aim_ids(table: AimTable, wanted: Iterable[str]) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(table.aim(a).id for a in wanted))
    if not ids:
        raise ValueError(f"give at least one aim; the aims are: {', '.join(table.aims)}")
    return ids


def advise(
    parties: Iterable[PartyLike],
    *,
    on: date | str,
    aims: Sequence[str],
    facts: Facts | None = None,
) -> Advice:
    """The lawful forms for ``parties`` on ``on``, ranked for ``aims`` (aim ids, see
    ``govmodel advise --help``), each with the aims it serves, partly serves and
    fails, why and on which rules, and what it would take; the other forms fall
    away with the reason their verdict gives.

    ``facts`` are stated facts (:mod:`govmodel.law.facts`): a condition stated met
    is no longer a need, one stated unmet makes its form fall away.

    Raises :class:`~govmodel.errors.UnknownKind` for an aim not in the table, and
    :class:`~govmodel.errors.PartyNotInExistence` for a party that did not exist.
    """
    table = _table()
    wanted = _aim_ids(table, aims)
    day = as_date(on)
    result = forms(parties, on=day, facts=facts)
    shown = result.applicable()
    ranked: list[Option] = []
    out: list[RuledOut] = []
    for verdict in shown:
        if verdict.verdict is Verdict.LAWFUL:
            ranked.append(
                Option(
                    rank=0,
                    form=verdict.form,
                    title=verdict.title,
                    verdict=verdict,
                    points=tuple(table.point(verdict.form, a) for a in wanted),
                    needs=_needs(verdict),
                    on=day,
                )
            )
        else:
            why, rules = _why_not(verdict)
            out.append(
                RuledOut(
                    form=verdict.form,
                    title=verdict.title,
                    verdict=verdict.verdict,
                    why=why,
                    rules=rules,
                )
            )
    ranked.sort(key=_order)
    placed = [
        attrs.evolve(o, rank=i + 1, placed=_placed(o, ranked[i - 1]) if i else "")
        for i, o in enumerate(ranked)
    ]
    return Advice(
        on=day,
        parties=result.parties,
        aims=wanted,
        ranking=tuple(placed),
        ruled_out=tuple(out),
        not_about=tuple(v.form for v in result if v not in shown),
    )


def _table() -> AimTable:
    return aims()


# -- text ---------------------------------------------------------------------------------

_MARK = {"serves": "+", "partly": "~", "fails": "-"}


def _wrapped(text: str, *, indent: str = "   ") -> list[str]:
    """``text`` wrapped at 100 columns, continued under its first word."""
    import textwrap

    return textwrap.wrap(text, width=100, initial_indent=indent, subsequent_indent=indent + "  ")


def _text(advice: Advice) -> list[str]:
    table = aims()
    parties = ", ".join(f"{p.name} ({p.type.value})" for p in advice.parties)
    out = [f"Governance forms for {parties} on {advice.on.isoformat()}, ranked for:"]
    out += [f"  - {table.aim(a).title} ({a})" for a in advice.aims]
    out.append("")
    for o in advice.ranking:
        out.append(
            f"{o.rank}. {o.title} ({o.form.value}): lawful, {o.verdict.confidence.value} confidence"
        )
        out += _wrapped(
            f"Serves {len(o.serves)}, partly {len(o.partly)}, fails {len(o.fails)} of "
            f"{len(o.points)} aims (score {o.score})" + (f"; {o.placed}." if o.placed else ".")
        )
        for p in (*o.serves, *o.partly, *o.fails):
            out += _wrapped(f"{_MARK[p.rating]} {p.aim}: {p.why} ({', '.join(o.cited(p))})")
        if o.needs:
            out.append("   What it would take (conditions nobody has stated yet):")
            out += [line for n in o.needs for line in _wrapped(f"? {n}")]
        out.append("")
    if not advice.ranking:
        out += ["No form is lawful for all of these partners on this date.", ""]
    if advice.ruled_out:
        out.append("Falling away:")
        for r in advice.ruled_out:
            out.append(f"  {r.title} ({r.form.value}): {r.verdict.value.replace('_', ' ')}.")
            out += [line for why in r.why for line in _wrapped(why, indent="    ")]
        out.append("")
    if advice.not_about:
        out.append(f"Not about these parties: {', '.join(f.value for f in advice.not_about)}.")
        out.append("")
    out.append(f"How the ranking works: {RANKING_RULE}")
    out.append("Run `govmodel rule ID` for any rule's text, citation and confidence.")
    return out
