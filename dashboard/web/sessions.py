"""Sessions of the council site, checked in one place before every request (council mode only).

Nothing answers without a session except ``OPEN_PATHS`` (login, static files, ``/healthz``): a page
address redirects to the login form, everything else (callbacks, API, downloads) gets a JSON 401.
A session is Flask's signed cookie (HttpOnly, SameSite=Lax, Secure behind HTTPS) holding the account
id, the account's credentials stamp and the time of the last request; it ends after the idle timeout,
when the account is disabled or its password reset. Every state-changing request (any method but
GET/HEAD/OPTIONS) carries the session's CSRF token: Dash's renderer sends the ``_csrf_token`` cookie
back as ``X-CSRFToken`` (double submit, compared with the token in the signed session), forms send it
as the ``csrf_token`` field. The page warm-up's replays (marked in the WSGI environ, which no client
can set) read as a council member. Public mode installs none of this: it has no sessions at all.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path

from dashboard.config.paths import PROJECT_ROOT
from dashboard.config.settings import Settings
from dashboard.domain.access import NotAllowed, Visitor
from dashboard.staff.session import CSRF_COOKIE, csrf_ok
from dashboard.store.accounts import account_by_id
from dashboard.web.page_warmup import WARM_UP_ENVIRON

log = logging.getLogger(__name__)

SESSION_COOKIE = "dashboard_session"
#: Reachable without a session. Dash's component suites are the renderer's static JavaScript.
OPEN_PATHS = ("/login", "/healthz", "/favicon.ico")
OPEN_PREFIXES = ("/assets/", "/_dash-component-suites/", "/login/")
#: Addresses that answer data, not pages: without a session they get 401, not a redirect.
DATA_PREFIXES = ("/_dash-", "/api/", "/_reload-hash")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
#: The session's last-request time is rewritten at most this often (each rewrite is a Set-Cookie).
TOUCH_SECONDS = 60
WARM_UP_VISITOR = Visitor(name="page warm-up", role="council", source="warm-up")


def install(server, settings: Settings, engine) -> None:
    """Register before every hook but the request timing's (kept pages must not be served without a session)."""
    server.secret_key = settings.secret_key or _instance_secret()
    server.config.update(
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        SESSION_REFRESH_EACH_REQUEST=False,
    )
    idle_seconds = settings.session_idle_minutes * 60

    def check():
        import flask

        request = flask.request
        if request.environ.get(WARM_UP_ENVIRON):
            flask.g.visitor = WARM_UP_VISITOR
            return None
        visitor = _session_visitor(engine, idle_seconds)
        flask.g.visitor = visitor
        if visitor is None and not is_open(request.path):
            if request.method == "GET" and not request.path.startswith(DATA_PREFIXES):
                return flask.redirect(flask.url_for("staff.login", next=_next_address()))
            return refusal(401, "log in first")
        if request.method not in SAFE_METHODS and not csrf_ok():
            log.warning("refused %s %s: missing or wrong CSRF token", request.method, request.path)
            return refusal(403, "the form or page has expired; reload the page and try again")
        return None

    def not_allowed(error: NotAllowed):
        import flask

        log.warning("refused %s %s: %s", flask.request.method, flask.request.path, error)
        if flask.g.get("visitor") is None:
            return refusal(401, "log in first")
        return refusal(403, "your role may not do this")

    server.before_request(check)
    server.after_request(_set_csrf_cookie(settings))
    server.register_error_handler(NotAllowed, not_allowed)


def is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


def refusal(status: int, message: str):
    from dashboard.web.request_guard import error_response

    return error_response(status, message)


def _session_visitor(engine, idle_seconds: int) -> Visitor | None:
    import flask

    session = flask.session
    uid, now = session.get("uid"), time.time()
    if not isinstance(uid, int):
        return None
    seen = session.get("seen")
    if not isinstance(seen, (int, float)) or now - seen > idle_seconds:
        session.clear()
        return None
    account = account_by_id(engine, uid)
    if account is None or account.disabled or session.get("stamp") != account.credentials_stamp:
        session.clear()
        return None
    if now - seen > TOUCH_SECONDS:
        session["seen"] = now
    return Visitor(name=account.name, role=account.role, source=session.get("src", "local"))


def _next_address() -> str:
    import flask

    query = flask.request.query_string.decode("latin-1")
    return flask.request.path + ("?" + query if query else "")


def _set_csrf_cookie(settings: Settings):
    def set_cookie(response):
        import flask

        token = flask.session.get("csrf")
        if token and flask.request.cookies.get(CSRF_COOKIE) != token:
            # Readable by the page's script (not HttpOnly): that is how the renderer sends it back.
            response.set_cookie(CSRF_COOKIE, token, samesite="Lax", secure=settings.secure_cookies, httponly=False)
        elif not token and CSRF_COOKIE in flask.request.cookies:
            response.delete_cookie(CSRF_COOKIE)
        return response

    return set_cookie


def _instance_secret() -> str:
    """A random key kept beside the SQLite store, made once: sessions survive restarts and every worker
    signs with the same key. Several hosts: set ``DASHBOARD_SECRET_KEY`` instead."""
    path: Path = PROJECT_ROOT / "instance" / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f".secret_key.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(48), encoding="ascii")
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic and exclusive: the first process's key wins, complete
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip()
