"""What a session holds: who is logged in (``flask.g.visitor``, set by ``web.sessions``), its CSRF token,
and where a login may send the browser on to.

Read by the staff pages and the router; written only at login and logout.
"""

from __future__ import annotations

import hmac
import secrets
import time

from dashboard.domain.access import Visitor

CSRF_COOKIE = "_csrf_token"  # Dash's renderer reads this cookie ...
CSRF_HEADER = "X-CSRFToken"  # ... and sends it back in this header
CSRF_FIELD = "csrf_token"  # the hidden field of the staff pages' forms


def current_visitor() -> Visitor | None:
    """The visitor of this request (None: anonymous, as everyone is in public mode)."""
    import flask

    return flask.g.get("visitor")


def current_role() -> str | None:
    visitor = current_visitor()
    return visitor.role if visitor else None


def start_session(account, source: str) -> None:
    """After a successful login: a new session (new CSRF token), so nothing from before it carries over."""
    import flask

    flask.session.clear()
    flask.session.update(uid=account.id, stamp=account.credentials_stamp, seen=time.time(), src=source, csrf=secrets.token_urlsafe(32))
    flask.g.visitor = Visitor(name=account.name, role=account.role, source=source)


def end_session() -> None:
    import flask

    flask.session.clear()
    flask.g.visitor = None


def csrf_token() -> str:
    """This session's token (made on first use, also before login: the login form carries it)."""
    import flask

    token = flask.session.get("csrf")
    if not token:
        token = flask.session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_ok() -> bool:
    """The request carries this session's token, as header (Dash) or form field (staff pages)."""
    import flask

    request = flask.request
    expected = flask.session.get("csrf")
    given = request.headers.get(CSRF_HEADER)
    if not given and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        given = request.form.get(CSRF_FIELD)
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))


def client_address() -> str | None:
    """The client's address as the WSGI server saw it (behind a proxy: configure ProxyFix there)."""
    import flask

    return flask.request.remote_addr


def safe_next(address: str | None) -> str:
    """Where to go after login: a path on this site only (never ``//other.site`` or ``https://...``)."""
    if not address or not address.startswith("/") or address.startswith("//") or "\\" in address or not address.isprintable():
        return "/"
    return address
