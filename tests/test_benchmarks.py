"""The benchmark's generator and runner work at a tiny size (speed is never asserted here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import govmodel

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _module("generate")
bench = _module("bench")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_models_load_from_yaml_and_json_and_check_runs(seed: int, tmp_path: Path) -> None:
    """A generated model loads the same from YAML and JSON, and `check` reports on it."""
    model = generate.generate(300, seed=seed)
    assert generate.count_nodes(model) >= 300
    from_yaml = govmodel.load(generate.dump(model, tmp_path / "m.yaml"))
    from_json = govmodel.load(generate.dump(model, tmp_path / "m.json"))
    assert govmodel.dumps(from_yaml) == govmodel.dumps(from_json)
    report = govmodel.check(from_yaml)
    assert isinstance(report, govmodel.Report)


def test_the_generator_is_seeded() -> None:
    """The same size and seed give the same model; another seed gives another."""
    assert generate.generate(300, seed=7) == generate.generate(300, seed=7)
    assert generate.generate(300, seed=7) != generate.generate(300, seed=8)


def test_the_generator_uses_only_forms_and_types_in_existence_on_its_date() -> None:
    """Nothing the generator writes names a party type that did not exist on ``as_of``."""
    model = govmodel.loads(json.dumps(generate.generate(300, seed=4)))
    report = govmodel.check(model)
    codes = {f.code for f in report.findings}
    assert not codes & {"GM003", "GM101", "GM102", "GM103", "GM104", "GM105", "GM106"}
    assert not codes & {"GM403", "GM501", "GM502", "GM505"}


def test_the_bench_table_has_every_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tiny run prints one table with every operation and writes the same as JSON."""
    out = tmp_path / "bench.json"
    argv = ["--sizes", "300", "--quick", "--runs", "1", "--target", "0.01"]
    assert bench.main([*argv, "--import-runs", "1", "--json", str(out)]) == 0
    table = capsys.readouterr().out
    for label in (
        "load YAML",
        "load JSON",
        "check",
        "trace",
        "who_can_decide",
        "what_can_decide",
        "forms",
        "DOT focus",
        "networkx BFS floor",
        "import govmodel",
        "import networkx",
    ):
        assert label in table
    report = json.loads(out.read_text())
    (result,) = report["results"]
    assert set(result["ops"]) == set(bench.OPERATIONS)
    assert {op["status"] for op in result["ops"].values()} == {"ok"}
    assert result["floor_coverage"] == 1.0
