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

from govmodel.locations import Location
from govmodel.model.kinds import FormId, Kind, PartyType, Verdict

__all__ = [
    "ALL_FORMS",
    "Basis",
    "Case",
    "Citation",
    "Confidence",
    "Effect",
    "Period",
    "Route",
    "Rule",
    "SourceKind",
    "Words",
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


class SourceKind(Kind):
    """What a citation is: law, official guidance, commentary, a general principle, or history."""

    LEGISLATION = "legislation"
    GUIDANCE = "guidance"
    COMMENTARY = "commentary"
    PRINCIPLE = "principle"
    HISTORY = "history"
    """An enactment cited for what it later created or earlier abolished, not as law in
    force on the date (why no CCG could exist in 2010: the 2012 Act created them)."""


@attrs.frozen
class Citation:
    """A source: the instrument, the provision, where to read it and when it was in force.

    ``in_force`` is the period the cited text was law (for legislation) or current (for
    guidance); commentary and general principles carry no period of their own.
    """

    instrument: str
    provision: str
    url: str
    kind: SourceKind = attrs.field(default=SourceKind.LEGISLATION, kw_only=True)
    in_force: Period = attrs.field(factory=lambda: Period(), kw_only=True)
    about: frozenset[PartyType] = attrs.field(default=frozenset(), kw_only=True)
    """Party types the provision is about (empty: the rule's parties generally)."""

    @property
    def text(self) -> str:
        """``"NHS Act 2006 s.65Z5"``-style citation text."""
        return f"{self.instrument} {self.provision}".strip()

    @property
    def is_law(self) -> bool:
        """Whether the citation is to legislation or official guidance (dated sources)."""
        return self.kind in (SourceKind.LEGISLATION, SourceKind.GUIDANCE)

    def in_force_on(self, on: date) -> bool:
        """Whether the cited text was in force on ``on`` (commentary and principles always)."""
        return not self.is_law or self.in_force.contains(on)


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
class Words:
    """A short quotation of the text a rule rests on, and where it was read."""

    quote: str
    url: str


@attrs.frozen(kw_only=True)
class Case:
    """A worked example: a rule carries its own, and case files (``govmodel test``)
    hold a user's; ``govmodel test --rules`` and the test suite run every rule's.

    Four kinds:

    ``forms``
        the verdict for ``parties`` (types, or ``TYPE=NAME``) on ``on`` for
        ``form``, with the ``eligible`` parties and any stated ``facts``; unless
        ``cites`` is false, the ``rule`` must be among the verdict's reasons;
    ``reserved``
        ``matter`` is reserved to a body of kind ``reserved_to`` for a ``party``
        of that type on ``on``;
    ``existence``
        whether a party of type ``party`` could exist on ``on`` (``exists``);
    ``example``
        on a bundled ``example`` model (or a ``model`` file, with any ``policy``
        files) on ``on``: a ``finding`` code that cites the rule, ``findings``
        that must appear and ``no_findings`` that must not (``CODE`` or
        ``CODE@SUBJECT``); the ``trace`` of a subject (citing the rule, or reaching
        exactly ``ends``); the classification of a body (``classify`` and its
        ``character``); or ``who`` can decide a matter (for ``amount``): exactly
        the ``holders``.

    ``rule`` is the rule the case holds to: a rule's own cases name it; a case
    file's may. ``source`` is the public source of the arrangement the case
    rests on; ``name`` what a test runner calls it; ``location`` where it stands
    in its file.
    """

    kind: str
    on: date
    name: str | None = None
    rule: str | None = None
    parties: tuple[str, ...] = ()
    exists: bool | None = None
    form: FormId | None = None
    verdict: Verdict | None = None
    eligible: tuple[str, ...] | None = None
    facts: tuple[tuple[str, str | None, bool], ...] = ()
    cites: bool = True
    party: str | None = None
    matter: str | None = None
    reserved_to: str | None = None
    example: str | None = None
    finding: str | None = None
    trace: str | None = None
    classify: str | None = None
    character: str | None = None
    model: str | None = None
    policy: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    no_findings: tuple[str, ...] = ()
    ends: tuple[str, ...] | None = None
    who: str | None = None
    amount: int | None = None
    holders: tuple[str, ...] | None = None
    source: str | None = None
    note: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)

    def describe(self) -> str:
        """The case in one line, as a reviewer reads it."""
        on = self.on.isoformat()
        if self.kind == "forms":
            assert self.form is not None and self.verdict is not None
            facts = "".join(
                f", {f}{'@' + p if p else ''}={'yes' if v else 'no'}" for f, p, v in self.facts
            )
            eligible = f" (eligible: {', '.join(self.eligible)})" if self.eligible else ""
            return (
                f"{self.form.value} for {', '.join(self.parties)} on {on}{facts}: "
                f"{self.verdict.value}{eligible}"
            )
        if self.kind == "existence":
            return f"a {self.party} {'existed' if self.exists else 'did not exist'} on {on}"
        if self.kind == "reserved":
            return f"{self.matter} is reserved to the {self.reserved_to} of a {self.party} on {on}"
        return f"{self.example or self.model} on {on}: {self._question()}"

    def _question(self) -> str:
        if self.finding:
            return self.finding
        if self.findings or self.no_findings:
            found = [*self.findings, *(f"no {f}" for f in self.no_findings)]
            return "findings " + ", ".join(found)
        if self.trace:
            ends = f" ends at {', '.join(self.ends)}" if self.ends is not None else ""
            return f"trace of {self.trace}{ends}"
        if self.who:
            amount = f" £{self.amount:,}" if self.amount is not None else ""
            holders = f": {', '.join(self.holders)}" if self.holders is not None else ""
            return f"who decides {self.who}{amount}{holders}"
        return f"{self.classify} is {self.character}"


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the rulebook (see the module docstring and ``docs/rulebook.md``).

    ``excludes``
        (forbid) party types that may not take part;
    ``together``
        (forbid or require) groups of types: the rule applies only when a distinct
        party of every group is present (``[[ccg], [ccg]]`` means two CCGs);
    ``unless`` / ``except_under``
        (forbid-together) party types whose presence, or permit rules under which
        the parties act, lift the forbid (an exception the statute makes);
    ``needs``
        (require) groups of types the participants must include, one of each;
    ``min_parties``
        (require) how many participants the forms need by definition;
    ``fact``
        (require) the named fact the condition turns on (see :mod:`govmodel.law.facts`);
        ``per_party`` says whether each party of the rule's types must meet it;
    ``words``
        quotations of the statutory or official words, where a source was read;
    ``amends`` / ``replaces``
        ids of rules this one amends or replaces (the older one stays, dated);
    ``cases``
        worked examples the test suite runs.
    """

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
    needs: tuple[frozenset[PartyType], ...] = attrs.field(default=(), converter=_type_groups)
    unless: frozenset[PartyType] = attrs.field(default=frozenset(), converter=_types)
    except_under: tuple[str, ...] = ()
    min_parties: int | None = None
    fact: str | None = None
    per_party: bool = True
    dispute: str | None = None
    note: str | None = None
    words: tuple[Words, ...] = ()
    amends: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    cases: tuple[Case, ...] = ()
    family: str = ""
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

    def citations_on(self, on: date) -> tuple[Citation, ...]:
        """The citations in force on ``on``, law first (all of them if none is dated)."""
        live = [c for c in self.citations if c.in_force_on(on)]
        law = [c for c in live if c.is_law]
        return tuple(law + [c for c in live if not c.is_law])

    def citation_on(self, on: date, present: Iterable[PartyType] | None = None) -> Citation:
        """The principal citation in force on ``on`` (law before commentary).

        With ``present`` (the party types of the question), a citation ``about`` one
        of them comes first, then those about no type in particular: an ICB's
        contract is not answered with the NHS trusts' provision.
        """
        live = self.citations_on(on)
        if present is not None and live:
            types = set(present)
            ranked = sorted(live, key=lambda c: 0 if c.about & types else 1 if not c.about else 2)
            return ranked[0]
        return live[0] if live else self.citation

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
        present = list(types)
        if self.unless and any(t in self.unless for t in present):
            return False
        if self.together:
            return distinct_match(self.together, present)
        return not self.parties or bool(set(present) & self.parties)


def distinct_match(groups: tuple[frozenset[PartyType], ...], types: Iterable[PartyType]) -> bool:
    """Whether a distinct one of ``types`` can be found for every group.

    >>> ccg = PartyType.CLINICAL_COMMISSIONING_GROUP
    >>> distinct_match((frozenset({ccg}), frozenset({ccg})), [ccg])
    False
    """
    left: dict[PartyType, int] = {}
    for t in types:
        left[t] = left.get(t, 0) + 1

    def place(i: int) -> bool:
        if i == len(groups):
            return True
        for t in groups[i]:
            if left.get(t, 0) > 0:
                left[t] -= 1
                found = place(i + 1)
                left[t] += 1
                if found:
                    return True
        return False

    return place(0)
