"""Every chart and data table on the drill-down and indicator pages has "Download data (CSV)" and
"About this figure", and each download gives exactly the rows of the table shown beside it."""
from __future__ import annotations

import csv
import io
import re

import pytest

from devtools.page_catalogue import example_paths
from tests.helpers import render_tree, table_rows, text_of, walk

#: Page types whose every chart and table must carry a download and "about" (issue 5).
PAGE_TYPES = ("overview", "overview-jaarrekening", "theme", "programme", "provider", "indicator", "indicators")
EURO = re.compile(r"([+−-]?)€([\d,]+)")


def _classes(node) -> str:
    return node.get("props", {}).get("className") or ""


def _blocks(tree):
    """(section, tables, download href, has about) for every section holding a chart or a table."""
    found = []
    for node, ancestors in walk(tree):
        if node["type"] == "Table":
            section = next((a for a in reversed(ancestors) if a["type"] in ("Section",)), None)
            found.append((node, section))
    return found


def _footer(section):
    links = [n for n, _ in walk(section) if n["type"] == "A" and "download-link" in _classes(n)]
    about = [n for n, _ in walk(section) if n["type"] == "Details" and "about-figure" in _classes(n)]
    return links, about


def _euros(text: str) -> list[int]:
    return [(-1 if sign in "−-" and sign else 1) * int(digits.replace(",", "")) for sign, digits in EURO.findall(text)]


@pytest.fixture(scope="module")
def pages(demo_context):
    return [(name, path) for name, path in example_paths(demo_context.service, demo_context.settings.municipality) if name in PAGE_TYPES]


def test_every_chart_and_table_has_a_download_and_about(client, pages):
    assert {name for name, _ in pages} == set(PAGE_TYPES)
    for name, path in pages:
        tree = render_tree(client, path)
        graphs = [n for n, _ in walk(tree) if n["type"] == "Graph"]
        tables = _blocks(tree)
        assert tables, f"{name}: no tables found"
        for table, section in tables:
            assert section is not None, f"{name}: a table outside a section"
            links, about = _footer(section)
            heading = text_of(next((n for n, _ in walk(section) if n["type"] in ("H2", "H3")), {}))
            assert len(links) == 1, f"{name} / {heading}: one download link, found {len(links)}"
            assert about, f"{name} / {heading}: no 'About this figure'"
            facts = text_of(about[0])
            for label in ("Source", "Definition", "Document", "Imported"):
                assert label in facts, f"{name} / {heading}: 'about' lacks {label}"
        for graph in graphs:
            section = next((s for t, s in tables if s is not None and any(n is graph for n, _ in walk(s))), None)
            assert section is not None, f"{name}: chart {graph['props'].get('id')} has no table/download/about beside it"


def test_each_download_is_a_csv_with_the_rows_of_its_table(client, pages):
    checked = 0
    for name, path in pages:
        for table, section in _blocks(render_tree(client, path)):
            (link,), _about = _footer(section)
            href = link["props"]["href"]
            response = client.get(href)
            assert response.status_code == 200, (name, href, response.data[:200])
            assert response.mimetype == "text/csv", (name, href)
            records = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
            header, body = table_rows(table)
            body = [row for row in body if not row[0].startswith("Total")]
            keep = [i for i, h in enumerate(header) if h != "Total"]
            shown = [e for row in body for i in keep if i < len(row) for e in _euros(row[i])]
            assert body and records, (name, href)
            if shown:  # money tables: every amount in the table is in the file, and every row of the file in the table
                values = {round(float(v)) for r in records for k, v in r.items() if k.endswith("_eur") and v not in ("", None)}
                assert set(shown) <= values, (name, href, sorted(set(shown) - values)[:5])
                main = next(k for k in records[0] if k.endswith("_eur"))
                assert {int(r[main]) for r in records} <= set(shown), (name, href, main)
            else:  # indicator tables: one row in the file per row in the table
                assert len(records) == len(body), (name, href, len(records), len(body))
            checked += 1
    assert checked >= 15
