"""Words for drawings: wrapped labels, money, tooltips and links to the docs.

Everything here is pure text. Labels are wrapped at word boundaries and never
cut inside a word: a word longer than the width stands on its own line.

>>> wrap_words("Decisions on the joint delivery of the partners' community services", 24)
['Decisions on the joint', 'delivery of the', "partners' community", 'services']
>>> wrap_words("Supercalifragilistic words", 8)
['Supercalifragilistic', 'words']
"""

from __future__ import annotations

import textwrap

from govmodel._version import __version__

__all__ = [
    "DISCLAIMER",
    "DOCS_URL",
    "check_url",
    "govmodel_version",
    "pounds",
    "rule_url",
    "wrap_words",
]

#: Where the published docs live; rule and check pages hang off it.
DOCS_URL = "https://govmodel.readthedocs.io/en/latest/"

#: Printed on every diagram and pack.
DISCLAIMER = "A modelling aid, not legal advice."


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken only between words
    (a single longer word keeps its own line whole)."""
    lines = textwrap.wrap(
        " ".join(text.split()),
        width=width,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [""]


def pounds(limit: int | None) -> str:
    """A financial limit in the short form boards use (``£250k``, ``£1.5m``).

    >>> pounds(250_000), pounds(1_500_000), pounds(1234), pounds(None)
    ('£250k', '£1.5m', '£1,234', '')
    """
    if limit is None:
        return ""
    if limit >= 1_000_000 and limit % 100_000 == 0:
        return f"£{limit / 1_000_000:g}m"
    if limit >= 1_000 and limit % 1_000 == 0:
        return f"£{limit // 1_000}k"
    return f"£{limit:,}"


def rule_url(rule_id: str) -> str:
    """The docs page of a rule of the rulebook.

    >>> rule_url("CJV-005")
    'https://govmodel.readthedocs.io/en/latest/reference/generated/rules/CJV-005.html'
    """
    return f"{DOCS_URL}reference/generated/rules/{rule_id}.html"


def check_url(code: str) -> str:
    """The docs page of a finding code.

    >>> check_url("GM401")
    'https://govmodel.readthedocs.io/en/latest/reference/generated/checks/GM401.html'
    """
    return f"{DOCS_URL}reference/generated/checks/{code}.html"


def govmodel_version() -> str:
    """The govmodel version these files were drawn with."""
    return __version__
