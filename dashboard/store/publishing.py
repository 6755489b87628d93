"""Publishing: datasets are ``draft`` or ``published``; the public site shows published data only.

A (year, document) is one dataset across layers: the CBS Iv3 figures and every municipality's
programme layer of that year and document. A results layer (indicators) is published as a whole,
per municipality or all at once.
Every change bumps the dataset version in the same transaction, so caches see it at once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine

from dashboard.store.schema import document, metadata, municipality
from dashboard.store.writer import bump_version
from dashboard.store.writing import write_transaction

STATUSES = ("draft", "published")


@dataclass(frozen=True)
class StatusChange:
    what: str
    rows: int


def set_document_status(engine: Engine, year: int, kind: str, status: str, audit=None) -> list[StatusChange]:
    """Set the status of (year, document) in every layer that has it; [] when nothing is stored."""
    updates = [("CBS Iv3 figures", update(document).where(document.c.year == year, document.c.kind == kind))]
    layer = metadata.tables.get("programme_layer")
    if layer is not None:
        updates.append(("programme layers", update(layer).where(layer.c.year == year, layer.c.kind == kind)))
    return _set_status(engine, status, updates, audit)


def set_results_status(engine: Engine, status: str, municipality_name: str | None = None, audit=None) -> list[StatusChange]:
    """Publish or withdraw results layers (indicators, values, stories) as a whole: the one of
    ``municipality_name``, or every municipality's."""
    return set_municipality_layer_status(engine, "indicator_import", "results layers (indicators)", status, municipality_name, audit)


def set_municipality_layer_status(engine: Engine, table_name: str, what: str, status: str, municipality_name: str | None = None, audit=None) -> list[StatusChange]:
    """Publish or withdraw a layer kept whole per municipality (``indicator_import``, ``savings_target``,
    ``learning_layer``): the one of ``municipality_name``, or every municipality's."""
    table = metadata.tables.get(table_name)
    if table is None:
        return _set_status(engine, status, [])
    query = update(table)
    if municipality_name is not None:
        query = query.where(table.c.municipality_id.in_(select(municipality.c.id).where(municipality.c.name == municipality_name)))
    return _set_status(engine, status, [(what, query)], audit)


def set_programme_layer_status(engine: Engine, year: int, kind: str, status: str, audit=None) -> list[StatusChange]:
    """Set the status of the programme layers of (year, document) only — the CBS figures keep theirs
    (e.g. CBS has published a begroting whose programme budget the municipality still prepares)."""
    layer = metadata.tables.get("programme_layer")
    if layer is None:
        return _set_status(engine, status, [])
    return _set_status(engine, status, [("programme layers", update(layer).where(layer.c.year == year, layer.c.kind == kind))], audit)


def _set_status(engine: Engine, status: str, updates: list[tuple[str, object]], audit: Callable[[Connection, list[StatusChange]], None] | None = None) -> list[StatusChange]:
    """Run the status ``updates`` in one transaction and bump the dataset version with them; [] and
    no bump when no row changed. Each change is reported per layer, also when 0 of its rows changed.
    ``audit`` records who made the change, in the same transaction."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with write_transaction(engine) as conn:
        changes = [StatusChange(what, conn.execute(query.values(status=status)).rowcount) for what, query in updates]
        if not any(change.rows for change in changes):
            return []
        bump_version(conn)
        if audit is not None:
            audit(conn, changes)
    return changes
