"""The chart-free parts of a page sent to Dash as one component each, their content as HTML (issue 18).

Dash watches every component of a page: each one subscribes to its store, and each change the browser
applies runs all their selectors (a year change on the overview: ~11 changed parts, ~100 ms of that
before plotly draws), and a new page renders every one of them in one long task. Most of a page is
text, figures and tables no callback reads or writes. Such a subtree — only HTML elements and links,
no chart, no control, no id a callback names — goes to the browser as one ``HtmlBlock``
(``assets/31-html-block.js``): its root element with its attributes, and its content as the same
escaped HTML the server's first view carries (``first_view``). A year change then sets one property
of a few blocks; links in a block still open their page without a reload, as ``dcc.Link`` does.
"""
from __future__ import annotations

from dashboard.web.first_view import BLOCK_LINK_ATTRIBUTE, UNSAFE_URL, component_spec, html_of_children

NAMESPACE = "dashboard_blocks"
TYPE = "HtmlBlock"
#: html.* components a callback or a form works through: never inside a block.
CONTROLS = frozenset({"Button", "Input", "Select", "Textarea", "Form", "Option", "Optgroup", "Iframe", "Object", "Embed", "Script"})
#: Dash's own properties of html.* components, not attributes of the element.
DASH_ONLY = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "setProps", "key"})


def live_ids(callback_map: dict) -> frozenset[str]:
    """Every id a callback of the app reads or writes (``app.callback_map``); pattern ids as Dash's JSON."""
    found: set[str] = set()
    for outputs, callback in callback_map.items():
        found.update(part.rsplit(".", 1)[0] for part in outputs.strip(".").split("...") if part)
        found.update(dependency["id"] for dependency in callback.get("inputs", []) + callback.get("state", []))
    return frozenset(found)


def to_blocks(tree, live: frozenset[str]):
    """``tree`` (the page's components) as the JSON the browser gets, every largest subtree that can be
    HTML one block. The components themselves are not changed (the page may be kept)."""
    converted, whole = _walk(tree, live)
    return _as_blocks(tree) if whole else converted


def _is_component(node) -> bool:
    return hasattr(node, "to_plotly_json")


def _walk(node, live):
    """(the JSON of ``node`` with its blocks made, whether all of ``node`` can be HTML)."""
    if node is None or isinstance(node, (str, int, float, bool)):
        return node, True
    if isinstance(node, (list, tuple)):
        walked = [_walk(item, live) for item in node]
        if all(whole for _, whole in walked):
            return list(node), True
        return [_as_blocks(item) if whole else converted for item, (converted, whole) in zip(node, walked)], False
    if not _is_component(node):
        return node, False
    namespace, kind, props = component_spec(node)
    children = props.get("children")
    converted, children_whole = _walk(children, live)
    whole = children_whole and _can_be_html(namespace, kind, props, live)
    if whole:
        return node, True
    if children is not None:
        props["children"] = _as_blocks(children) if children_whole else converted
    return {"namespace": namespace, "type": kind, "props": props}, False


def _as_blocks(whole):
    """A part that can be HTML throughout (``_walk``) as the browser gets it: each component a block."""
    if isinstance(whole, (list, tuple)):
        return [_as_blocks(item) for item in whole]
    return _block(whole) if _is_component(whole) else whole


def _can_be_html(namespace: str, kind: str, props: dict, live) -> bool:
    if namespace == "dash_core_components":
        if kind != "Link":
            return False
    elif namespace != "dash_html_components" or kind in CONTROLS:
        return False
    identifier = props.get("id")
    if identifier is not None and (not isinstance(identifier, str) or identifier in live):
        return False
    # a component in another property than children is Dash's to render
    return not any(_is_component(value) or isinstance(value, (list, tuple)) and any(map(_is_component, value))
                   for name, value in props.items() if name != "children")


def _block(node) -> dict:
    _, kind, props = component_spec(node)
    if kind == "Link":
        tag = "a"
        attributes = {name: props[name] for name in ("href", "className", "title", "id", "target", "style") if props.get(name) is not None}
        if not props.get("refresh"):
            attributes[BLOCK_LINK_ATTRIBUTE] = "1"
    else:
        tag = kind.lower()
        attributes = {name: value for name, value in props.items() if name not in DASH_ONLY and value is not None}
    if isinstance(attributes.get("href"), str) and UNSAFE_URL.match(attributes["href"]):
        del attributes["href"]
    return {"namespace": NAMESPACE, "type": TYPE,
            "props": {"tag": tag, "attributes": attributes, "html": html_of_children(props.get("children"))}}
