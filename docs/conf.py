"""Sphinx configuration for the govmodel docs (built strictly by `make docs`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "govmodel"
author = "The govmodel developers"
copyright = "2026, the govmodel developers"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "govmodel_pages",
    "govmodel_site",
    "govmodel_doccheck",
]
# Notebooks (copied into notebooks/ by govmodel_site) are executed at every build.
nb_execution_mode = "force"
nb_execution_timeout = 180
nb_execution_raise_on_error = True
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "conftest.py"]
html_theme = "furo"
html_title = "govmodel"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
nitpicky = False
suppress_warnings = ["myst.xref_missing"]
