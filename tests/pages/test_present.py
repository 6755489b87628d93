"""Meeting mode pages rendered through the callback endpoint (the keyboard walk is in tests/browser)."""
from tests.helpers import render_path


def test_unknown_slide_gives_friendly_page(client):
    title, text = render_path(client, "/present?slide=99")
    assert title == "Page not found"
    assert "no slide" in text
