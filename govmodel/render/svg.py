"""Reading what Graphviz wrote: the printed size of an SVG and of the text in it.

Graphviz writes the page size as ``width``/``height`` in points and shrinks a
drawing with a ``scale(...)`` transform on its top group; text keeps its
unscaled ``font-size``. The printed size of text is its font size times that
scale times the ratio of the page to the view box.

>>> svg = ('<svg width="100pt" height="50pt" viewBox="0.00 0.00 200.00 100.00">'
...        '<g id="graph0" class="graph" transform="scale(0.5 0.5) rotate(0)">'
...        '<text font-size="14.00">a</text></g></svg>')
>>> page_size(svg), printed_text_sizes(svg)
((100.0, 50.0), [3.5])
"""

from __future__ import annotations

import re

__all__ = ["inline", "page_size", "printed_text_sizes"]

_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"', re.S)
_VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) ([\d.]+)"', re.S)
_SCALE = re.compile(r'<g id="graph0"[^>]*?transform="scale\(([\d.]+)(?: ([\d.]+))?\)')
_FONT = re.compile(r'<text\b[^>]*?\bfont-size="([\d.]+)"')


def page_size(svg: str) -> tuple[float, float]:
    """Width and height of the drawing in points."""
    found = _SIZE.search(svg)
    if not found:
        raise ValueError("no width and height in points on the <svg> element")
    return float(found.group(1)), float(found.group(2))


def _scale(svg: str) -> float:
    width, _height = page_size(svg)
    box = _VIEWBOX.search(svg)
    ratio = width / float(box.group(1)) if box and float(box.group(1)) else 1.0
    scaled = _SCALE.search(svg)
    return ratio * (float(scaled.group(1)) if scaled else 1.0)


def printed_text_sizes(svg: str) -> list[float]:
    """The size in points at which each piece of text prints, when the SVG is printed at
    its own size (sorted, one entry per distinct size)."""
    scale = _scale(svg)
    return sorted({round(float(size) * scale, 3) for size in _FONT.findall(svg)})


def inline(svg: str) -> str:
    """The ``<svg>`` element alone, for embedding in HTML (no XML prolog, doctype or
    comments)."""
    start = svg.index("<svg")
    body = svg[start:]
    return re.sub(r"<!--.*?-->\n?", "", body, flags=re.S).strip() + "\n"
