"""What the store holds per layer, with its status and size: the publish page's overview and an upload's
"what would change". One row per CBS document (year, document), per municipality's programme layer of a
document, and per municipality's results, savings and learning layer.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Connection, Engine

from dashboard.store.schema import amount, document, municipality
from dashboard.store.schema_indicators import indicator, indicator_import
from dashboard.store.schema_programmes import allocation, programme, programme_layer
from dashboard.store.schema_savings import learning_layer, learning_note, savings_measure, savings_target

#: The layers, as the publish page names them (``publishing`` changes their status).
CBS, PROGRAMMES, INDICATORS, SAVINGS, LEARNING = "cbs", "programmes", "indicators", "savings", "learning"


@dataclass(frozen=True)
class StoredLayer:
    layer: str
    municipality: str | None  # None: a CBS document holds every municipality
    year: int | None
    kind: str | None  # begroting | jaarrekening (CBS and programme layers)
    status: str
    rows: int  # amounts, allocations, indicators, measures or learning notes
    themes: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        return (self.layer, self.municipality, self.year, self.kind)


def stored_layers(target: Engine | Connection) -> list[StoredLayer]:
    """Every layer in the store, CBS documents first, then per municipality (tables a store at an older
schema revision lacks are skipped, as ``publishing`` does)."""
    if isinstance(target, Engine):
        with target.connect() as conn:
            return stored_layers(conn)
    conn = target
    present = set(inspect(conn).get_table_names())  # a store at an older revision lacks the newer layers' tables
    layers = [
        StoredLayer(CBS, None, int(year), kind, status, int(rows))
        for year, kind, status, rows in conn.execute(
            select(document.c.year, document.c.kind, document.c.status, func.count(amount.c.document_id))
            .select_from(document.outerjoin(amount))
            .group_by(document.c.id, document.c.year, document.c.kind, document.c.status)
            .order_by(document.c.year, document.c.kind)
        )
    ]
    if programme_layer.name not in present:
        return layers
    programme_rows = conn.execute(
        select(programme_layer.c.id, municipality.c.name, programme_layer.c.year, programme_layer.c.kind, programme_layer.c.status,
               programme.c.theme, programme.c.slug)
        .select_from(programme_layer.join(municipality).outerjoin(allocation).outerjoin(programme))
        .order_by(municipality.c.name, programme_layer.c.year, programme_layer.c.kind)
    ).all()
    grouped: dict[int, list] = {}
    for row in programme_rows:
        grouped.setdefault(row[0], []).append(row)
    for rows in grouped.values():
        _, name, year, kind, status = rows[0][:5]
        allocated = [r for r in rows if r[6] is not None]
        layers.append(StoredLayer(PROGRAMMES, name, int(year), kind, status, len(allocated),
                                  tuple(sorted({r[5] for r in allocated})), tuple(sorted({r[6] for r in allocated}))))
    for layer, table, child, link in (
        (INDICATORS, indicator_import, indicator, indicator.c.import_id),
        (SAVINGS, savings_target, savings_measure, savings_measure.c.target_id),
        (LEARNING, learning_layer, learning_note, learning_note.c.layer_id),
    ):
        if table.name not in present or child.name not in present:
            continue
        query = (
            select(municipality.c.name, table.c.status, func.count(link))
            .select_from(table.join(municipality, table.c.municipality_id == municipality.c.id).outerjoin(child, link == table.c.id))
            .group_by(municipality.c.name, table.c.status)
            .order_by(municipality.c.name)
        )
        themes = _themes(conn, table, child, link)
        layers.extend(StoredLayer(layer, name, None, None, status, int(rows), themes.get(name, ())) for name, status, rows in conn.execute(query))
    return layers


def _themes(conn: Connection, table, child, link) -> dict[str, tuple[str, ...]]:
    query = (
        select(municipality.c.name, child.c.theme).distinct()
        .select_from(table.join(municipality, table.c.municipality_id == municipality.c.id).join(child, link == table.c.id))
    )
    out: dict[str, set[str]] = {}
    for name, theme in conn.execute(query):
        out.setdefault(name, set()).add(theme)
    return {name: tuple(sorted(themes)) for name, themes in out.items()}
