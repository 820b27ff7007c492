"""Dates: ISO text or :class:`datetime.date`, converted once."""

from __future__ import annotations

from datetime import date

__all__ = ["as_date"]


def as_date(value: date | str) -> date:
    """``value`` as a date; ISO ``YYYY-MM-DD`` text is parsed.

    >>> as_date("2022-07-01")
    datetime.date(2022, 7, 1)
    """
    return value if isinstance(value, date) else date.fromisoformat(value)
