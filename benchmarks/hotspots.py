"""Where the time goes: cProfile one benchmark operation on a generated model.

Usage::

    python benchmarks/hotspots.py check --nodes 10000
    python benchmarks/hotspots.py trace load_yaml dot_focus --nodes 10000 --top 15

Each operation runs once to warm up, once timed (with the share of that time
spent in the cyclic garbage collector, which cProfile charges to whichever
function happens to be running), then once under cProfile. The report
lists the functions with the most time of their own (``tottime``) and, for
each, its share of the profiled run, plus the heaviest call paths by
cumulative time. cProfile slows pure-Python code by about 1.5-2x, evenly
enough that the shares hold; the absolute times do not.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench
import generate


def operations(model: Any, yaml_path: Path) -> dict[str, Callable[[], object]]:
    """The benchmark's operations on ``model`` (subjects as in ``bench.py``)."""
    import govmodel

    subjects = bench._subjects(model)
    parties = [model.organisation(o) for o in model.body(subjects["forms"]).organisations]
    return {
        "load_yaml": lambda: govmodel.load(yaml_path),
        "load_json": lambda: govmodel.load(yaml_path.with_suffix(".json")),
        "check": lambda: govmodel.check(model),
        "trace": lambda: [govmodel.trace(model, s) for s in subjects["trace"]],
        "who_can_decide": lambda: govmodel.who_can_decide(model, subjects["who"]),
        "what_can_decide": lambda: govmodel.what_can_decide(model, subjects["what"]),
        "forms": lambda: govmodel.forms(parties, on=model.as_of),
        "dot_focus": lambda: govmodel.draw(model, focus=subjects["focus"]).source,
    }


class GcClock:
    """Wall time spent in the cyclic garbage collector while it is installed."""

    def __init__(self) -> None:
        self.total = 0.0
        self.collections = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._start
            self.collections += 1

    def __enter__(self) -> GcClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def report(profile: cProfile.Profile, top: int) -> str:
    """The ``top`` functions by own time, with their share, then by cumulative time."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])  # type: ignore[attr-defined]
    lines = [f"total {total:.2f} s under cProfile", "", "own time  share  calls  function"]
    for (path, line, name), (_, calls, own, cumulative, _) in rows[:top]:
        where = path.split("site-packages/")[-1].split("/govmodel/")[-1]
        lines.append(
            f"{own:8.2f}s {own / total:6.1%} {calls:>8}  {name} ({where}:{line})"
            f"  cum {cumulative:.2f}s"
        )
    stats.sort_stats("cumulative").print_stats(top)
    tail = "\n".join(
        line for line in out.getvalue().splitlines() if line.strip() and "{built-in" not in line
    )
    return "\n".join(lines) + "\n\nby cumulative time:\n" + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile benchmark operations with cProfile.")
    parser.add_argument("ops", nargs="+", choices=sorted(bench.OPERATIONS[:-1]))
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)

    import govmodel

    with tempfile.TemporaryDirectory() as tmp:
        data = generate.generate(args.nodes, seed=args.seed)
        yaml_path = generate.dump(data, Path(tmp) / "model.yaml")
        generate.dump(data, Path(tmp) / "model.json")
        model = govmodel.load(yaml_path)
        ops = operations(model, yaml_path)
        for name in args.ops:
            ops[name]()
            gc.collect()
            with GcClock() as clock:
                start = time.perf_counter()
                ops[name]()
                plain = time.perf_counter() - start
            profile = cProfile.Profile()
            gc.collect()
            profile.runcall(ops[name])
            print(
                f"== {name} at {generate.count_nodes(data)} nodes: {plain:.2f} s unprofiled, "
                f"of which {clock.total:.2f} s ({clock.total / plain:.0%}) in "
                f"{clock.collections} garbage collections"
            )
            print(report(profile, args.top))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
