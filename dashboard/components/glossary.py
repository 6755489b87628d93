"""Glossary terms where they appear: a link to their entry on /glossary, with the definition as a hover title."""
from __future__ import annotations

from functools import lru_cache

from dash import dcc

from dashboard.config.paths import DATA_DIR
from dashboard.domain.glossary import Term, load_glossary
from dashboard.navigation.addresses import PageRequest, href


@lru_cache(maxsize=1)
def glossary() -> dict[str, Term]:
    """The glossary file is part of the code release; read it once (immutable afterwards)."""
    return load_glossary(DATA_DIR / "glossary.csv")


def term(request: PageRequest, key: str, text: str | None = None):
    entry = glossary()[key]
    return dcc.Link(
        text or entry.name[request.lang],
        href=href("/glossary", request) + f"#{key}",
        className="glossary-term",
        title=entry.definition[request.lang],
    )
