"""Comparing two models: the typed diff (:func:`diff`) of their records and of the
answers about them (verdicts, findings, accountability, authority).

``records`` matches records by id (with renames), ``judged`` compares the
answers, ``report`` puts them together as a :class:`ModelDiff`.
"""

from govmodel.compare.judged import (
    AccountabilityChange,
    AuthorityChange,
    FindingChange,
    VerdictChange,
)
from govmodel.compare.records import FieldChange, RecordChange, RecordsDiff
from govmodel.compare.report import ModelDiff, Side, diff

__all__ = [
    "AccountabilityChange",
    "AuthorityChange",
    "FieldChange",
    "FindingChange",
    "ModelDiff",
    "RecordChange",
    "RecordsDiff",
    "Side",
    "VerdictChange",
    "diff",
]
