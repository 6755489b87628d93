"""A page's component tree as HTML, for the first response (issue 18).

A reader should see the figures before any script has run, and without JavaScript at all: the page
shell carries the page's content as real HTML (``page_head.app_entry``). Dash renders the same tree
once its scripts have run, and a clientside callback then removes this copy (``FIRST_VIEW_ID``).

Only what the pages use is translated: ``html.*`` as their element, ``dcc.Link`` as a link,
``dcc.Graph`` as an empty box of the
chart's height (its text alternative is on the element around it, and the table beside it holds the
figures). Stores and locations have no HTML. Every text and attribute value is escaped, and ids carry
a prefix (with the references to them) so the copy and Dash's own render never share an id.
"""
from __future__ import annotations

import re
from html import escape

FIRST_VIEW_ID = "first-view"
ID_PREFIX = "fv-"

VOID = frozenset({"br", "hr", "img", "input", "wbr", "col", "source", "track", "area"})
BOOLEAN = {"hidden": "hidden", "open": "open", "disabled": "disabled", "required": "required",
           "readOnly": "readonly", "multiple": "multiple", "selected": "selected", "checked": "checked"}
RENAMED = {"className": "class", "htmlFor": "for", "html_for": "for", "colSpan": "colspan", "rowSpan": "rowspan",
           "tabIndex": "tabindex", "dateTime": "datetime", "autoComplete": "autocomplete", "maxLength": "maxlength",
           "minLength": "minlength", "accessKey": "accesskey", "contentEditable": "contenteditable", "spellCheck": "spellcheck"}
PLAIN = frozenset({"title", "role", "href", "target", "rel", "download", "lang", "scope", "headers", "name", "type",
                   "value", "placeholder", "list", "action", "method", "label", "alt", "src", "width", "height",
                   "start", "reversed", "abbr", "dir", "max", "min", "step", "pattern", "inputMode", "form"})
#: Attributes that name other ids: they carry the same prefix.
REFERENCES = frozenset({"for", "headers", "list", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                        "aria-activedescendant", "aria-details", "aria-errormessage", "aria-flowto", "form"})
NO_HTML = frozenset({("dash_core_components", "Store"), ("dash_core_components", "Location"),
                     ("dash_core_components", "Interval"), ("dash_core_components", "Download")})
DEFAULT_CHART_HEIGHT = 450
_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def to_html(node) -> str:
    """``node`` (a component, a list of them, text or a number) as HTML."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (str, int, float)):
        return escape(str(node), quote=False)
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    as_json = getattr(node, "to_plotly_json", None)
    if as_json is None:
        return ""
    spec = as_json()
    return _component(spec["namespace"], spec["type"], dict(spec["props"]))


def _component(namespace: str, kind: str, props: dict) -> str:
    if (namespace, kind) in NO_HTML:
        return ""
    if namespace == "dash_html_components":
        return _element(kind.lower(), props)
    if namespace == "dash_core_components":
        return _core(kind, props)
    return _element("div", {"children": props.get("children"), "className": props.get("className")})


def _core(kind: str, props: dict) -> str:
    if kind == "Link":
        return _element("a", {k: props.get(k) for k in ("children", "href", "className", "title", "id", "target")})
    if kind == "Graph":
        figure = props.get("figure") or {}
        layout = figure.get("layout", {}) if isinstance(figure, dict) else {}
        height = layout.get("height") if isinstance(layout.get("height"), (int, float)) else DEFAULT_CHART_HEIGHT
        classes = " ".join(filter(None, ["dash-graph", props.get("className")]))
        return _element("div", {"className": classes, "style": {"height": f"{height:g}px"}, "id": props.get("id")})
    if kind == "Input":
        return _element("input", {k: v for k, v in props.items() if k in ("id", "type", "name", "value", "placeholder", "className", "list", "autoComplete", "required", "disabled") or k.startswith(("aria-", "data-"))})
    return _element("div", {"className": props.get("className"), "id": props.get("id")})


def _element(tag: str, props: dict) -> str:
    children = props.pop("children", None)
    attributes = "".join(_attribute(name, props[name]) for name in sorted(props))  # Dash's order of props varies
    if tag in VOID:
        return f"<{tag}{attributes}>"
    inner = to_html(children)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def _attribute(name: str, value) -> str:
    if value is None or value is False:
        return ""
    if name in BOOLEAN:
        return f" {BOOLEAN[name]}" if value else ""
    if name == "id":
        return f' id="{escape(ID_PREFIX + value)}"' if isinstance(value, str) else ""  # pattern-matching ids: Dash's own
    if name == "style":
        return f' style="{escape(_style(value))}"' if isinstance(value, dict) and value else ""
    attribute = RENAMED.get(name, name if (name in PLAIN or name.startswith(("aria-", "data-"))) else None)
    if attribute is None or isinstance(value, (dict, list)):
        return ""
    text = "true" if value is True else str(value)
    if attribute in REFERENCES:
        text = " ".join(ID_PREFIX + part for part in text.split())
    elif attribute == "href":
        if _UNSAFE_URL.match(text):
            return ""
        if text.startswith("#") and len(text) > 1:
            text = "#" + ID_PREFIX + text[1:]
    return f' {attribute}="{escape(text)}"'


def _style(style: dict) -> str:
    def css_name(name: str) -> str:
        return re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), name)

    return ";".join(f"{css_name(k)}:{v}" for k, v in style.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool))
