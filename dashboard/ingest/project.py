"""Project files validated whole and stored in one transaction: ``python -m dashboard import DIR`` and the staff upload (with its dry run)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from dashboard.importers.project import ImportOptions, ProjectFiles, check_project, read_project_directory
from dashboard.store.facts import StoreFacts
from dashboard.store.indicators import write_results_layer
from dashboard.store.layers import PROGRAMMES, stored_layers
from dashboard.store.programmes import write_programme_layers
from dashboard.store.savings import write_learning_layer, write_savings_layer
from dashboard.store.writer import bump_version
from dashboard.store.writing import write_transaction

#: The store's writer for each feature's records (``importers.project.FEATURE_MODULES``).
WRITERS = {
    "programmes": write_programme_layers,
    "indicators": write_results_layer,
    "savings": write_savings_layer,
    "learning": write_learning_layer,
}


@dataclass(frozen=True)
class LayerChange:
    """One layer an import writes: its rows before (None: new) and after."""

    layer: str
    municipality: str
    year: int | None
    kind: str | None
    rows_before: int | None
    status_before: str | None
    rows_after: int


@dataclass
class ProjectImport:
    directory: str
    summaries: list[str] = field(default_factory=list)
    changes: list[LayerChange] = field(default_factory=list)

    def summary(self) -> str:
        return f"imported {self.directory}: " + "; ".join(self.summaries)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so that everything it wrote is rolled back."""


def import_project_directory(engine: Engine, directory: Path, options: ImportOptions = ImportOptions()) -> ProjectImport:
    """Read and check every file of every feature present in ``directory``, then store all or nothing
    (``ImportFailed`` before anything is written)."""
    return import_project_files(engine, read_project_directory(directory), options)


def import_project_files(
    engine: Engine, files: ProjectFiles | Callable[[Connection], ProjectFiles], options: ImportOptions | None = None,
    dry_run: bool = False, audit: Callable[[Connection, ProjectImport], None] | None = None,
) -> ProjectImport:
    """Check ``files`` against the store and write them in one transaction, with ``audit`` (the event
    of who imported it) in that same transaction. ``dry_run``: the same checks and writes, then rolled
    back, so the result says exactly what the import would change while nothing is stored. ``files`` may
    be made from the store inside that transaction (an edit of a stored layer: no other writer in between)."""
    options = options or ImportOptions()
    result = ProjectImport("")
    try:
        with write_transaction(engine) as conn:  # checked against the store as it is while this import holds it
            files = files(conn) if callable(files) else files
            result.directory = files.directory
            check_project(files, StoreFacts(conn))
            before = {layer.key: layer for layer in stored_layers(conn)}
            written: set[tuple] = set()
            for file_set in files.file_sets:
                records = file_set.records(files.frames, options)
                written |= _layer_keys(file_set.name, records)
                result.summaries.append(WRITERS[file_set.name](conn, **records))
            result.changes = [
                LayerChange(layer.layer, layer.municipality, layer.year, layer.kind, old.rows if old else None, old.status if old else None, layer.rows)
                for layer in stored_layers(conn) if layer.key in written for old in [before.get(layer.key)]
            ]
            if dry_run:
                raise _DryRun
            bump_version(conn)
            if audit is not None:
                audit(conn, result)
    except _DryRun:
        pass
    return result


def _layer_keys(feature: str, records: dict) -> set[tuple]:
    """The layers (``StoredLayer.key``) a feature's records replace: a programme layer per document, else the municipality's."""
    if feature == PROGRAMMES:
        return {(PROGRAMMES, layer["municipality"], layer["year"], layer["kind"]) for layer in records["layers"]}
    return {(feature, records["municipality"], None, None)}
