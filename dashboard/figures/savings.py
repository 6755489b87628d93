"""Savings charts: target against planned and realised over the years, the measures, where the cuts land,
and cost per client against the distance to target. Plain figure dicts; lines differ in dash and
marker as well as colour, and values are written on the bars, so colour is never the only cue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dashboard.figures.style import TEXT_COLOUR, figure, layout, wrap_label

#: Okabe–Ito: target black, planned blue, realised bluish green; a flagged measure vermilion.
TARGET_COLOUR, PLANNED_COLOUR, REALISED_COLOUR, FLAG_COLOUR, SPENDING_COLOUR = TEXT_COLOUR, "#0072B2", "#009E73", "#D55E00", "#999999"


@dataclass(frozen=True)
class SeriesLabels:
    target: str
    planned: str
    realised: str
    axis: str  # e.g. "€ thousand, cumulative"
    money: Callable[[float], str]  # euros → text in the page's language


def _thousands(euros: float) -> float:
    return float(euros) / 1e3


def cumulative_figure(years: Sequence[int], target: Sequence[int], planned: Sequence[int], realised: Sequence[int], labels: SeriesLabels, lang: str) -> dict:
    """Cumulative target (solid line), planned (dashed line) and realised (bars with their amount)."""

    def line(values, name, colour, dash, symbol):
        return {
            "type": "scatter",
            "mode": "lines+markers",
            "x": list(years),
            "y": [_thousands(v) for v in values],
            "name": name,
            "line": {"color": colour, "dash": dash, "width": 3},
            "marker": {"symbol": symbol, "size": 10, "color": colour},
            "text": [labels.money(v) for v in values],
            "hovertemplate": "%{x}: %{text}<extra>" + name + "</extra>",
        }

    bars = {
        "type": "bar",
        "x": list(years),
        "y": [_thousands(v) for v in realised],
        "name": labels.realised,
        "marker": {"color": REALISED_COLOUR},
        "text": [labels.money(v) for v in realised],
        "textposition": "inside",
        "hovertemplate": "%{x}: %{text}<extra>" + labels.realised + "</extra>",
        "opacity": 0.85,
    }
    return figure(
        [bars, line(target, labels.target, TARGET_COLOUR, "solid", "circle"), line(planned, labels.planned, PLANNED_COLOUR, "dash", "diamond-open")],
        layout(
            lang,
            380,
            legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 14}},
            xaxis={"dtick": 1, "fixedrange": True},
            yaxis={"title": {"text": labels.axis}, "rangemode": "tozero", "fixedrange": True},
        ),
    )


def measures_figure(
    names: Sequence[str], expected: Sequence[int], realised: Sequence[int], flagged: Sequence[bool], labels: SeriesLabels, flag_mark: str, lang: str
) -> dict:
    """Per measure: expected against realised savings over the period, as pairs of horizontal bars;
    a flagged measure's name carries ``flag_mark`` (a word, not only a colour)."""
    shown = [wrap_label(f"{flag_mark} {n}" if f else n, 34) for n, f in zip(names, flagged)]

    def bars(values, name, colour, pattern):
        return {
            "type": "bar",
            "orientation": "h",
            "y": shown,
            "x": [_thousands(v) for v in values],
            "name": name,
            "marker": {"color": colour, "pattern": {"shape": pattern}},
            "text": [labels.money(v) for v in values],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{text}<extra>" + name + "</extra>",
        }

    return figure(
        [bars(expected, labels.planned, PLANNED_COLOUR, ""), bars(realised, labels.realised, REALISED_COLOUR, "/")],
        layout(
            lang,
            120 + 56 * len(names),
            barmode="group",
            bargap=0.25,
            legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "font": {"size": 14}},
            xaxis={"title": {"text": labels.axis}, "rangemode": "tozero", "fixedrange": True},
            yaxis={"autorange": "reversed", "fixedrange": True},
        ),
    )


def cuts_figure(
    layers: Sequence[str],
    savings_share: Sequence[float | None],
    spending_share: Sequence[float | None],
    names: tuple[str, str],
    share_text: Callable[[float | None], str],
    lang: str,
) -> dict:
    """Per layer: its share of the planned savings beside its share of the spending."""

    def bars(values, name, colour, pattern):
        return {
            "type": "bar",
            "x": list(layers),
            "y": [v or 0 for v in values],
            "name": name,
            "marker": {"color": colour, "pattern": {"shape": pattern}},
            "text": [share_text(v) for v in values],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{x}: %{text}<extra>" + name + "</extra>",
        }

    return figure(
        [bars(savings_share, names[0], FLAG_COLOUR, "/"), bars(spending_share, names[1], SPENDING_COLOUR, "")],
        layout(
            lang,
            340,
            barmode="group",
            legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0, "font": {"size": 14}},
            xaxis={"fixedrange": True},
            yaxis={"tickformat": ".0%", "rangemode": "tozero", "fixedrange": True},
        ),
    )


def cost_effect_figure(
    names: Sequence[str], cost: Sequence[float], distance: Sequence[float], statuses: Sequence[str], axis: tuple[str, str], lang: str
) -> dict:
    """One marker per programme: cost per client (x) against the outcome's distance to target (y, %
    of the target; 0 is met), each labelled with its name and status word."""
    return figure(
        [
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": list(cost),
                "y": list(distance),
                "text": [f"{n} ({s})" for n, s in zip(names, statuses)],
                "textposition": "top center",
                "marker": {"size": 14, "color": PLANNED_COLOUR, "symbol": "diamond"},
                "hovertemplate": "%{text}<br>%{x:,.0f} / %{y:.1%}<extra></extra>",
                "cliponaxis": False,
            }
        ],
        layout(
            lang,
            400,
            showlegend=False,
            xaxis={"title": {"text": axis[0]}, "rangemode": "tozero", "fixedrange": True},
            yaxis={"title": {"text": axis[1]}, "tickformat": ".0%", "rangemode": "tozero", "fixedrange": True},
        ),
    )
