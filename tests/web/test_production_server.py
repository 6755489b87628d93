"""The production server as configured in the repo (gunicorn.conf.py: the app preloaded and warmed in
the master, two forked workers): it serves pages from both workers, and a publish made by another
process is seen by every worker at once — no worker keeps answering with a page of the old figures."""
from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.demo.load import DRAFT_PROGRAMME_LAYER, load_demo
from dashboard.navigation import ids
from dashboard.store.database import open_engine
from dashboard.store.publishing import set_programme_layer_status
from dashboard.web.page_requests import UPDATE_PATH, route_payload
from devtools.bench import Server, build_demo_store, request
from tests.helpers import empty_database, expand_blocks
from tests.store.test_postgresql import PG_SKIP_REASON

pytestmark = pytest.mark.slow  # starts gunicorn with forked workers


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def production(request, tmp_path_factory):
    """The demo store in an SQLite file, and in PostgreSQL when TEST_DATABASE_URL names one (CI does):
    the master's database connections must not leak into the forked workers with either."""
    if request.param == "sqlite":
        url = build_demo_store(tmp_path_factory.mktemp("production"))
    else:
        url = os.environ.get("TEST_DATABASE_URL", "")
        if not url.startswith(("postgresql", "postgres:")):
            pytest.skip(PG_SKIP_REASON)
        empty_database(url)
        engine = open_engine(url)
        load_demo(engine, national=False)
        engine.dispose()
    server = Server(url, workers=2)
    yield server, url
    server.stop()
    if request.param == "postgresql":
        empty_database(url)


def _page(server, path: str) -> tuple[str, str]:
    status, data, _ = request("127.0.0.1", server.port, "POST", UPDATE_PATH, route_payload(path, ""), gzip=False, headers=server.headers)
    assert status == 200, data[:300]
    body = json.loads(data)["response"]
    return body[ids.PAGE]["data"]["title"], json.dumps(expand_blocks(body[ids.PAGE]["data"]["children"]))


def _many(server, path: str, times: int = 24) -> list[tuple[str, str]]:
    with ThreadPoolExecutor(8) as pool:  # several connections at once: both workers answer
        return list(pool.map(lambda _: _page(server, path), range(times)))


def test_forked_workers_serve_the_warmed_pages(production):
    server, _url = production
    anonymous, _, _ = request("127.0.0.1", server.port, "POST", UPDATE_PATH, route_payload("/theme/young", ""), gzip=False)
    assert anonymous == 401, "the council site answers no callback without a session"
    pages = _many(server, "/theme/young")
    assert {title for title, _ in pages} == {pages[0][0]} and pages[0][0].startswith("Jong")
    assert len({text for _, text in pages}) == 1


def test_a_publish_by_another_process_is_seen_by_every_worker(production):
    """The default view is the newest begroting, whose programme layer is a draft in the demo: the
    council sees it marked "Concept". Once published (by the CLI's code, in this process), no worker
    may show "Concept" any more."""
    server, url = production
    assert all('"Concept"' in text for _, text in _many(server, "/theme/young")), "council sees the draft, marked"
    engine = open_engine(url)
    year, kind = DRAFT_PROGRAMME_LAYER
    assert set_programme_layer_status(engine, year, kind, "published")
    engine.dispose()
    assert not [text for _, text in _many(server, "/theme/young") if '"Concept"' in text]
