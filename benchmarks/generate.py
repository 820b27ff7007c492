"""Generate a seeded, England-shaped governance model of any size.

The model is built as plain dicts in the documented model-file format
(docs/model-files.md, ``govmodel schema``), so it uses only govmodel's outside
contract and survives any restructuring of the package. At 60,000 nodes it
has about the shape of the English NHS in 2024 (England itself: 42 ICBs,
210 trusts, 150 councils, 3,000 GP practices or PCNs, 800 companies, CICs and
charities, 200,000 edges); with seed 1 it has 40 integrated care systems,
202 NHS trusts and foundation trusts, 144 councils, about 2,900 GP practices,
PCN companies and GP federations, about 750 companies, CICs and charities
and 180,000 graph edges, in a 12 MB YAML file. Other sizes scale every count
in proportion; the smallest model is one whole system of about 430 nodes,
whatever smaller size is asked for.

"Nodes" counts records: organisations, bodies, posts, delegations,
agreements and contracts (the graph of ``model.to_networkx()`` has the
delegations as edges). Each integrated care system gets:

- an ICB with its board, statutory committees and scheme of delegation, and
  NHS England's delegation agreement for primary care services;
- NHS trusts and foundation trusts: boards, councils of governors for
  foundation trusts, audit and other committees, sub-committees, clinical
  divisions, executive and non-executive directors, officers and budget
  holders, schemes of delegation with limits and onward delegation;
- councils with full council, cabinet, committees, health and wellbeing
  board and scrutiny;
- GP practices in primary care networks (network agreements; every third PCN
  incorporated as a company), GP federations, companies, CICs and charities;
- joint committees under s.65Z5 NHS Act 2006 (ICB and trusts, from 2023),
  committees in common, s.75 place boards (ICB and council) with section 75
  agreements, an alliance, a contractual joint venture, a lead-provider
  contract and its subcontracts, enhanced-service and framework contracts, an
  information sharing agreement and an MOU;
- dated records and a few ended ones (predecessor CCGs, a merged trust, a
  closed practice, a superseded scheme of delegation, a departed interim
  post, last year's contracts).

Legally plausible on the model's ``as_of`` date (2024-06-01 by default):
only party types and forms that exist then; foundation-trust boards delegate
only to committees of their own directors, executive directors or s.65Z5
joint committees; limits fall along each chain. Half of the systems carry
one typical drafting fault in one trust's scheme (a committee with no
reporting line, an unreachable quorum, a board delegating to an officer, a
limit typed too high) so that ``govmodel check`` has something to report;
it also reports the overlapping budget holders (GM605, info) and each
committees in common (GM503). The model is synthetic: names and codes are
invented.

Usage::

    python benchmarks/generate.py --nodes 60000 --seed 1 -o /tmp/england.yaml
    python benchmarks/generate.py --nodes 10000 --seed 2 -o /tmp/ics.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from england.records import COLLECTIONS, Records, count_nodes
from england.system import build_system

__all__ = ["ENGLAND", "count_nodes", "dump", "generate", "main"]

#: Organisation counts of the 60,000-node England model.
ENGLAND = {"icb": 42, "trust": 210, "council": 150, "primary": 3000, "third": 800}
ENGLAND_NODES = 60_000


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` near-equal counts, the remainder spread at random."""
    base = [total // parts] * parts
    for i in rng.sample(range(parts), total % parts):
        base[i] += 1
    return base


def _build(scale: float, seed: int, as_of: str) -> dict[str, Any]:
    g = Records(seed, as_of)
    n_icb = max(1, round(ENGLAND["icb"] * scale))
    totals = {
        "trust": max(2 * n_icb, round(ENGLAND["trust"] * scale)),
        "council": max(n_icb, round(ENGLAND["council"] * scale)),
        "primary": max(8 * n_icb, round(ENGLAND["primary"] * scale)),
        "third": max(4 * n_icb, round(ENGLAND["third"] * scale)),
    }
    per = {k: _split(v, n_icb, g.rng) for k, v in totals.items()}
    nhse = {"id": "nhse", "board": "nhse.board"}
    g.org("nhse", "NHS England", "nhs_england", ods="X24", start="2013-04-01")
    g.post("nhse.chair", "NHS England chair", "chair", "nhse")
    g.post("nhse.ceo", "NHS England chief executive", "chief_executive", "nhse")
    g.body(
        "nhse.board",
        "NHS England board",
        "board",
        ["nhse"],
        [g.member("nhse.chair", role="chair"), g.member("nhse.ceo")],
    )
    for n in range(1, n_icb + 1):
        primary = per["primary"][n - 1]
        federation = max(1, primary // 60)
        counts = {
            "trust": per["trust"][n - 1],
            "council": per["council"][n - 1],
            "third": per["third"][n - 1],
            "federation": federation,
            "practice": max(4, primary - federation - primary // 18),
            "ccg": 2 if n % 3 else 3,
            "merged": int(n % 7 == 1),
            "closed": int(n % 2 == 1),
        }
        build_system(g, n, counts, nhse)
    return {
        "name": f"England-shaped benchmark model ({n_icb} integrated care systems, seed {seed})",
        "as_of": as_of,
        "description": "A synthetic model generated by benchmarks/generate.py: invented names "
        "and codes in the shape of the English NHS.",
        "organisations": g.m["organisations"],
        "bodies": g.m["bodies"],
        "posts": g.m["posts"],
        "delegations": g.m["delegations"],
        "agreements": g.m["agreements"],
        "contracts": g.m["contracts"],
        "notes": ["Synthetic: every name, code, limit and date is invented."],
    }


def generate(nodes: int, *, seed: int = 1, as_of: str = "2024-06-01") -> dict[str, Any]:
    """A model (plain dicts, the model-file format) with about ``nodes`` nodes.

    The same ``nodes`` and ``seed`` always give the same model. The scale is
    corrected a few times towards ``nodes`` and the closest model is kept
    (within a few per cent; one trust is about 100 nodes, so small models
    land less close).
    """
    if nodes < 100:
        raise ValueError(f"nodes must be at least 100, not {nodes}")
    scale = nodes / ENGLAND_NODES
    best: dict[str, Any] | None = None
    for _ in range(6):
        model = _build(scale, seed, as_of)
        got = count_nodes(model)
        if best is None or abs(got - nodes) < abs(count_nodes(best) - nodes):
            best = model
        if abs(got - nodes) <= 0.02 * nodes:
            break
        scale *= nodes / got
    assert best is not None
    return best


def dump(model: dict[str, Any], path: str | Path) -> Path:
    """Write ``model`` as YAML or JSON (by the suffix of ``path``)."""
    import yaml

    out = Path(path)
    if out.suffix.lower() == ".json":
        out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    else:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(model, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
        out.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=10_000, help="about how many nodes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2024-06-01", help="the model's date (ISO)")
    parser.add_argument("-o", "--output", required=True, help="FILE.yaml or FILE.json")
    args = parser.parse_args(argv)
    model = generate(args.nodes, seed=args.seed, as_of=args.as_of)
    path = dump(model, args.output)
    sizes = ", ".join(f"{len(model[c])} {c}" for c in COLLECTIONS)
    print(
        f"{path}: {count_nodes(model)} nodes ({sizes}), {path.stat().st_size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
