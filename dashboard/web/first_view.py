"""A page's component tree as HTML, for the first response (issue 18).

A reader should see the figures before any script has run, and without JavaScript at all: the page
shell carries the page's content as real HTML (``page_head.app_entry``). Dash renders the same tree
once its scripts have run, and a clientside callback then removes this copy (``FIRST_VIEW_ID``).

Only what the pages use is translated: ``html.*`` as their element, ``dcc.Link`` as a link,
``dcc.Graph`` as the chart drawn in SVG (``figures.static_svg``) at a few widths, the page's CSS showing
the one nearest the box's width, or an empty box of the chart's height for a figure that drawing does not
know (its text alternative is on the element around it, and the table beside it holds the figures).
Stores and locations have no HTML. Every text and attribute value is escaped, and ids carry a prefix
(with the references to them) so the copy and Dash's own render never share an id.
"""
from __future__ import annotations

import re
from html import escape
from typing import NamedTuple
from zlib import crc32

from dashboard.figures.static_svg import to_svg

FIRST_VIEW_ID = "first-view"
ID_PREFIX = "fv-"
#: On a link of a block of Dash's render (``html_blocks``): assets/31-html-block.js opens it as
#: ``dcc.Link`` does, without a reload.
BLOCK_LINK_ATTRIBUTE = "data-dash-link"

VOID = frozenset({"br", "hr", "img", "input", "wbr", "col", "source", "track", "area"})
BOOLEAN = {"hidden": "hidden", "open": "open", "disabled": "disabled", "required": "required",
           "readOnly": "readonly", "multiple": "multiple", "selected": "selected", "checked": "checked"}
RENAMED = {"className": "class", "htmlFor": "for", "html_for": "for", "colSpan": "colspan", "rowSpan": "rowspan",
           "tabIndex": "tabindex", "dateTime": "datetime", "autoComplete": "autocomplete", "maxLength": "maxlength",
           "minLength": "minlength", "accessKey": "accesskey", "contentEditable": "contenteditable", "spellCheck": "spellcheck"}
PLAIN = frozenset({"title", "role", "href", "target", "rel", "download", "lang", "scope", "headers", "name", "type",
                   "value", "placeholder", "list", "action", "method", "label", "alt", "src", "width", "height",
                   "start", "reversed", "abbr", "dir", "max", "min", "step", "pattern", "inputMode", "form"})
#: Attributes that name other ids: they carry the same prefix (not ``list``: the chooser's suggestions are
#: the page shell's one datalist, outside both copies).
REFERENCES = frozenset({"for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                        "aria-activedescendant", "aria-details", "aria-errormessage", "aria-flowto", "form"})
NO_HTML = frozenset({("dash_core_components", "Store"), ("dash_core_components", "Location"),
                     ("dash_core_components", "Interval"), ("dash_core_components", "Download")})
DEFAULT_CHART_HEIGHT = 450
#: The widths the first view draws each chart at: the page's CSS (``10-dashboard.css``, container queries)
#: shows the widest that fits the chart's box, so type is never shrunk and at most a little room is left
#: at the sides (from a phone's card, 329 px, to a full-width card on a 1920 px screen, 1255 px).
CHART_WIDTHS = (320, 400, 480, 600, 700, 860, 1060, 1240)
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


class FirstView(NamedTuple):
    html: str
    #: Something on the page does nothing without Dash: a control outside a form (a callback listens to
    #: it), a component that has no HTML of its own. Without it the copy reads and works whole, and Dash's
    #: scripts can wait for the visitor (``app_factory.RENDERER``; a chart only plotly draws, an empty box
    #: here, is its business: it loads them when that box comes into view).
    needs_script: bool


def render(node) -> FirstView:
    """``node`` (a component, a list of them, text or a number) as HTML, and whether it needs script."""
    writer = _Writer()
    return FirstView(writer.html(node), writer.needs_script)


def to_html(node) -> str:
    return render(node).html


def html_of_children(node) -> str:
    """``node`` as HTML inside Dash's own render (``html_blocks``): ids as they are, and each
    ``dcc.Link`` marked (``BLOCK_LINK_ATTRIBUTE``) so that it opens its page without a reload."""
    return _Writer(id_prefix="", mark_links=True).html(node)


def component_spec(node) -> tuple[str, str, dict] | None:
    """(namespace, type, the properties set) of a Dash component, None for anything else: what
    ``to_plotly_json`` gives, read from the instance's own attributes instead of asking for each of
    the ~40 properties an html component has (a page's walk costs a third of the time)."""
    names = getattr(node, "_prop_names", None)
    if names is None or not hasattr(node, "to_plotly_json"):
        return None
    wildcards = tuple(getattr(node, "_valid_wildcard_attributes", ()))
    props = {name: value for name, value in vars(node).items()
             if name in names or (wildcards and name.startswith(wildcards))}
    return node._namespace, node._type, props


class _Writer:
    """One walk over a tree: its HTML, noting on the way what only Dash can bring to life."""

    def __init__(self, id_prefix: str = ID_PREFIX, mark_links: bool = False) -> None:
        self.needs_script = False
        self._forms = 0  # how many forms the element being written is inside
        self._prefix = id_prefix
        self._mark_links = mark_links

    def html(self, node) -> str:
        if node is None or isinstance(node, bool):
            return ""
        if isinstance(node, (str, int, float)):
            return escape(str(node), quote=False)
        if isinstance(node, (list, tuple)):
            return "".join(self.html(child) for child in node)
        spec = component_spec(node)
        if spec is None:
            return ""
        return self._component(*spec)

    def _component(self, namespace: str, kind: str, props: dict) -> str:
        if (namespace, kind) in NO_HTML:
            return ""
        if namespace == "dash_html_components":
            if kind == "Button" and not (self._forms and props.get("type", "submit") == "submit"):
                self.needs_script = True  # a button a callback listens to
            return self._element(kind.lower(), props)
        if namespace == "dash_core_components":
            return self._core(kind, props)
        self.needs_script = True
        return self._element("div", {"children": props.get("children"), "className": props.get("className")})

    def _core(self, kind: str, props: dict) -> str:
        if kind == "Link":
            link = {k: props.get(k) for k in ("children", "href", "className", "title", "id", "target")}
            if self._mark_links and not props.get("refresh"):
                link[BLOCK_LINK_ATTRIBUTE] = "1"
            return self._element("a", link)
        if kind == "Graph":
            figure = props.get("figure") or {}
            layout = figure.get("layout", {}) if isinstance(figure, dict) else {}
            height = layout.get("height") if isinstance(layout.get("height"), (int, float)) else DEFAULT_CHART_HEIGHT
            drawings = _drawings(figure, props.get("id"))
            classes = " ".join(filter(None, ["dash-graph", props.get("className"), "static-chart" if drawings else None]))
            box = self._element("div", {"className": classes, "style": {"height": f"{height:g}px"}, "id": props.get("id")})
            return box.replace("></div>", f">{drawings}</div>", 1) if drawings else box
        if kind == "Input":  # as Dash 4 draws it: the input in a box that carries its classes
            self.needs_script |= not self._forms
            box = " ".join(filter(None, ["dash-input-container dash-input", props.get("className"),
                                         "dash-input-hidden" if props.get("type") == "hidden" else None]))
            field = {k: v for k, v in props.items() if k in ("id", "type", "name", "value", "placeholder", "list", "autoComplete", "required", "disabled") or k.startswith(("aria-", "data-"))}
            return f'<div class="{escape(box)}">{self._element("input", {**field, "className": "dash-input-element"})}</div>'
        self.needs_script = True
        return self._element("div", {"className": props.get("className"), "id": props.get("id")})

    def _element(self, tag: str, props: dict) -> str:
        children = props.pop("children", None)
        attributes = "".join(_attribute(name, props[name], self._prefix) for name in sorted(props))  # Dash's order of props varies
        if tag in VOID:
            return f"<{tag}{attributes}>"
        self._forms += tag == "form"
        inner = self.html(children)
        self._forms -= tag == "form"
        return f"<{tag}{attributes}>{inner}</{tag}>"


def _drawings(figure, graph_id) -> str:
    """The chart drawn at each of ``CHART_WIDTHS`` (SVG from the server's own figure dict: no escaping
    needed beyond what ``static_svg`` does), or "" when it cannot be drawn there."""
    if not isinstance(figure, dict):
        return ""
    key = f"{crc32(repr(graph_id).encode()):08x}"
    drawings = [to_svg(figure, width, key) for width in CHART_WIDTHS]
    if any(drawing is None for drawing in drawings):
        return ""
    return "".join(drawing.replace('class="static-chart-drawing"', f'class="static-chart-drawing w{width}"', 1)
                   for width, drawing in zip(CHART_WIDTHS, drawings))


def _attribute(name: str, value, prefix: str = ID_PREFIX) -> str:
    if value is None or value is False:
        return ""
    if name in BOOLEAN:
        return f" {BOOLEAN[name]}" if value else ""
    if name == "id":
        return f' id="{escape(prefix + value)}"' if isinstance(value, str) else ""  # pattern-matching ids: Dash's own
    if name == "style":
        return f' style="{escape(_style(value))}"' if isinstance(value, dict) and value else ""
    attribute = RENAMED.get(name, name if (name in PLAIN or name.startswith(("aria-", "data-"))) else None)
    if attribute is None or isinstance(value, (dict, list)):
        return ""
    text = "true" if value is True else str(value)
    if attribute in REFERENCES:
        text = " ".join(prefix + part for part in text.split())
    elif attribute == "href":
        if UNSAFE_URL.match(text):
            return ""
        if text.startswith("#") and len(text) > 1:
            text = "#" + prefix + text[1:]
    return f' {attribute}="{escape(text)}"'


def _style(style: dict) -> str:
    def css_name(name: str) -> str:
        return re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), name)

    return ";".join(f"{css_name(k)}:{v}" for k, v in style.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool))
