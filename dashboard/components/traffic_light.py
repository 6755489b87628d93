"""The status badge and status counts: icon + word + colour, never colour alone.

Colours (assets/40-indicators.css) come from the Okabe–Ito family, which colour-blind readers can
tell apart, and differ in lightness too: on track dark blue, at risk orange, off track dark
vermilion, outdated light grey with a solid outline, no data white with a dashed outline. Each also has its own icon shape and its word.
Text contrast on every badge is at least 6.7:1.
"""
from __future__ import annotations

from dash import html

from dashboard.components.indicator_text import status_word
from dashboard.domain.traffic_light import AT_RISK, NO_DATA, OFF_TRACK, ON_TRACK, OUTDATED, STATUSES
from dashboard.navigation.addresses import PageRequest

#: status → (CSS modifier, icon). Icons are decorative (aria-hidden): the word is always there.
STATUS_STYLE = {
    ON_TRACK: ("on-track", "✓"),
    AT_RISK: ("at-risk", "!"),
    OFF_TRACK: ("off-track", "✕"),
    OUTDATED: ("outdated", "…"),
    NO_DATA: ("no-data", "?"),
}


def status_class(status: str) -> str:
    return STATUS_STYLE[status][0]


def status_badge(status: str, request: PageRequest, large: bool = False):
    modifier, icon = STATUS_STYLE[status]
    return html.Span(
        [html.Span(icon, className="status-icon", **{"aria-hidden": "true"}), html.Span(status_word(status, request), className="status-word")],
        className=f"status-badge status-{modifier}" + (" status-badge-lg" if large else ""),
    )


def status_counts(counts: dict[str, int], request: PageRequest, label: str):
    """A list like '✓ 2 on track · ! 1 at risk · ✕ 1 off track · ? 1 no data' (statuses with 0 are left out)."""
    t = request.t
    items = [
        html.Li(
            [
                html.Span(STATUS_STYLE[status][1], className="status-icon", **{"aria-hidden": "true"}),
                html.Span(t("{count} {status}", count=counts[status], status=status_word(status, request))),
            ],
            className=f"status-count status-{STATUS_STYLE[status][0]}",
        )
        for status in STATUSES
        if counts.get(status)
    ]
    if not items:
        return html.P(t("No indicators yet."), className="status-counts-empty")
    return html.Ul(items, className="status-counts", **{"aria-label": label})


def theme_results_block(counts: dict[str, int], request: PageRequest, reference_date, theme_name: str):
    """For a theme card on the overview: how many of the theme's indicators are on track, at risk, off track."""
    from dashboard.domain import formatting as fmt

    t = request.t
    label = t("Indicator status on {date}", date=fmt.long_date(reference_date, request.lang))
    return html.Div(
        [html.P(label, className="theme-results-label"), status_counts(counts, request, f"{label}: {theme_name}")],
        className="theme-results",
    )
