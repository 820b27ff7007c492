"""A new check, scaffolded: a plugin package ready to install, test and edit.

:func:`new_check` fills the templates in ``govmodel/templates/check/`` for a code
(``ACME001``) and a name; :func:`write` writes them into a folder, refusing any
file that exists unless ``force``. The package holds a working check (committees
with voting members and no chair) to change into your own, its ``govmodel.checks``
entry point, a failing and a passing model, and tests that use
:mod:`govmodel.strategies`. ``govmodel new-check CODE`` runs both.
"""

from __future__ import annotations

import os
import re
import string
from importlib import resources
from pathlib import Path

from govmodel._version import __version__
from govmodel.checks.plugins import PLUGIN_CODE, RESERVED_PREFIXES
from govmodel.errors import OverwriteRefused, UsageError
from govmodel.io.files import write_atomic
from govmodel.model.policies import NAME_PATTERN

__all__ = ["new_check", "write"]

_MODULE = re.compile(r"^[a-z_][a-z0-9_]*$")

#: Each file of the package, and the template it is made from.
_FILES = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "{module}/__init__.py": "module.py.tmpl",
    "tests/test_{code}.py": "test_check.py.tmpl",
    "tests/fail.yaml": "fail.yaml.tmpl",
    "tests/pass.yaml": "pass.yaml.tmpl",
}


def new_check(
    code: str, *, name: str = "committee-without-chair", module: str | None = None
) -> dict[str, str]:
    """The files of a plugin package for the check ``code``, by relative path.

    ``name`` is the check's kebab-case name; ``module`` the package's import name
    (default: the code's letters and ``_checks``, e.g. ``acme_checks``). Raises
    :class:`~govmodel.errors.UsageError` for a code, name or module govmodel would
    refuse.

    >>> files = new_check("ACME001")
    >>> sorted(files)[:3]
    ['README.md', 'acme_checks/__init__.py', 'pyproject.toml']
    """
    code = code.strip().upper()
    prefix = code.rstrip("0123456789")
    if not PLUGIN_CODE.match(code):
        raise UsageError(
            f"{code!r} is not a plugin's code: write two to eight capital letters and three "
            "digits, e.g. ACME001."
        )
    if prefix in RESERVED_PREFIXES:
        raise UsageError(
            f"{code!r} uses the prefix {prefix}, kept for {RESERVED_PREFIXES[prefix]}; "
            "choose a prefix of your own."
        )
    if not re.match(NAME_PATTERN, name):
        raise UsageError(
            f"{name!r} is not a kebab-case name: use lower-case words joined by '-', "
            "e.g. committee-without-chair."
        )
    module = module or f"{prefix.lower()}_checks"
    if not _MODULE.match(module):
        raise UsageError(
            f"{module!r} is not a Python package name: use lower-case letters, digits and "
            "'_', e.g. acme_checks."
        )
    values = {
        "code": code,
        "name": name,
        "function": name.replace("-", "_"),
        "module": module,
        "dist": module.replace("_", "-"),
        "entry": prefix.lower(),
        "govmodel_version": __version__,
    }
    templates = resources.files("govmodel") / "templates" / "check"
    out = {}
    for target, template in _FILES.items():
        text = (templates / template).read_text(encoding="utf-8")
        path = target.format(module=module, code=code.lower())
        out[path] = string.Template(text).substitute(values)
    return out


def write(
    files: dict[str, str], folder: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write ``files`` (from :func:`new_check`) under ``folder``, atomically each;
    nothing is written if any exists, unless ``force``."""
    root = Path(folder)
    targets = [root / path for path in files]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise OverwriteRefused(
            f"{existing[0]} already exists; pass --force to replace the scaffold's files, "
            "or choose another folder."
        )
    return [write_atomic(root / path, text) for path, text in files.items()]
