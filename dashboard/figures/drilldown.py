"""Drill-down charts: ranked bars, budget vs realised, theme → programme → provider treemap, layers, trends.

Data in, figure out; no Dash. Every bar, tile and line carries its name or amount as text, so
nothing is told by colour alone, and ``customdata`` holds the page path a click opens (the page
lists the same links for keyboard users).
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from dashboard.figures.style import OTHER_SERIES_GREY, TEXT_COLOUR, THEME_COLOURS, THEME_SYMBOLS, figure, layout, wrap_label, year_axis

Money = Callable[[float | int | None], str]
#: Okabe–Ito, readable for colour-blind readers; the theme colours first.
SERIES_COLOURS = (*THEME_COLOURS.values(), "#E69F00", "#56B4E9", "#000000", "#8C6D00")
SERIES_SYMBOLS = (*THEME_SYMBOLS.values(), "cross", "x", "star", "hexagon")
LAYER_PATTERNS = {"social base": "", "maatwerk": "/", "escalated care": "x", "not allocated to a programme": "."}
LAYER_COLOURS = {"social base": "#009E73", "maatwerk": "#0072B2", "escalated care": "#D55E00", "not allocated to a programme": "#6b6b6b"}
UNALLOCATED_COLOUR = "#8a8a8a"


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white (0 = unchanged, 1 = white): tiles light enough for dark text."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = lambda c: round(c + (255 - c) * amount)  # noqa: E731
    return f"#{mix(r):02x}{mix(g):02x}{mix(b):02x}"


def _million_axis(lang: str) -> dict:
    return {"title": {"text": "€ mln" if lang == "nl" else "€ million", "standoff": 15}, "rangemode": "tozero", "fixedrange": True}


#: What plotly's default template gave hatched bars: the pattern drawn over the bar colour.
PATTERN_BASE = {"fillmode": "overlay", "size": 10}


def ranked_bars(
    labels: list[str], values: list[int], paths: list[str | None], money: Money, lang: str,
    realised: list[int | None] | None = None, names: tuple[str, str] = ("", ""), colour: str = "#0072B2",
) -> dict:
    """Horizontal bars, largest first, amount written at each bar. With ``realised``: a second,
    hatched bar per item (budget vs realised), told apart by pattern and legend, not colour only."""
    labels = [wrap_label(label) for label in labels]
    lines = max([label.count("<br>") + 1 for label in labels] + [1])
    height = max(220, 70 + len(labels) * ((62 if realised is not None else 40) + 14 * (lines - 1)))
    budget_x = [v / 1e6 for v in values]
    data = [
        {
            "type": "bar", "y": list(labels), "x": budget_x, "orientation": "h", "name": names[0], "marker": {"color": colour},
            "text": [money(v) for v in values], "textposition": "outside", "cliponaxis": False, "customdata": list(paths),
            "hovertemplate": "%{y}: %{text}<extra>" + names[0] + "</extra>",
        }
    ]
    realised_x = []
    if realised is not None:
        realised_x = [(v or 0) / 1e6 for v in realised]
        data.append(
            {
                "type": "bar", "y": list(labels), "x": realised_x, "orientation": "h", "name": names[1],
                "marker": {"color": "white", "line": {"color": colour, "width": 2},
                           "pattern": {**PATTERN_BASE, "shape": "/", "fgcolor": colour, "solidity": 0.35}},
                "text": [money(v) for v in realised], "textposition": "outside", "cliponaxis": False, "customdata": list(paths),
                "hovertemplate": "%{y}: %{text}<extra>" + names[1] + "</extra>",
            }
        )
    top = max(budget_x + realised_x + [0.01])
    low = min(budget_x + realised_x + [0])
    return figure(
        data,
        layout(
            lang, height, barmode="group", bargap=0.25, showlegend=realised is not None,
            legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
            margin={"l": 10, "r": 30, "t": 40 if realised is not None else 10, "b": 10},
            yaxis={"autorange": "reversed", "fixedrange": True},
            xaxis={"range": [low * 1.3, top * 1.35], **_million_axis(lang)},
        ),
    )


def treemap_figure(
    root_label: str, tree: pd.DataFrame, programme_label: Callable[[str], str], provider_label: Callable[[str], str],
    programme_path: Callable[[str], str], provider_path: Callable[[str], str], unallocated: int, unallocated_label: str,
    money: Money, colour: str, lang: str = "en",
) -> dict:
    """Theme → programme → provider. Only positive amounts can be tiles: corrections (negative
    allocations) are left out of the picture and listed in the table; leaves carry all values."""
    ids, labels, parents, values, colours, paths, texts = ["root"], [root_label], [""], [0], [tint(colour, 0.85)], [None], [""]
    positive = tree[tree["amount_eur"] > 0]
    by_programme = {programme: part for programme, part in positive.groupby("programme", sort=False)}
    order = positive.groupby("programme")["amount_eur"].sum().sort_values(ascending=False).index
    for index, programme in enumerate(order):
        node_colour = tint(SERIES_COLOURS[index % len(SERIES_COLOURS)], 0.6)  # light tiles keep dark text readable (AA)
        part = by_programme[programme]
        amounts = [int(a) for a in part["amount_eur"]]
        ids.append(f"p/{programme}"); labels.append(programme_label(programme)); parents.append("root")
        values.append(0); colours.append(node_colour); paths.append(programme_path(programme)); texts.append(money(sum(amounts)))
        for provider, amount in zip(part["provider"], amounts):
            ids.append(f"p/{programme}/{provider}"); labels.append(provider_label(provider)); parents.append(f"p/{programme}")
            values.append(amount); colours.append(node_colour); paths.append(provider_path(provider)); texts.append(money(amount))
    if unallocated > 0:
        ids.append("unallocated"); labels.append(unallocated_label); parents.append("root")
        values.append(unallocated); colours.append(tint(UNALLOCATED_COLOUR, 0.6)); paths.append(None); texts.append(money(unallocated))
    treemap = {
        "type": "treemap", "ids": ids, "labels": labels, "parents": parents, "values": values, "branchvalues": "remainder",
        "marker": {"colors": colours, "line": {"color": TEXT_COLOUR, "width": 1}}, "customdata": paths, "text": texts,
        "texttemplate": "<b>%{label}</b><br>%{text}<br>%{percentRoot:.1%}", "hovertemplate": "%{label}: %{text}<extra></extra>",
        "textfont": {"size": 14, "color": TEXT_COLOUR}, "pathbar": {"visible": False}, "maxdepth": 3,
    }
    # A tile too small for its label shows none (the table beside the chart names every provider).
    return figure([treemap], layout(lang, 560, margin={"l": 4, "r": 4, "t": 4, "b": 4}, uniformtext={"minsize": 11, "mode": "hide"}))


def layer_figure(layers: pd.DataFrame, kind: str, layer_label: Callable[[str], str], percent: Callable[[float | None], str], lang: str) -> dict:
    """Share of each layer (social base, maatwerk, escalated care, not allocated) per year, stacked to 100%.
    Patterns and written percentages tell the layers apart."""
    part = layers[layers["kind"] == kind]
    groups = {layer: rows.sort_values("year") for layer, rows in part.groupby("layer", sort=False)}
    data = []
    for layer in LAYER_COLOURS:
        rows = groups.get(layer)
        if rows is None or rows.empty or not rows["amount_eur"].any():
            continue
        shares = [0 if pd.isna(s) else float(s) for s in rows["share"]]
        data.append(
            {
                "type": "bar", "x": [str(y) for y in rows["year"]], "y": shares, "name": layer_label(layer),
                "marker": {"color": LAYER_COLOURS[layer],
                           "pattern": {**PATTERN_BASE, "shape": LAYER_PATTERNS[layer], "fgcolor": "white", "solidity": 0.3}},
                "text": [percent(s) if s >= 0.06 else "" for s in shares], "textposition": "inside", "insidetextanchor": "middle",
                "textfont": {"color": "white", "size": 13}, "hovertemplate": "%{x}: %{text}<extra>" + layer_label(layer) + "</extra>",
            }
        )
    return figure(
        data,
        layout(
            lang, 380, barmode="relative", legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
            yaxis={"tickformat": ".0%", "fixedrange": True},
            # Every third year labelled, flat: whole years on a phone too (every bar keeps its percentage).
            xaxis={"fixedrange": True, "type": "category", "tickangle": 0, "tickvals": sorted({str(y) for y in part["year"]})[::3]},
        ),
    )


def trend_figure(frame: pd.DataFrame, series: list[str], label: Callable[[str], str], kind_label: Callable[[str], str], lang: str,
                 correction_label: str | None = None) -> dict:
    """Lines per series over the years: budget solid, realised dashed with open markers (never one joined line).

    The first series (the total, or the largest) is drawn in colour, the others thin and grey behind
    it, so six lines do not tangle; the legend names the highlighted series and "others", the hover
    and the table name every line. A series that goes below zero is a correction: the zero line is
    drawn dark and labelled ``correction_label``, so the axis does not drop below zero unexplained."""
    groups = {key: part.sort_values("year") for key, part in frame.groupby(["series", "kind"], sort=False)}
    hover = ("%{x}: € %{y:,.2f} mln" if lang == "nl" else "%{x}: €%{y:,.2f}M") + "<extra>%{fullData.name}</extra>"
    data = []
    for index, name in enumerate(series):
        highlighted = index == 0
        colour = SERIES_COLOURS[0] if highlighted else OTHER_SERIES_GREY
        symbol = SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)]
        for kind, dash, fill in (("begroting", "solid", ""), ("jaarrekening", "dash", "-open")):
            part = groups.get((name, kind))
            if part is None or part.empty:
                continue
            data.append(
                {
                    "type": "scatter", "x": [int(y) for y in part["year"]], "y": [float(v) / 1e6 for v in part["amount_eur"]],
                    "mode": "lines+markers", "name": wrap_label(f"{label(name)} – {kind_label(kind)}", 26), "legendgroup": name if highlighted else "others",
                    "showlegend": highlighted,
                    "line": {"color": colour, "dash": dash, "width": 4 if highlighted else 1.5},
                    "marker": {"symbol": symbol + fill, "size": 9 if highlighted else 6, "line": {"width": 2 if highlighted else 1, "color": colour}},
                    "hovertemplate": hover,
                }
            )
    if len(series) > 1:
        data.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines", "name": label("__others__"), "legendgroup": "others",
                     "line": {"color": OTHER_SERIES_GREY, "width": 1.5}, "hoverinfo": "skip"})
    years = sorted(int(y) for y in frame["year"].unique()) if not frame.empty else [0]
    negative = not frame.empty and (frame["amount_eur"] < 0).any()
    yaxis = _million_axis(lang)
    extra = {}
    if negative:
        yaxis = {**yaxis, "zeroline": True, "zerolinecolor": "#1a1a1a", "zerolinewidth": 2}
        if correction_label:
            extra["annotations"] = [{"text": correction_label, "xref": "paper", "x": 0, "y": 0, "yref": "y", "xanchor": "left", "yanchor": "top",
                                     "showarrow": False, "font": {"size": 12, "color": "#1a1a1a"}}]
    return figure(
        data[::-1],  # the highlighted lines last: drawn on top of the grey ones
        layout(
            lang, 420, legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 13}, "traceorder": "reversed"},
            xaxis=year_axis(years, 2), yaxis=yaxis, **extra,
        ),
    )
