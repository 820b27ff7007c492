"""Checks on the model file itself: the loader's problems and the check settings."""

from __future__ import annotations

import json
from collections.abc import Iterator

from govmodel.checks.base import Category, Hit, Severity
from govmodel.checks.context import Context
from govmodel.checks.spec import check_spec
from govmodel.io.files import dumps
from govmodel.io.validate import problems_in
from govmodel.model.governance import COLLECTIONS

__all__ = ["check_failed", "expected_not_found", "model_problems", "unknown_code"]


@check_spec(
    code="GM003",
    name="model-problem",
    severity=Severity.ERROR,
    category=Category.MODEL,
    summary="A model built in Python has a problem the file loader would reject.",
    why="A reference to an id that does not exist, a duplicate id or a delegation to "
    "itself makes every later answer unreliable.",
    hint="Correct the reference or the id, as the message says.",
    limits="Models loaded from files never have these: the loader rejects them first.",
)
def model_problems(ctx: Context) -> Iterator[Hit]:
    """GM003: what the loader would reject (a model built in Python skips the loader)."""
    if ctx.model.locations:  # it came through the loader, which found nothing
        return
    for problem in problems_in(json.loads(dumps(ctx.model, format="json"))):
        collection, index = (*problem.path, "", -1)[:2]
        records = getattr(ctx.model, str(collection), None) if collection in COLLECTIONS else None
        subject = (
            records[index].id
            if isinstance(records, tuple) and isinstance(index, int) and index < len(records)
            else "model"
        )
        yield Hit((subject,), problem.message, hint=problem.hint, path=problem.path)


@check_spec(
    code="GM001",
    name="unknown-finding-code",
    severity=Severity.WARNING,
    category=Category.MODEL,
    summary="`ignore` or `expected` names a code that no check has.",
    why="A misspelt code silences nothing, so the finding it was meant for still shows "
    "and the model's intent is lost.",
    hint="Use a code or name from `govmodel check --list-codes`.",
)
def unknown_code(ctx: Context) -> Iterator[Hit]:
    """GM001: ``ignore`` and ``expected`` entries that name no check."""
    entries: list[tuple[tuple[str | int, ...], str]] = [
        (("ignore", i), code) for i, code in enumerate(ctx.model.ignore)
    ]
    entries += [(("expected", i, "code"), e.code) for i, e in enumerate(ctx.model.expected)]
    for path, code in entries:
        if ctx.codes.find(code) is None:
            guess = ctx.codes.suggest(code)
            local = (
                " Codes of local policies (LOC...) exist only with their policies: "
                "give the policy file with `--policy`."
                if code.strip().upper().startswith("LOC")
                else ""
            )
            yield Hit(
                ("model",),
                f"{path[0]} names {code!r}, which is not a finding code or name",
                hint=(f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else "")
                + "`govmodel check --list-codes` lists them all."
                + local,
                path=path,
            )


@check_spec(
    code="GM002",
    name="expected-finding-not-found",
    severity=Severity.INFO,
    category=Category.MODEL,
    summary="An `expected` entry matches no finding on the date checked.",
    why="Expectations document known gaps. One that no longer matches is out of date: the "
    "gap was mended, or the model is being checked on a date it does not describe.",
    hint="Remove the entry if the gap has been mended, or check on the model's own date.",
    runs_last=True,
)
def expected_not_found(ctx: Context) -> Iterator[Hit]:
    """GM002: an ``expected`` entry that no finding on the date matches (it reads the
    other checks' findings, so it runs last)."""
    for i, entry in enumerate(ctx.model.expected):
        code = ctx.codes.find(entry.code)
        if code is None or any(ctx.matches(entry, f) for f in ctx.found):
            continue
        about = f" about {', '.join(entry.subjects)}" if entry.subjects else ""
        yield Hit(
            ("model",),
            f"the model expects {code} {ctx.codes.name(code)}{about}, but on "
            f"{ctx.on.isoformat()} there is no such finding",
            path=("expected", i),
        )


@check_spec(
    code="GM004",
    name="check-failed",
    severity=Severity.ERROR,
    category=Category.MODEL,
    summary="A check from a plugin could not be loaded or used, or failed while checking.",
    why="Its findings are missing from the report, which then looks cleaner than the scheme "
    "is. A broken plugin never stops govmodel's own checks: they run, and this says what "
    "did not.",
    hint="Mend, update or uninstall the plugin, as the message says; `--ignore GM004` leaves "
    "this finding out.",
    limits="The model is not at fault: the finding concerns the plugin, not a record.",
    runs_last=True,
)
def check_failed(ctx: Context) -> Iterator[Hit]:
    """GM004: plugins that would not load or be used, and checks from outside govmodel
    that raised (it runs last, after every plugin check)."""
    for failure in ctx.failures:
        yield Hit((failure.subject,), failure.message, hint=failure.hint)
