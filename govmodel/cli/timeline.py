"""``govmodel timeline``: how the verdicts for one mix of parties changed over time."""

from __future__ import annotations

import argparse
from pathlib import Path

from govmodel.cli.common import (
    Command,
    emit,
    iso_date,
    parties_given,
    party_option,
    to_json,
    write_stdout,
)
from govmodel.errors import UsageError

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    party_option(p)
    p.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        help="first date (default, and at the earliest: the first day every party's type existed)",
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
    p.add_argument(
        "--all", action="store_true", help="show every form, also those about other party types"
    )
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel.law.timeline import timeline

    if not args.party:
        raise UsageError("give at least one --party TYPE[=NAME]")
    parties = parties_given(args.party)
    if args.start and args.end and args.end < args.start:
        raise UsageError(f"--to {args.end} is before --from {args.start}")
    result = timeline(parties, start=args.start, end=args.end)
    if args.output:
        if Path(args.output).suffix.lower() != ".svg" and args.output != "-":
            raise UsageError(f"-o {args.output}: the chart is SVG; end the name in .svg")
        from govmodel.render.chart import timeline_svg

        emit(timeline_svg(result, every_form=args.all), args.output, force=args.force)
        return 0
    if args.format == "json":
        write_stdout(to_json(result.to_dict()))
        return 0
    write_stdout(result.render(every_form=args.all))
    return 0


COMMAND = Command(
    name="timeline",
    help="how the verdicts for a mix of parties changed over time, and which rules changed them",
    configure=_configure,
    run=_run,
)
