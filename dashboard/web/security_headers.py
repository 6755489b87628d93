"""Security headers on every response: a Content-Security-Policy without inline scripts, framing
only for /embed/... by the configured sites, a Permissions-Policy that grants no device access.

Scripts: only this site's files and Dash's own inline scripts, named by their hashes
(``Dash.csp_hashes``: the renderer's start line and the clientside callbacks), so an injected
``<script>`` does not run. Styles: Dash and plotly.js set ``style`` attributes and inject
``<style>`` for charts, hence ``'unsafe-inline'`` for styles only. Images: this site, and ``data:``
for plotly's drawn icons. Nothing else may be loaded, posted to or framed. The server's name and
version are not announced (``gunicorn.conf.py`` and ``devtools/devserver`` leave out the banner).
"""
from __future__ import annotations

from dashboard.config.settings import Settings
from dashboard.navigation.addresses import EMBED_PREFIX

#: Browser features the dashboard never uses: denied to it and to any page that frames it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
                                     "microphone", "payment", "usb", "interest-cohort", "browsing-topics")
)


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def install(app, settings: Settings) -> None:
    """Add the headers to every response of ``app``'s server (pages, callbacks, API, files, errors)."""
    embed_ancestors = " ".join(("'self'",) + tuple(a for a in settings.frame_ancestors if a != "'self'"))
    hashes: list[str] = []  # computed at the first response, when every clientside callback is known

    def add_headers(response):
        import flask

        if not hashes:
            hashes.extend(app.csp_hashes())
        path = flask.request.path
        embed = path == EMBED_PREFIX or path.startswith(EMBED_PREFIX + "/")
        response.headers["Content-Security-Policy"] = content_security_policy(hashes, embed_ancestors if embed else "'self'")
        if not embed:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        response.headers.pop("Server", None)
        return response

    app.server.after_request(add_headers)
