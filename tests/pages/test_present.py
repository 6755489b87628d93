"""Meeting mode pages rendered through the callback endpoint (the keyboard walk is in tests/browser)."""

from tests.helpers import render_path


def test_unknown_slide_gives_friendly_page(client):
    title, text = render_path(client, "/present?slide=99")
    assert title == "Page not found"
    assert "no slide" in text


def test_the_last_slide_is_the_savings_slide_with_target_realised_gap_and_flags(client):
    title, text = render_path(client, "/present?slide=6&lang=en")
    assert title.startswith("Savings target")
    for words in ("€4.0M", "Realised so far", "Gap still to find", "€520,000", "Werkcafé", "off track", "Slide 6 of 6"):
        assert words in text, words
