"""The indicator chart: the values against the target band of each year, with the stories as markers.

* Shaded per year: the zone where the target is met (blue) and the at-risk margin beside it
  (orange, hatched) — a band, not only a target dot. The target itself is a dashed step line.
* The values are a dark line; each point has the status of that period (against its year's target)
  as a *shape* and a colour: circle = on track, triangle = at risk, cross = off track.
* Each story is a numbered marker along the top edge at its date, with a dotted vertical line;
  the numbers match the story list beside the chart.

Pure: data and translated labels in, figure out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Sequence

from dashboard.domain.traffic_light import AT_RISK, BAND, HIGHER, LOWER, OFF_TRACK, ON_TRACK, Observation, Target, judge, target_for
from dashboard.figures.style import TEXT_COLOUR, figure, layout

#: Okabe–Ito based status colours with a dark outline, so every marker has ≥ 3:1 contrast on white.
STATUS_MARKERS = {
    ON_TRACK: dict(symbol="circle", color="#005A9C"),
    AT_RISK: dict(symbol="triangle-up", color="#E69F00"),
    OFF_TRACK: dict(symbol="x", color="#A63603"),
}
TARGET_COLOUR = "#005A9C"
ZONE_FILL = "rgba(0, 90, 156, 0.13)"
RISK_FILL = "rgba(230, 159, 0, 0.25)"
STORY_COLOUR = TEXT_COLOUR


@dataclass(frozen=True)
class ChartLabels:
    """Translated words the chart needs (the page passes them in)."""

    value: str
    target: str
    target_zone: str
    risk_zone: str
    stories: str
    unit: str
    statuses: dict  # status → word
    period: Callable  # Period → label
    number: Callable  # float → text


def indicator_figure(
    direction: str,
    tolerance: float,
    targets: dict[int, Target],
    observations: Sequence[Observation],
    story_points: Sequence[tuple[int, date, str]],  # (number, date, title)
    labels: ChartLabels,
    lang: str,
) -> dict:
    if not observations:
        return figure([], layout(lang, 200))
    story_years = [d.year for _, d, _ in story_points]
    years = range(min([observations[0].period.year, *story_years]), max([observations[-1].period.year, *story_years]) + 1)
    year_targets = {y: target_for(targets, y) for y in years}
    low, high = _y_range(observations, year_targets.values(), tolerance)

    zone_x, zone_y, risk_x, risk_y, line_x, line_y = [], [], [], [], [], []
    for year, target in year_targets.items():
        if target is None:
            continue
        start, end = date(year, 1, 1), date(year, 12, 31)
        _box(zone_x, zone_y, start, end, *_target_zone(direction, target, low, high))
        for bottom, top in _risk_zones(direction, target, low, high, tolerance):
            _box(risk_x, risk_y, start, end, bottom, top)
        for bound in (target.minimum, target.maximum):
            if bound is not None:
                line_x += [start, end, None]
                line_y += [bound, bound, None]
    data = [
        {"type": "scatter", "x": risk_x, "y": risk_y, "fill": "toself", "fillcolor": RISK_FILL,
         "fillpattern": {"fillmode": "overlay", "size": 8, "solidity": 0.2, "shape": "/", "fgcolor": "rgba(166, 110, 0, 0.35)"},
         "line": {"width": 0}, "mode": "lines", "name": labels.risk_zone, "hoverinfo": "skip"},
        {"type": "scatter", "x": zone_x, "y": zone_y, "fill": "toself", "fillcolor": ZONE_FILL, "line": {"width": 0}, "mode": "lines",
         "name": labels.target_zone, "hoverinfo": "skip"},
        {"type": "scatter", "x": line_x, "y": line_y, "mode": "lines", "line": {"color": TARGET_COLOUR, "width": 2, "dash": "dash"},
         "name": labels.target, "hoverinfo": "skip"},
        {"type": "scatter", "x": [o.period.midpoint for o in observations], "y": [o.value for o in observations], "mode": "lines",
         "line": {"color": TEXT_COLOUR, "width": 2.5}, "name": labels.value, "hoverinfo": "skip"},
    ]
    statuses = [_period_status(o, targets, tolerance) for o in observations]
    for status, style in STATUS_MARKERS.items():
        points = [o for o, s in zip(observations, statuses) if s == status]
        if not points:
            continue
        data.append(
            {
                "type": "scatter",
                "x": [o.period.midpoint for o in points],
                "y": [o.value for o in points],
                "mode": "markers",
                "name": labels.statuses[status],
                "marker": {"symbol": style["symbol"], "size": 13, "color": style["color"], "line": {"width": 1.5, "color": TEXT_COLOUR}},
                "text": [f"{labels.period(o.period)}: {labels.number(o.value)} {labels.unit} – {labels.statuses[status]}" for o in points],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    shapes = []
    if story_points:
        top = high - (high - low) * 0.04
        data.append(
            {
                "type": "scatter",
                "x": [d for _, d, _ in story_points],
                "y": [top] * len(story_points),
                "mode": "markers+text",
                "name": labels.stories,
                "text": [str(n) for n, _, _ in story_points],
                "textfont": {"color": TEXT_COLOUR, "size": 13},
                "marker": {"symbol": "square", "size": 22, "color": "white", "line": {"width": 2, "color": STORY_COLOUR}},
                "customdata": [f"{n}. {d.isoformat()}: {title}" for n, d, title in story_points],
                "hovertemplate": "%{customdata}<extra></extra>",
            }
        )
        shapes += [
            {"type": "line", "x0": when, "x1": when, "y0": low, "y1": top, "line": {"color": STORY_COLOUR, "width": 1, "dash": "dot"}, "layer": "below"}
            for _, when, _ in story_points
        ]

    first, last = date(years.start, 1, 1), date(years.stop - 1, 12, 31)
    tick_years = range(first.year, last.year + 1)
    # a faint line between years, so each year's band reads as its own
    shapes += [
        {"type": "line", "x0": date(year, 1, 1), "x1": date(year, 1, 1), "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
         "line": {"color": "#e3e3e3", "width": 1}, "layer": "below"}
        for year in tick_years[1:]
    ]
    return figure(
        data,
        layout(
            lang, 420,
            legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0, "font": {"size": 14}, "traceorder": "normal"},
            hovermode="closest",
            shapes=shapes,
            xaxis={
                "range": [first - timedelta(days=20), last + timedelta(days=20)],
                "tickvals": [date(y, 7, 2) for y in tick_years], "ticktext": [str(y) for y in tick_years],
                "showgrid": False, "fixedrange": True, "tickfont": {"color": TEXT_COLOUR},
            },
            yaxis={"range": [low, high], "title": {"text": labels.unit, "standoff": 15}, "fixedrange": True, "tickfont": {"color": TEXT_COLOUR}},
        ),
    )


def _period_status(observation: Observation, targets: dict[int, Target], tolerance: float) -> str | None:
    target = target_for(targets, observation.period.year)
    return None if target is None else judge(observation.value, target, tolerance)


def _y_range(observations, targets, tolerance) -> tuple[float, float]:
    numbers = [o.value for o in observations]
    for target in targets:
        if target is None:
            continue
        for bound in (target.minimum, target.maximum):
            if bound is not None:
                numbers += [bound - tolerance, bound + tolerance]
    low, high = min(numbers), max(numbers)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    bottom = low - pad
    if low >= 0 and bottom < 0:
        bottom = 0.0
    return bottom, high + pad * 1.6  # room at the top for the story markers


def _target_zone(direction: str, target: Target, low: float, high: float) -> tuple[float, float]:
    """(bottom, top) of the zone where the target is met, clipped to the plot."""
    if direction == HIGHER:
        return target.minimum, high
    if direction == LOWER:
        return low, target.maximum
    return target.minimum, target.maximum


def _risk_zones(direction: str, target: Target, low: float, high: float, tolerance: float) -> list[tuple[float, float]]:
    """(bottom, top) of the at-risk margin(s) beside the target zone; none with tolerance 0."""
    if tolerance <= 0:
        return []
    boxes = []
    if direction in (HIGHER, BAND):
        boxes.append((max(low, target.minimum - tolerance), target.minimum))
    if direction in (LOWER, BAND):
        boxes.append((target.maximum, min(high, target.maximum + tolerance)))
    return boxes


def _box(xs: list, ys: list, start: date, end: date, bottom: float, top: float) -> None:
    xs += [start, end, end, start, start, None]
    ys += [bottom, bottom, top, top, bottom, None]
