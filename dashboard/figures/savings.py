"""Savings charts: target against planned and realised over the years, the measures, where the cuts land,
and cost per client against the distance to target. Plain figure dicts; lines differ in dash and
marker as well as colour, and values are written on the bars, so colour is never the only cue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dashboard.figures.style import GRID_COLOUR, TEXT_COLOUR, figure, layout, wrap_label, year_axis

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
    shown = [wrap_label(f"{flag_mark} {n}" if f else n, 26) for n, f in zip(names, flagged)]

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
            # above the bars: below, it ran into the axis title on a phone
            legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"size": 14}},
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            # room past the longest bar for its amount: plotly's own range ends at the bar (on a phone
            # the chart gives way to the table, pages/savings_sections.measures_block)
            xaxis={"title": {"text": labels.axis}, "range": [0, _thousands(max([*expected, *realised, 10])) * 1.4], "fixedrange": True},
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


#: The plot area the label rule assumes: a phone's (labels keep their size in pixels, so what clears
#: on a phone clears on a wider screen too); the table holds the names as well.
PLOT_PX = (300, 300)
LABEL_STEP_PX, LABEL_HEIGHT_PX, CHAR_PX = 20, 18, 7.5


def label_offsets(xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], plot: tuple[int, int] = PLOT_PX) -> list[tuple[int, str]]:
    """Where each label goes: (pixels above its marker, negative: up; "center", or "left"/"right" where a
    centred label would leave the plot) so that no two labels overlap: markers lowest first, each label
    lifted step by step until its box clears the boxes placed before.
    Why: several programmes on target sit on the 0 % line, and their centred labels fell on one another."""
    width, height = plot
    x_top, y_top = (max(xs, default=0) or 1) * 1.15, (max(ys, default=0) or 1) * 1.15
    placed: list[tuple[float, float, float, float]] = []
    out = [(0, "center")] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: (ys[i], xs[i])):
        px, py = xs[i] / x_top * width, (1 - ys[i] / y_top) * height
        extent = len(texts[i]) * CHAR_PX
        anchor, left = "center", px - extent / 2
        if left < 0:
            anchor, left = "left", px
        elif left + extent > width:
            anchor, left = "right", px - extent
        step = 1
        while True:
            centre = py - step * LABEL_STEP_PX
            box = (left, centre - LABEL_HEIGHT_PX / 2, left + extent, centre + LABEL_HEIGHT_PX / 2)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
            step += 1
        placed.append(box)
        out[i] = (-step * LABEL_STEP_PX, anchor)
    return out


def cost_effect_figure(
    names: Sequence[str], cost: Sequence[float], distance: Sequence[float], statuses: Sequence[str], axis: tuple[str, str], lang: str
) -> dict:
    """One marker per programme: cost per client (x) against the outcome's distance to target (y, %
    of the target; 0 is met), each labelled with its name and status word, labels placed by
    :func:`label_offsets` with a thin line to their marker."""
    texts = [f"{n} ({s})" for n, s in zip(names, statuses)]
    placements = label_offsets(list(cost), list(distance), texts)
    offsets = [offset for offset, _ in placements]
    x_top, y_top = (max(cost, default=0) or 1) * 1.15, (max(distance, default=0) or 1) * 1.15
    annotations = [
        {"x": x, "y": y, "text": text, "showarrow": True, "arrowhead": 0, "arrowwidth": 1, "arrowcolor": TEXT_COLOUR, "ax": 0, "ay": offset,
         "xanchor": anchor, "font": {"size": 13}, "bgcolor": "rgba(255,255,255,0.85)"}
        for x, y, text, (offset, anchor) in zip(cost, distance, texts, placements)
    ]
    return figure(
        [
            {
                "type": "scatter",
                "mode": "markers",
                "x": list(cost),
                "y": list(distance),
                "text": texts,
                "marker": {"size": 14, "color": PLANNED_COLOUR, "symbol": "diamond"},
                "hovertemplate": "%{text}<br>%{x:,.0f} / %{y:.1%}<extra></extra>",
                "cliponaxis": False,
            }
        ],
        layout(
            lang,
            400 + max((-o for o in offsets), default=0),
            showlegend=False,
            annotations=annotations,
            margin={"l": 10, "r": 30, "t": 20 + max((-o for o in offsets), default=0), "b": 10},
            xaxis={"title": {"text": axis[0]}, "range": [0, x_top], "fixedrange": True},
            yaxis={"title": {"text": axis[1]}, "tickformat": ".0%", "range": [0, y_top], "fixedrange": True},
        ),
    )


#: Okabe–Ito, then dash and marker per programme, so lines differ by more than colour.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SERIES_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")


def cost_trend_figure(series: Sequence[tuple[str, Sequence[int], Sequence[float | None], Sequence[float | None]]], axis: tuple[str, str], lang: str) -> dict:
    """Two panels over the years, one line per programme ``(name, years, cost per client, distance)``:
    above its cost per client, below its worst outcome's distance to target (0 % is on target). The
    panel titles are written above the panels (not turned along the axis), so they fit a phone."""
    data = []
    for i, (name, years, cost, distance) in enumerate(series):
        style = {"color": SERIES_COLOURS[i % 7], "dash": SERIES_DASHES[i % 7], "width": 2.5}
        marker = {"symbol": SERIES_SYMBOLS[i % 7], "size": 9, "color": SERIES_COLOURS[i % 7]}
        common = {"type": "scatter", "mode": "lines+markers", "x": list(years), "name": name, "line": style, "marker": marker, "connectgaps": False}
        data.append({**common, "y": list(cost), "legendgroup": name, "hovertemplate": "%{x}: € %{y:,.0f}<extra>" + name + "</extra>"})
        data.append({**common, "y": list(distance), "xaxis": "x2", "yaxis": "y2", "legendgroup": name, "showlegend": False,
                     "hovertemplate": "%{x}: %{y:.1%}<extra>" + name + "</extra>"})
    years = sorted({y for _, ys, _, _ in series for y in ys})
    ticks = year_axis(years) if years else {}
    title = {"xref": "paper", "yref": "paper", "x": 0, "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 14}}
    return figure(
        data,
        layout(
            lang,
            600,
            legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "font": {"size": 14}},
            margin={"l": 10, "r": 10, "t": 30, "b": 10},
            annotations=[{**title, "y": 1.01, "text": axis[0]}, {**title, "y": 0.46, "text": axis[1]}],
            xaxis={**ticks, "anchor": "y", "showticklabels": False},
            yaxis={"domain": [0.56, 1], "rangemode": "tozero", "fixedrange": True},
            xaxis2={**ticks, "anchor": "y2", "matches": "x", "gridcolor": GRID_COLOUR, "automargin": True},
            yaxis2={"domain": [0, 0.44], "tickformat": ".0%", "rangemode": "tozero", "fixedrange": True,
                    "gridcolor": GRID_COLOUR, "zerolinecolor": TEXT_COLOUR, "automargin": True},
        ),
    )
