"""Run the checks: turn hits into located, cited findings and gather a report.

Four entry points with distinct contracts, as in jsonschema:

- :func:`iter_findings` yields findings lazily;
- :func:`check` returns a :class:`~govmodel.checks.report.Report` and never raises
  on a model (only on a bad argument such as an unparseable date);
- :func:`validate` raises :class:`~govmodel.errors.SchemeInvalid` wrapping the
  report when it has errors that the model does not expect;
- :func:`is_valid` says whether it would.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from govmodel.checks.base import CheckFailure, Finding, Hit
from govmodel.checks.context import Context
from govmodel.checks.report import Report
from govmodel.checks.run import PolicyFile, prepare
from govmodel.checks.spec import CheckSpec, Registry
from govmodel.errors import SchemeInvalid, UnknownCode
from govmodel.law.base import Rule
from govmodel.law.rules import get
from govmodel.locations import Location
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import PartyType
from govmodel.reading import no_gc

__all__ = ["check", "is_valid", "iter_findings", "validate"]


def _codes(registry: Registry, entries: Iterable[str], argument: str | None = None) -> set[str]:
    """The codes named by ``entries`` in ``registry``; with ``argument``, a name that is
    not a code raises :class:`~govmodel.errors.UnknownCode` with the closest ones (the
    model's own ``ignore`` list is checked by the loader instead)."""
    found = set()
    for entry in [entries] if isinstance(entries, str) else entries:
        code = registry.codes.find(entry) if isinstance(entry, str) else None
        if code is None:
            if argument is not None:
                raise UnknownCode(argument, entry, registry.suggest(str(entry)))
            continue
        found.add(code)
    return found


class _Locator:
    """Maps ``(record_id, key, ...)`` and top-level key paths to file locations."""

    def __init__(self, model: GovernanceModel) -> None:
        self.locations = model.locations
        self.model = model

    def __call__(self, path: tuple[str | int, ...]) -> Location | None:
        while path:
            if path in self.locations:
                return self.locations[path]
            path = path[:-1]
        return None

    def at(self, hit: Hit) -> Location | None:
        if hit.path is not None:
            return self(hit.path)
        at = hit.at or hit.subjects[:1]
        base = self.model.path_of(str(at[0])) if at else None
        return None if base is None else self((*base, *at[1:]))


def _rule(spec: CheckSpec, hit: Hit, on: date) -> Rule | None:
    if hit.rule is not None:
        named = get(hit.rule) if hit.rule else None
        return named if named is not None and named.in_force_on(on) else None
    in_force = [r for r in (get(r) for r in spec.rules) if r.in_force_on(on)]
    return in_force[0] if in_force else None


def _dress(spec: CheckSpec, hit: Hit, ctx: Context, where: _Locator) -> Finding:
    rule = _rule(spec, hit, ctx.on)
    location = where.at(hit)
    if location is None and spec.source is not None:  # a policy about no record: the policy
        location = spec.source.declared
    finding = Finding(
        code=spec.code,
        name=spec.name,
        severity=spec.severity,
        message=hit.message,
        subjects=hit.subjects,
        hint=hit.hint or spec.hint,
        location=location,
        rule=rule.id if rule else None,
        citation=rule.citation_on(ctx.on, _types(ctx, hit.subjects)) if rule else None,
        confidence=rule.confidence.value if rule else None,
        disputed=bool(rule and rule.dispute),
        source=spec.source,
    )
    for entry in ctx.model.expected:
        if ctx.matches(entry, finding):
            return attrs.evolve(finding, expected=entry.reason)
    return finding


def iter_findings(
    model: GovernanceModel,
    *,
    on: date | str | None = None,
    ignore: Iterable[str] = (),
    select: Iterable[str] | None = None,
    policies: Iterable[PolicyFile] = (),
    checks: Iterable[CheckSpec] = (),
    plugins: bool = True,
) -> Iterator[Finding]:
    """Yield every finding for ``model`` on ``on`` (default: the model's ``as_of``).

    Codes in the model's ``ignore`` list and in ``ignore`` are skipped; with
    ``select``, only those codes run. A code or name in ``ignore`` or ``select``
    that no check has raises :class:`~govmodel.errors.UnknownCode` naming the
    closest ones. Findings come in check order; :func:`check` sorts them. The
    model's own local policies run with the built-in checks, and so do ``policies``
    (policy files, or their paths), the installed plugins' checks (unless
    ``plugins`` is false) and ``checks`` given directly; an error in a check from
    outside govmodel is reported (GM004), never raised.
    """
    run = prepare(model, policies=policies, checks=checks, plugins=plugins)
    ctx = Context(model, model.resolve_on(on), codes=run.registry.codes)
    ctx.failures.extend(run.failures)
    skipped = _codes(run.registry, model.ignore) | _codes(run.registry, ignore, "ignore")
    chosen = None if select is None else _codes(run.registry, select, "select")
    where = _Locator(model)
    specs = [s for s in run.registry.values() if not s.retired]
    specs.sort(key=lambda s: s.runs_last)
    last = {s.code for s in specs if s.runs_last}
    needs_all = chosen is not None and bool(chosen & last)  # GM002 reads every finding
    for spec in specs:
        wanted = chosen is None or spec.code in chosen
        if spec.code in skipped or not (wanted or needs_all):
            continue
        hits = _guarded(spec, ctx) if spec.code in run.guarded else spec(ctx)
        for hit in hits:
            finding = _dress(spec, hit, ctx, where)
            ctx.found.append(finding)
            if wanted:
                yield finding


def _guarded(spec: CheckSpec, ctx: Context) -> Iterator[Hit]:
    """The hits of a check from outside govmodel; what it raises becomes a failure
    for GM004 to report, and the run goes on."""
    try:
        for hit in spec(ctx):
            if not (
                isinstance(hit, Hit)
                and isinstance(hit.message, str)
                and isinstance(hit.subjects, tuple)
                and all(isinstance(s, str) for s in hit.subjects)
            ):
                raise TypeError(f"it yielded {hit!r}, not a Hit with text subjects and message")
            yield hit
    except Exception as exc:  # a plugin's error must not stop the other checks
        frames = traceback.extract_tb(exc.__traceback__)
        at = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        origin = f" ({spec.source.text})" if spec.source else ""
        ctx.failures.append(
            CheckFailure(
                subject=spec.code,
                message=f"check {spec.code}{origin} failed: {type(exc).__name__}: {exc}{at}; "
                "its findings on this model may be missing",
                hint="Report it to the plugin's authors, or run without it (`--ignore "
                f"{spec.code}`).",
            )
        )


def check(
    model: GovernanceModel,
    *,
    on: date | str | None = None,
    ignore: Iterable[str] = (),
    select: Iterable[str] | None = None,
    policies: Iterable[PolicyFile] = (),
    checks: Iterable[CheckSpec] = (),
    plugins: bool = True,
) -> Report:
    """Check ``model``'s scheme of delegation on ``on``: every finding, sorted.

    ``policies``, ``checks`` and ``plugins`` are as for :func:`iter_findings`. Only a
    bad argument raises: an unparseable date, or policies that do not read or name
    ids the model lacks (:class:`~govmodel.errors.PolicyError`).

    >>> import govmodel
    >>> report = govmodel.check(govmodel.examples.load("msecc-2020"))
    >>> report.summary()
    {'errors': 0, 'warnings': 0, 'info': 0, 'expected': 6}
    >>> report.is_valid()
    True
    """
    on = model.resolve_on(on)
    found = iter_findings(
        model,
        on=on,
        ignore=ignore,
        select=select,
        policies=policies,
        checks=checks,
        plugins=plugins,
    )
    # The checks build views of the model (the dated model, grants, graphs) out of many
    # small objects that refer to no cycle; with a large model loaded, the collector would
    # walk the whole heap again and again while they are made (more than half the time
    # of a first check of a national model). Cycles made meanwhile wait for the next run.
    with no_gc():
        findings = tuple(sorted(found, key=Finding.sort_key))
    return Report(findings, on, model.source)


def validate(model: GovernanceModel, **options: Any) -> Report:
    """Like :func:`check`, but raise :class:`~govmodel.errors.SchemeInvalid` when there are errors
    the model does not expect; returns the report otherwise."""
    report = check(model, **options)
    if not report.is_valid():
        raise SchemeInvalid(report)
    return report


def is_valid(model: GovernanceModel, **options: Any) -> bool:
    """Whether ``model`` has no unexpected errors (see :func:`check`)."""
    return check(model, **options).is_valid()


def _types(ctx: Context, subjects: tuple[str, ...]) -> set[PartyType]:
    """The party types a finding is about: its organisations', and its holders'."""
    found: set[PartyType] = set()
    for subject in subjects:
        org = ctx.organisation(subject)
        found |= {org.type} if org else ctx.types_of(subject)
    return found
