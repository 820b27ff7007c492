"""``govmodel import``: a scheme of reservation and delegation workbook into a model file."""

from __future__ import annotations

import argparse

from govmodel.cli.common import Command, emit

__all__ = ["COMMAND", "SCHEMA_COMMENT"]

#: First line of every imported model file: editors that speak the YAML language
#: server validate and complete the file against govmodel's schema.
SCHEMA_COMMENT = "# yaml-language-server: $schema={url}\n"


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("workbook", help="the workbook (.xlsx; `govmodel table --template` writes one)")
    p.add_argument(
        "-o", "--output", required=True, help="model file to write (.yaml or .json; - for stdout)"
    )
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.excel import read_excel
    from govmodel.io.files import dumps
    from govmodel.io.schema import model_schema

    model = read_excel(args.workbook)
    if str(args.output).lower().endswith(".json"):
        text = dumps(model, format="json")
    else:
        text = SCHEMA_COMMENT.format(url=model_schema()["$id"]) + dumps(model)
    emit(text, args.output, protect=(args.workbook,), force=args.force)
    return 0


COMMAND = Command(
    name="import",
    help="read a scheme of reservation and delegation workbook into a model file",
    configure=_configure,
    run=_run,
)
