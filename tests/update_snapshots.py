"""Rewrite the check snapshots (tests/checks/CODE/fail.snap) from the failing fixtures.

Run it by hand after a deliberate change to a check's wording or to the law it cites,
then read the diff (`git diff tests/checks`) before committing: the test suite only
compares, it never writes a snapshot.

    .venv/bin/python tests/update_snapshots.py [CODE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from govmodel.checks import check
from tests.test_checks import CODES, HERE, fixture, rendered


def main(codes: list[str]) -> None:
    for code in codes or CODES:
        text = rendered(check(fixture(code, "fail")), code)
        (HERE / code / "fail.snap").write_text(text, encoding="utf-8")
        print(f"wrote {code}/fail.snap")


if __name__ == "__main__":
    main(sys.argv[1:])
