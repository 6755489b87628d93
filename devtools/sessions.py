"""Sessions for tests, the benchmark and the screenshots: log in through the council site's real login form.

``logged_in(app, role)`` gives a Flask test client with a session of that role; like Dash's renderer it
sends the ``_csrf_token`` cookie back as ``X-CSRFToken``. The accounts it logs in with (``test-council``,
``test-editor``, ``test-admin``) are made in the app's store when missing.
"""

from __future__ import annotations

import time

from flask.testing import FlaskClient
from werkzeug.datastructures import Headers

#: Password of the accounts ``logged_in`` makes.
TEST_PASSWORD = "correct horse battery staple"
#: A kept login is reused this long (well inside the 30-minute idle timeout).
REUSE_LOGIN_SECONDS = 600


class BrowserLikeClient(FlaskClient):
    """A test client that sends the ``_csrf_token`` cookie back as ``X-CSRFToken``, as Dash's renderer does."""

    def open(self, *args, **kwargs):
        cookie = self.get_cookie("_csrf_token")
        if cookie is not None:
            headers = Headers(kwargs.get("headers") or {})
            headers.setdefault("X-CSRFToken", cookie.value)
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)


def account_for(app, role: str) -> str:
    """The name of an account with ``role`` and ``TEST_PASSWORD`` in the app's store (made when missing)."""
    from dashboard.store.accounts import add_account, find_account

    engine = app.server.extensions["social_dashboard"].service.repository.engine
    name = f"test-{role}"
    if find_account(engine, name) is None:
        add_account(engine, name, role, TEST_PASSWORD)
    return name


def log_in(client, name: str, password: str = TEST_PASSWORD, next_address: str = "/"):
    """Post the login form as a browser does (the form's CSRF field from the cookie the form page set)."""
    client.get("/login")
    token = client.get_cookie("_csrf_token").value
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": next_address})


def logged_in(app, role: str = "council") -> BrowserLikeClient:
    """A client with a session of ``role`` (council mode), logged in through the form; a public app's
    client stays anonymous. One real login per app and role every few minutes: later clients get its cookies."""
    client = BrowserLikeClient(app.server, app.server.response_class, use_cookies=True)
    if app.server.extensions["social_dashboard"].settings.mode != "council":
        return client
    kept = app.server.extensions.setdefault("test_logins", {})
    cookies, made = kept.get(role, (None, 0.0))
    if cookies is None or time.monotonic() - made > REUSE_LOGIN_SECONDS:
        response = log_in(client, account_for(app, role))
        if response.status_code != 302:
            raise RuntimeError(f"login as {role} failed: {response.status_code} {response.data[:300]!r}")
        cookies = [(c, client.get_cookie(c).value) for c in ("dashboard_session", "_csrf_token")]
        kept[role] = (cookies, time.monotonic())
        return client
    for name, value in cookies:
        client.set_cookie(name, value)
    return client


def log_in_through_the_form(page, name: str, password: str = TEST_PASSWORD) -> None:
    """In a Playwright tab: fill in and send the login form, as a person does."""
    page.goto("/login")
    page.fill("#name", name)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
