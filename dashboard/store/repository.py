"""Read side of the store: small, explicit queries that return pandas frames."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from dashboard.domain.limits import AMOUNT_CEILING_EUR
from dashboard.store.schema import amount, dataset_version, document, municipality, population, taakveld

AMOUNT_COLUMNS = ["year", "kind", "code", "name", "lasten_eur", "baten_eur"]


class Repository:
    """Queries for one database. Holds only the engine; safe to share between requests."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(dataset_version.c.version)).scalar() or 0)

    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(document)).scalar() == 0

    def municipalities(self, published_only: bool = False) -> list[str]:
        """Municipality names, sorted; the national total ('Nederland') is never among them."""
        query = select(municipality.c.name).where(municipality.c.is_national.is_(False)).order_by(municipality.c.name)
        if published_only:
            published = select(amount.c.municipality_id).select_from(amount.join(document)).where(document.c.status == "published")
            query = query.where(municipality.c.id.in_(published))
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query)]

    def municipality_documents(self, published_only: bool = False) -> pd.DataFrame:
        """(municipality, year, kind) for every document with figures of that municipality (national total included)."""
        query = (
            select(municipality.c.name, document.c.year, document.c.kind).distinct()
            .select_from(amount.join(document).join(municipality))
        )
        if published_only:
            query = query.where(document.c.status == "published")
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=["municipality", "year", "kind"])

    def municipalities_by_year(self, published_only: bool = False) -> pd.DataFrame:
        """(municipality, year) pairs with stored figures: which municipalities existed when."""
        query = (
            select(municipality.c.name, document.c.year)
            .distinct()
            .select_from(amount.join(document).join(municipality))
            .where(municipality.c.is_national.is_(False))
        )
        if published_only:
            query = query.where(document.c.status == "published")
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(query).all(), columns=["municipality", "year"])

    def municipality_profile(self, name: str) -> dict | None:
        query = select(municipality).where(municipality.c.name == name)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return dict(row) if row else None

    def documents(self, published_only: bool = False) -> pd.DataFrame:
        query = select(document.c.year, document.c.kind, document.c.status, document.c.source, document.c.imported_at).order_by(
            document.c.year, document.c.kind
        )
        if published_only:
            query = query.where(document.c.status == "published")
        with self.engine.connect() as conn:
            frame = pd.DataFrame(conn.execute(query).all(), columns=["year", "kind", "status", "source", "imported_at"])
        # SQLite returns the stored UTC time without zone, PostgreSQL in the session's zone: both → UTC.
        frame["imported_at"] = pd.to_datetime(frame["imported_at"], utc=True)
        return frame

    def amounts(self, municipality_name: str, published_only: bool = False) -> pd.DataFrame:
        """Every stored Iv3 row of one municipality (or 'Nederland'), all documents (or the published ones)."""
        query = (
            select(document.c.year, document.c.kind, taakveld.c.code, taakveld.c.name, amount.c.lasten_eur, amount.c.baten_eur)
            .select_from(amount.join(document).join(taakveld).join(municipality))
            .where(municipality.c.name == municipality_name)
        )
        if published_only:
            query = query.where(document.c.status == "published")
        with self.engine.connect() as conn:
            frame = pd.DataFrame(conn.execute(query).all(), columns=AMOUNT_COLUMNS)
        return _typed(frame)

    def amounts_for_document(self, year: int, kind: str) -> pd.DataFrame:
        """Every municipality's rows of one document, for comparisons across municipalities."""
        query = (
            select(municipality.c.name, municipality.c.is_national, taakveld.c.code, taakveld.c.name, amount.c.lasten_eur, amount.c.baten_eur)
            .select_from(amount.join(document).join(taakveld).join(municipality))
            .where(document.c.year == year, document.c.kind == kind)
        )
        with self.engine.connect() as conn:
            frame = pd.DataFrame(conn.execute(query).all(), columns=["municipality", "is_national", "code", "name", "lasten_eur", "baten_eur"])
        return _bounded_amounts(frame)

    def inhabitants(self, municipality_name: str) -> dict[int, int]:
        query = select(population.c.year, population.c.inhabitants).select_from(population.join(municipality)).where(municipality.c.name == municipality_name)
        with self.engine.connect() as conn:
            return {int(y): int(n) for y, n in conn.execute(query)}


class AmountOutOfBounds(ValueError):
    """The store holds an amount no import accepts (written by hand or by an older release)."""


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["year"] = frame["year"].astype(int)
    return _bounded_amounts(frame)


def _bounded_amounts(frame: pd.DataFrame) -> pd.DataFrame:
    """Amounts as nullable int64, each within the ceiling (``domain.limits``), so that every sum of
    them is exact: a total that overflowed would come back as a large negative number."""
    for column in ("lasten_eur", "baten_eur"):
        values = frame[column].astype("Int64")
        if values.notna().any() and values.abs().max() > AMOUNT_CEILING_EUR:
            raise AmountOutOfBounds(f"the store holds a {column} beyond EUR {AMOUNT_CEILING_EUR:,}: re-import that document")
        frame[column] = values
    return frame


def population_for_year(repository: Repository, year: int) -> dict[str, int]:
    """Inhabitants of every municipality in ``year`` (CBS Inwonertal), for figures per inhabitant."""
    query = (
        select(municipality.c.name, population.c.inhabitants)
        .select_from(population.join(municipality))
        .where(population.c.year == year, municipality.c.is_national.is_(False))
    )
    with repository.engine.connect() as conn:
        return {name: int(n) for name, n in conn.execute(query)}
