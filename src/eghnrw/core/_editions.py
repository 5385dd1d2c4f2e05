"""The editions of the agreements, part by part (RULES C13).

The LRV in ``sources/`` is the text signed in 2019 (in force from 01.01.2020, LRV C.1) with Teil
B.4 "geändert, erweitert und umstrukturiert durch Beschluss der Gemeinsamen Kommission am
15.12.2021" and B.4.15 Abs. 6 "geändert durch Beschluss der Gem. Kommission am 27.09.2023" (both
notes are in the text). A clause is dated by the most specific part that contains it: ``LRV B.4.15
Abs. 6`` by the Beschluss of 27.09.2023, any other ``LRV B.4…`` by that of 15.12.2021, the rest of
the LRV by the 2019 text. The earlier text of B.4 is not in the sources: a B.4 rule asked for a day
before 15.12.2021 applies the amended text and says so (:func:`amended_before`).

>>> edition_keys(("LRV A.4.5 Abs. 2", "LRV B.4.6 Abs. 2", "§ 188 Abs. 2 BGB"))
('LRV', 'LRV B.4')
>>> edition_keys(("LRV B.4.15 Abs. 6",)), edition_keys(("LRV B.4.1 Abs. 1",))
(('LRV B.4.15 Abs. 6',), ('LRV B.4',))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

__all__ = ["EDITIONS", "Edition", "amended_before", "edition_keys"]


class Edition(NamedTuple):
    """One edition of a part of an agreement: since when it applies, its citation, whether it amends.

    ``amendment``: the part changed an earlier text, which the sources do not hold.
    """

    since: date
    text: str
    amendment: bool = False


#: The parts of the agreements with an edition of their own, most specific last.
EDITIONS: dict[str, Edition] = {
    "LRV": Edition(
        date(2020, 1, 1),
        "Landesrahmenvertrag nach § 131 SGB IX Nordrhein-Westfalen, Fassung von 2019, "
        "in Kraft mit Wirkung zum 01.01.2020 (LRV C.1)",
    ),
    "LRV B.4": Edition(
        date(2021, 12, 15),
        "LRV Teil B.4, geändert, erweitert und umstrukturiert durch Beschluss der Gemeinsamen Kommission am 15.12.2021",
        amendment=True,
    ),
    "LRV B.4.15 Abs. 6": Edition(
        date(2023, 9, 27),
        "LRV B.4.15 Abs. 6, geändert durch Beschluss der Gemeinsamen Kommission am 27.09.2023",
        amendment=True,
    ),
    "RV": Edition(
        date(2020, 1, 1),
        "Rahmenvereinbarung NRW der Landschaftsverbände und kommunalen Spitzenverbände, "
        "unterzeichnet am 23.07.2019, in Kraft am 01.01.2020 (RV § 19 Abs. 1)",
    ),
}


def _part(clause: str) -> str | None:
    """The most specific part of :data:`EDITIONS` that contains ``clause`` (``None``: not an agreement's)."""
    containing = [key for key in EDITIONS if clause == key or clause.startswith((key + " ", key + "."))]
    return max(containing, default=None)  # each is a start of the clause: the greatest is the longest


def edition_keys(clauses: Iterable[str]) -> tuple[str, ...]:
    """The parts (keys of :data:`EDITIONS`) whose editions the ``clauses`` come from, in table order.

    Not cached here: a result's editions are cached by the clauses it cites (``eghnrw.core.trace``).
    """
    parts = {_part(clause) for clause in clauses}
    return tuple(key for key in EDITIONS if key in parts)


def amended_before(clauses: Iterable[str], day: date) -> tuple[str, ...]:
    """The amended parts cited whose amendment came after ``day``: the rule applies their later text for it.

    An agreement asked about before it existed (the LRV before 01.01.2020) is not "amended": the
    rules that care refuse or answer such a day themselves (``lrv_in_force``).
    """
    return tuple(key for key in edition_keys(clauses) if EDITIONS[key].amendment and day < EDITIONS[key].since)
