"""What a multi-party body really is in law, whatever it is called.

A body's legal character (:class:`~govmodel.law.character.LegalCharacter`)
depends on who could delegate to it on the date, whether its decisions need
ratifying, and what agreement set it up. This module reads the model; the
characters, the claims a stated kind makes and the rules behind each reading
are law, in :mod:`govmodel.law.character`.

The classification is a reading of the model against the rules, not legal
advice; every result carries the rules it rests on.
"""

from __future__ import annotations

from datetime import date

import attrs

from govmodel.display import Displayed
from govmodel.law.base import Rule
from govmodel.law.character import (
    CLAIMS,
    CONTRACTUAL_AGREEMENTS,
    CONTRACTUAL_BOARD,
    IN_COMMON,
    IN_COMMON_MIXED,
    JOINT_POWER_LACKING,
    NOT_EVERY_MEMBER_DELEGATES,
    NOTHING_DELEGATED,
    ONE_ORGANISATION,
    RATIFIED,
    LegalCharacter,
    Reading,
)
from govmodel.law.facts import Facts
from govmodel.law.parties import exists, party_info
from govmodel.law.rules import get
from govmodel.law.verdicts import forms
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, FormId, Verdict
from govmodel.model.records import Body, id_of

__all__ = ["Classification", "LegalCharacter", "classify"]


@attrs.frozen(repr=False)
class Classification(Displayed):
    """The legal character of one body on one date, and whether its name fits."""

    body: str
    on: date
    stated: BodyKind
    character: LegalCharacter
    mismatch: bool
    explanation: str
    rules: tuple[Rule, ...]

    def __str__(self) -> str:
        flag = " (MISMATCH: its stated kind claims more)" if self.mismatch else ""
        return (
            f"{self.body} on {self.on.isoformat()}: stated {self.stated.value}, "
            f"in law {self.character.value}{flag}. {self.explanation}"
        )


def classify(
    model: GovernanceModel, body: str | Body, *, on: date | str | None = None
) -> Classification:
    """Classify ``body`` (a body of ``model`` or its id) by its legal effect on ``on``
    (default: the model's ``as_of``).

    >>> import govmodel
    >>> m = govmodel.examples.load("mse-success-regime-2016")
    >>> c = govmodel.classify(m, "acute.joint_committee")
    >>> c.character.value, c.mismatch
    ('advisory_forum', True)
    """
    on = model.resolve_on(on)
    body = id_of(body)
    record = model.body(body)
    current = model.on(on)
    return current.derived(f"classify:{body}", lambda: _classify(model, record, on, current))


def _classify(
    model: GovernanceModel, record: Body, on: date, current: GovernanceModel
) -> Classification:
    body = record.id
    orgs = [model.organisation(o) for o in record.organisations]

    def done(reading: Reading, why: str) -> Classification:
        claim = CLAIMS.get(record.kind)
        mismatch = claim is not None and claim is not reading.character
        rules = tuple(get(r) for r in reading.rules)
        return Classification(body, on, record.kind, reading.character, mismatch, why, rules)

    if len(orgs) < 2:
        return done(ONE_ORGANISATION, "It belongs to one organisation.")

    into = [d for d in current.delegations_to(body) if d.from_ in current]
    delegators = {o for d in into for o in current.organisations_of(d.from_)}
    missing = [o.label for o in orgs if o.id not in delegators]
    ratified = bool(into) and all(d.ratification for d in into)
    agreements = [
        a for a in current.agreements_establishing(body) if a.kind in CONTRACTUAL_AGREEMENTS
    ]

    if not into:
        return done(
            NOTHING_DELEGATED, "No member body delegates any matter to it, so it can only advise."
        )
    if record.kind is BodyKind.COMMITTEES_IN_COMMON:
        statutory = {o.id for o in orgs if party_info(o.type).statutory}
        deciding = sorted(o for o in delegators if o in statutory)
        if deciding and not ratified:
            others = [o.label for o in orgs if o.id not in statutory]
            advisory = [o.label for o in orgs if o.id in statutory and o.id not in delegators]
            why = (
                "Each organisation's own committee meets with the others and decides only for "
                f"its own body; {', '.join(model.organisation(o).label for o in deciding)} "
                "delegate to theirs."
            )
            if advisory:
                why += f" {', '.join(advisory)} delegate nothing, so advise only."
            if others:
                why += f" {', '.join(others)} decide only their own business."
            return done(IN_COMMON_MIXED if others else IN_COMMON, why)
    if ratified:
        return done(
            RATIFIED,
            "Every decision needs ratifying by the delegating bodies, so the bodies "
            "themselves decide.",
        )
    alive = all(o.active_on(on) and exists(o.type, on) for o in orgs)
    stated = Facts.stated(model.facts)
    verdict = (
        forms(orgs, on=on, facts=stated, only=(FormId.JOINT_COMMITTEE,))[FormId.JOINT_COMMITTEE]
        if alive
        else None
    )
    if not missing and verdict is not None and verdict.verdict is Verdict.LAWFUL:
        power = tuple(r.rule for r in verdict.reasons[:1])
        return done(
            Reading(LegalCharacter.STATUTORY_JOINT_COMMITTEE, power),
            "Every member body delegates to it and a joint-committee power covers all "
            f"of them ({', '.join(power)}).",
        )
    if agreements:
        names = ", ".join(a.name for a in agreements)
        return done(
            CONTRACTUAL_BOARD,
            f"It is set up by {names}; its decisions bind a partner only through the "
            "authority that partner's own representatives hold.",
        )
    if verdict is not None and verdict.verdict is not Verdict.LAWFUL:
        cannot = [p for p in (o.label for o in orgs) if p not in verdict.eligible]
        why = (
            "Not every member body could lawfully delegate to a joint committee on this "
            f"date (not: {', '.join(cannot)}); it works as a group of individual "
            "decision-makers using authority from their own bodies."
        )
        return done(JOINT_POWER_LACKING, why)
    return done(
        NOT_EVERY_MEMBER_DELEGATES,
        f"Not every member body delegates to it (not: {', '.join(missing)}).",
    )
