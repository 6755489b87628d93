"""Locale-aware number, money and date formatting (Babel), so Dutch and English both read naturally.

Dutch: ``€ 15,9 mln`` and ``€ 1.234.567``; English: ``€15.9M`` and ``€1,234,567``.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "–"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, "en_GB")


def euro(amount: float | int | None, lang: str) -> str:
    """Whole euros, grouped: € 1.234.567 / €1,234,567."""
    if amount is None:
        return MISSING
    # The same text as Babel's format_currency with "¤ #,##0;¤ -#,##0" (nl_NL) and "¤#,##0;-¤#,##0"
    # (en_GB) — tests/test_formatting.py checks it — at a twentieth of the cost: a drill-down page
    # writes a few hundred amounts.
    whole = int(round(amount))
    sign = "-" if whole < 0 else ""
    digits = f"{abs(whole):,}"
    if lang == "nl":
        return f"€ {sign}{digits.replace(',', '.')}"
    return f"{sign}€{digits}"


def euro_compact(amount: float | int | None, lang: str) -> str:
    """Amounts for cards and axes: € 15,9 mln / €15.9M; below a million in whole euros."""
    if amount is None:
        return MISSING
    if abs(amount) < 1_000_000:
        return euro(amount, lang)
    scale, suffix = (1e9, {"nl": "mld", "en": "B"}) if abs(amount) >= 1e9 else (1e6, {"nl": "mln", "en": "M"})
    value = _one_decimal(abs(amount) / scale, lang)
    sign = "-" if amount < 0 else ""
    if lang == "nl":
        return f"€ {sign}{value} {suffix['nl']}"
    return f"{sign}€{value}{suffix['en']}"


def euro_millions(amount: float | int | None, lang: str) -> str:
    """Every label of one chart in the unit of its axis: € 0,8 mln next to € 1,7 mln, never €848,345
    next to €1.7M. One decimal; two below € 0,1 mln, so a small amount does not read as zero."""
    if amount is None:
        return MISSING
    millions = abs(amount) / 1e6
    decimals = 1 if millions >= 0.1 or millions == 0 else 2
    rounded = Decimal(str(millions)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)  # € 45.000 is € 0,05 mln
    text = format_decimal(rounded, format="#,##0." + "0" * decimals, locale=_locale(lang))
    sign = "-" if amount < 0 else ""
    return f"€ {sign}{text} mln" if lang == "nl" else f"{sign}€{text}M"


def euro_per_inhabitant(amount: float | None, lang: str) -> str:
    if amount is None:
        return MISSING
    return euro(amount, lang)


def percent(fraction: float | None, lang: str, digits: int = 1) -> str:
    """12.3% / 12,3%. The same text as Babel's ``format_percent`` with ``#,##0.0%`` (the value read
    through its decimal text, halves rounded to even, a negative that rounds to zero keeps its sign) —
    tests/test_formatting.py checks it — at a tenth of the cost: a theme page writes ~80 of them."""
    if fraction is None:
        return MISSING
    value = Decimal(str(fraction))
    if not value.is_finite():
        return format_percent(fraction, format=_percent_pattern(digits), locale=_locale(lang)).replace("\xa0", " ")
    value = value.scaleb(2).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    text = f"{abs(value):,.{digits}f}"
    if lang == "nl":
        text = text.translate(_DUTCH_SEPARATORS)
    return f"{'-' if value.is_signed() else ''}{text}%"


_DUTCH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _one_decimal(value: float, lang: str) -> str:
    """Babel's ``format_decimal(value, "#,##0.0")`` for a finite value ≥ 0 (read through its decimal
    text, halves to even), without Babel's per-call pattern and locale look-ups."""
    text = f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_EVEN):,.1f}"
    return text.translate(_DUTCH_SEPARATORS) if lang == "nl" else text


def _percent_pattern(digits: int) -> str:
    return "#,##0" + ("." + "0" * digits if digits else "") + "%"


def number(value: float | int | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def long_date(value: date | datetime | None, lang: str) -> str:
    if value is None:
        return MISSING
    if isinstance(value, datetime):
        return format_datetime(value, format="d MMMM y, HH:mm", locale=_locale(lang))
    return format_date(value, format="long", locale=_locale(lang))
