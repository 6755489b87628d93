"""Translations. English text is the key; Dutch comes from the ``NL`` dicts of this package's modules.

Every user-visible string goes through ``Translator``, so the language switch is complete. Each
feature keeps its Dutch texts in its own module here (``core.py``, ``drilldown.py``, ...).
Words that come from the data in Dutch (document kinds, layers: ``begroting``, ``maatwerk``) have
an English name in the ``EN`` dicts, so an English sentence never carries an untranslated Dutch word.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

from dashboard.domain.refusal import english

LANGUAGES = ("en", "nl")
#: The language of a page when neither the address nor the settings choose one: the dashboard serves Dutch councils.
DEFAULT_LANGUAGE = "nl"

def _load_catalogue(name: str) -> dict[str, str]:
    """Merge the ``name`` dicts (``NL`` or ``EN``) of every module in this package (one module per feature)."""
    merged: dict[str, str] = {}
    for module in pkgutil.iter_modules(__path__):
        merged.update(getattr(importlib.import_module(f"{__name__}.{module.name}"), name, {}))
    return merged


#: Read-only after import: English text → Dutch text.
NL: dict[str, str] = _load_catalogue("NL")
#: Read-only after import: a Dutch word from the data → its English name.
EN: dict[str, str] = _load_catalogue("EN")


@dataclass(frozen=True)
class Translator:
    lang: str = DEFAULT_LANGUAGE

    def __call__(self, text: str, **values) -> str:
        return english(NL.get(text, text) if self.lang == "nl" else EN.get(text, text), **values)
