"""The comparison chart: per theme the peers' middle half as a bar, their median, the municipality and
Nederland as markers of different shapes (never colour alone)."""
from __future__ import annotations

from dashboard.figures.style import AXIS, figure, layout, year_axis

#: Height of one theme's panel in the small multiples (its title, bar and axis ticks), in pixels.
PANEL_HEIGHT = 110


def band_figure(bands: list, municipality: str, band_label: str, median_label: str, national_label: str, lang: str) -> dict:
    """``bands``: (theme label, domain.compare.Standing) per theme."""
    names = [name for name, _ in bands]
    q1 = [s.q1 or 0 for _, s in bands]
    width = [(s.q3 or 0) - (s.q1 or 0) for _, s in bands]
    traces = [
        {"type": "bar", "orientation": "h", "y": names, "x": width, "base": q1, "name": band_label,
         "marker": {"color": "rgba(90,110,140,0.35)", "line": {"color": "#44546a", "width": 1}}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "markers", "y": names, "x": [s.median for _, s in bands], "name": median_label,
         "marker": {"symbol": "line-ns-open", "size": 22, "color": "#1f2d3d", "line": {"width": 3}}},
        {"type": "scatter", "mode": "markers", "y": names, "x": [s.national for _, s in bands], "name": national_label,
         "marker": {"symbol": "diamond-open", "size": 13, "color": "#6b3fa0", "line": {"width": 2}}},
        {"type": "scatter", "mode": "markers", "y": names, "x": [s.value for _, s in bands], "name": municipality,
         "marker": {"symbol": "circle", "size": 14, "color": "#c0392b"}},
    ]
    return figure(traces, layout(lang, 320, barmode="overlay", showlegend=True,
                                 legend={"orientation": "h", "y": -0.2},
                                 xaxis={"tickprefix": "€ ", "fixedrange": True, "rangemode": "tozero"},
                                 yaxis={"autorange": "reversed", "fixedrange": True}))


def band_panels_figure(bands: list, municipality: str, band_label: str, median_label: str, national_label: str, lang: str) -> dict:
    """Small multiples: each theme its own panel and € axis. Per unit of the target group the themes
    differ fortyfold (~€40k per benefit recipient against ~€2k per young person): on one shared axis
    every theme but Work would be squashed against zero, most of all on a phone. ``bands``: (theme, unit,
    domain.compare.Standing) per theme; the legend (shown once) explains the marks of every panel."""
    count = len(bands) or 1
    legend_px = 70
    height = PANEL_HEIGHT * count + legend_px
    traces: list[dict] = []
    axes: dict = {}
    annotations = []
    for index, (theme, unit, s) in enumerate(bands):
        suffix = "" if index == 0 else str(index + 1)
        top = 1 - index * PANEL_HEIGHT / height
        domain = [top - 76 / height, top - 42 / height]  # under the panel's two-line title, above its ticks
        panel = [theme]
        on_axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        first = index == 0
        traces += [
            {"type": "bar", "orientation": "h", "y": panel, "x": [(s.q3 or 0) - (s.q1 or 0)], "base": [s.q1 or 0], "name": band_label,
             "legendgroup": "band", "showlegend": first, "width": 0.8,
             "marker": {"color": "rgba(90,110,140,0.35)", "line": {"color": "#44546a", "width": 1}}, "hoverinfo": "skip", **on_axes},
            {"type": "scatter", "mode": "markers", "y": panel, "x": [s.median], "name": median_label, "legendgroup": "median", "showlegend": first,
             "marker": {"symbol": "line-ns-open", "size": 22, "color": "#1f2d3d", "line": {"width": 3}}, **on_axes},
            {"type": "scatter", "mode": "markers", "y": panel, "x": [s.national], "name": national_label, "legendgroup": "national", "showlegend": first,
             "marker": {"symbol": "diamond-open", "size": 13, "color": "#6b3fa0", "line": {"width": 2}}, **on_axes},
            {"type": "scatter", "mode": "markers", "y": panel, "x": [s.value], "name": municipality, "legendgroup": "municipality", "showlegend": first,
             "marker": {"symbol": "circle", "size": 14, "color": "#c0392b"}, **on_axes},
        ]
        # Whole euros, a few ticks: each panel's axis is its own, so "€ 40.000" and "€ 2.000" both read.
        axes[f"xaxis{suffix}"] = {**AXIS, "anchor": f"y{suffix}", "tickprefix": "€ ", "fixedrange": True, "rangemode": "tozero",
                                  "nticks": 5, "tickformat": ",.0f", "tickfont": {"size": 13}}
        axes[f"yaxis{suffix}"] = {**AXIS, "anchor": f"x{suffix}", "domain": domain, "fixedrange": True,
                                  "showticklabels": False, "showgrid": False}
        # The unit in smaller type under the theme's name: whole on a phone 390 px wide.
        annotations.append({"text": f"<b>{theme}</b><br><span style='font-size:12px'>{unit}</span>", "xref": "paper", "yref": "paper", "x": 0, "y": top, "xanchor": "left", "yanchor": "top",
                            "showarrow": False, "font": {"size": 14}, "align": "left"})
    base = layout(lang, height, barmode="overlay", showlegend=True, annotations=annotations,
                  legend={"orientation": "h", "yanchor": "top", "y": (legend_px - 8) / height, "x": 0, "font": {"size": 14}},
                  margin={"l": 10, "r": 20, "t": 4, "b": 4})
    base.pop("xaxis"), base.pop("yaxis")
    return figure(traces, {**base, **axes})


def trend_figure(points: list, municipality: str, band_label: str, median_label: str, national_label: str, lang: str) -> dict:
    """Over the years: the peers' middle half as a shaded band, their median dashed, Nederland dotted with
    diamonds and the municipality solid with circles. ``points``: (year, Standing); a year without the
    municipality's figure leaves a gap in its line (a merger: the line starts later)."""
    years = [year for year, _ in points]
    standings = [s for _, s in points]
    traces = [
        {"type": "scatter", "mode": "lines", "x": years, "y": [s.q1 for s in standings], "line": {"width": 0},
         "showlegend": False, "hoverinfo": "skip", "name": band_label},
        {"type": "scatter", "mode": "lines", "x": years, "y": [s.q3 for s in standings], "fill": "tonexty",
         "fillcolor": "rgba(90,110,140,0.25)", "line": {"width": 0}, "name": band_label, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "x": years, "y": [s.median for s in standings], "name": median_label,
         "line": {"color": "#1f2d3d", "width": 2, "dash": "dash"}},
        {"type": "scatter", "mode": "lines+markers", "x": years, "y": [s.national for s in standings], "name": national_label,
         "line": {"color": "#6b3fa0", "width": 2, "dash": "dot"}, "marker": {"symbol": "diamond-open", "size": 9}},
        {"type": "scatter", "mode": "lines+markers", "x": years, "y": [s.value for s in standings], "name": municipality,
         "line": {"color": "#c0392b", "width": 3}, "marker": {"symbol": "circle", "size": 9}, "connectgaps": False},
    ]
    return figure(traces, layout(lang, 340, showlegend=True, legend={"orientation": "h", "y": -0.2},
                                 xaxis=year_axis(years or [0], 2),
                                 yaxis={"tickprefix": "€ ", "fixedrange": True, "rangemode": "tozero"}))
