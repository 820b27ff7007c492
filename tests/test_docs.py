"""The docs build: prose-rendered examples fail it; the site serves the schema's `$id`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import govmodel_doccheck  # noqa: E402
import govmodel_site  # noqa: E402

from govmodel.io.schema import model_schema  # noqa: E402
from govmodel.render.interop import CONTEXT, CONTEXT_URL  # noqa: E402


def _build(tmp_path: Path, page: str) -> tuple[int, str]:
    from sphinx.cmd.build import build_main

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'govmodel_doccheck']\nproject = 'x'\n"
        "exclude_patterns = ['_build']\n"
    )
    (src / "index.md").write_text(page)
    warnings = tmp_path / "warnings.txt"
    code = build_main(
        ["-W", "-q", "-b", "html", "-w", str(warnings), str(src), str(tmp_path / "out")]
    )
    return code, warnings.read_text()


def test_a_session_outside_a_fence_fails_the_strict_build(tmp_path: Path) -> None:
    """A `>>>` example written as prose (nested quotes once rendered) is an error."""
    code, warnings = _build(tmp_path, "# Page\n\n>>> 1 + 1\n2\n")
    assert code != 0
    assert "index.md:3" in warnings and "outside a code fence" in warnings


def test_a_fenced_session_builds(tmp_path: Path) -> None:
    """The same example in a pycon fence builds cleanly."""
    code, warnings = _build(tmp_path, "# Page\n\n```pycon\n>>> 1 + 1\n2\n\n```\n")
    assert code == 0, warnings


def test_nested_quotes_are_caught_whatever_wrote_them(tmp_path: Path) -> None:
    """A quote inside a quote is reported by the doctree check."""
    code, warnings = _build(tmp_path, "# Page\n\n> > quoted twice\n")
    assert code != 0 and "a quote inside a quote" in warnings


def test_the_docs_pages_have_no_bare_sessions() -> None:
    """No page of the docs holds a `>>>` line outside a fence."""
    pages = [p for p in DOCS.rglob("*.md") if "_build" not in p.parts]
    found = {
        str(p.relative_to(DOCS)): list(govmodel_doccheck.bare_sessions(p.read_text()))
        for p in pages
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_the_site_serves_the_schema_at_its_id_and_the_context(tmp_path: Path) -> None:
    """The built site has the schema where its `$id` points and the JSON-LD context."""
    written = govmodel_site.published(tmp_path)
    schema = model_schema()
    path = tmp_path / urlparse(schema["$id"]).path.lstrip("/")
    assert written[schema["$id"]] == path
    assert json.loads(path.read_text()) == schema
    context = tmp_path / urlparse(CONTEXT_URL).path.lstrip("/")
    assert json.loads(context.read_text()) == {"@context": CONTEXT}


@pytest.mark.needs_dot
def test_the_gallery_has_a_diagram_of_every_example(tmp_path: Path) -> None:
    """One SVG per bundled example, each shown on the gallery page."""
    import govmodel

    govmodel_site.gallery(tmp_path)
    page = (tmp_path / "gallery.md").read_text()
    for name in govmodel.examples.names():
        assert (tmp_path / "gallery" / f"{name}.svg").read_text().lstrip().startswith("<")
        assert f"gallery/{name}.svg" in page
