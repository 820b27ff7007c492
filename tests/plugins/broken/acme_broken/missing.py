"""A plugin module whose import fails: it needs a package that is not installed."""

import acme_dependency_not_installed  # noqa: F401
