"""Which checks a run uses: the built-in table, plugins, and the local policies.

:func:`checks_for` makes the registry of one run: govmodel's own checks
(:data:`~govmodel.checks.registry.REGISTRY`), the installed plugins' and any given
directly, and one check per local policy. :func:`prepare` does so for a model,
with its own policies and any policy files given, after checking that every id
the policies name is the model's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import attrs

from govmodel.checks.base import CheckFailure, Source
from govmodel.checks.plugins import Plugins, installed, vetted
from govmodel.checks.policy import policy_checks
from govmodel.checks.registry import REGISTRY
from govmodel.checks.spec import CheckSpec, Registry
from govmodel.errors import PolicyError
from govmodel.io.files import load_policies
from govmodel.io.policies import clash_problems, reference_problems
from govmodel.locations import Problem
from govmodel.model.governance import GovernanceModel
from govmodel.model.policies import PolicySet

__all__ = ["PolicyFile", "Run", "checks_for", "policy_sets", "prepare"]

#: A policy file: read already, or its path.
PolicyFile = PolicySet | str | os.PathLike[str]


@attrs.frozen(kw_only=True)
class Run:
    """The checks of one run, by code; the codes of checks from outside govmodel (whose
    errors are caught and reported, GM004); and the checks that could not be used."""

    registry: Registry
    guarded: frozenset[str]
    failures: tuple[CheckFailure, ...]


def policy_sets(files: Iterable[PolicyFile]) -> list[PolicySet]:
    """Each policy file read (see :func:`govmodel.io.files.load_policies`)."""
    return [f if isinstance(f, PolicySet) else load_policies(f) for f in files]


def checks_for(
    sets: Sequence[PolicySet] = (),
    *,
    checks: Iterable[CheckSpec] = (),
    plugins: bool = True,
) -> Run:
    """The registry of a run with the local policies of ``sets``, the installed plugins
    (unless ``plugins`` is false) and ``checks`` given directly (vetted as plugins are).

    Raises :class:`~govmodel.errors.PolicyError` when two policies, or a policy and a
    check, share a code or name.
    """
    found = installed() if plugins else Plugins()
    taken = {**REGISTRY, **{s.code: s for s in found.checks}}
    given = vetted(
        [(spec, Source(text=_origin(spec))) for spec in checks],
        taken=taken,
        failures=found.failures,
    )
    outside = [*found.checks, *given.checks]
    names = {code: spec.name for code, spec in {**taken, **{s.code: s for s in outside}}.items()}
    problems = clash_problems(sets, taken=names)
    if problems:
        raise PolicyError(sorted(problems, key=Problem.sort_key))
    table = {**REGISTRY, **{s.code: s for s in outside}, **{s.code: s for s in policy_checks(sets)}}
    return Run(
        registry=Registry(table),
        guarded=frozenset(s.code for s in outside),
        failures=given.failures,
    )


def _origin(spec: object) -> str:
    function = getattr(spec, "function", None)
    module = getattr(function, "__module__", None)
    return f"a check given to govmodel.check() ({module})" if module else "a check given directly"


def prepare(
    model: GovernanceModel,
    *,
    policies: Iterable[PolicyFile] = (),
    checks: Iterable[CheckSpec] = (),
    plugins: bool = True,
) -> Run:
    """The run for ``model``: its own policies and the policy files it names, then
    ``policies`` (policy files, or their paths), with ``checks`` and the plugins.

    Raises :class:`~govmodel.errors.PolicyError` when a policy file does not read, or
    a policy names an id the model lacks.
    """
    sets = [*model.policy_sets(), *policy_sets(policies)]
    problems = [p for s in sets for p in reference_problems(s, model)]
    if problems:
        raise PolicyError(sorted(problems, key=Problem.sort_key))
    return checks_for(sets, checks=checks, plugins=plugins)
