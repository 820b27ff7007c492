"""``govmodel trace``: accountability paths from a body, post or delegation."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, answer, iso_date, judged_model, what_if_options

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument("subject", help="id of a body, post, delegation or organisation")
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    what_if_options(p)


def _run(args: argparse.Namespace) -> int:
    from govmodel.analysis.trace import trace

    model = judged_model(args)
    result = trace(model, args.subject, on=args.on)
    answer(
        str(result),
        result.to_dict(),
        json_format=args.format == "json",
        assumed=model.assumed,
        source=model.source,
    )
    return 0


COMMAND = Command(
    name="trace",
    help="accountability paths from a body, post or delegation",
    configure=_configure,
    run=_run,
)
