"""Benchmarks: print how long govmodel takes on the examples and on larger models.

Run with `make bench`. Figures are wall-clock medians over several runs on
this machine; compare them between commits, not across machines.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

import govmodel
from govmodel import Builder


def timed(fn: Callable[[], object], *, repeat: int = 7) -> float:
    """Median seconds for one call of ``fn``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def big_model(n_orgs: int) -> govmodel.GovernanceModel:
    """A synthetic model: each organisation has a board, a committee and two posts."""
    b = Builder(f"{n_orgs} organisations", as_of="2023-04-01")
    types = ["ft", "nhs_trust", "icb", "la", "cic", "company"]
    for i in range(n_orgs):
        b.organisation(f"o{i}", f"Organisation {i}", types[i % len(types)])
        b.body(f"o{i}.board", f"Board {i}", "board", organisations=f"o{i}")
        b.body(
            f"o{i}.committee",
            f"Committee {i}",
            "committee",
            organisations=f"o{i}",
            reports_to=[f"o{i}.board"],
        )
        b.post(f"o{i}.ceo", f"Chief executive {i}", "ceo", organisation=f"o{i}")
        b.member(f"o{i}.board", f"o{i}.ceo")
        b.delegate(f"o{i}.board", f"o{i}.committee", ["approve_expenditure"], limit=1_000_000)
        b.delegate(f"o{i}.committee", f"o{i}.ceo", ["approve_expenditure"], limit=100_000)
    return b.build()


def main() -> None:
    rows: list[tuple[str, float]] = []
    for name in govmodel.examples.names():
        text = govmodel.examples.text(name)
        rows.append((f"load {name}", timed(lambda t=text: govmodel.loads(t))))
    msecc = govmodel.examples.load("msecc-2023")
    rows.append(("forms msecc-2023 (11 forms)", timed(msecc.forms)))
    rows.append(("check msecc-2023 (all codes)", timed(lambda: govmodel.check(msecc))))
    rows.append(
        (
            "timeline FT+FT+CIC 2005-2026",
            timed(
                lambda: govmodel.law.timeline(
                    ["ft", "ft", "cic"], start="2005-07-01", end=date(2026, 11, 22)
                ),
                repeat=3,
            ),
        )
    )
    for n in (10, 50, 200):
        model = big_model(n)
        text = govmodel.dumps(model)
        rows.append((f"dumps {n}-organisation model", timed(lambda m=model: govmodel.dumps(m))))
        rows.append(
            (f"loads {n}-organisation model", timed(lambda t=text: govmodel.loads(t), repeat=3))
        )
        rows.append(
            (f"check {n}-organisation model", timed(lambda m=model: govmodel.check(m), repeat=3))
        )
    width = max(len(label) for label, _ in rows)
    for label, seconds in rows:
        print(f"{label:<{width}}  {seconds * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
