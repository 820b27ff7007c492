"""Command-line commands for output: ``draw`` and ``table``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli import UsageError, command, iso_date, load_model

__all__: list[str] = []

DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".mmd")


def _draw_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .svg, .png, .pdf, .dot (Graphviz) or .mmd (Mermaid)",
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


@command("draw", "board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid)")(_draw_args)
def _draw(args: argparse.Namespace) -> int:
    from govmodel.io.files import write_atomic
    from govmodel.render.dot import draw, render
    from govmodel.render.mermaid import to_mermaid
    from govmodel.trace import trace

    suffix = Path(args.output).suffix.lower()
    if suffix not in DIAGRAM_SUFFIXES:
        raise UsageError(
            f"-o {args.output}: the file must end in one of {', '.join(DIAGRAM_SUFFIXES)}"
        )
    model = load_model(args.file)
    if suffix == ".mmd":
        write_atomic(args.output, to_mermaid(model, on=args.on), protect=(args.file,))
    else:
        highlight = trace(model, args.highlight, on=args.on) if args.highlight else None
        diagram = draw(
            model,
            on=args.on,
            highlight=highlight,
            focus=args.focus,
            posts=True if args.all_posts else "auto",
            legend=not args.no_legend,
        )
        render(diagram, args.output, protect=(args.file,))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _table_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .xlsx (all three tables) or .csv (one table)",
    )
    p.add_argument(
        "--kind",
        choices=["delegation", "authority", "membership"],
        default="delegation",
        help="table for CSV output (default: delegation)",
    )
    p.add_argument("--on", type=iso_date, help="date (default: the model's as_of)")


@command("table", "scheme of delegation, authority matrix and membership tables")(_table_args)
def _table(args: argparse.Namespace) -> int:
    from govmodel.render.tables import export_csv, export_excel

    model = load_model(args.file)
    suffix = Path(args.output).suffix.lower()
    if suffix == ".xlsx":
        export_excel(model, args.output, on=args.on, protect=(args.file,))
    elif suffix == ".csv":
        export_csv(model, args.output, kind=args.kind, on=args.on, protect=(args.file,))
    else:
        raise UsageError(f"-o {args.output}: the file must end in .xlsx or .csv")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
