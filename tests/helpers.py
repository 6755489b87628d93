"""Test helpers: log in through the login form, render a page through the real Dash callback endpoint."""
from __future__ import annotations

import os
import threading
from html.parser import HTMLParser

import pytest

from sqlalchemy import MetaData, create_engine, select

from dashboard.navigation import ids
from dashboard.store.database import normalise_url
from dashboard.web import first_view, html_blocks, router
from dashboard.web.page_requests import UPDATE_PATH, payload_for
from devtools.sessions import TEST_PASSWORD, BrowserLikeClient, account_for, log_in, logged_in  # noqa: F401 (for the tests)


def render_path(client, path: str) -> tuple[str, str]:
    """POST the router callback for ``path``; return (title, all visible text in the response)."""
    body = _route(client, path)
    return body[ids.PAGE]["data"]["title"], " ".join(_texts(body[ids.PAGE]["data"]["children"]))


def _texts(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield str(node)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)
    elif isinstance(node, dict):
        props = node.get("props", {})
        if "children" in props:
            yield from _texts(props["children"])


def render_tree(client, path: str) -> dict:
    """POST the router callback for ``path``; return the page's component tree as the browser gets it."""
    return _route(client, path)[ids.PAGE]["data"]["children"]


def _route(client, path: str) -> dict:
    """The router callback's response for ``path``, posted as the browser posts it, its blocks
    (``dashboard.web.html_blocks``) read back into the components they were made of."""
    response = client.post(UPDATE_PATH, json=payload_for(path))
    assert response.status_code == 200, response.data[:500]
    body = response.get_json()["response"]
    body[ids.PAGE]["data"]["children"] = expand_blocks(body[ids.PAGE]["data"]["children"])
    return body


def expand_blocks(node):
    """A tree as the browser gets it, each block read back into component dicts (its HTML parsed)."""
    if isinstance(node, list):
        return [expand_blocks(item) for item in node]
    if not isinstance(node, dict) or "type" not in node:
        return node
    props = dict(node.get("props", {}))
    if node["type"] == html_blocks.TYPE and node.get("namespace") == html_blocks.NAMESPACE:
        parser = _BlockParser()
        parser.feed(props.get("html", ""))
        parser.close()
        root = _component_dict(props["tag"], dict(props.get("attributes", {})))
        if parser.children:
            lone_text = len(parser.children) == 1 and isinstance(parser.children[0], str)
            root["props"]["children"] = parser.children[0] if lone_text else parser.children
        return root
    if "children" in props:
        props["children"] = expand_blocks(props["children"])
    return {**node, "props": props}


_ATTRIBUTE_PROPS = {"class": "className", "for": "htmlFor", "colspan": "colSpan", "rowspan": "rowSpan", "tabindex": "tabIndex", "datetime": "dateTime"}


def _component_dict(tag: str, props: dict) -> dict:
    if tag == "a" and props.pop(first_view.BLOCK_LINK_ATTRIBUTE, None) is not None:
        return {"namespace": "dash_core_components", "type": "Link", "props": props}
    return {"namespace": "dash_html_components", "type": tag.capitalize(), "props": props}


class _BlockParser(HTMLParser):
    """A block's HTML as component dicts, as Dash's JSON has them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.children: list = []
        self._open: list[dict] = []

    def _add(self, item) -> None:
        if not self._open:
            self.children.append(item)
            return
        props = self._open[-1]["props"]
        existing = props.get("children")
        # as pages write them: a lone text as a string, elements as a list (html.Tbody([row]))
        if existing is None:
            props["children"] = item if isinstance(item, str) else [item]
        else:
            props["children"] = (existing if isinstance(existing, list) else [existing]) + [item]

    def handle_starttag(self, tag, attrs):
        props = {_ATTRIBUTE_PROPS.get(name, name): (True if value is None else value) for name, value in attrs}
        component = _component_dict(tag, props)
        self._add(component)
        if tag not in first_view.VOID:
            self._open.append(component)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        self._add(data)


def walk(node, ancestors=()):
    """Every component dict in a tree, with its ancestors (outermost first)."""
    if isinstance(node, list):
        for item in node:
            yield from walk(item, ancestors)
    elif isinstance(node, dict) and "type" in node:
        yield node, ancestors
        children = node.get("props", {}).get("children")
        if children is not None:
            yield from walk(children, ancestors + (node,))


def text_of(node) -> str:
    return " ".join(_texts(node)).strip()


def table_rows(table: dict) -> tuple[list[str], list[list[str]]]:
    """(header texts, body rows as cell texts) of an html.Table component."""
    header, body = [], []
    for node, _ in walk(table.get("props", {}).get("children")):
        if node["type"] == "Thead":
            header = [text_of(cell.get("props", {}).get("children")) for cell, _ in walk(node.get("props", {}).get("children")) if cell["type"] == "Th"]
        if node["type"] == "Tbody":
            for row in node.get("props", {}).get("children") or []:
                cells = row.get("props", {}).get("children") or []
                body.append([text_of(cell.get("props", {}).get("children")) for cell in cells])
    return header, body


def count_renders(monkeypatch) -> list[str]:
    """The paths ``router.render_page`` is asked for from now on by this thread (it still renders them;
    the background warm-up's renders are not counted)."""
    rendered: list[str] = []
    render = router.render_page
    me = threading.current_thread()

    def counting(ctx, request):
        if threading.current_thread() is me:
            rendered.append(request.path)
        return render(ctx, request)

    monkeypatch.setattr(router, "render_page", counting)
    return rendered


#: Parametrise a store fixture with this: SQLite always, PostgreSQL (slow) when ``TEST_DATABASE_URL`` names one.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


def empty_store_url(backend: str, tmp_path) -> str:
    """An empty store on ``backend``: a new SQLite file, or the emptied PostgreSQL database that
    ``TEST_DATABASE_URL`` names (skipped without one)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL=postgresql://user:pw@host/db (a database that may be emptied)")
    empty_database(url)
    return url


def empty_database(url: str) -> None:
    engine = create_engine(normalise_url(url))
    try:
        meta = MetaData()
        meta.reflect(engine)
        meta.drop_all(engine)
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: 'row for row' equality of two stores."""
    engine = create_engine(normalise_url(url))
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr) for name, table in meta.tables.items()}
    finally:
        engine.dispose()


def open_store_in_processes(url: str, count: int) -> list[str]:
    """Open the store at ``url`` from ``count`` processes at once (as gunicorn workers starting on a
    new store do); asserts each succeeded and returns their error output."""
    import subprocess
    import sys

    from dashboard.config.paths import PROJECT_ROOT

    code = "import sys; from dashboard.store.database import open_engine; open_engine(sys.argv[1]).dispose()"
    workers = [
        subprocess.Popen([sys.executable, "-c", code, url], cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    errors = [w.communicate(timeout=120)[1] for w in workers]
    assert [w.returncode for w in workers] == [0] * count, "\n".join(errors)
    return errors

