"""Data entry for editors and publishing by admins (issue 14): upload a file set as an Excel workbook or
CSV files, see every problem with sheet and row, confirm the dry run, publish; council sessions are refused."""

from __future__ import annotations

import io
import os
import re

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from dashboard.config.settings import Settings
from dashboard.demo.load import load_demo
from dashboard.domain.spreadsheet import FORMULA_STARTS
from dashboard.importers.programmes import FILE_SET as PROGRAMME_FILES
from dashboard.importers.workbook import read_workbook
from dashboard.store.audit import AuditFilter, events
from dashboard.store.database import open_engine
from dashboard.store.repository import Repository
from dashboard.store.schema import document
from dashboard.store.schema_programmes import allocation, programme_layer
from dashboard.web.app_factory import create_app
from tests.helpers import empty_database, logged_in

PROGRAMMES = [
    ["programme", "name", "name_nl", "theme", "layer", "taakvelden", "description", "description_nl", "illustrative"],
    ["income-support", "Income support", "Bijstand", "work", "maatwerk", "6.3", "Benefits.", "", ""],
    ["youth-ambulant-care", "Youth care without accommodation", "", "young", "maatwerk", "6.751 6.752", "", "", "false"],
]
PROVIDERS = [
    ["provider", "name", "kind", "kvk", "illustrative"],
    ["gemeente-kampen", "Gemeente Kampen", "municipality", "", ""],
    ["zorg-a", "Zorg A", "care provider", "12345678", ""],
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def app(request, tmp_path):
    """A council site on a store with the demo's CBS figures (published) and no programme layer;
    on SQLite, and on PostgreSQL when ``TEST_DATABASE_URL`` names one that may be emptied."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url = os.environ.get("TEST_DATABASE_URL", "")
        if not url.startswith("postgresql"):
            pytest.skip("PostgreSQL tests need TEST_DATABASE_URL=postgresql://user:pw@host/db (a database that may be emptied)")
        empty_database(url)
    engine = open_engine(url)
    load_demo(engine, programmes=False, national=False)
    engine.dispose()
    return create_app(Settings(database_url=url, load_demo=False, demo_accounts=False, language="en"))


def _engine(app):
    return app.server.extensions["social_dashboard"].service.repository.engine


def _allocations(app) -> list[list]:
    rows = Repository(_engine(app)).amounts("Kampen")

    def lasten(code):
        return int(rows[(rows["year"] == 2025) & (rows["kind"] == "begroting") & (rows["code"] == code)]["lasten_eur"].iloc[0])

    return [
        ["municipality", "year", "document", "programme", "provider", "taakveld", "instrument", "amount_eur", "clients", "illustrative"],
        ["Kampen", 2025, "begroting", "income-support", "gemeente-kampen", "6.3", "benefit", lasten("6.3") // 2, 900, None],
        ["Kampen", 2025, "begroting", "youth-ambulant-care", "zorg-a", "6.752", "procurement", lasten("6.752"), None, None],
    ]


def _workbook(sheets: dict[str, list[list]]) -> io.BytesIO:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def _programme_workbook(app, programmes=PROGRAMMES, providers=PROVIDERS, allocations=None) -> io.BytesIO:
    return _workbook({"programmes": programmes, "providers": providers, "allocations": allocations or _allocations(app)})


def _upload(client, files, file_set="programmes", lang=""):
    return client.post(f"/upload?lang={lang}" if lang else "/upload", data={"file_set": file_set, "files": files}, content_type="multipart/form-data")


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def _layers(app) -> list[tuple]:
    with _engine(app).connect() as conn:
        return [tuple(row) for row in conn.execute(select(programme_layer.c.year, programme_layer.c.kind, programme_layer.c.status))]


def _document_statuses(app) -> dict:
    with _engine(app).connect() as conn:
        return {(int(y), k): s for y, k, s in conn.execute(select(document.c.year, document.c.kind, document.c.status))}


def _actions(app) -> list[str]:
    return [e["action"] for e in reversed(events(_engine(app), AuditFilter()))]


def test_an_editor_sees_all_three_errors_fixes_them_and_the_admin_publishes(app):
    editor = logged_in(app, "editor")
    programmes = [row[:] for row in PROGRAMMES]
    programmes[2][3] = "youth"  # not a theme
    providers = [row[:] for row in PROVIDERS]
    providers[2][3] = "1234"  # not a KvK number
    allocations = _allocations(app)
    allocations[1][7] = "12,5"  # not whole euros
    response = _upload(editor, (_programme_workbook(app, programmes, providers, allocations), "begroting.xlsx"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "3 problems found; nothing was stored." in page
    assert "begroting.xlsx, sheet programmes, row 3: theme: &#39;youth&#39; is not one of" in page
    assert "begroting.xlsx, sheet providers, row 3: kvk: &#39;1234&#39; is not a Chamber of Commerce (KvK) number" in page
    assert "begroting.xlsx, sheet allocations, row 2: amount_eur: &#39;12,5&#39;: write whole euros" in page
    assert _layers(app) == []

    dry_run = _upload(editor, (_programme_workbook(app), "begroting.xlsx"))
    assert dry_run.status_code == 200, dry_run.get_data(as_text=True)
    assert "2 programmes, 2 providers, 2 allocations in 1 documents (draft)" in dry_run.get_data(as_text=True)
    assert _layers(app) == []  # a dry run stores nothing
    confirmed = editor.post("/upload/confirm", data={"token": _token(dry_run)})
    assert confirmed.status_code == 200 and "Imported as draft" in confirmed.get_data(as_text=True)
    assert _layers(app) == [(2025, "begroting", "draft")]
    assert editor.post("/upload/confirm", data={"token": _token(dry_run)}).status_code == 400  # once only

    admin = logged_in(app, "admin")
    overview = admin.get("/publish").get_data(as_text=True)
    assert "programmes" in overview and "draft" in overview
    asked = admin.post("/publish", data={"change": "publish", "layer": "programmes", "year": "2025", "kind": "begroting"})
    question = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "This makes public:" in question and "income-support, youth-ambulant-care" in question
    assert _layers(app) == [(2025, "begroting", "draft")]  # not before the confirmation
    done = admin.post("/publish", data={"change": "publish", "layer": "programmes", "year": "2025", "kind": "begroting", "confirm": "1"})
    assert done.status_code == 200 and "Published: programmes begroting 2025" in done.get_data(as_text=True)
    assert _layers(app) == [(2025, "begroting", "published")]

    assert [a for a in _actions(app) if a != "login"] == ["import", "publish"]
    [imported] = events(_engine(app), AuditFilter(action="import"))
    assert imported["actor"] == "test-editor" and "programmes from workbook begroting.xlsx" in imported["detail"]
    assert "Kampen begroting 2025: 2 rows (new)" in imported["detail"]
    audit_page = admin.get("/audit").get_data(as_text=True)
    assert "test-editor" in audit_page and "test-admin" in audit_page


def test_an_import_with_one_bad_row_stores_nothing(app):
    editor = logged_in(app, "editor")
    allocations = _allocations(app)
    allocations[2][5] = "9.99"  # a taakveld CBS does not have
    response = _upload(editor, _csv_files(allocations=allocations))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "allocations.csv:3: taakveld: taakveld 9.99 is not in the CBS figures of Kampen begroting 2025" in page
    assert "/upload/confirm" not in page  # nothing to confirm
    assert _layers(app) == []
    with _engine(app).connect() as conn:
        assert conn.execute(select(func.count()).select_from(allocation)).scalar() == 0
    assert "import" not in _actions(app)


def _csv_files(programmes=PROGRAMMES, providers=PROVIDERS, allocations=()) -> list:
    """The programme file set as CSV files (semicolons), as an editor saves them from a spreadsheet."""
    files = []
    for name, rows in (("programmes.csv", programmes), ("providers.csv", providers), ("allocations.csv", allocations)):
        text = "\n".join(";".join("" if cell is None else str(cell) for cell in row) for row in rows) + "\n"
        files.append((io.BytesIO(text.encode()), name))
    return files


@pytest.mark.parametrize("lang, cells, crossed", [
    ("nl", ["2 problemen gevonden; er is niets opgeslagen.",
            "allocations.csv:2: amount_eur: '12,5': schrijf hele euro's zonder scheidingstekens voor duizendtallen en zonder decimalen, bijv. 1234567",
            "providers.csv:3: kvk: '1234' is geen KvK-nummer van 8 cijfers"],
     ["1 probleem gevonden; er is niets opgeslagen.",
      "allocations.csv:3: taakveld: taakveld 6.3 hoort bij thema Werk, maar programma youth-ambulant-care valt onder thema Jong"]),
    ("en", ["2 problems found; nothing was stored.",
            "allocations.csv:2: amount_eur: '12,5': write whole euros without thousands separators or decimals, e.g. 1234567",
            "providers.csv:3: kvk: '1234' is not a Chamber of Commerce (KvK) number of 8 digits"],
     ["1 problem found; nothing was stored.",
      "allocations.csv:3: taakveld: taakveld 6.3 belongs to theme Work, but programme youth-ambulant-care is in theme Young"]),
])
def test_the_problems_of_csv_files_are_said_in_the_pages_language_with_file_line_and_column(app, lang, cells, crossed):
    editor = logged_in(app, "editor")
    providers = [row[:] for row in PROVIDERS]
    providers[2][3] = "1234"  # not a KvK number
    allocations = _allocations(app)
    allocations[1][7] = "12,5"  # not whole euros
    allocations[2][5] = "6.3"  # a taakveld of the theme Work, under a programme of the theme Young
    response = _upload(editor, _csv_files(providers=providers, allocations=allocations), lang=lang)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and f'<html lang="{lang}">' in page
    assert [line for line in cells if line not in page] == []
    allocations[1][7] = 1000  # the cells right: the cross-file checks say what is left
    response = _upload(editor, _csv_files(allocations=allocations), lang=lang)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and [line for line in crossed if line not in page] == []
    assert _layers(app) == []


def test_a_workbook_s_problems_name_sheet_and_row_in_dutch(app):
    editor = logged_in(app, "editor")
    programmes = [row[:] for row in PROGRAMMES]
    programmes[2][3] = "youth"  # not a theme
    page = _upload(editor, (_programme_workbook(app, programmes), "begroting.xlsx"), lang="nl").get_data(as_text=True).replace("&#39;", "'")
    assert "1 probleem gevonden; er is niets opgeslagen." in page
    assert "begroting.xlsx, tabblad programmes, rij 3: theme: 'youth' is niet een van: vital, young, work, participate" in page
    missing = _upload(editor, (_workbook({"programmes": PROGRAMMES}), "half.xlsx"), lang="nl").get_data(as_text=True).replace("&#39;", "'")
    assert "half.xlsx, tabblad providers: -: ontbreekt: de bestandsset programma's heeft ook een tabblad 'providers' nodig" in missing


def test_a_council_session_can_neither_upload_nor_publish(app):
    council = logged_in(app, "council")
    before = _document_statuses(app)
    assert council.get("/upload").status_code == 403
    assert _upload(council, (_programme_workbook(app), "begroting.xlsx")).status_code == 403
    assert council.post("/upload/confirm", data={"token": "made-up"}).status_code == 403
    assert council.get("/publish").status_code == 403
    crafted = {"change": "withdraw", "layer": "cbs", "year": "2025", "kind": "begroting", "confirm": "1"}
    assert council.post("/publish", data=crafted).status_code == 403
    editor = logged_in(app, "editor")
    assert editor.post("/publish", data=crafted).status_code == 403  # publishing is for admins
    assert _document_statuses(app) == before and _layers(app) == []
    assert not {"import", "publish", "withdraw"} & set(_actions(app))
    assert "/upload" not in council.get("/logout").get_data(as_text=True)


def test_withdrawing_a_programme_layer_keeps_the_cbs_figures_of_its_document_published(app):
    editor = logged_in(app, "editor")
    editor.post("/upload/confirm", data={"token": _token(_upload(editor, (_programme_workbook(app), "begroting.xlsx")))})
    admin = logged_in(app, "admin")
    publish = {"change": "publish", "layer": "programmes", "year": "2025", "kind": "begroting", "confirm": "1"}
    assert admin.post("/publish", data=publish).status_code == 200
    assert admin.post("/publish", data={**publish, "change": "withdraw"}).status_code == 200
    assert _layers(app) == [(2025, "begroting", "draft")]
    assert _document_statuses(app)[(2025, "begroting")] == "published"
    assert [e["detail"] for e in events(_engine(app), AuditFilter(action="withdraw"))] == ["programmes begroting 2025: programme layers (1)"]


def test_the_template_of_each_file_set_reads_back_and_starts_no_formula(app, tmp_path):
    editor = logged_in(app, "editor")
    response = editor.get("/templates/programmes.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    assert book.sheetnames == ["programmes", "providers", "allocations", "Toelichting"]
    for spec in PROGRAMME_FILES.tables:
        rows = list(book[spec.sheet_name].iter_rows(values_only=True))
        assert list(rows[0]) == spec.column_names and len(rows) > 1
    dictionary = list(book["Toelichting"].iter_rows(values_only=True))
    assert ("allocations", "amount_eur", "whole euros without separators (1234567)", "yes") == dictionary[1 + 9 + 5 + 7][:4]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(cell, str) and cell.startswith(FORMULA_STARTS) for cell in row)
    saved = tmp_path / "template.xlsx"
    saved.write_bytes(response.data)  # its example rows pass the importer's own cell rules
    assert set(read_workbook(saved, PROGRAMME_FILES, "t").frames) == {"programmes.csv", "providers.csv", "allocations.csv"}
    assert editor.get("/templates/nothing.xlsx").status_code == 404
    assert logged_in(app, "council").get("/templates/programmes.xlsx").status_code == 403


def test_every_column_of_every_template_says_its_type_and_in_dutch_too():
    from dashboard.i18n import NL
    from dashboard.importers.project import file_sets
    from dashboard.importers.templates import kind_of

    kinds = {(spec.file_name, column.name): kind_of(column.parse)[0] for fs in file_sets() for spec in fs.tables for column in spec.columns}
    assert len(kinds) > 50
    assert {where: kind for where, kind in kinds.items() if kind not in NL} == {}


def test_files_that_cannot_be_this_file_set_are_refused_kindly(app):
    editor = logged_in(app, "editor")
    not_a_workbook = _upload(editor, (io.BytesIO(b"just text"), "begroting.xlsx"))
    assert not_a_workbook.status_code == 400
    assert "begroting.xlsx:0: -: is not an Excel .xlsx workbook" in not_a_workbook.get_data(as_text=True)
    wrong_name = _upload(editor, (io.BytesIO(b"a;b\n1;2\n"), "begroting.csv"))
    assert wrong_name.status_code == 400 and "begroting.csv: not a file of this file set" in wrong_name.get_data(as_text=True)
    missing_sheet = _upload(editor, (_workbook({"programmes": PROGRAMMES}), "half.xlsx"))
    page = missing_sheet.get_data(as_text=True)
    assert missing_sheet.status_code == 400 and "half.xlsx, sheet providers: -: missing: programmes needs a sheet &#39;providers&#39; too" in page
    assert _upload(editor, (_programme_workbook(app), "b.xlsx"), file_set="nonsense").status_code == 400
    assert _layers(app) == []


def test_a_dry_run_can_be_confirmed_only_by_the_session_that_made_it(app):
    editor = logged_in(app, "editor")
    token = _token(_upload(editor, (_programme_workbook(app), "begroting.xlsx")))
    admin = logged_in(app, "admin")
    refused = admin.post("/upload/confirm", data={"token": token})
    assert refused.status_code == 400 and "expired or belongs to another session" in refused.get_data(as_text=True)
    assert _layers(app) == []
    assert editor.post("/upload/confirm", data={"token": token}).status_code == 200
    assert _layers(app) == [(2025, "begroting", "draft")]


def test_a_workbook_is_read_by_its_values_not_its_formulas(app):
    editor = logged_in(app, "editor")
    allocations = _allocations(app)
    allocations[1][8] = "=1+1"  # a formula the file's writer never calculated: no value
    dry_run = _upload(editor, (_programme_workbook(app, allocations=allocations), "b.xlsx"))
    assert dry_run.status_code == 200  # read as an empty cell (clients is optional), not as the text '=1+1'
    editor.post("/upload/confirm", data={"token": _token(dry_run)})
    with _engine(app).connect() as conn:
        assert sorted(conn.execute(select(allocation.c.clients)).scalars(), key=str) == [None, None]


def test_the_headers_link_each_role_to_the_pages_it_may_use(app):
    from types import SimpleNamespace

    from dashboard.components.shell import staff_links
    from dashboard.i18n import Translator

    def dashboard_links(role):
        return [link.href for link in staff_links(SimpleNamespace(role=role, t=Translator("nl")))]

    assert dashboard_links("council") == ["/rounds", "/logout"]  # every role scores decision rounds
    assert dashboard_links("editor") == ["/rounds", "/upload", "/edit", "/logout"]
    assert dashboard_links("admin") == ["/rounds", "/upload", "/edit", "/publish", "/audit", "/logout"]
    staff_header = logged_in(app, "editor").get("/upload").get_data(as_text=True)
    assert 'href="/upload"' in staff_header and 'href="/edit"' in staff_header and 'href="/publish"' not in staff_header
    admin_header = logged_in(app, "admin").get("/upload").get_data(as_text=True)
    assert 'href="/publish"' in admin_header and 'href="/audit"' in admin_header


@pytest.mark.parametrize("name", ["programmes", "indicators", "savings", "learning"])
def test_every_file_set_has_a_template_whose_examples_pass_the_importers_cell_rules(name, tmp_path):
    from dashboard.i18n import Translator
    from dashboard.importers.project import file_set_named
    from dashboard.importers.templates import DICTIONARY_SHEET, template_workbook

    file_set = file_set_named(name)
    saved = tmp_path / f"{name}.xlsx"
    saved.write_bytes(template_workbook(file_set, Translator("nl")))
    assert load_workbook(saved, read_only=True).sheetnames == [spec.sheet_name for spec in file_set.tables] + [DICTIONARY_SHEET]
    assert set(read_workbook(saved, file_set, "t").frames) == {spec.file_name for spec in file_set.tables}
