"""What an import's cross-file checks must know of the store, read on one connection: the municipalities
(their CBS figures were imported), the taakvelden CBS has per document, the programmes and providers.

The importers describe what they need (``importers.project.KnownInStore``); this answers it, so the two
rooms never import each other (``dashboard.ingest`` hands one to the other).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from dashboard.store.schema import amount, document, municipality, taakveld
from dashboard.store.schema_indicators import indicator, indicator_import
from dashboard.store.schema_programmes import programme, provider


class StoreFacts:
    def __init__(self, conn: Connection):
        self.conn = conn

    def municipalities(self) -> set[str]:
        """Names of the municipalities in the store (never the national total)."""
        return {n for (n,) in self.conn.execute(select(municipality.c.name).where(municipality.c.is_national.is_(False)))}

    def taakveld_codes(self, names: list[str]) -> dict[tuple[str, int, str], set[str]]:
        """(municipality, year, document) → the taakveld codes CBS has for it in the store."""
        if not names:
            return {}
        query = (
            select(municipality.c.name, document.c.year, document.c.kind, taakveld.c.code)
            .select_from(amount.join(document).join(taakveld).join(municipality))
            .where(municipality.c.name.in_(names))
        )
        result: dict[tuple[str, int, str], set[str]] = {}
        for name, yr, kind, code in self.conn.execute(query):
            result.setdefault((name, int(yr), kind), set()).add(code)
        return result

    def programme_themes(self) -> dict[str, str]:
        """Programme slug → theme name, as stored."""
        return {s: t for s, t in self.conn.execute(select(programme.c.slug, programme.c.theme))}

    def provider_slugs(self) -> set[str]:
        return {s for (s,) in self.conn.execute(select(provider.c.slug))}

    def indicator_slugs(self, name: str) -> set[str]:
        """The indicators of ``name``'s results layer, as stored."""
        query = (
            select(indicator.c.slug)
            .select_from(indicator.join(indicator_import).join(municipality, indicator_import.c.municipality_id == municipality.c.id))
            .where(municipality.c.name == name)
        )
        return {s for (s,) in self.conn.execute(query)}
