"""Rewrite the snapshots the tests compare against; the test suite never writes them.

The check snapshots (tests/checks/CODE/fail.snap) come from the failing fixtures; the
golden DOT files (tests/golden/NAME.dot) from the bundled examples. Run this by hand
after a deliberate change to a check's wording, the law it cites or the drawing, then
read the diff (`git diff tests/checks tests/golden`), and for DOT render the changed
examples and look at them, before committing.

    .venv/bin/python tests/update_snapshots.py [CODE ...]
    .venv/bin/python tests/update_snapshots.py --golden [EXAMPLE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import govmodel
from tests.test_checks import CODES, HERE, rendered, report_of
from tests.test_render import GOLDEN


def golden(names: list[str]) -> None:
    for name in names or govmodel.examples.names():
        source = govmodel.draw(govmodel.examples.load(name)).source
        (GOLDEN / f"{name}.dot").write_text(source, encoding="utf-8")
        print(f"wrote golden/{name}.dot")


def main(codes: list[str]) -> None:
    if codes[:1] == ["--golden"]:
        golden(codes[1:])
        return
    for code in codes or CODES:
        text = rendered(report_of(code, "fail"), code)
        (HERE / code / "fail.snap").write_text(text, encoding="utf-8")
        print(f"wrote {code}/fail.snap")


if __name__ == "__main__":
    main(sys.argv[1:])
