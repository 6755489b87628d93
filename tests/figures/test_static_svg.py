"""The server's SVG drawing of a chart (figures.static_svg): what a reader sees before plotly has drawn,
and all a reader without JavaScript ever sees, so it must show the same figures."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from dashboard.figures.overview import theme_share_figure
from dashboard.figures.static_svg import to_svg
from dashboard.figures.style import figure, layout
from dashboard.navigation.addresses import parse_request
from dashboard.web.router import render_page
from devtools.page_catalogue import example_paths
from tests.figures.test_figures import _graphs

SVG = "{http://www.w3.org/2000/svg}"


def _parse(drawing: str) -> ET.Element:
    return ET.fromstring(drawing)  # raises on anything that is not well-formed


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def _plotly_only(fig: dict) -> bool:
    """What the drawing leaves to plotly: other trace types, dates, shapes, a chart without a fixed height."""
    layout_ = fig.get("layout", {})
    return (
        any(t.get("type", "scatter") not in ("bar", "scatter") for t in fig["data"])
        or any(isinstance(v, date) for t in fig["data"] for v in (t.get("x") or []))
        or bool(layout_.get("shapes"))
        or not isinstance(layout_.get("height"), (int, float)) or not layout_.get("height")
    )


def test_every_chart_on_every_page_is_drawn_unless_plotly_alone_can(demo_context):
    drawn = left = 0
    for name, path in example_paths(demo_context.service, demo_context.settings.municipality):
        pathname, _, query = path.partition("?")
        for lang in ("nl", "en"):
            page = render_page(demo_context, parse_request(pathname, f"?{query}&lang={lang}", "en"))
            for graph in _graphs(page.children):
                for width in (320, 1240):
                    drawing = to_svg(graph.figure, width)
                    if _plotly_only(graph.figure):
                        assert drawing is None, f"{name}: drawn though it cannot be"
                        left += 1
                        continue
                    assert drawing is not None, f"{name} ({lang}, {width} px): a bar/line chart the first view cannot draw"
                    root = _parse(drawing)
                    assert root.get("aria-hidden") == "true" and root.get("width") == str(width)
                    drawn += 1
    assert drawn > 50 and left > 0


def test_bars_are_as_long_as_their_values_and_carry_their_text():
    fig = theme_share_figure(
        __import__("pandas").DataFrame({"theme": ["Vital", "Young", "Work", "Participate"], "share_of_social_domain": [0.2, 0.1, 0.4, 0.3]}),
        label=lambda t: t, share_text=lambda v: f"{v:.0%}", lang="en", page_of=lambda t: f"/theme/{t}",
    )
    root = _parse(to_svg(fig, 600))
    colours = {"#0072B2": 0.2, "#D55E00": 0.1, "#009E73": 0.4, "#CC79A7": 0.3}
    widths = {r.get("fill"): float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("fill") in colours}
    assert set(widths) == set(colours)
    per_unit = widths["#009E73"] / 0.4
    for colour, share in colours.items():
        assert widths[colour] == pytest.approx(share * per_unit, abs=0.15)
    texts = _texts(root)
    assert {"Vital", "Young", "Work", "Participate", "20%", "10%", "40%", "30%"} <= set(texts)
    # the reversed category axis: the first theme on top
    tops = {r.get("fill"): float(r.get("y")) for r in root.iter(f"{SVG}rect") if r.get("fill") in colours}
    assert tops["#0072B2"] < tops["#D55E00"] < tops["#009E73"] < tops["#CC79A7"]


def test_a_line_breaks_where_a_value_is_missing_and_markers_keep_their_shape():
    fig = figure(
        [{"type": "scatter", "mode": "lines+markers", "x": [2020, 2021, 2022, 2023, 2024], "y": [0.4, 0.8, None, 1.0, 1.2], "name": "a",
          "line": {"color": "#0072B2", "dash": "dash"}, "marker": {"symbol": "square-open", "size": 8}},
         {"type": "scatter", "mode": "lines", "x": [2020, 2024], "y": [0.5, 0.5], "name": "b", "line": {"color": "#000000"}}],
        layout("nl", 300, yaxis={"rangemode": "tozero"}, legend={"orientation": "h"}),
    )
    root = _parse(to_svg(fig, 480))
    lines = [p for p in root.iter(f"{SVG}polyline") if p.get("stroke") == "#0072B2"]
    assert [len(p.get("points").split()) for p in lines] == [2, 2]  # 2020–2021, then 2023–2024
    assert all(p.get("stroke-dasharray") for p in lines)
    squares = [p for p in root.iter(f"{SVG}polygon") if len(p.get("points").split()) == 4 and p.get("fill") == "none"]
    assert len(squares) == 4 + 1  # four values, and the legend's marker
    texts = _texts(root)
    ticks = [t for t in texts if t[:1].isdigit() and len(t) < 5]
    assert any("," in t for t in ticks) and not any("." in t for t in ticks), ticks  # Dutch decimals on the axis
    assert {"a", "b"} <= set(texts)  # two traces: the legend names them


def test_names_from_the_data_cannot_inject_markup():
    fig = figure([{"type": "bar", "x": ["<script>alert(1)</script>", "A & B"], "y": [1, 2], "name": "x\" onload=\"alert(1)"}],
                 layout("en", 300, showlegend=True, legend={"orientation": "h"}))
    drawing = to_svg(fig, 600)
    root = _parse(drawing)
    assert not list(root.iter(f"{SVG}script"))
    assert not [name for element in root.iter() for name in element.attrib if name.startswith("on")]
    texts = _texts(root)
    assert "alert(1)" in texts and "A & B" in texts  # plotly's label markup: tags are markup, never passed through
    assert "A < B" in _texts(_parse(to_svg(figure([{"type": "bar", "x": ["A < B"], "y": [1]}], layout("en", 300)), 400)))


def test_a_pattern_is_defined_once_per_drawing_under_its_chart_key():
    hatched = {"color": "white", "pattern": {"shape": "/", "fgcolor": "#0072B2", "solidity": 0.35, "size": 10, "fillmode": "overlay"}}
    fig = figure([{"type": "bar", "x": [1, 2, 3], "y": ["a", "b", "c"], "orientation": "h", "marker": hatched, "name": "r"}],
                 layout("en", 300))
    root = _parse(to_svg(fig, 600, key="theme-ranking"))
    patterns = list(root.iter(f"{SVG}pattern"))
    assert len(patterns) == 1 and patterns[0].get("id").startswith("p-theme-ranking-600-")
    assert {r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("height") != "10"} >= {f"url(#{patterns[0].get('id')})"}


def test_what_is_not_drawn_is_left_to_plotly():
    assert to_svg(figure([{"type": "treemap", "labels": ["a"], "parents": [""], "values": [1]}], layout("en", 300)), 600) is None
    assert to_svg(figure([{"type": "scatter", "x": [date(2024, 1, 1)], "y": [1]}], layout("en", 300)), 600) is None
    assert to_svg(figure([], layout("en", 300)), 600) is None  # nothing to draw: plotly's empty chart
    no_height = layout("en", 300)
    no_height.pop("height")
    assert to_svg(figure([{"type": "bar", "x": [1], "y": [1]}], no_height), 600) is None
