"""``govmodel check``: scheme-of-delegation findings."""

from __future__ import annotations

import argparse
from typing import Any

from govmodel.cli.common import Command, iso_date, load_model, to_json, write_stdout
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


def _list_codes(fmt: str) -> int:
    from govmodel.checks.registry import REGISTRY

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
                    }
                    for s in REGISTRY.values()
                ]
            )
        )
        return 0
    write_stdout(
        "".join(
            f"{spec.code}  {spec.severity.value:<7}  {spec.name:<42} {spec.summary}\n"
            for spec in REGISTRY.values()
        )
    )
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
    model = load_model(args.file)
    _check_model_codes(model)
    report = check(model, on=args.on, ignore=args.ignore, select=args.select)
    write_stdout(report.to_json() if args.format == "json" else str(report))
    return 0 if report.is_valid(fail_on_warning=args.fail_on_warning) else 1


def _check_model_codes(model: Any) -> None:
    """The codes a model file names (``ignore:``, ``expected:``) must be finding codes:
    a typo there would silently ignore or expect nothing."""
    from govmodel.checks import lookup
    from govmodel.checks.registry import suggest
    from govmodel.errors import ModelError
    from govmodel.locations import Problem

    named: list[tuple[tuple[str | int, ...], Any]] = [
        (("ignore", i), code) for i, code in enumerate(model.ignore)
    ]
    named += [(("expected", i, "code"), e.code) for i, e in enumerate(model.expected)]
    problems = []
    for path, code in named:
        if lookup(code) is None:
            guess = suggest(code)
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
