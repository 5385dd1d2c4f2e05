"""Negotiating a whole Vergütung: Kalkulation, occupancy, Fortschreibung, comparison, what-if (RULES M12–M14).

- :mod:`eghnrw.negotiation.costing` — the Kalkulation and its Leistungspauschale (LRV A.4.5, A.4.6, A.2.2);
- :mod:`eghnrw.negotiation.occupancy` — revenue, break-even occupancy and the highest cost a rate
  covers (A.4.5 Abs. 2);
- :mod:`eghnrw.negotiation.comparison` — what changed between two results, by driver, to the cent;
- :mod:`eghnrw.negotiation.scenarios` — what-if: one input varied, a table of rates;
- :mod:`eghnrw.negotiation.update` — the Fortschreibung of a rate or a Kalkulation (A.4.3, A.4.6.2 Abs. 2).
"""

from __future__ import annotations

from eghnrw.negotiation.comparison import ComparisonResult, compare
from eghnrw.negotiation.costing import CostComponent, KalkulationResult, kalkulation
from eghnrw.negotiation.occupancy import (
    BreakEvenResult,
    MaxAnnualCostResult,
    OccupancyAnalysisResult,
    break_even_occupancy,
    max_annual_cost,
    occupancy_analysis,
)
from eghnrw.negotiation.scenarios import WhatIfResult, WhatIfRow, what_if
from eghnrw.negotiation.update import FortschreibungResult, fortschreibung

__all__ = [
    "BreakEvenResult",
    "ComparisonResult",
    "CostComponent",
    "FortschreibungResult",
    "KalkulationResult",
    "MaxAnnualCostResult",
    "OccupancyAnalysisResult",
    "WhatIfResult",
    "WhatIfRow",
    "break_even_occupancy",
    "compare",
    "fortschreibung",
    "kalkulation",
    "max_annual_cost",
    "occupancy_analysis",
    "what_if",
]
