"""Pytest collects the docs' Markdown snippets as doctests; conf.py is not a test module."""

collect_ignore = ["conf.py", "_ext", "_build", "notebooks"]
