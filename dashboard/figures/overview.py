"""Overview charts: the four themes' shares and their spending over the years."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from dashboard.domain.themes import THEMES
from dashboard.figures.style import THEME_COLOURS, THEME_SYMBOLS, figure, layout

Label = Callable[[str], str]


def theme_share_figure(summary: pd.DataFrame, label: Label, share_text: Callable[[float | None], str], lang: str) -> dict:
    """Horizontal bars, one per theme, with the share written on each bar's end (not colour alone)."""
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
        "customdata": list(ordered.index),
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


def theme_trend_figure(trend: pd.DataFrame, label: Label, kind_label: Label, lang: str) -> dict:
    """Lines per theme: begroting solid, jaarrekening dashed with hollow markers — never one joined line."""
    traces = []
    groups = {key: part.sort_values("year") for key, part in trend.groupby(["theme", "kind"])}
    for theme in THEMES:
        for kind, dash, fill in (("begroting", "solid", ""), ("jaarrekening", "dash", "-open")):
            part = groups.get((theme, kind))
            if part is None or part.empty:
                continue
            traces.append(
                {
                    "type": "scatter",
                    "x": [int(y) for y in part["year"]],
                    "y": [float(v) / 1e6 for v in part["lasten_eur"]],
                    "mode": "lines+markers",
                    "name": f"{label(theme)} – {kind_label(kind)}",
                    "legendgroup": theme,
                    "line": {"color": THEME_COLOURS[theme], "dash": dash, "width": 3},
                    "marker": {"symbol": THEME_SYMBOLS[theme] + fill, "size": 9, "line": {"width": 2, "color": THEME_COLOURS[theme]}},
                    "hovertemplate": "%{x}: € %{y:,.1f} mln<extra>%{fullData.name}</extra>" if lang == "nl" else "%{x}: €%{y:,.1f}M<extra>%{fullData.name}</extra>",
                }
            )
    return figure(
        traces,
        layout(
            lang, 420,
            legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 14}},
            xaxis={"dtick": 1, "fixedrange": True},
            yaxis={"title": {"text": "€ mln" if lang == "nl" else "€ million"}, "rangemode": "tozero", "fixedrange": True},
        ),
    )


def single_theme_trend_figure(trend: pd.DataFrame, theme: str, kind_label: Label, lang: str, font_size: int = 24) -> dict:
    """One theme's begroting and jaarrekening lines, large type for a council chamber projector."""
    fig = theme_trend_figure(trend[trend["theme"] == theme], lambda t: "", kind_label, lang)
    data = [dict(trace) for trace in fig["data"]]
    for trace in data:
        trace["name"] = trace["name"].lstrip(" –")
        trace["line"] = {**trace["line"], "width": 5}
        trace["marker"] = {**trace["marker"], "size": 14}
    base = dict(fig["layout"])
    base.update(height=540, font={**base["font"], "size": font_size}, legend={**base["legend"], "font": {"size": font_size}})
    return figure(data, base)
