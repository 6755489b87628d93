"""The English texts of import problems, read from the source: each template a ``Problem``, ``Refusal`` or ``Word``
is given (``tests/i18n/test_translations.py`` checks that each has a Dutch text)."""
from __future__ import annotations

import ast
from pathlib import Path

import dashboard
from dashboard.domain.themes import THEME_BY_SLUG
from dashboard.domain.traffic_light import FREQUENCIES

PACKAGE = Path(dashboard.__file__).parent
#: The call → the position of its English template among the arguments.
TEMPLATE_AT = {"Problem": 3, "Refusal": 0, "Word": 0}
THEMES = tuple(THEME_BY_SLUG.values())
#: A ``Word`` of a value the source does not spell out → every value it can take (each needs Dutch too).
VOCABULARIES = {
    "actual": THEMES,
    "expected": THEMES,
    "theme": THEMES,
    "THEME_BY_SLUG[parent['theme']]": THEMES,
    "THEME_BY_SLUG[row['theme']]": THEMES,
    "programmes[programme_slug]": THEMES,
    "programmes[programme]": THEMES,
    "owner['frequency']": FREQUENCIES,
    "file_set.name": ("programmes", "indicators", "savings", "learning"),
}


def modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py") if "i18n" not in path.parts}


def constants_of(trees) -> dict[str, ast.expr]:
    """Module-level ``NAME = ...`` of every module: templates kept as constants (``UNKNOWN_PROGRAMME``)."""
    return {target.id: node.value for tree in trees for node in tree.body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)}


def texts_of(node: ast.expr, constants: dict[str, ast.expr], word: bool) -> list[str]:
    """The English texts ``node`` can be; AssertionError for one that cannot be read here (an f-string, ``str(error)``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return texts_of(node.body, constants, word) + texts_of(node.orelse, constants, word)
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in texts_of(value, constants, word)]
    if word and ast.unparse(node) in VOCABULARIES:
        return list(VOCABULARIES[ast.unparse(node)])
    if isinstance(node, ast.Name) and node.id in constants:
        return texts_of(constants[node.id], constants, word)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(constants.get(node.value.id), ast.Dict):
        return [text for value in constants[node.value.id].values for text in texts_of(value, constants, word)]
    raise AssertionError(f"not a template that can be translated: {ast.unparse(node)}")


def import_problem_texts() -> dict[str, str]:
    """Every English template and word of import problems and refusals, with where it is written."""
    trees = modules()
    constants = constants_of(trees.values())
    found, unreadable = {}, []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TEMPLATE_AT):
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            position = TEMPLATE_AT[node.func.id]
            if len(node.args) <= position:
                unreadable.append(f"{where}: no template")
                continue
            try:
                for text in texts_of(node.args[position], constants, word=node.func.id == "Word"):
                    found.setdefault(text, where)
            except AssertionError as error:
                unreadable.append(f"{where}: {error}")
    assert not unreadable, "\n".join(unreadable)
    return found
