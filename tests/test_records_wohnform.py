"""Audit records of the besondere Wohnformen, the billing rules and the module rates, pinned whole.

As ``tests/test_audit_records.py`` does for the older rule modules (whose ``_outcome`` this file
reuses): each case is a call of a public rule function with its whole record — the value, each
step with its clause and its German and English text, or the refusal's message — pinned in
``tests/golden/audit-records-wohnform.json``. The cases reach every branch of
``eghnrw.unterkunft.wohnform`` (``area_split``, ``resident_shares``, ``warmmiete_check``, ``wohnform_split``),
``eghnrw.verguetung.billing`` and ``eghnrw.verguetung.module_rates`` (issue 20, "Tests that can tell": mutation testing
found their step texts, clauses and messages unpinned). The key values are worked by hand in the
comments; ``tests/test_wohnform_*.py``, ``tests/test_billing.py`` and ``tests/test_module_rates.py``
work the rest.

When a change is intended, regenerate and review the diff like any golden file::

    EGHNRW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_records_wohnform.py
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from eghnrw.kommission.models import FachmodulWohnen, House, Mobilitaet
from eghnrw.verguetung.billing import BillingUnit, InvoiceItem
from golden_files import changed_under_an_odd_context, check_golden
from test_audit_records import _TABLE, _outcome

GOLDEN = Path(__file__).resolve().parent / "golden" / "audit-records-wohnform.json"
ON = date(2024, 1, 1)


def _house(**changed: Any) -> dict[str, Any]:
    """A small house: F 60 m², G 40 m², rooms A and B of 20 m² each (W 40 m²), 140 m² in all.

    Miete 24,000 × 60 ÷ 140 = 10,285.714… → 10,285.71 to the Fachleistung, 13,714.29 Unterkunft;
    ÷ 12 = 1,142.8575 → 1,142.86 a month, per head (20 + 40 ÷ 2 each) 571.43 each. Strom 1,200 ÷ 12
    = 100.00 a month, 50.00 each. A's WBVG contract charges 600.00: A's actual costs 600 + 50 = 650;
    B's 571.43 + 50 = 621.43.
    """
    house: dict[str, Any] = {
        "name": "Haus",
        "fachleistung_m2": "60",
        "gemeinschaft_m2": "40",
        "costs": [
            {"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"},
            {"name": "Strom", "kind": "besondere_nebenkosten", "annual_amount": "1200.00"},
        ],
        "residents": [{"id": "A", "room_m2": "20", "warmmiete_charged": "600.00"}, {"id": "B", "room_m2": "20"}],
        "adequacy_limit": "520",
    }
    return house | changed


_EXAMPLE: dict[str, Any] = json.loads(
    resources.files("eghnrw.unterkunft.wohnform").joinpath("example_house.json").read_text(encoding="utf-8")
)
_ALL_KINDS = [
    {"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"},
    {"name": "Betriebskosten", "kind": "betriebskosten", "annual_amount": "7000.00"},
    {"name": "Ausstattung", "kind": "ausstattung", "annual_amount": "1500.00"},
    {"name": "Strom", "kind": "besondere_nebenkosten", "annual_amount": "1200.00"},
]
_HUGE = {"name": "Block", "annual_amount": "999999999999999"}
_ITEM = {"description": "Fachmodul Wohnen", "unit": "day", "quantity": "29", "unit_price": "47.09"}
_STAFFING = {"posts_per_place": "0.25", "cost_per_post": "60000", "surcharges_percent": {"sachaufwand": "10"}}
_WOHNEN = {"kind": "fachmodul_wohnen", "places": 20, "occupancy_percent": "95", "days": 365}
_TAGES = {"kind": "fachmodul_tagesstruktur", "nutzungsintensitaet": "intensitaet_2", "places": 24}
_KALKULATION = {
    "unit": "day",
    "places": 10,
    "occupancy_percent": "100",
    "posts": [{"role": "Fachkraft", "fte": "2", "annual_cost": "60000", "skilled": True}],
    "surcharges_percent": {"sachaufwand": "10"},
}
_ORGANISATION = {
    "kind": "organisationsmodul",
    "persons": 40,
    "posts_per_person": "0.025",
    "cost_per_post": "70000",
    "sachaufwand_percent": "10",
    "investment": "30000",
    "public_subsidies": "10000",
    "operating_costs": "5000",
    "occupancy_percent": "100",
    "days": 365,
}
_ASSISTENZ = {"kind": "assistenz", "assistenz": "qualifizierte_assistenz", "annual_personnel_cost": "63360"}
_LVR = {
    "kind": "fachmodul_pflegefamilien",
    "landschaftsverband": "LVR",
    "hourly_rate": "54.13",
    "hours_per_month": "10.5",
    "flat_rate": "350",
    "flat_rate_period": "month",
}

#: (label, public function, keyword arguments). Labels are unique; positional-only calls use "args".
CASES: list[tuple[str, str, dict[str, Any]]] = [
    # --- area_split (LRV B.4.14 Abs. 2, 3, 6) ------------------------------------------------------
    # 120,000 × 300 ÷ 1,100 = 32,727.27|27… → 32,727.27; 87,272.73 the rest
    (
        "area no misch",
        "area_split",
        {"annual_costs": "120000", "fachleistung_m2": "300", "wohnen_m2": "600", "gemeinschaft_m2": "200"},
    ),
    # pro rata: 50 × 300 ÷ 1,100 = 13.6363… m² to the Fachleistung; the costs still by 300 : 800
    (
        "area misch pro rata",
        "area_split",
        {
            "annual_costs": "120000",
            "fachleistung_m2": "300",
            "wohnen_m2": "600",
            "gemeinschaft_m2": "200",
            "misch_m2": "50",
        },
    ),
    # 20 % of 50 = 10 m²: 1,000 × 110 ÷ 250 = 440.00
    (
        "area misch percent",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "20",
        },
    ),
    (
        "area misch percent 100",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "100",
        },
    ),
    (
        "area misch percent 0",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "0",
        },
    ),
    # 10 of the 50 m² agreed: 120,000 × 310 ÷ 1,150 = 32,347.826… → 32,347.83
    (
        "area misch agreed",
        "area_split",
        {
            "annual_costs": "120000",
            "fachleistung_m2": "300",
            "wohnen_m2": "600",
            "gemeinschaft_m2": "200",
            "misch_m2": "50",
            "misch_fachleistung_m2": "10",
        },
    ),
    # all 50 m² agreed (misch_fachleistung_m2 == misch_m2 is allowed): 1,000 × 150 ÷ 250 = 600.00
    (
        "area misch agreed all",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_m2": "50",
        },
    ),
    # exact quotients written plainly: 2E+2 × 1E+2 ÷ 2E+2 = 1E+2 is shown as 100 (not "1E+2")
    (
        "area exponents",
        "area_split",
        {
            "annual_costs": "900",
            "fachleistung_m2": Decimal("1E+2"),
            "wohnen_m2": Decimal("1E+2"),
            "misch_m2": Decimal("2E+2"),
        },
    ),
    # Mischflächen "-0" (accepted: not below zero): the share pro rata, −0 × 100 ÷ 200 = −0, is written
    # out plainly as 0 (plain adds a zero: −0 + 0 = 0), never as "-0"
    (
        "area misch minus zero",
        "area_split",
        {"annual_costs": "1000", "fachleistung_m2": "100", "wohnen_m2": "100", "misch_m2": "-0"},
    ),
    # a fixed share with a fraction: 50 × 12.5 % = 6.25 m²; 1,000 × 106.25 ÷ 250 = 425.00 (the English
    # text writes 12.5, the German 12,5)
    (
        "area misch percent fraction",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "12.5",
        },
    ),
    # pro rata the costs go by F : (W + G) = 1 : 5 exactly: 0.03 gives 0.005 and 0.025, a tie, so
    # the cent goes to the Fachleistung (0.01 / 0.02). By the areas with the Mischflächen's share
    # 2 × 1 ÷ 6 = 0.333… (cut off after 60 digits) the Fachleistung would fall just short of the tie.
    (
        "area pro rata tie with a repeating share",
        "area_split",
        {"annual_costs": "0.03", "fachleistung_m2": "1", "wohnen_m2": "5", "misch_m2": "2"},
    ),
    # 0.01 on a tie 1 : 1: the cent to the Fachleistung (the earlier part)
    ("area tie", "area_split", {"annual_costs": "0.01", "fachleistung_m2": "1", "wohnen_m2": "1"}),
    (
        "area only misch agreed",
        "area_split",
        {
            "annual_costs": "10",
            "fachleistung_m2": "0",
            "wohnen_m2": "0",
            "misch_m2": "10",
            "misch_fachleistung_percent": "30",
        },
    ),
    ("area no fachleistung", "area_split", {"annual_costs": "500.00", "fachleistung_m2": "0", "wohnen_m2": "80"}),
    (
        "area both readings",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "20",
            "misch_fachleistung_m2": "10",
        },
    ),
    (
        "area percent above 100",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_percent": "100.01",
        },
    ),
    (
        "area agreed above misch",
        "area_split",
        {
            "annual_costs": "1000",
            "fachleistung_m2": "100",
            "wohnen_m2": "100",
            "misch_m2": "50",
            "misch_fachleistung_m2": "50.01",
        },
    ),
    ("area nothing", "area_split", {"annual_costs": "1000", "fachleistung_m2": "0", "wohnen_m2": "0"}),
    (
        "area only misch pro rata",
        "area_split",
        {"annual_costs": "1000", "fachleistung_m2": "0", "wohnen_m2": "0", "misch_m2": "10"},
    ),
    ("area costs not cents", "area_split", {"annual_costs": "0.001", "fachleistung_m2": "1", "wohnen_m2": "1"}),
    # --- resident_shares (Abs. 7) ------------------------------------------------------------------
    # per head: keys 10 + 10, 20 + 10, 30 + 10 of 90 m²: 222.22|2, 333.33|3, 444.44|4 → the cent to C
    (
        "residents per head",
        "resident_shares",
        {"amount": "1000.00", "rooms": {"A": "10", "B": "20", "C": "30"}, "gemeinschaft_m2": "30"},
    ),
    # by area: 10 : 20 : 30 → 166.66|6, 333.33|3, 500.00 → the cent to A
    (
        "residents by area",
        "resident_shares",
        {
            "amount": "1000.00",
            "rooms": {"A": "10", "B": "20", "C": "30"},
            "gemeinschaft_m2": "30",
            "shared_rooms": "by_area",
        },
    ),
    ("residents no shared rooms", "resident_shares", {"amount": "100.00", "rooms": {"A": "16.5", "B": "33"}}),
    ("residents one", "resident_shares", {"amount": "571.43", "rooms": {"A": "20"}, "gemeinschaft_m2": "40"}),
    # a tie 1 : 1 of 0.01: the cent to the earlier resident
    ("residents tie", "resident_shares", {"amount": "0.01", "rooms": {"A": "10", "B": "10"}}),
    # exact areas written plainly: 2E+1 + 4E+1 ÷ 2 = 4E+1 is shown as 40
    (
        "residents exponents per head",
        "resident_shares",
        {"amount": "80", "rooms": {"A": Decimal("2E+1"), "B": Decimal("2E+1")}, "gemeinschaft_m2": Decimal("4E+1")},
    ),
    (
        "residents exponents by area",
        "resident_shares",
        {
            "amount": "80",
            "rooms": {"A": Decimal("2E+1"), "B": Decimal("2E+1")},
            "gemeinschaft_m2": Decimal("4E+1"),
            "shared_rooms": "by_area",
        },
    ),
    # more digits than the odd context's 3 (the keys are computed in eghnrw's context): per head
    # 2 × 12.34 + 10.01 = 34.69 and 2 × 20 + 10.01 = 50.01 of 84.70: 409.56|31…, 590.43|68… → the cent
    # to B; key areas 12.34 + 10.01 ÷ 2 = 17.345 and 25.005
    (
        "residents many digits per head",
        "resident_shares",
        {"amount": "1000.00", "rooms": {"A": "12.34", "B": "20"}, "gemeinschaft_m2": "10.01"},
    ),
    # by area 12.34 : 20 of 32.34: 381.57|08…, 618.42|91… → the cent to B; A's key area
    # 12.34 + 10.01 × 12.34 ÷ 32.34 = 12.34 + 3.8195… = 16.1595…
    (
        "residents many digits by area",
        "resident_shares",
        {
            "amount": "1000.00",
            "rooms": {"A": "12.34", "B": "20"},
            "gemeinschaft_m2": "10.01",
            "shared_rooms": "by_area",
        },
    ),
    ("residents smallest room", "resident_shares", {"amount": "10.00", "rooms": {"A": "0.01", "B": "1"}}),
    ("residents no rooms", "resident_shares", {"amount": "10.00", "rooms": {}}),
    ("residents rooms list", "resident_shares", {"amount": "10.00", "rooms": ["A", "B"]}),
    ("residents room zero", "resident_shares", {"amount": "10.00", "rooms": {"A": "10", "B": "0"}}),
    ("residents room text", "resident_shares", {"amount": "10.00", "rooms": {"A": "zehn"}}),
    ("residents name blank", "resident_shares", {"amount": "10.00", "rooms": {" ": "10"}}),
    ("residents name number", "resident_shares", {"amount": "10.00", "rooms": {1: "10"}}),
    ("residents amount not cents", "resident_shares", {"amount": "10.001", "rooms": {"A": "10"}}),
    ("residents shared negative", "resident_shares", {"amount": "10", "rooms": {"A": "10"}, "gemeinschaft_m2": "-1"}),
    ("residents key unknown", "resident_shares", {"amount": "10", "rooms": {"A": "10"}, "shared_rooms": "kopf"}),
    # --- warmmiete_check (Abs. 7 letzter Satz) -----------------------------------------------------
    # 458.52 − 470.00 = −11.48; ÷ 470 = −2.4425… % → −2.44: covered
    ("warmmiete below", "warmmiete_check", {"warmmiete_charged": "458.52", "unterkunft_costs": "470.00"}),
    ("warmmiete equal", "warmmiete_check", {"warmmiete_charged": "500.00", "unterkunft_costs": "500.00"}),
    # one cent above: 0.01 ÷ 500 = 0.002 % → 0.00 %, and still not covered
    ("warmmiete a cent above", "warmmiete_check", {"warmmiete_charged": "500.01", "unterkunft_costs": "500.00"}),
    # one euro above: 1 ÷ 500 = 0.2 %, not covered (issue 20: `exact <= 0` → `<= 1` must fail)
    ("warmmiete a euro above", "warmmiete_check", {"warmmiete_charged": "501.00", "unterkunft_costs": "500.00"}),
    ("warmmiete no costs", "warmmiete_check", {"warmmiete_charged": "50", "unterkunft_costs": "0"}),
    ("warmmiete both zero", "warmmiete_check", {"warmmiete_charged": "0", "unterkunft_costs": "0"}),
    # 9,999,999,999,999 ÷ 0.01 × 100 = 10^17 %: refused, naming the quotient's inputs
    (
        "warmmiete percent too large",
        "warmmiete_check",
        {"warmmiete_charged": "9999999999999", "unterkunft_costs": "0.01"},
    ),
    # --- wohnform_split (Abs. 2–7, B.4.7 Abs. 3) ----------------------------------------------------
    # the bundled example: worked in tests/test_wohnform_separation.py (H above 600 by 15.34)
    ("wohnform example", "wohnform_split", {"args": (_EXAMPLE,)}),
    ("wohnform example costs basis", "wohnform_split", {"args": (_EXAMPLE | {"kdu_basis": "costs"},)}),
    # limit 520 → threshold 650.00 = A's 600 + 50 exactly: not above; B 621.43 between 520 and 650
    ("wohnform at the threshold", "wohnform_split", {"args": (_house(),)}),
    # limit 519.99 → threshold 649.9875, the cap rounded down to 649.98: A's 650.00 exceeds it by 0.02
    ("wohnform a cent above the threshold", "wohnform_split", {"args": (_house(adequacy_limit="519.99"),)}),
    # limit 500 → 625: A 650 − 625 = 25.00 Eingliederungshilfe; B 621.43 below
    ("wohnform above the threshold", "wohnform_split", {"args": (_house(adequacy_limit="500"),)}),
    # limit 700: everyone below the limit, SGB XII carries it all
    ("wohnform below the limit", "wohnform_split", {"args": (_house(adequacy_limit="700"),)}),
    # on the costs: A 571.43 + 50 = 621.43 below 650; the contract still checked against the costs
    ("wohnform costs basis", "wohnform_split", {"args": (_house(kdu_basis="costs"),)}),
    # not itemised: SGB XII only up to the limit 500; B's override itemised=True keeps B's 621.43
    (
        "wohnform not itemised",
        "wohnform_split",
        {
            "args": (
                _house(
                    adequacy_limit="500",
                    itemised=False,
                    residents=[
                        {"id": "A", "room_m2": "20", "warmmiete_charged": "600.00"},
                        {"id": "B", "room_m2": "20", "itemised": True},
                    ],
                ),
            )
        },
    ),
    # preconditions not met: A's 650 − 625 = 25.00 carried by neither; B (override: met) 700 + 50 − 625 = 125.00
    # Eingliederungshilfe
    (
        "wohnform preconditions not met",
        "wohnform_split",
        {
            "args": (
                _house(
                    adequacy_limit="500",
                    preconditions_met=False,
                    residents=[
                        {"id": "A", "room_m2": "20", "warmmiete_charged": "600.00"},
                        {"id": "B", "room_m2": "20", "preconditions_met": True, "warmmiete_charged": "700.00"},
                    ],
                ),
            )
        },
    ),
    # a contract below the costs: A charges 500.00 against 571.43 (covered, −71.43)
    (
        "wohnform charged below the costs",
        "wohnform_split",
        {
            "args": (
                _house(
                    residents=[
                        {"id": "A", "room_m2": "20", "warmmiete_charged": "500.00"},
                        {"id": "B", "room_m2": "20"},
                    ]
                ),
            )
        },
    ),
    # no contract figure: no check, per resident or for the house
    (
        "wohnform nothing charged",
        "wohnform_split",
        {"args": (_house(residents=[{"id": "A", "room_m2": "20"}, {"id": "B", "room_m2": "20"}]),)},
    ),
    # only Betriebskosten: 7,000 × 60 ÷ 140 = 3,000.00 operating costs, the Investitionsbetrag a sum of
    # nothing, 0.00 (not 0); 4,000 ÷ 12 = 333.33 a month, 166.67 / 166.66
    (
        "wohnform only betriebskosten",
        "wohnform_split",
        {"args": (_house(costs=[{"name": "BK", "kind": "betriebskosten", "annual_amount": "7000.00"}]),)},
    ),
    # only besondere Nebenkosten: the Warmmiete part a sum of nothing, 0.00; 1,200 ÷ 12 = 100.00, 50.00 each
    (
        "wohnform only besondere nebenkosten",
        "wohnform_split",
        {"args": (_house(costs=[{"name": "Strom", "kind": "besondere_nebenkosten", "annual_amount": "1200.00"}]),)},
    ),
    # 13 blocks of 999,999,999,999,999 all to the Unterkunft (no Fachleistungsfläche): 12,999,999,999,999,987
    # ÷ 12 = 1,083,333,333,333,332.25, beyond 10^15: refused naming the monthly Warmmiete (or Nebenkosten)
    (
        "wohnform warmmiete beyond the limit",
        "wohnform_split",
        {"args": (_house(fachleistung_m2="0", costs=[_HUGE | {"kind": "kapitalkosten"}] * 13),)},
    ),
    (
        "wohnform nebenkosten beyond the limit",
        "wohnform_split",
        {"args": (_house(fachleistung_m2="0", costs=[_HUGE | {"kind": "besondere_nebenkosten"}] * 13),)},
    ),
    # B vacant: B's 571.43 + 50 = 621.43 is the provider's (vacancy)
    (
        "wohnform vacant",
        "wohnform_split",
        {
            "args": (
                _house(
                    residents=[
                        {"id": "A", "room_m2": "20", "warmmiete_charged": "600.00"},
                        {"id": "B", "room_m2": "20", "vacant": True},
                    ]
                ),
            )
        },
    ),
    # every cost kind, by area with half the Mischflächen: F 60 + 10 = 70 of 160 m²;
    # Miete 24,000 × 70 ÷ 160 = 10,500; Betriebskosten 7,000 × 70 ÷ 160 = 3,062.50; Ausstattung 1,500 all
    # Fachleistung; investment 10,500 + 1,500 = 12,000, operating 3,062.50
    (
        "wohnform all kinds by area",
        "wohnform_split",
        {
            "args": (
                _house(
                    costs=_ALL_KINDS,
                    misch_m2="20",
                    misch_fachleistung_percent="50",
                    shared_rooms="by_area",
                    residents=[
                        {"id": "A", "room_m2": "15", "warmmiete_charged": "600.00"},
                        {"id": "B", "room_m2": "25"},
                    ],
                ),
            )
        },
    ),
    (
        "wohnform misch agreed",
        "wohnform_split",
        {"args": (_house(costs=_ALL_KINDS, misch_m2="20", misch_fachleistung_m2="5"),)},
    ),
    ("wohnform a House", "wohnform_split", {"args": (House.model_validate(_house()),)}),
    ("wohnform not a house", "wohnform_split", {"args": (["Haus"],)}),
    (
        "wohnform room zero",
        "wohnform_split",
        {"args": (_house(residents=[{"id": "A", "room_m2": "20"}, {"id": "B", "room_m2": "0"}]),)},
    ),
    # --- monthly_invoice (LRV A.4.5 Abs. 1) ---------------------------------------------------------
    # 29 × 47.09 = 1,365.61; 12.25 × 54.13 = 663.0925 → 663.09; 2,028.70
    (
        "invoice",
        "monthly_invoice",
        {
            "month": date(2024, 2, 1),
            "items": [
                InvoiceItem(
                    description="Fachmodul Wohnen",
                    unit=BillingUnit.DAY,
                    quantity=Decimal(29),
                    unit_price=Decimal("47.09"),
                    clause="LRV B.4.6 Abs. 2",
                ),
                {
                    "description": "Qualifizierte Assistenz",
                    "unit": "hour",
                    "quantity": "12.25",
                    "unit_price": "54.13",
                    "clause": "LRV B.4.2 Abs. 2",
                },
                {"description": "Pauschale", "unit": "flat", "quantity": "1", "unit_price": "10.005"},
            ],
        },
    ),
    # any day of the month names the month: 15.12.2023 → 01.12.–31.12.2023; 31 days allowed
    ("invoice december", "monthly_invoice", {"month": date(2023, 12, 15), "items": [_ITEM | {"quantity": "31"}]}),
    ("invoice empty", "monthly_invoice", {"month": date(2024, 2, 29), "items": []}),
    ("invoice too many days", "monthly_invoice", {"month": date(2023, 2, 1), "items": [_ITEM]}),
    ("invoice part day", "monthly_invoice", {"month": date(2024, 2, 1), "items": [_ITEM | {"quantity": "1.5"}]}),
    ("invoice item invalid", "monthly_invoice", {"month": date(2024, 2, 1), "items": [_ITEM, {"unit": "day"}]}),
    ("invoice item not a mapping", "monthly_invoice", {"month": date(2024, 2, 1), "items": [_ITEM, 5]}),
    ("invoice unit not text", "monthly_invoice", {"month": date(2024, 2, 1), "items": [_ITEM | {"unit": 5}]}),
    ("invoice items text", "monthly_invoice", {"month": date(2024, 2, 1), "items": "Fachmodul"}),
    ("invoice items set", "monthly_invoice", {"month": date(2024, 2, 1), "items": {1}}),
    (
        "invoice line too large",
        "monthly_invoice",
        {
            "month": date(2024, 2, 1),
            "items": [_ITEM, _ITEM | {"unit": "hour", "quantity": "100000000", "unit_price": "10000000"}],
        },
    ),
    # --- kurzzeitbetreuung (LRV B.4.8 Abs. 4, 5; A.4.4 Abs. 1) --------------------------------------
    # 01.03.–12.04.2024: 31 + 12 = 43 days; 42 covered up to 11.04.; 42 × 80 = 3,360.00
    (
        "kurzzeit 43 days",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 4, 12), "versorgung_daily_rate": "80"},
    ),
    ("kurzzeit 42 days", "kurzzeitbetreuung", {"first_day": date(2024, 3, 1), "last_day": date(2024, 4, 11)}),
    ("kurzzeit one day", "kurzzeitbetreuung", {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 1)}),
    # away 10.–14.03. (5 days): continues: window 01.03.–11.04., present 01.–09.03. and 15.03.–11.04.
    # = 9 + 28 = 37 covered; 01.03.–20.04. = 51 days, 51 − 5 away − 37 = 9 above (12.–20.04.);
    # 37 × 80.005 = 2,960.185 → 2,960.19
    (
        "kurzzeit absence continues",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 4, 20),
            "versorgung_daily_rate": "80.005",
            "absences": [(date(2024, 3, 10), date(2024, 3, 14))],
        },
    ),
    # restarts: 01.–09.03. (9) and 15.03.–20.04. (37, within its own 42) = 46 covered, none above
    (
        "kurzzeit absence restarts",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 4, 20),
            "absences": [(date(2024, 3, 10), date(2024, 3, 14))],
            "interruption": "restarts",
        },
    ),
    # restarts with a long second part: 01.–02.03. (2), 04.03.–30.04. (58 → 42 up to 14.04.)
    (
        "kurzzeit restarts capped",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 4, 30),
            "absences": [(date(2024, 3, 3), date(2024, 3, 3))],
            "interruption": "restarts",
        },
    ),
    # continues: away 15.–16.04., after the window 01.03.–11.04.: the part 17.–30.04. gets no day
    (
        "kurzzeit part after the window",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 4, 30),
            "absences": [(date(2024, 4, 15), date(2024, 4, 16))],
        },
    ),
    # away 02.03.–11.04. (41 days), the window 01.03.–11.04.: only 01.03. is covered ("1 Tag", singular);
    # 61 days − 41 away − 1 covered = 19 days above (12.–30.04.)
    (
        "kurzzeit one day covered",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 4, 30),
            "absences": [(date(2024, 3, 2), date(2024, 4, 11))],
        },
    ),
    # approved 10.03. during a long absence 02.03.–20.04.: the window 10.03.–20.04. has no day present,
    # so no day is covered and the "last covered day" is the first paid day, 10.03.
    (
        "kurzzeit nothing covered",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 5, 30),
            "approved_on": date(2024, 3, 10),
            "absences": [(date(2024, 3, 2), date(2024, 4, 20))],
        },
    ),
    # two absences in any order, a day apart (sorted; 12.03. is not 11.03.: no overlap)
    (
        "kurzzeit two absences",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 31),
            "absences": [[date(2024, 3, 12), date(2024, 3, 13)], (date(2024, 3, 5), date(2024, 3, 11))],
        },
    ),
    # approved 11.03.: paid from 11.03. (A.4.4 Abs. 1); 01.–10.03. unpaid (10, less the day away on 05.03.)
    (
        "kurzzeit approved later",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 20),
            "approved_on": date(2024, 3, 11),
            "absences": [(date(2024, 3, 5), date(2024, 3, 5))],
            "versorgung_daily_rate": "80",
        },
    ),
    (
        "kurzzeit approved before",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 20), "approved_on": date(2024, 2, 20)},
    ),
    (
        "kurzzeit approved on the last day",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 20), "approved_on": date(2024, 3, 20)},
    ),
    (
        "kurzzeit approved after",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 20), "approved_on": date(2024, 3, 21)},
    ),
    # an emergency: paid from admission although approved after the stay
    (
        "kurzzeit emergency",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 20),
            "approved_on": date(2024, 3, 21),
            "emergency": True,
        },
    ),
    (
        "kurzzeit emergency only",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 20), "emergency": True},
    ),
    # eingestreut: housing for every paid day 11.03.–20.03. = 10 × 15.505 = 155.05
    (
        "kurzzeit eingestreut",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 20),
            "approved_on": date(2024, 3, 11),
            "place": "eingestreut",
            "housing_daily_cost": "15.505",
        },
    ),
    (
        "kurzzeit eingestreut no cost",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "place": "eingestreut"},
    ),
    (
        "kurzzeit solitaer",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "place": "solitaer"},
    ),
    (
        "kurzzeit solitaer housing",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "place": "solitaer", "housing_daily_cost": "1"},
    ),
    (
        "kurzzeit housing without place",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "housing_daily_cost": "1"},
    ),
    (
        "kurzzeit place unknown",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "place": "eigenes Zimmer"},
    ),
    (
        "kurzzeit interruption unknown",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 2), "interruption": "stops"},
    ),
    ("kurzzeit last before first", "kurzzeitbetreuung", {"first_day": date(2024, 3, 2), "last_day": date(2024, 3, 1)}),
    (
        "kurzzeit absences text",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 9), "absences": "05.03."},
    ),
    (
        "kurzzeit absence not a pair",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 9), "absences": [(date(2024, 3, 5),)]},
    ),
    (
        "kurzzeit absence on the first day",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 9),
            "absences": [(date(2024, 3, 1), date(2024, 3, 2))],
        },
    ),
    (
        "kurzzeit absence on the last day",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 9),
            "absences": [(date(2024, 3, 8), date(2024, 3, 9))],
        },
    ),
    (
        "kurzzeit absence back before away",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 9),
            "absences": [(date(2024, 3, 5), date(2024, 3, 4))],
        },
    ),
    (
        "kurzzeit absences overlap",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 9),
            "absences": [(date(2024, 3, 2), date(2024, 3, 4)), (date(2024, 3, 4), date(2024, 3, 5))],
        },
    ),
    (
        "kurzzeit absence day not a date",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 9), "absences": [(date(2024, 3, 2), "03.03.")]},
    ),
    # the first day away not a date: the refusal names absences[0][0]
    (
        "kurzzeit absence first day not a date",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 9), "absences": [("02.03.", date(2024, 3, 3))]},
    ),
    (
        "kurzzeit amount too large",
        "kurzzeitbetreuung",
        {"first_day": date(2024, 3, 1), "last_day": date(2024, 3, 20), "versorgung_daily_rate": "99999999999999"},
    ),
    (
        "kurzzeit housing too large",
        "kurzzeitbetreuung",
        {
            "first_day": date(2024, 3, 1),
            "last_day": date(2024, 3, 20),
            "place": "eingestreut",
            "housing_daily_cost": "99999999999999",
        },
    ),
    # --- pflegefamilie_verguetung (LRV B.4.9 Abs. 3, 4) ---------------------------------------------
    # 10.5 × 54.13 = 568.365 → 568.37; + 350.01 (350.005 rounded) = 918.38
    (
        "pflegefamilie LVR",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LVR", "flat_rate": "350.005", "care_hours": "10.5", "hourly_rate": "54.13"},
    ),
    ("pflegefamilie LWL", "pflegefamilie_verguetung", {"landschaftsverband": "LWL", "flat_rate": "1200.004"}),
    (
        "pflegefamilie LWL hours",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LWL", "flat_rate": "1200", "care_hours": "10"},
    ),
    (
        "pflegefamilie LWL rate",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LWL", "flat_rate": "1200", "hourly_rate": "54.13"},
    ),
    (
        "pflegefamilie LVR no hours",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LVR", "flat_rate": "350", "hourly_rate": "54.13"},
    ),
    (
        "pflegefamilie LVR no rate",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LVR", "flat_rate": "350", "care_hours": "10"},
    ),
    ("pflegefamilie unknown", "pflegefamilie_verguetung", {"landschaftsverband": "LWV", "flat_rate": "350"}),
    (
        "pflegefamilie product too large",
        "pflegefamilie_verguetung",
        {"landschaftsverband": "LVR", "flat_rate": "0", "care_hours": "99999999", "hourly_rate": "99999999"},
    ),
    # --- verguetungskuerzung (LRV A.8.5 Abs. 1, § 129 Abs. 1 SGB IX) --------------------------------
    # 01.03.2022–29.02.2024: 24 months from the start of 01.03.2022 end with 29.02.2024 (§ 188 Abs. 2)
    (
        "kuerzung 24 months",
        "verguetungskuerzung",
        {"amount": "1000.00", "first_day": date(2022, 3, 1), "last_day": date(2024, 2, 29)},
    ),
    (
        "kuerzung a day too long",
        "verguetungskuerzung",
        {"amount": "1000.00", "first_day": date(2022, 3, 1), "last_day": date(2024, 3, 1)},
    ),
    # 24 months of 1,000: 41.66|6 each, the 16 cents left to the first 16 months → 41.67 … 41.66
    (
        "kuerzung months parts",
        "verguetungskuerzung",
        {"amount": "1000.00", "first_day": date(2024, 1, 1), "months": 24, "monthly_parts": True},
    ),
    # 15.01.–14.02.: exactly one month; –15.02.: a second month begun
    (
        "kuerzung one month",
        "verguetungskuerzung",
        {"amount": "100", "first_day": date(2024, 1, 15), "last_day": date(2024, 2, 14), "monthly_parts": True},
    ),
    (
        "kuerzung a month and a day",
        "verguetungskuerzung",
        {"amount": "100", "first_day": date(2024, 1, 15), "last_day": date(2024, 2, 15), "monthly_parts": True},
    ),
    (
        "kuerzung one day",
        "verguetungskuerzung",
        {"amount": "0", "first_day": date(2024, 1, 31), "last_day": date(2024, 1, 31)},
    ),
    ("kuerzung month end", "verguetungskuerzung", {"amount": "10", "first_day": date(2024, 1, 31), "months": 1}),
    ("kuerzung 25 months", "verguetungskuerzung", {"amount": "10", "first_day": date(2024, 1, 1), "months": 25}),
    ("kuerzung 0 months", "verguetungskuerzung", {"amount": "10", "first_day": date(2024, 1, 1), "months": 0}),
    ("kuerzung neither", "verguetungskuerzung", {"amount": "10", "first_day": date(2024, 1, 1)}),
    (
        "kuerzung both",
        "verguetungskuerzung",
        {"amount": "10", "first_day": date(2024, 1, 1), "months": 1, "last_day": date(2024, 1, 31)},
    ),
    (
        "kuerzung last before first",
        "verguetungskuerzung",
        {"amount": "10", "first_day": date(2024, 1, 2), "last_day": date(2024, 1, 1)},
    ),
    ("kuerzung not cents", "verguetungskuerzung", {"amount": "10.001", "first_day": date(2024, 1, 1), "months": 1}),
    (
        "kuerzung parts not bool",
        "verguetungskuerzung",
        {"amount": "10", "first_day": date(2024, 1, 1), "months": 1, "monthly_parts": 1},
    ),
    # --- module_rate for every kind (tests/test_audit_records.py has wohnen by annual_cost,
    # mobilitaet, assistenz by hourly_rate with a note, pflegefamilie LVR) -----------------------------
    # 24 × 0.25 × 60,000 = 360,000 + 10 % = 396,000 ÷ (24 × 365 × 0.95 = 8,322) = 47.5847… → 47.58
    ("module wohnen staffing", "module_rate", {"args": (_WOHNEN | {"staffing": _STAFFING, "places": 24},), "on": ON}),
    (
        "module wohnen staffing children's rule",
        "module_rate",
        {"args": (_WOHNEN | {"staffing": _STAFFING},), "on": ON, "surcharge_rule": "teilhabe_an_bildung"},
    ),
    # the Kalkulation takes the module's days: 2 × 60,000 × 1.1 = 132,000 ÷ (10 × 250) = 52.80
    (
        "module wohnen kalkulation",
        "module_rate",
        {
            "args": (_WOHNEN | {"kalkulation": _KALKULATION, "places": 10, "occupancy_percent": "100", "days": 250},),
            "on": ON,
        },
    ),
    (
        "module wohnen kalkulation rule",
        "module_rate",
        {
            "args": (
                _WOHNEN | {"kalkulation": _KALKULATION | {"days": 365}, "places": 10, "occupancy_percent": "100"},
            ),
            "on": ON,
            "surcharge_rule": "assistenz_kinder_familie",
        },
    ),
    (
        "module wohnen kalkulation parameter days",
        "module_rate",
        {
            "args": (
                {
                    "kind": "fachmodul_wohnen",
                    "kalkulation": _KALKULATION,
                    "places": 10,
                    "occupancy_percent": "100",
                },
            ),
            "on": ON,
        },
    ),
    (
        "module wohnen agreed",
        "module_rate",
        {"args": (_WOHNEN | {"annual_cost": "1000000", "agreed_daily_rate": "150.00"},), "on": ON},
    ),
    (
        "module wohnen staffing agreed",
        "module_rate",
        {"args": (_WOHNEN | {"staffing": _STAFFING, "agreed_daily_rate": "58.00"},), "on": ON},
    ),
    (
        "module wohnen berechnungstage override",
        "module_rate",
        {
            "args": ({"kind": "fachmodul_wohnen", "annual_cost": "36500", "places": 1, "occupancy_percent": "100"},),
            "on": ON,
            "overrides": {"berechnungstage": "365"},
        },
    ),
    (
        "module wohnen model",
        "module_rate",
        {"args": (FachmodulWohnen(annual_cost="1000", places=1, occupancy_percent="100", days=100),), "on": ON},
    ),
    (
        "module tagesstruktur annual cost",
        "module_rate",
        {"args": (_TAGES | {"annual_cost": "240000", "occupancy_percent": "90", "days": 250},), "on": ON},
    ),
    (
        "module tagesstruktur staffing",
        "module_rate",
        {
            "args": (
                _TAGES
                | {"staffing": _STAFFING | {"other_annual_costs": "1000"}, "occupancy_percent": "96", "days": 250},
            ),
            "on": ON,
        },
    ),
    # the children's rule reaches the Tagesstruktur too (B.1.5.3 cited, no overlap note):
    # 24 × 0.25 × 60,000 = 360,000 + 10 % = 396,000 ÷ (24 × 250 × 0.96 = 5,760) = 68.75
    (
        "module tagesstruktur staffing children's rule",
        "module_rate",
        {
            "args": (_TAGES | {"staffing": _STAFFING, "occupancy_percent": "96", "days": 250},),
            "on": ON,
            "surcharge_rule": "teilhabe_an_bildung",
        },
    ),
    (
        "module tagesstruktur staffing no overlap",
        "module_rate",
        {
            "args": (
                _TAGES
                | {
                    "staffing": _STAFFING | {"surcharges_percent": {"fortbildung": "2"}},
                    "occupancy_percent": "96",
                    "days": 250,
                },
            ),
            "on": ON,
        },
    ),
    (
        "module tagesstruktur kalkulation agreed",
        "module_rate",
        {
            "args": (
                _TAGES
                | {
                    "kalkulation": _KALKULATION,
                    "places": 10,
                    "occupancy_percent": "100",
                    "days": 250,
                    "agreed_daily_rate": "50",
                },
            ),
            "on": ON,
        },
    ),
    ("module organisation", "module_rate", {"args": (_ORGANISATION,), "on": ON}),
    (
        "module organisation travel",
        "module_rate",
        {"args": (_ORGANISATION | {"travel_costs": "2400", "care_personnel_cost": "50000"},), "on": ON},
    ),
    (
        "module organisation agreed",
        "module_rate",
        {"args": (_ORGANISATION | {"care_personnel_cost": "0", "agreed_daily_rate": "3.50"},), "on": ON},
    ),
    ("module assistenz no surcharges", "module_rate", {"args": (_ASSISTENZ,), "on": ON}),
    (
        "module assistenz hours and rule",
        "module_rate",
        {
            "args": (_ASSISTENZ | {"annual_hours": "1600", "surcharges_percent": {"sachaufwand": "5"}},),
            "on": ON,
            "surcharge_rule": "teilhabe_an_bildung",
        },
    ),
    (
        "module assistenz generic rule named",
        "module_rate",
        {
            "args": (_ASSISTENZ | {"surcharges_percent": {"leitung": "5"}},),
            "on": ON,
            "surcharge_rule": "aufschlagskalkulation",
        },
    ),
    (
        "module assistenz agreed",
        "module_rate",
        {"args": (_ASSISTENZ | {"agreed_hourly_rate": "55.55"},), "on": date(2024, 6, 1)},
    ),
    (
        "module assistenz agreed tarifwerk",
        "module_rate",
        {"args": (_ASSISTENZ | {"agreed_hourly_rate": "55.55", "tarifwerk": "TVöD"},), "on": date(2024, 6, 1)},
    ),
    (
        "module assistenz table",
        "module_rate",
        {
            "args": (_ASSISTENZ | {"assistenz": "einfache_assistenz", "tarifwerk": "Haustarif A"},),
            "on": date(2024, 6, 1),
            "table": _TABLE,
        },
    ),
    # 10.5 × 54.13 = 568.365 → 568.37 + 350 = 918.37 a month
    ("module pflegefamilie LVR", "module_rate", {"args": (_LVR,), "on": ON}),
    ("module pflegefamilie LVR per day", "module_rate", {"args": (_LVR | {"flat_rate_period": "day"},), "on": ON}),
    (
        "module pflegefamilie LWL",
        "module_rate",
        {
            "args": (
                {
                    "kind": "fachmodul_pflegefamilien",
                    "landschaftsverband": "LWL",
                    "flat_rate": "1450",
                    "flat_rate_period": "day",
                },
            ),
            "on": ON,
        },
    ),
    (
        "module mobilitaet model",
        "module_rate",
        {"args": (Mobilitaet(agreed_rate="0.85", rate_period="kilometre"),), "on": ON},
    ),
    # overrides reach every calculation: berechnungstage 360 where the module gives no days,
    # kgst_normalarbeitszeit 1,600 for the Assistenz (63,360 ÷ 1,600 = 39.60)
    (
        "module wohnen kalkulation overrides",
        "module_rate",
        {
            "args": (
                {"kind": "fachmodul_wohnen", "kalkulation": _KALKULATION, "places": 10, "occupancy_percent": "100"},
            ),
            "on": ON,
            "overrides": {"berechnungstage": "360"},
        },
    ),
    (
        "module wohnen staffing overrides",
        "module_rate",
        {
            "args": ({k: v for k, v in _WOHNEN.items() if k != "days"} | {"staffing": _STAFFING},),
            "on": ON,
            "overrides": {"berechnungstage": "360"},
        },
    ),
    (
        "module tagesstruktur staffing overrides",
        "module_rate",
        {
            "args": (_TAGES | {"staffing": _STAFFING, "occupancy_percent": "96"},),
            "on": ON,
            "overrides": {"berechnungstage": "360"},
        },
    ),
    (
        "module organisation overrides",
        "module_rate",
        {
            "args": ({k: v for k, v in _ORGANISATION.items() if k != "days"},),
            "on": ON,
            "overrides": {"berechnungstage": "360"},
        },
    ),
    (
        "module assistenz overrides",
        "module_rate",
        {"args": (_ASSISTENZ,), "on": ON, "overrides": {"kgst_normalarbeitszeit": "1600"}},
    ),
    ("module unknown kind", "module_rate", {"args": ({"kind": "fachmodul_freizeit"},), "on": ON}),
    ("module not a module", "module_rate", {"args": ("wohnen",), "on": ON}),
    ("module bad field", "module_rate", {"args": (_ORGANISATION | {"persons": 0},), "on": ON}),
    ("module table wrong", "module_rate", {"args": (_LVR,), "on": ON, "table": {"entries": []}}),
    ("module on not a date", "module_rate", {"args": (_LVR,), "on": "2024-01-01"}),
    ("module rule unknown", "module_rate", {"args": (_LVR,), "on": ON, "surcharge_rule": "kinder"}),
    ("module overrides unknown", "module_rate", {"args": (_LVR,), "on": ON, "overrides": {"kgst": "1"}}),
]


def _current() -> dict[str, Any]:
    return {label: _outcome(function, kwargs) for label, function, kwargs in CASES}


def test_labels_are_unique() -> None:
    labels = [label for label, _, _ in CASES]
    assert len(labels) == len(set(labels))


def test_the_records_match_the_golden_file() -> None:
    check_golden(GOLDEN, _current(), what="audit records")


def test_the_records_are_the_same_under_an_odd_decimal_context() -> None:
    # Every rule computes inside localcontext(CONTEXT): with the caller's precision 3 and ROUND_DOWN,
    # arithmetic outside it (e.g. localcontext(None)) would give other figures.
    changed = changed_under_an_odd_context(GOLDEN, _current)
    assert not changed, f"records depend on the caller's decimal context: {changed}"
