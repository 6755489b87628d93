"""Single sign-on against a real OpenID Connect provider (tools/oidc-provider, started here on loopback).

The dashboard runs on a real server (the provider sends the browser back to it) and is created before
the provider starts: discovery is lazy, so the site starts while the provider is down. A
``requests.Session`` plays the browser through the whole authorization-code flow: the dashboard's
redirect, the provider's login and consent forms, the callback, the page.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from html import unescape
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests

from dashboard.config.paths import PROJECT_ROOT
from dashboard.config.settings import Settings
from dashboard.store.accounts import add_account, find_account, set_disabled
from dashboard.store.audit import AuditFilter, events
from dashboard.store.backup import backup
from dashboard.web.app_factory import create_app
from devtools.devserver import running
from tests.helpers import TEST_PASSWORD, BrowserLikeClient, log_in

pytestmark = pytest.mark.slow

PROVIDER_DIR = PROJECT_ROOT / "tools" / "oidc-provider"
ROLES = "gemeente-raad=council, gemeente-redactie=editor, gemeente-griffie=admin"
NO_ROLE = "Your account has no role on this dashboard"
STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _node() -> str:
    """The node binary, with the provider's modules installed; skipped locally without, a failure in CI."""
    node = shutil.which("node")
    if node is None or not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        message = "the test OpenID provider needs node and its modules: npm ci --prefix tools/oidc-provider"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


@contextmanager
def provider_running(node: str, port: int, redirect_base: str, log_path, **env):
    """``node tools/oidc-provider/provider.mjs`` on ``port`` until discovery answers; stopped afterwards."""
    issuer = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [node, "provider.mjs"],
            cwd=PROVIDER_DIR,
            env={**os.environ, "PORT": str(port), "REDIRECT_BASE": redirect_base, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"the OpenID provider stopped (exit {process.returncode}): {log_path.read_text()[-2000:]}")
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the OpenID provider did not answer within {STARTUP_SECONDS} s: {log_path.read_text()[-2000:]}")
            time.sleep(0.2)
        yield SimpleNamespace(issuer=issuer, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def _site(tmp_path_factory, demo_context, **provider_env):
    """A council site on a copy of the demo store, configured for the provider and served on loopback,
    and the provider pointing back at it."""
    node = _node()
    directory = tmp_path_factory.mktemp("sso")
    backup(demo_context.service.repository.engine, directory / "store.sqlite")
    port = _free_port()
    settings = Settings(
        database_url=f"sqlite:///{directory / 'store.sqlite'}",
        load_demo=False,
        demo_accounts=False,
        language="en",
        oidc_issuer=f"http://127.0.0.1:{port}",
        oidc_client_id="dashboard",
        oidc_client_secret="dashboard-test-secret",
        oidc_roles=ROLES,
    )
    app = create_app(settings)  # the provider is not running yet
    with running(app) as base, provider_running(node, port, base, directory / "provider.log", **provider_env) as provider:
        engine = app.server.extensions["social_dashboard"].service.repository.engine
        yield SimpleNamespace(app=app, base=base, issuer=provider.issuer, provider=provider.process, engine=engine)


@pytest.fixture(scope="session")
def site(tmp_path_factory, demo_context):
    with _site(tmp_path_factory, demo_context) as running_site:
        yield running_site


class _Forms(HTMLParser):
    """The forms of a page: action, and the values its inputs and named submit buttons would send."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"id": attrs.get("id"), "action": attrs.get("action", ""), "fields": {}})
        elif tag == "input" and attrs.get("name") and self.forms:
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "button" and attrs.get("name") and attrs.get("form"):  # a button outside its form
            form = next(f for f in self.forms if f["id"] == attrs["form"])
            form["fields"].setdefault(attrs["name"], attrs.get("value", ""))
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def _page(response) -> _Forms:
    parser = _Forms()
    parser.feed(response.text)
    return parser


def _submit(browser, response, **values):
    """Send the page's first form as a browser does, with ``values`` typed into its fields; no redirects followed."""
    [form, *_] = _page(response).forms
    return browser.post(urljoin(response.url, form["action"]), data={**form["fields"], **values}, allow_redirects=False)


def _follow(browser, response, stop_at: str):
    """Follow redirects until the next one would go to an address starting with ``stop_at`` (returned as
    that address) or a page answers (returned as the response)."""
    while response.is_redirect:
        target = urljoin(response.url, response.headers["Location"])
        if target.startswith(stop_at):
            return target
        response = browser.get(target, allow_redirects=False)
    return response


def to_callback(site, account: str, next_address: str = "/"):
    """A browser that started single sign-on and logged in at the provider as ``account``; returns it and
    the callback address the provider sends it to (not yet visited)."""
    browser = requests.Session()
    callback = f"{site.base}/login/oidc/callback"
    step = _follow(browser, browser.get(f"{site.base}/login/oidc", params={"next": next_address}, allow_redirects=False), callback)
    for _ in range(4):  # the login form, then the consent form
        if isinstance(step, str):
            return browser, step
        assert step.status_code == 200 and step.url.startswith(site.issuer), (step.status_code, step.url, step.text[:500])
        fields = _page(step).forms[0]["fields"]
        typed = {"login": account, "password": "any password"} if "login" in fields else {}
        step = _follow(browser, _submit(browser, step, **typed), callback)
    pytest.fail(f"the provider did not send {account} back to the dashboard")


def sign_in(site, account: str, next_address: str = "/"):
    """The whole flow: returns the browser and the dashboard's answer after the callback."""
    browser, callback = to_callback(site, account, next_address)
    return browser, browser.get(callback)


def _audit(site, **wanted):
    return events(site.engine, AuditFilter(**wanted))


def test_the_way_to_the_provider_carries_state_nonce_and_pkce_and_asks_for_the_groups(site):
    browser = requests.Session()
    first = browser.get(f"{site.base}/login/oidc", allow_redirects=False)
    again = browser.get(f"{site.base}/login/oidc", allow_redirects=False)
    asked, asked_again = (parse_qs(urlsplit(r.headers["Location"]).query) for r in (first, again))
    assert first.headers["Location"].startswith(f"{site.issuer}/auth?")
    assert asked["code_challenge_method"] == ["S256"] and asked["scope"] == ["openid profile groups"]
    assert asked["redirect_uri"] == [f"{site.base}/login/oidc/callback"]
    for name in ("state", "nonce", "code_challenge"):  # fresh for every login
        assert len(asked[name][0]) >= 20 and asked[name] != asked_again[name], name


def test_a_council_member_signs_in_at_the_provider_and_reads_the_dashboard_but_not_more(site):
    browser, callback = to_callback(site, "raadslid", "/glossary?lang=en")
    token_before = browser.cookies.get("_csrf_token")
    answer = browser.get(callback)
    assert browser.cookies.get("_csrf_token") not in (None, token_before)  # a fresh CSRF token with the session
    assert answer.status_code == 200 and answer.url == f"{site.base}/glossary?lang=en"
    assert browser.get(f"{site.base}/api/v1/").status_code == 200
    assert browser.get(f"{site.base}/audit").status_code == 403  # an admin's page
    assert browser.get(f"{site.base}/logout").text.count("raadslid (council)") == 1
    account = find_account(site.engine, "raadslid")
    assert (account.role, account.source, account.password_hash) == ("council", "oidc", None)
    [event, *_] = _audit(site, actor="raadslid", action="login")
    assert (event["role"], event["detail"]) == ("council", "oidc: raadslid")


def test_the_griffie_signs_in_as_admin_and_reads_the_audit_log(site):
    _, answer = sign_in(site, "gerrit", "/audit")
    assert answer.status_code == 200 and answer.url == f"{site.base}/audit"
    assert "oidc: gerrit" in answer.text


def test_several_mapped_groups_give_the_highest_role(site):
    browser, _ = sign_in(site, "wim")
    assert find_account(site.engine, "wim").role == "editor"
    assert browser.get(f"{site.base}/audit").status_code == 403


def test_an_account_without_a_mapped_group_is_refused_kindly_and_gets_no_session(site):
    browser, answer = sign_in(site, "buiten")
    assert answer.status_code == 403 and NO_ROLE in answer.text
    assert browser.get(f"{site.base}/api/v1/themes").status_code == 401
    assert browser.get(f"{site.base}/", allow_redirects=False).headers["Location"].startswith("/login")
    assert find_account(site.engine, "buiten") is None
    [event, *_] = _audit(site, actor="buiten")
    assert event["action"] == "failed-login" and "no group with a role" in event["detail"]


def test_the_refusal_speaks_dutch(site):
    browser, callback = to_callback(site, "buiten")
    answer = browser.get(callback.replace("/login/oidc/callback?", "/login/oidc/callback?lang=nl&"))
    assert answer.status_code == 403 and "Uw account heeft geen rol op dit dashboard" in answer.text


def test_logout_ends_the_session_here_and_at_the_provider(site):
    browser, _ = sign_in(site, "anna")
    form = _page(browser.get(f"{site.base}/logout")).forms[0]
    leaving = browser.post(f"{site.base}/logout", data=form["fields"], allow_redirects=False)
    end_session = leaving.headers["Location"]
    assert end_session.startswith(f"{site.issuer}/session/end?")
    assert parse_qs(urlsplit(end_session).query)["post_logout_redirect_uri"] == [f"{site.base}/login"]
    assert browser.get(f"{site.base}/", allow_redirects=False).headers["Location"].startswith("/login")
    question = browser.get(end_session)
    assert question.status_code == 200 and "sign-out" in question.text.lower()
    back = _follow(browser, _submit(browser, question, logout="yes"), f"{site.base}/login")
    assert back.startswith(f"{site.base}/login")
    [event, *_] = _audit(site, actor="anna")
    assert (event["action"], event["detail"], event["role"]) == ("logout", "oidc", "editor")
    # The provider's session is gone too: signing in again asks for the login again.
    step = browser.get(f"{site.base}/login/oidc")
    assert 'name="login"' in step.text


def test_a_tampered_state_is_refused_and_logs_no_one_in(site):
    browser, callback = to_callback(site, "gerrit")
    parts = urlsplit(callback)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    tampered = urlunsplit(parts._replace(query=urlencode({**query, "state": query["state"] + "x"})))
    answer = browser.get(tampered)
    assert answer.status_code == 400 and "This login has expired or was not started here" in answer.text
    assert browser.get(f"{site.base}/api/v1/").status_code == 401
    assert "unknown or expired state" in _audit(site, action="failed-login")[0]["detail"]


def test_a_callback_used_twice_is_refused(site):
    browser, callback = to_callback(site, "raadslid")
    assert browser.get(callback).status_code == 200
    assert browser.get(callback).status_code == 400


def test_cancelling_at_the_provider_is_a_friendly_refusal(site):
    browser = requests.Session()
    login_form = browser.get(f"{site.base}/login/oidc")
    [cancel] = [link for link in _page(login_form).links if link.endswith("/abort")]
    answer = browser.get(urljoin(login_form.url, cancel))
    assert answer.url.startswith(f"{site.base}/login/oidc/callback?error=access_denied")
    assert answer.status_code == 403 and "Logging in with your organisation's account failed" in unescape(answer.text)
    assert browser.get(f"{site.base}/api/v1/").status_code == 401


def test_a_disabled_single_sign_on_account_cannot_come_back(site):
    sign_in(site, "gerrit")
    set_disabled(site.engine, "gerrit")
    try:
        browser, answer = sign_in(site, "gerrit")
        assert answer.status_code == 403 and "disabled" in answer.text
        assert browser.get(f"{site.base}/api/v1/").status_code == 401
    finally:
        set_disabled(site.engine, "gerrit", False)


def test_groups_only_in_userinfo_are_read_from_there(tmp_path_factory, demo_context):
    with _site(tmp_path_factory, demo_context, GROUPS_IN_ID_TOKEN="0") as other:
        _, answer = sign_in(other, "gerrit", "/audit")
        assert answer.status_code == 200 and find_account(other.engine, "gerrit").role == "admin"


def test_a_provider_that_stops_during_the_login_is_a_502_and_no_session(tmp_path_factory, demo_context):
    with _site(tmp_path_factory, demo_context) as other:
        browser, callback = to_callback(other, "gerrit")
        other.provider.terminate()
        other.provider.wait(timeout=10)
        answer = browser.get(callback)
        assert answer.status_code == 502 and "login service cannot be reached" in answer.text
        assert browser.get(f"{other.base}/api/v1/").status_code == 401


def test_a_provider_that_is_down_is_a_502_and_the_local_login_still_works(tmp_path):
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'store.sqlite'}", load_demo=False, demo_accounts=False, language="en",
        oidc_issuer=f"http://127.0.0.1:{_free_port()}", oidc_client_id="dashboard", oidc_roles=ROLES,
    )
    app = create_app(settings)
    client = BrowserLikeClient(app.server, app.server.response_class, use_cookies=True)
    login = client.get("/login")
    assert b"/login/oidc?next=/" in login.data
    answer = client.get("/login/oidc")
    assert answer.status_code == 502 and b"login service cannot be reached" in answer.data
    add_account(app.server.extensions["social_dashboard"].service.repository.engine, "local", "council", TEST_PASSWORD)
    assert log_in(client, "local").status_code == 302


def test_a_bad_role_map_stops_the_app_with_the_reason(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'store.sqlite'}", load_demo=False, demo_accounts=False,
                        oidc_issuer="http://127.0.0.1:9", oidc_client_id="dashboard", oidc_roles="raad=mayor")
    with pytest.raises(SystemExit, match="DASHBOARD_OIDC_ROLES"):
        create_app(settings)
