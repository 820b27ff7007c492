"""``govmodel diff``: what changed between two models, for a board paper or a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govmodel.cli.common import Command, iso_date, load_model
from govmodel.errors import UsageError

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "old", help="the model before: a model file, a scenario file or a bundled example's name"
    )
    p.add_argument("new", help="the model after (the same choices)")
    p.add_argument(
        "--on",
        type=iso_date,
        help="judge both models on this date (default: each on its own as_of)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")


def _load(name: str) -> GovernanceModel:
    """A model (or scenario) file, or else the bundled example of that name."""
    from govmodel import examples

    if Path(name).exists():
        return load_model(name)
    if name in examples.names():
        return examples.load(name)
    raise UsageError(
        f"{name}: no such file, nor a bundled example of that name. Give a model file, "
        f"or one of the examples: {', '.join(examples.names())}."
    )


def _run(args: argparse.Namespace) -> int:
    from govmodel.compare import diff

    result = diff(_load(args.old), _load(args.new), on=args.on)
    sys.stdout.write(result.to_json() if args.format == "json" else str(result))
    return 0


COMMAND = Command(
    name="diff",
    help="what changed between two models: records, verdicts, findings, accountability",
    configure=_configure,
    run=_run,
)
