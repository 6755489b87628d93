"""The scan of import problems finds what a Dutch page would show in English (``import_problem_texts``)."""
from __future__ import annotations

import ast

import pytest

from dashboard.i18n.import_problems import NL as IMPORT_PROBLEMS
from tests.i18n.import_problem_texts import PACKAGE, constants_of, import_problem_texts, modules, texts_of
from tests.i18n.test_translations import _translated_literals


def test_the_scan_refuses_a_message_it_cannot_translate():
    """An f-string or ``str(error)`` as the template would reach a Dutch page in English."""
    constants = constants_of([ast.parse('KNOWN = "unknown programme {programme!r}"')])
    assert texts_of(ast.parse('"a" if x else KNOWN', mode="eval").body, constants, word=False) == ["a", "unknown programme {programme!r}"]
    for source in ('f"{value!r} is not a year"', "str(error)", "message"):
        with pytest.raises(AssertionError):
            texts_of(ast.parse(source, mode="eval").body, constants, word=False)


def test_the_importers_refuse_with_templates_not_plain_value_errors():
    """A cell parser's plain ValueError would be shown in English; a ``Refusal`` carries its template."""
    raised = [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}" for path, tree in modules().items()
              if path.parent.name in ("importers", "ingest") for node in ast.walk(tree)
              if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", None) == "ValueError"]
    assert raised == []


def test_every_dutch_text_of_the_import_problems_is_used():
    """A Dutch text whose English template is gone (reworded or removed) is found here, not left behind."""
    used = import_problem_texts().keys() | _translated_literals().keys()
    assert sorted(set(IMPORT_PROBLEMS) - used) == []
