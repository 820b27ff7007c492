"""What every command shares: the :class:`Command` record, argument types and output.

Nothing here registers anything: :mod:`govmodel.cli.main` lists the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.errors import OverwriteRefused

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["Command", "emit", "iso_date", "load_model", "pounds", "to_json"]


@attrs.frozen(kw_only=True)
class Command:
    """One sub-command: its name and help, how it sets up its arguments, what it runs.

    ``run`` returns the exit code: 0 success, 1 the command worked and found
    errors; it raises a :class:`~govmodel.errors.GovModelError` for unusable
    input (exit 2).
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def iso_date(text: str) -> date:
    """argparse type for ``--on``: an ISO date with a helpful error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-09-01"
        ) from None


def pounds(text: str) -> int:
    """argparse type for sums of money: ``250000``, ``£250,000``, ``250k``."""
    from govmodel.model.money import parse_pounds

    try:
        return parse_pounds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def load_model(path: str) -> GovernanceModel:
    """Load a model file for a command (errors propagate as ModelError, exit 2)."""
    from govmodel.io.files import load

    return load(path)


def emit(
    text: str | bytes,
    output: str | None,
    *,
    protect: Sequence[str | None] = (),
    force: bool = False,
) -> None:
    """Print ``text`` (``output`` is ``None`` or ``-``), or write it atomically to
    ``output``, refusing an existing file unless ``force``."""
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    from govmodel.io.files import write_atomic

    if Path(output).exists() and not force and output not in protect:
        raise OverwriteRefused(
            f"{output} already exists; pass --force to replace it, or choose another path."
        )
    write_atomic(output, text, protect=tuple(protect))
    print(f"wrote {output}", file=sys.stderr)


def to_json(data: Any) -> str:
    """Deterministic JSON for ``--format json``."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
