"""Only the scripts a page uses (issue 18): Dash's polyfill bundle and DataTable's loader are left out."""
from __future__ import annotations

import re


def test_the_page_shell_loads_no_polyfills_and_no_datatable(client):
    body = client.get("/").get_data(as_text=True)
    sources = re.findall(r'<script[^>]*src="([^"]+)"', body)
    assert any("dash_renderer" in s for s in sources) and any("dash_core_components" in s for s in sources)
    assert not [s for s in sources if "polyfill" in s or "dash_table" in s]
