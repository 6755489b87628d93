"""The municipality chooser: a plain GET form with a searchable list, so the choice lives in the address.

A native ``<input list>`` with a ``<datalist>`` is searchable by typing, works with the keyboard and
screen readers as any text field does (``dcc.Dropdown`` is flagged by axe), and submitting it is an
ordinary navigation: the link can be shared and Back returns to the previous municipality. The names
are one ``<datalist>`` in the page shell (``names_list_html``), outside Dash's layout: not repeated on
every page, there for the server's first view too, and not 342 components Dash would watch on every
update of the page.
"""
from __future__ import annotations

from html import escape

from dash import dcc, html

from dashboard.navigation import ids
from dashboard.navigation.addresses import EMBED_PREFIX, PageRequest

#: What a chosen municipality keeps of the current address (a year may not exist for the other one).
KEPT_PARAMS = ("lang", "present", "group")


def municipality_chooser(request: PageRequest, municipality: str) -> html.Form:
    t = request.t
    path = (EMBED_PREFIX if request.embed else "") + request.path
    hidden = [
        dcc.Input(type="hidden", name=name, value=request.get(name), id=f"{ids.MUNICIPALITY_INPUT}-{name}")
        for name in KEPT_PARAMS if request.get(name)
    ]
    return html.Form(
        action=path,
        method="get",
        role="search",
        className="municipality-chooser",
        **{"aria-label": t("Choose a municipality")},
        children=[
            html.Label(t("Municipality"), htmlFor=ids.MUNICIPALITY_INPUT, className="chooser-label"),
            dcc.Input(
                id=ids.MUNICIPALITY_INPUT, name="municipality", type="text", list=ids.MUNICIPALITY_NAMES,
                placeholder=municipality, autoComplete="off", className="form-control form-control-sm chooser-input",
                debounce=True,
            ),
            *hidden,
            html.Button(t("Show"), type="submit", className="btn btn-sm btn-light chooser-submit"),
        ],
    )


def names_list_html(names: list[str]) -> str:
    """The suggestions of every chooser on the page, as HTML for the page shell."""
    options = "".join(f'<option value="{escape(name)}"></option>' for name in names)
    return f'<datalist id="{ids.MUNICIPALITY_NAMES}">{options}</datalist>'
