"""The comparison chart: per theme the peers' middle half as a bar, their median, the municipality and
Nederland as markers of different shapes (never colour alone)."""
from __future__ import annotations

from dashboard.figures.style import figure, layout, year_axis


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
