"""Hypothesis strategies for governance models and local policies, to property-test
your own policies and plugins.

``models()`` draws valid models (every reference resolves, every id unique; with
``cycles`` the delegations and reporting lines may go round, as real input may);
``nearly_valid_documents()`` and ``nearly_valid_models()`` the mistakes users make;
``policies(model)`` local policies whose ids are the model's;
``models_with_policies()`` models that carry their own; ``schemes()`` models shaped
like a scheme of delegation, where authority flows far; ``parties()`` mixes of
party types for :func:`govmodel.forms`; ``days`` dates.

Hypothesis is an optional extra: ``pip install 'govmodel[strategies]'``.

>>> from hypothesis import given, settings
>>> import govmodel
>>> from govmodel.strategies import models
>>> @settings(max_examples=20, deadline=None)  # a check of a whole model may take a while
... @given(models())
... def test_check_gives_a_report(model):
...     assert govmodel.check(model, plugins=False).on == model.as_of
>>> test_check_gives_a_report()

"""

from __future__ import annotations

from govmodel.errors import MissingExtra

try:
    import hypothesis  # noqa: F401  (the optional extra: only to say it is missing)
except ImportError as exc:  # pragma: no cover - tested with Hypothesis hidden
    raise MissingExtra(
        "govmodel.strategies needs Hypothesis, which is not installed: "
        "pip install 'govmodel[strategies]' (or pip install hypothesis)"
    ) from exc

from govmodel.strategies.documents import full_documents, full_models
from govmodel.strategies.models import (
    DAY0,
    MATTER_IDS,
    days,
    models,
    nearly_valid_documents,
    nearly_valid_models,
    periods,
    schemes,
    text,
)
from govmodel.strategies.policies import models_with_policies, parties, policies, policy_sets

__all__ = [
    "DAY0",
    "MATTER_IDS",
    "days",
    "full_documents",
    "full_models",
    "models",
    "models_with_policies",
    "nearly_valid_documents",
    "nearly_valid_models",
    "parties",
    "periods",
    "policies",
    "policy_sets",
    "schemes",
    "text",
]
