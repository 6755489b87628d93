"""Writing and reading what comparison needs beside the Iv3 figures (``schema_compare``): regions and
classes, and per gemeentefonds circular its head counts, cluster payments and notes.

Each write is one transaction that raises the dataset version, so the comparison caches see it at once.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Engine

from dashboard.store.schema_compare import fund_note, fund_payment, fund_volume, municipality_region
from dashboard.store.writer import bump_version
from dashboard.store.writing import write_transaction

REGION_COLUMNS = [c.name for c in municipality_region.columns if c.name != "municipality"]
PAYMENT_COLUMNS = [c.name for c in fund_payment.columns]
VOLUME_COLUMNS = [c.name for c in fund_volume.columns]


def _value(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    return [{c: _value(v) for c, v in zip(columns, row)} for row in frame[columns].itertuples(index=False, name=None)]


def store_regions(engine: Engine, frame: pd.DataFrame) -> None:
    """``frame`` (index: stored name) replaces its columns for every municipality: a municipality not
    in it loses those columns' values; other columns stay as they are."""
    columns = [c for c in frame.columns if c in REGION_COLUMNS]
    with write_transaction(engine) as conn:
        conn.execute(update(municipality_region).values({c: None for c in columns}))
        existing = set(conn.execute(select(municipality_region.c.municipality)).scalars())
        for name, values in zip(frame.index, _records(frame, columns)):
            if name in existing:
                conn.execute(update(municipality_region).where(municipality_region.c.municipality == name).values(**values))
            else:
                conn.execute(insert(municipality_region).values(municipality=name, **values))
        bump_version(conn)


def store_fund(engine: Engine, payments: pd.DataFrame, volumes: pd.DataFrame, notes: pd.DataFrame) -> None:
    """Every (circular, payment year) in ``payments`` replaces that circular's payments, head counts and notes."""
    pairs = sorted({(str(c), int(y)) for c, y in payments[["circular", "payment_year"]].itertuples(index=False)})
    with write_transaction(engine) as conn:
        for table in (fund_payment, fund_volume, fund_note):
            for code, year in pairs:
                conn.execute(delete(table).where(and_(table.c.circular == code, table.c.payment_year == year)))
        conn.execute(insert(fund_payment), _records(payments, PAYMENT_COLUMNS))
        conn.execute(insert(fund_volume), _records(volumes, VOLUME_COLUMNS))
        if len(notes):
            conn.execute(insert(fund_note), _records(notes, ["circular", "payment_year", "note"]))
        bump_version(conn)


def regions(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(select(municipality_region)).all()
    return pd.DataFrame(rows, columns=["municipality", *REGION_COLUMNS]).set_index("municipality")


def fund_payments(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(select(fund_payment).order_by(*fund_payment.primary_key.columns)).all()
    return pd.DataFrame(rows, columns=PAYMENT_COLUMNS)


def fund_volumes(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(select(fund_volume)).all()
    return pd.DataFrame(rows, columns=VOLUME_COLUMNS)


def fund_notes(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(select(fund_note.c.circular, fund_note.c.payment_year, fund_note.c.note).order_by(fund_note.c.id)).all()
    return pd.DataFrame(rows, columns=["circular", "payment_year", "note"])
