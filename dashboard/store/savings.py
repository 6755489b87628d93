"""The savings layer and the learning loop in the store: one municipality's target, measures, ambitions
and notes read as domain values, and validated imports written in the caller's transaction.

``published_only`` (the public site): a draft layer does not exist — no row of it leaves the store.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

from dashboard.domain.learning import LearningNote
from dashboard.domain.savings import Measure, SavingsTarget
from dashboard.store.schema import municipality as municipality_table
from dashboard.store.schema_savings import (
    ambition,
    learning_layer,
    learning_note,
    savings_measure,
    savings_measure_indicator,
    savings_measure_year,
    savings_split,
    savings_target,
)


class SavingsRepository:
    """Queries for one database and one municipality; holds only the engine, the name and the mode."""

    def __init__(self, engine: Engine, municipality: str, published_only: bool = False):
        self.engine = engine
        self.municipality = municipality
        self.published_only = published_only

    def _visible(self, query, layer):
        query = query.where(layer.c.municipality_id == _municipality_id(self.municipality))
        return query.where(layer.c.status == "published") if self.published_only else query

    def target(self) -> SavingsTarget | None:
        columns = [savings_target.c[c] for c in ("id", "total_eur", "start_year", "end_year", "illustrative", "status", "name", "name_nl")]
        with self.engine.connect() as conn:
            row = conn.execute(self._visible(select(*columns), savings_target)).first()
            if row is None:
                return None
            split = {
                (theme, int(year)): int(euros)
                for theme, year, euros in conn.execute(
                    select(savings_split.c.theme, savings_split.c.year, savings_split.c.amount_eur).where(savings_split.c.target_id == row.id)
                )
            }
        return SavingsTarget(
            self.municipality, int(row.total_eur), int(row.start_year), int(row.end_year), split, bool(row.illustrative), row.status, row.name, row.name_nl
        )

    def measures(self) -> tuple[Measure, ...]:
        names = ["id", "slug", "name", "name_nl", "theme", "programmes", "provider", "kind", "status", "owner", "description", "description_nl", "illustrative"]
        query = self._visible(select(*[savings_measure.c[c] for c in names]).select_from(savings_measure.join(savings_target)), savings_target)
        with self.engine.connect() as conn:
            rows = [dict(zip(names, r)) for r in conn.execute(query.order_by(savings_measure.c.id))]
            ids = [r["id"] for r in rows]
            years: dict[int, list] = {}
            for mid, year, expected, realised in conn.execute(
                select(savings_measure_year.c.measure_id, savings_measure_year.c.year, savings_measure_year.c.expected_eur, savings_measure_year.c.realised_eur)
                .where(savings_measure_year.c.measure_id.in_(ids))
                .order_by(savings_measure_year.c.year)
            ):
                years.setdefault(mid, []).append((int(year), int(expected), None if realised is None else int(realised)))
            links: dict[int, list] = {}
            for mid, slug in conn.execute(
                select(savings_measure_indicator.c.measure_id, savings_measure_indicator.c.indicator).where(savings_measure_indicator.c.measure_id.in_(ids))
            ):
                links.setdefault(mid, []).append(slug)
        return tuple(
            Measure(
                slug=r["slug"],
                name=r["name"],
                name_nl=r["name_nl"],
                theme=r["theme"],
                kind=r["kind"],
                status=r["status"],
                expected={y: e for y, e, _ in years.get(r["id"], ())},
                realised={y: x for y, _, x in years.get(r["id"], ()) if x is not None},
                programmes=tuple(r["programmes"].split()),
                provider=r["provider"],
                owner=r["owner"],
                indicators=tuple(sorted(links.get(r["id"], ()))),
                description=r["description"],
                description_nl=r["description_nl"],
                illustrative=bool(r["illustrative"]),
            )
            for r in rows
        )

    def learning(self) -> tuple[dict[str, tuple[str, str | None]], tuple[LearningNote, ...], dict | None]:
        """(theme → (ambition, Dutch ambition), notes oldest first, the layer's status and flag) — empty without a layer."""
        with self.engine.connect() as conn:
            layer = conn.execute(self._visible(select(learning_layer.c.id, learning_layer.c.status, learning_layer.c.illustrative), learning_layer)).first()
            if layer is None:
                return {}, (), None
            ambitions = {
                theme: (text, text_nl)
                for theme, text, text_nl in conn.execute(select(ambition.c.theme, ambition.c.text, ambition.c.text_nl).where(ambition.c.layer_id == layer.id))
            }
            names = ["date", "theme", "saw", "learned", "decision", "author", "programmes", "indicators", "language"]
            notes = tuple(
                LearningNote(**{**dict(zip(names, r)), "date": _as_date(r[0]), "programmes": tuple(r[6].split()), "indicators": tuple(r[7].split())})
                for r in conn.execute(
                    select(*[learning_note.c[c] for c in names]).where(learning_note.c.layer_id == layer.id).order_by(learning_note.c.date, learning_note.c.id)
                )
            )
        return ambitions, notes, {"status": layer.status, "illustrative": bool(layer.illustrative)}


def _municipality_id(name: str):
    return select(municipality_table.c.id).where(municipality_table.c.name == name).scalar_subquery()


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _replace(conn: Connection, table, municipality: str, **values) -> int:
    """Delete ``municipality``'s row of ``table`` (its children go with it) and insert the new one; returns its id."""
    municipality_id = conn.execute(select(municipality_table.c.id).where(municipality_table.c.name == municipality)).scalar_one()
    conn.execute(delete(table).where(table.c.municipality_id == municipality_id))
    return conn.execute(insert(table).values(municipality_id=municipality_id, imported_at=datetime.now(UTC), **values)).inserted_primary_key[0]


def write_savings_layer(
    conn: Connection, municipality: str, status: str, source: str, target: dict, split: list[dict], measures: list[dict], years: list[dict], links: list[dict]
) -> str:
    """Replace ``municipality``'s savings target and measures; years and links name their measure by slug."""
    target_id = _replace(conn, savings_target, municipality, status=status, source=source, **target)
    ids = {m["slug"]: conn.execute(insert(savings_measure).values(target_id=target_id, **m)).inserted_primary_key[0] for m in measures}
    rows = (
        (savings_split, [{"target_id": target_id, **r} for r in split]),
        (savings_measure_year, [{"measure_id": ids[r["measure"]], **{k: v for k, v in r.items() if k != "measure"}} for r in years]),
        (savings_measure_indicator, [{"measure_id": ids[r["measure"]], "indicator": r["indicator"]} for r in links]),
    )
    for table, values in rows:
        if values:
            conn.execute(insert(table), values)
    flag = ", illustrative" if target["illustrative"] else ""
    return (
        f"{municipality}: savings target of {target['total_eur']} euros {target['start_year']}-{target['end_year']}, {len(measures)} measures ({status}{flag})"
    )


def write_learning_layer(conn: Connection, municipality: str, status: str, illustrative: bool, source: str, ambitions: list[dict], notes: list[dict]) -> str:
    """Replace ``municipality``'s learning loop: ambitions per theme and learning notes."""
    layer_id = _replace(conn, learning_layer, municipality, status=status, illustrative=illustrative, source=source)
    for table, values in ((ambition, ambitions), (learning_note, notes)):
        if values:
            conn.execute(insert(table), [{"layer_id": layer_id, **v} for v in values])
    flag = ", illustrative" if illustrative else ""
    return f"{municipality}: {len(ambitions)} ambitions, {len(notes)} learning notes ({status}{flag})"
