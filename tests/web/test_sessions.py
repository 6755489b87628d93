"""The council site refuses every request without a valid session, and a council session cannot change anything.

Crafted requests as an attacker sends them: every route of the server, every server-side callback,
the API and its CSV downloads; without a session, with an expired, forged or ended one, without the
CSRF token; and with a council member's session against the admin's pages.
"""

from __future__ import annotations

import gzip
import json
import re
import time

import pytest

from dashboard.navigation import ids
from dashboard.store.accounts import find_account, reset_password, set_disabled
from dashboard.store.audit import AuditFilter, events
from dashboard.web.page_requests import UPDATE_PATH, payload_for
from devtools.page_catalogue import example_paths
from tests.helpers import TEST_PASSWORD, BrowserLikeClient, account_for, count_renders, expand_blocks, log_in, logged_in, walk

OPEN = ("/login", "/healthz", "/assets/10-dashboard.css", "/_dash-component-suites/dash/dash-renderer/build/dash_renderer.v4_4_1m1.min.js")


def _engine(app):
    return app.server.extensions["social_dashboard"].service.repository.engine


def _anonymous(app):
    return BrowserLikeClient(app.server, app.server.response_class, use_cookies=True)


def _every_get_address(app) -> list[str]:
    """One concrete address per GET route of the server (path variables filled in), plus the page examples."""
    addresses = []
    for rule in app.server.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        address = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: {"path": "theme/young", "filename": "x.js"}.get(m.group(1), "x"), rule.rule)
        addresses.append(address)
    context = app.server.extensions["social_dashboard"]
    addresses += [path for _name, path in example_paths(context.service, context.settings.municipality)]
    addresses += ["/api/v1/themes?format=csv", "/api/v1/indicators?format=csv", "/embed/theme/young", "/audit.csv"]
    return sorted(set(addresses))


def _callback_posts(app) -> list[dict]:
    """A well-formed post of every server-side callback the app declares (as the request guard accepts them)."""
    posts = []
    for output, entry in app.callback_map.items():
        if "callback" not in entry:
            continue
        declared = entry["output"] if isinstance(entry["output"], list) else [entry["output"]]
        outputs = [{"id": spec.component_id_str(), "property": spec.component_property} for spec in declared]
        body = {
            "output": output,
            "outputs": outputs if isinstance(entry["output"], list) else outputs[0],
            "inputs": [{"id": i["id"], "property": i["property"], "value": None} for i in entry["inputs"]],
            "state": [{"id": s["id"], "property": s["property"], "value": None} for s in entry["state"]],
            "changedPropIds": [],
        }
        if not any(i["id"].startswith("{") for i in entry["inputs"] + entry["state"]):
            posts.append(body)
    return posts


def test_without_a_session_only_login_static_files_and_healthz_answer(demo_app):
    client = _anonymous(demo_app)
    answered = {}
    for address in _every_get_address(demo_app):
        response = client.get(address)
        answered[address] = response.status_code
        if address.split("?")[0] in OPEN or address.startswith(("/assets/", "/_dash-component-suites/", "/login")):
            continue
        assert response.status_code in (302, 401), f"{address} answered {response.status_code} without a session"
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/login?next="), address
        else:
            assert response.get_json() == {"error": "log in first", "status": 401}, address
    assert len(answered) > 30, "the crawl must reach the pages, the API and the downloads"
    assert client.get("/login").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/assets/10-dashboard.css").status_code == 200


def test_without_a_session_every_callback_is_refused(demo_app):
    client = _anonymous(demo_app)
    posts = _callback_posts(demo_app)
    assert posts, "the router callback at least (the address callbacks run in the browser)"
    for body in posts + [payload_for("/"), payload_for("/theme/young")]:
        response = client.post(UPDATE_PATH, json=body)
        assert response.status_code == 401, (body["output"], response.status_code)
    for path in ("/_dash-layout", "/_dash-dependencies", "/api/v1/", "/api/v1/openapi.json"):
        assert client.get(path).status_code == 401, path


def test_a_logged_in_council_member_sees_the_pages(client):
    response = client.post(UPDATE_PATH, json=payload_for("/"))
    assert response.status_code == 200
    assert client.get("/api/v1/themes").status_code == 200
    assert client.get("/theme/young").status_code == 200  # the Dash page shell


def test_an_expired_session_is_refused_and_sent_to_the_login(demo_app):
    client = logged_in(demo_app)
    assert client.post(UPDATE_PATH, json=payload_for("/")).status_code == 200
    with client.session_transaction() as session:
        session["seen"] = time.time() - 31 * 60  # the idle timeout is 30 minutes
    assert client.post(UPDATE_PATH, json=payload_for("/")).status_code == 401
    assert client.get("/api/v1/themes").status_code == 401  # the session was ended, not only refused once
    assert client.get("/").headers["Location"] == "/login?next=/"


def test_a_forged_session_cookie_is_refused(demo_app):
    client = _anonymous(demo_app)
    client.set_cookie("dashboard_session", "eyJ1aWQiOjF9.forged.signature")
    assert client.post(UPDATE_PATH, json=payload_for("/")).status_code == 401
    assert client.get("/api/v1/themes").status_code == 401


def test_disabling_an_account_or_resetting_its_password_ends_its_sessions(demo_app):
    engine = _engine(demo_app)
    from dashboard.store.accounts import add_account

    for change in ("disable", "reset"):
        name = f"short-lived-{change}"
        add_account(engine, name, "council", TEST_PASSWORD)
        client = _anonymous(demo_app)
        assert log_in(client, name).status_code == 302
        assert client.get("/api/v1/themes").status_code == 200
        if change == "disable":
            set_disabled(engine, name)
        else:
            reset_password(engine, name, "another long password")
        assert client.get("/api/v1/themes").status_code == 401, change


def test_state_changing_requests_need_the_csrf_token(demo_app):
    client = logged_in(demo_app)
    session_only = demo_app.server.test_client()  # sends cookies, but never the token (a cross-site page cannot read it)
    session_only.set_cookie("dashboard_session", client.get_cookie("dashboard_session").value)
    # A cross-site form or script has the session cookie but cannot read the token.
    response = session_only.post(UPDATE_PATH, json=payload_for("/"))
    assert response.status_code == 403
    assert session_only.post(UPDATE_PATH, json=payload_for("/"), headers={"X-CSRFToken": "guessed"}).status_code == 403
    assert session_only.post("/logout", data={"csrf_token": "guessed"}).status_code == 403
    assert session_only.post("/logout").status_code == 403
    assert session_only.get("/api/v1/themes").status_code == 200  # the session itself is still fine
    assert client.post(UPDATE_PATH, json=payload_for("/")).status_code == 200  # header = the session's token


def test_the_csrf_cookie_is_what_dashs_renderer_sends_back(demo_app):
    client = _anonymous(demo_app)
    log_in(client, account_for(demo_app, "council"))
    cookie = client.get_cookie("_csrf_token")
    with client.session_transaction() as session:
        assert cookie.value == session["csrf"]
    assert not cookie.http_only  # the renderer's script reads it
    session_cookie = client.get_cookie("dashboard_session")
    assert session_cookie.http_only and session_cookie.same_site == "Lax"


def test_a_council_session_cannot_read_the_audit_log_nor_change_anything(demo_app):
    client = logged_in(demo_app, "council")
    engine = _engine(demo_app)
    before = len(events(engine, AuditFilter(limit=10000)))
    version = demo_app.server.extensions["social_dashboard"].service.repository.version()
    assert client.get("/audit").status_code == 403
    assert client.get("/audit.csv").status_code == 403
    for address in ("/api/v1/themes", "/api/v1/indicators"):  # the API is read-only for every role
        assert client.post(address, json={}).status_code in (403, 405)
    assert len(events(engine, AuditFilter(limit=10000))) == before
    assert demo_app.server.extensions["social_dashboard"].service.repository.version() == version
    admin = logged_in(demo_app, "admin")
    assert admin.get("/audit").status_code == 200


def test_page_responses_are_kept_per_role(demo_app, monkeypatch):
    """An admin's page (with the audit-log link) is never served to a council member from the kept responses."""
    admin, council = logged_in(demo_app, "admin"), logged_in(demo_app, "council")
    address = "/glossary?lang=en&role-test=1"
    rendered = count_renders(monkeypatch)
    first = admin.post(UPDATE_PATH, json=payload_for(address))
    again = admin.post(UPDATE_PATH, json=payload_for(address))
    assert first.get_data() == again.get_data() and rendered == ["/glossary"]  # the second was the kept response
    assert "/audit" in _links(first)
    theirs = council.post(UPDATE_PATH, json=payload_for(address))
    assert "/audit" not in _links(theirs) and "/logout" in _links(theirs)
    assert rendered == ["/glossary", "/glossary"]  # rendered again for the other role
    assert council.post(UPDATE_PATH, json=payload_for(address)).get_data() == theirs.get_data()


def _links(response) -> set[str]:
    tree = json.loads(gzip.decompress(response.get_data()) if response.headers.get("Content-Encoding") == "gzip" else response.get_data())
    return {node["props"].get("href") for node, _ in walk(expand_blocks(tree["response"][ids.PAGE]["data"]["children"])) if node["type"] == "A"}


def test_public_mode_has_no_login_at_all(tmp_path):
    from dashboard.config.settings import Settings
    from dashboard.web.app_factory import create_app

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'public.sqlite'}", mode="public", load_demo=False))
    client = app.server.test_client()
    for address in ("/login", "/logout", "/login/oidc", "/audit", "/audit.csv"):
        response = client.get(address)
        assert response.status_code == 200 and b"<title>" in response.data or response.status_code == 404, address
        assert "dashboard_session" not in response.headers.get("Set-Cookie", ""), address
    assert client.post("/login", data={"name": "x", "password": "y"}).status_code in (404, 405)
    assert not any(rule.rule.startswith(("/login", "/logout", "/audit")) for rule in app.server.url_map.iter_rules())
    assert find_account(_engine(app), "raad") is None  # no demo accounts on a public site


@pytest.mark.parametrize("address", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_login_goes_back_only_to_this_site(demo_app, address):
    client = _anonymous(demo_app)
    client.get("/login")
    token = client.get_cookie("_csrf_token").value
    name = account_for(demo_app, "council")
    response = client.post("/login", data={"name": name, "password": TEST_PASSWORD, "csrf_token": token, "next": address})
    assert response.headers["Location"] == "/"
