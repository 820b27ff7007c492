"""``python -m govmodel``: the command line."""

from govmodel.cli import main

raise SystemExit(main())
