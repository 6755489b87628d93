"""Only the scripts a page uses (issue 18): Dash's polyfill bundle and DataTable's loader are left out; what
the page needs is there in time."""
from __future__ import annotations

import re


def test_the_page_shell_loads_no_polyfills_and_no_datatable(client):
    body = client.get("/").get_data(as_text=True)
    sources = re.findall(r'<script[^>]*src="([^"]+)"', body)
    assert any("dash_renderer" in s for s in sources) and any("dash_core_components" in s for s in sources)
    assert not [s for s in sources if "polyfill" in s or "dash_table" in s]
    # no dash-bootstrap-components either (62 KB): the selects and the grid are plain HTML with Bootstrap's classes
    assert not [s for s in sources if "bootstrap_components" in s]
    # the one part of the polyfills dcc calls, before dcc
    assert -1 < body.find("/assets/02-regenerator-runtime.min.js") < body.find("/dcc/dash_core_components")


def test_the_navigation_script_comes_before_dash_runs_and_the_icon_is_kept_a_day(client):
    """The clientside callbacks' functions (assets/34-navigation.js) must exist when Dash calls them;
    a kept icon spares a request on every view change."""
    body = client.get("/").get_data(as_text=True)
    assert -1 < body.find("/assets/34-navigation.js") < body.find("new DashRenderer")
    icon = client.get("/_favicon.ico?v=1")
    assert icon.status_code == 200 and icon.cache_control.max_age == 86400


def test_an_asset_named_with_its_change_time_is_kept_a_year_and_a_bare_one_is_asked_again(client):
    """A script fetched ahead of use (the prefetch before the visitor's first move) must not be fetched
    anew when it runs; a changed file is named anew (``?m=``), so only such names may be kept."""
    body = client.get("/").get_data(as_text=True)
    named = re.search(r'"(/assets/01-plotly-dashboard\.min\.js\?m=[^"]+)"', body).group(1)
    kept = client.get(named)
    assert kept.status_code == 200 and kept.cache_control.max_age == 31536000 and kept.cache_control.immutable
    bare = client.get("/assets/01-plotly-dashboard.min.js")
    assert bare.status_code == 200 and bare.cache_control.max_age != 31536000 and not bare.cache_control.immutable


def test_a_page_that_works_without_script_says_so_and_one_that_does_not_is_not_marked(client):
    """Dash's scripts wait for the visitor only where the copy works whole (``RENDERER``): the overview's
    links and forms are plain HTML; the meeting slides have a button a callback listens to."""
    shell = re.compile(r'<div id="first-view"( data-whole)?>')
    assert shell.search(client.get("/").get_data(as_text=True)).group(1)
    assert shell.search(client.get("/theme/young").get_data(as_text=True)).group(1)
    assert not shell.search(client.get("/present").get_data(as_text=True)).group(1)
