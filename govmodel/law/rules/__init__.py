"""The rulebook: every rule as data, with its citation, period, basis and confidence."""

from __future__ import annotations

from datetime import date

from govmodel.errors import NoSuchRecord
from govmodel.law.base import Rule
from govmodel.law.rules import contracts, corporate, existence, joint, partnership, reserved
from govmodel.model.kinds import closest

__all__ = ["RULEBOOK", "get", "in_force"]

#: Every rule, in family order; ids are unique and never reused.
RULEBOOK: tuple[Rule, ...] = (
    *existence.RULES,
    *joint.RULES,
    *contracts.RULES,
    *corporate.RULES,
    *partnership.RULES,
    *reserved.RULES,
)

_BY_ID = {r.id.lower(): r for r in RULEBOOK}


def get(rule_id: str) -> Rule:
    """The rule ``rule_id`` (case-insensitive); raises NoSuchRecord with close ids.

    >>> get("jc-005").citation.text
    'NHS Act 2006 Sch 7 para 15(3)'
    """
    found = _BY_ID.get(rule_id.strip().lower())
    if found is None:
        raise NoSuchRecord("rule", rule_id, closest(rule_id.upper(), (r.id for r in RULEBOOK)))
    return found


def in_force(on: date) -> list[Rule]:
    """Rules in force on ``on``."""
    return [r for r in RULEBOOK if r.in_force_on(on)]
