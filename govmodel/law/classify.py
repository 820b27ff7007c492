"""What a multi-party body really is in law, whatever it is called.

A body's stated kind says what its members call it. Its legal character
depends on who could delegate to it on the date, whether its decisions need
ratifying, and what agreement set it up:

``statutory_joint_committee``
    every member body delegates to it and a statutory joint-committee power
    covers all of them on the date;
``committees_in_common``
    each member body's own committee meeting together, each binding only its
    own body;
``contractual_partnership_board``
    set up by a joint venture or alliance agreement; it binds a partner only
    through that partner's own delegated authority (CJV-005);
``individual_decision_makers``
    members act under authority delegated to them individually by their own
    bodies;
``advisory_forum``
    no member body has given it authority it can lawfully hold, or every
    decision needs ratifying;
``single_body``
    a board or committee of one organisation.

The classification is a reading of the model against the rules, not legal
advice; every result carries the rules it rests on.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import attrs

from govmodel.law.base import Rule
from govmodel.law.parties import exists
from govmodel.law.rules import get
from govmodel.model.kinds import AgreementKind, BodyKind, FormId, Verdict

if TYPE_CHECKING:
    from govmodel.graph import GovernanceModel

__all__ = ["Classification", "LegalCharacter", "classify"]


class LegalCharacter(enum.StrEnum):
    """The legal character of a body."""

    STATUTORY_JOINT_COMMITTEE = "statutory_joint_committee"
    COMMITTEES_IN_COMMON = "committees_in_common"
    CONTRACTUAL_PARTNERSHIP_BOARD = "contractual_partnership_board"
    INDIVIDUAL_DECISION_MAKERS = "individual_decision_makers"
    ADVISORY_FORUM = "advisory_forum"
    SINGLE_BODY = "single_body"


#: The character each stated kind claims, where the name makes a legal claim.
CLAIMS: dict[BodyKind, LegalCharacter] = {
    BodyKind.JOINT_COMMITTEE: LegalCharacter.STATUTORY_JOINT_COMMITTEE,
    BodyKind.COMMITTEES_IN_COMMON: LegalCharacter.COMMITTEES_IN_COMMON,
}

_CONTRACTUAL = {
    AgreementKind.CONTRACTUAL_JOINT_VENTURE,
    AgreementKind.ALLIANCE_AGREEMENT,
    AgreementKind.JOINT_WORKING_AGREEMENT,
    AgreementKind.LEAD_PROVIDER_CONTRACT,
}


@attrs.frozen
class Classification:
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


def classify(model: GovernanceModel, body: str, *, on: date) -> Classification:
    """Classify ``body`` of ``model`` by its legal effect on ``on``.

    >>> import govmodel
    >>> m = govmodel.examples.load("mse-success-regime-2016")
    >>> c = m.classify("acute.joint_committee")
    >>> c.character.value, c.mismatch
    ('advisory_forum', True)
    """
    from govmodel.law.verdicts import forms

    record = model.body(body)
    current = model.on(on)
    orgs = [model.organisation(o) for o in record.organisations]

    def done(character: LegalCharacter, why: str, *rule_ids: str) -> Classification:
        claim = CLAIMS.get(record.kind)
        mismatch = claim is not None and claim is not character
        return Classification(
            body, on, record.kind, character, mismatch, why, tuple(get(r) for r in rule_ids)
        )

    if len(orgs) < 2:
        return done(LegalCharacter.SINGLE_BODY, "It belongs to one organisation.", "BC-001")

    into = [d for d in current.delegations if d.to == body and d.from_ in current]
    delegators = {o for d in into for o in current.organisations_of(d.from_)}
    missing = [o.label for o in orgs if o.id not in delegators]
    ratified = bool(into) and all(d.ratification for d in into)
    agreements = [a for a in current.agreements if body in a.bodies and a.kind in _CONTRACTUAL]

    if not into:
        return done(
            LegalCharacter.ADVISORY_FORUM,
            "No member body delegates any matter to it, so it can only advise.",
            "JC-015",
            "CJV-005",
        )
    if ratified:
        return done(
            LegalCharacter.ADVISORY_FORUM,
            "Every decision needs ratifying by the delegating bodies, so the bodies "
            "themselves decide.",
            "JC-015",
        )
    alive = all(o.active_on(on) and exists(o.type, on) for o in orgs)
    verdict = forms(orgs, on=on)[FormId.JOINT_COMMITTEE] if alive else None
    if not missing and verdict is not None and verdict.verdict is Verdict.LAWFUL:
        return done(
            LegalCharacter.STATUTORY_JOINT_COMMITTEE,
            "Every member body delegates to it and a joint-committee power covers all "
            f"of them ({', '.join(r.rule for r in verdict.reasons[:1])}).",
            *(r.rule for r in verdict.reasons[:1]),
        )
    if agreements:
        names = ", ".join(a.name for a in agreements)
        return done(
            LegalCharacter.CONTRACTUAL_PARTNERSHIP_BOARD,
            f"It is set up by {names}; its decisions bind a partner only through the "
            "authority that partner's own representatives hold.",
            "CJV-005",
            "CJV-001",
        )
    if verdict is not None and verdict.verdict is not Verdict.LAWFUL:
        cannot = [p for p in (o.label for o in orgs) if p not in verdict.eligible]
        why = (
            "Not every member body could lawfully delegate to a joint committee on this "
            f"date (not: {', '.join(cannot)}); it works as a group of individual "
            "decision-makers using authority from their own bodies."
        )
        return done(LegalCharacter.INDIVIDUAL_DECISION_MAKERS, why, "JC-015", "JC-005", "JC-002")
    return done(
        LegalCharacter.INDIVIDUAL_DECISION_MAKERS,
        f"Not every member body delegates to it (not: {', '.join(missing)}).",
        "JC-015",
        "CJV-005",
    )
