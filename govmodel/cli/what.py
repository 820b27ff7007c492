"""``govmodel what``: every matter a body or post can decide, and through which chain."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, answer, iso_date, judged_model, what_if_options

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("holder", help="id of a body or post (e.g. eput.board)")
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    what_if_options(p)


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.authority import what_can_decide

    model = judged_model(args)
    found = what_can_decide(model, args.holder, on=args.on)
    lines = [f"What {args.holder} can decide on {found.on.isoformat()}:"]
    for g in found:
        limit = "no limit" if g.limit is None else f"up to £{g.limit:,}"
        how = "holds it by statute" if g.statutory else " -> ".join(g.chain)
        lines.append(f"  {g.matter:<34} for {g.organisation:<14} {limit:<18} {how}")
    if not found:
        lines.append("  nothing: no delegation in force reaches it, and it holds no matter itself")
    answer(
        "\n".join(lines) + "\n",
        found.to_dict(),
        json_format=args.format == "json",
        assumed=model.assumed,
        source=model.source,
    )
    return 0


COMMAND = Command(
    name="what",
    help="what a body or post can decide, and through which chain",
    configure=_configure,
    run=_run,
)
