"""A refusal a page can say in its visitor's language: an English template and the values it names.

The English template is the key of the ``dashboard.i18n`` catalogue; the values are data (names, cells,
codes) and stay as they are. Read without a translator it is English, as the command line prints it.
"""
from __future__ import annotations


def english(text: str, **values) -> str:
    """``text`` filled in with ``values``; a text without values is left as written (it may hold braces)."""
    return text.format(**values) if values else text


class Refusal(ValueError):
    """A value a rule refuses: ``message`` the English template, ``values`` what fills it."""

    def __init__(self, message: str, **values):
        super().__init__(english(message, **values))
        self.message, self.values = message, values


class Word(str):
    """A value that is a word of the sentence ("semicolons", a theme's name), not data: translated along with it."""
