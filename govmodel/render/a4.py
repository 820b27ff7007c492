"""Diagrams that read on A4: sized to their content, cut into pages rather than shrunk.

A page is laid out at its natural size first (Graphviz's ``dot`` is run to
measure it), top to bottom and left to right; the layout and orientation
(A4 portrait or landscape, within 10 mm margins) that need the least
shrinking win. A page is shrunk only as far as keeps its smallest text at
:data:`~govmodel.render.style.MIN_PRINTED_PT` (7 pt) on paper. When the whole
arrangement cannot fit that way it is cut into an overview (each organisation
one box, its statutory ends summarised) and one page per organisation. A page
that still does not fit is kept at the 7 pt scale and flagged: it prints on a
larger sheet, or across two.

Choosing layouts by measuring them is a heuristic: it depends on Graphviz's
font metrics, so ``pages`` is deterministic for one Graphviz version.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from govmodel.analysis.trace import Trace
from govmodel.errors import DiagramTooLarge
from govmodel.model.governance import GovernanceModel
from govmodel.model.records import Body, Delegation, Organisation, Post
from govmodel.render.dot import Diagram, pipe, scene_for, scene_to_dot
from govmodel.render.parts import Parts
from govmodel.render.scene import Scene
from govmodel.render.split import (
    compact,
    joint_bodies_page,
    joint_overview,
    organisation_page,
    overview,
    page_organisations,
)
from govmodel.render.style import MIN_PRINTED_PT, SIZES
from govmodel.render.svg import page_size

__all__ = ["A4", "MAX_BOXES", "Page", "fit", "page_files", "pages", "write_pages"]

_MM = 72 / 25.4
#: Printable area of A4 within 10 mm margins, in points: (width, height) landscape.
A4 = (277 * _MM - 1, 190 * _MM - 1)
_SMALLEST = float(min(SIZES.values()))

#: The most boxes a whole arrangement is drawn with. ``dot`` lays out 250 boxes in
#: 0.2 s, 540 in 0.6 s and 1,100 in 2.6 s on these machines, four layouts a page, and a
#: split arrangement gets a page per organisation: 500 boxes (about one integrated care
#: system) draw in under half a minute as some 30 A4 pages. Larger, a whole drawing
#: runs for minutes into a hundred pages nobody reads, so ``pages`` draws one overview
#: of the organisations and the bodies they share (when that has at most this many
#: boxes) or refuses, naming ``focus``.
MAX_BOXES = 500


@attrs.frozen
class Page:
    """One printed page of a diagram.

    ``name`` is a short slug (``"all"``, ``"overview"`` or an organisation id),
    ``orientation`` is ``"portrait"`` or ``"landscape"``, ``scale`` is how far the
    natural layout was shrunk and ``fits`` says whether it fits A4 at 7 pt;
    ``note`` says why a page stands for more than it shows (a large arrangement's
    overview).
    """

    name: str
    title: str
    diagram: Diagram
    orientation: str
    scale: float
    fits: bool
    note: str = ""

    @property
    def smallest_text(self) -> float:
        """The smallest text on the page as printed, in points."""
        return round(_SMALLEST * self.scale, 2)


def _natural(diagram: Diagram) -> tuple[float, float]:
    svg = pipe(diagram, "svg").decode("utf-8")
    return page_size(svg)


def fit(scene: Scene, *, name: str = "all", legend: bool = True) -> Page:
    """Lay ``scene`` out both ways and fit the better one to A4 (runs ``dot``)."""
    best: tuple[float, int, Diagram, str] | None = None
    variants = [(r, s) for s in (False, True) for r in ("TB", "LR")]
    for order, (rankdir, stacked) in enumerate(variants):
        diagram = scene_to_dot(scene, legend=legend, rankdir=rankdir, stacked=stacked)
        width, height = _natural(diagram)
        for orientation, (w, h) in (("landscape", A4), ("portrait", A4[::-1])):
            scale = min(1.0, w / width, h / height)
            if best is None or scale > best[0] + 1e-9:
                best = (scale, order, diagram, orientation)
    assert best is not None
    scale, _order, diagram, orientation = best
    floor = (MIN_PRINTED_PT + 0.05) / _SMALLEST  # Graphviz rounds the scale it writes
    fits = scale >= floor - 1e-9
    w, h = A4 if orientation == "landscape" else A4[::-1]
    if not fits:
        width, height = _natural(diagram)
        scale = floor
        w, h = width * scale + 1, height * scale + 1
    diagram = diagram.copy()
    diagram.attr(size=f"{w / 72:.3f},{h / 72:.3f}")
    return Page(name, scene.page or scene.title, diagram, orientation, scale, fits)


def pages(
    model: GovernanceModel,
    *,
    on: date | str | None = None,
    highlight: Trace | str | Body | Post | Delegation | Organisation | None = None,
    focus: str | Body | Post | Organisation | None = None,
    legend: bool = True,
    posts: bool | str = "auto",
    ends: bool = True,
    contracts: bool = True,
    findings: bool = True,
    split: str = "auto",
) -> list[Page]:
    """The diagram of ``model`` as A4 pages (options as :func:`govmodel.draw`).

    ``split``: ``"auto"`` cuts the arrangement into an overview and one page per
    organisation only when one page would print text under 7 pt; ``"always"``
    always does; ``"never"`` keeps one page (larger than A4 if need be), however
    large.

    Without ``focus``, an arrangement of more than :data:`MAX_BOXES` boxes is drawn
    (unless ``split="never"``) as one page: the overview of its organisations and
    the bodies they share, with a ``note`` saying so; when even that has more than
    :data:`MAX_BOXES`, :class:`~govmodel.errors.DiagramTooLarge` is raised, naming
    organisations to focus on.
    """
    if split not in ("auto", "always", "never"):
        raise ValueError(f"split must be 'auto', 'always' or 'never', not {split!r}")
    if focus is None and split != "never":
        parts = Parts(model, model.resolve_on(on), posts=posts, contracts=contracts)
        boxes = parts.boxes()
        if boxes > MAX_BOXES:
            return [_overview_only(model, parts, boxes, highlight, findings, legend)]
    options: dict[str, Any] = {
        "on": on,
        "highlight": highlight,
        "focus": focus,
        "posts": posts,
        "contracts": contracts,
        "findings": findings,
    }
    whole = scene_for(model, ends=ends, **options)
    if split != "always":
        single = fit(whole, legend=legend)
        if single.fits or split == "never" or focus is not None:
            return [single]
    first = overview(scene_for(model, ends=False, **options))
    out = [fit(first, name="overview", legend=legend)]
    if not out[0].fits:
        smaller, dropped = compact(first)
        out = [fit(smaller, name="overview", legend=legend)]
        if dropped:
            out.append(fit(joint_bodies_page(first), name="joint-bodies", legend=legend))
    summarised = scene_for(model, ends=False, **options) if ends else whole
    for org in page_organisations(whole):
        page = fit(organisation_page(whole, org), name=org, legend=legend)
        if not page.fits and ends:
            page = fit(organisation_page(summarised, org), name=org, legend=legend)
        out.append(page)
    return out


def _overview_only(
    model: GovernanceModel,
    parts: Parts,
    boxes: int,
    highlight: Trace | str | Body | Post | Delegation | Organisation | None,
    findings: bool,
    legend: bool,
) -> Page:
    """The one page of an arrangement too large to draw whole, or :class:`DiagramTooLarge`."""
    joint = len(parts.current.organisations) + len(parts.shared())
    examples = parts.busiest(3)
    focus = ", ".join(f"--focus {o}" for o in examples) or "--focus ID"
    why = (
        f"the whole arrangement would draw {boxes:,} boxes, more than the {MAX_BOXES} "
        "a diagram is drawn with"
    )
    if joint > MAX_BOXES:
        raise DiagramTooLarge(
            f"{model.source or model.name}: {why}, and even the overview of its "
            f"organisations and the bodies they share would draw {joint:,}. Draw part of "
            f"it with --focus ID (focus= in Python): an organisation, body, post or "
            f"agreement, e.g. {focus}; `govmodel show FILE` lists the ids.",
            boxes=boxes,
            limit=MAX_BOXES,
            suggestions=examples,
        )
    scene = scene_for(
        model,
        on=parts.on,
        highlight=highlight,
        posts=parts.posts,
        ends=False,
        contracts=parts.contracts,
        findings=findings,
    )
    page = fit(joint_overview(scene), name="overview", legend=legend)
    note = (
        f"{why}: drew the overview of its organisations and the bodies they share. Draw "
        f"one organisation or record with --focus ID, e.g. {focus}."
    )
    return attrs.evolve(page, note=note)


def page_files(path: str | os.PathLike[str], found: list[Page]) -> Iterator[tuple[Path, Page]]:
    """Where each page is written: the first at ``path``, the others beside it with the
    page's name before the suffix (``msecc.svg``, ``msecc-eput.svg``...)."""
    target = Path(path)
    for i, page in enumerate(found):
        yield (
            target if i == 0 else target.with_name(f"{target.stem}-{page.name}{target.suffix}"),
            page,
        )


def write_pages(
    found: list[Page],
    path: str | os.PathLike[str],
    *,
    protect: tuple[str | None, ...] = (),
    dpi: int = 200,
) -> list[Path]:
    """Write every page (format from the suffix of ``path``) and return the paths."""
    from govmodel.render.dot import render

    return [
        render(page.diagram, target, protect=protect, dpi=dpi)
        for target, page in page_files(path, found)
    ]


def describe(found: list[Page]) -> Iterator[str]:
    """One line per page: its name, orientation, and smallest printed text."""
    for page in found:
        flag = "" if page.fits else " (larger than A4)"
        yield (
            f"{page.title}: A4 {page.orientation}, smallest text {page.smallest_text:g} pt{flag}"
        )
