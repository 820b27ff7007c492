"""Dates: converted once, at the boundary, from whatever a caller holds.

Every public function that takes a date accepts a :class:`datetime.date`, a
:class:`datetime.datetime` (its date is used), a pandas ``Timestamp`` (a
``datetime``) or ISO ``YYYY-MM-DD`` text - the same strict form model files
use, so ``2020-W01-1`` and ``20200101`` are refused everywhere alike.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from govmodel.errors import InvalidDate

__all__ = ["ISO_DATE", "as_date", "parse_iso_date"]

#: The one accepted spelling of a date in text.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(text: str) -> date | None:
    """``text`` as a date when it is a real ISO ``YYYY-MM-DD`` date, else None.

    >>> parse_iso_date("2020-02-29"), parse_iso_date("2020-W01-1"), parse_iso_date("2021-02-29")
    (datetime.date(2020, 2, 29), None, None)
    """
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def as_date(value: Any, argument: str = "on") -> date:
    """``value`` as a date; ``argument`` names it when it is refused.

    Raises :class:`~govmodel.errors.InvalidDate` (a ``ValueError``) for anything
    else, naming the argument.

    >>> as_date("2022-07-01"), as_date(datetime(2022, 7, 1, 9, 30))
    (datetime.date(2022, 7, 1), datetime.date(2022, 7, 1))
    >>> as_date("01/07/2022", "start")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govmodel.errors.InvalidDate: start='01/07/2022' is not usable: expected a date: ...
    """
    if isinstance(value, datetime):  # a pandas Timestamp is one too
        if value != value:  # NaT
            raise InvalidDate(argument, value, "not a time")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        found = parse_iso_date(value)
        if found is not None:
            return found
        reason = "no such day" if ISO_DATE.fullmatch(value) else None
        raise InvalidDate(argument, value, reason)
    raise InvalidDate(argument, value, f"not a {type(value).__name__}")
