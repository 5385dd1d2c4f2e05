"""Negotiating a whole Vergütung: Kalkulation, occupancy, Fortschreibung, comparison, what-if (RULES M12–M14).

- :mod:`eghnrw.negotiation.costing` — the Kalkulation and its Leistungspauschale (LRV A.4.5, A.4.6, A.2.2);
"""

from __future__ import annotations

from eghnrw.negotiation.costing import CostComponent, KalkulationResult, kalkulation

__all__ = ["CostComponent", "KalkulationResult", "kalkulation"]
