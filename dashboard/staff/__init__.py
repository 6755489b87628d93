"""Pages for the municipality's staff beside the Dash app: login and logout, the audit log, upload and publish.

Server-rendered HTML forms (they work without JavaScript and post a CSRF field); each route checks the
visitor's role on the server with ``domain.access`` before it reads or changes anything. Council mode
only: a public server registers none of these routes, except the published decision rounds (read only). Each feature registers its routes from its own
module, listed in ``FEATURE_MODULES``.
"""

from __future__ import annotations

import importlib

from flask import Blueprint

#: Modules in this package with ``register(staff: Blueprint, settings)``.
FEATURE_MODULES = ("login", "single_sign_on", "audit_log", "upload", "edit", "templates", "publish",
                   "decision_round_page", "decision_rounds", "decision_scoring", "decision_result")


def make_staff_blueprint(settings) -> Blueprint:
    staff = Blueprint("staff", __name__)
    for name in FEATURE_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(staff, settings)
    return staff


def make_public_blueprint() -> Blueprint:
    """The public site's share of these pages: published decision rounds, read only, without names
    unless published with them (``decision_result.register_public``)."""
    from dashboard.staff.decision_result import register_public

    site = Blueprint("public_rounds", __name__)
    register_public(site)
    return site
