"""Checks on the model file itself: the loader's problems and the check settings."""

from __future__ import annotations

import json
from collections.abc import Iterator

from govmodel.checks.base import Hit
from govmodel.checks.context import Context
from govmodel.graph import COLLECTIONS

__all__ = ["expected_not_found", "model_problems", "unknown_code"]


def model_problems(ctx: Context) -> Iterator[Hit]:
    """GM003: what the loader would reject (a model built in Python skips the loader)."""
    from govmodel.io.files import dumps
    from govmodel.io.validate import problems_in

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


def unknown_code(ctx: Context) -> Iterator[Hit]:
    """GM001: ``ignore`` and ``expected`` entries that name no check."""
    from govmodel.checks.registry import lookup, suggest

    entries: list[tuple[tuple[str | int, ...], str]] = [
        (("ignore", i), code) for i, code in enumerate(ctx.model.ignore)
    ]
    entries += [(("expected", i, "code"), e.code) for i, e in enumerate(ctx.model.expected)]
    for path, code in entries:
        if lookup(code) is None:
            guess = suggest(code)
            yield Hit(
                ("model",),
                f"{path[0]} names {code!r}, which is not a finding code or name",
                hint=(f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else "")
                + "`govmodel check --list-codes` lists them all.",
                path=path,
            )


def expected_not_found(ctx: Context) -> Iterator[Hit]:
    """GM002: an ``expected`` entry that no finding on the date matches."""
    from govmodel.checks.registry import lookup

    for i, entry in enumerate(ctx.model.expected):
        spec = lookup(entry.code)
        if spec is None or any(ctx.matches(entry, f) for f in ctx.found):
            continue
        about = f" about {', '.join(entry.subjects)}" if entry.subjects else ""
        yield Hit(
            ("model",),
            f"the model expects {spec.code} {spec.name}{about}, but on "
            f"{ctx.day.isoformat()} there is no such finding",
            path=("expected", i),
        )
