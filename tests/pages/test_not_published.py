"""The public site never shows €0, 0.0% or "receives nothing" for a figure that is merely not published:
it says "not published yet" and links the newest document that is. Budget against realised carries
sign, word and colour; no column repeats the amount column."""
from __future__ import annotations

import re

from tests.helpers import render_path, render_tree, table_rows, text_of, walk
from tests.pages.conftest import DRAFT

#: The demo's programme layer of the begroting 2026 is a draft: on the public site it is not there.
UNPUBLISHED_LAYER = "year=2026&document=begroting"
ZERO = re.compile(r"(€ ?0(?![\d.,])|0[.,]0%|receives nothing)")


def test_public_pages_never_show_zero_for_an_unpublished_programme_layer(public_client):
    for path in ("/theme/young", "/programme/youth-ambulant-care", "/provider/horizon-jeugd-ggz"):
        tree = render_tree(public_client, f"{path}?{UNPUBLISHED_LAYER}")
        figures = [text_of(node) for node, _ in walk(tree) if node["props"].get("className") in ("key-figures",)]
        assert figures, path
        assert not ZERO.search(" ".join(figures)), f"{path}: {figures}"
        text = text_of(tree)
        assert "not published yet" in text, path
        assert "receives nothing" not in text and "Total €0" not in text, path


def test_the_notice_links_the_newest_published_programme_figures(public_client):
    tree = render_tree(public_client, f"/theme/young?{UNPUBLISHED_LAYER}")
    notice = next(node for node, _ in walk(tree) if "The newest published programme figures" in text_of(node) and node["type"] == "P")
    links = [node["props"]["href"] for node, _ in walk(notice) if node["props"].get("href")]
    assert links and "year=2025" in links[0] and "document=begroting" in links[0]
    _title, text = render_path(public_client, links[0])
    assert "There are no published programme figures" not in text


def test_council_mode_says_not_yet_available_where_there_is_nothing(council_client):
    tree = render_tree(council_client, "/?year=2026&document=begroting")  # no accounts for 2026 yet
    variances = [text_of(node) for node, _ in walk(tree) if node["props"].get("className") == "theme-variance"]
    assert len(variances) == 4 and all(v == "not yet available" for v in variances)


def test_public_overview_variance_of_an_unpublished_jaarrekening_is_not_published_yet(public_client):
    tree = render_tree(public_client, f"/?year={DRAFT[0]}&document=begroting")
    variances = [text_of(node) for node, _ in walk(tree) if node["props"].get("className") == "theme-variance"]
    assert len(variances) == 4 and all(v == "not published yet" for v in variances)


def test_overview_cards_show_the_variance_with_sign_and_word(client, demo_context):
    trend = demo_context.service.theme_trend("Kampen")
    tree = render_tree(client, "/?year=2023&document=jaarrekening")
    cards = [node for node, _ in walk(tree) if node["type"] == "Article" and "theme-card" in (node["props"].get("className") or "")]
    assert len(cards) == 4
    for card in cards:
        theme = text_of(card).split(" ")[0]
        budget = trend[(trend.year == 2023) & (trend.kind == "begroting") & (trend.theme == theme)]["lasten_eur"].sum()
        realised = trend[(trend.year == 2023) & (trend.kind == "jaarrekening") & (trend.theme == theme)]["lasten_eur"].sum()
        mark = next(node for node, _ in walk(card) if "variance" in (node["props"].get("className") or "").split())
        text = text_of(mark)
        expected = "over" if realised > budget else "under"
        assert f"variance-{expected}" in mark["props"]["className"]
        icon, figure = text.split(None, 1)
        assert icon == ("↑" if realised > budget else "↓")  # the arrows of the indicator trends
        assert figure.startswith("+" if realised > budget else "−") and f"{expected} budget" in text
        percent = f"{abs(realised - budget) / budget * 100:.1f}%"
        assert percent in text, (theme, text, percent)


def test_no_table_column_repeats_the_amount(client):
    for path, kind in (("/theme/young?year=2023&document=begroting", "Budget 2023"), ("/theme/young?year=2023&document=jaarrekening", "Realised 2023"),
                       ("/programme/youth-ambulant-care?year=2023&document=jaarrekening", "Realised 2023")):
        tree = render_tree(client, path)
        tables = [node for node, _ in walk(tree) if node["type"] == "Table"]
        headers = [table_rows(table)[0] for table in tables]
        ranked = next(h for h in headers if "Variance" in h)
        assert "Amount" not in ranked and ranked.count(kind) == 1, (path, ranked)


def test_a_provider_opened_directly_shows_where_it_belongs(client, demo_context):
    from dashboard.queries.drilldown import Drilldown

    drill = Drilldown(demo_context.service)
    views = {slug: drill.provider_view("Kampen", 2023, "jaarrekening", slug).programmes for slug in drill.provider_catalogue()}
    single = next(slug for slug, frame in views.items() if frame["theme"].nunique() == 1)
    several = next(slug for slug, frame in views.items() if frame["theme"].nunique() > 1)
    for slug in (single, several):
        tree = render_tree(client, f"/provider/{slug}?year=2023&document=jaarrekening")
        crumbs = next(node for node, _ in walk(tree) if node["props"].get("className") == "breadcrumb")
        crumb_links = [node["props"]["href"].split("?")[0] for node, _ in walk(crumbs) if node["props"].get("href")]
        themes = sorted(views[slug]["theme"].unique())
        if slug == single:
            assert crumb_links[:2] == ["/", f"/theme/{themes[0].lower()}"]
        else:
            assert crumb_links == ["/"]  # no single theme above it: its themes are listed on the page
        belongs = next(node for node, _ in walk(tree) if "provider-belongs" in (node["props"].get("className") or ""))
        hrefs = [node["props"]["href"].split("?")[0] for node, _ in walk(belongs) if node["props"].get("href")]
        assert {f"/theme/{t.lower()}" for t in themes} <= set(hrefs)
        assert {f"/programme/{p}" for p in views[slug]["programme"]} <= set(hrefs)
