"""Every programme and provider figure of one document, and every trend series, each in one pass.

Pure functions on allocation records (see ``domain.drilldown``). The query layer caches their
answers per dataset version; a programme or provider view is then a lookup plus a few small frames.
They only assemble: each rule (sums, clients, shares, instruments, variance) is the one in
``domain.drilldown`` / ``domain.variance``.
"""
from __future__ import annotations

from collections.abc import Iterable

from dashboard.domain.drilldown import breakdown, clients_of, document_totals, group_by, instrument_split, sorted_sums, sums_by, total
from dashboard.domain.variance import budget_against_realised, compare


def document_parts(rows: list[dict], budget: list[dict], realised: list[dict], budget_present: bool, realised_present: bool) -> dict:
    """The figures of one document's programmes and providers, with budget against realised of its year.

    ``rows``: the document's allocations; ``budget`` / ``realised``: the allocations of the begroting
    and the jaarrekening of the same year (one of them is ``rows``); ``*_present``: whether that
    document has a programme layer at all (without one its figures are None, not 0). Returns
    ``programmes`` (slug → amount, provider ranking, taakveld sums, instrument split, clients),
    ``providers`` (slug → amount, programme breakdown with the share of each programme, instrument
    split), ``compare_programme_provider`` (programme → provider → comparison) and its mirror
    ``compare_provider_programme``, ``compare_programme`` / ``compare_provider`` (slug → comparison)
    and ``no_comparison``: the comparison of an item neither document holds.
    """
    by_programme = group_by(rows, "programme")
    by_provider = group_by(rows, "provider")
    programme_totals = {p: total(rs) for p, rs in by_programme.items()}
    programmes = {
        p: {"amount_eur": programme_totals[p], "providers": breakdown(rs, "provider", programme_totals[p]),
            "taakvelden": sums_by(rs, "taakveld"), "instruments": instrument_split(rs), "clients": clients_of(rs)}
        for p, rs in by_programme.items()
    }
    providers = {
        v: {"amount_eur": total(rs), "programmes": breakdown(rs, "programme", programme_totals), "instruments": instrument_split(rs)}
        for v, rs in by_provider.items()
    }
    pairs = compare(sums_by(budget, "programme", "provider"), sums_by(realised, "programme", "provider"), budget_present, realised_present)
    programme_provider: dict = {}
    provider_programme: dict = {}
    for (p, v), compared in pairs.items():
        programme_provider.setdefault(p, {})[v] = compared
        provider_programme.setdefault(v, {})[p] = compared
    return {
        "programmes": programmes, "providers": providers,
        "compare_programme_provider": programme_provider, "compare_provider_programme": provider_programme,
        "compare_programme": compare(sums_by(budget, "programme"), sums_by(realised, "programme"), budget_present, realised_present, by_programme),
        "compare_provider": compare(sums_by(budget, "provider"), sums_by(realised, "provider"), budget_present, realised_present, by_provider),
        "no_comparison": budget_against_realised(0, 0, budget_present, realised_present),
    }


def trend_series(records: Iterable[dict]) -> dict:
    """The trend series of every programme and provider over all documents, in one pass.

    ``programme_totals``: programme → [{year, kind, amount_eur}] by kind then year;
    ``programme_providers``: programme → [{year, kind, provider, amount_eur}] sorted;
    ``provider_themes``: provider → [{year, kind, theme, amount_eur}] sorted (rows without a theme are left out).
    """
    records = list(records)
    by_programme = group_by(records, "programme")
    themed = [r for r in records if isinstance(r["theme"], str)]
    return {
        "programme_totals": {p: document_totals(rs) for p, rs in by_programme.items()},
        "programme_providers": {p: sorted_sums(rs, "year", "kind", "provider") for p, rs in by_programme.items()},
        "provider_themes": {v: sorted_sums(rs, "year", "kind", "theme") for v, rs in group_by(themed, "provider").items()},
    }
