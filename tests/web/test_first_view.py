"""The first response carries the page's content as HTML (issue 18): readable before any script runs
and without JavaScript, escaped, with ids that never clash with Dash's own render."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from dash import dcc, html

from dashboard.web.first_view import CHART_WIDTHS, render, to_html


def _first_view(body: str) -> str:
    return re.search(r'<div id="first-view"[^>]*>(.*?)</div><div id="first-view-end"', body, re.DOTALL).group(1)


def test_html_components_become_their_elements_with_escaped_text_and_attributes():
    tree = html.Section(
        [html.H2("Jeugd & <zorg>", id="h"), html.P('"quoted"', className="lead", style={"marginTop": "1px"}),
         html.Br(), html.Details([html.Summary("Tabel")], open=True)],
        **{"aria-labelledby": "h", "data-kind": "x"},
    )
    assert to_html(tree) == (
        '<section aria-labelledby="fv-h" data-kind="x"><h2 id="fv-h">Jeugd &amp; &lt;zorg&gt;</h2>'
        '<p class="lead" style="margin-top:1px">"quoted"</p><br><details open><summary>Tabel</summary></details></section>'
    )


def test_a_name_from_the_data_cannot_inject_markup_or_script():
    name = '<script>alert(1)</script>" onmouseover="x'
    out = to_html(html.Div([html.Span(name, title=name), dcc.Link(name, href=f"/provider/{name}")]))
    parser = _Elements()
    parser.feed(out)
    assert parser.seen == [("div", []), ("span", ["title"]), ("a", ["href"])]  # no script, no event handler
    assert "&lt;script&gt;" in out and "&quot; onmouseover=&quot;x" in out


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, [name for name, _ in attrs]))


def test_links_graphs_forms_and_stores():
    tree = html.Div([
        dcc.Link("Jong", href="/theme/young", className="theme-link"),
        dcc.Link("bad", href="javascript:alert(1)"),
        html.A("skip", href="#main"),
        dcc.Graph(id="share-chart", figure={"data": [], "layout": {"height": 320}}, className="chart"),
        dcc.Store(id="s", data={"a": 1}),
        html.Label("Jaar", htmlFor="year-select", className="form-label"),
        html.Select([html.Option("2023", value="2023", hidden=True, disabled=True, **{"data-kinds": "begroting"}),
                     html.Option("2024", value="2024", selected=True)], id="year-select", name="year", className="form-select"),
    ])
    out = to_html(tree)
    assert '<a class="theme-link" href="/theme/young">Jong</a>' in out
    assert "javascript:" not in out and '<a href="#fv-main">skip</a>' in out
    assert '<div class="dash-graph chart" id="fv-share-chart" style="height:320px"></div>' in out
    assert '<label class="form-label" for="fv-year-select">Jaar</label>' in out
    assert '<select class="form-select" id="fv-year-select" name="year"><option data-kinds="begroting" disabled hidden value="2023">2023</option><option selected value="2024">2024</option></select>' in out
    assert '"a": 1' not in out and "data=" not in out


def test_the_page_shell_carries_the_page_content_before_any_script(client):
    body = client.get("/theme/young?year=2023&document=begroting&lang=en").get_data(as_text=True)
    view = _first_view(body)
    assert "<h1" in view and "Young" in view and "Source" in view  # heading, figures and the source line
    assert "<table" in view  # every chart's figures, as a table
    assert view.count('class="dash-graph chart static-chart"') >= 3  # ranking, layers, trend drawn (the treemap is plotly's)
    assert ' id="fv-' in view and ' id="react-entry-point"' not in view
    assert body.index('id="first-view"') < body.index("<script")  # readable before any script runs


def test_the_choosers_suggestions_are_one_list_in_the_shell_that_the_copy_uses_too(client):
    """The municipality names are a datalist in the page shell, outside Dash's layout (342 components
    Dash would watch on every update) and outside the copy; the copy's chooser refers to it."""
    body = client.get("/?lang=en").get_data(as_text=True)
    assert body.count("<datalist") == 1 and '<datalist id="municipality-names">' in body
    assert '<option value="Kampen"></option>' in body and "&#x27;s-Hertogenbosch" in body  # escaped
    assert 'list="municipality-names"' in _first_view(body)
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "Datalist" not in layout and "Kampen" not in layout



def test_a_chart_is_drawn_at_every_width_a_page_gives_it_with_ids_unique_in_the_page():
    hatched = {"color": "white", "pattern": {"shape": "/", "fgcolor": "#0072B2", "solidity": 0.35, "size": 10}}
    bars = {"data": [{"type": "bar", "x": [1, 2], "y": ["a", "b"], "orientation": "h", "marker": hatched}], "layout": {"height": 300}}
    out = to_html(html.Div([
        dcc.Graph(id="one", figure=bars, className="chart"),
        dcc.Graph(id={"type": "drill-graph", "name": "two"}, figure=bars, className="chart"),
        dcc.Graph(id="tree", figure={"data": [{"type": "treemap", "labels": ["a"], "parents": [""]}], "layout": {"height": 500}}),
    ]))
    assert out.count('class="dash-graph chart static-chart"') == 2
    drawn = re.findall(r'<svg [^>]*class="static-chart-drawing w(\d+)"[^>]*width="(\d+)"', out)
    assert [int(w) for w, _ in drawn] == list(CHART_WIDTHS) * 2 and all(w == width for w, width in drawn)
    ids = re.findall(r'<pattern id="([^"]+)"', out)
    assert len(ids) == 2 * len(CHART_WIDTHS) and len(set(ids)) == len(ids)
    assert '<div class="dash-graph" id="fv-tree" style="height:500px"></div>' in out  # a treemap waits for plotly in an empty box


def test_a_copy_of_links_and_get_forms_works_without_script_and_anything_a_callback_drives_does_not():
    form = html.Form([dcc.Input(id="q", name="q", type="text"), html.Button("Toon", type="submit")], method="get", action="/")
    links = [dcc.Link("Jong", href="/theme/young"), html.Details([html.Summary("Tabel"), html.Table([])])]
    treemap = dcc.Graph(id="t", figure={"data": [{"type": "treemap", "labels": ["a"], "parents": [""], "values": [1]}], "layout": {"height": 300}})
    assert render(html.Div(links + [form, dcc.Store(id="s", data=1), treemap])).needs_script is False  # the treemap: RENDERER's
    assert render(html.Div([html.Button("Volledig scherm", type="button"), form])).needs_script is True
    assert render(html.Div([html.Button("Toon")])).needs_script is True  # no form to submit
    assert render(html.Div([dcc.Input(id="q")])).needs_script is True
    assert render(html.Div([dcc.Dropdown(id="d", options=[])])).needs_script is True
    assert render(html.Div([html.Form([html.Button("Plus", type="button")])])).needs_script is True


def test_an_input_is_drawn_in_the_box_dash_4_draws_it_in_so_nothing_moves_at_the_swap():
    out = to_html(html.Form([dcc.Input(id="q", name="q", className="chooser-input", placeholder="Kampen"),
                             dcc.Input(id="g", name="group", type="hidden", value="province")]))
    assert '<div class="dash-input-container dash-input chooser-input"><input class="dash-input-element" id="fv-q" name="q" placeholder="Kampen"></div>' in out
    assert '<div class="dash-input-container dash-input dash-input-hidden"><input class="dash-input-element" id="fv-g" name="group" type="hidden" value="province"></div>' in out
