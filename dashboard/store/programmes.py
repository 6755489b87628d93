"""Read and write the programme/provider layer (tables in ``schema_programmes``).

Reads return pandas frames; writes run on a connection inside the caller's transaction, so an
import lands whole or not at all.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from dashboard.domain.drilldown import ALLOCATION_COLUMNS
from dashboard.store.schema import municipality
from dashboard.store.schema_programmes import allocation, programme, programme_layer, provider

PROGRAMME_COLUMNS = ["slug", "name", "name_nl", "theme", "layer", "taakvelden", "description", "description_nl", "illustrative"]
PROVIDER_COLUMNS = ["slug", "name", "kind", "kvk", "illustrative"]
LAYER_COLUMNS = ["year", "kind", "status", "illustrative", "source_file", "imported_at"]


class ProgrammeRepository:
    """Queries for one database; holds only the engine."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def programmes(self) -> pd.DataFrame:
        query = select(*[programme.c[c] for c in PROGRAMME_COLUMNS]).order_by(programme.c.slug)
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=PROGRAMME_COLUMNS)

    def providers(self) -> pd.DataFrame:
        query = select(*[provider.c[c] for c in PROVIDER_COLUMNS]).order_by(provider.c.slug)
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=PROVIDER_COLUMNS)

    def layers(self, municipality_name: str, published_only: bool = False) -> pd.DataFrame:
        """Which (year, document) of this municipality have a programme layer, with status and flag.
        ``published_only`` (the public site): draft layers do not exist."""
        query = (
            select(*[programme_layer.c[c] for c in LAYER_COLUMNS])
            .select_from(programme_layer.join(municipality))
            .where(municipality.c.name == municipality_name)
            .order_by(programme_layer.c.year, programme_layer.c.kind)
        )
        if published_only:
            query = query.where(programme_layer.c.status == "published")
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=LAYER_COLUMNS)

    def allocations(self, municipality_name: str, published_only: bool = False) -> pd.DataFrame:
        """Every allocation of one municipality, all documents (or the published layers only);
        programme and provider as slugs."""
        query = (
            select(
                programme_layer.c.year, programme_layer.c.kind, programme.c.slug, provider.c.slug,
                allocation.c.taakveld, allocation.c.instrument, allocation.c.amount_eur, allocation.c.clients,
            )
            .select_from(
                allocation.join(programme_layer).join(municipality).join(programme).join(provider)
            )
            .where(municipality.c.name == municipality_name)
        )
        if published_only:
            query = query.where(programme_layer.c.status == "published")
        with self.engine.connect() as conn:
            frame = pd.DataFrame(conn.execute(query).all(), columns=ALLOCATION_COLUMNS)
        frame["year"] = frame["year"].astype(int)
        frame["amount_eur"] = frame["amount_eur"].astype("int64")
        frame["clients"] = frame["clients"].astype("Int64")
        return frame


def upsert_catalogue(conn: Connection, table, records: list[dict]) -> dict[str, int]:
    """Insert or update programmes/providers by slug; returns slug → id for every row in the table."""
    existing = {slug: rid for rid, slug in conn.execute(select(table.c.id, table.c.slug))}
    for record in records:
        if record["slug"] in existing:
            conn.execute(update(table).where(table.c.id == existing[record["slug"]]).values(**record))
        else:
            existing[record["slug"]] = conn.execute(insert(table).values(**record)).inserted_primary_key[0]
    return existing


def replace_layer(
    conn: Connection, municipality_id: int, year: int, kind: str, status: str, illustrative: bool, source_file: str, rows: list[dict]
) -> None:
    """Replace one municipality's (year, document) layer with ``rows`` (allocation column values)."""
    old = conn.execute(
        select(programme_layer.c.id).where(
            programme_layer.c.municipality_id == municipality_id, programme_layer.c.year == year, programme_layer.c.kind == kind
        )
    ).scalar()
    if old is not None:
        conn.execute(delete(allocation).where(allocation.c.layer_id == old))
        conn.execute(delete(programme_layer).where(programme_layer.c.id == old))
    layer_id = conn.execute(
        insert(programme_layer).values(
            municipality_id=municipality_id, year=year, kind=kind, status=status, illustrative=illustrative,
            source_file=source_file, imported_at=datetime.now(timezone.utc),
        )
    ).inserted_primary_key[0]
    if rows:
        conn.execute(insert(allocation), [{**row, "layer_id": layer_id} for row in rows])


def write_programme_layers(conn: Connection, programmes: list[dict], providers: list[dict], layers: list[dict], status: str) -> str:
    """Store a validated programme import inside the caller's transaction: the catalogues by slug, then
    each (municipality, year, document) layer replaced whole. Allocation rows name their programme and
    provider by slug; ``layers`` items hold municipality, year, kind, illustrative, source_file, rows."""
    programme_ids = upsert_catalogue(conn, programme, programmes)
    provider_ids = upsert_catalogue(conn, provider, providers)
    municipality_ids = {n: i for i, n in conn.execute(select(municipality.c.id, municipality.c.name))}
    allocations = 0
    for layer in layers:
        rows = [
            {"programme_id": programme_ids[r["programme"]], "provider_id": provider_ids[r["provider"]],
             **{k: v for k, v in r.items() if k not in ("programme", "provider")}}
            for r in layer["rows"]
        ]
        replace_layer(conn, municipality_ids[layer["municipality"]], layer["year"], layer["kind"], status,
                      layer["illustrative"], layer["source_file"], rows)
        allocations += len(rows)
    return f"{len(programmes)} programmes, {len(providers)} providers, {allocations} allocations in {len(layers)} documents ({status})"

