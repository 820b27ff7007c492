"""How diagrams look: fonts and sizes, the style of each kind of box and line, the
highlight.

Sizes are in points at the diagram's natural size. :mod:`govmodel.render.a4`
shrinks a page only as far as keeps the smallest of them at
:data:`MIN_PRINTED_PT` on paper.
"""

from __future__ import annotations

__all__ = [
    "EDGE_STYLE",
    "FONT",
    "HIGHLIGHT",
    "HIGHLIGHT_WIDTH",
    "LEGEND_EDGES",
    "LEGEND_NODES",
    "MIN_PRINTED_PT",
    "NODE_STYLE",
    "SIZES",
]

FONT = "Helvetica"

#: Font sizes (pt): the title, box names, and everything smaller (details, members,
#: line labels, key, legend and footer).
SIZES = {"title": 13, "name": 9, "small": 8}

#: No text may print smaller than this (pt) on A4.
MIN_PRINTED_PT = 7.0

#: The highlight: a magenta no relation uses, wider than every relation's line.
HIGHLIGHT = "#c800c8"
HIGHLIGHT_WIDTH = "4"

NODE_STYLE: dict[str, dict[str, str]] = {
    "organisation": {"shape": "plaintext"},
    "partner": {
        "shape": "box",
        "style": "rounded,filled,bold",
        "fillcolor": "#f7fbff",
        "color": "#1f4e79",
    },
    "board": {
        "shape": "box",
        "style": "rounded,filled,bold",
        "fillcolor": "#dbe8f5",
        "color": "#1f4e79",
    },
    "governors": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#e8e0f0",
        "color": "#5b3f86",
    },
    "committee": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#ffffff",
        "color": "#1f4e79",
    },
    "shared": {
        "shape": "box",
        "style": "rounded,filled",
        "peripheries": "2",
        "fillcolor": "#fff2cc",
        "color": "#b8860b",
    },
    "post": {
        "shape": "box",
        "style": "rounded,filled,dashed",
        "fillcolor": "#f2f2f2",
        "color": "#7f7f7f",
    },
    "agreement": {"shape": "note", "style": "filled", "fillcolor": "#e2f0d9", "color": "#38761d"},
    "contract": {
        "shape": "component",
        "style": "filled",
        "fillcolor": "#fce5cd",
        "color": "#b45f06",
    },
    "end": {
        "shape": "box",
        "style": "filled,diagonals",
        "fillcolor": "#f4cccc",
        "color": "#990000",
    },
}

EDGE_STYLE: dict[str, dict[str, str]] = {
    "delegates_to": {"color": "#1f4e79", "penwidth": "1.8", "fontcolor": "#1f4e79"},
    "reports_to": {"style": "dashed", "color": "#595959", "arrowhead": "empty"},
    "member_of": {
        "style": "dotted",
        "color": "#7f7f7f",
        "arrowhead": "none",
        "fontcolor": "#595959",
    },
    "part_of": {"style": "dotted", "color": "#b8860b", "arrowhead": "none"},
    "party_to": {"style": "dashed", "color": "#38761d", "arrowhead": "none"},
    "establishes": {"style": "dashed", "color": "#38761d", "arrowhead": "open"},
    "commissions": {"color": "#b45f06", "arrowhead": "none"},
    "provided_by": {"color": "#b45f06"},
    "statutory": {"color": "#990000", "penwidth": "1.6", "arrowhead": "normal"},
}

#: Legend rows for the lines: relation, words (only relations on the page are shown).
LEGEND_EDGES = [
    ("delegates_to", "delegation (matters, limit)"),
    ("reports_to", "reporting line"),
    ("member_of", "membership"),
    ("part_of", "body of an organisation"),
    ("establishes", "set up by an agreement"),
    ("party_to", "party to an agreement"),
    ("commissions", "commissioner of a contract"),
    ("provided_by", "contract to its provider"),
    ("statutory", "statutory accountability"),
]

#: Legend rows for the boxes: role, words.
LEGEND_NODES = [
    ("partner", "Organisation"),
    ("board", "Board"),
    ("governors", "Council of governors"),
    ("committee", "Committee"),
    ("shared", "Joint or shared body"),
    ("post", "Post"),
    ("agreement", "Agreement"),
    ("contract", "Contract"),
    ("end", "Statutory end"),
]
