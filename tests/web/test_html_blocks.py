"""Chart-free subtrees go to the browser as blocks of HTML (dashboard/web/html_blocks.py): the largest
ones, escaped as the first view is, never one that holds a chart, a control or an id a callback uses."""
from __future__ import annotations

import json

import plotly.utils
from dash import dcc, html

from dashboard.web.html_blocks import NAMESPACE, TYPE, live_ids, to_blocks
from tests.helpers import expand_blocks, walk

def _json(tree, **options) -> str:
    """As Dash writes a callback's answer."""
    return json.dumps(tree, cls=plotly.utils.PlotlyJSONEncoder, **options)


LIVE = frozenset({"year-select", "result"})


def _page():
    return html.Main([
        html.H1("Overzicht"),
        html.Section([
            html.H2("Lasten", id="share-heading"),
            dcc.Graph(id={"type": "chart", "name": "share"}, figure={"data": [], "layout": {}}),
            html.Table([html.Thead(html.Tr([html.Th("Thema", scope="col")])), html.Tbody(html.Tr(html.Td("Jong <b>&")))],
                       className="figures"),
        ], **{"aria-labelledby": "share-heading"}),
        html.Form([html.Select([html.Option("2023", value="2023")], id="year-select"), html.Button("Toon")]),
        html.Div([html.P("Uitkomst"), html.Div(id="result")]),
        dcc.Link("Jong", href="/theme/young", className="theme-link"),
        dcc.Link("Herladen", href="/?x=1", refresh=True),
    ])


def _blocks(tree) -> list[dict]:
    loaded = json.loads(_json(tree))
    return [node for node, _ in walk(loaded) if node["type"] == TYPE and node["namespace"] == NAMESPACE]


def test_the_largest_chart_free_subtrees_become_blocks_of_escaped_html():
    blocks = _blocks(to_blocks(_page(), LIVE))
    tags = [(b["props"]["tag"], b["props"]["attributes"].get("className")) for b in blocks]
    assert ("h1", None) in tags and ("h2", None) in tags and ("table", "figures") in tags
    table = next(b for b in blocks if b["props"]["tag"] == "table")
    assert "Jong &lt;b&gt;&amp;" in table["props"]["html"] and "<b>" not in table["props"]["html"]
    assert '<th scope="col">Thema</th>' in table["props"]["html"]
    heading = next(b for b in blocks if b["props"]["tag"] == "h2")
    assert heading["props"]["attributes"]["id"] == "share-heading"  # an id no callback names stays, unprefixed


def test_charts_controls_and_callback_ids_stay_dash_components():
    tree = json.loads(_json(to_blocks(_page(), LIVE)))
    kinds = {node["type"] for node, _ in walk(tree)}
    assert {"Graph", "Form", "Select", "Button"} <= kinds
    result = [node for node, _ in walk(tree) if node["props"].get("id") == "result"]
    assert result and result[0]["type"] == "Div"  # a callback's output: still a component of its own
    # the section holds a chart: it is not a block, its heading and table are
    section = next(node for node, _ in walk(tree) if node["type"] == "Section")
    assert section["props"]["aria-labelledby"] == "share-heading"


def test_links_open_without_a_reload_unless_they_ask_for_one():
    blocks = _blocks(to_blocks(_page(), LIVE))
    links = [b for b in blocks if b["props"]["tag"] == "a"]
    spa = next(b for b in links if b["props"]["attributes"]["href"] == "/theme/young")
    assert spa["props"]["attributes"]["data-dash-link"] == "1"
    reload = next(b for b in links if b["props"]["attributes"]["href"] == "/?x=1")
    assert "data-dash-link" not in reload["props"]["attributes"]
    nested = to_blocks(html.P(["Zie ", dcc.Link("Jong", href="/theme/young")]), LIVE)
    assert nested["props"]["html"] == 'Zie <a data-dash-link="1" href="/theme/young">Jong</a>'


def test_an_unsafe_address_never_reaches_a_block():
    block = to_blocks(html.A("x", href="javascript:alert(1)"), LIVE)
    assert "href" not in block["props"]["attributes"]
    block = to_blocks(html.P(html.A("x", href=" JavaScript:alert(1)")), LIVE)
    assert "javascript" not in block["props"]["html"].lower()


def test_the_page_itself_is_not_changed_and_reads_back_the_same():
    page = _page()
    before = _json(page, sort_keys=True)
    converted = to_blocks(page, LIVE)
    assert _json(page, sort_keys=True) == before
    back = expand_blocks(json.loads(_json(converted)))
    texts = [node["props"].get("children") for node, _ in walk(back) if node["type"] in ("H1", "Td", "Th")]
    assert texts == ["Overzicht", "Thema", "Jong <b>&"]


def test_live_ids_are_read_from_the_callbacks():
    callback_map = {"..page-root.children...{\"index\":[\"ALL\"],\"type\":\"page-part\"}.children..": {"inputs": [{"id": "page-data", "property": "data"}], "state": []},
                    "page-meta-sink.children": {"inputs": [{"id": "page-meta", "property": "data"}], "state": [{"id": "url", "property": "search"}]}}
    assert live_ids(callback_map) == {"page-root", '{"index":["ALL"],"type":"page-part"}', "page-data", "page-meta-sink", "page-meta", "url"}


def test_the_quick_read_of_a_component_is_what_dash_writes():
    from dashboard.web.first_view import component_spec

    def every(node):
        if isinstance(node, (list, tuple)):
            for item in node:
                yield from every(item)
        elif hasattr(node, "to_plotly_json"):
            yield node
            yield from every(getattr(node, "children", None))

    nodes = list(every(_page())) + [html.Div(id="x", **{"data-kinds": "a b", "aria-hidden": "true"}), html.Td(3, colSpan=2)]
    for node in nodes:
        spec = node.to_plotly_json()
        assert component_spec(node) == (spec["namespace"], spec["type"], spec["props"])
    assert component_spec("text") is None and component_spec({"type": "Div"}) is None
