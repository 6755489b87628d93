"""The accessibility statement names a real contact, shown on the statement and in every footer."""
from __future__ import annotations

import pytest

from dashboard.config.settings import Settings
from tests.helpers import logged_in, render_tree, text_of, walk


@pytest.fixture(scope="module")
def contact_client(demo_settings):
    from dashboard.web.app_factory import create_app

    settings = Settings(database_url=demo_settings.database_url, language="en", contact_email="toegankelijkheid@kampen.nl")
    return logged_in(create_app(settings))


def _mailtos(tree) -> list[str]:
    return [node["props"]["href"] for node, _ in walk(tree) if str(node["props"].get("href", "")).startswith("mailto:")]


def test_the_contact_address_is_on_the_statement_and_in_every_footer(contact_client):
    statement = render_tree(contact_client, "/accessibility")
    contact = next(node for node, _ in walk(statement) if node["props"].get("className") == "statement-contact")
    assert _mailtos(contact) == ["mailto:toegankelijkheid@kampen.nl"]
    for path in ("/", "/theme/young", "/indicators", "/no-such-page"):
        footer = next(node for node, _ in walk(render_tree(contact_client, path)) if node["type"] == "Footer")
        assert "mailto:toegankelijkheid@kampen.nl" in _mailtos(footer), path


def test_without_a_configured_address_the_statement_says_so(client):
    contact = next(node for node, _ in walk(render_tree(client, "/accessibility")) if node["props"].get("className") == "statement-contact")
    assert "DASHBOARD_CONTACT_EMAIL" in text_of(contact) and not _mailtos(contact)


def test_a_malformed_contact_address_is_refused_at_start():
    assert Settings.from_env({"DASHBOARD_CONTACT_EMAIL": "info@kampen.nl"}).contact_email == "info@kampen.nl"
    with pytest.raises(SystemExit, match="DASHBOARD_CONTACT_EMAIL"):
        Settings.from_env({"DASHBOARD_CONTACT_EMAIL": "kampen"})
