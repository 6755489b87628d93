"""``python -m dashboard import DIR``: the project's own CSV files, validated whole, stored in one transaction."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from dashboard.importers.project import ImportOptions, check_project, read_project_directory
from dashboard.store.facts import StoreFacts
from dashboard.store.indicators import write_results_layer
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


@dataclass
class ProjectImport:
    directory: str
    summaries: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"imported {self.directory}: " + "; ".join(self.summaries)


def import_project_directory(engine: Engine, directory: Path, options: ImportOptions = ImportOptions()) -> ProjectImport:
    """Read and check every file of every feature present in ``directory``, then store all or nothing
    (``ImportFailed`` before anything is written)."""
    files = read_project_directory(directory)
    result = ProjectImport(files.directory)
    with write_transaction(engine) as conn:  # checked against the store as it is while this import holds it
        check_project(files, StoreFacts(conn))
        for file_set in files.file_sets:
            result.summaries.append(WRITERS[file_set.name](conn, **file_set.records(files.frames, options)))
        bump_version(conn)
    return result
