"""Check a scheme of delegation: findings with stable codes, locations, legal basis, hints.

>>> import govmodel
>>> report = govmodel.check(govmodel.examples.load("nics-2021"))
>>> report.is_valid()
True
"""

from govmodel.checks.base import Category, CheckSpec, Finding, Severity
from govmodel.checks.engine import SchemeInvalid, check, is_valid, iter_findings, validate
from govmodel.checks.registry import REGISTRY, lookup
from govmodel.checks.report import Report

__all__ = [
    "REGISTRY",
    "Category",
    "CheckSpec",
    "Finding",
    "Report",
    "SchemeInvalid",
    "Severity",
    "check",
    "is_valid",
    "iter_findings",
    "lookup",
    "validate",
]
