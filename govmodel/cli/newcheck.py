"""``govmodel new-check``: scaffold a check of your own as a plugin package."""

from __future__ import annotations

import argparse
import sys

from govmodel.cli.common import Command

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", metavar="CODE", help="the check's code, e.g. ACME001")
    p.add_argument(
        "--name",
        default="committee-without-chair",
        help="its kebab-case name (default: the starting point's, committee-without-chair)",
    )
    p.add_argument("--package", help="the Python package name (default: e.g. acme_checks)")
    p.add_argument("-o", "--output", help="the folder to write (default: the package's name)")
    p.add_argument("--force", action="store_true", help="replace files that exist")


def _run(args: argparse.Namespace) -> int:
    from govmodel.scaffold import new_check, write

    files = new_check(args.code, name=args.name, module=args.package)
    module = next(p for p in files if p.endswith("/__init__.py")).split("/")[0]
    folder = args.output or module.replace("_", "-")
    written = write(files, folder, force=args.force)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(
        f"Next: cd {folder} && pip install -e '.[test]' && pytest tests; then edit the check "
        "and `govmodel check --list-codes` lists it.",
        file=sys.stderr,
    )
    return 0


COMMAND = Command(
    name="new-check",
    help="scaffold a check of your own: a plugin package with tests, ready to edit",
    configure=_configure,
    run=_run,
)
