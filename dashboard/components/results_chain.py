"""The results panel of a theme: goal (societal effect) → outcomes → outputs, each with its traffic light.

Per goal it answers the alderman's three questions at once: which indicators need attention
(off track or no data), what money goes into the programmes behind them, and where the story is
(each indicator links to its page with the stories). Nested lists, so the chain is read in order
by screen readers too; every status is icon + word + colour.
"""
from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.components.indicator_text import arrow, level_explained, level_word, period_label, status_word, target_text, trend_word, value_with_unit
from dashboard.components.traffic_light import status_badge, status_class
from dashboard.components.traffic_light import status_counts as counts_list
from dashboard.domain import formatting as fmt
from dashboard.domain.indicators import ChainNode, IndicatorResult, needing_attention, programmes_behind, results_chain, status_counts
from dashboard.navigation.addresses import PageRequest, href


def results_panel(
    results: tuple[IndicatorResult, ...],
    request: PageRequest,
    reference_date: date,
    programmes: dict,
    providers: dict,
    amounts: dict[str, int],
    money_label: str,
    heading_level: int = 2,
):
    """``programmes``/``providers``: slug → object with ``label(lang)``; ``amounts``: programme slug → euros
    of the document named by ``money_label`` (e.g. "budget 2026"); empty when there is no programme layer."""
    t, lang = request.t, request.lang
    heading = {2: html.H2, 3: html.H3}[heading_level]
    sub = {2: html.H3, 3: html.H4}[heading_level]
    chain = results_chain(results)
    illustrative = any(r.info.illustrative for r in results)
    intro = [
        t("Goals are the effect in society the theme aims for; outcomes the change for the people a programme reaches; outputs what programmes and providers deliver."),
        " ",
        t("Status on {date}, by the documented rule.", date=fmt.long_date(reference_date, lang)),
        " ",
        dcc.Link(t("How the traffic light works"), href=href("/indicators", request)),
    ]
    children = [
        heading(t("Results: does it work?"), id="results-heading"),
        html.P(
            ([html.Span(t("Illustrative"), className="illustrative-badge"), " ", t("These indicators are demo figures, not measurements."), " "] if illustrative else [])
            + intro,
            className="results-intro",
        ),
    ]
    if any(r.info.status == "draft" for r in results):  # council mode only: the public site never receives a draft
        children.append(
            html.P(
                [html.Span(t("Draft"), className="draft-badge"), " ", t("These indicator figures are a draft: not yet published on the public site.")],
                className="draft-notice",
            )
        )
    if not results:
        children.append(html.P(t("No indicators have been imported for this theme yet.")))
        return html.Section(children, className="results-chain", **{"aria-labelledby": "results-heading"})
    children.append(counts_list(status_counts(results), request, t("Indicators of this theme by status")))
    for goal in chain.goals:
        children.append(_goal_block(goal, request, programmes, providers, amounts, money_label, sub))
    if chain.unlinked:
        children.append(
            html.Article(
                className="chain-goal chain-unlinked",
                children=[
                    sub(t("Not linked to a goal")),
                    html.Ul([_item(n, request, programmes, providers) for n in chain.unlinked], className="chain-list"),
                ],
            )
        )
    return html.Section(children, className="results-chain", **{"aria-labelledby": "results-heading"})


def _goal_block(goal: ChainNode, request: PageRequest, programmes, providers, amounts, money_label, sub):
    t, lang = request.t, request.lang
    info = goal.result.info
    attention = needing_attention(goal)
    if attention:
        attention_line = [
            html.Strong(t("Needs attention:")), " ",
            *_join(
                [
                    html.Span([dcc.Link(r.info.label(lang), href=href(f"/indicator/{r.info.slug}", request)), f" ({status_word(r.status, request)})"])
                    for r in attention
                ]
            ),
        ]
    else:
        attention_line = [t("No indicator under this goal is off track or without data.")]
    behind = programmes_behind(goal)
    money = [
        html.Span(
            [
                dcc.Link(programmes[p].label(lang) if p in programmes else p, href=href(f"/programme/{p}", request)),
                f" {fmt.euro_compact(amounts[p], lang)}" if p in amounts else "",
            ]
        )
        for p in behind
    ]
    money_line = (
        [html.Strong(t("Programmes behind this goal ({document}):", document=money_label)), " ", *_join(money)]
        if behind else [t("No programme is linked to this goal yet.")]
    )
    return html.Article(
        className=f"chain-goal chain-{status_class(goal.result.status)}",
        **{"aria-labelledby": f"goal-{info.slug}"},
        children=[
            sub([html.Span(t("Goal"), className="level-tag"), " ", info.label(lang)], id=f"goal-{info.slug}"),
            html.P(attention_line, className="chain-attention"),
            html.P(money_line, className="chain-money"),
            html.Ul([_item(goal, request, programmes, providers)], className="chain-list"),
        ],
    )


def _item(node: ChainNode, request: PageRequest, programmes, providers):
    t, lang = request.t, request.lang
    result = node.result
    info, a = result.info, result.assessment
    facts = []
    if a.latest is not None:
        facts.append(f"{period_label(a.latest.period, request)}: {value_with_unit(info, a.latest.value, request)}")
    if a.target is not None:
        facts.append(t("target {target}", target=target_text(info, a.target, request)))
    links = []
    if info.programme:
        name = programmes[info.programme].label(lang) if info.programme in programmes else info.programme
        links += [t("Programme"), ": ", dcc.Link(name, href=href(f"/programme/{info.programme}", request))]
    if info.provider:
        name = providers[info.provider].label(lang) if info.provider in providers else info.provider
        links += ([" · "] if links else []) + [t("Provider"), ": ", dcc.Link(name, href=href(f"/provider/{info.provider}", request))]
    body = [
        html.Div(
            [
                status_badge(result.status, request),
                html.Span(level_word(info.level, request), className="level-tag", title=level_explained(info.level, request)),
                dcc.Link(info.label(lang), href=href(f"/indicator/{info.slug}", request), className="chain-name"),
            ],
            className="chain-head",
        ),
        html.P(
            [
                " · ".join(facts) or t("No value yet."),
                html.Span(
                    [" · ", html.Span(arrow(result), **{"aria-hidden": "true"}), " ", trend_word(a.trend, request)],
                    className="chain-trend",
                ) if a.trend != "unknown" else "",
            ],
            className="chain-facts",
        ),
    ]
    if links:
        body.append(html.P(links, className="chain-links"))
    if node.children:
        body.append(html.Ul([_item(child, request, programmes, providers) for child in node.children], className="chain-list"))
    return html.Li(body, className=f"chain-item chain-level-{info.level}")


def _join(parts: list) -> list:
    out = []
    for index, part in enumerate(parts):
        if index:
            out.append(", ")
        out.append(part)
    return out
