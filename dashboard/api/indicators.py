"""``/api/v1/indicators``: every indicator with its last value, target and traffic-light status.

The status and trend come from ``domain.traffic_light.assess`` — the same rule as the pages.
``year=Y`` judges at the end of Y (never after today), as the pages do; without it, today.
``municipality=`` is any municipality with a results layer (default: the home municipality, which
answers an empty list without one); another municipality without a (published) layer is a 404.
"""
from __future__ import annotations

from flask import Blueprint, request

from dashboard.api.common import BadRequest, allowed, home_municipality, output_format, respond, service, theme_param
from dashboard.domain.iv3 import parse_year_text
from dashboard.domain.traffic_light import HIGHER, LOWER
from dashboard.queries.indicators import IndicatorQueries, layer_municipalities
from dashboard.queries.service import NotFound


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/indicators?municipality=&theme=&year=&format=json|csv"] = (
        "indicators with level, unit, direction, target (a number, or [minimum, maximum] for a band), "
        "last value, status (on track | at risk | off track | outdated | no data) and trend (better | worse | unchanged | unknown); "
        "year=Y judges at the end of Y; illustrative=true marks demo figures"
    )

    endpoints["/api/v1/indicators/municipalities?format=json|csv"] = "the municipalities that have a results layer (indicators); on the public site a published one"

    @api.get("/indicators/municipalities")
    def indicator_municipalities():
        allowed({"format"})
        output = output_format()
        names = layer_municipalities(service())
        return respond([{"municipality": name} for name in names], output, "indicator_municipalities")

    @api.get("/indicators")
    def indicators():
        allowed({"municipality", "theme", "year", "format"})
        output = output_format()
        municipality = request.args.get("municipality", "").strip() or home_municipality()
        theme = theme_param()
        year = _year(request.args.get("year", "").strip())
        if municipality not in service().municipalities():
            raise NotFound(f"unknown municipality {municipality!r}; see /api/v1/municipalities")
        queries = indicator_queries(municipality)
        reference = queries.reference_date(year)
        results = queries.results(reference)
        if theme is not None:
            results = tuple(r for r in results if r.info.theme == theme)
        records = [_record(r, municipality, reference, output) for r in results]
        return respond(records, output, f"indicators_{municipality}_{reference.isoformat()}")


def indicator_queries(municipality: str) -> IndicatorQueries:
    """The municipality's results layer; 404 for a municipality other than the home one without a (visible) layer."""
    queries = IndicatorQueries(service(), municipality)
    if municipality != home_municipality() and not queries.has_layer():
        raise NotFound(f"there are no indicators for {municipality!r}; municipalities with a results layer are listed by /api/v1/indicators/municipalities")
    return queries


def _record(result, municipality: str, reference, output: str) -> dict:
    info, a = result.info, result.assessment
    target = a.target
    if target is None:
        shown = None
    elif info.direction == HIGHER:
        shown = target.minimum
    elif info.direction == LOWER:
        shown = target.maximum
    else:
        shown = [target.minimum, target.maximum] if output == "json" else f"{target.minimum}..{target.maximum}"
    return {
        "municipality": municipality,
        "slug": info.slug,
        "name": info.name,
        "theme": info.theme,
        "level": info.level,
        "unit": info.unit,
        "direction": info.direction,
        "target": shown,
        "target_minimum": None if target is None else target.minimum,
        "target_maximum": None if target is None else target.maximum,
        "tolerance": info.tolerance,
        "period": None if a.latest is None else str(a.latest.period),
        "value": None if a.latest is None else a.latest.value,
        "status": a.status,
        "trend": a.trend,
        "stale": a.stale,
        "programme": info.programme,
        "provider": info.provider,
        "frequency": info.frequency,
        "reference_date": reference.isoformat(),
        "illustrative": info.illustrative,
        "publication_status": info.status,
    }


def _year(text: str) -> int | None:
    if not text:
        return None
    try:
        return parse_year_text(text)
    except ValueError as problem:
        raise BadRequest(str(problem)) from None
