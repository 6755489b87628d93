"""Dutch first: the default language is Dutch, English by the switch and ``?lang=en``; an unsupported
``?lang=`` says so; Dutch pages carry no English in brackets, English pages no untranslated Dutch."""
from __future__ import annotations

import re

import pytest

from dashboard.config.settings import Settings
from devtools.page_catalogue import example_paths
from tests.helpers import logged_in, render_tree, text_of, walk


@pytest.fixture(scope="module")
def default_client(demo_settings):
    """The demo store with the settings a municipality gets without choosing a language."""
    from dashboard.web.app_factory import create_app

    return logged_in(create_app(Settings(database_url=demo_settings.database_url)))


def visible_text(tree, skip=lambda props: False) -> str:
    """The page's text, without the parts ``skip`` leaves out (and the subtrees below them)."""
    kept = []

    def visit(node):
        if isinstance(node, str):
            kept.append(node)
        elif isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            props = node.get("props", {})
            if not skip(props):
                visit(props.get("children"))

    visit(tree)
    return " ".join(kept)


def test_dutch_is_the_default_language():
    assert Settings().language == "nl"
    assert Settings.from_env({}).language == "nl"
    assert Settings.from_env({"DASHBOARD_LANG": "en"}).language == "en"


def test_pages_are_dutch_by_default_and_english_on_request(default_client):
    page = default_client.get("/")
    assert page.status_code == 200 and '<html lang="nl">' in page.get_data(as_text=True)
    assert "Sociaal domein" in text_of(render_tree(default_client, "/"))
    english = default_client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert "Social domain" in text_of(render_tree(default_client, "/?lang=en"))


def test_an_unsupported_language_says_so_instead_of_falling_back_silently(default_client):
    tree = render_tree(default_client, "/theme/young?lang=de")
    notices = [node for node, _ in walk(tree) if "language-notice" in (node["props"].get("className") or "")]
    assert len(notices) == 1
    text = text_of(notices[0])
    assert "“de”" in text and "Nederlands" in text and "English" in text
    assert "niet beschikbaar" in text  # said in the language the page is shown in
    hrefs = [node["props"]["href"] for node, _ in walk(tree) if node["props"].get("href")]
    assert not any("lang=de" in h for h in hrefs), "links must not carry the unknown language along"
    assert not any(node["props"].get("className") == "language-notice" for node, _ in walk(render_tree(default_client, "/theme/young")))


def _catalogue(demo_context):
    return [path for _, path in example_paths(demo_context.service, demo_context.settings.municipality)]


def test_dutch_pages_have_no_english_in_brackets(default_client, demo_context):
    english_names = "|".join(["Vital", "Young", "Work", "Participate"])
    for path in _catalogue(demo_context):
        text = visible_text(render_tree(default_client, path))
        assert not re.search(rf"\((?:{english_names})\)", text), path
        assert "(begroting)" not in text and "(jaarrekening)" not in text and "(realisatie)" not in text, path


#: Dutch words of the Iv3 and council vocabulary that an English page must translate or link to the glossary.
DUTCH_WORDS = re.compile(r"\b(begroting|jaarrekening|lasten|baten|taakveld(en)?|maatwerk|Concept|realisatie)\b", re.IGNORECASE)


def _not_checked(props) -> bool:
    """Glossary links (defined terms), words marked as Dutch (lang=nl: the Dutch theme names) and
    the technical source credit are allowed to hold Dutch."""
    classes = props.get("className") or ""
    return "glossary-term" in classes or props.get("lang") == "nl"


def test_english_pages_have_no_untranslated_dutch(client, demo_context):
    for path in _catalogue(demo_context):
        if path.startswith("/glossary"):
            continue  # the glossary names every Dutch term on purpose
        tree = render_tree(client, path)
        found = DUTCH_WORDS.findall(visible_text(tree, _not_checked))
        assert not found, f"{path}: {sorted({f[0] for f in found})}"
