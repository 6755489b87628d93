"""The fast euro formatter writes exactly what Babel's locale patterns write."""
from __future__ import annotations

import random

import numpy as np
from babel.numbers import format_currency, format_percent

from dashboard.domain.formatting import MISSING, euro, percent

PATTERNS = {"nl": ("¤ #,##0;¤ -#,##0", "nl_NL"), "en": ("¤#,##0;-¤#,##0", "en_GB")}


def _babel(amount, lang: str) -> str:
    pattern, locale = PATTERNS[lang]
    return format_currency(round(amount), "EUR", format=pattern, locale=locale, currency_digits=False)


def test_euro_matches_babel_for_integers_floats_and_numpy_values():
    rng = random.Random(7)
    values = [0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, -12_345_678, 10**12, 0.5, 1.5, 2.5, -2.5, 1234.49, 1234.51]
    values += [rng.randint(-10**11, 10**11) for _ in range(500)] + [rng.uniform(-1e9, 1e9) for _ in range(500)]
    values += [np.int64(-7_654_321), np.float64(2_500.5)]
    for value in values:
        for lang in ("nl", "en"):
            assert euro(value, lang) == _babel(value, lang), (value, lang)


def test_euro_missing_and_unknown_language():
    assert euro(None, "nl") == MISSING
    assert euro(1234, "de") == _babel(1234, "en")


def _babel_percent(fraction, lang: str, digits: int) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(fraction, format=pattern, locale=PATTERNS[lang][1])


def test_percent_matches_babel_including_halves_and_negative_zero():
    rng = random.Random(11)
    values = [0, 0.0, -0.0, 1, -1, 0.5, 0.00125, 0.00135, -0.00125, 0.0005, -0.00001, 0.12345, 12.3456, 1234.5678, 0.999999]
    values += [rng.uniform(-2, 2) for _ in range(400)] + [rng.uniform(-1e4, 1e4) for _ in range(100)]
    values += [round(rng.uniform(-1, 1), 4) + 0.00005 for _ in range(200)]  # ties at the last digit shown
    values += [np.float64(0.2345), np.float64(-0.0049)]
    for value in values:
        for lang in ("nl", "en"):
            for digits in (0, 1, 2):
                assert percent(value, lang, digits) == _babel_percent(value, lang, digits), (value, lang, digits)
    assert percent(None, "nl") == MISSING


def test_compact_euros_match_babel():
    from babel.numbers import format_decimal

    from dashboard.domain.formatting import euro_compact

    rng = random.Random(5)
    values = [1_000_000, 1_050_000, 1_150_000, 1_250_000, -1_250_000, 999_999_999, 1_000_000_000, 2.45e9, 15_949_999]
    values += [rng.uniform(-5e10, 5e10) for _ in range(500)] + [rng.randint(1, 9_999) * 50_000 for _ in range(200)]
    for value in values:
        for lang, locale in (("nl", "nl_NL"), ("en", "en_GB")):
            if abs(value) < 1_000_000:
                continue
            scale, suffix = (1e9, {"nl": " mld", "en": "B"}) if abs(value) >= 1e9 else (1e6, {"nl": " mln", "en": "M"})
            number = format_decimal(abs(value) / scale, format="#,##0.0", locale=locale)
            sign = "-" if value < 0 else ""
            expected = f"€ {sign}{number}{suffix['nl']}" if lang == "nl" else f"{sign}€{number}{suffix['en']}"
            assert euro_compact(value, lang) == expected, (value, lang)


def test_chart_labels_share_one_unit():
    from dashboard.domain.formatting import euro_millions

    labels = [euro_millions(v, "en") for v in (848_345, 1_700_000, 45_000, -120_000)]
    assert labels == ["€0.8M", "€1.7M", "€0.05M", "-€0.1M"]
    assert euro_millions(848_345, "nl") == "€ 0,8 mln" and euro_millions(12_345_678, "nl") == "€ 12,3 mln"
