"""Vergütung calculations: hourly rates, surcharges, daily flat rates, Organisationsmodul, shared delivery.

One concept a module (RULES M1–M6):

- :mod:`eghnrw.rates.hourly` — Stundensätze (LRV A.4.6 Abs. 2) and caller-supplied rate tables;
- :mod:`eghnrw.rates.surcharges` — Zuschläge on Brutto-Personalkosten (LRV A.2.2 Abs. 1 d; B.1.5.3, B.1.6.2);
- :mod:`eghnrw.rates.daily` — tagesgleiche Pauschalen, Fachmodul Wohnen, Tagesstruktur (A.4.5 Abs. 2);
- :mod:`eghnrw.rates.organisation` — the Organisationsmodul (B.4.7 Abs. 3–10);
- :mod:`eghnrw.rates.shared` — gemeinsame Inanspruchnahme (§ 116 Abs. 2 SGB IX).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw._exports import exported
from eghnrw.rates.courses import *
from eghnrw.rates.daily import *
from eghnrw.rates.hourly import *
from eghnrw.rates.organisation import *
from eghnrw.rates.shared import *
from eghnrw.rates.surcharges import *
from eghnrw.rates.surcharges import SurchargeLine as SurchargeLine

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
