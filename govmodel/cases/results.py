"""Run many cases and report them as a test runner does: dots, failures, a summary,
and JUnit XML for continuous integration.

Output is deterministic: cases run in file order, no timings are printed, and
files inside the govmodel package are named from the package down
(``govmodel/examples/cases/msecc-2023.cases.yaml``) wherever it is installed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path as FsPath

import attrs

from govmodel.cases.files import CaseFile, Loaded, model_key, policy_keys
from govmodel.cases.runner import Outcome, Status, judge
from govmodel.errors import GovModelError
from govmodel.law.base import Case
from govmodel.law.rules import rulebook

__all__ = ["MARK", "Results", "display_path", "rule_cases", "run"]

_PACKAGE = FsPath(__file__).resolve().parents[1]
#: The mark each outcome prints as it comes.
MARK = {Status.PASSED: ".", Status.FAILED: "F", Status.ERROR: "E"}


def display_path(path: str) -> str:
    """``path`` as the reports show it: from ``govmodel/`` down when it is inside the
    installed package, else as given."""
    p = FsPath(path)
    try:
        return str(FsPath("govmodel") / p.resolve().relative_to(_PACKAGE))
    except ValueError:
        return path


def rule_cases() -> CaseFile:
    """The rulebook's own worked cases, as one case file (each case names its rule and
    stands where its rule file has it)."""
    return CaseFile(path="rulebook", name="the rulebook's cases", cases=_rule_cases())


def _rule_cases() -> tuple[Case, ...]:
    return tuple(case for rule in rulebook() for case in rule.cases)


def _file_of(case_file: CaseFile, case: Case) -> str:
    if case_file.path == "rulebook" and case.location is not None:
        return display_path(case.location.file)
    return display_path(case_file.path)


def run(loaded: Loaded, *, progress: Callable[[Outcome], None] | None = None) -> Results:
    """Run every case of ``loaded`` in file order; ``progress`` is told of each outcome
    as it comes."""
    outcomes = []
    for case_file in loaded.files:
        for case in case_file.cases:
            outcome = _run_one(case_file, case, loaded)
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome)
    return Results(outcomes=tuple(outcomes))


def _run_one(case_file: CaseFile, case: Case, loaded: Loaded) -> Outcome:
    file = _file_of(case_file, case)
    model = policies = None
    if case.kind == "example":
        model = loaded.models[model_key(case_file, case)]
        policies = [loaded.policies[k] for k in policy_keys(case_file, case)]
    try:
        differences = judge(case, model=model, policies=policies or ())
    except GovModelError as exc:
        return Outcome(case=case, file=file, status=Status.ERROR, error=str(exc))
    status = Status.FAILED if differences else Status.PASSED
    return Outcome(case=case, file=file, status=status, differences=tuple(differences))


@attrs.frozen(kw_only=True)
class Results:
    """The outcomes of a run, in order."""

    outcomes: tuple[Outcome, ...]

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.outcomes)

    def count(self, status: Status) -> int:
        """How many cases came out so."""
        return sum(o.status is status for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        """0 every case passed; 1 a case failed; 2 a case could not be asked."""
        if self.count(Status.ERROR):
            return 2
        return 1 if self.count(Status.FAILED) else 0

    def summary(self) -> str:
        """``"12 cases: 11 passed, 1 failed"`` (errors when there are any)."""
        n = len(self.outcomes)
        parts = [f"{self.count(Status.PASSED)} passed", f"{self.count(Status.FAILED)} failed"]
        if self.count(Status.ERROR):
            errors = self.count(Status.ERROR)
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        return f"{n} case{'s' if n != 1 else ''}: {', '.join(parts)}"

    def failures(self) -> str:
        """Every failed case and error: where it is, what it asks, expected and actual."""
        blocks = []
        for o in self.outcomes:
            if o.status is Status.PASSED:
                continue
            where = o.case.location
            place = f"{o.file}:{where.line}:{where.column}" if where else o.file
            head = "FAILED" if o.status is Status.FAILED else "ERROR"
            lines = [f"{head} {place}: {o.title}"]
            for d in o.differences:
                lines.append(f"  expected {d.what}: {d.expected}")
                lines.append(f"  actual   {d.what}: {d.actual}")
            if o.error:
                lines.append(f"  {o.error}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def render(self) -> str:
        """The whole report as ``govmodel test`` prints it: one line of marks per file,
        then the failures, then the summary line."""
        lines: list[str] = []
        current = None
        for o in self.outcomes:
            if o.file != current:
                lines.append(f"{o.file} ")
                current = o.file
            lines[-1] += MARK[o.status]
        text = "\n".join(lines) + "\n"
        failures = self.failures()
        if failures:
            text += "\n" + failures + "\n"
        return text + "\n" + self.summary() + "\n"

    def junit(self) -> bytes:
        """The outcomes as JUnit XML: one ``testsuite`` per file, one ``testcase`` per
        case, with a ``failure`` (expected and actual) or an ``error``."""
        root = ET.Element("testsuites", name="govmodel test")
        _counts(root, self.outcomes)
        suites: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            suites.setdefault(o.file, []).append(o)
        for file, outcomes in suites.items():
            suite = ET.SubElement(root, "testsuite", name=file)
            _counts(suite, outcomes)
            for o in outcomes:
                attributes = {"classname": _classname(file), "name": o.title, "file": file}
                if o.case.location is not None:
                    attributes["line"] = str(o.case.location.line)
                testcase = ET.SubElement(suite, "testcase", attributes)
                if o.status is Status.FAILED:
                    first = o.differences[0]
                    failure = ET.SubElement(
                        testcase,
                        "failure",
                        message=f"expected {first.what}: {first.expected}; actual: {first.actual}",
                        type="CaseFailed",
                    )
                    failure.text = "\n".join(
                        f"expected {d.what}: {d.expected}\nactual   {d.what}: {d.actual}"
                        for d in o.differences
                    )
                elif o.status is Status.ERROR:
                    error = ET.SubElement(
                        testcase, "error", message=o.error or "", type="CaseError"
                    )
                    error.text = o.error
        ET.indent(root)
        text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        return text + b"\n"


def _counts(element: ET.Element, outcomes: Iterable[Outcome]) -> None:
    found = list(outcomes)
    element.set("tests", str(len(found)))
    element.set("failures", str(sum(o.status is Status.FAILED for o in found)))
    element.set("errors", str(sum(o.status is Status.ERROR for o in found)))


def _classname(file: str) -> str:
    """``govmodel/examples/cases/msecc-2023.cases.yaml`` -> ``msecc-2023``."""
    name = FsPath(file).name
    for suffix in (".cases.yaml", ".cases.yml", ".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
