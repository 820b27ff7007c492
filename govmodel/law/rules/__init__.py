"""The rulebook: every rule as data (``govmodel/law/rules/*.yaml``), loaded once.

>>> from datetime import date
>>> get("jc-005").citation_on(date(2021, 4, 1)).text
'NHS Act 2006 Sch 7 para 15(3)'
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from govmodel.errors import NoSuchRecord
from govmodel.law.base import Rule
from govmodel.law.rulebook import Rulebook, load_rulebook
from govmodel.model.kinds import closest

__all__ = ["RULEBOOK", "get", "in_force", "rule_order", "rulebook"]


@functools.cache
def rulebook() -> Rulebook:
    """The bundled rulebook, read and checked on first use."""
    return load_rulebook()


def get(rule_id: str) -> Rule:
    """The rule ``rule_id`` (case-insensitive); raises NoSuchRecord with close ids."""
    book = rulebook()
    found = book.get(rule_id)
    if found is None:
        raise NoSuchRecord(
            "rule",
            rule_id,
            closest(rule_id.upper(), (r.id for r in book)),
            listing="Run `govmodel rules` to list them.",
        )
    return found


def in_force(on: date) -> list[Rule]:
    """Rules in force on ``on``."""
    return [r for r in rulebook() if r.in_force_on(on)]


def rule_order(rule: Rule) -> int:
    """A rule's position in the rulebook, for stable ordering."""
    return rulebook().order(rule)


def __getattr__(name: str) -> Any:
    if name == "RULEBOOK":  # every rule, in family order (read lazily)
        return rulebook().rules
    raise AttributeError(name)
