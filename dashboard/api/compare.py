"""``/api/v1/peers``, ``/api/v1/compare`` and ``/api/v1/fund``: the comparison page's figures as data.

The same questions as the page (``queries.compare``), so the API and the page agree; on the public site
only published documents exist for them (the service's documents are then the published ones).
"""

from __future__ import annotations

import re

from flask import Blueprint, request

from dashboard.api.common import BadRequest, allowed, document_params, output_format, respond, round_or_none, service, theme_param
from dashboard.domain.compare import MEASURES, Standing, unit_of
from dashboard.domain.fund import THEME_CLUSTERS
from dashboard.domain.themes import THEMES
from dashboard.queries.compare import DEFAULT_GROUP, GROUPS, CompareQueries
from dashboard.queries.service import NotFound

TAAKVELD_CODE = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}$")  # ASCII digits only: Python's \d also takes other scripts' digits
COMMON = {"municipality", "year", "document", "group", "format"}


def _group() -> str:
    group = request.args.get("group", "").strip().lower() or DEFAULT_GROUP
    if group not in GROUPS:
        raise BadRequest(f"group must be one of {', '.join(GROUPS)}, not {group!r}")
    return group


def _measure() -> str:
    measure = request.args.get("measure", "").strip().lower() or "per_inhabitant"
    if measure not in MEASURES:
        raise BadRequest(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    return measure


def _standing(standing: Standing) -> dict:
    return {
        "value": round_or_none(standing.value),
        "peers_median": round_or_none(standing.median),
        "peers_p25": round_or_none(standing.q1),
        "peers_p75": round_or_none(standing.q3),
        "national": round_or_none(standing.national),
        "rank": standing.rank,
        "of": standing.of,
    }


def register(api: Blueprint, endpoints: dict) -> None:
    endpoints["/api/v1/peers?municipality=&year=&group=&format=json|csv"] = (
        "the municipality's peers: the statistical neighbours with their distance and the variables that make them "
        "alike and differ most (group=neighbours), or a ready-made group (size, urbanity, province, youth-region, labour-region, all)"
    )
    endpoints["/api/v1/compare?municipality=&year=&document=&theme=|taakveld=&measure=&group=&format=json|csv"] = (
        "the municipality against its peers' median, middle half (p25-p75), rank (1 = highest) and Nederland: per theme, "
        "or with theme= the theme and each of its taakvelden, or one taakveld (taakveld=6.3); "
        "measure=per_inhabitant (default), per_unit (the target group; unit_is_fund_measure says when the denominator is a gemeentefonds measure) or total (lasten, peers not compared)"
    )
    endpoints["/api/v1/fund?municipality=&year=&document=&group=&format=json|csv"] = (
        "per theme what the gemeentefonds cluster pays beside the lasten, the difference in euros and per inhabitant against the peers "
        "and Nederland, and the circular used; the fund is not earmarked: an indication"
    )

    @api.get("/peers")
    def peers():
        allowed({"municipality", "year", "group", "format"})
        output = output_format()
        group = _group()
        municipality, year, _kind = document_params()
        found = CompareQueries(service()).peers(municipality, group, year)
        records = [
            {
                "municipality": municipality,
                "year": year,
                "group": group,
                "peer": p.municipality,
                "distance": None if p.distance is None else round(p.distance, 4),
                "alike_in": " ".join(p.close),
                "differs_most_in": " ".join(p.far),
            }
            for p in found
        ]
        return respond(records, output, f"peers_{municipality}_{group}_{year}")

    @api.get("/compare")
    def compare():
        allowed(COMMON | {"theme", "taakveld", "measure"})
        output = output_format()
        group, theme, measure = _group(), theme_param(), _measure()
        code = request.args.get("taakveld", "").strip()
        if code and theme:
            raise BadRequest("give theme= or taakveld=, not both")
        if code and not TAAKVELD_CODE.match(code):
            raise BadRequest(f"taakveld must be an Iv3 code as compared (rolled up: 6.3, 6.71), not {code!r}")
        municipality, year, kind = document_params()
        queries = CompareQueries(service())
        comparison = queries.comparison(municipality, year, kind, group)
        base = {"municipality": municipality, "year": year, "document": kind, "group": group, "peers": len(comparison.peers), "measure": measure}
        rows = []
        if code:
            owner = service().mapping.theme_of(code)
            found = [t for t in queries.taakvelden(municipality, year, kind, owner, group) if t.code == code] if owner else []
            if not found:
                known = [c for th in THEMES for c, _ in queries.taakveld_catalogue(year, kind)[th]]
                raise NotFound(f"taakveld {code!r} is not compared in {kind} {year}; choose one of {', '.join(known)}")
            taakvelden, themes = found, []
        else:
            themes = [t for t in comparison.themes if theme in (None, t.theme)]
            taakvelden = queries.taakvelden(municipality, year, kind, theme, group) if theme else []
        for t in themes:
            rows.append(_row(base, "theme", t.theme, t.theme, t.theme, None, t.lasten_eur, t, measure))
        for t in taakvelden:
            rows.append(_row(base, "taakveld", t.theme, t.code, t.name, t.code, t.lasten_eur, t, measure))
        name = code or (theme or "themes")
        return respond(rows, output, f"compare_{municipality}_{name}_{measure}_{kind}_{year}")

    @api.get("/fund")
    def fund():
        allowed(COMMON)
        output = output_format()
        group = _group()
        municipality, year, kind = document_params()
        comparison = CompareQueries(service()).comparison(municipality, year, kind, group)
        rows = []
        for t in comparison.themes:
            gap = t.fund_difference_per_inhabitant
            rows.append(
                {
                    "municipality": municipality,
                    "year": year,
                    "document": kind,
                    "group": group,
                    "theme": t.theme,
                    "cluster": THEME_CLUSTERS[t.theme],
                    "circular": comparison.circular,
                    "fund_eur": round_or_none(t.fund_eur),
                    "lasten_eur": round_or_none(t.lasten_eur),
                    "difference_eur": round_or_none(t.fund_difference_eur),
                    "difference_per_inhabitant_eur": round_or_none(gap.value),
                    "peers_median_difference_per_inhabitant_eur": round_or_none(gap.median),
                    "peers_p25": round_or_none(gap.q1),
                    "peers_p75": round_or_none(gap.q3),
                    "national_difference_per_inhabitant_eur": round_or_none(gap.national),
                }
            )
        return respond(rows, output, f"fund_{municipality}_{kind}_{year}")


def _row(base: dict, level: str, theme: str, key: str, name: str, code: str | None, lasten, figure, measure: str) -> dict:
    _column, unit_en, _nl, fund_measure = unit_of(theme, code)
    if measure == "total":
        values = {"value": round_or_none(lasten), "peers_median": None, "peers_p25": None, "peers_p75": None, "national": None, "rank": None, "of": None}
        unit, fund_measure = "euros (lasten)", False
    elif measure == "per_inhabitant":
        values, unit, fund_measure = _standing(figure.per_inhabitant), "per inhabitant", False
    else:
        values, unit = _standing(figure.per_unit), unit_en
    return {**base, "level": level, "theme": theme, "key": key, "name": name, "unit": unit, "unit_is_fund_measure": fund_measure, **values}
