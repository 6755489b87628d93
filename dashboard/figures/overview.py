"""Overview charts: the four themes' shares and their spending over the years."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from ..domain.themes import THEMES
from .style import THEME_COLOURS, THEME_SYMBOLS, base_layout, separators

Label = Callable[[str], str]


def theme_share_figure(summary: pd.DataFrame, label: Label, share_text: Callable[[float | None], str], lang: str) -> go.Figure:
    """Horizontal bars, one per theme, with the share written on each bar's end (not colour alone)."""
    ordered = summary.set_index("theme").reindex(list(THEMES))
    names = [label(t) for t in ordered.index]
    shares = [0 if pd.isna(v) else float(v) for v in ordered["share_of_social_domain"]]
    fig = go.Figure(
        go.Bar(
            x=shares,
            y=names,
            orientation="h",
            marker_color=[THEME_COLOURS[t] for t in ordered.index],
            text=[share_text(v) for v in shares],
            textposition="outside",
            textfont=dict(size=16),
            customdata=list(ordered.index),
            hovertemplate="%{y}: %{text}<extra></extra>",
            cliponaxis=False,
        )
    )
    base_layout(fig, height=300)
    fig.update_layout(separators=separators(lang), bargap=0.35)
    fig.update_xaxes(tickformat=".0%", range=[0, max(shares + [0.01]) * 1.25], fixedrange=True)
    fig.update_yaxes(autorange="reversed", fixedrange=True, tickfont=dict(size=16))
    return fig


def theme_trend_figure(trend: pd.DataFrame, label: Label, kind_label: Label, lang: str) -> go.Figure:
    """Lines per theme: begroting solid, jaarrekening dashed with hollow markers — never one joined line."""
    fig = go.Figure()
    for theme in THEMES:
        for kind, dash, fill in (("begroting", "solid", ""), ("jaarrekening", "dash", "-open")):
            part = trend[(trend["theme"] == theme) & (trend["kind"] == kind)].sort_values("year")
            if part.empty:
                continue
            fig.add_trace(
                go.Scatter(
                    x=part["year"],
                    y=part["lasten_eur"] / 1e6,
                    mode="lines+markers",
                    name=f"{label(theme)} – {kind_label(kind)}",
                    legendgroup=theme,
                    line=dict(color=THEME_COLOURS[theme], dash=dash, width=3),
                    marker=dict(symbol=THEME_SYMBOLS[theme] + fill, size=9, line=dict(width=2, color=THEME_COLOURS[theme])),
                    hovertemplate="%{x}: € %{y:,.1f} mln<extra>%{fullData.name}</extra>" if lang == "nl" else "%{x}: €%{y:,.1f}M<extra>%{fullData.name}</extra>",
                )
            )
    base_layout(fig, height=420)
    fig.update_layout(
        separators=separators(lang),
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=14)),
        margin=dict(l=10, r=10, t=10, b=10),
    )
    fig.update_xaxes(dtick=1, fixedrange=True)
    fig.update_yaxes(title_text="€ mln" if lang == "nl" else "€ million", rangemode="tozero", fixedrange=True)
    return fig


def single_theme_trend_figure(trend: pd.DataFrame, theme: str, kind_label: Label, lang: str, font_size: int = 22) -> go.Figure:
    """One theme's begroting and jaarrekening lines, large type for a council chamber projector."""
    fig = theme_trend_figure(trend[trend["theme"] == theme], lambda t: "", kind_label, lang)
    for trace in fig.data:
        trace.name = trace.name.lstrip(" –")
        trace.line.width = 5
        trace.marker.size = 14
    fig.update_layout(font=dict(size=font_size), legend=dict(font=dict(size=font_size)), height=540)
    return fig
