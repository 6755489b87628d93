"""The HTML of an address answers with the page's real status, title and language, and says what the
page is to a browser without JavaScript (instead of "Loading...")."""
from __future__ import annotations

import re

import pytest


def _title(body: str) -> str:
    return re.search(r"<title>(.*?)</title>", body, re.DOTALL).group(1).strip()


@pytest.mark.parametrize(
    "path",
    ["/no-such-page", "/theme/no-such-theme", "/programme/no-such-programme", "/provider/no-such-provider",
     "/indicator/no-such-indicator", "/theme/young?year=1990&document=begroting", "/?year=2031", "/embed/no-such-page"],
)
def test_unknown_pages_themes_and_years_answer_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert _title(body) == "Page not found"
    assert 'id="react-entry-point"' in body  # still the friendly page, with the way back


def test_unreadable_parameters_answer_400(client):
    for path in ("/?year=abc", "/?document=cheque", "/present?slide=99"):
        assert client.get(path).status_code == 400, path


@pytest.mark.parametrize("path", ["/", "/theme/young", "/indicators", "/present?slide=2", "/accessibility", "/embed/theme/work"])
def test_existing_pages_answer_200_with_their_own_title(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert _title(response.get_data(as_text=True)) not in ("Page not found", "Social Domain Dashboard")


def test_a_year_that_does_not_exist_lists_the_years_that_do(client, demo_context):
    from tests.helpers import render_path

    years = sorted(y for y, k in demo_context.service.available_documents("Kampen") if k == "jaarrekening")
    _title_text, text = render_path(client, "/theme/vital?year=2026&document=jaarrekening")
    assert "There are no figures for the annual accounts 2026" in text
    assert ", ".join(str(y) for y in years) in text


def test_without_javascript_the_page_says_what_it_is_and_links_the_open_data(client):
    body = client.get("/theme/young?lang=nl").get_data(as_text=True)
    assert '<html lang="nl">' in body
    noscript = re.search(r"<body>.*?<noscript>(.*?)</noscript>", body, re.DOTALL).group(1)
    assert "Jong" in noscript and "JavaScript" in noscript
    links = re.findall(r'href="([^"]+)"', noscript)
    assert "/api/v1/" in links
    assert "Loading..." not in body
    for link in links:  # every download the text offers works
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link
