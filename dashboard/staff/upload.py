"""Upload a file set (editors and admins): CSV files or one Excel workbook, a dry run, then the import.

The dry run reads and checks the files exactly as ``python -m dashboard import`` does and lists every
problem, or what the import would change; nothing is stored until the editor confirms. The confirmed
import is checked again against the store as it then is, written as a draft in one transaction, and is an
audit event in that same transaction.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import flask
from flask import Blueprint, request

from dashboard.config.settings import max_import_bytes
from dashboard.domain.access import require
from dashboard.importers.problems import ImportFailed, report
from dashboard.importers.project import ImportOptions, ProjectFiles, file_set_named, file_sets, read_file_set
from dashboard.importers.workbook import WORKBOOK_SUFFIX, located, read_workbook
from dashboard.ingest.project import ProjectImport, import_project_files
from dashboard.staff.kept_uploads import KeptUpload, discard, keep, kept, new_upload_directory
from dashboard.staff.page import app_context, render, translator
from dashboard.staff.session import client_address, current_role, current_visitor
from dashboard.store.audit import record
from dashboard.store.writing import WriterBusy

#: Paths whose request bodies may be as large as an import file (``web.request_guard``).
UPLOAD_PATHS = ("/upload",)
SHOWN = "upload"  # the directory name the importers put before a file name (``workbook.located`` removes it)
WORKBOOK_FILE = "workbook.xlsx"  # the kept copy's name; messages use the uploaded name

FORM = """
<p>{{ t("Choose the file set, then its CSV files (separated by semicolons, one per file) or one Excel workbook with a sheet per file. First you see every problem or what would change; nothing is stored until you confirm. An import is stored as a draft: an admin publishes it.") }}</p>
<form method="post" action="/upload{{ lang_query }}" enctype="multipart/form-data">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}">
<fieldset class="mb-3"><legend>{{ t("File set") }}</legend>
{% for fs in sets %}<div class="form-check"><input class="form-check-input" type="radio" name="file_set" id="fs-{{ fs.name }}" value="{{ fs.name }}"{% if fs.name == chosen %} checked{% endif %} required>
<label class="form-check-label" for="fs-{{ fs.name }}">{{ t(fs.name) }}: {{ fs.tables | map(attribute="file_name") | join(", ") }}</label>
<a href="/templates/{{ fs.name }}.xlsx">{{ t("Excel template") }}</a></div>{% endfor %}
</fieldset>
<p><label for="files">{{ t("Files (.csv or one .xlsx)") }}</label><br><input id="files" name="files" type="file" multiple accept=".csv,.xlsx" required></p>
<p><button type="submit" class="btn btn-primary">{{ t("Check the files") }}</button></p>
</form>
"""

PREVIEW = """
<p>{{ t("No problems found. This is what the import would change:") }}</p>
<ul>{% for line in summaries %}<li>{{ line }}</li>{% endfor %}</ul>
<div class="table-responsive" tabindex="0"><table class="table table-sm"><thead><tr><th scope="col">{{ t("Layer") }}</th><th scope="col">{{ t("Municipality") }}</th><th scope="col">{{ t("Document") }}</th>
<th scope="col">{{ t("Rows now") }}</th><th scope="col">{{ t("Rows after the import") }}</th></tr></thead>
<tbody>{% for c in changes %}<tr><td>{{ t(c.layer) }}</td><td>{{ c.municipality }}</td><td>{{ (t(c.kind) ~ " " ~ c.year) if c.year else "" }}</td>
<td>{% if c.rows_before is none %}{{ t("new") }}{% else %}{{ t("{rows} ({status}), replaced", rows=c.rows_before, status=t(c.status_before)) }}{% endif %}</td><td>{{ c.rows_after }} ({{ t("draft") }})</td></tr>{% endfor %}</tbody></table></div>
<form method="post" action="/upload/confirm{{ lang_query }}">
<input type="hidden" name="{{ csrf_field }}" value="{{ csrf }}"><input type="hidden" name="token" value="{{ token }}">
<p><button type="submit" class="btn btn-primary">{{ t("Import as draft") }}</button> <a href="/upload">{{ t("Cancel") }}</a></p>
</form>
"""

DONE = """
<ul>{% for line in summaries %}<li>{{ line }}</li>{% endfor %}</ul>
<p><a href="/upload">{{ t("Upload another file set") }}</a>{% if may_publish %} · <a href="/publish">{{ t("Publish") }}</a>{% endif %}</p>
"""


def register(staff: Blueprint, settings) -> None:
    @staff.get("/upload")
    def upload():
        require(current_role(), "import")
        t = translator()
        return render(t("Upload data"), FORM, sets=file_sets(), chosen=request.args.get("set", ""))

    @staff.post("/upload")
    def upload_post():
        require(current_role(), "import")
        t = translator()
        file_set = file_set_named(request.form.get("file_set", ""))
        if file_set is None:
            return _form(400, [t("Choose one of the file sets.")])
        uploads = [f for f in request.files.getlist("files") if f and f.filename]
        problems = _refusals(file_set, uploads)
        if problems:
            return _form(400, problems, file_set.name)
        token, directory = new_upload_directory()
        names = [Path(f.filename).name[:120] for f in uploads]
        workbook = names[0] if names[0].lower().endswith(WORKBOOK_SUFFIX) else None
        for upload_file, name in zip(uploads, names):
            upload_file.save(directory / (WORKBOOK_FILE if workbook else name))
        upload_ = KeptUpload(token, directory, file_set.name, workbook, tuple(names), current_visitor().name)
        outcome = _run(upload_, dry_run=True)
        if isinstance(outcome, tuple):
            shutil.rmtree(directory, ignore_errors=True)
            return _form(*outcome, file_set.name)
        keep(flask.session, token, directory, file_set.name, workbook, names, upload_.actor)
        return render(t("Check: {files}", files=", ".join(names)), PREVIEW, summaries=outcome.summaries, changes=outcome.changes, token=token)

    @staff.post("/upload/confirm")
    def upload_confirm():
        require(current_role(), "import")
        t = translator()
        visitor = current_visitor()
        upload_ = kept(flask.session, request.form.get("token", ""), visitor.name)
        if upload_ is None:
            return _form(400, [t("This upload has expired or belongs to another session; upload the files again.")])
        outcome = _run(upload_, dry_run=False)
        discard(flask.session, upload_.token)
        if isinstance(outcome, tuple):
            return _form(*outcome, upload_.file_set)
        return render(t("Imported as draft"), DONE, notes=[t("The import is stored as a draft.")], summaries=outcome.summaries,
                      may_publish=visitor.may("publish"))


def _refusals(file_set, uploads) -> list[str]:
    """Why these uploads cannot be read as ``file_set`` (wrong names, mixed kinds, too large); [] when they can."""
    t = translator()
    if not uploads:
        return [t("Choose the files to upload.")]
    expected = [spec.file_name for spec in file_set.tables]
    names = [Path(f.filename).name for f in uploads]
    books = [n for n in names if n.lower().endswith(WORKBOOK_SUFFIX)]
    if books and len(names) > 1:
        return [t("Upload one Excel workbook, or CSV files, not both or several workbooks.")]
    problems = []
    if not books:
        for name in names:
            if name not in expected:
                problems.append(t("{name}: not a file of this file set; expected {files}", name=name, files=", ".join(expected)))
        if len(set(names)) != len(names):
            problems.append(t("The same file name was chosen twice."))
    for upload_file in uploads:
        size = upload_file.content_length or _size(upload_file)
        if size > max_import_bytes():
            problems.append(t("{name}: the file is larger than the limit of {limit} bytes", name=Path(upload_file.filename).name, limit=f"{max_import_bytes():,}"))
    return problems


def _size(upload_file) -> int:
    stream = upload_file.stream
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(position)
    return size


def _run(upload_: KeptUpload, dry_run: bool) -> ProjectImport | tuple[int, list[str]]:
    """Read and check the kept files and import them (or only try, ``dry_run``); (status, problems) when they fail."""
    t = translator()
    file_set = file_set_named(upload_.file_set)
    visitor = current_visitor()
    engine = app_context().service.repository.engine

    def audit(conn, result: ProjectImport) -> None:
        source = f"workbook {upload_.workbook}" if upload_.workbook else "files " + ", ".join(upload_.files)
        layers = "; ".join(
            f"{c.layer} {c.municipality}{f' {c.kind} {c.year}' if c.year else ''}: {c.rows_after} rows"
            + (" (new)" if c.rows_before is None else f" (replaced {c.rows_before} {c.status_before})")
            for c in result.changes
        )
        record(conn, visitor.name, "import", f"{upload_.file_set} from {source}: " + "; ".join(result.summaries) + f"; layers: {layers}",
               role=visitor.role, address=client_address())

    try:
        files = _read(upload_, file_set)
        return import_project_files(engine, files, ImportOptions(publish=False), dry_run=dry_run, audit=None if dry_run else audit)
    except ImportFailed as failure:
        problems = located(failure.problems, SHOWN, file_set, upload_.workbook)
        found = t("1 problem found; nothing was stored.") if len(problems) == 1 else t("{count} problems found; nothing was stored.", count=len(problems))
        return 400, [found] + report(problems, t)
    except WriterBusy:
        return 503, [t("Another import or publish is running; nothing was stored. Try again in a minute.")]


def _read(upload_: KeptUpload, file_set) -> ProjectFiles:
    if upload_.workbook:
        return read_workbook(upload_.directory / WORKBOOK_FILE, file_set, SHOWN)
    return read_file_set(upload_.directory, file_set, SHOWN)


def _form(status: int, problems: list[str], chosen: str = ""):
    t = translator()
    return render(t("Upload data"), FORM, status=status, problems=problems, sets=file_sets(), chosen=chosen)
