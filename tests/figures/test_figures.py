"""Every chart on every page type is a valid plotly figure.

Figures are built from plain dicts without plotly's (slow) validation at request time; this test
rebuilds each one with validation on, so a misspelt property still fails the build.
"""
from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc

from dashboard.navigation.addresses import parse_request
from dashboard.web.router import render_page
from devtools.page_catalogue import example_paths


def _graphs(node):
    if isinstance(node, dcc.Graph):
        yield node
    children = getattr(node, "children", None)
    if isinstance(node, (list, tuple)):
        children = node
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from _graphs(child)
    elif children is not None and not isinstance(children, (str, int, float)):
        yield from _graphs(children)


def test_every_chart_on_every_page_is_a_valid_plotly_figure(demo_context):
    checked = 0
    for name, path in example_paths(demo_context.service, demo_context.settings.municipality):
        pathname, _, query = path.partition("?")
        for lang in ("en", "nl"):
            page = render_page(demo_context, parse_request(pathname, f"?{query}&lang={lang}", "en"))
            for graph in _graphs(page.children):
                figure = graph.figure
                as_dict = figure.to_dict() if isinstance(figure, go.Figure) else figure
                go.Figure(as_dict)  # raises ValueError on any invalid property
                assert as_dict["data"], f"{name}: a chart without data"
                checked += 1
    assert checked >= 4


def test_per_unit_comparison_gives_each_theme_its_own_axis():
    """€40k per benefit recipient beside €2k per young person: on one axis the small ones are squashed."""
    from dashboard.domain.compare import Standing
    from dashboard.figures.compare import band_panels_figure

    def standing(value):
        return Standing(value=value, median=value, q1=value * 0.9, q3=value * 1.1, national=value, rank=1, of=10)

    bands = [("Werk", "per bijstandsontvanger", standing(40_000)), ("Jong", "per jongere 0–17", standing(2_000))]
    fig = band_panels_figure(bands, "Kampen", "band", "median", "Nederland", "nl")
    go.Figure(fig)
    assert {t["xaxis"] for t in fig["data"]} == {"x", "x2"}, "one x axis per theme"
    assert fig["layout"]["xaxis2"].get("matches") is None
    assert sum(t.get("showlegend", True) for t in fig["data"]) == 4, "the legend explains the marks once"
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert "Werk" in titles[0] and "per bijstandsontvanger" in titles[0]
