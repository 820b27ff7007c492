"""Command-line commands for the law: ``forms``, ``rules``, ``rule``."""

from __future__ import annotations
