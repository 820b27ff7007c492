"""Diagrams that read on A4: sizes, pages, ends, the highlight, tooltips and links."""

from __future__ import annotations

from pathlib import Path

import pytest

import govmodel
from govmodel.render.a4 import A4, pages
from govmodel.render.dot import pipe, render
from govmodel.render.labels import check_url, rule_url, wrap_words
from govmodel.render.style import EDGE_STYLE, HIGHLIGHT, HIGHLIGHT_WIDTH, MIN_PRINTED_PT
from govmodel.render.svg import page_size, printed_text_sizes

from .conftest import run

#: The pages each bundled example is drawn on (Graphviz 2.43's font metrics).
EXPECTED_PAGES = {
    "essex-pcts-2010": ["all"],
    "mse-success-regime-2016": ["overview", "joint-bodies", "btuh", "southend_ft"],
    "msecc-2020": ["overview", "joint-bodies", "eput", "nelft"],
    "msecc-2023": ["overview", "joint-bodies", "eput", "nelft"],
    "nics-2021": ["overview", "eput", "esneft"],
    "shropshire-pcts-2010": ["all"],
}


@pytest.fixture(scope="module")
def example_pages() -> dict[str, list[tuple[str, str]]]:
    """Every page of every bundled example as (name, SVG text)."""
    return {
        name: [
            (p.name, pipe(p.diagram, "svg").decode("utf-8"))
            for p in pages(govmodel.examples.load(name))
        ]
        for name in govmodel.examples.names()
    }


@pytest.mark.needs_dot
@pytest.mark.parametrize("name", govmodel.examples.names())
def test_no_text_prints_under_7_pt_on_an_a4_page(
    name: str, example_pages: dict[str, list[tuple[str, str]]]
) -> None:
    """Read from each page's SVG: the page fits A4 (portrait or landscape, 10 mm margins)
    and every piece of text prints at 7 pt or more."""
    for page, svg in example_pages[name]:
        width, height = page_size(svg)
        landscape = width <= A4[0] + 1 and height <= A4[1] + 1
        portrait = width <= A4[1] + 1 and height <= A4[0] + 1
        assert landscape or portrait, (page, width, height)
        assert min(printed_text_sizes(svg)) >= MIN_PRINTED_PT, page


@pytest.mark.needs_dot
def test_large_arrangements_are_split_not_shrunk(
    example_pages: dict[str, list[tuple[str, str]]],
) -> None:
    """Small arrangements take one page; large ones an overview and a page per organisation."""
    assert {k: [p for p, _ in v] for k, v in example_pages.items()} == EXPECTED_PAGES
    overview = dict(example_pages["msecc-2023"])["overview"]
    assert "— Overview" in overview and ">EPUT board of<" not in overview
    eput = dict(example_pages["msecc-2023"])["eput"]
    assert ">EPUT board of<" in eput and ">Parliament<" in eput


def test_labels_wrap_between_words_and_never_inside_one() -> None:
    """Every line is whole words of the original, in order."""
    text = "Decisions on the joint delivery of the partners' community services contracts"
    for width in (5, 12, 24, 40):
        lines = wrap_words(text, width)
        assert " ".join(lines) == text
        assert all(len(line) <= width or " " not in line for line in lines)


def test_the_highlight_differs_from_every_relation_style() -> None:
    """No relation is drawn in the highlight colour, and the highlight is the widest line."""
    colours = {style["color"].lower() for style in EDGE_STYLE.values()}
    assert HIGHLIGHT.lower() not in colours
    widest = max(float(style.get("penwidth", "1")) for style in EDGE_STYLE.values())
    assert float(HIGHLIGHT_WIDTH) > widest + 1
    assert EDGE_STYLE["statutory"]["color"] != HIGHLIGHT


def test_no_ends_summarises_the_statutory_chain_as_one_line_per_organisation() -> None:
    """--no-ends draws no Parliament or Secretary of State box, but says who each answers to."""
    model = govmodel.examples.load("msecc-2020")
    shown = govmodel.draw(model).source
    summarised = govmodel.draw(model, ends=False).source
    assert "end__parliament" in shown and "end__parliament" not in summarised
    assert "answers to Monitor → Secretary of State<br/>→ Parliament" in summarised
    assert "answers to Provide CIC members" in summarised


def test_nodes_and_lines_say_what_they_are_and_link_to_the_docs() -> None:
    """Tooltips hold kinds, members, matters, limits and instruments; findings link to their
    code's page and delegations to the rule that lets the delegator delegate."""
    model = govmodel.examples.load("msecc-2023")
    source = govmodel.draw(model).source
    assert "Members: EPUT chair (for EPUT)" in source
    assert "Instrument: Contractual joint venture agreement (terms not published)" in source
    assert check_url("GM401") in source and check_url("GM602") in source
    assert f'URL="{rule_url("BC-001")}"' in source  # an FT board delegating
    assert "Schedule 7" in source or "Sch 7" in source


@pytest.mark.needs_dot
def test_the_svg_is_interactive(tmp_path: Path) -> None:
    """The SVG carries tooltips as titles and links to the rule and check pages."""
    svg = pipe(govmodel.draw(govmodel.examples.load("msecc-2023")), "svg").decode("utf-8")
    assert 'xlink:title="MSECC board (partnership board)' in svg
    assert f'xlink:href="{check_url("GM401")}"' in svg
    assert 'target="_blank"' in svg


@pytest.mark.needs_dot
def test_the_same_model_gives_byte_identical_svg_pages(tmp_path: Path) -> None:
    """Two runs of `govmodel draw` give the same bytes for every page."""
    path = str(govmodel.examples.path("msecc-2023"))
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        out.mkdir()
        assert govmodel.cli.main(["draw", path, "-o", str(out / "m.svg")]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == ["m-eput.svg", "m-joint-bodies.svg", "m-nelft.svg", "m.svg"]
    for n in names:
        assert (first / n).read_bytes() == (second / n).read_bytes()


@pytest.mark.needs_dot
def test_dpi_sets_the_png_resolution(tmp_path: Path) -> None:
    """Twice the dpi, twice the pixels across."""
    diagram = pages(govmodel.examples.load("nics-2021"), split="never")[0].diagram

    def width(dpi: int) -> int:
        data = render(diagram, tmp_path / f"{dpi}.png", dpi=dpi).read_bytes()
        return int.from_bytes(data[16:20], "big")

    assert abs(width(200) - 2 * width(100)) <= 4


@pytest.mark.needs_dot
def test_draw_writes_every_page_and_refuses_existing_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The overview goes to -o, each organisation beside it; existing files need --force."""
    path = str(govmodel.examples.path("nics-2021"))
    out = tmp_path / "n.png"
    code, _, err = run(capsys, "draw", path, "-o", str(out), "--dpi", "72")
    assert code == 0 and "n-eput.png" in err and "smallest text" in err
    assert (tmp_path / "n-esneft.png").exists()
    code, _, err = run(capsys, "draw", path, "-o", str(out))
    assert code == 2 and "--force" in err
    assert run(capsys, "draw", path, "-o", str(out), "--force", "--split", "never")[0] == 0
    assert run(capsys, "draw", path, "-o", str(out), "--dpi", "5", "--force")[0] == 2
