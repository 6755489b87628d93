"""The comparison chart: per theme the peers' middle half as a bar, their median, the municipality and
Nederland as markers of different shapes (never colour alone)."""
from __future__ import annotations

from dashboard.figures.style import figure, layout


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
