"""``govmodel test``: run case files like a test suite (dots, failures, a summary)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govmodel.cli.common import Command, emit
from govmodel.errors import OverwriteRefused, UsageError

if TYPE_CHECKING:
    from govmodel.cases.runner import Outcome

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="case files, or folders to search for *.cases.yaml",
    )
    p.add_argument("--junit", metavar="FILE", help="also write the results as JUnit XML")
    p.add_argument("--force", action="store_true", help="replace the JUnit FILE if it exists")
    p.add_argument("--rules", action="store_true", help="run the rulebook's own cases too")
    p.add_argument(
        "--examples", action="store_true", help="run the bundled examples' case files too"
    )


class _Marks:
    """Prints one line of marks per file as the cases run (what ``Results.render``
    prints first)."""

    def __init__(self) -> None:
        self.file: str | None = None

    def __call__(self, outcome: Outcome) -> None:
        from govmodel.cases.results import MARK

        if outcome.file != self.file:
            sys.stdout.write(("\n" if self.file is not None else "") + f"{outcome.file} ")
            self.file = outcome.file
        sys.stdout.write(MARK[outcome.status])
        sys.stdout.flush()


def _run(args: argparse.Namespace) -> int:
    from govmodel import examples
    from govmodel.cases import run_cases

    paths = [*args.paths, *(examples.case_files() if args.examples else [])]
    if not paths and not args.rules:
        raise UsageError("give case files or folders (PATH...), --examples or --rules")
    if args.junit and args.junit != "-" and Path(args.junit).exists() and not args.force:
        raise OverwriteRefused(
            f"{args.junit} already exists; pass --force to replace it, or choose another path."
        )
    marks = _Marks()
    results = run_cases(paths, rules=args.rules, progress=marks)
    if marks.file is not None:
        sys.stdout.write("\n")
    failures = results.failures()
    if failures:
        sys.stdout.write("\n" + failures + "\n")
    sys.stdout.write("\n" + results.summary() + "\n")
    if args.junit:
        emit(results.junit(), args.junit, force=True)
    return results.exit_code


COMMAND = Command(
    name="test",
    help="run case files (expected verdicts, findings, traces, who decides) as tests",
    configure=_configure,
    run=_run,
)
