"""Login and logout with a local account (name and password), failed logins rate-limited and logged.

After ``MAX_FAILURES_PER_NAME`` failed logins for a name, or ``MAX_FAILURES_PER_ADDRESS`` from one
address, within ``FAILURE_WINDOW``, that name or address is refused without checking the password
until the window has passed; every failure is an audit event (read back for the count) and a log line.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import Blueprint, redirect, request

from dashboard.domain.passwords import verify_password
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, current_visitor, end_session, safe_next, start_session
from dashboard.staff.single_sign_on import logout_destination
from dashboard.store.accounts import find_account
from dashboard.store.audit import recent_failures, record

log = logging.getLogger(__name__)

MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_ADDRESS = 20
FAILURE_WINDOW = timedelta(minutes=15)
NAME_LIMIT = 120  # longer names are not looked up (nor logged in full)

LOGIN_FORM = """
<form method="post" action="/login{{ lang_query }}" class="login-form">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<input type="hidden" name="next" value="{{ next }}">
<p><label for="name">{{ t("Name") }}</label><br><input id="name" name="name" autocomplete="username" required value="{{ name }}"></p>
<p><label for="password">{{ t("Password") }}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit" class="btn btn-primary">{{ t("Log in") }}</button></p>
</form>
{% if single_sign_on %}<p><a class="btn btn-secondary" href="/login/oidc?next={{ next | urlencode }}">{{ t("Log in with your organisation's account") }}</a></p>{% endif %}
"""

LOGOUT_FORM = """
<form method="post" action="/logout{{ lang_query }}">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<p><button type="submit" class="btn btn-primary">{{ t("Log out") }}</button> <a href="/">{{ t("Back to the dashboard") }}</a></p>
</form>
"""


def register(staff: Blueprint, settings) -> None:
    single_sign_on = bool(settings.oidc_issuer)

    @staff.get("/login")
    def login():
        t = translator()
        return render(t("Log in"), LOGIN_FORM, next=safe_next(request.args.get("next")), name="", single_sign_on=single_sign_on)

    @staff.post("/login")
    def login_post():
        t = translator()
        engine = app_context().service.repository.engine
        name = request.form.get("name", "").strip()[:NAME_LIMIT]
        password = request.form.get("password", "")
        target = safe_next(request.form.get("next"))
        address = client_address()
        by_name, by_address = recent_failures(engine, name, address, FAILURE_WINDOW)
        if by_name >= MAX_FAILURES_PER_NAME or by_address >= MAX_FAILURES_PER_ADDRESS:
            log.warning("login refused for %r from %s: too many failed logins", name, address)
            record(engine, name, "failed-login", "refused: too many failed logins", address=address)
            problem = t("Too many failed logins. Try again in {minutes} minutes.", minutes=int(FAILURE_WINDOW.total_seconds() // 60))
            return render(t("Log in"), LOGIN_FORM, status=429, problems=[problem], next=target, name=name, single_sign_on=single_sign_on)
        account = find_account(engine, name) if name else None
        good = verify_password(account.password_hash if account else None, password)  # as slow for an unknown name
        if not good or account is None or account.disabled:
            reason = "disabled account" if good and account is not None else "wrong name or password"
            log.warning("failed login for %r from %s: %s", name, address, reason)
            record(engine, name or "?", "failed-login", reason, address=address)
            problem = t("That name and password do not match an active account.")
            return render(t("Log in"), LOGIN_FORM, status=401, problems=[problem], next=target, name=name, single_sign_on=single_sign_on)
        start_session(account, "local")
        record(engine, account.name, "login", "local account", role=account.role, address=address)
        return redirect(target)

    @staff.get("/logout")
    def logout():
        t = translator()
        if current_visitor() is None:
            return redirect("/login")
        return render(t("Log out"), LOGOUT_FORM)

    @staff.post("/logout")
    def logout_post():
        visitor = current_visitor()
        if visitor is not None:
            record(app_context().service.repository.engine, visitor.name, "logout", visitor.source, role=visitor.role, address=client_address())
        end_session()
        return redirect(logout_destination(visitor))

