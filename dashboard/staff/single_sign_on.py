"""Single sign-on with the organisation's OpenID Connect provider (council mode, when ``oidc_issuer`` is set).

``/login/oidc`` sends the browser to the provider (authorization code with state, nonce and PKCE S256;
Authlib keeps them in the signed session until the callback). ``/login/oidc/callback`` exchanges the
code, validates the ID token (the provider's keys, issuer, audience, nonce, expiry), reads the groups
from the ID token or else from userinfo and maps them by ``oidc_roles`` to the highest role. A user
whose groups map to none is refused (403, audited, no session). A user let in gets an account row per
subject (``store.accounts.single_sign_on_account``, no password), so the session is the local one:
account id and credentials stamp, the idle timeout, a fresh CSRF token; disabling the row ends it.
Logout sends such a user on to the provider's end-session endpoint (RP-initiated logout).
The discovery document is read when first needed, so the site starts while the provider is down;
every failure of the provider or the browser's request is a friendly page (4xx/502), never a 500.
"""

from __future__ import annotations

import logging

import requests
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Blueprint, current_app, redirect, request, session, url_for
from joserfc.errors import JoseError

from dashboard.domain.access import Visitor, parse_role_map, role_for_groups
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, safe_next, start_session
from dashboard.store.accounts import AccountProblem, single_sign_on_account
from dashboard.store.audit import record

log = logging.getLogger(__name__)

CLIENT_NAME = "organisation"
#: The provider's client, per app (``current_app.extensions``), for the logout.
EXTENSION_KEY = "social_dashboard_oidc"
#: Where the user wanted to go, kept in the session from /login/oidc to the callback.
NEXT_KEY = "oidc_next"
#: Seconds to wait for the provider (discovery, keys, token, userinfo) before the user gets a 502.
PROVIDER_TIMEOUT = 10
#: The provider cannot be reached or answers something unreadable.
PROVIDER_DOWN = (requests.RequestException, ValueError)

BACK = """<p><a class="btn btn-primary" href="/login">{{ t("Back to the login page") }}</a></p>"""


class ProviderProblem(Exception):
    """The provider's discovery document does not describe the configured issuer."""


def register(staff: Blueprint, settings) -> None:
    if not settings.oidc_issuer:
        return
    try:
        role_map = parse_role_map(settings.oidc_roles)
    except ValueError as problem:
        raise SystemExit(f"DASHBOARD_OIDC_ROLES: {problem}") from None
    claim = settings.oidc_role_claim
    oauth = OAuth()
    client_kwargs = {"code_challenge_method": "S256", "default_timeout": PROVIDER_TIMEOUT}
    if not settings.oidc_client_secret:
        client_kwargs["token_endpoint_auth_method"] = "none"  # a public client: PKCE alone
    oauth.register(
        CLIENT_NAME,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret or None,
        server_metadata_url=f"{settings.oidc_issuer}/.well-known/openid-configuration",
        client_kwargs=client_kwargs,
    )

    def install(state) -> None:
        oauth.init_app(state.app)
        state.app.extensions[EXTENSION_KEY] = (oauth, settings.oidc_issuer)

    staff.record_once(install)

    @staff.get("/login/oidc")
    def oidc_login():
        t = translator()
        client = oauth.create_client(CLIENT_NAME)
        try:
            metadata = _metadata(client, settings.oidc_issuer)
        except (*PROVIDER_DOWN, ProviderProblem) as problem:
            return _unreachable(settings.oidc_issuer, problem)
        # The groups claim often comes with a scope of its own name (as here); ask for it when offered.
        scopes = ["openid", "profile"] + ([claim] if claim in (metadata.get("scopes_supported") or ()) else [])
        session[NEXT_KEY] = safe_next(request.args.get("next"))
        callback = url_for("staff.oidc_callback", _external=True)
        return client.authorize_redirect(callback, scope=" ".join(scopes), ui_locales=t.lang)

    @staff.get("/login/oidc/callback")
    def oidc_callback():
        t = translator()
        engine = app_context().service.repository.engine
        address = client_address()
        client = oauth.create_client(CLIENT_NAME)

        def failed(status: int, reason: str, message: str, actor: str = "?"):
            log.warning("single sign-on refused from %s: %s", address, reason)
            record(engine, actor, "failed-login", f"oidc: {reason}", address=address)
            return _refused(status, message)

        try_again = t("Logging in with your organisation's account failed; try again.")
        error = request.args.get("error", "")
        if error:
            return failed(403 if error == "access_denied" else 400, f"the provider answered {error[:60]!r}", try_again)
        try:
            metadata = _metadata(client, settings.oidc_issuer)
            if request.args.get("iss", metadata["issuer"]) != metadata["issuer"]:  # RFC 9207: not a mix-up
                return failed(400, "the answer names another issuer", try_again)
            token = client.authorize_access_token()
            claims = token.get("userinfo")  # the validated ID token's claims
            if not claims or not claims.get("sub"):
                return failed(502, "the provider sent no ID token", try_again)
            groups = claims.get(claim)
            if groups is None and metadata.get("userinfo_endpoint"):
                info = client.userinfo(token=token)
                if info.get("sub") != claims["sub"]:
                    return failed(502, "userinfo is about another subject", try_again)
                groups = info.get(claim)
        except MismatchingStateError:
            return failed(400, "unknown or expired state", t("This login has expired or was not started here; start again from the login page."))
        except OAuthError as problem:
            return failed(400, f"the provider refused the code: {problem.error}", try_again)
        except JoseError as problem:
            return failed(400, f"the ID token is not valid: {problem.error}", try_again)
        except (*PROVIDER_DOWN, ProviderProblem) as problem:
            return _unreachable(settings.oidc_issuer, problem)
        subject = claims["sub"]
        who = claims.get("preferred_username") or claims.get("email") or claims.get("name") or subject
        role = role_for_groups(groups, role_map)
        if role is None:
            return failed(403, f"{who}: no group with a role", t("Your account has no role on this dashboard; ask the griffie to give you one."), subject)
        try:
            account = single_sign_on_account(engine, subject, role)
        except AccountProblem as problem:
            return failed(403, f"{who}: {problem}", try_again, subject)
        if account.disabled:
            return failed(403, f"{who}: disabled account", t("Your account on this dashboard has been disabled."), subject)
        target = session.pop(NEXT_KEY, "/")
        start_session(account, "oidc")
        record(engine, account.name, "login", f"oidc: {who}", role=account.role, address=address)
        return redirect(safe_next(target))


def logout_destination(visitor: Visitor | None) -> str:
    """Where the browser goes after logout: for a single-sign-on user the provider's end-session endpoint,
    which returns them to the login form (when the provider has one and answers); else the login form."""
    installed = current_app.extensions.get(EXTENSION_KEY)
    if visitor is None or visitor.source != "oidc" or installed is None:
        return "/login"
    oauth, issuer = installed
    client = oauth.create_client(CLIENT_NAME)
    try:
        metadata = _metadata(client, issuer)
    except (*PROVIDER_DOWN, ProviderProblem) as problem:
        log.warning("logout: the provider %s cannot be reached, its session stays: %s", issuer, problem)
        return "/login"
    if not metadata.get("end_session_endpoint"):
        return "/login"
    login = url_for("staff.login", _external=True)  # registered at the provider as the post-logout address
    return client.create_logout_url(post_logout_redirect_uri=login, client_id=client.client_id, ui_locales=translator().lang)["url"]


def _metadata(client, issuer: str) -> dict:
    """The discovery document (read once per app, then kept by Authlib), checked to be the issuer's own."""
    metadata = client.load_server_metadata()
    if str(metadata.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderProblem(f"the discovery document names issuer {metadata.get('issuer')!r}")
    missing = [key for key in ("authorization_endpoint", "token_endpoint", "jwks_uri") if not metadata.get(key)]
    if missing:
        raise ProviderProblem(f"the discovery document has no {', '.join(missing)}")
    return metadata


def _unreachable(issuer: str, problem: Exception):
    log.warning("single sign-on: the provider %s cannot be used: %s", issuer, problem)
    t = translator()
    return _refused(502, t("The organisation's login service cannot be reached; try again later or log in with your name and password."))


def _refused(status: int, message: str):
    t = translator()
    return render(t("Log in"), BACK, status=status, problems=[message])
