"""``govmodel draw``: the board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid).

Each page fits A4 with no text under 7 pt; a large arrangement is written as an
overview (at the path given) and one page per organisation beside it
(``out-eput.svg``...).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govmodel.cli.common import (
    Command,
    add_output,
    emit,
    iso_date,
    judged_model,
    note,
    what_if_note,
    what_if_options,
)
from govmodel.errors import OverwriteRefused, UsageError

__all__ = ["COMMAND", "DIAGRAM_SUFFIXES"]


DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".mmd")


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="model file")
    add_output(
        p,
        required=True,
        help="output file: .svg, .png, .pdf, .dot (Graphviz) or .mmd (Mermaid); "
        "`-` writes to standard output (DOT, or see --format)",
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
    p.add_argument(
        "--ends",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="draw the statutory ends (Parliament, the Secretary of State, regulators, "
        "members); --no-ends writes them as one line per organisation (default: --ends)",
    )
    p.add_argument(
        "--split",
        choices=("auto", "always", "never"),
        default="auto",
        help="cut the diagram into an overview and one page per organisation: when one A4 "
        "page would print text under 7 pt (auto, the default), always, or never",
    )
    p.add_argument("--dpi", type=int, default=200, help="resolution of PNG output (default: 200)")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    what_if_options(p)


def _run(args: argparse.Namespace) -> int:
    from govmodel.render.a4 import describe, page_files, pages
    from govmodel.render.dot import diagram_bytes, draw, render
    from govmodel.render.mermaid import to_mermaid

    suffix = "." + _format(args)
    if not 30 <= args.dpi <= 1200:
        raise UsageError(f"--dpi {args.dpi}: give a resolution between 30 and 1200")
    model = judged_model(args)
    if model.assumed:
        note(what_if_note(model.assumed, model.source).rstrip())
    if suffix == ".mmd":
        emit(to_mermaid(model, on=args.on), args.output, protect=(args.file,), force=args.force)
        return 0
    if args.output == "-":
        if suffix in (".png", ".pdf") and sys.stdout is not None and sys.stdout.isatty():
            raise UsageError(f"-o -: {suffix[1:].upper()} is binary; redirect standard output")
        diagram = draw(
            model,
            on=args.on,
            highlight=args.highlight,
            focus=args.focus,
            posts=True if args.all_posts else "auto",
            legend=not args.no_legend,
            ends=args.ends,
        )
        fmt = suffix[1:]
        emit(diagram.source if fmt == "dot" else diagram_bytes(diagram, fmt), "-")
        return 0
    found = pages(
        model,
        on=args.on,
        highlight=args.highlight,
        focus=args.focus,
        posts=True if args.all_posts else "auto",
        legend=not args.no_legend,
        ends=args.ends,
        split=args.split,
    )
    for page in found:
        if page.note:
            print(f"note: {args.file}: {page.note}", file=sys.stderr)
    targets = list(page_files(args.output, found))
    _refuse([t for t, _ in targets], args.force)
    for (target, page), line in zip(targets, describe(found), strict=True):
        render(
            page.diagram,
            target,
            protect=(args.file,),
            dpi=args.dpi,
            overwrite=args.force,
            format=suffix[1:],
        )
        note(f"wrote {target} ({line})")
    return 0


def _format(args: argparse.Namespace) -> str:
    """The output format: ``--format``, else the suffix (``dot`` for ``-o -``)."""
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


def _refuse(targets: list[Path], force: bool) -> None:
    existing = [str(t) for t in targets if _exists(t)]
    if existing and not force:
        raise OverwriteRefused(
            ", ".join(existing),
            f"already exist{'s' if len(existing) == 1 else ''}; "
            "pass --force to replace, or choose another path",
        )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long, say: the write says why
        return False


COMMAND = Command(
    name="draw",
    help="board-to-committee diagram (SVG, PNG, PDF, DOT or Mermaid), A4 pages",
    configure=_configure,
    run=_run,
)
