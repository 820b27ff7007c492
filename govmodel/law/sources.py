"""Citation constructors for the instruments the rulebook relies on.

URLs point at the primary home of each text (legislation.gov.uk, gov.uk,
england.nhs.uk) or, for commentary, the page the fact was read on.
"""

from __future__ import annotations

from datetime import date

from govmodel.law.base import Citation, Period, SourceKind
from govmodel.law.rulebook import instruments

__all__ = [
    "caice",
    "cic_regs",
    "cite",
    "commentary",
    "guidance",
    "hca2022",
    "hsca2012",
    "lga1972",
    "nhsa",
    "si",
]

_LEG = "https://www.legislation.gov.uk"


def cite(
    key: str,
    provision: str,
    path: str = "",
    *,
    start: date | None = None,
    end: date | None = None,
    kind: SourceKind | None = None,
) -> Citation:
    """A citation of instrument ``key`` (from ``instruments.yaml``), in force from
    ``start`` to ``end`` within the instrument's own period.

    >>> cite("nhs-act-2006", "s.75", "section/75").in_force.start.isoformat()
    '2007-03-01'
    """
    inst = instruments()[key]
    period = Period(start or inst.in_force.start, end or inst.in_force.end)
    url = inst.url + (f"/{path.strip('/')}" if path else "")
    return Citation(inst.title, provision, url, kind=kind or inst.kind, in_force=period)


def nhsa(provision: str, path: str) -> Citation:
    """National Health Service Act 2006; ``path`` below ``ukpga/2006/41/``."""
    return Citation("NHS Act 2006", provision, f"{_LEG}/ukpga/2006/41/{path}")


def hsca2012(provision: str, path: str) -> Citation:
    """Health and Social Care Act 2012."""
    return Citation("Health and Social Care Act 2012", provision, f"{_LEG}/ukpga/2012/7/{path}")


def hca2022(provision: str, path: str) -> Citation:
    """Health and Care Act 2022."""
    return Citation("Health and Care Act 2022", provision, f"{_LEG}/ukpga/2022/31/{path}")


def lga1972(provision: str, path: str) -> Citation:
    """Local Government Act 1972."""
    return Citation("Local Government Act 1972", provision, f"{_LEG}/ukpga/1972/70/{path}")


def caice(provision: str, path: str) -> Citation:
    """Companies (Audit, Investigations and Community Enterprise) Act 2004."""
    return Citation(
        "Companies (Audit, Investigations and Community Enterprise) Act 2004",
        provision,
        f"{_LEG}/ukpga/2004/27/{path}",
    )


def cic_regs(provision: str, path: str) -> Citation:
    """Community Interest Company Regulations 2005 (SI 2005/1788)."""
    return Citation("SI 2005/1788", provision, f"{_LEG}/uksi/2005/1788/{path}")


def si(number: str, provision: str, path: str) -> Citation:
    """A statutory instrument ``number`` such as ``"2022/642"``."""
    return Citation(f"SI {number}", provision, f"{_LEG}/uksi/{number}/{path}")


def guidance(title: str, url: str) -> Citation:
    """Official guidance or an official notice."""
    return Citation(title, "", url)


def commentary(title: str, url: str) -> Citation:
    """Professional commentary (law firm, NHS Providers): secondary, never alone 'confirmed'."""
    return Citation(title, "", url)
