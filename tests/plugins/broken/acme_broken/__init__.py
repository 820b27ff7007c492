"""Plugins that go wrong in each way govmodel must survive (see its entry points)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govmodel.checks import Category, Context, Hit, Severity, check_spec


def _spec(code: str, name: str) -> Any:
    return check_spec(
        code=code,
        name=name,
        severity=Severity.WARNING,
        category=Category.STRUCTURE,
        summary="A check of the broken plugin.",
        why="It exists to go wrong.",
        hint="None.",
    )


@_spec("ACME001", "another-acme-one")
def duplicate(ctx: Context) -> Iterator[Hit]:
    """Uses the good plugin's code."""
    yield from ()


@_spec("GM999", "pretends-to-be-builtin")
def reserved(ctx: Context) -> Iterator[Hit]:
    """Uses govmodel's own prefix."""
    yield from ()


@_spec("BRK001", "divides-by-zero")
def raises(ctx: Context) -> Iterator[Hit]:
    """Finds one thing, then fails."""
    for body in ctx.bodies():
        yield Hit((body.id,), f"{body.id!r} was looked at")
        break
    yield Hit(("model",), str(1 / len(())))


NOT_A_CHECK = "a string"
