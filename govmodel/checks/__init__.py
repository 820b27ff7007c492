"""Check a scheme of delegation: findings with stable codes, locations, legal basis, hints.

>>> import govmodel
>>> report = govmodel.check(govmodel.examples.load("nics-2021"))
>>> report.is_valid()
True
"""

from govmodel.checks.base import Category, CheckFailure, Finding, Hit, Severity, Source
from govmodel.checks.context import Context
from govmodel.checks.engine import check, is_valid, iter_findings, validate
from govmodel.checks.registry import REGISTRY, lookup
from govmodel.checks.report import Report
from govmodel.checks.spec import CheckSpec, check_spec
from govmodel.errors import SchemeInvalid

__all__ = [
    "REGISTRY",
    "Category",
    "CheckFailure",
    "CheckSpec",
    "Context",
    "Finding",
    "Hit",
    "Report",
    "SchemeInvalid",
    "Severity",
    "Source",
    "check",
    "check_spec",
    "is_valid",
    "iter_findings",
    "lookup",
    "validate",
]
