"""The results layer in the store: one municipality's indicators, targets, values and stories read as plain
Python values, and a validated import written in the caller's transaction."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection, Engine

from dashboard.domain.indicators import IndicatorInfo
from dashboard.domain.traffic_light import Observation, Period, Target
from dashboard.store.schema import municipality as municipality_table
from dashboard.store.schema_indicators import indicator, indicator_import, indicator_target, indicator_value, story

INFO_FIELDS = [f for f in IndicatorInfo.__dataclass_fields__ if f != "status"]


class IndicatorRepository:
    """Queries for one database and one municipality's results layer; holds only the engine and the
    name. ``published_only`` (the public site): every query sees the layer only while its import is
    published — no indicator, target, value or story of a draft leaves the store."""

    def __init__(self, engine: Engine, municipality: str, published_only: bool = False):
        self.engine = engine
        self.municipality = municipality
        self.published_only = published_only

    def _published(self, query):
        """Restrict ``query`` (which selects from ``indicator_import``) to this municipality's layer, published on the public site."""
        query = query.where(indicator_import.c.municipality_id == _municipality_id(self.municipality))
        return query.where(indicator_import.c.status == "published") if self.published_only else query

    def catalogue(self) -> tuple[IndicatorInfo, ...]:
        columns = [indicator.c[name] for name in INFO_FIELDS]
        query = select(*columns, indicator_import.c.status).select_from(indicator.join(indicator_import)).order_by(indicator.c.slug)
        query = self._published(query)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return tuple(IndicatorInfo(*row[:-1], status=row[-1]) for row in rows)

    def imported_at(self):
        """When the (visible) results layer was imported; None without one."""
        query = self._published(select(func.max(indicator_import.c.imported_at)))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def targets(self) -> dict[str, dict[int, Target]]:
        query = select(indicator.c.slug, indicator_target.c.year, indicator_target.c.minimum, indicator_target.c.maximum).select_from(
            indicator_target.join(indicator).join(indicator_import)
        )
        query = self._published(query)
        out: dict[str, dict[int, Target]] = {}
        with self.engine.connect() as conn:
            for slug, year, minimum, maximum in conn.execute(query):
                out.setdefault(slug, {})[int(year)] = Target(minimum, maximum)
        return out

    def observations(self) -> dict[str, tuple[tuple[Observation, str | None], ...]]:
        """Slug → ((observation, note), ...) oldest first."""
        query = (
            select(indicator.c.slug, indicator_value.c.year, indicator_value.c.quarter, indicator_value.c.value, indicator_value.c.note)
            .select_from(indicator_value.join(indicator).join(indicator_import))
            .order_by(indicator.c.slug, indicator_value.c.year, indicator_value.c.quarter)
        )
        query = self._published(query)
        out: dict[str, list] = {}
        with self.engine.connect() as conn:
            for slug, year, quarter, value, note in conn.execute(query):
                out.setdefault(slug, []).append((Observation(Period(int(year), int(quarter)), float(value)), note))
        return {slug: tuple(rows) for slug, rows in out.items()}

    def stories(self) -> tuple[dict, ...]:
        columns = ["indicator", "programme", "date", "title", "text", "author", "voice", "language"]
        query = select(*[story.c[c] for c in columns]).select_from(story.join(indicator_import)).order_by(story.c.date, story.c.id)
        query = self._published(query)
        with self.engine.connect() as conn:
            return tuple({**dict(zip(columns, row)), "date": _as_date(row[2])} for row in conn.execute(query))


def municipalities_with_layer(engine: Engine, published_only: bool = False) -> tuple[str, ...]:
    """Names of the municipalities that have a results layer (a published one when ``published_only``)."""
    query = select(municipality_table.c.name).select_from(
        indicator_import.join(municipality_table, indicator_import.c.municipality_id == municipality_table.c.id)
    )
    if published_only:
        query = query.where(indicator_import.c.status == "published")
    with engine.connect() as conn:
        return tuple(sorted(name for (name,) in conn.execute(query)))


def _municipality_id(name: str):
    """The municipality's id as a scalar subquery (no id: no rows)."""
    return select(municipality_table.c.id).where(municipality_table.c.name == name).scalar_subquery()


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def write_results_layer(
    conn: Connection, municipality: str, status: str, illustrative: bool, source: str,
    indicators: list[dict], targets: list[dict], values: list[dict], stories: list[dict],
) -> str:
    """Replace ``municipality``'s results layer; deleting the old import removes its indicators, targets,
    values and stories (ON DELETE CASCADE). Targets and values name their indicator by slug."""
    municipality_id = conn.execute(select(municipality_table.c.id).where(municipality_table.c.name == municipality)).scalar_one()
    conn.execute(delete(indicator_import).where(indicator_import.c.municipality_id == municipality_id))
    import_id = conn.execute(
        insert(indicator_import).values(
            municipality_id=municipality_id, status=status, illustrative=illustrative, source=source, imported_at=datetime.now(timezone.utc)
        )
    ).inserted_primary_key[0]
    ids = {row["slug"]: conn.execute(insert(indicator).values(import_id=import_id, **row)).inserted_primary_key[0] for row in indicators}
    target_rows = [{"indicator_id": ids[r["indicator"]], **{k: v for k, v in r.items() if k != "indicator"}} for r in targets]
    value_rows = [{"indicator_id": ids[r["indicator"]], **{k: v for k, v in r.items() if k != "indicator"}} for r in values]
    story_rows = [{"import_id": import_id, **r} for r in stories]
    for table, rows in ((indicator_target, target_rows), (indicator_value, value_rows), (story, story_rows)):
        if rows:
            conn.execute(insert(table), rows)
    flag = ", illustrative" if illustrative else ""
    return f"{municipality}: {len(indicators)} indicators, {len(targets)} targets, {len(values)} values, {len(stories)} stories ({status}{flag})"



def read_results_layer(conn: Connection, municipality: str) -> dict | None:
    """``municipality``'s stored results layer as the keyword arguments ``write_results_layer`` takes
    (the inverse of that write), so a small edit can go through the importer's checks and write again;
    None without a layer."""
    layer = conn.execute(
        select(indicator_import).where(indicator_import.c.municipality_id == _municipality_id(municipality))
    ).mappings().first()
    if layer is None:
        return None
    fields = [c.name for c in indicator.columns if c.name not in ("id", "import_id")]
    rows = conn.execute(select(indicator).where(indicator.c.import_id == layer["id"]).order_by(indicator.c.id)).mappings().all()
    slugs = {row["id"]: row["slug"] for row in rows}

    def owned(table, order):
        query = select(table).join(indicator).where(indicator.c.import_id == layer["id"]).order_by(*order)
        return [{"indicator": slugs[r["indicator_id"]], **{k: v for k, v in r.items() if k != "indicator_id"}} for r in conn.execute(query).mappings()]

    story_fields = [c.name for c in story.columns if c.name not in ("id", "import_id")]
    stories = conn.execute(select(story).where(story.c.import_id == layer["id"]).order_by(story.c.id)).mappings().all()
    return {
        "municipality": municipality, "status": layer["status"], "illustrative": bool(layer["illustrative"]), "source": layer["source"],
        "indicators": [{f: row[f] for f in fields} for row in rows],
        "targets": owned(indicator_target, (indicator_target.c.indicator_id, indicator_target.c.year)),
        "values": owned(indicator_value, (indicator_value.c.indicator_id, indicator_value.c.year, indicator_value.c.quarter)),
        "stories": [{**{f: row[f] for f in story_fields}, "date": _as_date(row["date"])} for row in stories],
    }
