"""The drill-down query classes: cache keys built in one place, the façade delegating to its parts."""
from __future__ import annotations

import pytest

from dashboard.queries.drilldown import Drilldown
from dashboard.queries.drilldown_cache import FEATURE, cache_key, cached
from dashboard.queries.service import DashboardService, NotFound


class FakeService:
    public = False

    def __init__(self):
        self.keys = []
        self.store = {}

    def cached(self, key, compute):
        self.keys.append(key)
        if key not in self.store:
            self.store[key] = compute()
        return self.store[key]


class Counting:
    def __init__(self, service):
        self.service = service
        self.calls = 0

    @cached
    def answer(self, municipality, year):
        self.calls += 1
        return (municipality, year)


def test_cached_keys_by_feature_method_and_arguments_and_computes_once():
    query = Counting(FakeService())
    assert query.answer("Kampen", 2024) == ("Kampen", 2024)
    assert query.answer("Kampen", 2024) == ("Kampen", 2024)
    assert query.answer("Kampen", 2025) == ("Kampen", 2025)
    assert query.calls == 2
    assert query.service.keys[0] == cache_key("Counting.answer", "Kampen", 2024) == (FEATURE, "Counting.answer", "Kampen", 2024)
    assert Counting.answer.__name__ == "answer"


@pytest.fixture(scope="module")
def fresh(demo_context):
    """A service with its own, empty cache over the demo store."""
    service = demo_context.service
    return DashboardService(service.repository, service.mapping, public=service.public)


def test_every_drilldown_cache_key_starts_with_the_feature(demo_context, fresh):
    municipality = demo_context.settings.municipality
    drill = Drilldown(fresh)
    year, kind = fresh.latest_document(municipality)
    drill.theme_view(municipality, year, kind, "young")
    slug = drill.allocation_records(municipality)[0]["programme"]
    drill.programme_view(municipality, year, kind, slug)
    keys = list(fresh._cache._entries)
    drilldown_keys = [k for k in keys if k[0] == FEATURE]
    assert drilldown_keys and all(isinstance(k[1], str) and "." in k[1] for k in drilldown_keys)
    assert (FEATURE, "DocumentParts.document_parts", municipality, year, kind) in keys


def test_a_view_is_built_once_per_dataset_version(demo_context, fresh):
    municipality = demo_context.settings.municipality
    drill = Drilldown(fresh)
    year, kind = fresh.latest_document(municipality)
    assert drill.theme_view(municipality, year, kind, "work") is Drilldown(fresh).theme_view(municipality, year, kind, "work")


def test_unknown_slugs_are_not_found(demo_context, fresh):
    municipality = demo_context.settings.municipality
    drill = Drilldown(fresh)
    year, kind = fresh.latest_document(municipality)
    for call in (lambda: drill.theme_view(municipality, year, kind, "nope"),
                 lambda: drill.programme_view(municipality, year, kind, "nope"),
                 lambda: drill.provider_view(municipality, year, kind, "nope")):
        with pytest.raises(NotFound):
            call()


def test_missing_programme_in_a_document_gives_an_empty_view_with_no_invented_variance(demo_context, fresh):
    municipality = demo_context.settings.municipality
    drill = Drilldown(fresh)
    docs = fresh.available_documents(municipality)
    latest = max(y for y, k in docs if k == "begroting")
    view = drill.theme_view(municipality, latest, "begroting", "young")
    assert view.comparison.realised_eur is None  # no jaarrekening of that year yet
    slug = view.programmes["programme"].iloc[0]
    programme = drill.programme_view(municipality, latest, "begroting", slug)
    assert programme.comparison.realised_eur is None and programme.comparison.variance_eur is None
    assert programme.comparison.budget_eur == programme.amount_eur
