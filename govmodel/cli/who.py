"""``govmodel who``: who can decide a matter, and through which chain."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, answer, iso_date, judged_model, pounds, what_if_options

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("matter", help="matter id (e.g. approve_expenditure)")
    p.add_argument(
        "--amount",
        type=pounds,
        help="amount the decision involves, in pounds (250000, £250,000 or 250k)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    what_if_options(p)


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.authority import who_can_decide

    model = judged_model(args)
    on = model.resolve_on(args.on)
    holders = who_can_decide(model, args.matter, amount=args.amount, on=on)
    amount = f" for £{args.amount:,}" if args.amount is not None else ""
    lines = [f"Who can decide {args.matter}{amount} on {on.isoformat()}:"]
    for g in holders:
        limit = "no limit" if g.limit is None else f"up to £{g.limit:,}"
        lines.append(
            f"  {g.holder:<34} for {g.organisation:<14} {limit:<18} {' -> '.join(g.chain)}"
        )
    if not holders:
        lines.append("  nobody in the model")
    answer(
        "\n".join(lines) + "\n",
        holders.to_dict(),
        json_format=args.format == "json",
        assumed=model.assumed,
        source=model.source,
    )
    return 0


COMMAND = Command(
    name="who",
    help="who can decide a matter, and through which chain",
    configure=_configure,
    run=_run,
)
