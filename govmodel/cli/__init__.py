"""The ``govmodel`` command line (``govmodel.cli:main``, also ``python -m govmodel``).

One module per command; :data:`govmodel.cli.main.COMMANDS` lists them.
"""

from govmodel.cli.main import main
from govmodel.errors import UsageError

__all__ = ["UsageError", "main"]
