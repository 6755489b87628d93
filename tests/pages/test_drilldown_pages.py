"""Theme, programme and provider pages render for every theme, programme and provider of the demo;
unknown slugs and parameters end on the friendly not-found page; a deep link reproduces the view."""
from __future__ import annotations

import json

import plotly
import pytest

from dashboard.domain.themes import THEME_SLUGS
from dashboard.i18n import Translator
from dashboard.navigation import ids
from dashboard.navigation.addresses import parse_request
from dashboard.queries.drilldown import Drilldown
from dashboard.web.router import render_page


def render(ctx, path, search="", lang="en"):
    request = parse_request(path, search, lang)
    page = render_page(ctx, request)
    text = json.dumps(page.children, cls=plotly.utils.PlotlyJSONEncoder)  # what Dash sends: must serialise
    return page, text


def assert_ok(page, text):
    assert page.title != "Page not found" and "Pagina niet gevonden" not in page.title, page.title
    assert "Something went wrong" not in text
    assert "€nan" not in text and "NaN%" not in text and "<NA>" not in text


@pytest.fixture(scope="module")
def drill(demo_context):
    return Drilldown(demo_context.service)


@pytest.mark.parametrize("year, kind", [(2019, "begroting"), (2023, "jaarrekening"), (2024, "jaarrekening"), (2025, "begroting"), (2026, "begroting")])
def test_every_theme_renders(demo_context, year, kind):
    """A rolled-up, a detailed, the 2025 classification and a year without accounts (views of every
    document are checked by the reconciliation tests)."""
    for slug in THEME_SLUGS.values():
        page, text = render(demo_context, f"/theme/{slug}", f"?year={year}&document={kind}")
        assert_ok(page, text)
        assert f"{Translator('en')(kind)} {year}" in page.title  # "budget 2019": the document in English words


def test_every_programme_and_provider_page_renders(demo_context, drill):
    municipality = demo_context.settings.municipality
    year, kind = demo_context.service.latest_document(municipality)
    for slug in drill.programmes()["slug"]:
        page, text = render(demo_context, f"/programme/{slug}", "?year=2023&document=jaarrekening")
        assert_ok(page, text)
        assert '"href": "/theme/' in text  # breadcrumb and theme link lead back up
    for slug in drill.providers()["slug"]:
        page, text = render(demo_context, f"/provider/{slug}", f"?year={year}&document={kind}")
        assert_ok(page, text)


def test_pages_render_in_dutch_with_dutch_labels(demo_context):
    page, text = render(demo_context, "/theme/young", "?year=2024&document=begroting&lang=nl", lang="nl")
    assert_ok(page, text)
    assert "programma's en aanbieders" in page.title
    assert "Illustratief" in text and "Van thema naar programma naar aanbieder" in text
    page, text = render(demo_context, "/programme/youth-ambulant-care", "?lang=nl", lang="nl")
    assert page.title.startswith("Jeugdhulp zonder verblijf")


def test_every_programme_and_provider_in_tables_is_a_link(demo_context, drill):
    """Keyboard alternative to clicking the chart: each chart element is also a link in the tables."""
    page, text = render(demo_context, "/theme/young", "?year=2023&document=begroting")
    tree = drill.theme_view(demo_context.settings.municipality, 2023, "begroting", "young").tree
    for programme in tree["programme"].unique():
        assert f'/programme/{programme}?year=2023&document=begroting' in text
    for provider, programme in tree[["provider", "programme"]].itertuples(index=False):
        assert f"/provider/{provider}?year=2023&document=begroting&via={programme}" in text


@pytest.mark.parametrize(
    "path, search",
    [
        ("/theme/nowhere", ""),
        ("/programme/no-such-programme", ""),
        ("/provider/no-such-provider", ""),
        ("/theme/young", "?year=1850"),
        ("/theme/young", "?year=abcd"),
        ("/theme/young", "?document=kasboek"),
        ("/theme/young", "?colour=red"),
        ("/provider/thuiszorg-vlonder", "?via=no-such-programme"),
        ("/programme/youth-ambulant-care", "?year=2026&document=jaarrekening"),
    ],
)
def test_unknown_slugs_and_parameters_give_the_friendly_not_found_page(demo_context, path, search):
    page, text = render(demo_context, path, search)
    assert page.title == "Page not found"
    assert "Back to the overview" in text
    assert "Traceback" not in text


def test_deep_link_reproduces_the_view(demo_context):
    search = "?year=2023&document=jaarrekening&via=youth-ambulant-care"
    first, first_text = render(demo_context, "/provider/horizon-jeugd-ggz", search)
    again, again_text = render(demo_context, "/provider/horizon-jeugd-ggz", search)
    assert first.title == again.title == "Horizon Jeugd-GGZ – annual accounts 2023"
    assert first_text == again_text
    # the breadcrumb leads back through theme and programme, keeping year and document
    assert '"/theme/young?year=2023&document=jaarrekening"' in first_text
    assert '"/programme/youth-ambulant-care?year=2023&document=jaarrekening"' in first_text
    # the selectors show the view's year and document
    assert '"value": "2023"' in first_text and '"value": "jaarrekening"' in first_text


def test_a_bar_of_the_share_chart_leads_where_its_theme_card_does(demo_context):
    """The overview's theme bars carry their theme page's path (a click opens it in the browser)."""
    _, text = render(demo_context, "/", "?year=2024&document=begroting&lang=nl", lang="nl")
    share = json.loads(text)
    found = _find(share, lambda node: isinstance(node, dict) and node.get("props", {}).get("id") == {"type": ids.CHART, "name": ids.SHARE_CHART})
    paths = found["props"]["figure"]["data"][0]["customdata"]
    assert paths == [f"/theme/{THEME_SLUGS[t]}?year=2024&document=begroting&lang=nl" for t in THEME_SLUGS]
    for path in paths:
        assert f'"href": "{path}"' in text, "the card of that theme links to the same page"


def _find(node, wanted):
    if wanted(node):
        return node
    children = node.get("props", {}).get("children") if isinstance(node, dict) else node if isinstance(node, list) else None
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        hit = _find(child, wanted)
        if hit is not None:
            return hit
    return None


def test_callback_wiring_is_valid(client):
    response = client.get("/_dash-dependencies")
    assert response.status_code == 200
    outputs = json.dumps(response.get_json())
    assert ids.CHART in outputs and ids.PAGE_PART in outputs
