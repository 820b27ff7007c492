"""Sums of money in whole pounds, written as people write them.

Limits in a scheme of delegation and amounts on the command line arrive as
``250000``, ``£250,000``, ``250k`` or ``£1.5m``; :func:`parse_pounds` turns
each into whole pounds once, at the boundary.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["format_pounds", "parse_pounds"]

_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_MONEY = re.compile(r"^(?:£|gbp)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(k|m|bn)?\s*(?:gbp)?$")


def parse_pounds(text: str | int | float) -> int:
    """Whole pounds from ``text``: digits with optional ``£``, thousands commas and
    a ``k``, ``m`` or ``bn`` suffix.

    Raises :class:`ValueError` naming what was given and what is accepted.

    >>> parse_pounds("£250,000"), parse_pounds("250k"), parse_pounds("£1.5m"), parse_pounds(7)
    (250000, 250000, 1500000, 7)
    """
    if isinstance(text, bool):
        raise ValueError(f"{text!r} is not a sum of money")
    if isinstance(text, int):
        if text < 0:
            raise ValueError(f"{text} is negative; give 0 or more")
        return text
    if isinstance(text, float):
        if text < 0 or not text.is_integer():
            raise ValueError(f"{text} is not a whole number of pounds (0 or more)")
        return int(text)
    found = _MONEY.match(text.strip().lower().replace(" ", ""))
    if found is None or (found.group(1).count(",") and not _commas_ok(found.group(1))):
        raise ValueError(
            f"{text!r} is not a sum of money; write whole pounds, e.g. 250000, "
            "£250,000, 250k or £1.5m"
        )
    try:
        value = Decimal(found.group(1).replace(",", "")) * _SCALE[found.group(2) or ""]
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"{text!r} is not a sum of money") from None
    if value != value.to_integral_value():
        raise ValueError(f"{text!r} is not a whole number of pounds")
    return int(value)


def _commas_ok(number: str) -> bool:
    whole = number.split(".")[0]
    groups = whole.split(",")
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def format_pounds(amount: int | None) -> str:
    """``£250,000``, or ``no limit`` for ``None``.

    >>> format_pounds(250000), format_pounds(None)
    ('£250,000', 'no limit')
    """
    return "no limit" if amount is None else f"£{amount:,}"
