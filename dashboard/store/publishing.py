"""Publishing: datasets are ``draft`` or ``published``; the public site shows published data only.

A (year, document) is one dataset across layers: the CBS Iv3 figures and every municipality's
programme layer of that year and document. A results layer (indicators) is published as a whole,
per municipality or all at once.
Every change bumps the dataset version in the same transaction, so caches see it at once.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from dashboard.store.schema import document, metadata, municipality
from dashboard.store.writer import bump_version
from dashboard.store.writing import write_transaction

STATUSES = ("draft", "published")


@dataclass(frozen=True)
class StatusChange:
    what: str
    rows: int


def set_document_status(engine: Engine, year: int, kind: str, status: str) -> list[StatusChange]:
    """Set the status of (year, document) in every layer that has it; [] when nothing is stored."""
    updates = [("CBS Iv3 figures", update(document).where(document.c.year == year, document.c.kind == kind))]
    layer = metadata.tables.get("programme_layer")
    if layer is not None:
        updates.append(("programme layers", update(layer).where(layer.c.year == year, layer.c.kind == kind)))
    return _set_status(engine, status, updates)


def set_results_status(engine: Engine, status: str, municipality_name: str | None = None) -> list[StatusChange]:
    """Publish or withdraw results layers (indicators, values, stories) as a whole: the one of
    ``municipality_name``, or every municipality's."""
    imports = metadata.tables.get("indicator_import")
    if imports is None:
        return _set_status(engine, status, [])
    query = update(imports)
    if municipality_name is not None:
        query = query.where(imports.c.municipality_id.in_(select(municipality.c.id).where(municipality.c.name == municipality_name)))
    return _set_status(engine, status, [("results layers (indicators)", query)])


def set_programme_layer_status(engine: Engine, year: int, kind: str, status: str) -> list[StatusChange]:
    """Set the status of the programme layers of (year, document) only — the CBS figures keep theirs
    (e.g. CBS has published a begroting whose programme budget the municipality still prepares)."""
    layer = metadata.tables.get("programme_layer")
    if layer is None:
        return _set_status(engine, status, [])
    return _set_status(engine, status, [("programme layers", update(layer).where(layer.c.year == year, layer.c.kind == kind))])


def _set_status(engine: Engine, status: str, updates: list[tuple[str, object]]) -> list[StatusChange]:
    """Run the status ``updates`` in one transaction and bump the dataset version with them; [] and
    no bump when no row changed. Each change is reported per layer, also when 0 of its rows changed."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with write_transaction(engine) as conn:
        changes = [StatusChange(what, conn.execute(query.values(status=status)).rowcount) for what, query in updates]
        if not any(change.rows for change in changes):
            return []
        bump_version(conn)
    return changes
