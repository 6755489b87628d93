"""Dutch and English are complete: every text a page passes to the translator has a Dutch version."""
from __future__ import annotations

import ast
from pathlib import Path

import dashboard
from dashboard.i18n import NL
from tests.i18n.import_problem_texts import import_problem_texts

PACKAGE = Path(dashboard.__file__).parent
TRANSLATOR_NAMES = {"t"}  # pages call request.t(...) or a local t = request.t


def _translated_literals() -> dict[str, str]:
    """Every string literal passed as the first argument to t(...) or *.t(...), with its location."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            first = node.args[0]
            if name in TRANSLATOR_NAMES and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_every_translated_text_has_a_dutch_version():
    """The page texts, and the import problems the upload and edit pages show."""
    literals = _translated_literals()
    assert len(literals) > 50, "the scan must find the page texts"
    problems = import_problem_texts()
    assert len(problems) > 100, "the scan must find the importers' messages"
    missing = {text: where for text, where in {**problems, **literals}.items() if text not in NL}
    assert not missing, "no Dutch for:\n" + "\n".join(f"{where}: {text!r}" for text, where in sorted(missing.items(), key=lambda i: i[1]))


def test_dutch_texts_keep_their_placeholders():
    import string

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = {en: nl for en, nl in NL.items() if fields(en) != fields(nl)}
    assert not wrong, wrong
