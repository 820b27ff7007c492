"""How long loading takes: one-line records in YAML and JSON, from 1,000 to 100,000.

Run ``python benchmarks/load_bench.py [RECORDS...]``. Each size is generated
(organisations, their boards and chief executives, and delegations), written
to a temporary folder as YAML and as JSON, and loaded three times; the table
shows the file size and the best wall-clock and CPU seconds of a full
``govmodel.load`` (read, parse, validate, build the records), and the time to
find one location afterwards (JSON positions are found only when asked for).
Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import govmodel


def model_text(records: int) -> dict[str, str]:
    """A valid model of about ``records`` records, as YAML and as JSON text."""
    orgs = max(records // 4, 1)
    rest = max(records - 3 * orgs, 0)
    data = {
        "name": f"{records} records",
        "as_of": "2023-04-01",
        "organisations": [
            {"id": f"o{i}", "name": f"Organisation {i}", "type": "ft"} for i in range(orgs)
        ],
        "bodies": [
            {"id": f"o{i}.board", "name": f"Board {i}", "kind": "board", "organisations": [f"o{i}"]}
            for i in range(orgs)
        ],
        "posts": [
            {
                "id": f"o{i}.ceo",
                "title": f"Chief executive {i}",
                "kind": "ceo",
                "organisation": f"o{i}",
            }
            for i in range(orgs)
        ],
        "delegations": [
            {
                "id": f"d{i}",
                "from": f"o{i % orgs}.board",
                "to": f"o{i % orgs}.ceo",
                "matters": ["approve_expenditure"],
                "limit": 100_000,
            }
            for i in range(rest)
        ],
        "agreements": [],
        "contracts": [],
    }
    lines = [f"name: {data['name']}", "as_of: 2023-04-01"]
    for collection in ("organisations", "bodies", "posts", "delegations"):
        lines.append(f"{collection}:")
        lines += ["- " + json.dumps(r, separators=(", ", ": ")) for r in data[collection]]
    lines += ["agreements: []", "contracts: []"]
    return {"yaml": "\n".join(lines) + "\n", "json": json.dumps(data, indent=1) + "\n"}


def best(fn: object, repeat: int = 3) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main(sizes: list[int]) -> None:
    print(f"{'records':>8} {'format':<5} {'MB':>6} {'load s':>8} {'cpu s':>7} {'locate s':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for records in sizes:
            for fmt, text in model_text(records).items():
                path = Path(folder) / f"m{records}.{fmt}"
                path.write_text(text, encoding="utf-8")
                wall, cpu = best(lambda p=path: govmodel.load(p))
                model = govmodel.load(path)
                start = time.perf_counter()
                model.location_of(model.delegations[-1].id if model.delegations else "o0")
                locate = time.perf_counter() - start
                mb = path.stat().st_size / 1e6
                print(f"{records:>8} {fmt:<5} {mb:>6.1f} {wall:>8.2f} {cpu:>7.2f} {locate:>9.3f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
