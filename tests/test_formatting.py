"""The fast euro formatter writes exactly what Babel's locale patterns write."""
from __future__ import annotations

import random

import numpy as np
from babel.numbers import format_currency

from dashboard.domain.formatting import MISSING, euro

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
