"""``/healthz`` tells a load balancer whether the instance can answer; every request leaves one log line."""
from __future__ import annotations

import logging

from dashboard.config.settings import Settings
from dashboard.web.app_factory import create_app
from dashboard.web.request_timing import ACCESS_LOG


def test_healthz_reports_the_database_and_dataset_version_without_figures(client, demo_context):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert body == {"status": "ok", "database": "reachable", "dataset_version": demo_context.service.repository.version()}


def test_healthz_answers_503_when_the_database_is_gone(tmp_path):
    store = tmp_path / "gone.sqlite"
    app = create_app(Settings(database_url=f"sqlite:///{store}", load_demo=False))
    engine = app.server.extensions["social_dashboard"].service.repository.engine
    engine.dispose()
    store.unlink()
    store.mkdir()  # a directory where the database file was: SQLite cannot open it
    response = app.server.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unreachable"}


def test_one_access_log_line_per_request_with_status_and_server_time(client, caplog):
    logger = logging.getLogger(ACCESS_LOG)
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger=ACCESS_LOG):
            client.get("/api/v1/themes?year=2025&document=begroting")
            client.get("/api/v1/themes?year=0000")
            client.post("/_dash-update-component", data=b"[]", content_type="application/json")
            client.get("/api/v1/no%0Afake line")
    finally:
        logger.removeHandler(caplog.handler)
    lines = [r.getMessage() for r in caplog.records if r.name == ACCESS_LOG]
    assert len(lines) == 4, lines
    assert lines[0].startswith("GET /api/v1/themes?year=2025&document=begroting 200 ") and lines[0].endswith("ms")
    assert lines[1].startswith("GET /api/v1/themes?year=0000 400 ")
    assert lines[2].startswith("POST /_dash-update-component 400 ")
    assert "\n" not in lines[3] and "\\n" in lines[3]  # a crafted address cannot forge a second line
