"""Kampen's tracker on the demo: the sums reconcile with the target and the measures, the werkcafé and
the respite measure are flagged, the demo's cuts are balanced, and the review list names what the rules select."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.domain.themes import THEMES
from dashboard.queries.savings import SavingsQueries
from dashboard.queries.service import NotFound

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def kampen(demo_context):
    return SavingsQueries(demo_context.service, "Kampen", TODAY)


def test_target_planned_and_realised_reconcile_per_year_and_theme(kampen):
    target, measures, p = kampen.target(), kampen.measures(), kampen.progress()
    assert (target.total_eur, target.start_year, target.end_year, target.illustrative) == (4_000_000, 2020, 2024, True)
    for year in target.years:
        total = next(r for r in p.of(None) if r.year == year)
        assert total.target_eur == sum(target.split[(theme, year)] for theme in THEMES)
        assert total.planned_eur == sum(m.expected.get(year, 0) for m in measures if m.status != "dropped")
        assert total.realised_eur == sum(m.realised.get(year, 0) for m in measures)
        assert total.target_eur == sum(r.target_eur for r in p.rows if r.theme and r.year == year)
    assert p.last().target_cumulative_eur == 4_000_000
    assert p.last().planned_cumulative_eur == 3_480_000
    assert p.gap_eur == 520_000


def test_measures_with_an_off_track_indicator_are_flagged(kampen):
    flagged = {c.measure.slug for c in kampen.checks(TODAY) if c.flagged}
    assert flagged == {"werkcafe", "respite-regional"}


def test_the_demo_cuts_are_balanced_no_social_base_warning(kampen):
    cuts, reference = kampen.cuts()
    assert (reference.year, reference.kind) == (2019, "jaarrekening")
    base = cuts.layers[0]
    assert base.layer == "social base" and base.savings_share < base.spending_share
    assert not cuts.social_base_warning


def test_review_list_names_the_programmes_the_rules_select(kampen):
    items = {(i.programme, i.reason): i for i in kampen.review(TODAY)}
    assert ("informal-care-support", "off track, money did not fall") in items
    assert items[("informal-care-support", "off track, money did not fall")].decision.decision == "adjust"
    assert ("wmo-household-help", "only output indicators") in items
    assert ("neighbourhood-teams", "no indicator") in items
    assert ("youth-ambulant-care", "only output indicators") not in items  # it has an outcome too


def test_accounts_against_the_year_before_the_target(kampen):
    rows = kampen.baseline()
    assert {r.baseline_year for r in rows} == {2019}
    assert {r.year for r in rows} == {2020, 2021, 2022, 2023, 2024}
    assert all(r.change_eur == r.lasten_eur - r.baseline_eur for r in rows)


def test_no_target_is_not_found(demo_context):
    with pytest.raises(NotFound):
        SavingsQueries(demo_context.service, "Zwolle", TODAY).progress()


def test_cost_effectiveness_of_the_work_programmes(kampen):
    effects = {e.programme: e for e in kampen.cost_effectiveness("Work", 2024, "begroting", TODAY)}
    assert {"reintegration", "income-support", "debt-counselling"} <= set(effects)
    reintegration = effects["reintegration"]
    assert [o.info.slug for o in reintegration.outcomes] == ["outflow-to-work"]
    assert reintegration.distance > 0  # off track: 9.3 against a minimum of 12
    assert all(e.amount_eur > 0 for e in effects.values())


def test_cost_trends_of_the_work_programmes_run_over_the_years(kampen):
    trends = kampen.cost_trends("Work", "begroting", TODAY)
    points = trends["reintegration"]
    assert [p.year for p in points] == sorted(p.year for p in points) and len(points) >= 3
    assert sum(p.cost_per_client_eur is not None for p in points) >= 3
    assert any(p.distance is not None and p.distance > 0 for p in points)  # off track in recent years


def test_provider_effects_name_its_programmes_and_their_outcomes(kampen):
    from dashboard.queries.drilldown import Drilldown

    view = Drilldown(kampen.service).provider_view("Kampen", 2024, "begroting", next(iter(kampen.indicators.providers())))
    effects = kampen.provider_effects(view.info["slug"], 2024, "begroting", TODAY)
    assert [e.programme for e in effects] == list(view.programmes["programme"])
    assert sum(e.amount_eur for e in effects) == view.amount_eur
