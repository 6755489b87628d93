"""One palette and layout for every chart: Okabe–Ito colours, which colour-blind readers can tell apart."""
from __future__ import annotations

THEME_COLOURS = {
    "Vital": "#0072B2",  # blue
    "Young": "#D55E00",  # vermilion
    "Work": "#009E73",  # bluish green
    "Participate": "#CC79A7",  # reddish purple
}
#: Distinct marker shapes, so lines are told apart without colour too.
THEME_SYMBOLS = {"Vital": "circle", "Young": "square", "Work": "diamond", "Participate": "triangle-up"}
TEXT_COLOUR = "#1a1a1a"
#: The lines behind a highlighted one: thin and grey, still told apart by their marker shapes.
OTHER_SERIES_GREY = "#8a8a8a"
GRID_COLOUR = "#d0d0d0"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def figure(data: list[dict], layout: dict) -> dict:
    """A figure as the plain dict ``dcc.Graph`` sends to the browser, never a ``go.Figure``: plotly's
    property validation costs ~50 ms per chart and turning a ``go.Figure`` back into JSON ~1.3 ms
    per chart on every response.

    Validity is checked in the tests instead (tests/test_figures.py rebuilds every figure with
    validation on), so a typo still fails the build but no request pays for the check.
    """
    return {"data": data, "layout": layout}


#: Every axis: light grid, margins that grow to fit the tick labels.
AXIS = {"gridcolor": GRID_COLOUR, "zerolinecolor": GRID_COLOUR, "automargin": True}


def layout(lang: str, height: int, **extra) -> dict:
    """The common layout as a dict; ``extra`` keys replace the defaults (axes are merged)."""
    axis = AXIS
    base = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "font": {"family": FONT_FAMILY, "size": 15, "color": TEXT_COLOUR},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"font": {"size": 15}},
        "separators": separators(lang),
        # No plotly template: copying the default one costs more than building the chart.
        "template": {},
        "xaxis": dict(axis),
        "yaxis": dict(axis),
    }
    for key, value in extra.items():
        if key in ("xaxis", "yaxis") and isinstance(value, dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return ",." if lang == "nl" else ".,"


def wrap_label(text: str, width: int = 22) -> str:
    """Break a long category label over lines (``<br>``) at spaces, so axis labels stay readable on a
    phone instead of being cut off at the figure's edge."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "<br>".join(lines)


def year_axis(years: list[int], step: int | None = None) -> dict:
    """Whole years, never turned or cut, so they read on a phone: every ``step``-th year, or (no
    step) only the first, the middle and the last, which fit a panel a quarter of a phone wide."""
    first, last = min(years), max(years)
    ticks = list(range(first, last + 1, step)) if step else sorted({first, (first + last) // 2, last})
    return {"tickmode": "array", "tickvals": ticks, "tickangle": 0, "range": [first - 0.5, last + 0.5], "fixedrange": True, "tickfont": {"size": 13}}
