"""Settings read once from the environment into an immutable object (no module-level state)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from dashboard.config.paths import PROJECT_ROOT

DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'instance' / 'dashboard.sqlite'}"
#: Import files above this size are refused (the largest CBS file, the ten-year lasten file, is 22 MB;
#: reading takes about 15 times the file's size in memory).
DEFAULT_MAX_IMPORT_BYTES = 64 * 1024 * 1024


def max_import_bytes(env: dict[str, str] | None = None) -> int:
    """``DASHBOARD_MAX_IMPORT_BYTES`` or the default: the largest file an import reads."""
    value = (os.environ if env is None else env).get("DASHBOARD_MAX_IMPORT_BYTES", "").strip()
    if not value:
        return DEFAULT_MAX_IMPORT_BYTES
    if not (value.isascii() and value.isdigit()):
        raise SystemExit(f"DASHBOARD_MAX_IMPORT_BYTES must be a number of bytes, not {value!r}")
    return int(value)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    municipality: str = "Kampen"
    mode: str = "council"  # council | public
    language: str = "nl"  # nl | en: Dutch first (the dashboard serves Dutch councils and citizens)
    port: int = 8050
    load_demo: bool = True  # load the demo dataset into an empty store on start
    frame_ancestors: tuple[str, ...] = ()  # origins allowed to frame /embed/... pages (CSP frame-ancestors)
    max_request_bytes: int = 1024 * 1024  # larger request bodies get 413 (a callback post is a few KB)
    contact_email: str = ""  # where residents report accessibility problems: on the statement and in the footer
    # Council mode's login (issue 14); public mode has none.
    secret_key: str = ""  # signs session cookies; empty: a random key kept in instance/secret_key
    session_idle_minutes: int = 30  # a session without a request for this long ends
    secure_cookies: bool = False  # behind HTTPS: cookies only over HTTPS
    demo_accounts: bool = True  # a council site without accounts creates one per role and prints them once
    oidc_issuer: str = ""  # single sign-on (OpenID Connect) when set, e.g. https://login.microsoftonline.com/TENANT/v2.0
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_role_claim: str = "groups"  # the ID-token/userinfo claim that carries the user's groups
    oidc_roles: str = ""  # GROUP=ROLE pairs, e.g. "raad=council,redactie=editor,griffie=admin" (checked when the app starts)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        mode = env.get("DASHBOARD_MODE", "council").strip().lower()
        if mode not in ("council", "public"):
            raise SystemExit(f"DASHBOARD_MODE must be 'council' or 'public', not {mode!r}")
        language = env.get("DASHBOARD_LANG", "nl").strip().lower()
        if language not in ("en", "nl"):
            raise SystemExit(f"DASHBOARD_LANG must be 'nl' or 'en', not {language!r}")
        port = env.get("PORT", "8050")
        if not port.isdigit():
            raise SystemExit(f"PORT must be a number, not {port!r}")
        max_request = env.get("DASHBOARD_MAX_REQUEST_BYTES", str(cls.max_request_bytes))
        if not max_request.isascii() or not max_request.isdigit():
            raise SystemExit(f"DASHBOARD_MAX_REQUEST_BYTES must be a number of bytes, not {max_request!r}")
        ancestors = tuple(env.get("DASHBOARD_FRAME_ANCESTORS", "").split())
        for origin in ancestors:
            if not re.fullmatch(r"https?://[A-Za-z0-9.*-]+(:\d+)?|'self'", origin):
                raise SystemExit(f"DASHBOARD_FRAME_ANCESTORS: {origin!r} is not an origin like https://www.example.nl")
        contact = env.get("DASHBOARD_CONTACT_EMAIL", "").strip()
        if contact and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", contact):
            raise SystemExit(f"DASHBOARD_CONTACT_EMAIL: {contact!r} is not an e-mail address")
        idle = env.get("DASHBOARD_SESSION_IDLE_MINUTES", "30").strip()
        if not (idle.isascii() and idle.isdigit()) or int(idle) < 1:
            raise SystemExit(f"DASHBOARD_SESSION_IDLE_MINUTES must be a number of minutes, not {idle!r}")
        roles = env.get("DASHBOARD_OIDC_ROLES", "").strip()
        oidc = {key: env.get(f"DASHBOARD_OIDC_{key.upper()}", "").strip() for key in ("issuer", "client_id", "client_secret")}
        if oidc["issuer"] and not (oidc["client_id"] and roles):
            raise SystemExit("DASHBOARD_OIDC_ISSUER is set: DASHBOARD_OIDC_CLIENT_ID and DASHBOARD_OIDC_ROLES are needed too")
        load_demo = env.get("DASHBOARD_LOAD_DEMO", "1") not in ("0", "false", "no")
        return cls(
            contact_email=contact,
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            municipality=env.get("DASHBOARD_MUNICIPALITY") or "Kampen",
            mode=mode,
            language=language,
            port=int(port),
            load_demo=load_demo,
            frame_ancestors=ancestors,
            max_request_bytes=int(max_request),
            secret_key=env.get("DASHBOARD_SECRET_KEY", ""),
            session_idle_minutes=int(idle),
            secure_cookies=env.get("DASHBOARD_SECURE_COOKIES", "0") in ("1", "true", "yes"),
            demo_accounts=env.get("DASHBOARD_DEMO_ACCOUNTS", "1" if load_demo else "0") not in ("0", "false", "no"),
            oidc_issuer=oidc["issuer"].rstrip("/"),
            oidc_client_id=oidc["client_id"],
            oidc_client_secret=oidc["client_secret"],
            oidc_role_claim=env.get("DASHBOARD_OIDC_ROLE_CLAIM", "groups").strip() or "groups",
            oidc_roles=roles,
        )
