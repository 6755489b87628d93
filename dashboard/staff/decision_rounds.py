"""Decision rounds for the editors: open a round, set its yardstick, lock it, close it with the
decision, copy it to a new round; admins publish a closed round. Each route checks the role on the
server (``decide``, ``publish``) and the store checks the round's phase, so a crafted POST is refused
like the form (400 with the reason, nothing stored). The round page itself is ``decision_round_page``.
"""

from __future__ import annotations

from flask import Blueprint, redirect, request

from dashboard.domain.access import require
from dashboard.store.audit import record
from dashboard.store.decisions import RoundRefused, close, copy_round, default_yardstick, lock, open_round, publish, save_yardstick
from dashboard.staff.decision_forms import euros, read_yardstick
from dashboard.staff.decision_round_page import round_page, rounds_page
from dashboard.staff.page import app_context, translator
from dashboard.staff.session import client_address, current_role, current_visitor


def register(staff: Blueprint, settings) -> None:
    @staff.post("/rounds")
    def open_a_round():
        require(current_role(), "decide")
        t = translator()
        kind = request.form.get("kind", "")
        amount, problem = euros(request.form.get("amount", ""), t("Amount"))
        try:
            if problem:
                raise RoundRefused([problem])
            yardstick = default_yardstick(request.form.get("title", ""), kind, amount, t)
            round_id = open_round(_engine(), app_context().settings.municipality, yardstick, current_visitor().name)
        except RoundRefused as refusal:
            return rounds_page(400, refusal.problems, dict(request.form))
        _audit()(_engine(), f"opened round {round_id}: {yardstick.title!r}")
        return redirect(_address(round_id), 303)

    @staff.post("/rounds/<int:round_id>/yardstick")
    def save_the_yardstick(round_id: int):
        require(current_role(), "decide")
        yardstick, problems = read_yardstick(request.form)
        try:
            if problems:
                raise RoundRefused(problems)
            save_yardstick(_engine(), round_id, yardstick)
        except RoundRefused as refusal:
            return round_page(round_id, 400, refusal.problems, draft=yardstick)
        return round_page(round_id, notes=[translator()("The yardstick is saved. It can still change until you lock it.")])

    @staff.post("/rounds/<int:round_id>/lock")
    def lock_the_yardstick(round_id: int):
        require(current_role(), "decide")
        try:
            lock(_engine(), round_id, audit=_audit())
        except RoundRefused as refusal:
            return round_page(round_id, 400, refusal.problems)
        return round_page(round_id, notes=[translator()("The yardstick is locked. Participants can now score the options.")])

    @staff.post("/rounds/<int:round_id>/copy")
    def copy_to_a_new_round(round_id: int):
        require(current_role(), "decide")
        new_id = copy_round(_engine(), round_id, current_visitor().name)
        _audit()(_engine(), f"copied round {round_id} to round {new_id}")
        return redirect(_address(new_id), 303)

    @staff.post("/rounds/<int:round_id>/close")
    def close_the_round(round_id: int):
        require(current_role(), "decide")
        try:
            close(_engine(), round_id, request.form.get("decision", ""), audit=_audit())
        except RoundRefused as refusal:
            return round_page(round_id, 400, refusal.problems)
        return round_page(round_id, notes=[translator()("The round is closed; its record is kept as it is now.")])

    @staff.post("/rounds/<int:round_id>/publish")
    def publish_the_round(round_id: int):
        require(current_role(), "publish")
        wanted = request.form.get("published") == "1"
        try:
            publish(_engine(), round_id, wanted, request.form.get("names") == "1", audit=_audit("publish" if wanted else "withdraw"))
        except RoundRefused as refusal:
            return round_page(round_id, 400, refusal.problems)
        t = translator()
        return round_page(round_id, notes=[t("The round is on the public site.") if wanted else t("The round is no longer on the public site.")])


def _engine():
    return app_context().service.repository.engine


def _address(round_id: int) -> str:
    lang = request.args.get("lang", "")
    return f"/rounds/{round_id}" + (f"?lang={lang}" if lang in ("nl", "en") else "")


def _audit(action: str = "decide"):
    """``(target, what) -> None``: an audit event of this visitor (target: the change's connection, or the engine)."""
    visitor, address = current_visitor(), client_address()
    return lambda target, what: record(target, visitor.name, action, what, role=visitor.role, address=address)
