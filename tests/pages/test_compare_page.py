"""The comparison page and the municipality in the address, rendered through the callback endpoint."""
import pytest

from tests.helpers import render_path


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


@pytest.mark.parametrize("path", ["/compare?municipality=Atlantis", "/compare?group=friends", "/compare?colour=red", "/?municipality=Nederland"])
def test_unknown_municipality_group_or_parameter_gives_the_friendly_page(client, path):
    title, _ = render_path(client, path)
    assert title == "Page not found"
