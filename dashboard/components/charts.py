"""A chart that everyone can read: heading, summary sentence, the graph, and the same figures as a table."""
from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from dashboard.navigation import ids

GRAPH_CONFIG = {"displayModeBar": False, "responsive": True, "displaylogo": False}


def chart_block(
    heading: str,
    summary: str,
    figure,
    table,
    name: str,
    toggle_label: str,
    extra=None,
    heading_level: int = 2,
    download: "Download | None" = None,
    about: "About | None" = None,
    print_as: str | None = None,
):
    """The summary sentence is the chart's text alternative (the chart is labelled by it, so a year
    change that updates the sentence in place updates the label too); the table, behind a native disclosure,
    is the full alternative. The SVG itself is hidden from assistive technology (role=img + label).
    ``download`` links the CSV with exactly the rows behind the chart; ``about`` says where they come from.
    ``print_as``: ``"chart"`` or ``"table"`` keeps only that one on paper (the other repeats what the
    printed page already says, or is unreadable at paper size); both are printed by default.
    ``name``: the chart's name on its page (``chart_id``); the heading's id is made from it."""
    heading_tag = {2: html.H2, 3: html.H3}[heading_level]
    heading_id, summary_id = f"{name}-heading", f"{name}-summary"
    return html.Section(
        className=f"chart-block print-{print_as}-only" if print_as else "chart-block",
        **{"aria-labelledby": heading_id},
        children=[
            # the text in a span: a year change updates it in place (the heading keeps its id)
            heading_tag(html.Span(heading), id=heading_id),
            html.P(html.Span(summary), id=summary_id, className="chart-summary"),
            html.Div(
                dcc.Graph(id=chart_id(name), figure=figure, config=GRAPH_CONFIG, className="chart"),
                role="img",
                **{"aria-labelledby": summary_id},
            ),
            *( [extra] if extra is not None else [] ),
            html.Details([html.Summary(toggle_label), table], className="chart-table"),
            *([figure_footer(download, about)] if download or about else []),
        ],
    )


def chart_id(name: str) -> dict:
    """Every chart's id: one pattern type, so a year change can update all figures of a page in place
    and a click on any chart's point can open the page it carries (``web`` wires both)."""
    return {"type": ids.CHART, "name": name}


@dataclass(frozen=True)
class Download:
    """A link to the open-data API's CSV for exactly the rows behind a chart or table."""

    href: str
    label: str  # "Download data (CSV)" in the page's language
    description: str  # what the file holds, for screen readers (e.g. the chart's heading)


@dataclass(frozen=True)
class About:
    """"About this figure": source, definition, document, year and date of import."""

    title: str  # "About this figure"
    facts: tuple[tuple[str, str], ...]  # (label, value)


def figure_footer(download: Download | None, about: About | None):
    children = []
    if download is not None:
        children.append(
            html.A(
                [download.label, html.Span(f" – {download.description}", className="visually-hidden")],
                href=download.href,
                download="",
                className="download-link",
            )
        )
    if about is not None:
        children.append(
            html.Details(
                [
                    html.Summary(about.title),
                    html.Dl([item for label, value in about.facts for item in (html.Dt(label), html.Dd(value))], className="about-facts"),
                ],
                className="about-figure",
            )
        )
    return html.Div(children, className="figure-footer")


def data_table(columns: list[str], rows: list[list], numeric: set[int] | None = None, caption: str | None = None,
               region_label: str | None = None):
    """A plain, accessible HTML table (th scope=col; first column as row header). ``region_label``: a
    wide table whose wrapper may scroll sideways is a named region a keyboard can reach and scroll."""
    numeric = numeric or set()
    head = html.Thead(html.Tr([html.Th(c, scope="col", className="num" if i in numeric else None) for i, c in enumerate(columns)]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    (html.Th(cell, scope="row") if i == 0 else html.Td(cell, className="num" if i in numeric else None))
                    for i, cell in enumerate(row)
                ]
            )
            for row in rows
        ]
    )
    parts = ([html.Caption(caption)] if caption else []) + [head, body]
    region = {"tabIndex": "0", "role": "region", "aria-label": region_label} if region_label else {}
    return html.Div(html.Table(parts, className="table table-sm data-table"), className="table-responsive", **region)
