"""The law: party types, governance forms, the rulebook, the evaluator, verdicts for lists
of parties, legal characters and statutory accountability.

Nothing here reads a model: the questions asked of a model are in :mod:`govmodel.analysis`.
"""

from govmodel.law.base import Basis, Citation, Confidence, Effect, Period, Route, Rule
from govmodel.law.forms import FORMS, FormInfo
from govmodel.law.parties import PARTY_TYPES, PartyInfo
from govmodel.law.rules import rulebook
from govmodel.law.timeline import Timeline, timeline
from govmodel.law.verdicts import Explanation, FormsResult, FormVerdict, Reason, forms

__all__ = [
    "FORMS",
    "PARTY_TYPES",
    "RULEBOOK",
    "Basis",
    "Citation",
    "Confidence",
    "Effect",
    "Explanation",
    "FormInfo",
    "FormVerdict",
    "FormsResult",
    "PartyInfo",
    "Period",
    "Reason",
    "Route",
    "Rule",
    "Timeline",
    "forms",
    "rulebook",
    "timeline",
]


def __getattr__(name: str) -> object:
    if name == "RULEBOOK":  # every rule, read lazily on first use
        return rulebook().rules
    raise AttributeError(name)
