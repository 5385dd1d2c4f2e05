"""The main job in Python: a besondere Wohnform, calculated and explained.

Run: ``python examples/besondere_wohnform.py`` (or ``--lang en``).

Every figure below is an illustrative input. Anlage B of the LRV (staff keys, occupancy, day
counts) is not public and no landeseinheitliche Euro rates are published, so eghnrw takes them
as inputs. The same cases are in ``besondere_wohnform.json`` for ``eghnrw run``.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import eghnrw as e

lang = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "de"

# Fachmodul Wohnen (LRV B.4.6 Abs. 2): 24 places, staff key 1 : 1.6, 96 % occupancy.
wohnen = e.fachmodul_wohnen_rate(
    basis=e.DailyCostBasis(
        places=24,
        occupancy_percent=Decimal(96),
        posts_per_place=Decimal("0.625"),
        cost_per_post=Decimal(58000),
        surcharges_percent={"sachaufwand": Decimal(5)},
        days=Decimal(365),
    )
)

# Organisationsmodul (LRV B.4.7 Abs. 3-10): Leitung/Verwaltung, Sachaufwand, Investitionsbetrag.
organisation = e.organisationsmodul_rate(
    persons=24,
    posts_per_person="0.04",
    cost_per_post="72000",
    sachaufwand_percent="8",
    care_personnel_cost="870000",
    investment="96000",
    public_subsidies="12000",
    operating_costs="18000",
    occupancy_percent="96",
    days=365,
)

# Assistenz: the hourly rate (LRV A.4.6 Abs. 2) and one month's hours, alone and in a group.
rate = e.hourly_rate(
    annual_personnel_cost="58000", surcharges_percent={"gemeinkosten": "12", "sachaufwand": "8"}, on=date(2024, 1, 1)
)
alone = e.shared_delivery(rate=rate.amount, hours="6.5", participants=1)
group = e.shared_delivery(rate=rate.amount, hours="2", participants=3)

# Kosten der Unterkunft (LRV B.4.14 Abs. 7): 780 € against an Angemessenheitsgrenze of 560 €.
kdu = e.kdu_check(actual_costs="780.00", adequacy_limit="560")

# The agreements' end dates after a notice (RV § 19, LRV C.4).
rv = e.rv_termination(notice_received=date(2026, 6, 30))
lrv = e.lrv_termination(notice_received=date(2025, 6, 30))

monthly_days = 31  # March
per_day = wohnen.amount + organisation.amount
print("Besondere Wohnform, März 2024 (erfundene Eingaben)" if lang == "de" else "Besondere Wohnform, March 2024")
print(f"  Fachmodul Wohnen + Organisationsmodul je Tag: {wohnen.amount} + {organisation.amount} = {per_day} €")
print(f"  × {monthly_days} Tage: {e.round_cents(per_day * monthly_days)} €")
print(f"  Assistenz ({rate.amount} €/h): {alone.amount} € einzeln, {group.shares[0]} € Anteil in der Gruppe")
print(f"  KdU: SGB XII {kdu.sgb_xii_share} €, Eingliederungshilfe {kdu.eingliederungshilfe_share} €")
print(f"  RV endet am {rv.end_date:%d.%m.%Y}")
print(f"  LRV gekündigt zum {lrv.effective_date:%d.%m.%Y}, Nachwirkung bis {lrv.aftereffect_until:%d.%m.%Y}")
print()
print(wohnen.explain(lang))
