"""``/healthz`` for load balancers and monitoring: is the database reachable, which dataset version
is served. No figures, no names: it is public and cheap (one small query, never cached)."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)
HEALTH_PATH = "/healthz"


def install(server, repository) -> None:
    @server.get(HEALTH_PATH)
    def healthz():
        import flask

        try:
            version = repository.version()
        except Exception as error:  # any database failure: the instance cannot answer with figures
            log.warning("health check: database unreachable: %s", error)
            response = flask.jsonify({"status": "unavailable", "database": "unreachable"})
            response.status_code = 503
        else:
            response = flask.jsonify({"status": "ok", "database": "reachable", "dataset_version": version})
        response.headers["Cache-Control"] = "no-store"
        return response
