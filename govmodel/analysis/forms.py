"""The governance forms open to a model's partners, or to any list of parties.

The law judges lists of parties (:func:`govmodel.law.forms`); this module picks
the parties of a model and its date, so that :func:`govmodel.forms` takes a
model or parties alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import overload

from govmodel.errors import InvalidArgument, InvalidParty, MissingArgument
from govmodel.law.evaluate import Party
from govmodel.law.facts import Facts
from govmodel.law.verdicts import FactsLike, FormsResult, PartyLike, facts_of
from govmodel.law.verdicts import forms as forms_of_parties
from govmodel.model.dates import as_date
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import PartyType
from govmodel.model.records import Organisation

__all__ = ["FormsResult", "forms", "model_facts", "partners"]


def model_facts(model: GovernanceModel) -> Facts:
    """The facts a model states under ``facts:``, for the rulebook's conditions."""
    return Facts.stated(model.facts)


def partners(model: GovernanceModel, on: date) -> list[Organisation]:
    """The organisations a model's forms are judged for on ``on``: those listed under
    ``partners`` (each must exist on the date), or else every organisation in force."""
    if model.partners:
        return [model.organisation(p) for p in model.partners]
    return [o for o in model.organisations if o.active_on(on)]


@overload
def forms(
    subject: GovernanceModel, *, on: date | str | None = None, facts: FactsLike | None = None
) -> FormsResult: ...
@overload
def forms(
    subject: Iterable[PartyLike], *, on: date | str, facts: FactsLike | None = None
) -> FormsResult: ...
def forms(
    subject: GovernanceModel | Iterable[PartyLike],
    *,
    on: date | str | None = None,
    facts: FactsLike | None = None,
) -> FormsResult:
    """The verdict for every governance form for ``subject`` on ``on``.

    ``subject`` is a model (its ``partners``, or all organisations in force on
    the date; ``on`` defaults to its ``as_of``) or a list of parties: party
    types or aliases (``"ft"``), ``(type, name)`` pairs or
    :class:`~govmodel.model.records.Organisation` records, for which ``on`` is
    required (there is no implicit "today").

    ``facts`` are stated facts that conditions turn on: a mapping of ``"fact"`` or
    ``"fact@party"`` to yes/no, or a :class:`~govmodel.law.facts.Facts`
    (``govmodel rules --facts`` lists them); a model's own ``facts:`` are used,
    with ``facts`` on top.

    Raises :class:`~govmodel.errors.PartyNotInExistence` when a party type, or
    an organisation, did not exist on the date.

    >>> import govmodel
    >>> govmodel.forms(["ft", "icb"], on="2023-01-01")["joint_committee"].verdict.value
    'lawful'
    >>> govmodel.forms(govmodel.examples.load("msecc-2020"))["joint_committee"].verdict.value
    'not_lawful'
    """
    if isinstance(subject, GovernanceModel):
        on = subject.resolve_on(on)
        found = partners(subject, on)
        if not found:
            raise InvalidArgument(
                "on",
                on.isoformat(),
                "a date on which the model has organisations in force (it has none then)",
                "Add organisations, or ask about another date.",
            )
        stated = model_facts(subject)
        extra = facts_of(facts)
        return forms_of_parties(found, on=on, facts=stated.merged(extra) if extra else stated)
    if on is None:
        raise MissingArgument(
            "forms() of a list of parties needs on=DATE (answers are always as of a date)"
        )
    if isinstance(subject, str | bytes) or not isinstance(subject, Iterable):
        raise InvalidParty(
            "subject",
            subject,
            "a model, or a list of parties (types, (type, name) pairs, organisations)",
        )
    items = list(subject)
    if not items:
        raise InvalidParty("parties", items, "at least one party")
    for i, item in enumerate(items):
        _check_party(i, item)
    return forms_of_parties(items, on=as_date(on, "on"), facts=facts)


def _check_party(i: int, item: object) -> None:
    """Refuse, naming it, a party that is not a type, (type, name) pair or record."""
    if isinstance(item, tuple):
        if len(item) == 2 and all(isinstance(x, str) for x in item) and item[1].strip():
            PartyType.parse(item[0])
            return
        raise InvalidParty(f"parties[{i}]", item, "a (type, name) pair such as ('ft', 'EPUT')")
    if isinstance(item, str):
        PartyType.parse(item)
        return
    if isinstance(item, PartyType | Organisation | Party):
        return
    raise InvalidParty(
        f"parties[{i}]", item, "a party type ('ft'), a (type, name) pair or an Organisation"
    )
