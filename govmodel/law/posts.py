"""Kinds of post in law: which are an organisation's executive and non-executive
directors."""

from __future__ import annotations

from govmodel.model.kinds import PostKind

__all__ = ["DIRECTOR_KINDS", "EXECUTIVE_KINDS", "NON_EXECUTIVE_KINDS"]

#: Post kinds that sit on a board as executive directors.
EXECUTIVE_KINDS = frozenset({PostKind.CHIEF_EXECUTIVE, PostKind.EXECUTIVE_DIRECTOR})
#: Post kinds that are non-executive directors (the chair is one: NHS Act 2006 Sch 7 para 16).
NON_EXECUTIVE_KINDS = frozenset(
    {PostKind.CHAIR, PostKind.VICE_CHAIR, PostKind.NON_EXECUTIVE_DIRECTOR}
)
#: Post kinds that are directors of the organisation they belong to.
DIRECTOR_KINDS = EXECUTIVE_KINDS | NON_EXECUTIVE_KINDS
