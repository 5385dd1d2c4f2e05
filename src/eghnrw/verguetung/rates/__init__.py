"""Vergütung calculations: hourly rates, surcharges, daily flat rates, Organisationsmodul, shared delivery.

One concept a module (RULES M1–M6):

- :mod:`eghnrw.verguetung.rates.hourly` — Stundensätze (LRV A.4.6 Abs. 2) and caller-supplied rate tables;
- :mod:`eghnrw.verguetung.rates.surcharges` — Zuschläge on Brutto-Personalkosten (LRV A.2.2 Abs. 1 d; B.1.5.3, B.1.6.2);
- :mod:`eghnrw.verguetung.rates.daily` — tagesgleiche Pauschalen, Fachmodul Wohnen, Tagesstruktur (A.4.5 Abs. 2);
- :mod:`eghnrw.verguetung.rates.organisation` — the Organisationsmodul (B.4.7 Abs. 3–10);
- :mod:`eghnrw.verguetung.rates.shared` — gemeinsame Inanspruchnahme (§ 116 Abs. 2 SGB IX);
- :mod:`eghnrw.verguetung.rates.courses` — a recognised Kursgebühr (B.4.10 Abs. 3).

Each module loads on the first use of one of its names (:func:`eghnrw.core._exports.lazy`): a first
``hourly_rate`` loads the hourly rates and the surcharges, not the daily rates or the
Organisationsmodul.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw.core._exports import lazy

if TYPE_CHECKING:  # loaded on first use at run time (__getattr__ below)
    from eghnrw.verguetung.rates.courses import *
    from eghnrw.verguetung.rates.daily import *
    from eghnrw.verguetung.rates.hourly import *
    from eghnrw.verguetung.rates.organisation import *
    from eghnrw.verguetung.rates.shared import *
    from eghnrw.verguetung.rates.surcharges import *
    from eghnrw.verguetung.rates.surcharges import SurchargeLine as SurchargeLine

    __all__: list[str]

__getattr__, __dir__ = lazy(__name__, __file__)
