"""Indicator pages, the theme results panel, the overview counts and the API — all checked against the rule
applied directly to the demo CSV files (tests/indicator_expectations.py), not against the app's own queries."""
from __future__ import annotations

from dashboard.domain import formatting as fmt
from dashboard.domain.themes import THEME_SLUGS, THEMES
from tests.helpers import render_path
from tests.indicator_expectations import demo_stories, expected_assessments, expected_counts

STATUS_ICONS = {"on track": "✓", "at risk": "!", "off track": "✕", "outdated": "…", "no data": "?"}


def test_every_indicator_page_renders_with_the_status_of_the_rule(client):
    expected = expected_assessments()
    assert expected
    for slug, (row, assessment) in expected.items():
        title, text = render_path(client, f"/indicator/{slug}")
        assert title == f"{row['name']} – indicator", slug
        assert f"{STATUS_ICONS[assessment.status]} {assessment.status}" in text, (slug, assessment.status)
        assert row["definition"] in text and row["owner"] in text and row["source"] in text
        assert "Illustrative" in text
        own = [s for s in demo_stories() if s["indicator"] == slug or (not s["indicator"] and s["programme"] and s["programme"] == row["programme"])]
        for story in own:
            assert story["title"] in text, (slug, story["title"])


def test_indicator_page_in_dutch(client):
    slug, (row, assessment) = next(iter(expected_assessments().items()))
    title, text = render_path(client, f"/indicator/{slug}?lang=nl")
    assert title.startswith(row["name_nl"])
    assert {"on track": "op koers", "at risk": "risico", "off track": "uit koers", "outdated": "verouderd", "no data": "geen gegevens"}[assessment.status] in text
    assert "Over deze indicator" in text


def test_unknown_indicator_is_a_friendly_not_found(client):
    title, text = render_path(client, "/indicator/no-such-indicator")
    assert title == "Page not found"
    assert "no-such-indicator" in text and "Traceback" not in text
    title, _ = render_path(client, "/indicator/youth-care-per-1000?year=20x")
    assert title == "Page not found"


def test_overview_cards_count_statuses_by_the_rule(client, demo_context):
    _, text = render_path(client, "/")
    today = fmt.long_date(__import__("datetime").date.today(), "en")
    for theme, counts in expected_counts().items():
        shown = " ".join(f"{STATUS_ICONS[s]} {n} {s}" for s, n in counts.items() if n)
        assert f"Indicator status on {today} {shown}" in text, (theme, shown)


def test_theme_page_shows_the_results_chain_with_money_behind_each_goal(client):
    expected = expected_assessments()
    for theme in THEMES:
        _, text = render_path(client, f"/theme/{THEME_SLUGS[theme]}")
        assert "Results: does it work?" in text
        rows = [(row, a) for row, a in expected.values() if row["theme"] == THEME_SLUGS[theme]]
        for row, assessment in rows:
            assert row["name"] in text
        goals = [row for row, _ in rows if row["level"] == "goal"]
        assert text.count("Programmes behind this goal") == len(goals), theme
        attention = [row["name"] for row, a in rows if a.status in ("off track", "outdated", "no data")]
        if attention:
            assert "Needs attention:" in text


def test_indicator_index_lists_every_indicator_and_explains_the_rule(client):
    _, text = render_path(client, "/indicators")
    assert "How the traffic light works" in text
    for row, _ in expected_assessments().values():
        assert row["name"] in text


# API -----------------------------------------------------------------------------------------

def test_api_statuses_and_trends_follow_the_rule(client):
    response = client.get("/api/v1/indicators")
    assert response.status_code == 200
    records = {r["slug"]: r for r in response.get_json()}
    expected = expected_assessments()
    assert set(records) == set(expected)
    for slug, (row, assessment) in expected.items():
        record = records[slug]
        assert (record["status"], record["trend"]) == (assessment.status, assessment.trend), slug
        assert record["value"] == (assessment.latest.value if assessment.latest else None)
        assert record["level"] == row["level"] and record["direction"] == row["direction"] and record["unit"] == row["unit"]
        for key in ("slug", "name", "theme", "level", "unit", "direction", "target", "value", "status", "trend"):
            assert key in record


def test_api_filters_by_theme_and_judges_a_past_year_at_its_end(client):
    from datetime import date

    young = client.get("/api/v1/indicators?theme=young").get_json()
    assert young and {r["theme"] for r in young} == {"Young"}
    past = {r["slug"]: r for r in client.get("/api/v1/indicators?year=2023").get_json()}
    for slug, (_, assessment) in expected_assessments(date(2023, 12, 31)).items():
        assert past[slug]["status"] == assessment.status, slug
        assert past[slug]["reference_date"] == "2023-12-31"


def test_api_errors_are_json(client):
    for query, status in (("?theme=blue", 400), ("?year=20x", 400), ("?colour=red", 400), ("?municipality=Atlantis", 404), ("?format=xml", 400)):
        response = client.get(f"/api/v1/indicators{query}")
        assert response.status_code == status, query
        assert "error" in response.get_json()


def test_api_csv_has_the_same_rows(client):
    json_rows = client.get("/api/v1/indicators").get_json()
    csv_text = client.get("/api/v1/indicators?format=csv").get_data(as_text=True)
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("municipality,slug,name,theme,level,unit,direction,target")
    assert len(lines) == len(json_rows) + 1
