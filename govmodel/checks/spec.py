"""What a check is: its stable code, what the docs say about it, and its function.

Each check declares its :class:`CheckSpec` beside its function with the
:func:`check_spec` decorator, which returns the spec (still callable like the
function). :mod:`govmodel.checks.registry` lists the specs in one explicit
table, a :class:`Registry`; nothing registers itself by being imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import attrs

from govmodel.checks.base import Category, Codes, Hit, Severity, Source
from govmodel.checks.context import Context

__all__ = ["CheckFunction", "CheckSpec", "Registry", "check_spec"]

#: A check: reads the context, yields what it finds.
CheckFunction = Callable[[Context], Iterator[Hit]]


@attrs.frozen(kw_only=True)
class CheckSpec:
    """One check: its stable code and everything the docs say about it.

    ``rules`` lists the rulebook entries the check rests on (the engine cites
    the first in force on the date unless a hit names its own); ``since`` is
    the govmodel version that introduced it; a withdrawn check stays with
    ``retired=True``; ``runs_last`` marks a check that reads the other checks'
    findings; ``source`` says where a check that is not built in comes from (a
    local policy's paragraph, a plugin's package), for its findings to show.
    """

    code: str
    name: str
    severity: Severity
    category: Category
    summary: str
    why: str
    hint: str
    function: CheckFunction = attrs.field(repr=False)
    rules: tuple[str, ...] = ()
    limits: str | None = None
    since: str = "0.2.0"
    retired: bool = False
    runs_last: bool = False
    source: Source | None = None

    def __call__(self, ctx: Context) -> Iterator[Hit]:
        """Run the check on ``ctx``."""
        return self.function(ctx)


def check_spec(
    *,
    code: str,
    name: str,
    severity: Severity,
    category: Category,
    summary: str,
    why: str,
    hint: str,
    rules: tuple[str, ...] = (),
    limits: str | None = None,
    since: str = "0.2.0",
    retired: bool = False,
    runs_last: bool = False,
) -> Callable[[CheckFunction], CheckSpec]:
    """Declare the function below as the check ``code`` (see :class:`CheckSpec`)."""

    def declare(function: CheckFunction) -> CheckSpec:
        return CheckSpec(
            code=code,
            name=name,
            severity=severity,
            category=category,
            summary=summary,
            why=why,
            hint=hint,
            function=function,
            rules=rules,
            limits=limits,
            since=since,
            retired=retired,
            runs_last=runs_last,
        )

    return declare


class Registry(Mapping[str, CheckSpec]):
    """Checks by code, in code order, each also found by its kebab-case name."""

    def __init__(self, table: Mapping[str, CheckSpec]) -> None:
        for code, spec in table.items():
            if code != spec.code:
                raise ValueError(f"the table lists {spec.code} under {code}")
        self._specs = {code: table[code] for code in sorted(table)}
        self.codes = Codes({code: spec.name for code, spec in self._specs.items()})

    def __getitem__(self, code: str) -> CheckSpec:
        return self._specs[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def lookup(self, code_or_name: str) -> CheckSpec | None:
        """The check with this code (any case) or kebab-case name, or ``None``."""
        code = self.codes.find(code_or_name)
        return None if code is None else self._specs[code]

    def suggest(self, code_or_name: str) -> list[str]:
        """Codes or names that look like a mistyped ``code_or_name``."""
        return self.codes.suggest(code_or_name)
