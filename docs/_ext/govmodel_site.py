"""Sphinx extension: the gallery, the notebooks and the files the site publishes.

At ``builder-inited``:

- ``reference/generated/gallery.md`` and one SVG per bundled example, drawn
  with Graphviz at every build (only changed files are rewritten);
- ``reference/generated/aims.md``: the aims table ``govmodel advise`` reads,
  form by form, with links to the rules each point rests on;
- ``reference/generated/charts/``: the timeline chart the timeline page shows;
- ``notebooks/``: copies of the repository's notebooks, which myst-nb executes
  and renders.

At ``build-finished`` (HTML only), the files whose addresses govmodel's outputs
name: the JSON Schemas at the paths of their ``$id`` (``/schema/model.json``, and
``policy.json`` and ``cases.json`` beside it) and the
JSON-LD context at :data:`govmodel.render.interop.CONTEXT_URL`
(``/ld/context.jsonld``), and the check that both are there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from govmodel import examples
from govmodel.cases import case_file_schema
from govmodel.io.schema import model_schema, policy_file_schema
from govmodel.render.interop import CONTEXT, CONTEXT_URL

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _write(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not path.exists() or path.read_bytes() != raw:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)


def gallery(root: Path) -> None:
    """Write the gallery page and the SVG of every bundled example under ``root``."""
    from govmodel.render.dot import draw

    out = [
        "# Gallery",
        "",
        "The diagram of every bundled example, drawn by `govmodel draw` at each build of "
        "these pages. Each box is an organisation; shared bodies sit between them; "
        "statutory ends are above; the legend says what each line means.",
        "",
    ]
    for name in examples.names():
        model = examples.load(name)
        svg = draw(model).pipe(format="svg")
        _write(root / "gallery" / f"{name}.svg", svg)
        out += [
            f"## {model.name}",
            "",
            examples.describe(name),
            "",
            "```console",
            f"$ govmodel example {name} -o {name}.yaml",
            f"$ govmodel draw {name}.yaml -o {name}.svg",
            "```",
            "",
            f"![The {name} diagram](gallery/{name}.svg)",
            "",
        ]
    _write(root / "gallery.md", "\n".join(out) + "\n")


def aims_page(root: Path) -> None:
    """Write the aims table as a page: for each form, each aim's rating, why and rules."""
    from govmodel.law.aims import aims
    from govmodel.law.forms import form_info
    from govmodel.model.kinds import FormId

    table = aims()
    out = [
        "# The aims table",
        "",
        "How far each governance form gives each aim partners may have, as "
        "`govmodel advise` reads it (`govmodel/law/rules/aims.yaml`). Each point is "
        "reasoning from the rules it names; the verdict for a mix of parties on a date "
        "comes from the rules themselves.",
        "",
        "| aim | asks |",
        "|---|---|",
        *(f"| `{a.id}` | {a.question} |" for a in table.aims.values()),
        "",
    ]
    for form in FormId:
        out += [f"## {form_info(form).title}", "", "| aim | rating | why | rules |"]
        out.append("|---|---|---|---|")
        for aim in table.aims:
            point = table.point(form, aim)
            rules = ", ".join(f"[{r}](rules/{r}.md)" for r in point.rules)
            out.append(f"| `{aim}` | {point.rating} | {point.why} | {rules} |")
        out.append("")
    _write(root / "aims.md", "\n".join(out) + "\n")


def charts(root: Path) -> None:
    """Write the timeline chart of the MSECC partners, from their first common day to
    the end of 2026."""
    from govmodel.law.timeline import timeline
    from govmodel.render.chart import timeline_svg

    partners = [("ft", "EPUT"), ("ft", "NELFT"), ("cic", "Provide CIC")]
    svg = timeline_svg(timeline(partners, end="2026-12-01"))
    _write(root / "charts" / "msecc-timeline.svg", svg)


def notebooks(srcdir: Path) -> None:
    """Copy the notebooks into the docs tree, where myst-nb executes them."""
    target = srcdir / "notebooks"
    target.mkdir(exist_ok=True)
    for notebook in sorted(NOTEBOOKS.glob("*.ipynb")):
        _write(target / notebook.name, notebook.read_bytes())


def published(outdir: Path) -> dict[str, Path]:
    """Write the schema and the JSON-LD context where their addresses point; return them."""
    schemas = [model_schema(), policy_file_schema(), case_file_schema()]
    files = {
        **{s["$id"]: json.dumps(s, indent=2, ensure_ascii=False) + "\n" for s in schemas},
        CONTEXT_URL: json.dumps({"@context": CONTEXT}, indent=2, ensure_ascii=False) + "\n",
    }
    written = {}
    for url, text in files.items():
        path = outdir / urlparse(url).path.lstrip("/")
        _write(path, text)
        written[url] = path
    return written


def _builder_inited(app: Any) -> None:
    srcdir = Path(app.srcdir)
    gallery(srcdir / "reference" / "generated")
    aims_page(srcdir / "reference" / "generated")
    charts(srcdir / "reference" / "generated")
    notebooks(srcdir)


def _build_finished(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        for url, path in published(Path(app.outdir)).items():
            if not path.is_file():  # pragma: no cover - written just above
                raise RuntimeError(f"{url} is not served at {path}")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _builder_inited)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "version": "1"}
