"""Hand-made cases for the savings and learning-loop rules: indicators built in a few words."""

from __future__ import annotations

from datetime import date

from dashboard.domain.indicators import IndicatorInfo, evaluate
from dashboard.domain.traffic_light import HIGHER, Observation, Period, Target

REFERENCE = date(2025, 3, 1)


def indicator(slug: str, values: dict[int, float], minimum: float = 50, level: str = "outcome", programme: str | None = "p", theme: str = "Work"):
    """A yearly higher-is-better indicator with the same minimum every year and tolerance 1."""
    info = IndicatorInfo(
        slug=slug,
        name=slug,
        name_nl=None,
        theme=theme,
        level=level,
        contributes_to=None,
        programme=programme,
        provider=None,
        unit="%",
        unit_nl=None,
        decimals=0,
        direction=HIGHER,
        tolerance=1.0,
        frequency="yearly",
        source="s",
        owner="o",
        definition="d",
        definition_nl=None,
        illustrative=False,
        status="published",
    )
    observations = [Observation(Period(year), value) for year, value in values.items()]
    return evaluate(info, {min(values) if values else 2020: Target(minimum=minimum)}, observations, REFERENCE)
