"""``govmodel timeline``: how the verdicts for one mix of parties changed over time."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from govmodel.cli.common import Command, emit, iso_date, to_json, write_stdout
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="TYPE[=NAME]",
        help="a party type or alias, optionally named (repeat for each party)",
    )
    p.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        help="first date (default: the first day every party's type existed and a rule applied)",
    )
    p.add_argument(
        "--to",
        dest="end",
        type=iso_date,
        help="last date (default: the last day every party's type existed, or the last "
        "date a rule starts or ends)",
    )
    p.add_argument("-o", "--output", help="write the chart here (.svg)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _default_period(parties: list[Any]) -> tuple[date, date]:
    """The longest period every party's type existed, within the rulebook's dates."""
    from datetime import timedelta

    from govmodel.law.parties import PARTY_TYPES
    from govmodel.law.rules import RULEBOOK
    from govmodel.law.verdicts import parties_from

    bounds = [r.in_force.start for r in RULEBOOK if r.in_force.start]
    bounds += [r.in_force.end + timedelta(days=1) for r in RULEBOOK if r.in_force.end]
    start, end = min(bounds), max(bounds)
    for p in parties_from(parties):
        existed = PARTY_TYPES[p.type].existed
        start = max(start, existed.start or start)
        end = min(end, existed.end or end)
    return start, end


def _run(args: argparse.Namespace) -> int:
    from govmodel.law.timeline import timeline

    if not args.party:
        raise UsageError("give at least one --party TYPE[=NAME]")
    parties: list[Any] = []
    for spec in args.party:
        ptype, _, name = spec.partition("=")
        parties.append((ptype, name) if name else ptype)
    start, end = _default_period(parties)
    start, end = args.start or start, args.end or end
    try:
        result = timeline(parties, start=start, end=end)
    except ValueError as exc:  # a party type that did not exist for the whole period
        raise UsageError(str(exc)) from None
    if args.output:
        if Path(args.output).suffix.lower() != ".svg" and args.output != "-":
            raise UsageError(f"-o {args.output}: the chart is SVG; end the name in .svg")
        from govmodel.render.chart import timeline_svg

        emit(timeline_svg(result), args.output, force=args.force)
        return 0
    if args.format == "json":
        first = next(iter(result), None)
        data = {
            "from": result.start.isoformat(),
            "to": result.end.isoformat(),
            "parties": first.to_dict()["parties"] if first else [],
            "changes": [
                {
                    "on": r.on.isoformat(),
                    "forms": [
                        {
                            "form": v.form.value,
                            "verdict": v.verdict.value,
                            "eligible": list(v.eligible),
                        }
                        for v in r
                    ],
                }
                for r in result
            ],
        }
        write_stdout(to_json(data))
        return 0
    write_stdout(str(result))
    return 0


COMMAND = Command(
    name="timeline",
    help="how the verdicts for a mix of parties changed over time (table, JSON or SVG chart)",
    configure=_configure,
    run=_run,
)
