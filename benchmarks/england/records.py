"""The record builder every part of the generator writes through.

One :class:`Records` holds the lists of plain dicts (the model-file format)
and the one seeded random generator, so that a seed always gives the same
model.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

__all__ = ["COLLECTIONS", "Records", "count_nodes"]

COLLECTIONS = ("organisations", "bodies", "posts", "delegations", "agreements", "contracts")

# fmt: off
_STEMS = (
    "Ash", "Brook", "Elm", "Oak", "Stan", "Marl", "Wen", "Hart", "Kings", "Wood", "Mill", "Bar",
    "Church", "Thorn", "Red", "Black", "White", "Green", "Castle", "Long", "Swan", "Fox", "Hay",
    "Brad", "Chel", "Dun", "Ful", "Gras", "Hol", "Ken", "Lang", "Nor", "Pen", "Rad", "Sal", "Tam",
    "Ux", "Wal", "Win", "York", "Ald", "Bel", "Cor", "Dar", "Fen", "Gil", "Hun", "Ips", "Lin",
    "Mor",
)
_ENDS = (
    "ford", "bury", "ton", "field", "wick", "ley", "worth", "ham", "by", "stead", "minster",
    "bridge", "mouth", "dale", "hurst",
)
# fmt: on
_QUALIFIERS = ("", "", "", "North ", "South ", "East ", "West ", "Great ", "Upper ")


def count_nodes(model: dict[str, Any]) -> int:
    """Records that count as nodes: organisations, bodies, posts, delegations,
    agreements and contracts."""
    return sum(len(model.get(c, ())) for c in COLLECTIONS)


class Records:
    """Builds one model; every random choice comes from one seeded generator."""

    def __init__(self, seed: int, as_of: str) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.m: dict[str, list[dict[str, Any]]] = {c: [] for c in COLLECTIONS}
        self.used_names: set[str] = set()
        self.ods_seen: set[str] = set()
        self.n_delegations = 0

    # -- small helpers -------------------------------------------------------------------

    def place(self) -> str:
        """A new, invented English place name."""
        for _ in range(50):
            name = (
                self.rng.choice(_QUALIFIERS) + self.rng.choice(_STEMS) + self.rng.choice(_ENDS)
            ).strip()
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        name = f"{self.rng.choice(_STEMS)}{self.rng.choice(_ENDS)} {len(self.used_names)}"
        self.used_names.add(name)
        return name

    def ods(self, prefix: str, digits: int) -> str:
        """A unique, invented ODS-like code."""
        while True:
            code = prefix + "".join(
                self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(digits)
            )
            if code not in self.ods_seen:
                self.ods_seen.add(code)
                return code

    def date(self, first: int, last: int) -> str:
        """A first-of-month date between the years ``first`` and ``last``."""
        return f"{self.rng.randint(first, last)}-{self.rng.choice((1, 4, 7, 10)):02d}-01"

    def org(self, id: str, name: str, type: str, **extra: Any) -> str:
        self.m["organisations"].append({"id": id, "name": name, "type": type, **extra})
        return id

    def body(
        self,
        id: str,
        name: str,
        kind: str,
        orgs: Iterable[str],
        members: Iterable[dict[str, Any]] = (),
        reports_to: Iterable[str] = (),
        **extra: Any,
    ) -> str:
        record: dict[str, Any] = {"id": id, "name": name, "kind": kind, "organisations": list(orgs)}
        members = list(members)
        if members:
            record["members"] = members
        reports = list(reports_to)
        if reports:
            record["reports_to"] = reports
        record.update(extra)
        self.m["bodies"].append(record)
        return id

    def post(self, id: str, title: str, kind: str, org: str, **extra: Any) -> str:
        self.m["posts"].append(
            {"id": id, "title": title, "kind": kind, "organisation": org, **extra}
        )
        return id

    def delegate(
        self,
        source: str,
        target: str,
        matters: Iterable[str],
        *,
        limit: int | None = None,
        onward: bool = False,
        instrument: str | None = None,
        **extra: Any,
    ) -> str:
        self.n_delegations += 1
        record: dict[str, Any] = {
            "id": f"d{self.n_delegations:06d}",
            "from": source,
            "to": target,
            "matters": list(matters),
        }
        if limit is not None:
            record["limit"] = limit
        if onward:
            record["onward"] = True
        if instrument:
            record["instrument"] = instrument
        record.update(extra)
        self.m["delegations"].append(record)
        return str(record["id"])

    def agreement(self, id: str, name: str, kind: str, parties: Iterable[str], **extra: Any) -> str:
        self.m["agreements"].append(
            {"id": id, "name": name, "kind": kind, "parties": list(parties), **extra}
        )
        return id

    def contract(
        self,
        id: str,
        name: str,
        commissioners: Iterable[str],
        providers: Iterable[str],
        **extra: Any,
    ) -> str:
        self.m["contracts"].append(
            {
                "id": id,
                "name": name,
                "commissioners": list(commissioners),
                "providers": list(providers),
                **extra,
            }
        )
        return id

    def limit(self, low: int, high: int) -> int:
        """A round financial limit between ``low`` and ``high`` pounds."""
        value = self.rng.randint(low, high)
        step = 10 ** max(3, len(str(value)) - 2)
        return max(step, value // step * step)

    @staticmethod
    def member(post: str, **extra: Any) -> dict[str, Any]:
        return {"post": post, **extra}
