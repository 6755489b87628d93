"""Every level adds up to the CBS figures, for every loaded year and document of the demo.

The reference is computed here straight from the stored CBS rows and the theme mapping, not
from the drill-down code under test: taakveld → theme → programme → provider must all agree.
"""
from __future__ import annotations

import pytest

from dashboard.domain import drilldown as dd
from dashboard.domain.themes import THEME_SLUGS, THEMES
from dashboard.queries.drilldown import Drilldown

pytestmark = pytest.mark.slow  # every document of the demo reconciled at every level (~8 s)


@pytest.fixture(scope="module")
def drill(demo_context):
    return Drilldown(demo_context.service)


@pytest.fixture(scope="module")
def cbs(demo_context):
    """Social-domain CBS rows of the demo municipality with their theme."""
    service = demo_context.service
    rows = service.repository.amounts(demo_context.settings.municipality)
    rows = rows.assign(theme=[service.mapping.theme_of(c) for c in rows["code"]])
    return rows.dropna(subset=["theme"])


def documents(demo_context):
    return demo_context.service.available_documents(demo_context.settings.municipality)


def test_every_loaded_document_has_an_illustrative_layer_published_but_the_demo_draft(demo_context, drill):
    from dashboard.demo.load import DRAFT_PROGRAMME_LAYER

    municipality = demo_context.settings.municipality
    docs = documents(demo_context)
    assert len(docs) >= 18 and DRAFT_PROGRAMME_LAYER in docs
    for year, kind in docs:
        layer = drill.layer_info(municipality, year, kind)
        expected = "draft" if (year, kind) == DRAFT_PROGRAMME_LAYER else "published"
        assert layer.present and layer.status == expected and layer.illustrative, (year, kind)
    # the CBS figures of that begroting stay published (CBS published them)
    documents_frame = demo_context.service.documents()
    assert set(documents_frame["status"]) == {"published"}


def test_allocations_equal_cbs_lasten_per_taakveld_to_the_euro(demo_context, drill, cbs):
    municipality = demo_context.settings.municipality
    allocations = drill.allocations(municipality)
    allocated = allocations.groupby(["year", "kind", "taakveld"])["amount_eur"].sum()
    checked = 0
    for (year, kind, code), lasten in cbs.set_index(["year", "kind", "code"])["lasten_eur"].items():
        expected = 0 if lasten is None or lasten != lasten else int(lasten)
        assert int(allocated.get((year, kind, code), 0)) == expected, (year, kind, code)
        checked += 1
    assert checked == len(cbs)
    # and nothing is allocated to a taakveld CBS does not have
    cbs_keys = set(cbs.set_index(["year", "kind", "code"]).index)
    assert set(allocated.index) <= cbs_keys
    # every allocation's taakveld is in its programme's theme
    mapping = demo_context.service.mapping
    assert all(mapping.theme_of(code) == theme for code, theme in allocations[["taakveld", "theme"]].itertuples(index=False))


def test_theme_programme_and_provider_levels_reconcile_for_every_document(demo_context, drill, cbs):
    municipality = demo_context.settings.municipality
    for year, kind in documents(demo_context):
        doc_cbs = cbs[(cbs["year"] == year) & (cbs["kind"] == kind)]
        doc_alloc = drill.allocations(municipality)
        doc_alloc = doc_alloc[(doc_alloc["year"] == year) & (doc_alloc["kind"] == kind)]
        for theme in THEMES:
            expected_theme = int(doc_cbs.loc[doc_cbs["theme"] == theme, "lasten_eur"].sum())
            view = drill.theme_view(municipality, year, kind, THEME_SLUGS[theme])
            assert view.cbs_total_eur == expected_theme, (year, kind, theme)
            assert view.unallocated_eur == 0, (year, kind, theme)  # the demo allocates everything
            assert int(view.programmes["amount_eur"].sum()) + view.unallocated_eur == expected_theme
            assert int(view.tree["amount_eur"].sum()) == view.allocated_eur
            assert int(view.reconciliation["unallocated_eur"].abs().sum()) == 0
            layers = view.layers[(view.layers["year"] == year) & (view.layers["kind"] == kind)]
            assert int(layers["amount_eur"].sum()) == expected_theme
            for row in view.programmes.to_dict("records"):  # programme → its providers
                mine = doc_alloc[doc_alloc["programme"] == row["programme"]]
                assert int(row["amount_eur"]) == int(mine["amount_eur"].sum())
                assert sum(r["amount_eur"] for r in dd.provider_ranking(mine.to_dict("records"))) == int(row["amount_eur"])
        by_provider = dd.provider_ranking(doc_alloc.to_dict("records"))  # provider level: everything each is paid, across themes
        assert sum(r["amount_eur"] for r in by_provider) == int(doc_cbs["lasten_eur"].sum()), (year, kind)


@pytest.mark.parametrize("year, kind", [(2020, "jaarrekening"), (2023, "jaarrekening"), (2025, "begroting")])
def test_programme_and_provider_views_reconcile(demo_context, drill, year, kind):
    """The page views themselves, for a rolled-up, a detailed and a 2025-classification document."""
    municipality = demo_context.settings.municipality
    doc_alloc = drill.allocations(municipality)
    doc_alloc = doc_alloc[(doc_alloc["year"] == year) & (doc_alloc["kind"] == kind)]
    for slug in doc_alloc["programme"].unique():
        expected = int(doc_alloc.loc[doc_alloc["programme"] == slug, "amount_eur"].sum())
        programme = drill.programme_view(municipality, year, kind, slug)
        assert programme.amount_eur == expected
        assert int(programme.providers["amount_eur"].sum()) == expected
        assert int(programme.taakvelden["amount_eur"].sum()) == expected
    providers_total = 0
    for slug in doc_alloc["provider"].unique():
        provider = drill.provider_view(municipality, year, kind, slug)
        assert provider.amount_eur == int(doc_alloc.loc[doc_alloc["provider"] == slug, "amount_eur"].sum())
        assert int(provider.programmes["amount_eur"].sum()) == provider.amount_eur
        providers_total += provider.amount_eur
    assert providers_total == int(doc_alloc["amount_eur"].sum())


def test_budget_and_realised_variance_use_both_documents_of_the_year(demo_context, drill, cbs):
    municipality = demo_context.settings.municipality
    for year in sorted({y for y, k in documents(demo_context) if k == "jaarrekening"}):
        view = drill.theme_view(municipality, year, "begroting", "young")
        budget = int(cbs[(cbs["year"] == year) & (cbs["kind"] == "begroting") & (cbs["theme"] == "Young")]["lasten_eur"].sum())
        realised = int(cbs[(cbs["year"] == year) & (cbs["kind"] == "jaarrekening") & (cbs["theme"] == "Young")]["lasten_eur"].sum())
        assert (view.comparison.budget_eur, view.comparison.realised_eur) == (budget, realised)
        assert view.comparison.variance_eur == realised - budget
        assert int(view.programmes["budget_eur"].sum()) == budget
    latest = max(y for y, k in documents(demo_context) if k == "begroting")
    assert drill.theme_view(municipality, latest, "begroting", "young").comparison.realised_eur is None


def test_api_programmes_and_allocations_add_up_to_the_themes_api(client, demo_context):
    for year, kind in documents(demo_context):
        query = f"year={year}&document={kind}"
        themes = {r["theme"]: r["lasten_eur"] for r in client.get(f"/api/v1/themes?{query}").get_json()}
        programmes = client.get(f"/api/v1/programmes?{query}").get_json()
        for theme in THEMES:
            assert sum(r["lasten_eur"] for r in programmes if r["theme"] == theme) == themes[theme], (year, kind, theme)
        allocations = client.get(f"/api/v1/allocations?{query}").get_json()
        for row in programmes:
            if row["slug"] is None:
                continue
            parts = [a for a in allocations if a["programme"] == row["slug"]]
            assert sum(a["amount_eur"] for a in parts) == row["lasten_eur"]
            assert len({a["provider_slug"] for a in parts}) == row["providers"]
