"""How govmodel's result objects show themselves: in a notebook, and at the prompt.

:class:`Displayed` is a mixin for result records (a verdict, a finding, a
grant, a trace...). Its ``_repr_html_`` and ``__repr__`` are façades: they
import :mod:`govmodel.render.notebook` when called, which holds every
rendering, so the records themselves stay free of presentation. Like
:mod:`govmodel.errors`, this module sits at the bottom: every layer may use it.
"""

from __future__ import annotations

__all__ = ["Displayed"]


class Displayed:
    """Mixin: rich HTML for Jupyter and a concise one-line ``repr``.

    Classes using it with attrs pass ``repr=False`` so that attrs keeps this
    ``__repr__`` rather than writing every field out.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        from govmodel.render.notebook import text_of

        return text_of(self)

    def _repr_html_(self) -> str:
        from govmodel.render.notebook import html_of

        return html_of(self)
