"""Budget against realised: the variance with its sign, a word and a colour ("↑ +€1.2M (+5.3%) over
budget"), never colour alone. Over budget is marked, because that is where a council asks questions."""
from __future__ import annotations

import math

from dash import html

from dashboard.domain import formatting as fmt
from dashboard.navigation.addresses import PageRequest

#: Below this share of the budget a variance counts as "on budget" (rounding, not a deviation).
ON_BUDGET = 0.0005


def _clean(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def variance_mark(eur, fraction, request: PageRequest, missing: str, compact: bool = False, stacked: bool = False):
    """The variance realised − budget. ``missing``: what to say when there is nothing to compare
    (no accounts yet, or not published): never €0. ``stacked``: amount over percent, for tables."""
    t, lang = request.t, request.lang
    eur, fraction = _clean(eur), _clean(fraction)
    if eur is None:
        return html.Span(missing, className="variance variance-missing")
    if fraction is not None and abs(fraction) < ON_BUDGET or eur == 0:
        state, icon, word = "even", "=", t("on budget")
    elif eur > 0:
        state, icon, word = "over", "↑", t("over budget")
    else:
        state, icon, word = "under", "↓", t("under budget")
    amount = (fmt.euro_compact if compact else fmt.euro)(abs(eur), lang)
    sign = "+" if eur > 0 else "−" if eur < 0 else ""
    percent = f"{sign}{fmt.percent(abs(fraction), lang)}" if fraction is not None else fmt.MISSING
    parts = [html.Span(icon, className="variance-icon", **{"aria-hidden": "true"}), " ", f"{sign}{amount}"]
    parts += [html.Br(), f"({percent})"] if stacked else [f" ({percent})"]
    parts += [" ", html.Span(word, className="variance-word")]
    return html.Span(parts, className=f"variance variance-{state}")
