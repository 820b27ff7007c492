"""Named facts that the rulebook's conditions turn on.

Some rules make a form lawful *provided that* something is true: the
governors approved a significant transaction, the Secretary of State approved
an acquisition, a council is prescribed by regulations. govmodel never
assumes such a fact. The rulebook names each one (``law/rules/facts.yaml``);
a model file states them under ``facts:``, the command line with ``--fact``;
a condition whose fact is not stated is reported as a question.

A fact is ``true`` or ``false``, for the arrangement as a whole or for one
party (an organisation id, or a party's name).

>>> facts = Facts.of([("governors_approved_application", "eput", True)])
>>> facts.get("governors_approved_application", "eput")
True
>>> facts.get("governors_approved_application", "nelft") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import attrs

from govmodel.model.records import StatedFact

__all__ = ["FactSpec", "FactValue", "Facts", "no_facts", "parse_fact_option", "parse_fact_value"]

FactValue = bool

_TRUE = {"true", "yes", "y", "met", "1"}
_FALSE = {"false", "no", "n", "unmet", "0"}


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def id(self) -> str | None: ...


@attrs.frozen
class FactSpec:
    """A fact the rulebook can ask about: its id, the question, and what it bears on."""

    id: str
    question: str
    note: str | None = None


def parse_fact_value(text: str | bool) -> bool:
    """``yes``/``true``/``met`` or ``no``/``false``/``unmet`` (any case) as a bool.

    >>> parse_fact_value("Yes"), parse_fact_value("unmet")
    (True, False)
    """
    if isinstance(text, bool):
        return text
    key = str(text).strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f"{text!r} is not a fact value; write yes or no (true or false).")


@attrs.frozen
class Facts:
    """Stated facts: ``(fact, party or None) -> value``; ``None`` means the whole arrangement."""

    values: Mapping[tuple[str, str | None], bool] = attrs.field(factory=dict)

    @classmethod
    def of(cls, items: Iterable[tuple[str, str | None, bool]]) -> Facts:
        """Facts from ``(fact, party, value)`` triples; a later triple wins."""
        return cls({(fact, party): value for fact, party, value in items})

    @classmethod
    def stated(cls, facts: Iterable[StatedFact]) -> Facts:
        """The facts a model states under ``facts:`` (its :class:`StatedFact` records)."""
        return cls.of((f.fact, f.organisation, f.value) for f in facts)

    def get(self, fact: str, party: _Named | str | None) -> bool | None:
        """The value stated for ``party`` (by id, then name), else for all, else None."""
        if party is not None:
            keys = [party] if isinstance(party, str) else [party.id, party.name]
            for key in keys:
                if key is not None and (fact, key) in self.values:
                    return self.values[(fact, key)]
        return self.values.get((fact, None))

    def holds(self, fact: str, value: bool) -> bool:
        """Whether a stated value satisfies the fact (facts are yes/no)."""
        return value is True

    def __bool__(self) -> bool:
        return bool(self.values)

    def merged(self, other: Facts) -> Facts:
        """These facts with ``other``'s added on top."""
        return Facts({**self.values, **other.values})

    def items(self) -> list[tuple[str, str | None, bool]]:
        """Every stated fact as ``(fact, party, value)``, sorted."""
        return sorted(
            ((f, p, v) for (f, p), v in self.values.items()), key=lambda t: (t[0], t[1] or "")
        )


def parse_fact_option(text: str) -> tuple[str, str | None, bool]:
    """``NAME[@PARTY]=yes|no`` (the command line's ``--fact``) as ``(fact, party, value)``.

    >>> parse_fact_option("governors_approved_application@eput=yes")
    ('governors_approved_application', 'eput', True)
    """
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"{text!r}: write a fact as NAME=yes or NAME@PARTY=no")
    fact, _, party = name.strip().partition("@")
    return fact, party or None, parse_fact_value(value)


def no_facts() -> Facts:
    """No stated facts: every condition that needs one is a question."""
    return Facts()
