"""The legal character of a body: what it can be in law, and the rules each reading
rests on.

A body's stated kind says what its members call it; its character is what its
legal effect makes it. :func:`govmodel.classify` reads a model to choose one
of the :class:`Reading` constants below; this module holds only the law.

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
"""

from __future__ import annotations

import enum

import attrs

from govmodel.model.kinds import AgreementKind, BodyKind

__all__ = [
    "CLAIMS",
    "CONTRACTUAL_AGREEMENTS",
    "CONTRACTUAL_BOARD",
    "JOINT_POWER_LACKING",
    "NOTHING_DELEGATED",
    "NOT_EVERY_MEMBER_DELEGATES",
    "ONE_ORGANISATION",
    "RATIFIED",
    "S65Z5_JOINT_COMMITTEES",
    "LegalCharacter",
    "Reading",
]


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

#: Kinds of agreement that set a body up as a contractual partnership board.
CONTRACTUAL_AGREEMENTS = frozenset(
    {
        AgreementKind.CONTRACTUAL_JOINT_VENTURE,
        AgreementKind.ALLIANCE_AGREEMENT,
        AgreementKind.JOINT_WORKING_AGREEMENT,
        AgreementKind.LEAD_PROVIDER_CONTRACT,
    }
)


#: The rule that opens statutory joint committees to NHS trusts, foundation trusts,
#: ICBs and NHS England (NHS Act 2006 s.65Z5, from 1 July 2022).
S65Z5_JOINT_COMMITTEES = "JC-001"


@attrs.frozen
class Reading:
    """One way of reading a body: the character it gives and the rules it rests on."""

    character: LegalCharacter
    rules: tuple[str, ...]


#: The body belongs to one organisation.
ONE_ORGANISATION = Reading(LegalCharacter.SINGLE_BODY, ("BC-001",))
#: No member body delegates anything to it, so it can only advise.
NOTHING_DELEGATED = Reading(LegalCharacter.ADVISORY_FORUM, ("JC-015", "CJV-005"))
#: Every decision needs ratifying by the delegating bodies.
RATIFIED = Reading(LegalCharacter.ADVISORY_FORUM, ("JC-015",))
#: A joint venture or alliance agreement sets it up.
CONTRACTUAL_BOARD = Reading(LegalCharacter.CONTRACTUAL_PARTNERSHIP_BOARD, ("CJV-005", "CJV-001"))
#: Not every member body could lawfully delegate to a joint committee on the date.
JOINT_POWER_LACKING = Reading(
    LegalCharacter.INDIVIDUAL_DECISION_MAKERS, ("JC-015", "JC-005", "JC-002")
)
#: Not every member body delegates to it.
NOT_EVERY_MEMBER_DELEGATES = Reading(
    LegalCharacter.INDIVIDUAL_DECISION_MAKERS, ("JC-015", "CJV-005")
)

#: Each organisation's own committee meeting together, each deciding for its own body.
IN_COMMON = Reading(LegalCharacter.COMMITTEES_IN_COMMON, ("CINC-001", "CINC-002"))

#: Committees in common where a non-statutory organisation's committee decides only
#: its own business.
IN_COMMON_MIXED = Reading(LegalCharacter.COMMITTEES_IN_COMMON, ("CINC-001", "CINC-003"))
