"""The domain records: frozen attrs classes with typed fields.

Each field carries metadata that the rest of govmodel reads, so that the model
file format, its JSON Schema, the loader's reference checks and the format
reference in the docs all come from one place:

``doc``
    one-sentence description of the field (schema ``description``, docs);
``key``
    the key used in model files when it differs from the field name
    (``from_`` is written ``from``);
``ref``
    the collection whose ids the field refers to (``"organisations"``,
    ``"bodies"``, ``"holders"`` for a body or post, ``"matters"``...).

Validators here check only local facts (a non-empty id, an end date not
before the start). Legal rules never run in a record: they need the whole
model and a date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from govmodel.errors import InvalidRecord
from govmodel.model.dates import as_date
from govmodel.model.kinds import (
    AgreementKind,
    BodyKind,
    ContractKind,
    MemberRole,
    PartyType,
    PostKind,
)

__all__ = [
    "Agreement",
    "Assumption",
    "Body",
    "Contract",
    "Dated",
    "Delegation",
    "Expectation",
    "Matter",
    "Membership",
    "Organisation",
    "Post",
    "Record",
    "ReportingLine",
    "StatedFact",
    "id_of",
]


def _doc(text: str, **more: Any) -> dict[str, Any]:
    return {"doc": text, **more}


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or value != value.strip():
        raise InvalidRecord(f"{attribute.name} must be a non-empty string without edge spaces")


def _tuple_of_str(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _party_type(value: PartyType | str) -> PartyType:
    return PartyType.parse(value)


def _body_kind(value: BodyKind | str) -> BodyKind:
    return BodyKind.parse(value)


def _post_kind(value: PostKind | str) -> PostKind:
    return PostKind.parse(value)


def _member_role(value: MemberRole | str) -> MemberRole:
    return MemberRole.parse(value)


def _agreement_kind(value: AgreementKind | str) -> AgreementKind:
    return AgreementKind.parse(value)


def _contract_kind(value: ContractKind | str) -> ContractKind:
    return ContractKind.parse(value)


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple(value)


def _end_after_start(instance: Dated, attribute: attrs.Attribute[Any], value: date | None) -> None:
    if value is not None and instance.start is not None and value < instance.start:
        raise InvalidRecord(f"end {value} is before start {instance.start}")


def _opt_start(value: date | str | None) -> date | None:
    return None if value is None else as_date(value, "start")


def _opt_end(value: date | str | None) -> date | None:
    return None if value is None else as_date(value, "end")


def _opt_review(value: date | str | None) -> date | None:
    return None if value is None else as_date(value, "review")


def _start() -> Any:
    return attrs.field(
        default=None,
        kw_only=True,
        converter=_opt_start,
        metadata=_doc("First day the record applies (ISO date); omit if unknown or always."),
    )


def _end() -> Any:
    return attrs.field(
        default=None,
        kw_only=True,
        converter=_opt_end,
        validator=_end_after_start,
        metadata=_doc("Last day the record applies (ISO date, inclusive); omit if still current."),
    )


def _note() -> Any:
    return attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Free text: what the sources say, and what they leave unsaid."),
    )


class Dated:
    """Mixin for records with an optional inclusive ``start``..``end`` period."""

    start: date | None
    end: date | None

    def active_on(self, on: date) -> bool:
        """Whether the record applies on ``on`` (unknown bounds count as open).

        >>> Organisation("x", "X", PartyType.CHARITY, end=date(2020, 1, 1)).active_on(
        ...     date(2020, 1, 2))
        False
        """
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@attrs.frozen
class Organisation(Dated):
    """A legal person taking part in the arrangement (trust, ICB, council, company...)."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id, e.g. `eput`."))
    name: str = attrs.field(metadata=_doc("Full legal name."))
    type: PartyType = attrs.field(
        converter=_party_type,
        metadata=_doc("Legal type: a party type id or alias (`nhs_foundation_trust`, `ft`...)."),
    )
    ods: str | None = attrs.field(
        default=None, kw_only=True, metadata=_doc("ODS code when known (e.g. `R1L`).")
    )
    short_name: str | None = attrs.field(
        default=None, kw_only=True, metadata=_doc("Short name used in tables and diagrams.")
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()

    @property
    def label(self) -> str:
        """Short name if given, else the full name."""
        return self.short_name or self.name


@attrs.frozen
class Membership(Dated):
    """A post (or a named person) sitting on a body."""

    post: str | None = attrs.field(
        default=None, metadata=_doc("Id of the post that sits on the body.", ref="posts")
    )
    person: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("A role description when no post is modelled (e.g. `quality lead`)."),
    )
    role: MemberRole = attrs.field(
        default=MemberRole.MEMBER,
        kw_only=True,
        converter=_member_role,
        metadata=_doc("`chair`, `vice_chair`, `member` or `attendee`."),
    )
    voting: bool = attrs.field(
        default=True, kw_only=True, metadata=_doc("Whether the member votes on decisions.")
    )
    on_behalf_of: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc(
            "Organisation the member represents, if not the post's own.", ref="organisations"
        ),
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()

    @property
    def who(self) -> str:
        """The post id, or the person description."""
        return self.post or self.person or "?"


@attrs.frozen
class Body(Dated):
    """A board, committee, joint body, team or forum."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id, e.g. `eput.board`."))
    name: str = attrs.field(metadata=_doc("Name as the organisation uses it."))
    kind: BodyKind = attrs.field(
        converter=_body_kind,
        metadata=_doc("Stated kind (`board`, `committee`, `joint_committee`, ...)."),
    )
    organisations: tuple[str, ...] = attrs.field(
        converter=_tuple_of_str,
        metadata=_doc(
            "Organisations the body belongs to (several for a joint body).", ref="organisations"
        ),
    )
    members: tuple[Membership, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=_memberships, metadata=_doc("Who sits on the body.")
    )
    quorum: int | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Minimum number of voting members present for a decision."),
    )
    quorum_each_organisation: bool = attrs.field(
        default=False,
        kw_only=True,
        metadata=_doc("Whether the quorum needs a voting member from every organisation."),
    )
    reports_to: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Bodies this body reports to.", ref="bodies"),
    )
    reserved: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Matters the body reserves to itself (may not be delegated).", ref="matters"),
    )
    terms_of_reference: str | None = attrs.field(
        default=None, kw_only=True, metadata=_doc("Reference to the terms of reference document.")
    )
    in_common: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc(
            "The committees-in-common group (a body of kind `committees_in_common`) that this "
            "committee of one organisation meets in.",
            ref="bodies",
        ),
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()


@attrs.frozen
class Post(Dated):
    """An office: chair, chief executive, director, governor, lead director..."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id, e.g. `eput.ceo`."))
    title: str = attrs.field(metadata=_doc("Title of the post."))
    kind: PostKind = attrs.field(
        converter=_post_kind, metadata=_doc("Kind of post (`chair`, `chief_executive`, ...).")
    )
    organisation: str | None = attrs.field(
        default=None,
        metadata=_doc(
            "Organisation that appoints or employs the post holder; omit when"
            " the sources do not say.",
            ref="organisations",
        ),
    )
    joint_with: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Other organisations the post is held jointly with.", ref="organisations"),
    )
    holder: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Name of the holder, when public and needed; usually omitted."),
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()

    @property
    def organisations(self) -> tuple[str, ...]:
        """Every organisation the post belongs to: its own, then those it is held
        ``joint_with`` (the one rule for this, which the model, the graph and the
        checks all read).

        >>> Post("p", "Joint director", "director", "a", joint_with=["b"]).organisations
        ('a', 'b')
        """
        return tuple(o for o in (self.organisation, *self.joint_with) if o)


@attrs.frozen
class Matter:
    """A kind of decision: approve a capital scheme, appoint the chair..."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id, e.g. `approve_budget`."))
    name: str = attrs.field(metadata=_doc("Plain description of the decision."))
    category: str = attrs.field(
        default="general", kw_only=True, metadata=_doc("Grouping for tables (`finance`, ...).")
    )
    note: str | None = _note()


@attrs.frozen
class Delegation(Dated):
    """Authority to decide matters, given by a body or post to a body or post."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id."))
    from_: str = attrs.field(
        metadata=_doc("Body or post that delegates.", key="from", ref="holders")
    )
    to: str = attrs.field(metadata=_doc("Body or post that receives the authority.", ref="holders"))
    matters: tuple[str, ...] = attrs.field(
        converter=_tuple_of_str, metadata=_doc("Matters delegated.", ref="matters")
    )
    limit: int | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Financial limit in whole pounds (GBP); omit for no limit."),
    )
    onward: bool = attrs.field(
        default=False,
        kw_only=True,
        metadata=_doc("Whether the receiver may delegate the matters onwards."),
    )
    ratification: bool = attrs.field(
        default=False,
        kw_only=True,
        metadata=_doc("Whether decisions need ratifying by the delegator before they bind."),
    )
    conditions: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Conditions attached to the delegation, in words."),
    )
    instrument: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Where the delegation is written (scheme of delegation, clause...)."),
    )
    agreement: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Agreement that creates the delegation, if any.", ref="agreements"),
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()
    review: date | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_opt_review,
        metadata=_doc("Date by which the delegation is next to be reviewed (ISO date)."),
    )


@attrs.frozen
class Agreement(Dated):
    """An agreement between organisations: joint venture, alliance, MOU, section 75..."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id."))
    name: str = attrs.field(metadata=_doc("Name of the agreement."))
    kind: AgreementKind = attrs.field(
        converter=_agreement_kind,
        metadata=_doc("Kind (`contractual_joint_venture`, `alliance_agreement`, ...)."),
    )
    parties: tuple[str, ...] = attrs.field(
        converter=_tuple_of_str, metadata=_doc("Organisations party to it.", ref="organisations")
    )
    host: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Party that hosts staff or contracts for the others.", ref="organisations"),
    )
    bodies: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Bodies the agreement establishes.", ref="bodies"),
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()


@attrs.frozen
class Contract(Dated):
    """A contract for services: commissioners, providers, services."""

    id: str = attrs.field(validator=_non_empty, metadata=_doc("Unique id."))
    name: str = attrs.field(metadata=_doc("Name of the contract."))
    commissioners: tuple[str, ...] = attrs.field(
        converter=_tuple_of_str,
        metadata=_doc("Organisations that commission (award) the contract.", ref="organisations"),
    )
    providers: tuple[str, ...] = attrs.field(
        converter=_tuple_of_str,
        metadata=_doc("Organisations that provide the services.", ref="organisations"),
    )
    kind: ContractKind = attrs.field(
        default=ContractKind.NHS_STANDARD_CONTRACT,
        kw_only=True,
        converter=_contract_kind,
        metadata=_doc("Kind (`nhs_standard_contract`, `alliance_contract`, `subcontract`...)."),
    )
    services: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Services covered, in words."),
    )
    value: int | None = attrs.field(
        default=None, kw_only=True, metadata=_doc("Total value in whole pounds, when public.")
    )
    start: date | None = _start()
    end: date | None = _end()
    note: str | None = _note()


@attrs.frozen
class Expectation:
    """A finding of ``govmodel check`` that the model's authors expect, and why.

    Expected findings are still reported, marked with the reason, but do not
    make ``govmodel check`` fail: a model of a real arrangement can record a
    known legal gap honestly instead of hiding it.
    """

    code: str = attrs.field(
        validator=_non_empty, metadata=_doc("Finding code (`GM401`) or name it expects.")
    )
    reason: str = attrs.field(
        validator=_non_empty, metadata=_doc("Why the finding is expected and left as it is.")
    )
    subjects: tuple[str, ...] = attrs.field(
        factory=tuple,
        kw_only=True,
        converter=_tuple_of_str,
        metadata=_doc("Ids the finding must concern (all of them); omit to match any."),
    )


@attrs.frozen
class StatedFact:
    """A fact the model states, for the rulebook's conditions to read.

    Some forms are lawful only *provided that* something is true: the governors
    approved a significant transaction, the commissioner consented. govmodel never
    assumes such a fact; state it here (or with ``--fact``) and the verdict says
    whether the condition is met.
    """

    fact: str = attrs.field(
        validator=_non_empty,
        metadata=_doc("A fact id from the rulebook (`govmodel rules --facts` lists them)."),
    )
    value: bool = attrs.field(metadata=_doc("Whether it is so (`true` or `false`)."))
    organisation: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc(
            "The organisation it is about; omit for the arrangement as a whole.",
            ref="organisations",
        ),
    )
    source: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=_doc("Where it is recorded (minutes, a letter, a decision notice)."),
    )
    note: str | None = _note()


@attrs.frozen(kw_only=True)
class Assumption:
    """One thing a what-if assumes that the model file does not say.

    ``kind`` is ``"field"`` (a record's field, or a top-level key, set to another
    value) or ``"fact"`` (a fact stated for the rulebook's conditions). ``target``
    is ``ID.FIELD`` (``msecc.board.quorum``), a top-level key (``partners``), or a
    fact (``governors_approved_application@eput``). ``value`` and ``previous`` are
    JSON text; ``previous`` is ``"null"`` when the file leaves the field unset and
    ``None`` when the fact was not stated. ``origin`` names where the assumption
    was made: the ``--assume`` or ``--fact`` option, a scenario file's
    ``file:line:column``, or ``assume()`` in Python.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(("field", "fact")))
    target: str = attrs.field(validator=_non_empty)
    value: str
    previous: str | None = None
    origin: str = "assume()"

    def __str__(self) -> str:
        """``msecc.board.quorum = 3 (was 2)``, ``fact x@eput: yes (was not stated)``."""

        def shown(text: str | None) -> str:
            if text is None:
                return "not stated"
            value = json.loads(text)
            if value is None:
                return "unset"
            if isinstance(value, bool):
                return "yes" if value else "no"
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return ", ".join(value) or "none"
            return value if isinstance(value, str) else text

        if self.kind == "fact":
            return f"fact {self.target}: {shown(self.value)} (was {shown(self.previous)})"
        return f"{self.target} = {shown(self.value)} (was {shown(self.previous)})"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the values decoded."""
        return {
            "kind": self.kind,
            "target": self.target,
            "value": json.loads(self.value),
            "previous": None if self.previous is None else json.loads(self.previous),
            "origin": self.origin,
        }


@attrs.frozen
class ReportingLine:
    """A body reporting to another body (read from ``Body.reports_to``)."""

    source: str
    target: str


#: Any record that has an id in a model file.
Record = Organisation | Body | Post | Matter | Delegation | Agreement | Contract


def id_of(subject: str | Record) -> str:
    """The id of ``subject``, a record or already an id: queries accept either.

    >>> id_of(Matter("approve_budget", "Approve the budget")), id_of("eput.board")
    ('approve_budget', 'eput.board')
    """
    return subject if isinstance(subject, str) else subject.id
