"""Worked cases several test files share (the hand-worked figures stay in each test beside its use).

``CONTRACT``: the README's Kalkulation of a Fachmodul Wohnen — 24 places at 96 % for 365 days, six
Fachkräfte at 62,000 and two Hilfskräfte at 46,000 with their Tarifwerke, 10 % Leitung/Verwaltung,
30,000 Sachkosten, 24,000 Investitionsbetrag.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CONTRACT"]

CONTRACT: dict[str, Any] = {
    "unit": "day",
    "places": 24,
    "occupancy_percent": "96",
    "days": 365,
    "posts": [
        {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True, "tarifwerk": "TVöD-SuE"},
        {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False, "tarifwerk": "AVR"},
    ],
    "surcharges_percent": {"leitung_verwaltung": "10"},
    "material_costs": "30000",
    "investment": "24000",
}
