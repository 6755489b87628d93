"""``/templates/<file set>.xlsx``: the Excel template of a file set, for editors (``importers.templates`` makes it)."""

from __future__ import annotations

from flask import Blueprint, Response

from dashboard.domain.access import require
from dashboard.importers.project import file_set_named
from dashboard.importers.templates import template_workbook
from dashboard.staff.page import render, translator
from dashboard.staff.session import current_role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(staff: Blueprint, settings) -> None:
    @staff.get("/templates/<name>.xlsx")
    def template(name: str):
        require(current_role(), "import")
        t = translator()
        file_set = file_set_named(name)
        if file_set is None:
            return render(t("Upload data"), "", status=404, problems=[t("There is no file set of that name.")])
        return Response(
            template_workbook(file_set, t),
            mimetype=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{file_set.name}.xlsx"', "Cache-Control": "no-store"},
        )
