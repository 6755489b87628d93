"""The comparison page and the municipality in the address, rendered through the callback endpoint."""
import pytest

from dashboard.domain import formatting as fmt
from dashboard.queries.compare import CompareQueries
from tests.helpers import render_path, render_tree, walk


def test_kampens_neighbours_are_shown_with_their_reasons_and_the_fund_is_called_an_indication(client):
    title, text = render_path(client, "/compare?year=2025&document=begroting")
    assert title == "Compare Kampen – budget 2025"
    assert "Harderwijk" in text and "Alike in" in text and "Differs most in" in text
    assert "not earmarked" in text and "S2024 2025" in text
    assert "per bijstand recipient, gemeentefonds measure" in text


def test_any_municipality_opens_from_the_address_and_the_chooser_keeps_it(client):
    title, text = render_path(client, "/?municipality=Vlieland&lang=nl")
    assert "Vlieland" in title and "Vlieland" in text
    title, _ = render_path(client, "/compare?municipality=Zwolle&group=youth-region&year=2023&document=jaarrekening")
    assert title == "Compare Zwolle – annual accounts 2023"


def test_the_trend_line_can_be_one_theme_and_the_choice_survives_a_change_of_peer_group(client, demo_context):
    _title, text = render_path(client, "/compare?year=2024&document=jaarrekening&group=province&trend=work")
    assert "Work per inhabitant over the years: annual accounts" in text
    trend = CompareQueries(demo_context.service).trend("Kampen", 2024, "jaarrekening", "province", "Work")
    last = [p for p in trend.points if p.standing.value is not None][-1]
    assert f"{fmt.euro(last.standing.value, 'en')} in {last.year}" in text
    links = {n["props"].get("href") for n, _ in walk(render_tree(client, "/compare?year=2024&document=jaarrekening&group=province&trend=work"))}
    assert "/compare?year=2024&document=jaarrekening&group=size&trend=work" in links  # another group keeps the line
    assert "/compare?year=2024&document=jaarrekening&group=province" in links  # back to the social domain keeps the group
    _title, dutch = render_path(client, "/compare?trend=young&lang=nl")
    assert "Jong per inwoner door de jaren" in dutch and "gaf in 20" in dutch


@pytest.mark.parametrize("path", ["/compare?municipality=Atlantis", "/compare?group=friends", "/compare?colour=red", "/?municipality=Nederland", "/compare?trend=sport"])
def test_unknown_municipality_group_or_parameter_gives_the_friendly_page(client, path):
    title, _ = render_path(client, path)
    assert title == "Page not found"


def test_the_trend_shows_every_year_against_the_peers_and_a_merged_municipality_says_where_its_line_starts(client):
    _title, text = render_path(client, "/compare?year=2024&document=jaarrekening")
    assert "Social domain per inhabitant over the years: annual accounts" in text
    for year in range(2017, 2025):
        assert str(year) in text
    assert "formed by a merger" not in text  # Kampen has figures from the first year
    _title, merged = render_path(client, "/compare?municipality=Dijk en Waard&year=2024&document=jaarrekening")
    assert "Dijk en Waard was formed by a merger: its line starts in 2022" in merged


def test_each_theme_opens_its_task_fields_with_their_own_target_group(client):
    _title, text = render_path(client, "/compare?year=2024&document=jaarrekening")
    assert "Per task field" in text
    assert "Work: " in text and "task fields" in text
    assert "6.3" in text and "per bijstand recipient, gemeentefonds measure" in text
    _title, dutch = render_path(client, "/compare?year=2024&document=jaarrekening&lang=nl")
    assert "Per taakveld" in dutch and "Sociaal domein per inwoner door de jaren" in dutch
