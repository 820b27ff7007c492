"""The governance forms open to a model's partners, or to any list of parties.

The law judges lists of parties (:func:`govmodel.law.forms`); this module picks
the parties of a model and its date, so that :func:`govmodel.forms` takes a
model or parties alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import overload

from govmodel.law.facts import Facts
from govmodel.law.verdicts import FormsResult, PartyLike
from govmodel.law.verdicts import forms as forms_of_parties
from govmodel.model.governance import GovernanceModel
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
    subject: GovernanceModel, *, on: date | str | None = None, facts: Facts | None = None
) -> FormsResult: ...
@overload
def forms(
    subject: Iterable[PartyLike], *, on: date | str, facts: Facts | None = None
) -> FormsResult: ...
def forms(
    subject: GovernanceModel | Iterable[PartyLike],
    *,
    on: date | str | None = None,
    facts: Facts | None = None,
) -> FormsResult:
    """The verdict for every governance form for ``subject`` on ``on``.

    ``subject`` is a model (its ``partners``, or all organisations in force on
    the date; ``on`` defaults to its ``as_of``) or a list of parties: party
    types or aliases (``"ft"``), ``(type, name)`` pairs or
    :class:`~govmodel.model.records.Organisation` records, for which ``on`` is
    required (there is no implicit "today").

    ``facts`` are stated facts that conditions turn on (:mod:`govmodel.law.facts`);
    a model's own ``facts:`` are used, with ``facts`` on top.

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
        stated = model_facts(subject)
        return forms_of_parties(
            partners(subject, on), on=on, facts=stated.merged(facts) if facts else stated
        )
    if on is None:
        raise TypeError(
            "forms() of a list of parties needs on=DATE (answers are always as of a date)"
        )
    return forms_of_parties(subject, on=on, facts=facts)
