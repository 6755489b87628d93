"""Pages for the municipality's staff beside the Dash app: login and logout, the audit log, upload and publish.

Server-rendered HTML forms (they work without JavaScript and post a CSRF field); each route checks the
visitor's role on the server with ``domain.access`` before it reads or changes anything. Council mode
only: a public server registers none of these routes. Each feature registers its routes from its own
module, listed in ``FEATURE_MODULES``.
"""

from __future__ import annotations

import importlib

from flask import Blueprint

#: Modules in this package with ``register(staff: Blueprint, settings)``.
FEATURE_MODULES = ("login", "single_sign_on", "audit_log", "upload", "edit", "templates", "publish")


def make_staff_blueprint(settings) -> Blueprint:
    staff = Blueprint("staff", __name__)
    for name in FEATURE_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(staff, settings)
    return staff
