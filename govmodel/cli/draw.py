"""``govmodel draw``: the board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli.common import Command, iso_date, load_model
from govmodel.errors import UsageError

__all__ = ["COMMAND", "DIAGRAM_SUFFIXES"]


DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".mmd")


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .svg, .png, .pdf, .dot (Graphviz) or .mmd (Mermaid); "
        "- prints the DOT source",
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


def _run(args: argparse.Namespace) -> int:
    from govmodel.io.files import write_atomic
    from govmodel.render.dot import draw, render
    from govmodel.render.mermaid import to_mermaid

    suffix = ".dot" if args.output == "-" else Path(args.output).suffix.lower()
    if suffix not in DIAGRAM_SUFFIXES:
        raise UsageError(
            f"-o {args.output}: the file must end in one of {', '.join(DIAGRAM_SUFFIXES)}"
        )
    model = load_model(args.file)
    if args.output == "-":
        source = draw(
            model,
            on=args.on,
            highlight=args.highlight,
            focus=args.focus,
            posts=True if args.all_posts else "auto",
            legend=not args.no_legend,
        ).source
        sys.stdout.write(source)
        return 0
    if suffix == ".mmd":
        write_atomic(args.output, to_mermaid(model, on=args.on), protect=(args.file,))
    else:
        diagram = draw(
            model,
            on=args.on,
            highlight=args.highlight,
            focus=args.focus,
            posts=True if args.all_posts else "auto",
            legend=not args.no_legend,
        )
        render(diagram, args.output, protect=(args.file,))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


COMMAND = Command(
    name="draw",
    help="board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid)",
    configure=_configure,
    run=_run,
)
