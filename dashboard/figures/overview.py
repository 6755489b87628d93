"""Overview charts: the four themes' shares and their spending over the years."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from dashboard.domain.themes import THEMES
from dashboard.figures.style import AXIS, FONT_FAMILY, TEXT_COLOUR, THEME_COLOURS, THEME_SYMBOLS, figure, layout, year_axis

Label = Callable[[str], str]


def theme_share_figure(summary: pd.DataFrame, label: Label, share_text: Callable[[float | None], str], lang: str,
                       page_of: Callable[[str], str]) -> dict:
    """Horizontal bars, one per theme, with the share written on each bar's end (not colour alone);
    a bar carries the path of its theme page (``page_of``), which a click opens."""
    ordered = summary.set_index("theme").reindex(list(THEMES))
    names = [label(t) for t in ordered.index]
    shares = [0 if pd.isna(v) else float(v) for v in ordered["share_of_social_domain"]]
    bar = {
        "type": "bar",
        "x": shares,
        "y": names,
        "orientation": "h",
        "marker": {"color": [THEME_COLOURS[t] for t in ordered.index]},
        "text": [share_text(v) for v in shares],
        "textposition": "outside",
        "textfont": {"size": 16},
        "customdata": [page_of(t) for t in ordered.index],
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "cliponaxis": False,
    }
    return figure(
        [bar],
        layout(
            lang, 300, bargap=0.35,
            xaxis={"tickformat": ".0%", "range": [0, max(shares + [0.01]) * 1.25], "fixedrange": True},
            yaxis={"autorange": "reversed", "fixedrange": True, "tickfont": {"size": 16}},
        ),
    )


def _theme_lines(trend: pd.DataFrame, theme: str, kind_label: Label, lang: str, axes: str = "", name_prefix: str = "") -> list[dict]:
    """One theme's lines: begroting solid, jaarrekening dashed with hollow markers — never one joined line."""
    traces = []
    groups = {kind: part.sort_values("year") for kind, part in trend[trend["theme"] == theme].groupby("kind")}
    for kind, dash, fill in (("begroting", "solid", ""), ("jaarrekening", "dash", "-open")):
        part = groups.get(kind)
        if part is None or part.empty:
            continue
        traces.append(
            {
                "type": "scatter",
                "x": [int(y) for y in part["year"]],
                "y": [float(v) / 1e6 for v in part["lasten_eur"]],
                "mode": "lines+markers",
                "name": f"{name_prefix}{kind_label(kind)}",
                "legendgroup": kind,
                "showlegend": False,
                "line": {"color": THEME_COLOURS[theme], "dash": dash, "width": 3},
                "marker": {"symbol": THEME_SYMBOLS[theme] + fill, "size": 8, "line": {"width": 2, "color": THEME_COLOURS[theme]}},
                "hovertemplate": "%{x}: € %{y:,.1f} mln<extra>%{fullData.name}</extra>" if lang == "nl" else "%{x}: €%{y:,.1f}M<extra>%{fullData.name}</extra>",
                **({"xaxis": f"x{axes}", "yaxis": f"y{axes}"} if axes else {}),
            }
        )
    return traces


def theme_trend_figure(trend: pd.DataFrame, label: Label, kind_label: Label, lang: str) -> dict:
    """Small multiples: one panel per theme on a shared € axis, instead of eight tangled lines with an
    eight-item legend. The legend explains only what differs within a panel: budget and realised."""
    traces: list[dict] = []
    years = sorted(int(y) for y in trend["year"].unique()) or [0]
    extra: dict = {}
    annotations = []
    for index, theme in enumerate(THEMES):
        suffix = "" if index == 0 else str(index + 1)
        traces += _theme_lines(trend, theme, kind_label, lang, axes=suffix, name_prefix=f"{label(theme)} – ")
        row, column = divmod(index, 2)
        x_domain = [0.0, 0.44] if column == 0 else [0.56, 1.0]
        y_domain = [0.56, 1.0] if row == 0 else [0.0, 0.40]
        extra[f"xaxis{suffix}"] = {**AXIS, **year_axis(years), "domain": x_domain, "anchor": f"y{suffix}"}
        extra[f"yaxis{suffix}"] = {
            **AXIS, "domain": y_domain, "anchor": f"x{suffix}", "rangemode": "tozero", "fixedrange": True,
            **({"matches": "y"} if index else {}),
            **({"title": {"text": "€ mln" if lang == "nl" else "€ million"}} if column == 0 else {}),
        }
        annotations.append({
            "text": f"<b>{label(theme)}</b>", "xref": "paper", "yref": "paper", "x": x_domain[0], "y": y_domain[1] + 0.02,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 15},
        })
    for kind, dash in (("begroting", "solid"), ("jaarrekening", "dash")):  # the legend: grey, what solid and dashed mean
        traces.append({
            "type": "scatter", "x": [None], "y": [None], "mode": "lines", "name": kind_label(kind), "legendgroup": kind,
            "line": {"color": "#4a4a4a", "dash": dash, "width": 3}, "hoverinfo": "skip",
        })
    base = layout(
        lang, 460,
        legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0, "font": {"size": 14}},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        annotations=annotations,
    )
    base.pop("xaxis"), base.pop("yaxis")
    return figure(traces, {**base, **extra})


def single_theme_trend_figure(trend: pd.DataFrame, theme: str, kind_label: Label, lang: str, font_size: int = 24) -> dict:
    """One theme's begroting and jaarrekening lines, large type for a council chamber projector. No
    fixed height: the chart fills the room the slide leaves it, so a 1280×720 projector shows it whole."""
    data = _theme_lines(trend, theme, kind_label, lang)
    for trace in data:
        trace["showlegend"] = True
        trace["line"] = {**trace["line"], "width": 5}
        trace["marker"] = {**trace["marker"], "size": 14}
    years = sorted(int(y) for y in trend["year"].unique()) or [0]
    base = layout(
        lang, 0,
        font={"family": FONT_FAMILY, "size": font_size, "color": TEXT_COLOUR},
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "font": {"size": font_size}},
        xaxis={**year_axis(years, 2), "tickfont": {"size": font_size}},  # every other year: whole labels at projector type size
        yaxis={"title": {"text": "€ mln" if lang == "nl" else "€ million"}, "rangemode": "tozero", "fixedrange": True},
    )
    base.pop("height")
    base["autosize"] = True
    return figure(data, base)
