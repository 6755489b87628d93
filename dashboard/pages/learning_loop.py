"""The learning loop of one theme (Movisie's Kwaliteitskompas) on ``/savings/<theme>``: ambition, social
results, effort, monitor and learning — and the stories beside the notes, "tellen en vertellen"."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.traffic_light import status_badge
from dashboard.domain import formatting as fmt
from dashboard.domain.cost_effectiveness import RESULT_LEVELS
from dashboard.domain.indicators import IndicatorResult
from dashboard.navigation.addresses import PageRequest, href
from dashboard.queries.savings import Learning


def indicator_list(results: list[IndicatorResult], request: PageRequest) -> html.Ul | html.P:
    if not results:
        return html.P(request.t("No indicators yet."))
    return html.Ul(
        [
            html.Li([dcc.Link(r.info.label(request.lang), href=href(f"/indicator/{r.info.slug}", request)), " ", status_badge(r.status, request)])
            for r in results
        ],
        className="loop-indicators",
    )


def learning_loop(
    request: PageRequest, theme: str, learning: Learning, results: tuple[IndicatorResult, ...], effort: list[tuple[str, str, int]], stories, names: dict
) -> html.Section:
    """``effort``: (programme slug, name, euros) of the shown document; ``stories``: the theme's indicator stories."""
    t, lang = request.t, request.lang
    ambition = learning.ambitions.get(theme)
    text = (ambition[1] or ambition[0]) if ambition and lang == "nl" else (ambition[0] if ambition else None)
    effort_list = (
        html.Ul([html.Li([dcc.Link(name, href=href(f"/programme/{slug}", request)), ": ", fmt.euro(euros, lang)]) for slug, name, euros in effort])
        if effort
        else html.P(t("No programme figures for this document."))
    )
    steps = [
        ("ambition", t("Ambition"), html.P(text) if text else html.P(t("No ambition recorded yet."))),
        ("results", t("Social results"), indicator_list([r for r in results if r.info.level in RESULT_LEVELS], request)),
        ("effort", t("Effort"), effort_list),
        ("monitor", t("Monitor"), indicator_list(list(results), request)),
        ("learning", t("Learning"), tell(request, learning.of(theme), stories, names)),
    ]
    return html.Section(
        [
            html.H2(t("The learning loop"), id="loop-heading"),
            html.P(t("After Movisie's Kwaliteitskompas: what we want, what it should bring, what we do, what we see and what we learn.")),
            html.Ol([html.Li([html.H3(title), body], className=f"loop-step loop-{key}") for key, title, body in steps], className="learning-loop"),
        ],
        className="learning-loop-section",
        **{"aria-labelledby": "loop-heading"},
    )


def tell(request: PageRequest, notes, stories, names: dict) -> html.Div:
    """Learning notes and stories together, newest first: the "tell" beside the "count"."""
    t, lang = request.t, request.lang
    entries = [(n.date, "note", n) for n in notes] + [(s.date, "story", s) for s in stories]
    if not entries:
        return html.P(t("No learning notes or stories yet."))
    items = []
    for when, kind, entry in sorted(entries, key=lambda e: e[0], reverse=True):
        other_lang = entry.language if entry.language != lang else None
        if kind == "note":
            about = [dcc.Link(names[p].label(lang) if p in names else p, href=href(f"/programme/{p}", request)) for p in entry.programmes]
            body = [
                html.H4([t("Learning note"), " · ", fmt.long_date(when, lang)]),
                html.Dl(
                    [
                        html.Dt(t("What we saw")),
                        html.Dd(entry.saw, lang=other_lang),
                        html.Dt(t("What we learned")),
                        html.Dd(entry.learned, lang=other_lang),
                        html.Dt(t("What we decide")),
                        html.Dd(html.Strong(t(entry.decision))),
                    ]
                ),
                html.P([t("About"), " ", *(part for a in about for part in (a, " "))], className="note-about") if about else None,
                html.P(t("Written by {author}", author=entry.author), className="note-author"),
            ]
        else:
            body = [
                html.H4([t("Story"), " · ", fmt.long_date(when, lang)]),
                html.P(html.Strong(entry.title), lang=other_lang),
                html.P(entry.text, lang=other_lang),
                html.P(t("Told by {author}", author=entry.author), className="note-author"),
            ]
        items.append(html.Li(html.Article(body), className=f"tell-{kind}"))
    return html.Div([html.P(t("Count and tell: the learning notes and the stories behind the numbers, newest first.")), html.Ul(items, className="tell-list")])
