"""``govmodel check``: scheme-of-delegation findings."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from govmodel.cli.common import (
    Command,
    answer,
    iso_date,
    judged_model,
    to_json,
    what_if_options,
    write_stdout,
)
from govmodel.errors import UsageError

if TYPE_CHECKING:
    from govmodel.checks.run import Run

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="model file to check")
    p.add_argument("--on", type=iso_date, help="date to check on (default: the model's as_of)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out findings with this code or name (repeatable)",
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="CODE",
        help="run only the checks with this code or name (repeatable)",
    )
    p.add_argument(
        "--fail-on-warning",
        action="store_true",
        help="exit 1 on unexpected warnings as well as errors",
    )
    p.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="FILE",
        help="check the local policies of this policy file too (repeatable); "
        "their codes are LOC001...",
    )
    p.add_argument(
        "--list-codes",
        action="store_true",
        help="list every finding code (with FILE or --policy: the local ones too)",
    )
    what_if_options(p)


def _list_codes(run: Run, fmt: str) -> int:
    for failure in run.failures:  # plugins that could not be used
        print(f"govmodel check: warning: {failure.message}. {failure.hint}", file=sys.stderr)
    specs = list(run.registry.values())
    if fmt == "json":
        write_stdout(
            to_json(
                [
                    {
                        "code": s.code,
                        "name": s.name,
                        "severity": s.severity.value,
                        "category": s.category.value,
                        "summary": s.summary,
                        "rules": list(s.rules),
                        "source": None if s.source is None else s.source.to_dict(),
                    }
                    for s in specs
                ]
            )
        )
        return 0
    width = max((len(s.code) for s in specs), default=5)
    write_stdout(
        "".join(
            f"{spec.code:<{width}}  {spec.severity.value:<7}  {spec.name:<42} {spec.summary}\n"
            for spec in specs
        )
    )
    return 0


def _run(args: argparse.Namespace) -> int:
    from govmodel.checks import check
    from govmodel.checks.run import checks_for, policy_sets, prepare

    sets = policy_sets(args.policy)
    model = judged_model(args) if args.file else None
    run = checks_for(sets) if model is None else prepare(model, policies=sets)
    if args.list_codes:
        return _list_codes(run, args.format)
    if model is None:
        raise UsageError("give a model FILE to check, or --list-codes")
    for code in [*args.ignore, *(args.select or [])]:
        if run.registry.lookup(code) is None:
            guess = run.registry.suggest(code)
            hint = f" Did you mean {' or '.join(repr(g) for g in guess)}?" if guess else ""
            raise UsageError(
                f"{code!r} is not a finding code or name.{hint} "
                "`govmodel check --list-codes` lists them (with FILE and --policy, the "
                "local policies' codes too)."
            )
    _check_model_codes(model, run)
    report = check(model, on=args.on, ignore=args.ignore, select=args.select, policies=sets)
    answer(
        str(report),
        report.to_dict(),
        json_format=args.format == "json",
        assumed=model.assumed,
        source=model.source,
    )
    return 0 if report.is_valid(fail_on_warning=args.fail_on_warning) else 1


def _check_model_codes(model: Any, run: Run) -> None:
    """The codes a model file names (``ignore:``, ``expected:``) must be finding codes
    of this run (built-in, plugins' or local policies'): a typo there would silently
    ignore or expect nothing."""
    from govmodel.errors import ModelError
    from govmodel.locations import Problem

    named: list[tuple[tuple[str | int, ...], Any]] = [
        (("ignore", i), code) for i, code in enumerate(model.ignore)
    ]
    named += [(("expected", i, "code"), e.code) for i, e in enumerate(model.expected)]
    problems = []
    for path, code in named:
        if run.registry.lookup(code) is None:
            guess = run.registry.suggest(code)
            hint = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
            problems.append(
                Problem(
                    path,
                    f"{code!r} is not a finding code or name",
                    f"{hint}`govmodel check --list-codes` lists them.",
                    model.locations.get(path),
                )
            )
    if problems:
        raise ModelError(problems, source=model.source)


COMMAND = Command(
    name="check",
    help="check a scheme of delegation: findings with codes, locations and law",
    configure=_configure,
    run=_run,
)
