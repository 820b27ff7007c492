"""``govmodel check``: scheme-of-delegation findings."""

from __future__ import annotations

import argparse
import sys

from govmodel.cli.common import Command, answer, iso_date, judged_model, to_json, what_if_options
from govmodel.errors import UsageError

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
    p.add_argument("--list-codes", action="store_true", help="list every finding code")
    what_if_options(p)


def _list_codes(fmt: str) -> int:
    from govmodel.checks.registry import REGISTRY

    if fmt == "json":
        sys.stdout.write(
            to_json(
                [
                    {
                        "code": s.code,
                        "name": s.name,
                        "severity": s.severity.value,
                        "category": s.category.value,
                        "summary": s.summary,
                        "rules": list(s.rules),
                    }
                    for s in REGISTRY.values()
                ]
            )
        )
        return 0
    for spec in REGISTRY.values():
        print(f"{spec.code}  {spec.severity.value:<7}  {spec.name:<42} {spec.summary}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from govmodel.checks import check, lookup
    from govmodel.checks.registry import suggest

    if args.list_codes:
        return _list_codes(args.format)
    if not args.file:
        raise UsageError("give a model FILE to check, or --list-codes")
    for code in [*args.ignore, *(args.select or [])]:
        if lookup(code) is None:
            guess = suggest(code)
            hint = f" Did you mean {' or '.join(repr(g) for g in guess)}?" if guess else ""
            raise UsageError(
                f"{code!r} is not a finding code or name.{hint} "
                "`govmodel check --list-codes` lists them."
            )
    model = judged_model(args)
    report = check(model, on=args.on, ignore=args.ignore, select=args.select)
    answer(
        str(report),
        report.to_dict(),
        json_format=args.format == "json",
        assumed=model.assumed,
        source=model.source,
    )
    return 0 if report.is_valid(fail_on_warning=args.fail_on_warning) else 1


COMMAND = Command(
    name="check",
    help="check a scheme of delegation: findings with codes, locations and law",
    configure=_configure,
    run=_run,
)
