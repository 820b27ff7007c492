"""``govmodel draw``: the board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli.common import Command, add_output, emit, iso_date, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND", "DIAGRAM_SUFFIXES"]


DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".mmd")


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    add_output(
        p,
        required=True,
        help="output file: .svg, .png, .pdf, .dot (Graphviz) or .mmd (Mermaid); "
        "`-` writes to standard output (see --format)",
    )
    p.add_argument(
        "--format",
        choices=[s.lstrip(".") for s in DIAGRAM_SUFFIXES],
        help="format of the output (default: from the file's suffix; `dot` for `-o -`)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")
    p.add_argument(
        "--highlight",
        metavar="SUBJECT",
        help="highlight the accountability paths of this body, post or delegation",
    )
    p.add_argument(
        "--focus", metavar="ID", help="draw one organisation or record and its neighbours"
    )
    p.add_argument(
        "--all-posts",
        action="store_true",
        help="draw every post with membership lines (default: members are listed inside each body)",
    )
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")


def _format(args: argparse.Namespace) -> str:
    suffix = Path(args.output).suffix.lower()
    if args.format:
        if suffix in DIAGRAM_SUFFIXES and suffix != "." + args.format:
            raise UsageError(
                f"-o {args.output} --format {args.format}: the suffix says {suffix[1:]}; "
                "give one or make them agree"
            )
        return str(args.format)
    if args.output == "-":
        return "dot"
    if suffix not in DIAGRAM_SUFFIXES:
        raise UsageError(
            f"-o {args.output}: the file must end in one of {', '.join(DIAGRAM_SUFFIXES)} "
            "(or give --format)"
        )
    return suffix.lstrip(".")


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.dot import diagram_bytes, draw
    from govmodel.render.mermaid import to_mermaid

    fmt = _format(args)
    if (
        args.output == "-"
        and fmt in ("png", "pdf")
        and sys.stdout is not None
        and sys.stdout.isatty()
    ):
        raise UsageError(f"-o -: {fmt.upper()} is binary; redirect standard output to a file")
    model = load_model(args.file)
    data: str | bytes
    if fmt == "mmd":
        data = to_mermaid(model, on=args.on)
    else:
        diagram = draw(
            model,
            on=args.on,
            highlight=args.highlight,
            focus=args.focus,
            posts=True if args.all_posts else "auto",
            legend=not args.no_legend,
        )
        data = diagram.source if fmt == "dot" else diagram_bytes(diagram, fmt)
    emit(data, args.output, protect=(args.file,), force=args.force)
    return 0


COMMAND = Command(
    name="draw",
    help="board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid)",
    configure=_configure,
    run=_run,
)
