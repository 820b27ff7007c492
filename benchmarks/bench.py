"""Benchmark govmodel on generated England-shaped models, against a networkx floor.

Run with ``make bench`` (or ``python benchmarks/bench.py --help``). For each
size the parent process generates a model with ``benchmarks/generate.py``
(seeded), writes it as YAML and as JSON, and starts one child process that
measures, on that one model:

- ``load_yaml`` and ``load_json``: ``govmodel.load`` of each file;
- ``check``: ``govmodel.check(model)``;
- ``trace``: ``govmodel.trace`` of several subjects (a joint committee, a
  place board, a trust committee, a budget holder deep in a scheme, a PCN
  board, a practice manager); the median is over all subjects;
- ``who_can_decide``: one matter (``approve_expenditure``, the most delegated);
- ``what_can_decide``: one holder (a trust's chief executive);
- ``forms``: the verdicts for the parties of one joint committee (an ICB and
  its trusts);
- ``dot_focus``: ``govmodel.draw(model, focus=...)`` of one council (about 40
  drawn nodes) and its DOT source;
- ``bfs_floor``: the floor, a one-way breadth-first search with networkx over
  ``model.to_networkx()`` of the same model, from the roots of its
  condensation, so that it visits every node and follows every edge once.

Every operation is called once to warm up (that time is kept as ``first``),
then timed until it has at least ``--runs`` samples and ``--target`` seconds
of samples (at most 1,000; the floor gets six times both, being the
denominator of every ratio); the table gives the median. Garbage is collected
before the warm-up and before each sample that follows one slower than 50 ms
(collecting before fast samples would only measure cold caches); the
collector stays on, as in real use. Each operation at each size has a time
budget (``--budget`` seconds, warm-up included): an operation whose first
call exceeds it is interrupted, reported as ``> budget`` and not run at the
larger sizes. When the first call takes more than a third of the budget, it
is the only sample (``runs`` 1; for ``trace`` that is the warm-up subject, a
trust's quality committee). When a later sample is cut off by the budget,
the samples already taken stand (``partial`` in the JSON).

Peak memory is the child process's peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), one process per size: after
the first load of the YAML file (the interpreter, govmodel and one model),
and at the end, with every operation run (that includes a second model held
while loading again). ``import govmodel``
and ``import networkx`` are each timed in fresh interpreters.

Ratios divide by the floor at the same size, measured in the same process;
growth per doubling is ``(t2 / t1) ** (1 / log2(n2 / n1))`` between
neighbouring sizes (n in nodes: organisations, bodies, posts, delegations,
agreements and contracts). Times are wall-clock on this machine: compare
runs on one machine (``--json``, ``--compare``), not across machines.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/ is not a package)

OPERATIONS = (
    "load_yaml",
    "load_json",
    "check",
    "trace",
    "who_can_decide",
    "what_can_decide",
    "forms",
    "dot_focus",
    "bfs_floor",
)
SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 60_000, 120_000)
QUICK_SIZES = (300, 600)
MATTER = "approve_expenditure"


class OverBudget(Exception):
    """An operation ran past its time budget."""


# -- timing (child process) --------------------------------------------------------------


def _alarm(signum: int, frame: object) -> None:
    raise OverBudget


def measure(
    calls: Sequence[Callable[[], object]],
    *,
    budget: float,
    runs: int,
    warmup: Callable[[], object] | None = None,
    target: float = 1.0,
    max_runs: int = 1000,
) -> dict[str, Any]:
    """Time ``calls`` (one sample per call per round) within ``budget`` seconds.

    ``warmup`` (default: the first call) runs once first and is timed as
    ``first``; a warm-up longer than a third of the budget is the only sample
    (``runs`` 1; with a separate ``warmup``, that is its call). Then rounds of
    all ``calls`` run until there are ``runs`` samples and ``target`` seconds of
    them, or ``max_runs``
    samples, or the next call would pass the budget. A call still running at
    the budget is interrupted: with no sample yet the operation is over
    budget, otherwise the samples taken so far stand (``partial``).
    """
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    began = time.perf_counter()
    samples: list[float] = []
    first = math.nan
    partial = False
    try:
        gc.collect()
        start = time.perf_counter()
        (warmup or calls[0])()
        first = time.perf_counter() - start
        if first > budget / 3:
            samples = [first]
        else:
            done = False
            while not done:
                for call in calls:
                    if samples and (
                        time.perf_counter() - began + statistics.median(samples) > budget
                    ):
                        done = True
                        break
                    if samples and samples[-1] > 0.05:
                        gc.collect()
                    start = time.perf_counter()
                    call()
                    samples.append(time.perf_counter() - start)
                enough = len(samples) >= runs and sum(samples) >= target
                done = done or enough or len(samples) >= max_runs
    except OverBudget:
        if not samples:
            return {"status": "over_budget", "budget": budget}
        partial = True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {
        "status": "ok",
        "median": statistics.median(samples),
        "first": first,
        "runs": len(samples),
        "partial": partial,
        "samples": samples,
    }


def _floor_roots(graph: Any) -> list[Any]:
    """One node of each source component of ``graph``'s condensation (sorted), so that a
    one-way search from them reaches every node."""
    import networkx as nx

    condensed = nx.condensation(graph)
    members = condensed.graph["mapping"]
    first: dict[int, Any] = {}
    for node in sorted(graph.nodes, key=str):
        first.setdefault(members[node], node)
    return [first[c] for c in sorted(condensed.nodes) if condensed.in_degree(c) == 0]


def _subjects(model: Any) -> dict[str, Any]:
    """The records the queries are asked about: the same places of system 1 at every
    size, so that growth shows the cost of the rest of the model."""
    ids = set(model.ids())
    wanted = [
        "s01.jc",
        "s01.place_la1.board",
        "s01.t1.audit",
        "s01.t1.cfo.officer1.manager",
        "s01.pcn1.network_board",
        "s01.gp1.manager",
    ]
    trace = [i for i in wanted if i in ids]
    joint = next((b for b in ("s01.jc", "s01.place_la1.board") if b in ids), model.bodies[0].id)
    return {
        "trace": trace,
        "trace_warmup": "s01.t1.quality" if "s01.t1.quality" in ids else trace[0],
        "what": "s01.t1.ceo",
        "who": MATTER,
        "forms": joint,
        "focus": "s01.la1" if "s01.la1" in ids else model.organisations[0].id,
    }


def _dot_nodes(source: str) -> int:
    """Node statements in DOT source (lines ``"id" [...]`` that are not edges)."""
    return sum(
        1
        for line in source.splitlines()
        if line.lstrip().startswith('"') and "->" not in line and " [" in line
    )


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """Measure every operation on one model, in this process."""
    import govmodel

    budget, runs, skip = spec["budget"], spec["runs"], set(spec["skip"])
    target = spec["target"]
    out: dict[str, Any] = {"ops": {}}

    def run(
        name: str,
        calls: Sequence[Callable[[], object]],
        *,
        warmup: Callable[[], object] | None = None,
        scale: int = 1,
    ) -> None:
        if name in skip:
            out["ops"][name] = {"status": "skipped", "budget": budget}
            return
        print(f"  {spec['label']}: {name} ...", file=sys.stderr, flush=True)
        out["ops"][name] = measure(
            calls, budget=budget, runs=runs * scale, target=target * scale, warmup=warmup
        )
        result = out["ops"][name]
        shown = (
            f"{result['median'] * 1000:.1f} ms x{result['runs']}"
            if result["status"] == "ok"
            else "> budget"
        )
        print(f"  {spec['label']}: {name} {shown}", file=sys.stderr, flush=True)

    # Loading: the model the other operations use is the one loaded from YAML.
    loaded: dict[str, Any] = {}

    def load_yaml() -> None:
        loaded["model"] = govmodel.load(spec["yaml"])
        out.setdefault("peak_rss_load_mb", _peak_rss_mb())

    run("load_yaml", [load_yaml])
    model = loaded["model"] if "model" in loaded else govmodel.load(spec["yaml"])
    run("load_json", [lambda: govmodel.load(spec["json"])])
    graph = model.to_networkx()
    out["graph_nodes"] = graph.number_of_nodes()
    out["graph_edges"] = graph.number_of_edges()
    subjects = _subjects(model)
    out["subjects"] = subjects

    import networkx as nx

    roots = _floor_roots(graph)
    reached = sum(len(layer) for layer in nx.bfs_layers(graph, roots))
    out["floor_coverage"] = reached / max(1, graph.number_of_nodes())
    # The floor is the denominator of every ratio: six times the samples, to steady it.
    run("bfs_floor", [lambda: sum(len(layer) for layer in nx.bfs_layers(graph, roots))], scale=6)

    run("check", [lambda: govmodel.check(model)])
    run(
        "trace",
        [lambda s=s: govmodel.trace(model, s) for s in subjects["trace"]],
        warmup=lambda: govmodel.trace(model, subjects["trace_warmup"]),
    )
    run("who_can_decide", [lambda: govmodel.who_can_decide(model, subjects["who"])])
    run("what_can_decide", [lambda: govmodel.what_can_decide(model, subjects["what"])])
    parties = [model.organisation(o) for o in model.body(subjects["forms"]).organisations]
    out["forms_parties"] = len(parties)
    run("forms", [lambda: govmodel.forms(parties, on=model.as_of)])
    source = govmodel.draw(model, focus=subjects["focus"]).source
    out["focus_nodes"] = _dot_nodes(source)
    run("dot_focus", [lambda: govmodel.draw(model, focus=subjects["focus"]).source])
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def _peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (``ru_maxrss`` is in KB here)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def examples(budget: float, runs: int, target: float) -> list[dict[str, Any]]:
    """The bundled examples (real arrangements, a few dozen records): load, check, forms,
    and one timeline of verdicts."""
    from datetime import date

    import govmodel

    rows = []
    for name in govmodel.examples.names():
        text = govmodel.examples.text(name)
        model = govmodel.loads(text)
        ops = {
            "load_yaml": measure(
                [lambda t=text: govmodel.loads(t)], budget=budget, runs=runs, target=target
            ),
            "check": measure(
                [lambda m=model: govmodel.check(m)], budget=budget, runs=runs, target=target
            ),
            "forms": measure([model.forms], budget=budget, runs=runs, target=target),
        }
        nodes = sum(len(getattr(model, c)) for c in generate.COLLECTIONS)
        rows.append({"example": name, "nodes": nodes, "ops": ops})
    span = measure(
        [
            lambda: govmodel.law.timeline(
                ["ft", "ft", "cic"], start="2005-07-01", end=date(2026, 11, 22)
            )
        ],
        budget=budget,
        runs=runs,
        target=target,
    )
    rows.append({"example": "timeline FT+FT+CIC 2005-2026", "nodes": 0, "ops": {"timeline": span}})
    return rows


# -- the parent: sizes, imports, table ---------------------------------------------------


def import_time(module: str, repeat: int) -> dict[str, Any]:
    """Median seconds to import ``module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    samples = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        samples.append(float(done.stdout.strip()))
    return {
        "status": "ok",
        "median": statistics.median(samples),
        "runs": repeat,
        "samples": samples,
    }


def run_size(
    target: int,
    *,
    seed: int,
    budget: float,
    runs: int,
    sample_time: float,
    skip: set[str],
    workdir: Path,
) -> dict[str, Any]:
    """Generate the model of about ``target`` nodes and measure it in a child process."""
    model = generate.generate(target, seed=seed)
    nodes = generate.count_nodes(model)
    yaml_path = generate.dump(model, workdir / f"model-{target}.yaml")
    json_path = generate.dump(model, workdir / f"model-{target}.json")
    del model
    spec = {
        "yaml": str(yaml_path),
        "json": str(json_path),
        "budget": budget,
        "runs": runs,
        "target": sample_time,
        "skip": sorted(skip),
        "label": f"{nodes} nodes",
    }
    load_before = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(
        target=target,
        nodes=nodes,
        yaml_mb=yaml_path.stat().st_size / 1e6,
        json_mb=json_path.stat().st_size / 1e6,
        loadavg=[load_before, os.getloadavg()[0]],
    )
    yaml_path.unlink()
    json_path.unlink()
    return result


def derive(results: list[dict[str, Any]]) -> None:
    """Add each operation's ratio to the floor and its growth per doubling."""
    for i, res in enumerate(results):
        floor = res["ops"].get("bfs_floor", {})
        for name, op in res["ops"].items():
            if op["status"] != "ok":
                continue
            if floor.get("status") == "ok":
                op["ratio"] = op["median"] / floor["median"]
            if i == 0:
                continue
            prev = results[i - 1]
            before = prev["ops"].get(name, {})
            if before.get("status") == "ok" and res["nodes"] > prev["nodes"]:
                doublings = math.log2(res["nodes"] / prev["nodes"])
                op["growth"] = (op["median"] / before["median"]) ** (1 / doublings)


def _ms(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1000:.3f} ms"


def table(report: dict[str, Any]) -> str:
    """The results as one Markdown table."""
    head = (
        "| size (nodes / edges) | operation | median | first call | runs | x floor "
        "| growth per doubling | peak RSS (one load / all) |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for res in report["results"]:
        size = f"{res['nodes']:,} / {res.get('graph_edges', 0):,}"
        notes = {
            "load_yaml": f"load YAML ({res['yaml_mb']:.1f} MB)",
            "load_json": f"load JSON ({res['json_mb']:.1f} MB)",
            "trace": f"trace (median of {len(res.get('subjects', {}).get('trace', []))} subjects)",
            "forms": f"forms ({res.get('forms_parties', '?')} parties)",
            "dot_focus": f"DOT focus ({res.get('focus_nodes', '?')} nodes)",
            "bfs_floor": "networkx BFS floor",
        }
        rss = (
            f"{res['peak_rss_load_mb']:,.0f} / {res['peak_rss_mb']:,.0f} MB"
            if "peak_rss_load_mb" in res
            else ""
        )
        for name in OPERATIONS:
            op = res["ops"].get(name, {"status": "skipped"})
            label = notes.get(name, name)
            if op["status"] == "ok":
                cells = [
                    _ms(op["median"]),
                    _ms(op["first"]),
                    str(op["runs"]),
                    f"{op['ratio']:,.1f}" if "ratio" in op else "",
                    f"{op['growth']:.2f}x" if "growth" in op else "",
                ]
            else:
                cells = [f"> budget ({op.get('budget', 0):g} s)", "", "", "", ""]
                if op["status"] == "skipped":
                    cells[0] += ", skipped"
            lines.append(f"| {size} | {label} | " + " | ".join(cells) + f" | {rss} |")
            size, rss = "", ""
    for row in report.get("examples", []):
        size = f"{row['example']} ({row['nodes']} nodes)" if row["nodes"] else row["example"]
        for name, op in row["ops"].items():
            cells = (
                f"{_ms(op['median'])} | {_ms(op['first'])} | {op['runs']}"
                if op["status"] == "ok"
                else f"> budget ({op['budget']:g} s) | |"
            )
            lines.append(f"| {size} | {name} | {cells} | | | |")
            size = ""
    imports = report.get("imports", {})
    if imports:
        nx_time = imports["networkx"]["median"]
        for module in ("govmodel", "networkx"):
            t = imports[module]["median"]
            lines.append(
                f"| - | import {module} (fresh process) | {_ms(t)} | | {imports[module]['runs']}"
                f" | {t / nx_time:.2f} (x import networkx) | | |"
            )
    return "\n".join(lines)


def compare(report: dict[str, Any], old: dict[str, Any]) -> str:
    """How many times faster each operation is than in ``old`` (same target sizes)."""
    before = {r["target"]: r for r in old["results"]}
    lines = ["| size | operation | before | now | speed-up |", "|---|---|---|---|---|"]
    for res in report["results"]:
        prev = before.get(res["target"])
        if prev is None:
            continue
        for name in OPERATIONS:
            a, b = prev["ops"].get(name, {}), res["ops"].get(name, {})
            if a.get("status") == "ok" and b.get("status") == "ok":
                lines.append(
                    f"| {res['target']:,} | {name} | {_ms(a['median'])} | {_ms(b['median'])} "
                    f"| {a['median'] / b['median']:.1f}x |"
                )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import networkx

    import govmodel

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "govmodel": govmodel.__version__,
        "networkx": networkx.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time govmodel's operations on generated models of several sizes."
    )
    parser.add_argument("--sizes", help="comma-separated node counts (default: 1k to 120k)")
    parser.add_argument("--quick", action="store_true", help="a small smoke run (300, 600)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--budget", type=float, default=120.0, help="seconds per operation per size (120)"
    )
    parser.add_argument("--runs", type=int, default=5, help="least samples per operation (5)")
    parser.add_argument(
        "--target", type=float, default=1.0, help="least seconds of samples per operation (1)"
    )
    parser.add_argument("--import-runs", type=int, default=5, help="fresh imports timed (5)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--compare", type=Path, help="a previous --json file to compare with")
    parser.add_argument("--examples", action="store_true", help="also time the bundled examples")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0

    if args.sizes:
        sizes = [int(s.replace("_", "").replace("k", "000")) for s in args.sizes.split(",")]
    else:
        sizes = list(QUICK_SIZES if args.quick else SIZES)
    runs = min(args.runs, 3) if args.quick else args.runs
    sample_time = min(args.target, 0.2) if args.quick else args.target
    import_runs = min(args.import_runs, 3) if args.quick else args.import_runs
    report: dict[str, Any] = {
        "machine": machine(),
        "settings": {
            "seed": args.seed,
            "budget": args.budget,
            "runs": runs,
            "target": sample_time,
            "sizes": sizes,
        },
        "imports": {
            "govmodel": import_time("govmodel", import_runs),
            "networkx": import_time("networkx", import_runs),
        },
        "results": [],
    }
    over: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="govmodel-bench-") as tmp:
        for size in sorted(sizes):
            print(f"size {size:,}", file=sys.stderr, flush=True)
            res = run_size(
                size,
                seed=args.seed,
                budget=args.budget,
                runs=runs,
                sample_time=sample_time,
                skip=over,
                workdir=Path(tmp),
            )
            report["results"].append(res)
            over |= {n for n, op in res["ops"].items() if op["status"] != "ok"}
    derive(report["results"])
    if args.examples:
        report["examples"] = examples(args.budget, runs, sample_time)
    m = report["machine"]
    loads = [x for r in report["results"] for x in r["loadavg"]]
    print(
        f"govmodel {m['govmodel']} on {m['cpu']} ({m['cores']} cores), Python {m['python']}, "
        f"networkx {m['networkx']}, {m['date'][:10]}; seed {args.seed}, budget "
        f"{args.budget:g} s per operation; peak RSS = ru_maxrss of the process measuring "
        f"that size; 1-minute load average {min(loads):.1f} to {max(loads):.1f} (the "
        "benchmark itself adds 1)"
    )
    print()
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        print()
        print(compare(report, json.loads(args.compare.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
