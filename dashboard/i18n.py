"""Translations. English text is the key; Dutch comes from ``NL``. Missing keys fall back to English.

Every user-visible string goes through ``Translator``, so the language switch is complete.
"""
from __future__ import annotations

from dataclasses import dataclass

from .domain.themes import THEME_DUTCH

LANGUAGES = ("en", "nl")

NL: dict[str, str] = {
    **THEME_DUTCH,
    "Social Domain Dashboard": "Dashboard Sociaal Domein",
    "Skip to main content": "Direct naar de inhoud",
    "Overview": "Overzicht",
    "Social domain": "Sociaal domein",
    "Year": "Jaar",
    "Document": "Document",
    "begroting": "begroting",
    "jaarrekening": "jaarrekening",
    "Budget (begroting)": "Begroting",
    "Realised (jaarrekening)": "Jaarrekening (realisatie)",
    "Language": "Taal",
    "Show": "Toon",
    "of the social domain": "van het sociaal domein",
    "of the municipal budget": "van de totale gemeentelijke lasten",
    "per inhabitant": "per inwoner",
    "Spending (lasten)": "Lasten",
    "Income (baten)": "Baten",
    "Net": "Saldo",
    "Theme": "Thema",
    "Amount": "Bedrag",
    "Share of social domain": "Aandeel sociaal domein",
    "Share of municipal budget": "Aandeel totale lasten",
    "Per inhabitant": "Per inwoner",
    "Share of the social domain per theme": "Aandeel per thema in het sociaal domein",
    "Spending per theme over the years": "Lasten per thema door de jaren heen",
    "Show the figures as a table": "Toon de cijfers als tabel",
    "Source": "Bron",
    "Not found": "Niet gevonden",
    "Back to the overview": "Terug naar het overzicht",
    "Page not found": "Pagina niet gevonden",
    "Open": "Open",
    "inhabitants": "inwoners",
    "Inhabitants": "Inwoners",
    "no figure": "geen cijfer",
    "Solid lines: budget (begroting). Dashed lines with markers: realised (jaarrekening).":
        "Doorgetrokken lijnen: begroting. Gestreepte lijnen met punten: jaarrekening (realisatie).",
    "Download data (CSV)": "Download data (CSV)",
    "Open data": "Open data",
}


@dataclass(frozen=True)
class Translator:
    lang: str = "en"

    def __call__(self, text: str, **values) -> str:
        translated = NL.get(text, text) if self.lang == "nl" else text
        return translated.format(**values) if values else translated
