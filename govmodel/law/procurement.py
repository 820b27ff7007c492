"""Which procurement regimes bind a buyer, by its type and the date its procurement began.

Every change of regime for NHS health care procurement since 2006 saves the
procurements already under way (PCR 2015 regs 118 and 120, the Provider
Selection Regime reg 29, SI 2024/716 reg 5), so the regime is fixed by the
date a procurement *began*, not the date of the award. :func:`regimes` reads
the rulebook's ``procurement`` family: the ``require`` rules in force on that
date that bind the buyer's type.

A procurement an ICB began on 1 October 2023 and awarded on 1 November 2024
stays under PCR 2015 and the NHS procurement regulations of 2013:

>>> from datetime import date
>>> [r.id for r in regimes("icb", date(2023, 10, 1))]
['PROC-005', 'PROC-008']
>>> [r.id for r in regimes("icb", date(2024, 11, 1))]
['LP-003']

A CIC is never bound by the Provider Selection Regime; whether it is a
contracting authority at all is left open (PROC-017), never answered "no":

>>> [r.id for r in regimes("cic", date(2024, 11, 1))]
['PROC-017']
"""

from __future__ import annotations

from datetime import date

from govmodel.law.base import Effect, Rule
from govmodel.law.rules import rulebook
from govmodel.model.dates import as_date
from govmodel.model.kinds import PartyType

__all__ = ["FAMILY", "regimes"]

FAMILY = "procurement"
"""The rulebook family that holds the procurement regimes."""


def regimes(buyer_type: PartyType | str, began: date | str) -> list[Rule]:
    """The procurement rules binding a buyer of ``buyer_type`` whose procurement began on ``began``.

    ``buyer_type`` is a party type or an alias (``"icb"``, ``"ft"``, ``"la"``);
    ``began`` is the date the procurement began (a contract notice submitted, an
    advertisement published, or a provider first contacted about the contract).
    The result is in rulebook order, and empty where no regime read in the
    research applies (before 31 January 2006, or for a type no rule names).
    """
    kind = PartyType.parse(buyer_type) if isinstance(buyer_type, str) else buyer_type
    day = as_date(began)
    return [
        rule
        for rule in rulebook()
        if rule.family == FAMILY
        and rule.effect is Effect.REQUIRE
        and rule.in_force_on(day)
        and kind in rule.parties
    ]
