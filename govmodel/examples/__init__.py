"""Bundled example models of real NHS arrangements, built from public sources.

>>> from govmodel import examples
>>> examples.names()[:2]
['essex-pcts-2010', 'mse-success-regime-2016']
>>> examples.load("nics-2021").organisation("esneft").ods
'RDE'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from govmodel.errors import NoSuchRecord
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import closest

__all__ = [
    "case_files",
    "describe",
    "load",
    "names",
    "path",
    "policy_names",
    "policy_path",
    "text",
]


def _dir() -> Path:
    return Path(str(resources.files(__name__)))


def names() -> list[str]:
    """Names of the bundled examples, sorted."""
    return sorted(p.stem for p in _dir().glob("*.yaml"))


def path(name: str) -> Path:
    """Path of the bundled example ``name``."""
    if name not in names():  # only the bundled names: never a path elsewhere
        raise NoSuchRecord(
            "example",
            name,
            closest(name, names()),
            listing="Run `govmodel example --list` to see them.",
        )
    return _dir() / f"{name}.yaml"


def text(name: str) -> str:
    """The model file text of the bundled example ``name``."""
    return path(name).read_text(encoding="utf-8")


def load(name: str) -> GovernanceModel:
    """Load the bundled example ``name`` (see :func:`names`)."""
    from govmodel.io.files import loads

    return loads(text(name), filename=f"{name}.yaml")


def describe(name: str) -> str:
    """The example's name line, e.g. for ``govmodel example --list``."""
    return load(name).name


def case_files() -> list[Path]:
    """The case files the examples ship with (``govmodel test`` runs them), sorted.

    >>> [p.name for p in case_files()][:2]
    ['essex-pcts-2010.cases.yaml', 'mse-success-regime-2016.cases.yaml']
    """
    return sorted((_dir() / "cases").glob("*.cases.yaml"))


def policy_names() -> list[str]:
    """Names of the bundled policy files (local policies to check examples with).

    >>> policy_names()
    ['eput-sfi']
    """
    return sorted(p.stem for p in (_dir() / "policies").glob("*.yaml"))


def policy_path(name: str) -> Path:
    """Path of the bundled policy file ``name`` (see :func:`policy_names`)."""
    candidate = _dir() / "policies" / f"{name}.yaml"
    if not candidate.is_file():
        raise NoSuchRecord(
            "bundled policy file",
            name,
            closest(name, policy_names()),
            listing=f"The bundled policy files: {', '.join(policy_names())}.",
        )
    return candidate
