"""Sphinx extension: fail the strict build on examples that would render as prose.

In Markdown a line starting with ``>>>`` is a quote three levels deep, so a
Python session written outside a code fence shows as nested quotes of plain
text. Two checks catch it, each a warning (an error under ``-W``):

- ``source-read``: a line starting with ``>>>`` (or ``...`` right after one)
  outside a fenced block;
- ``doctree-read``: a block quote inside a block quote, which is how the
  mistake looks once parsed, whatever wrote it.

Put sessions in a ```` ```pycon ```` fence (with a blank line before the
closing fence, so doctest ends the expected output there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

HINT = "put the session in a ```pycon fence (a blank line before the closing fence)"


def bare_sessions(text: str) -> Iterator[int]:
    """Line numbers (1-based) of ``>>>`` lines outside fenced code blocks.

    >>> list(bare_sessions("prose\\n>>> 1 + 1\\n2\\n\\n```pycon\\n>>> 2\\n```\\n"))
    [2]
    """
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and line.startswith(">>>"):
            yield number


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    if not str(app.env.doc2path(docname)).endswith(".md"):
        return
    for line in bare_sessions(source[0]):
        logger.warning(
            "a '>>>' example outside a code fence renders as nested quotes; %s",
            HINT,
            location=(docname, line),
        )


def _doctree_read(app: Any, doctree: nodes.document) -> None:
    for quote in doctree.findall(nodes.block_quote):
        if isinstance(quote.parent, nodes.block_quote):
            logger.warning(
                "a quote inside a quote: an example written as prose? %s", HINT, location=quote
            )


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _source_read)
    app.connect("doctree-read", _doctree_read)
    return {"parallel_read_safe": True, "version": "1"}
