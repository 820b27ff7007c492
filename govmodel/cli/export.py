"""``govmodel export``: the model for other tools (GraphML, JSON-LD, node-link JSON)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govmodel.cli.common import Command, emit, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND"]

_FORMATS = {".graphml": "graphml", ".jsonld": "jsonld", ".json": "json"}


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .graphml, .jsonld (W3C Organization Ontology) or .json "
        "(networkx node-link); - for stdout with --format",
    )
    p.add_argument(
        "--format",
        choices=sorted(_FORMATS.values()),
        help="format (default: from the output file's suffix)",
    )
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.interop import export_text

    fmt = args.format or _FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        hint = " (or give --format with -o -)" if args.output == "-" else ""
        raise UsageError(f"-o {args.output}: the file must end in {', '.join(_FORMATS)}{hint}")
    model = load_model(args.file)
    emit(export_text(model, fmt), args.output, protect=(args.file,), force=args.force)
    return 0


COMMAND = Command(
    name="export",
    help="the model as GraphML, JSON-LD (W3C Organization Ontology) or node-link JSON",
    configure=_configure,
    run=_run,
)
