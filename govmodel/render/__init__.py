"""Presentation: text, notebook HTML, tables and diagrams. Nothing here decides law."""
