"""The per-version page warm-up replays the pages a council member opens first through the app, so
their answers are kept (``page_responses``) under exactly the key the browser's request of those
addresses gets."""
from __future__ import annotations

import gc

import pytest

from dashboard.config.settings import Settings
from dashboard.web.app_factory import create_app
from dashboard.web.page_requests import UPDATE_PATH, payload_for
from dashboard.web.page_warmup import first_pages
from tests.helpers import count_renders, logged_in

pytestmark = pytest.mark.slow  # waits for the background warm-up of a fresh app (~12 s)


def test_first_pages_are_the_default_document_and_the_newest_jaarrekening(demo_context):
    requests = first_pages(demo_context)
    service, municipality = demo_context.service, demo_context.settings.municipality
    realised = [d for d in service.available_documents(municipality) if d[1] == "jaarrekening"][-1]
    first_views = {(), (("document", "jaarrekening"), ("year", str(realised[0])))}
    paths = {r.path for r in requests if tuple(sorted(r.params.items())) in first_views}
    assert {"/", "/theme/vital", "/theme/young", "/theme/work", "/theme/participate", "/compare", "/savings"} <= paths
    assert any(p.startswith("/programme/") for p in paths) and any(p.startswith("/provider/") for p in paths)
    # then every other document's overview and theme pages: a year change in the meeting is a kept answer
    overviews = {"/", "/theme/vital", "/theme/young", "/theme/work", "/theme/participate"}
    others = {(("document", kind), ("year", str(year))) for year, kind in service.available_documents(municipality)} - first_views
    assert others, "the demo has more than one document"
    for view in others:
        assert {r.path for r in requests if tuple(sorted(r.params.items())) == view} == overviews, view
    assert len(requests) == len(set((r.path, tuple(sorted(r.params.items()))) for r in requests)), "a page warmed twice"
    assert all(r.lang == demo_context.settings.language and not r.embed for r in requests)


@pytest.fixture()
def warmed_app(tmp_path):
    """A server as gunicorn's master leaves it before forking: warmed, database connections closed."""
    from dashboard.web.app_factory import prepare_for_fork

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'store.sqlite'}"))
    prepare_for_fork(app.server)
    yield app
    gc.unfreeze()  # prepare_for_fork froze this test process's objects for the (here imaginary) workers


def test_warmed_pages_are_answered_without_rendering(warmed_app, monkeypatch):
    service = warmed_app.server.extensions["social_dashboard"].service
    report = service.warm_up.report["pages"]
    assert report["pages"] == report["of"] > 0 and report["failed"] == 0

    rendered = count_renders(monkeypatch)
    client = logged_in(warmed_app)
    settings = warmed_app.server.extensions["social_dashboard"].settings
    year, kind = [d for d in service.available_documents(settings.municipality) if d[1] == "jaarrekening"][-1]
    for address in ["/", "/theme/young", f"/theme/young?year={year}&document={kind}", f"/theme/work?document={kind}&year={year}"]:
        response = client.post(UPDATE_PATH, json=payload_for(address))
        assert response.status_code == 200, (address, response.data[:300])
    assert rendered == []
    other = "nl" if settings.language == "en" else "en"
    client.post(UPDATE_PATH, json=payload_for(f"/theme/young?lang={other}"))  # another language: not warmed
    assert rendered == ["/theme/young"]


def test_the_warm_up_waits_while_a_visitor_is_served(demo_context):
    import threading

    service = demo_context.service
    returned = threading.Event()
    service.warm_up.visitor_started()  # a visitor's request is in flight
    try:
        waiter = threading.Thread(target=lambda: (service.warm_up.give_way(max_seconds=5), returned.set()))
        waiter.start()
        assert not returned.wait(0.3), "the warm-up went on beside the visitor"
    finally:
        service.warm_up.visitor_finished()
    assert returned.wait(2), "the warm-up did not resume once the visitor was served"
    waiter.join()
