"""The savings pages: Kampen's tracker with its sums, flags beside measures, the cuts, the review list and
the learning loop; Dutch by default where asked, a friendly page without a target, 404 for an unknown theme."""

from __future__ import annotations

import pytest

from tests.helpers import render_path


def test_tracker_shows_target_planned_realised_gap_and_flags(client):
    title, text = render_path(client, "/savings?lang=en")
    assert "Savings target" in title
    for words in (
        "€4,000,000",
        "Gap still to find",
        "€520,000",
        "Werkcafé",
        "Flagged: Outflow",
        "Where do the cuts land?",
        "not more than its share",
        "Review list",
        "no decision yet",
        "Illustrative",
        "Does it show in the accounts?",
    ):
        assert words in text, words


def test_theme_page_has_the_learning_loop_cost_effectiveness_and_tell(client):
    title, text = render_path(client, "/savings/work?lang=en")
    assert "Work: savings and results" in title
    for words in (
        "Ambition",
        "Social results",
        "Effort",
        "Monitor",
        "Learning",
        "What we saw",
        "adjust",
        "Does it work for what it costs?",
        "Werkcafé",
        "Into work (re-integration)",
    ):
        assert words in text, words


def test_dutch(client):
    title, text = render_path(client, "/savings/participate?lang=nl")
    assert "Meedoen: besparingen en resultaten" in title
    assert "Leerlus" in text or "leerlus" in text


@pytest.mark.parametrize("path", ["/savings?municipality=Zwolle&lang=en", "/savings/young?municipality=Zwolle&lang=en"])
def test_a_municipality_without_a_target_gets_a_plain_page(client, path):
    _, text = render_path(client, path)
    assert "There is no savings target for Zwolle yet." in text


def test_unknown_theme_is_the_friendly_404(client):
    title, _ = render_path(client, "/savings/nonsense?lang=en")
    assert "not found" in title.lower() or "Page" in title


def test_theme_page_shows_cost_and_result_over_the_years(client):
    _, text = render_path(client, "/savings/work?lang=en")
    assert "Cost and result over the years" in text and "distance to target from" in text
    _, dutch = render_path(client, "/savings/work?lang=nl")
    assert "Kosten en resultaat door de jaren" in dutch


def test_provider_page_says_whether_it_works_for_what_it_costs(client):
    rows = client.get("/api/v1/programme-providers?programme=reintegration&year=2024&document=begroting").get_json()
    provider = max(rows, key=lambda r: r["amount_eur"])["provider"]
    _, text = render_path(client, f"/provider/{provider}?year=2024&document=begroting&lang=en")
    assert "Does it work for what it costs?" in text and "Off track: Outflow" in text
    _, dutch = render_path(client, f"/provider/{provider}?year=2024&document=begroting&lang=nl")
    assert "Werkt het voor wat het kost?" in dutch
