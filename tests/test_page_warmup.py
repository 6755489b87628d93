"""The per-version page warm-up renders the pages a council member opens first into the page cache,
under exactly the key ``router.render_page`` uses for the browser's request of those addresses."""
from __future__ import annotations

import pytest

from dashboard import router
from dashboard.routing import parse_request
from dashboard.warmup import first_pages, page_warmer


def test_first_pages_are_the_default_document_and_the_newest_jaarrekening(demo_context):
    requests = first_pages(demo_context)
    service, municipality = demo_context.service, demo_context.settings.municipality
    realised = [d for d in service.available_documents(municipality) if d[1] == "jaarrekening"][-1]
    views = {tuple(sorted(r.params.items())) for r in requests}
    assert views == {(), (("document", "jaarrekening"), ("year", str(realised[0])))}
    paths = {r.path for r in requests}
    assert {"/", "/theme/vital", "/theme/young", "/theme/work", "/theme/participate"} <= paths
    assert any(p.startswith("/programme/") for p in paths) and any(p.startswith("/provider/") for p in paths)
    assert all(r.lang == demo_context.settings.language and not r.embed for r in requests)


def test_warmed_pages_are_served_from_the_cache(demo_context, monkeypatch):
    service = demo_context.service
    page_warmer(demo_context)(service)
    report = service.warm_report["pages"]
    assert report["pages"] == report["of"] > 0

    def not_rendered(ctx, request):
        raise AssertionError(f"{request.path} {request.params} was not in the page cache")

    monkeypatch.setattr(router, "_render_uncached", not_rendered)
    lang = demo_context.settings.language
    year, kind = [d for d in service.available_documents(demo_context.settings.municipality) if d[1] == "jaarrekening"][-1]
    for pathname, search in [("/", ""), ("/theme/young", ""), ("/theme/young", f"?year={year}&document={kind}"),
                             ("/theme/work", f"?document={kind}&year={year}")]:
        router.render_page(demo_context, parse_request(pathname, search, lang))
    with pytest.raises(AssertionError):  # another language is a different page, not warmed
        router.render_page(demo_context, parse_request("/theme/young", "?lang=" + ("nl" if lang == "en" else "en"), lang))
