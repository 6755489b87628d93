"""Joining a source's municipality name to the name stored from the Iv3 files: one rule for every reader.

The fund and the classification files spell a few municipalities apart from the Iv3 files: the
circulars' ``gemeentenamen.csv`` pairs (``Beek (L.)``/``Beek``), CBS's own two spellings
(``data/municipality_names.csv``) and the suffix `` (gemeente)`` that the classes write where a
province or place has the same name (``Groningen (gemeente)``). A name that still does not join is
an error, never dropped.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.importers.iv3 import municipality_aliases
from dashboard.importers.text_files import read_delimited

MUNICIPALITY_SUFFIX = " (gemeente)"
#: A name that does not join (the template of its problem; ``name`` the name as the source spells it).
NOT_JOINED = ("{name!r} does not join to the Iv3 municipalities in the store "
              "(import its Iv3 figures first, or add the spelling to data/municipality_names.csv)")
#: A second row of a municipality already read (``first``: the first row's line), under whatever spelling.
SAME_MUNICIPALITY = "{name!r} is the same municipality as line {first}"


class NameJoin:
    """``stored(name)`` → the stored municipality name, or None when it does not join to ``known``."""

    def __init__(self, known: set[str], pairs: dict[str, tuple[str, ...]] | None = None):
        self.known = known
        self.pairs = pairs or {}
        self.aliases = municipality_aliases()

    def stored(self, name: str) -> str | None:
        candidates = [name, *self.pairs.get(name, ())]
        candidates += [c.removesuffix(MUNICIPALITY_SUFFIX) for c in candidates if c.endswith(MUNICIPALITY_SUFFIX)]
        for candidate in candidates:
            candidate = self.aliases.get(candidate, candidate)
            if candidate in self.known:
                return candidate
        return None



def read_name_pairs(path: Path) -> dict[str, tuple[str, str]]:
    """``gemeentenamen.csv`` (tab: ``Iv3naam``, ``GFnaam``): each spelling → its pair, read both ways
    (the circulars write ``Groningen (gemeente)``, the ten-year Iv3 file ``Groningen``)."""
    text = read_delimited(path, "\t", ["Iv3naam", "GFnaam"])
    iv3, fund = text.header.index("Iv3naam"), text.header.index("GFnaam")
    names = {}
    for _, cells in text.rows:
        names[cells[iv3]] = names[cells[fund]] = (cells[iv3], cells[fund])
    return names
