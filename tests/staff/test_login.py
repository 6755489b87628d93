"""Logging in and out with a local account: friendly refusals, the rate limit, the audit trail, cookie flags."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.config.settings import Settings
from dashboard.store.accounts import add_account, set_disabled
from dashboard.store.audit import AuditFilter, events
from dashboard.web.app_factory import create_app
from tests.helpers import TEST_PASSWORD, BrowserLikeClient, log_in, logged_in


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('login') / 'store.sqlite'}"
    return create_app(Settings(database_url=url, load_demo=False, demo_accounts=False, language="en"))


def _engine(app):
    return app.server.extensions["social_dashboard"].service.repository.engine


def _client(app, address="127.0.0.1"):
    client = BrowserLikeClient(app.server, app.server.response_class, use_cookies=True)
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _audit(app, **wanted):
    return events(_engine(app), AuditFilter(**wanted))


def test_a_wrong_password_is_refused_kindly_and_logged_with_the_address(app):
    add_account(_engine(app), "wrong-pw", "council", TEST_PASSWORD)
    client = _client(app, "10.1.1.1")
    response = log_in(client, "wrong-pw", "not the password at all")
    assert response.status_code == 401
    assert b"That name and password do not match an active account." in response.data
    [event] = _audit(app, actor="wrong-pw")
    assert (event["action"], event["detail"], event["address"]) == ("failed-login", "wrong name or password", "10.1.1.1")
    assert client.get("/api/v1/themes").status_code == 401


def test_a_disabled_account_cannot_log_in(app):
    add_account(_engine(app), "gone", "editor", TEST_PASSWORD)
    set_disabled(_engine(app), "gone")
    assert log_in(_client(app, "10.1.1.2"), "gone").status_code == 401
    assert _audit(app, actor="gone")[0]["detail"] == "disabled account"


def test_after_five_failures_a_name_is_refused_even_with_the_right_password(app):
    add_account(_engine(app), "guessed", "admin", TEST_PASSWORD)
    for attempt in range(5):
        assert log_in(_client(app, f"10.2.0.{attempt}"), "guessed", f"guess number {attempt}").status_code == 401
    refused = log_in(_client(app, "10.2.0.99"), "guessed")
    assert refused.status_code == 429 and b"Too many failed logins" in refused.data
    assert _audit(app, actor="guessed")[0]["detail"] == "refused: too many failed logins"
    assert log_in(_client(app, "10.2.0.99"), "guessed").status_code == 429


def test_after_twenty_failures_from_one_address_it_is_refused(app):
    client = _client(app, "10.3.3.3")
    for attempt in range(20):
        log_in(client, f"someone-{attempt}", "wrong password here")
    add_account(_engine(app), "innocent", "council", TEST_PASSWORD)
    assert log_in(client, "innocent").status_code == 429
    assert log_in(_client(app, "10.3.3.4"), "innocent").status_code == 302


def test_login_logout_and_the_audit_trail(app):
    client = logged_in(app, "editor")
    assert client.get("/api/v1/themes").status_code in (200, 404)  # an empty store has no figures, but answers
    assert b"Log out" in client.get("/logout").data
    assert client.post("/logout").headers["Location"] == "/login"
    assert client.get("/api/v1/themes").status_code == 401
    actions = [e["action"] for e in _audit(app, actor="test-editor")]
    assert actions[:2] == ["logout", "login"]


def test_cookies_are_secure_behind_https(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    app = create_app(Settings(database_url=url, load_demo=False, demo_accounts=False, secure_cookies=True, language="en"))
    add_account(_engine(app), "secure", "council", TEST_PASSWORD)
    client = app.server.test_client()
    client.get("/login", base_url="https://localhost")
    token = client.get_cookie("_csrf_token").value
    response = client.post("/login", base_url="https://localhost", data={"name": "secure", "password": TEST_PASSWORD, "csrf_token": token, "next": "/"})
    cookies = response.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("dashboard_session="))
    assert "Secure" in session and "HttpOnly" in session and "SameSite=Lax" in session
    assert "Secure" in next(c for c in cookies if c.startswith("_csrf_token="))


def test_a_fresh_council_site_prints_demo_accounts_once_and_they_log_in(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    app = create_app(Settings(database_url=url, load_demo=False))
    printed = capsys.readouterr().err
    assert "Demo accounts (shown only now" in printed
    passwords = {line.split()[0]: line.split()[-1] for line in printed.splitlines() if " role " in line and " password " in line}
    assert set(passwords) == {"raad", "redactie", "griffie"}
    assert log_in(_client(app), "griffie", passwords["griffie"]).status_code == 302
    create_app(Settings(database_url=url, load_demo=False))
    assert "Demo accounts" not in capsys.readouterr().err


def test_the_audit_log_filters_and_exports_csv_with_formulas_escaped(app):
    client = _client(app, "10.9.9.9")
    log_in(client, '=HYPERLINK("http://evil")', "wrong password here")
    admin = logged_in(app, "admin")
    page = admin.get('/audit?action=failed-login&actor==HYPERLINK("http://evil")')
    assert page.status_code == 200 and b"10.9.9.9" in page.data and b"<script" not in page.data
    download = admin.get("/audit.csv?action=failed-login")
    assert download.headers["Content-Disposition"] == 'attachment; filename="audit-log.csv"'
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True))))
    assert '\'=HYPERLINK("http://evil")' in [r["actor"] for r in rows]
    assert all(r["action"] == "failed-login" for r in rows)
    assert admin.get("/audit?since=yesterday").status_code == 400
    assert logged_in(app, "editor").get("/audit.csv").status_code == 403


def test_the_chosen_language_survives_a_form_post(app):
    """A Dutch visitor on an English-default site posts the login form: the answer is still Dutch."""
    client = _client(app, "10.1.1.9")
    form = client.get("/login?lang=nl").get_data(as_text=True)
    assert 'action="/login?lang=nl"' in form and '<html lang="nl">' in form
    token = client.get_cookie("_csrf_token").value
    response = client.post("/login?lang=nl", data={"name": "nobody", "password": "x", "csrf_token": token, "next": "/"})
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and '<html lang="nl">' in page
    assert "Deze naam en dit wachtwoord horen niet bij een actief account." in page
    assert 'action="/login"' in client.get("/login").get_data(as_text=True), "no choice made: the plain address"
