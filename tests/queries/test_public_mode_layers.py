"""Public mode below the CBS layer: draft programme and results layers and small client counts never
leave the server — not through pages, crafted callback POSTs, chart clicks or the API. Council mode
still shows them (so each test can fail), marked "Concept"."""
from __future__ import annotations

import pytest

from dashboard.__main__ import main
from dashboard.config.settings import Settings
from dashboard.demo.load import DRAFT_PROGRAMME_LAYER
from dashboard.domain import formatting as fmt
from dashboard.store.database import open_engine
from dashboard.store.publishing import set_results_status
from dashboard.web.app_factory import create_app
from tests.helpers import render_path, render_tree, table_rows, walk, logged_in

pytestmark = pytest.mark.slow  # each test builds its own store and app in both modes (~30 s in all)

YEAR, KIND = DRAFT_PROGRAMME_LAYER
DOC = f"year={YEAR}&document={KIND}"
SMALL_DOC = "year=2023&document=jaarrekening"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('layers') / 'store.sqlite'}"
    create_app(Settings(database_url=url))  # the demo: programme layer of begroting 2026 is a draft
    assert set_results_status(open_engine(url), "draft")  # and here the results layer too
    return url


@pytest.fixture(scope="module")
def public(store_url):
    return logged_in(create_app(Settings(database_url=store_url, mode="public", language="en")))


@pytest.fixture(scope="module")
def council(store_url):
    return logged_in(create_app(Settings(database_url=store_url, mode="council", language="en")))


def _json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.data[:300])
    return response.get_json()


def draft_amounts(council) -> set[int]:
    """Every programme/provider amount of the draft layer (that is not also the CBS theme figure)."""
    programmes = [r for r in _json(council, f"/api/v1/programmes?{DOC}") if r["slug"]]
    allocations = _json(council, f"/api/v1/allocations?{DOC}")
    assert programmes and allocations and {r["status"] for r in programmes} == {"draft"}
    cbs = {r["lasten_eur"] for r in _json(council, f"/api/v1/themes?{DOC}")}
    for theme in ("vital", "young", "work", "participate"):  # a programme may hold a whole taakveld: that figure is CBS's
        cbs |= {r["cbs_lasten_eur"] for r in _json(council, f"/api/v1/programmes/taakvelden?{DOC}&theme={theme}")}
    return ({r["lasten_eur"] for r in programmes} | {r["amount_eur"] for r in allocations}) - cbs - {0}


def _shown(amounts: set[int]) -> set[str]:
    return {fmt.euro(a, "en") for a in amounts if abs(a) >= 1000}


# Draft programme layer ----------------------------------------------------------------------------


def test_api_gives_only_the_cbs_total_for_a_draft_programme_layer(public, council):
    themes = _json(public, f"/api/v1/themes?{DOC}")
    assert themes, "the CBS figures of that begroting are published"
    rows = _json(public, f"/api/v1/programmes?{DOC}")
    assert rows and all(r["slug"] is None for r in rows), "only 'not allocated to a programme' rows"
    assert {r["theme"]: r["lasten_eur"] for r in rows} == {r["theme"]: r["lasten_eur"] for r in themes}
    assert _json(public, f"/api/v1/allocations?{DOC}") == []
    assert [r for r in _json(council, f"/api/v1/programmes?{DOC}") if r["slug"]], "council sees the draft"


def test_no_api_route_returns_a_draft_amount(public, council):
    hidden = draft_amounts(council)
    urls = [
        f"/api/v1/programmes?{DOC}", f"/api/v1/allocations?{DOC}",
        f"/api/v1/programme-providers?{DOC}&theme=young", f"/api/v1/programme-providers?{DOC}&programme=youth-ambulant-care",
        f"/api/v1/programme-providers?{DOC}&provider=horizon-jeugd-ggz", f"/api/v1/programmes/instruments?{DOC}&theme=young",
        f"/api/v1/programmes/taakvelden?{DOC}&programme=youth-ambulant-care",
    ]
    for url in urls:
        for row in _json(public, url):
            assert not {v for k, v in row.items() if k.endswith("_eur")} & hidden, (url, row)
        assert council.get(url).status_code == 200
    leaked = [r for r in _json(council, f"/api/v1/programme-providers?{DOC}&theme=young") if r["amount_eur"] in hidden]
    assert leaked, "the same query in council mode returns draft amounts (the test can fail)"
    for scope in ("theme=young", "programme=youth-ambulant-care", "provider=horizon-jeugd-ggz"):
        trend = _json(public, f"/api/v1/programmes/trend?{scope}")
        assert trend and (YEAR, KIND) not in {(r["year"], r["document"]) for r in trend}, scope
        assert (YEAR, KIND) in {(r["year"], r["document"]) for r in _json(council, f"/api/v1/programmes/trend?{scope}")}
    layers = [r for r in _json(public, f"/api/v1/programmes/layers?{DOC}&theme=young") if r["year"] == YEAR]
    assert {r["layer"] for r in layers if r["amount_eur"]} == {"not allocated to a programme"}


@pytest.mark.parametrize("path", [f"/theme/young?{DOC}", f"/programme/youth-ambulant-care?{DOC}", f"/provider/horizon-jeugd-ggz?{DOC}"])
def test_crafted_page_posts_never_show_a_draft_programme_figure(public, council, path):
    shown = _shown(draft_amounts(council))
    _title, council_text = render_path(council, path)
    assert "Draft" in council_text and any(a in council_text for a in shown), "council shows the draft, marked"
    _title, text = render_path(public, path)
    assert "Draft" not in text
    assert not [a for a in shown if a in text]
    if path.startswith("/theme/"):
        assert "no published programme figures" in text
        cbs = next(r["lasten_eur"] for r in _json(public, f"/api/v1/themes?{DOC}") if r["theme"] == "Young")
        assert fmt.euro(cbs, "en") in text, "the whole CBS amount, not allocated to a programme"


def test_the_page_a_chart_click_leads_to_is_filtered(public, council):
    """A chart click only changes the address, in the browser (assets/34-navigation.js); the page
    behind it is the server's, filtered like every page of the public site."""
    target = f"/programme/youth-ambulant-care?{DOC}"
    shown = _shown(draft_amounts(council))
    assert not [a for a in shown if a in render_path(public, target)[1]]


# Draft results layer ------------------------------------------------------------------------------


def test_a_draft_results_layer_has_no_indicators_on_the_public_site(public, council):
    assert _json(public, "/api/v1/indicators") == []
    council_rows = _json(council, "/api/v1/indicators")
    assert council_rows and {r["publication_status"] for r in council_rows} == {"draft"}
    slug = council_rows[0]["slug"]
    assert public.get(f"/api/v1/indicators/values?indicator={slug}").status_code == 404
    assert _json(council, f"/api/v1/indicators/values?indicator={slug}")
    assert render_path(public, f"/indicator/{slug}")[0] == "Page not found"
    council_title, council_text = render_path(council, f"/indicator/{slug}")
    assert council_title != "Page not found" and "Draft" in council_text
    _title, index = render_path(public, "/indicators")
    assert index.count("No indicators have been imported for this theme yet.") == 4
    _title, overview = render_path(public, "/")
    _title, council_overview = render_path(council, "/")
    assert "on track" not in overview and "No indicators yet." in overview
    assert "on track" in council_overview and "Draft" in council_overview
    _title, theme = render_path(public, "/theme/young")
    assert "No indicators have been imported for this theme yet." in theme
    for row in council_rows:
        assert row["name"] not in theme and row["name"] not in index


# Small numbers ------------------------------------------------------------------------------------


def _small_programmes(council) -> list[str]:
    rows = _json(council, f"/api/v1/programme-providers?{SMALL_DOC}&theme=young") + _json(council, f"/api/v1/programme-providers?{SMALL_DOC}&theme=vital")
    programmes = sorted({r["programme"] for r in rows if r["clients"] is not None and r["clients"] < 10})
    assert programmes, "the demo has providers with fewer than 10 clients"
    return programmes


def test_api_never_returns_a_client_count_below_ten(public, council):
    council_rows = _json(council, f"/api/v1/allocations?{SMALL_DOC}")
    assert any(r["clients"] is not None and r["clients"] < 10 for r in council_rows)
    rows = _json(public, f"/api/v1/allocations?{SMALL_DOC}")
    assert all(r["clients"] is None or r["clients"] >= 10 for r in rows)
    assert any(r["suppressed"] and r["clients"] is None for r in rows)
    # finer rows never give back a suppressed count: a group with one is hidden whole
    groups: dict = {}
    for r in rows:
        groups.setdefault((r["programme"], r["provider_slug"]), []).append(r)
    for group in groups.values():
        assert len({r["suppressed"] for r in group if r["clients"] is not None or r["suppressed"]}) <= 1, group
    for scope in ("theme=young", "theme=vital", *(f"programme={p}" for p in _small_programmes(council))):
        for r in _json(public, f"/api/v1/programme-providers?{SMALL_DOC}&{scope}"):
            assert r["clients"] is None or r["clients"] >= 10, r
            if r["suppressed"]:
                assert r["clients"] is None and r["cost_per_client_eur"] is None, r
    csv = public.get(f"/api/v1/allocations?{SMALL_DOC}&format=csv").get_data(as_text=True).splitlines()
    header = csv[0].split(",")
    clients, flag = header.index("clients"), header.index("suppressed")
    suppressed_lines = [line.split(",") for line in csv[1:] if line.split(",")[flag] == "True"]
    assert suppressed_lines and all(cells[clients] == "" for cells in suppressed_lines)


def _clients_cells(client, path):
    """(clients, cost per client) cell texts of every table on the page that has both columns."""
    out = []
    for node, _ in walk(render_tree(client, path)):
        if node["type"] == "Table":
            header, body = table_rows(node)
            if "Clients" in header and "Cost per client" in header:
                i, j = header.index("Clients"), header.index("Cost per client")
                out += [(row[0], row[i], row[j]) for row in body]
    return out


def test_pages_show_small_counts_as_less_than_ten_and_hide_the_cost_and_the_total(public, council):
    for programme in _small_programmes(council):
        path = f"/programme/{programme}?{SMALL_DOC}"
        council_cells = _clients_cells(council, path)
        assert any(c.isdigit() and int(c) < 10 for _n, c, _k in council_cells), council_cells
        cells = _clients_cells(public, path)
        assert cells
        for name, count, cost in cells:
            assert count in ("< 10", "not published", "–") or int(count.replace(",", "")) >= 10, (path, name, count)
            if count in ("< 10", "not published"):
                assert cost == "–", (path, name, cost)
        total = next(c for n, c, _k in cells if n == "Total")
        assert total == "not published", "the programme total would give the suppressed provider back"
        _title, text = render_path(public, path)
        assert "To protect privacy" in text
        provider = next(r["provider"] for r in _json(council, f"/api/v1/programme-providers?{SMALL_DOC}&programme={programme}")
                        if r["clients"] is not None and r["clients"] < 10)
        provider_cells = _clients_cells(public, f"/provider/{provider}?{SMALL_DOC}")
        assert any(c == "< 10" for _n, c, _k in provider_cells)


def test_provider_effects_hide_draft_layers_and_small_counts_on_the_public_site(public, council):
    """Does it work for what it costs, per provider: no draft results layer (statuses), no draft programme
    layer (amounts), and no cost per client where the provider's count is below ten."""
    programme = _small_programmes(council)[0]
    small = next(r for r in _json(council, f"/api/v1/programme-providers?{SMALL_DOC}&programme={programme}") if r["clients"] is not None and r["clients"] < 10)
    url = f"/api/v1/savings/provider-effects?provider={small['provider']}&{SMALL_DOC}"
    council_rows, public_rows = _json(council, url), _json(public, url)
    assert [r["programme"] for r in council_rows] == [r["programme"] for r in public_rows] and programme in {r["programme"] for r in public_rows}
    assert all(r["outcome_indicators"] == [] and r["off_track"] == [] for r in public_rows)
    work = "year=2024&document=begroting"
    provider = max(_json(council, f"/api/v1/programme-providers?{work}&programme=reintegration"), key=lambda r: r["amount_eur"])["provider"]
    results_url = f"/api/v1/savings/provider-effects?provider={provider}&{work}"
    council_lights = [light for r in _json(council, results_url) for light in r["outcome_indicators"]]
    assert "outflow-to-work: off track" in council_lights  # the council sees the draft results layer
    assert all(r["outcome_indicators"] == [] and r["off_track"] == [] for r in _json(public, results_url))
    _title, text = render_path(public, f"/provider/{provider}?{work}")
    assert "Does it work for what it costs?" in text and "Off track:" not in text and "outflow" not in text.lower()
    own = next(r for r in public_rows if r["programme"] == programme)
    assert own["cost_per_client_eur"] is None
    assert next(r for r in council_rows if r["programme"] == programme)["cost_per_client_eur"] is not None
    draft = [r for r in _json(council, f"/api/v1/allocations?{DOC}") if r["amount_eur"]][0]
    draft_url = f"/api/v1/savings/provider-effects?provider={draft['provider_slug']}&{DOC}"
    assert _json(council, draft_url) and _json(public, draft_url) == []
    _title, council_text = render_path(council, f"/provider/{provider}?{work}")
    assert "Off track: Outflow" in council_text


# Publish / unpublish round trip ---------------------------------------------------------------------


def test_publish_and_unpublish_round_trip_through_the_command_line(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    create_app(Settings(database_url=url))
    monkeypatch.setenv("DATABASE_URL", url)
    public = logged_in(create_app(Settings(database_url=url, mode="public", language="en")))

    def programme_rows():
        return [r for r in _json(public, f"/api/v1/programmes?{DOC}") if r["slug"]]

    def page():
        return render_path(public, f"/theme/young?{DOC}")[1]

    assert programme_rows() == [] and "no published programme figures" in page()  # cached now
    assert main(["publish", "--year", str(YEAR), "--document", KIND]) == 0
    assert "is now published" in capsys.readouterr().out
    rows = programme_rows()
    assert rows and {r["status"] for r in rows} == {"published"}
    assert "no published programme figures" not in page(), "the version bump empties the page cache at once"
    assert next(r["programme"] for r in rows if r["theme"] == "Young") in page()
    assert main(["unpublish", "--year", str(YEAR), "--document", KIND]) == 0
    # the whole (year, document) is withdrawn: CBS figures and programme layer alike
    assert public.get(f"/api/v1/programmes?{DOC}").status_code == 404
    assert public.get(f"/api/v1/themes?{DOC}").status_code == 404
    assert render_path(public, f"/theme/young?{DOC}")[0] == "Page not found"
    assert main(["publish", "--year", str(YEAR), "--document", KIND]) == 0
    assert programme_rows() == rows
    # the results layer
    assert _json(public, "/api/v1/indicators")
    assert main(["unpublish", "--indicators"]) == 0
    assert _json(public, "/api/v1/indicators") == []
    assert main(["publish", "--indicators"]) == 0
    assert _json(public, "/api/v1/indicators")
