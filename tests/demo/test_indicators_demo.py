"""The illustrative demo results layer meets the issue: spread, statuses, one stale indicator, stories."""
from collections import Counter
from datetime import date

from dashboard.domain.traffic_light import OUTDATED
from tests.indicator_expectations import demo_indicators, demo_stories, expected_assessments

DEMO_DAY = date(2026, 11, 22)  # the day the demo was written for


def test_at_least_four_indicators_per_theme_over_all_three_levels():
    rows = demo_indicators()
    by_theme = Counter(r["theme"] for r in rows)
    assert set(by_theme) == {"vital", "young", "work", "participate"}
    assert min(by_theme.values()) >= 4
    for theme in by_theme:
        assert {r["level"] for r in rows if r["theme"] == theme} == {"goal", "outcome", "output"}, theme


def test_every_status_occurs_and_exactly_one_indicator_is_stale_on_the_demo_day():
    results = expected_assessments(DEMO_DAY)
    statuses = Counter(a.status for _, a in results.values())
    assert all(statuses[s] >= 1 for s in ("on track", "at risk", "off track", "outdated")), statuses
    stale = [slug for slug, (_, a) in results.items() if a.stale]
    assert stale == [slug for slug, (_, a) in results.items() if a.status == OUTDATED] and len(stale) == 1


def test_demo_is_flagged_illustrative_and_has_stories_from_every_voice():
    assert all(r["illustrative"] == "true" for r in demo_indicators())
    stories = demo_stories()
    assert len(stories) >= 5
    assert {s["voice"] for s in stories} == {"municipality", "provider", "resident"}


def test_demo_is_written_by_the_generator(tmp_path, monkeypatch):
    """The committed CSV files are exactly what scripts/generate_demo_indicators.py writes."""
    import importlib.util

    from dashboard.config.paths import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location("gen", PROJECT_ROOT / "scripts" / "generate_demo_indicators.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    for name in ("indicators.csv", "indicator_targets.csv", "indicator_values.csv", "stories.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (PROJECT_ROOT / "data" / "demo" / "indicators" / name).read_text(encoding="utf-8"), name


def test_provider_stories_are_told_by_providers_of_the_demo():
    import csv

    from dashboard.config.paths import DEMO_DIR

    with open(DEMO_DIR / "programmes" / "providers.csv", encoding="utf-8") as handle:
        providers = {row["name"] for row in csv.DictReader(handle, delimiter=";")}
    authors = {s["author"] for s in demo_stories() if s["voice"] == "provider"}
    assert authors and authors <= providers, authors - providers
