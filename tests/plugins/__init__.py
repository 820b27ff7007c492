"""Plugin packages for the tests, found through real entry points: put ``good`` or
``broken`` on ``sys.path`` (or ``PYTHONPATH``) and ``importlib.metadata`` finds the
``*.dist-info`` folder there and its ``govmodel.checks`` entry points."""

from pathlib import Path

GOOD = Path(__file__).parent / "good"
BROKEN = Path(__file__).parent / "broken"
