"""Negotiating a whole Vergütung: Kalkulation, occupancy, Fortschreibung, comparison, what-if (RULES M12–M14).

- :mod:`eghnrw.negotiation.costing` — the Kalkulation and its Leistungspauschale (LRV A.4.5, A.4.6, A.2.2);
- :mod:`eghnrw.negotiation.occupancy` — revenue, break-even occupancy and the highest cost a rate
  covers (A.4.5 Abs. 2);
- :mod:`eghnrw.negotiation.comparison` — what changed between two results, by driver, to the cent;
- :mod:`eghnrw.negotiation.scenarios` — what-if: one input varied, a table of rates;
- :mod:`eghnrw.negotiation.update` — the Fortschreibung of a rate or a Kalkulation (A.4.3, A.4.6.2 Abs. 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw._exports import exported
from eghnrw.negotiation.comparison import *
from eghnrw.negotiation.costing import *
from eghnrw.negotiation.costing import CostComponent as CostComponent
from eghnrw.negotiation.occupancy import *
from eghnrw.negotiation.scenarios import *
from eghnrw.negotiation.scenarios import WhatIfRow as WhatIfRow
from eghnrw.negotiation.update import *

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
