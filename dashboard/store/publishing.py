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

from .schema import document, metadata, municipality
from .writer import bump_version

STATUSES = ("draft", "published")


@dataclass(frozen=True)
class StatusChange:
    what: str
    rows: int


def set_document_status(engine: Engine, year: int, kind: str, status: str) -> list[StatusChange]:
    """Set the status of (year, document) in every layer that has it; [] when nothing is stored."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    changes = []
    with engine.begin() as conn:
        changed = conn.execute(update(document).where(document.c.year == year, document.c.kind == kind).values(status=status)).rowcount
        changes.append(StatusChange("CBS Iv3 figures", changed))
        layer = metadata.tables.get("programme_layer")
        if layer is not None:
            changed = conn.execute(update(layer).where(layer.c.year == year, layer.c.kind == kind).values(status=status)).rowcount
            changes.append(StatusChange("programme layers", changed))
        if not any(change.rows for change in changes):
            return []
        bump_version(conn)
    return changes


def set_results_status(engine: Engine, status: str, municipality_name: str | None = None) -> list[StatusChange]:
    """Publish or withdraw results layers (indicators, values, stories) as a whole: the one of
    ``municipality_name``, or every municipality's."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    imports = metadata.tables.get("indicator_import")
    if imports is None:
        return []
    with engine.begin() as conn:
        query = update(imports).values(status=status)
        if municipality_name is not None:
            query = query.where(imports.c.municipality_id.in_(select(municipality.c.id).where(municipality.c.name == municipality_name)))
        changed = conn.execute(query).rowcount
        if not changed:
            return []
        bump_version(conn)
    return [StatusChange("results layers (indicators)", changed)]


def set_programme_layer_status(engine: Engine, year: int, kind: str, status: str) -> list[StatusChange]:
    """Set the status of the programme layers of (year, document) only — the CBS figures keep theirs
    (e.g. CBS has published a begroting whose programme budget the municipality still prepares)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    layer = metadata.tables.get("programme_layer")
    if layer is None:
        return []
    with engine.begin() as conn:
        changed = conn.execute(update(layer).where(layer.c.year == year, layer.c.kind == kind).values(status=status)).rowcount
        if not changed:
            return []
        bump_version(conn)
    return [StatusChange("programme layers", changed)]
