"""Writing validated imports: each import is one transaction, so it lands whole or not at all."""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from dashboard.domain.iv3 import NATIONAL_NAME, Iv3Import
from dashboard.store.schema import amount, dataset_version, document, municipality, population, taakveld
from dashboard.store.writing import write_transaction

CBS_SOURCE = "CBS StatLine, Iv3 (Informatie voor derden), CC BY 4.0"


def store_iv3(engine: Engine, parsed: Iv3Import, status: str = "published") -> None:
    """Replace every (year, document) in the import with its rows, atomically."""
    rows = parsed.rows
    with write_transaction(engine) as conn:
        municipality_ids = _ensure_municipalities(conn, rows)
        taakveld_ids = _ensure_taakvelden(conn, rows[["code", "name"]].drop_duplicates())
        now = datetime.now(timezone.utc)
        for (year, kind), part in rows.groupby(["year", "kind"], sort=True):
            old = conn.execute(
                select(document.c.id).where(document.c.year == int(year), document.c.kind == kind)
            ).scalar()
            if old is not None:
                conn.execute(delete(amount).where(amount.c.document_id == old))
                conn.execute(delete(document).where(document.c.id == old))
            document_id = conn.execute(
                insert(document).values(
                    year=int(year), kind=kind, status=status, source=CBS_SOURCE,
                    source_file=parsed.file.rsplit("/", 1)[-1], imported_at=now,
                )
            ).inserted_primary_key[0]
            records = [
                {
                    "document_id": document_id,
                    "municipality_id": municipality_ids[m],
                    "taakveld_id": taakveld_ids[(c, n)],
                    "lasten_eur": None if pd.isna(l) else int(l),
                    "baten_eur": None if pd.isna(b) else int(b),
                }
                for m, c, n, l, b in part[["municipality", "code", "name", "lasten_eur", "baten_eur"]].itertuples(index=False)
            ]
            for start in range(0, len(records), 20_000):
                conn.execute(insert(amount), records[start : start + 20_000])
        _store_population(conn, rows, municipality_ids)
        bump_version(conn)


def bump_version(conn: Connection) -> None:
    current = conn.execute(select(dataset_version.c.version).where(dataset_version.c.id == 1)).scalar()
    if current is None:
        conn.execute(insert(dataset_version).values(id=1, version=1))
    else:
        conn.execute(update(dataset_version).where(dataset_version.c.id == 1).values(version=current + 1))


def _ensure_municipalities(conn: Connection, rows: pd.DataFrame) -> dict[str, int]:
    existing = {name: mid for mid, name in conn.execute(select(municipality.c.id, municipality.c.name))}
    profiles = rows.drop_duplicates("municipality")[["municipality", "province", "size_class", "urbanity"]]
    for name, province, size_class, urbanity in profiles.itertuples(index=False):
        profile = {k: v for k, v in (("province", province), ("size_class", size_class), ("urbanity", urbanity)) if isinstance(v, str)}
        if name in existing:
            if profile:
                conn.execute(update(municipality).where(municipality.c.id == existing[name]).values(**profile))
        else:
            existing[name] = conn.execute(
                insert(municipality).values(name=name, is_national=(name == NATIONAL_NAME), **profile)
            ).inserted_primary_key[0]
    return existing


def _ensure_taakvelden(conn: Connection, pairs: pd.DataFrame) -> dict[tuple[str, str], int]:
    existing = {(c, n): tid for tid, c, n in conn.execute(select(taakveld.c.id, taakveld.c.code, taakveld.c.name))}
    for code, name in pairs.itertuples(index=False):
        if (code, name) not in existing:
            existing[(code, name)] = conn.execute(insert(taakveld).values(code=code, name=name)).inserted_primary_key[0]
    return existing


def _store_population(conn: Connection, rows: pd.DataFrame, ids: dict[str, int]) -> None:
    counts = rows.dropna(subset=["inhabitants"]).drop_duplicates(["municipality", "year"])
    for year, part in counts.groupby("year"):
        member_ids = [ids[m] for m in part["municipality"]]
        conn.execute(
            delete(population).where(and_(population.c.year == int(year), population.c.municipality_id.in_(member_ids)))
        )
        conn.execute(
            insert(population),
            [
                {"municipality_id": ids[m], "year": int(year), "inhabitants": int(n)}
                for m, n in part[["municipality", "inhabitants"]].itertuples(index=False)
            ],
        )
