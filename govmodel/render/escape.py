"""Escaping at every boundary: the one place that knows each output language's traps.

Text from a model (names, titles, matters) crosses into languages that give
some characters a meaning: DOT strings and HTML-like labels, Mermaid, HTML,
the terminal, spreadsheets and CSV. Each function here makes text inert in one
of them, so a name can never add a directive, a formula, markup or an escape
sequence. Control characters are first made visible (``\\u001b``), so nothing is
silently lost either.

>>> terminal("Board\\x1b[2J")
'Board\\\\u001b[2J'
>>> mermaid_label('A "quoted" <b>name</b>')
'A #quot;quoted#quot; #lt;b#gt;name#lt;/b#gt;'
>>> mermaid_id("a.b") != mermaid_id("a_b")
True
>>> csv_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = [
    "csv_cell",
    "dot_html",
    "dot_id",
    "dot_string",
    "excel_cell",
    "html_text",
    "mermaid_comment",
    "mermaid_id",
    "mermaid_label",
    "terminal",
    "visible",
]

# Control characters (but tab and line feed), DEL, the C1 controls, and the
# invisible characters that reorder or hide text on screen.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
_INVISIBLE_OR_BREAK = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def _shown(char: str) -> str:
    # The same spelling as a JSON or Python escape, so JSON output stays valid JSON.
    return f"\\u{ord(char):04x}"


def visible(text: str, *, breaks: bool = False) -> str:
    """``text`` with control and invisible characters written as ``\\uNNNN``
    (line breaks and tabs too, when ``breaks``).

    >>> visible("a\\u202eb\\nc"), visible("a\\nb", breaks=True)
    ('a\\\\u202eb\\nc', 'a\\\\u000ab')
    """
    pattern = _INVISIBLE_OR_BREAK if breaks else _INVISIBLE
    return pattern.sub(lambda m: _shown(m.group()), text)


def terminal(text: str) -> str:
    """Text safe to print: escape sequences, carriage returns and other controls are
    shown, never sent raw; line breaks and tabs stay."""
    return visible(text.replace("\r\n", "\n"))


# -- DOT ----------------------------------------------------------------------------------

_RESERVED_IDS = ("org__", "end__", "legend__", "cluster_", "id__")


def dot_id(record_id: str) -> str:
    """A DOT node name for a model id that cannot collide with a name the diagram
    makes itself (``org__X``, ``end__X``, the legend's): ids that start like those
    get ``id__`` in front.

    >>> dot_id("eput.board"), dot_id("legend__key")
    ('eput.board', 'id__legend__key')
    """
    return f"id__{record_id}" if record_id.startswith(_RESERVED_IDS) else record_id


def dot_string(text: str) -> Any:
    """A plain DOT string (an edge label): backslashes are literal, never escapes
    such as ``\\N``; the text is never taken for an HTML-like label; controls are
    shown. Line breaks stay line breaks."""
    from graphviz import nohtml

    return nohtml(visible(text).replace("\\", "\\\\"))


def dot_html(text: str) -> str:
    """Text for inside an HTML-like DOT label: markup characters escaped, controls
    and line breaks shown as text."""
    return html.escape(visible(text, breaks=True), quote=False)


# -- Mermaid ------------------------------------------------------------------------------

_MERMAID_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "%": "#37;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
}
_MERMAID_SPECIAL = re.compile('[#"<>&`%{}|\\[\\]]')


def mermaid_label(text: str) -> str:
    """Text for a quoted Mermaid label: one line, with Mermaid's entity codes for
    quotes, markup, links and directives, so it can end nothing and start nothing."""
    flat = visible(text).replace("\n", " ").replace("\t", " ")
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], flat)


def mermaid_comment(text: str) -> str:
    """Text for a ``%%`` comment line: one line, and no ``{``, ``}`` or ``%`` that
    could make it a directive."""
    return mermaid_label(text)


def mermaid_id(node_id: str) -> str:
    """A Mermaid node id for any text, one-to-one: letters and digits stay, ``_``
    doubles, anything else becomes ``_HEX_``; ``n_`` in front keeps it clear of
    keywords (``end``, ``click``...).

    >>> mermaid_id("a.b"), mermaid_id("a_b"), mermaid_id("end")
    ('n_a_2e_b', 'n_a__b', 'n_end')
    """
    out = []
    for char in node_id:
        if char.isascii() and char.isalnum():
            out.append(char)
        elif char == "_":
            out.append("__")
        else:
            out.append(f"_{ord(char):x}_")
    return "n_" + "".join(out)


# -- HTML, spreadsheets, CSV --------------------------------------------------------------


def html_text(text: str) -> str:
    """Text for HTML (or SVG) content or attribute values."""
    return html.escape(visible(text), quote=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What the XML of a workbook cannot hold (openpyxl refuses it).
_EXCEL_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: The largest whole number a spreadsheet cell holds exactly (15 significant digits).
EXCEL_MAX_EXACT = 10**15 - 1


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet opens as text, never as a formula: text that
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets ``'`` in
    front (OWASP's advice); controls are shown."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def excel_cell(value: Any) -> Any:
    """A spreadsheet cell value: text without the characters a workbook cannot hold,
    and whole numbers beyond what a cell holds exactly written as text."""
    if isinstance(value, str):
        return _EXCEL_ILLEGAL.sub(lambda m: _shown(m.group()), visible(value))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > EXCEL_MAX_EXACT:
        return str(value)
    return value
