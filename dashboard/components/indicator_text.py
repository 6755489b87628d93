"""Indicator wording shared by the badge, the results chain, the indicator page and the overview cards.

Every text goes through the translator; numbers through ``domain.formatting`` in the page language.
"""
from __future__ import annotations

from dashboard.domain import formatting as fmt
from dashboard.domain.indicators import GOAL, OUTCOME, OUTPUT, IndicatorInfo, IndicatorResult
from dashboard.domain.traffic_light import (
    AT_RISK,
    BAND,
    BETTER,
    HIGHER,
    LOWER,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    OUTDATED,
    QUARTERLY,
    UNCHANGED,
    UNKNOWN,
    WORSE,
    YEARLY,
    Period,
    Target,
)
from dashboard.navigation.addresses import PageRequest


def status_word(status: str, request: PageRequest) -> str:
    t = request.t
    return {ON_TRACK: t("on track"), AT_RISK: t("at risk"), OFF_TRACK: t("off track"), OUTDATED: t("outdated"), NO_DATA: t("no data")}[status]


def trend_word(trend: str, request: PageRequest) -> str:
    t = request.t
    return {BETTER: t("better"), WORSE: t("worse"), UNCHANGED: t("unchanged"), UNKNOWN: t("unknown")}[trend]


def level_word(level: str, request: PageRequest) -> str:
    t = request.t
    return {GOAL: t("Goal"), OUTCOME: t("Outcome"), OUTPUT: t("Output")}[level]


def level_explained(level: str, request: PageRequest) -> str:
    t = request.t
    return {
        GOAL: t("Goal: the effect in society the theme aims for"),
        OUTCOME: t("Outcome: the change for the people a programme reaches"),
        OUTPUT: t("Output: what a programme or provider delivers"),
    }[level]


def direction_words(direction: str, request: PageRequest) -> str:
    t = request.t
    return {HIGHER: t("Higher is better"), LOWER: t("Lower is better"), BAND: t("Best within the target band")}[direction]


def frequency_word(frequency: str, request: PageRequest) -> str:
    t = request.t
    return {YEARLY: t("yearly"), QUARTERLY: t("quarterly")}[frequency]


def period_label(period: Period, request: PageRequest) -> str:
    if period.quarter == 0:
        return str(period.year)
    return request.t("Q{quarter} {year}", quarter=period.quarter, year=period.year)


def number(info: IndicatorInfo, value: float | None, request: PageRequest) -> str:
    """The bare number with the indicator's decimals, e.g. 13.1 or 2,180."""
    return fmt.number(value, request.lang, digits=info.decimals)


def value_with_unit(info: IndicatorInfo, value: float | None, request: PageRequest) -> str:
    """13.1 weeks · 75.9% of adults · 122.7 per 1,000 young people (0–17)."""
    if value is None:
        return fmt.MISSING
    unit = info.unit_label(request.lang)
    joiner = "" if unit.startswith("%") else " "
    return f"{number(info, value, request)}{joiner}{unit}"


def target_text(info: IndicatorInfo, target: Target | None, request: PageRequest) -> str:
    """at least 76.0 · at most 8.0 · between 12.0 and 15.0 (numbers in the indicator's unit)."""
    t = request.t
    if target is None:
        return t("no target")
    if info.direction == HIGHER:
        return t("at least {value}", value=number(info, target.minimum, request))
    if info.direction == LOWER:
        return t("at most {value}", value=number(info, target.maximum, request))
    return t("between {low} and {high}", low=number(info, target.minimum, request), high=number(info, target.maximum, request))


def risk_text(info: IndicatorInfo, target: Target | None, request: PageRequest) -> str:
    """Where "at risk" ends: the target widened by the tolerance."""
    t = request.t
    if target is None:
        return ""
    if info.tolerance == 0:
        return t("any miss is off track")
    if info.direction == HIGHER:
        return t("at risk down to {value}", value=number(info, target.minimum - info.tolerance, request))
    if info.direction == LOWER:
        return t("at risk up to {value}", value=number(info, target.maximum + info.tolerance, request))
    return t(
        "at risk from {low} to {high}",
        low=number(info, target.minimum - info.tolerance, request), high=number(info, target.maximum + info.tolerance, request),
    )


def arrow(result: IndicatorResult) -> str:
    """The arrow shows which way the value moved (up, down, level); the word says whether that is good."""
    latest, previous = result.assessment.latest, result.assessment.previous
    if result.assessment.trend == UNKNOWN or latest is None or previous is None:
        return "–"
    if latest.value > previous.value:
        return "↑"
    if latest.value < previous.value:
        return "↓"
    return "→"


def trend_sentence(result: IndicatorResult, request: PageRequest) -> str:
    """'better than 2024 (84.0)' or why the trend is unknown."""
    t = request.t
    a = result.assessment
    if a.trend == UNKNOWN:
        if a.latest is None or a.status == NO_DATA:
            return t("trend unknown: no recent value")
        return t("trend unknown: no value for {period}", period=period_label(a.latest.period.previous(), request))
    words = {
        BETTER: t("better than {period} ({value})", period=period_label(a.previous.period, request), value=number(result.info, a.previous.value, request)),
        WORSE: t("worse than {period} ({value})", period=period_label(a.previous.period, request), value=number(result.info, a.previous.value, request)),
        UNCHANGED: t("unchanged since {period} ({value})", period=period_label(a.previous.period, request), value=number(result.info, a.previous.value, request)),
    }
    return words[a.trend]


def status_reason(result: IndicatorResult, request: PageRequest) -> str:
    """One sentence that shows how the rule reached the status."""
    t = request.t
    a, info = result.assessment, result.info
    if a.latest is None:
        return t("No value has been measured yet.")
    value = value_with_unit(info, a.latest.value, request)
    period = period_label(a.latest.period, request)
    if a.target is None:
        return t("{period}: {value}; there is no target for this year.", period=period, value=value)
    if a.stale:
        return t(
            "The last value ({period}: {value}) is older than a {frequency} indicator allows: the figure for {next} is overdue.",
            period=period, value=value, frequency=frequency_word(info.frequency, request), next=period_label(a.latest.period.next(), request),
        )
    target = target_text(info, a.target, request)
    if a.status == ON_TRACK:
        return t("{period}: {value}. Target {target}: met.", period=period, value=value, target=target)
    missed = number(info, a.shortfall, request)
    tolerance = number(info, info.tolerance, request)
    if a.status == AT_RISK:
        return t("{period}: {value}. Target {target}: missed by {missed}, within the tolerance of {tolerance}.", period=period, value=value, target=target, missed=missed, tolerance=tolerance)
    return t("{period}: {value}. Target {target}: missed by {missed}, more than the tolerance of {tolerance}.", period=period, value=value, target=target, missed=missed, tolerance=tolerance)
