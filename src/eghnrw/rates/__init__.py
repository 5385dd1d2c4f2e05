"""Vergütung calculations: hourly rates, surcharges, daily flat rates, Organisationsmodul, shared delivery.

One concept a module (RULES M1–M6):

- :mod:`eghnrw.rates.hourly` — Stundensätze (LRV A.4.6 Abs. 2) and caller-supplied rate tables;
- :mod:`eghnrw.rates.surcharges` — Zuschläge on Brutto-Personalkosten (LRV A.2.2 Abs. 1 d; B.1.5.3, B.1.6.2);
- :mod:`eghnrw.rates.daily` — tagesgleiche Pauschalen, Fachmodul Wohnen, Tagesstruktur (A.4.5 Abs. 2);
- :mod:`eghnrw.rates.organisation` — the Organisationsmodul (B.4.7 Abs. 3–10);
- :mod:`eghnrw.rates.shared` — gemeinsame Inanspruchnahme (§ 116 Abs. 2 SGB IX).
"""

from __future__ import annotations

from eghnrw.rates.daily import (
    CostBasisRate,
    DailyCostBasis,
    DailyRateResult,
    daily_rate,
    fachmodul_wohnen_rate,
    tagesstruktur_rate,
)
from eghnrw.rates.hourly import (
    AssistenzRateResult,
    HourlyRateEntry,
    HourlyRateResult,
    HourlyRateTable,
    assistenz_hourly_rate,
    hourly_rate,
)
from eghnrw.rates.organisation import OrganisationsmodulResult, organisationsmodul_rate
from eghnrw.rates.shared import SharedDeliveryResult, shared_delivery
from eghnrw.rates.surcharges import (
    SurchargeLine,
    SurchargeResult,
    SurchargeRule,
    SurchargeScheduleResult,
    surcharge,
    surcharge_schedule,
)

__all__ = [
    "AssistenzRateResult",
    "CostBasisRate",
    "DailyCostBasis",
    "DailyRateResult",
    "HourlyRateEntry",
    "HourlyRateResult",
    "HourlyRateTable",
    "OrganisationsmodulResult",
    "SharedDeliveryResult",
    "SurchargeLine",
    "SurchargeResult",
    "SurchargeRule",
    "SurchargeScheduleResult",
    "assistenz_hourly_rate",
    "daily_rate",
    "fachmodul_wohnen_rate",
    "hourly_rate",
    "organisationsmodul_rate",
    "shared_delivery",
    "surcharge",
    "surcharge_schedule",
    "tagesstruktur_rate",
]
