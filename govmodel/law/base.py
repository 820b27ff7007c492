"""The vocabulary of the rulebook: citations, periods, routes and rules.

A :class:`Rule` is data: a stable id, a plain statement, what it concerns, its
effect, the legal period it is in force, citations, how sure we are of it and
whether lawyers disagree. The evaluator (:mod:`govmodel.law.evaluate`) reads
rules; rules never run code.

Two dates are kept apart: ``in_force`` is the legal period (cited); ``since``
is the govmodel version that introduced the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from govmodel.model.kinds import FormId, Kind, PartyType

__all__ = [
    "ALL_FORMS",
    "Basis",
    "Citation",
    "Confidence",
    "Effect",
    "Period",
    "Route",
    "Rule",
    "d",
]


ALL_FORMS: frozenset[FormId] = frozenset(FormId)


def d(text: str) -> date:
    """Shorthand for an ISO date in rule tables."""
    return date.fromisoformat(text)


class Basis(Kind):
    """How a rule is known: from a cited source, from unchecked knowledge, or by inference."""

    CONFIRMED = "confirmed"
    UNCHECKED = "unchecked"
    INFERENCE = "inference"


class Confidence(Kind):
    """How much weight a rule bears."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """2 for high, 1 for medium, 0 for low."""
        return {"high": 2, "medium": 1, "low": 0}[self.value]


class Effect(Kind):
    """What a rule does to a verdict."""

    PERMIT = "permit"
    FORBID = "forbid"
    REQUIRE = "require"
    CLASSIFY = "classify"


@attrs.frozen
class Citation:
    """A legal source: the instrument, the provision and where to read it."""

    instrument: str
    provision: str
    url: str

    @property
    def text(self) -> str:
        """``"NHS Act 2006 s.65Z5"``-style citation text."""
        return f"{self.instrument} {self.provision}".strip()


@attrs.frozen
class Period:
    """An inclusive legal period; ``None`` bounds are open."""

    start: date | None = None
    end: date | None = None

    def contains(self, on: date) -> bool:
        """Whether ``on`` falls in the period."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def __str__(self) -> str:
        start = self.start.isoformat() if self.start else "always"
        end = self.end.isoformat() if self.end else "now"
        return f"{start} to {end}" if self.start else f"until {end}" if self.end else "always"


def _types(values: Iterable[PartyType | str]) -> frozenset[PartyType]:
    return frozenset(PartyType.parse(v) for v in values)


def _type_groups(
    groups: Iterable[Iterable[PartyType | str]],
) -> tuple[frozenset[PartyType], ...]:
    return tuple(_types(g) for g in groups)


@attrs.frozen
class Route:
    """Who may take part in a form under one legal power.

    ``members``
        party types that may take part;
    ``requires``
        groups of types: the participants must include at least one of each
        group (a section 75 partnership needs an NHS body *and* a council);
    ``min_parties``
        how many participants the form needs under this power;
    ``joins``
        types admitted only from a later date, e.g. ICBs as "health service
        bodies" from 2024-12-16.
    """

    members: frozenset[PartyType] = attrs.field(converter=_types)
    requires: tuple[frozenset[PartyType], ...] = attrs.field(default=(), converter=_type_groups)
    min_parties: int = 2
    joins: tuple[tuple[PartyType, date], ...] = ()

    def admits(self, party_type: PartyType, on: date) -> bool:
        """Whether a party of ``party_type`` may take part on ``on``."""
        if party_type not in self.members:
            return False
        return all(on >= since for t, since in self.joins if t is party_type)


def _forms(values: Iterable[FormId | str]) -> frozenset[FormId]:
    return frozenset(FormId.parse(v) for v in values)


@attrs.frozen
class Rule:
    """One rule of the rulebook (see the module docstring)."""

    id: str
    title: str
    statement: str
    forms: frozenset[FormId] = attrs.field(converter=_forms)
    effect: Effect
    in_force: Period
    citations: tuple[Citation, ...]
    basis: Basis
    confidence: Confidence
    parties: frozenset[PartyType] = attrs.field(default=frozenset(), converter=_types)
    route: Route | None = None
    excludes: frozenset[PartyType] = attrs.field(default=frozenset(), converter=_types)
    together: tuple[frozenset[PartyType], ...] = attrs.field(default=(), converter=_type_groups)
    dispute: str | None = None
    note: str | None = None
    since: str = "0.1.0"
    retired: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.citations or not all(c.url.startswith("http") for c in self.citations):
            raise ValueError(f"rule {self.id} needs at least one citation with a URL")
        if self.effect is Effect.PERMIT and self.forms and self.route is None:
            raise ValueError(f"permit rule {self.id} concerns forms, so it needs a route")

    @property
    def citation(self) -> Citation:
        """The principal citation."""
        return self.citations[0]

    def in_force_on(self, on: date) -> bool:
        """Whether the rule applies on ``on`` (retired rules never do)."""
        return not self.retired and self.in_force.contains(on)

    def concerns(self, form: FormId) -> bool:
        """Whether the rule bears on ``form`` (rules with no forms concern schemes of
        delegation and bodies, not the choice of form)."""
        return form in self.forms

    def touches(self, types: Iterable[PartyType]) -> bool:
        """Whether the rule concerns any of ``types`` (an empty set means anyone).

        A rule with ``together`` groups applies only when every group is present.
        """
        present = set(types)
        if self.together:
            return all(present & group for group in self.together)
        return not self.parties or bool(present & self.parties)
