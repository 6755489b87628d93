"""Translations. English text is the key; Dutch comes from the ``NL`` dicts of this package's modules.

Every user-visible string goes through ``Translator``, so the language switch is complete. Each
feature keeps its Dutch texts in its own module here (``core.py``, ``drilldown.py``, ...).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

LANGUAGES = ("en", "nl")

def _load_catalogue() -> dict[str, str]:
    """Merge the ``NL`` dicts of every module in this package (one module per feature)."""
    merged: dict[str, str] = {}
    for module in pkgutil.iter_modules(__path__):
        merged.update(getattr(importlib.import_module(f"{__name__}.{module.name}"), "NL", {}))
    return merged


#: Read-only after import: English text → Dutch text.
NL: dict[str, str] = _load_catalogue()


@dataclass(frozen=True)
class Translator:
    lang: str = "en"

    def __call__(self, text: str, **values) -> str:
        translated = NL.get(text, text) if self.lang == "nl" else text
        return translated.format(**values) if values else translated
