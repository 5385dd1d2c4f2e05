"""Negotiating a whole Vergütung: Kalkulation, occupancy, Fortschreibung, comparison, what-if (RULES M12–M14).

- :mod:`eghnrw.verguetung.negotiation.costing` — the Kalkulation and its Leistungspauschale (LRV A.4.5, A.4.6, A.2.2);
- :mod:`eghnrw.verguetung.negotiation.occupancy` — revenue, break-even occupancy and the highest cost a rate
  covers (A.4.5 Abs. 2);
- :mod:`eghnrw.verguetung.negotiation.comparison` — what changed between two results, by driver, to the cent;
- :mod:`eghnrw.verguetung.negotiation.scenarios` — what-if: one input varied, a table of rates;
- :mod:`eghnrw.verguetung.negotiation.update` — the Fortschreibung of a rate or a Kalkulation (A.4.3, A.4.6.2 Abs. 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw.core._exports import exported
from eghnrw.verguetung.negotiation.comparison import *
from eghnrw.verguetung.negotiation.costing import *
from eghnrw.verguetung.negotiation.costing import CostComponent as CostComponent
from eghnrw.verguetung.negotiation.occupancy import *
from eghnrw.verguetung.negotiation.scenarios import *
from eghnrw.verguetung.negotiation.scenarios import WhatIfRow as WhatIfRow
from eghnrw.verguetung.negotiation.update import *

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
