"""``govmodel test``: case files with expected answers, run like a test suite.

A case file lists cases in the rulebook's own vocabulary (the ``cases:`` of the
rule files): the verdict on a form for a mix of parties on a date, with its
eligible parties; findings that must or must not appear for a model on a date;
where an accountability trace ends; who can decide a matter. :func:`run_cases`
reads every file (all problems at once, located), runs every case and returns
:class:`~govmodel.cases.results.Results`: printed as dots, failures with
expected and actual, and a summary line, or written as JUnit XML.

>>> from govmodel import cases, examples
>>> results = cases.run_cases(examples.case_files())
>>> results.exit_code, results.summary().endswith("0 failed")
(0, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from govmodel.cases.files import CaseFile, case_file_schema, read
from govmodel.cases.results import Results, rule_cases, run
from govmodel.cases.runner import Difference, Outcome, Status, judge

__all__ = [
    "CaseFile",
    "Difference",
    "Outcome",
    "Results",
    "Status",
    "case_file_schema",
    "judge",
    "read",
    "rule_cases",
    "run",
    "run_cases",
]


def run_cases(
    paths: Iterable[str | Path] = (),
    *,
    rules: bool = False,
    progress: Callable[[Outcome], None] | None = None,
) -> Results:
    """Run the case files ``paths`` (folders are searched for ``*.cases.yaml``), and
    with ``rules`` the rulebook's own cases first.

    Raises :class:`~govmodel.errors.CaseFileError` listing every problem in the
    files, and the models and policy files they name, before any case runs.
    """
    extra = [rule_cases()] if rules else []
    return run(read(list(paths), extra=extra), progress=progress)
