"""Audit records and refusals of the negotiation workbench, pinned whole (issue 20, "Tests that can tell").

The workbench (``eghnrw.verguetung.negotiation``: Kalkulation, occupancy, Fortschreibung, compare, what-if and
their helpers) is pinned as ``tests/test_audit_records.py`` and ``tests/test_refusals.py`` pin the
older rule modules: each case below is a call with its whole record — value, every step with its
clause and its German and English text, the notes — or its refusal (error type and message), in
``tests/golden/audit-records-negotiation.json``; and each argument of each public function, tried
with a fixed set of wrong and edge values, has its outcome in ``tests/golden/refusals-negotiation.json``.
The cases are chosen so that every branch of every function in ``src/eghnrw/verguetung/negotiation/`` is reached
by at least one; the key figures are worked by hand in the comments (and checked by the unit tests in
``tests/test_negotiation_*.py``).

When a change is intended, regenerate and review the diff like any golden file::

    EGHNRW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_records_negotiation.py
"""

from __future__ import annotations

import functools
import importlib
import warnings
from dataclasses import replace
from datetime import date
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest

import eghnrw as e
from cases import CONTRACT
from eghnrw.core.errors import EghnrwError, ParameterOutdatedWarning
from eghnrw.core.money import CONTEXT
from eghnrw.kommission.models.service_costs import Post
from eghnrw.verguetung.negotiation.tariff import TariffCut
from fuzz.fuzz_table import BY_NAME, Spec
from golden_files import changed_under_an_odd_context, check_golden
from test_audit_records import _outcome as _public_outcome
from test_audit_records import _record
from test_refusals import PROBES, _date_clashes
from test_refusals import _outcome as _refusal

GOLDEN = Path(__file__).resolve().parent / "golden" / "audit-records-negotiation.json"
REFUSALS = Path(__file__).resolve().parent / "golden" / "refusals-negotiation.json"

ON = date(2024, 1, 1)
_FK = {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True, "tarifwerk": "TVöD-SuE"}
_HK = {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False, "tarifwerk": "AVR"}
_LEITUNG = {"role": "Leitung", "fte": "0.5", "annual_cost": "80000", "skilled": True, "management": True}
#: A rate per hour from the KGSt hours (1,584 on 01.01.2024) of two Fachkräfte and a Leitung.
_HOUR = {
    "unit": "hour",
    "occupancy_percent": "100",
    "posts": [{"role": "Fachkraft", "fte": "2", "annual_cost": "63360", "skilled": True}, _LEITUNG],
}
_MONTH = {
    "unit": "month",
    "places": 10,
    "occupancy_percent": "100",
    "posts": [{"role": "Fachkraft", "fte": "2", "annual_cost": "60000", "skilled": True}],
    "material_costs": "6000",
}
_FULL = {**CONTRACT, "investment_occupancy": "full"}
#: The CONTRACT without its days: the Berechnungstage come from the dated parameter (or ``overrides``).
_NO_DAYS = {k: v for k, v in CONTRACT.items() if k != "days"}
#: A Kalkulation of 50 cents a year: one post of 0.5 FTE at 1.00 €.
_FIFTY_CENTS = {
    "unit": "day",
    "places": 1,
    "days": 365,
    "occupancy_percent": "100",
    "posts": [{"role": "Ehrenamt", "fte": "0.5", "annual_cost": "1", "skilled": False}],
}

# Results the comparisons start from (built once; each is itself pinned by a case below).
_K = e.kalkulation(**CONTRACT)
_K_CUT = e.kalkulation(**{**CONTRACT, "posts": [{**_FK, "annual_cost": "60000"}, _HK]})
_K_HOUSING = e.kalkulation(**CONTRACT, housing_costs_above_threshold="4204.80")
_K_INVEST = e.kalkulation(**{**CONTRACT, "investment": "30000", "places": 25})
_K_MANAGEMENT = e.kalkulation(**CONTRACT, management_costs="12000")
#: The Fachkräfte given in hours (6 × 1,584 = 9,504 on 01.01.2024): the same 6 FTE, the same 67.11; the old side
#: has no KGSt hours (posts in FTE), so the chain takes the new ones from the start: every contribution 0.00.
_K_FK_HOURS = e.kalkulation(
    **{**CONTRACT, "posts": [{**{k: v for k, v in _FK.items() if k != "fte"}, "hours": "9504"}, _HK]}, on=ON
)
#: Two posts of one role (a second Fachkraft post, 1 FTE at 58,000 → 60,000): 464,000 + 58,000 = 522,000
#: × 1.1 + 54,000 = 628,200 ÷ 8,409.6 = 74.7003… → 74.70; then 630,400 ÷ 8,409.6 = 74.9619… → 74.96 (+0.26)
_SECOND_FK = {**_FK, "fte": "1", "annual_cost": "58000"}
_K_TWO_FK = e.kalkulation(**{**CONTRACT, "posts": [_FK, _HK, _SECOND_FK]})
_K_TWO_FK_NEW = e.kalkulation(**{**CONTRACT, "posts": [_FK, _HK, {**_SECOND_FK, "annual_cost": "60000"}]})
#: Two surcharges (10 % + 2 % additive: 46,400 + 9,280) → 573,680 ÷ 8,409.6 = 68.2166… → 68.22; then every other
#: field of the chain changed at once: 12 % + 2 % compound (55,680 + 2 % of 519,680 = 10,393.60), another
#: surcharge rule, 6,000 of subsidies, 5,000 Betriebskosten, investment on full capacity, 90 % occupancy:
#: 583,073.60 − 23,000 fixed = 560,073.60 × 100 + 23,000 × 90 = 58,077,360 ÷ (8,760 × 90) = 73.6648… → 73.66
_OTHER_OLD = {**CONTRACT, "surcharges_percent": {"leitung_verwaltung": "10", "qualitaet": "2"}}
_K_OTHER_OLD = e.kalkulation(**_OTHER_OLD)
_K_OTHER_NEW = e.kalkulation(
    **{
        **_OTHER_OLD,
        "surcharges_percent": {"leitung_verwaltung": "12", "qualitaet": "2"},
        "surcharge_mode": "compound",
        "surcharge_rule": "assistenz_kinder_familie",
        "public_subsidies": "6000",
        "operating_costs": "5000",
        "investment_occupancy": "full",
        "occupancy_percent": "90",
    }
)
_K_MONTH = e.kalkulation(**_MONTH)
_K_HOUR = e.kalkulation(**_HOUR, on=ON)
_K_HOUR_2025 = e.kalkulation(**{**_HOUR, "billable_share_percent": "80"}, on=date(2025, 1, 1))
_DAILY_OLD = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
_DAILY_NEW = e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
_FLAT_ARGS = {"personnel_share_percent": "80", "material_share_percent": "15", "price_index_percent": "2.0"}
_FLAT = e.fortschreibung(rate="144.20", tariff_increase_percent="5.5", **_FLAT_ARGS)
_FLAT_2 = e.fortschreibung(rate="144.20", tariff_increase_percent="3", **_FLAT_ARGS)
_UPDATE = e.fortschreibung(
    kalkulation=_K, tariff_increase_percent={"TVöD-SuE": "5.5", "AVR": "4"}, price_index_percent="2"
)
_UPDATE_INVEST = e.fortschreibung(
    kalkulation=_K, tariff_increase_percent="0", investment="30000", investment_agreed=True
)
_POSTS = [Post(**_FK), Post(**_HK)]


def _posts(fachkraft: str, **update: Any) -> list[Post]:
    """The CONTRACT's posts with the Fachkraft's annual cost (and ``update``) changed."""
    return [_POSTS[0].model_copy(update={"annual_cost": Decimal(fachkraft), **update}), _POSTS[1]]


_CUT = TariffCut("Fachkraft", "TVöD-SuE", Decimal(62000), Decimal("61999.99"))
_TAMPERED = _DAILY_NEW.model_copy(update={"amount": Decimal("159.83")})
#: Old: one Fachkraft; new: the role is Leitung/Verwaltung, a Fachkraft is added. Substituted in
#: that order, the state between has only a management post: no billable hours to split by.
_ROLE_SWAP_OLD = e.kalkulation(
    unit="hour",
    occupancy_percent="100",
    billable_share_percent="100",
    on=ON,
    posts=[{"role": "X", "fte": "1", "annual_cost": "50000", "skilled": True}],
)
_ROLE_SWAP_NEW = e.kalkulation(
    unit="hour",
    occupancy_percent="100",
    billable_share_percent="100",
    on=ON,
    posts=[
        {"role": "X", "fte": "1", "annual_cost": "50000", "skilled": True, "management": True},
        {"role": "C", "fte": "1", "annual_cost": "50000", "skilled": True},
    ],
)
#: Old: no costs over 10^-31 billable hours (0.00 an hour); new: 10^14 of Sachaufwand over 1 hour.
#: Between them the Sachaufwand over the old hours: 10^14 ÷ 10^-31 = exactly 10^45, the first size refused.
_TINY_HOURS = {"unit": "hour", "occupancy_percent": "100", "posts": [{**_FK, "annual_cost": "0", "fte": "1"}]}
_FAR_OLD = e.kalkulation(**_TINY_HOURS, billable_hours="0.0000000000000000000000000000001")
_FAR_NEW = e.kalkulation(**_TINY_HOURS, billable_hours="1", material_costs="100000000000000")

#: (label, function, keyword arguments): a public name of ``eghnrw``, or ``module:name`` for a
#: helper of the workbench. Labels are unique; positional arguments go in "args".
CASES: list[tuple[str, str, dict[str, Any]]] = [
    # --- kalkulation (costing.py) ------------------------------------------------------------------
    # 6 × 62,000 + 2 × 46,000 = 464,000; + 10 % 46,400 + 30,000 + 24,000 = 564,400
    # ÷ (24 × 365 × 0.96 = 8,409.6) = 67.1137… → 67.11; Fachkraftquote 6 ÷ 8 = 75.00 %
    ("kalkulation contract", "kalkulation", CONTRACT),
    ("kalkulation mapping", "kalkulation", {"args": (CONTRACT,)}),
    ("kalkulation of a result", "kalkulation", {"args": (_K,)}),
    ("kalkulation mapping and keyword", "kalkulation", {"args": (CONTRACT,), "places": 24}),
    ("kalkulation not a kalkulation", "kalkulation", {"args": ("x",)}),
    ("kalkulation float", "kalkulation", {**CONTRACT, "occupancy_percent": 96.0}),
    ("kalkulation no posts", "kalkulation", {**CONTRACT, "posts": []}),
    # 2 × 60,000 + 6,000 = 126,000 ÷ (10 × 12) = 1,050.00
    ("kalkulation per month", "kalkulation", _MONTH),
    # 2 × 63,360 + 0.5 × 80,000 = 166,720 ÷ (1,584 × 2 = 3,168 hours; the Leitung bills none) = 52.6262… → 52.63
    ("kalkulation per hour", "kalkulation", {**_HOUR, "on": ON}),
    # 3,168 × 80 % = 2,534.4 hours × 90 % = 2,280.96: 166,720 ÷ 2,280.96 = 73.0920… → 73.09; 80 × 90 ÷ 100 = 72 %
    (
        "kalkulation per hour share and occupancy",
        "kalkulation",
        {**_HOUR, "billable_share_percent": "80", "occupancy_percent": "90", "on": ON},
    ),
    # 166,720 ÷ 2,534.4 = 65.7828… → 65.78 (one discount only: no step on the two)
    ("kalkulation per hour share", "kalkulation", {**_HOUR, "billable_share_percent": "80", "on": ON}),
    # 166,720 ÷ (3,000 × 0.9 = 2,700) = 61.7481… → 61.75
    (
        "kalkulation per hour agreed hours",
        "kalkulation",
        {**_HOUR, "billable_hours": "3000", "occupancy_percent": "90"},
    ),
    ("kalkulation per hour without a day", "kalkulation", _HOUR),
    # 999,999,999,999 ÷ 0.0001 billable hours = 9.9999999999900 × 10^15: beyond the limit, refused naming the formula
    (
        "kalkulation beyond the limit",
        "kalkulation",
        {**_HOUR, "posts": [{**_FK, "fte": "1", "annual_cost": "999999999999"}], "billable_hours": "0.0001"},
    ),
    (
        "kalkulation per hour only management",
        "kalkulation",
        {**_HOUR, "posts": [_LEITUNG], "on": ON},
    ),
    # 3,168 granted hours ÷ 1,584 = 2 FTE × 50,000 = 100,000 ÷ (10 × 365) = 27.3972… → 27.40
    (
        "kalkulation hours granted",
        "kalkulation",
        {
            "unit": "day",
            "places": 10,
            "occupancy_percent": "100",
            "days": 365,
            "posts": [{"role": "Assistenz", "hours": "3168", "annual_cost": "50000", "skilled": True}],
            "on": ON,
        },
    ),
    # 0.25 × 24 places = 6 FTE × 50,000 = 300,000; 0.125 × 8 persons = 1 FTE × 40,000: 340,000 ÷ 8,760 = 38.81
    (
        "kalkulation staff key",
        "kalkulation",
        {
            "unit": "day",
            "places": 24,
            "occupancy_percent": "100",
            "days": 365,
            "posts": [
                {"role": "Fachkraft", "staff_key": "0.25", "annual_cost": "50000", "skilled": True},
                {"role": "Nacht", "staff_key": "0.125", "persons": 8, "annual_cost": "40000", "skilled": False},
            ],
        },
    ),
    # compound: 464,000 × 10 % = 46,400; (464,000 + 46,400) × 5 % = 25,520
    (
        "kalkulation compound",
        "kalkulation",
        {
            **CONTRACT,
            "surcharges_percent": {"gemeinkosten": "10", "sachaufwand": "5"},
            "surcharge_mode": "compound",
            "material_costs": "0",
        },
    ),
    (
        "kalkulation rule teilhabe_an_bildung",
        "kalkulation",
        {
            **CONTRACT,
            "surcharges_percent": {"leitung_verwaltung": "10", "sachkosten": "4"},
            "material_costs": "0",
            "surcharge_rule": "teilhabe_an_bildung",
        },
    ),
    (
        "kalkulation rule assistenz_kinder_familie",
        "kalkulation",
        {
            **CONTRACT,
            "surcharges_percent": {"leitung_verwaltung": "10", "sachkosten": "4"},
            "material_costs": "0",
            "surcharge_rule": "assistenz_kinder_familie",
        },
    ),
    # Leitung/Verwaltung three times (surcharge on all posts incl. the Leitung, the post, the amount),
    # the Sachaufwand twice (surcharge and amount)
    (
        "kalkulation overlaps",
        "kalkulation",
        {
            **CONTRACT,
            "posts": [_FK, _HK, _LEITUNG],
            "surcharges_percent": {"leitung_verwaltung": "10", "sachaufwand": "5"},
            "management_costs": "12000",
        },
    ),
    ("kalkulation overlap surcharge and amount", "kalkulation", {**CONTRACT, "management_costs": "12000"}),
    # two of each listed in the notes: 372,000 + 92,000 + 40,000 + 25,000 = 529,000; surcharges 6 + 4 + 3 + 2 = 15 %
    # = 79,350; + 30,000 + 24,000 = 662,350 ÷ 8,409.6 = 78.7612… → 78.76
    # 0.5 × 1.00 = 0.50 a year ÷ 365 = 0.0013… → 0.00; the personnel is 100 % of an annual cost under 1 €
    ("kalkulation of 50 cents", "kalkulation", _FIFTY_CENTS),
    (
        "kalkulation overlaps of two names each",
        "kalkulation",
        {
            **CONTRACT,
            "posts": [_FK, _HK, _LEITUNG, {**_LEITUNG, "role": "Verwaltung", "annual_cost": "50000", "skilled": False}],
            "surcharges_percent": {
                "leitung_verwaltung": "6",
                "gemeinkosten": "4",
                "sachaufwand": "3",
                "sachkosten": "2",
            },
        },
    ),
    (
        "kalkulation overlap post and amount",
        "kalkulation",
        {**CONTRACT, "posts": [_FK, _HK, _LEITUNG], "surcharges_percent": {}, "management_costs": "12000"},
    ),
    (
        "kalkulation management post only",
        "kalkulation",
        {**CONTRACT, "posts": [_FK, _HK, _LEITUNG], "surcharges_percent": {}},
    ),
    # full: (564,400 − 24,000) × 100 + 24,000 × 96 = 56,344,000 ÷ (8,760 × 96 = 840,960) = 66.9996… → 67.00;
    # 24,000 × 4 % = 960.00 a year not refinanced
    ("kalkulation full", "kalkulation", _FULL),
    ("kalkulation full at 100", "kalkulation", {**_FULL, "occupancy_percent": "100"}),
    # 0.12 × 4 % = 0.0048 → 0.00: nothing to say
    ("kalkulation full unrecovered below a cent", "kalkulation", {**_FULL, "investment": "0.12"}),
    # 0.13 × 4 % = 0.0052 → 0.01
    ("kalkulation full unrecovered a cent", "kalkulation", {**_FULL, "investment": "0.13"}),
    (
        "kalkulation full with subsidies and operating costs",
        "kalkulation",
        {**_FULL, "investment": "30000", "public_subsidies": "6000", "operating_costs": "1000"},
    ),
    (
        "kalkulation subsidies operating housing",
        "kalkulation",
        {
            **CONTRACT,
            "investment": "30000",
            "public_subsidies": "6000",
            "operating_costs": "8409.60",
            "housing_costs_above_threshold": "4204.80",
        },
    ),
    # one Fachkraft FTE: quota 1 ÷ 1 = 100.00 %
    (
        "kalkulation quota one fte",
        "kalkulation",
        {**_MONTH, "posts": [{"role": "Fachkraft", "fte": "1", "annual_cost": "60000", "skilled": True}]},
    ),
    # 0.5 ÷ (0.5 + 0.25) = 66.666… → 66.67 %
    (
        "kalkulation quota below one fte",
        "kalkulation",
        {
            **_MONTH,
            "posts": [
                {"role": "Fachkraft", "fte": "0.5", "annual_cost": "60000", "skilled": True},
                {"role": "Hilfskraft", "fte": "0.25", "annual_cost": "40000", "skilled": False},
            ],
        },
    ),
    # 1.5 FTE, 1 skilled: 66.67 %
    (
        "kalkulation quota above one fte",
        "kalkulation",
        {
            **_MONTH,
            "posts": [
                {"role": "Fachkraft", "fte": "1", "annual_cost": "60000", "skilled": True},
                {"role": "Hilfskraft", "fte": "0.5", "annual_cost": "40000", "skilled": False},
            ],
        },
    ),
    ("kalkulation quota none", "kalkulation", {**_MONTH, "posts": [_LEITUNG]}),
    # nothing costs anything: every share 0, rate 0.00
    (
        "kalkulation zero cost",
        "kalkulation",
        {
            **_MONTH,
            "posts": [{"role": "Ehrenamt", "fte": "1", "annual_cost": "0", "skilled": False}],
            "material_costs": "0",
        },
    ),
    # 0.125 × 45,678.91 = 5,709.86375 → 5,709.86 (a line is in cents); 10 % → 570.99; 1,000.333 → 1,000.33
    (
        "kalkulation sub-cent line",
        "kalkulation",
        {
            "unit": "day",
            "places": 3,
            "occupancy_percent": "97",
            "days": 365,
            "posts": [{"role": "A", "fte": "0.125", "annual_cost": "45678.91", "skilled": True}],
            "surcharges_percent": {"verwaltung": "10"},
            "material_costs": "1000.333",
        },
    ),
    (
        "kalkulation days from the period start",
        "kalkulation",
        {
            **{k: v for k, v in CONTRACT.items() if k != "days"},
            "period_start": date(2025, 1, 1),
            "period_end": date(2025, 12, 31),
        },
    ),
    (
        "kalkulation days overridden",
        "kalkulation",
        {**{k: v for k, v in CONTRACT.items() if k != "days"}, "on": ON, "overrides": {"berechnungstage": 350}},
    ),
    ("kalkulation no day for the days", "kalkulation", {k: v for k, v in CONTRACT.items() if k != "days"}),
    # --- break_even_occupancy (occupancy.py) -------------------------------------------------------
    # 1,000,000 ÷ (150 × 7,300) = 91.3242…% → 91.33; revenue 1,095,000 × 91.33 % = 1,000,063.50
    (
        "break_even plain",
        "break_even_occupancy",
        {"annual_cost": "1000000", "places": 20, "rate": "150.00", "days": 365},
    ),
    ("break_even exact", "break_even_occupancy", {"annual_cost": "547500", "places": 20, "rate": "100", "days": 365}),
    (
        "break_even at 100",
        "break_even_occupancy",
        {"annual_cost": "730000", "places": 20, "rate": "100.00", "days": 365},
    ),
    # 730,000.01 needs 100.0000013…% → 100.01: not covered, short by 0.01
    (
        "break_even a cent above 100",
        "break_even_occupancy",
        {"annual_cost": "730000.01", "places": 20, "rate": "100.00", "days": 365},
    ),
    (
        "break_even not covered",
        "break_even_occupancy",
        {"annual_cost": "1000000", "places": 20, "rate": "100.00", "days": 365},
    ),
    ("break_even no cost", "break_even_occupancy", {"annual_cost": "0", "places": 20, "rate": "1.00", "days": 365}),
    (
        "break_even parameter days",
        "break_even_occupancy",
        {"annual_cost": "1000000", "places": 20, "rate": "150.00", "on": ON},
    ),
    # own rate 67.11: 564,400 ÷ (67.11 × 8,760) = 96.0054…% → 96.01
    ("break_even kalkulation", "break_even_occupancy", {"kalkulation": CONTRACT}),
    # the days overridden: 69.99 × (24 × 350 = 8,400) = 587,916 a year at 100 %; 564,400 needs 96.0001…% → 96.01
    # (587,916 × 96.01 % = 564,458.15)
    (
        "break_even kalkulation days overridden",
        "break_even_occupancy",
        {"kalkulation": _NO_DAYS, "on": ON, "overrides": {"berechnungstage": 350}},
    ),
    ("break_even kalkulation result rate", "break_even_occupancy", {"kalkulation": _K, "rate": "70.00"}),
    ("break_even kalkulation per hour", "break_even_occupancy", {"kalkulation": {**_HOUR}, "on": ON}),
    ("break_even kalkulation and places", "break_even_occupancy", {"kalkulation": CONTRACT, "places": 24}),
    ("break_even rate zero", "break_even_occupancy", {"annual_cost": "1", "places": 1, "rate": "0", "days": 365}),
    ("break_even rate missing", "break_even_occupancy", {"annual_cost": "1", "places": 1, "days": 365}),
    ("break_even cost missing", "break_even_occupancy", {"places": 1, "rate": "1.00", "days": 365}),
    ("break_even places missing", "break_even_occupancy", {"annual_cost": "1", "rate": "1.00", "days": 365}),
    ("break_even places zero", "break_even_occupancy", {"annual_cost": "1", "places": 0, "rate": "1.00", "days": 365}),
    # 10^14 × 100 ÷ (0.01 × 0.0001) would be 10^22 %; days are whole now, so it is refused for its days
    (
        "break_even beyond",
        "break_even_occupancy",
        {"annual_cost": "100000000000000", "places": 1, "rate": "0.01", "days": "0.0001"},
    ),
    # --- max_annual_cost ---------------------------------------------------------------------------
    # 150.005 × 6,935 = 1,040,284.675 → 1,040,284.67
    (
        "max_annual_cost plain",
        "max_annual_cost",
        {"rate": "150.00", "places": 20, "occupancy_percent": "95", "days": 365},
    ),
    # 100.005 × 100 = 10,000.50 exactly: that cost rounds up, so 10,000.49
    (
        "max_annual_cost boundary",
        "max_annual_cost",
        {"rate": "100.00", "places": 1, "occupancy_percent": 100, "days": 100},
    ),
    (
        "max_annual_cost parameter days",
        "max_annual_cost",
        {"rate": "150.00", "places": 20, "occupancy_percent": "95", "on": ON},
    ),
    # 67.115 × 8,409.6 = 564,410.304 → 564,410.30; headroom 10.30
    ("max_annual_cost kalkulation", "max_annual_cost", {"rate": "67.11", "kalkulation": CONTRACT}),
    # the days overridden: 70.005 × 8,064 = 564,520.32, the first cost rounded to 70.01 → 564,520.31; headroom 120.31
    (
        "max_annual_cost kalkulation days overridden",
        "max_annual_cost",
        {"rate": "70.00", "kalkulation": _NO_DAYS, "on": ON, "overrides": {"berechnungstage": 350}},
    ),
    # 67.005 × 8,409.6 + 24,000 × 4 % = 563,485.248 + 960 = 564,445.248 → 564,445.24
    ("max_annual_cost kalkulation full", "max_annual_cost", {"rate": "67.00", "kalkulation": _FULL}),
    ("max_annual_cost kalkulation per month", "max_annual_cost", {"rate": "1000.00", "kalkulation": _K_MONTH}),
    ("max_annual_cost occupancy missing", "max_annual_cost", {"rate": "1.00", "places": 1, "days": 365}),
    ("max_annual_cost places missing", "max_annual_cost", {"rate": "1.00", "occupancy_percent": 100, "days": 365}),
    (
        "max_annual_cost kalkulation and occupancy",
        "max_annual_cost",
        {"rate": "1.00", "kalkulation": CONTRACT, "occupancy_percent": "96"},
    ),
    (
        "max_annual_cost rate negative",
        "max_annual_cost",
        {"rate": "-1", "places": 1, "occupancy_percent": 100, "days": 365},
    ),
    # --- occupancy_analysis ------------------------------------------------------------------------
    # 1,000,000 ÷ 6,935 = 144.1961… → 144.20; × 6,570 = 947,394.00; − 1,000,000 = −52,606.00
    (
        "occupancy_analysis plain",
        "occupancy_analysis",
        {
            "annual_cost": "1000000",
            "places": 20,
            "agreed_occupancy_percent": "95",
            "actual_occupancy_percent": "90",
            "days": 365,
        },
    ),
    (
        "occupancy_analysis rate",
        "occupancy_analysis",
        {
            "annual_cost": "1000000",
            "places": 20,
            "agreed_occupancy_percent": "95",
            "actual_occupancy_percent": "90",
            "days": 365,
            "rate": "150.00",
        },
    ),
    # the Kalkulation's agreed 96 %: 67.11 × 8,409.6 = 564,368.26 agreed; at 90 %: 67.11 × 7,884 = 529,095.24
    (
        "occupancy_analysis kalkulation",
        "occupancy_analysis",
        {"kalkulation": CONTRACT, "actual_occupancy_percent": "90"},
    ),
    # the days overridden: 564,400 ÷ (24 × 350 × 96 % = 8,064) = 69.9901… → 69.99;
    # at 90 %: 24 × 350 × 0.9 = 7,560 units × 69.99 = 529,124.40; − 564,400 = −35,275.60;
    # agreed: 8,064 × 69.99 = 564,399.36; covering: 564,400 ÷ 7,560 = 74.6560… → 74.66
    (
        "occupancy_analysis kalkulation days overridden",
        "occupancy_analysis",
        {
            "kalkulation": {k: v for k, v in CONTRACT.items() if k != "days"},
            "actual_occupancy_percent": "90",
            "on": ON,
            "overrides": {"berechnungstage": 350},
        },
    ),
    # 999,999,999,999.99 × 10,000 × 365 = 3.65 × 10^18 revenue: beyond the limit, refused naming the formula
    (
        "occupancy_analysis revenue beyond the limit",
        "occupancy_analysis",
        {
            "annual_cost": "1",
            "places": 10000,
            "agreed_occupancy_percent": "100",
            "actual_occupancy_percent": "100",
            "days": 365,
            "rate": "999999999999.99",
        },
    ),
    # 3 × 365 = 1,095 units: at 1 % 999,999,999,999.99 × 10.95 = 1.095 × 10^13 is taken, but at the agreed
    # 100 % × 1,095 = 1.095 × 10^15 is beyond the limit
    (
        "occupancy_analysis agreed revenue beyond the limit",
        "occupancy_analysis",
        {
            "annual_cost": "1",
            "places": 3,
            "agreed_occupancy_percent": "100",
            "actual_occupancy_percent": "1",
            "days": 365,
            "rate": "999999999999.99",
        },
    ),
    # 10^11 ÷ (1 × 1 × 0.01 % = 0.0001 units) = 10^15: the cost-covering rate is beyond the limit
    (
        "occupancy_analysis covering rate beyond the limit",
        "occupancy_analysis",
        {
            "annual_cost": "100000000000",
            "places": 1,
            "agreed_occupancy_percent": "100",
            "actual_occupancy_percent": "0.01",
            "days": 1,
            "rate": "0.01",
        },
    ),
    (
        "occupancy_analysis kalkulation at agreed",
        "occupancy_analysis",
        {"kalkulation": _K, "actual_occupancy_percent": "96"},
    ),
    (
        "occupancy_analysis kalkulation at 100",
        "occupancy_analysis",
        {"kalkulation": _K, "actual_occupancy_percent": "100"},
    ),
    (
        "occupancy_analysis kalkulation rate",
        "occupancy_analysis",
        {"kalkulation": _K_MONTH, "actual_occupancy_percent": "90", "rate": "1100.00"},
    ),
    (
        "occupancy_analysis actual above 100",
        "occupancy_analysis",
        {"kalkulation": CONTRACT, "actual_occupancy_percent": "101"},
    ),
    (
        "occupancy_analysis agreed missing",
        "occupancy_analysis",
        {"annual_cost": "1", "places": 1, "actual_occupancy_percent": "90", "days": 365},
    ),
    (
        "occupancy_analysis kalkulation and days",
        "occupancy_analysis",
        {"kalkulation": CONTRACT, "actual_occupancy_percent": "90", "days": 365},
    ),
    (
        "occupancy_analysis kalkulation and agreed",
        "occupancy_analysis",
        {"kalkulation": CONTRACT, "actual_occupancy_percent": "90", "agreed_occupancy_percent": "96"},
    ),
    (
        "occupancy_analysis no day",
        "occupancy_analysis",
        {"annual_cost": "1", "places": 1, "agreed_occupancy_percent": "90", "actual_occupancy_percent": "90"},
    ),
    # --- what_if (scenarios.py) --------------------------------------------------------------------
    # 564,400 ÷ 7,884 = 71.59; ÷ 8,322 = 67.82; ÷ 8,760 = 64.43
    (
        "what_if range",
        "what_if",
        {"args": (CONTRACT,), "vary": "occupancy_percent", "start": "90", "stop": "100", "step": "5"},
    ),
    ("what_if one value", "what_if", {"args": (CONTRACT,), "vary": "occupancy_percent", "values": ["90"]}),
    (
        "what_if start is stop",
        "what_if",
        {"args": (CONTRACT,), "vary": "occupancy_percent", "start": "95", "stop": "95", "step": "1"},
    ),
    (
        "what_if step past stop",
        "what_if",
        {"args": (CONTRACT,), "vary": "occupancy_percent", "start": "90", "stop": "94", "step": "5"},
    ),
    ("what_if places", "what_if", {"args": (CONTRACT,), "vary": "places", "values": ["25"]}),
    # 564,400 ÷ (24 × 360 × 0.96 = 8,294.4) = 68.0460… → 68.05: the days of the row, not the Kalkulation's
    ("what_if days", "what_if", {"args": (CONTRACT,), "vary": "days", "values": ["360"]}),
    ("what_if days of a result", "what_if", {"args": (_K,), "vary": "days", "values": ["360", "365"]}),
    ("what_if management_costs", "what_if", {"args": (CONTRACT,), "vary": "management_costs", "values": ["1000"]}),
    ("what_if material_costs", "what_if", {"args": (CONTRACT,), "vary": "material_costs", "values": ["0"]}),
    ("what_if public_subsidies", "what_if", {"args": (CONTRACT,), "vary": "public_subsidies", "values": ["2400"]}),
    ("what_if operating_costs", "what_if", {"args": (CONTRACT,), "vary": "operating_costs", "values": ["8409.60"]}),
    (
        "what_if housing",
        "what_if",
        {"args": (CONTRACT,), "vary": "housing_costs_above_threshold", "values": ["4204.80"]},
    ),
    ("what_if billable_hours", "what_if", {"args": (_K_HOUR,), "vary": "billable_hours", "values": ["3000"]}),
    ("what_if billable_share", "what_if", {"args": (_K_HOUR,), "vary": "billable_share_percent", "values": ["80"]}),
    # 464,000 × 1.08 × 1.1 + 54,000 = 605,232 ÷ 8,409.6 = 71.97: a Tarifwerk's own change, no cut noted
    ("what_if tariff", "what_if", {"args": (_K,), "vary": "tariff_increase_percent", "values": ["0", "8", "-2"]}),
    # 30,000 × 1.1 = 33,000: 567,400 ÷ 8,409.6 = 67.47; −1 %: 564,100 → 67.08
    ("what_if price index", "what_if", {"args": (CONTRACT,), "vary": "price_index_percent", "values": ["10", "-1.0"]}),
    (
        "what_if surcharge",
        "what_if",
        {"args": (CONTRACT,), "vary": "surcharges_percent.leitung_verwaltung", "values": ["0"]},
    ),
    (
        "what_if surcharge rule",
        "what_if",
        {
            "args": ({**CONTRACT, "surcharge_rule": "teilhabe_an_bildung"},),
            "vary": "surcharges_percent.x",
            "values": ["1"],
        },
    ),
    ("what_if post fte", "what_if", {"args": (CONTRACT,), "vary": "posts[1].fte", "values": ["3"]}),
    # Fachkraft 60,000 and 63,000 under TVöD-SuE: the first is below 62,000 (A.4.6 Abs. 5), noted once
    (
        "what_if post pay cut",
        "what_if",
        {"args": (CONTRACT,), "vary": "posts[0].annual_cost", "values": ["60000", "63000", "60000"]},
    ),
    (
        "what_if post persons",
        "what_if",
        {
            "args": (
                {
                    **CONTRACT,
                    "posts": [
                        _FK,
                        {"role": "Nacht", "staff_key": "0.125", "persons": 8, "annual_cost": "40000", "skilled": False},
                    ],
                },
            ),
            "vary": "posts[1].persons",
            "values": ["16"],
        },
    ),
    ("what_if post persons fraction", "what_if", {"args": (CONTRACT,), "vary": "posts[0].persons", "values": ["1.5"]}),
    (
        "what_if post hours",
        "what_if",
        {
            "args": ({**CONTRACT, "posts": [{"role": "A", "hours": "3168", "annual_cost": "50000", "skilled": True}]},),
            "vary": "posts[0].hours",
            "values": ["1584"],
            "on": ON,
        },
    ),
    # the Investitionsbetrag changes (24,000 → 30,000; 24,000 itself is no change): B.4.7 Abs. 8 Satz 1
    ("what_if investment", "what_if", {"args": (CONTRACT,), "vary": "investment", "values": ["24000", "30000", "0"]}),
    (
        "what_if investment agreed",
        "what_if",
        {"args": (CONTRACT,), "vary": "investment", "values": ["30000"], "investment_agreed": True},
    ),
    ("what_if investment unchanged", "what_if", {"args": (CONTRACT,), "vary": "investment", "values": ["24000"]}),
    ("what_if vary not text", "what_if", {"args": (CONTRACT,), "vary": 5, "values": ["1"]}),
    ("what_if vary unknown", "what_if", {"args": (CONTRACT,), "vary": "colour", "values": ["1"]}),
    ("what_if post index out of range", "what_if", {"args": (CONTRACT,), "vary": "posts[2].fte", "values": ["1"]}),
    ("what_if post index last", "what_if", {"args": (CONTRACT,), "vary": "posts[1].annual_cost", "values": ["46000"]}),
    # nine digits are read (000000001 is post 1), ten are beyond any Kalkulation
    (
        "what_if post index nine digits",
        "what_if",
        {"args": (CONTRACT,), "vary": "posts[000000001].fte", "values": ["2"]},
    ),
    (
        "what_if post index ten digits",
        "what_if",
        {"args": (CONTRACT,), "vary": "posts[0000000001].fte", "values": ["2"]},
    ),
    ("what_if post field", "what_if", {"args": (CONTRACT,), "vary": "posts[0].role", "values": ["1"]}),
    ("what_if places fraction", "what_if", {"args": (CONTRACT,), "vary": "places", "values": ["24.5"]}),
    ("what_if values and start", "what_if", {"args": (CONTRACT,), "vary": "places", "values": ["24"], "start": "1"}),
    ("what_if values and step", "what_if", {"args": (CONTRACT,), "vary": "places", "values": ["24"], "step": "1"}),
    ("what_if values text", "what_if", {"args": (CONTRACT,), "vary": "places", "values": "24"}),
    ("what_if values mapping", "what_if", {"args": (CONTRACT,), "vary": "places", "values": {"24": 1}}),
    ("what_if values not iterable", "what_if", {"args": (CONTRACT,), "vary": "places", "values": 24}),
    ("what_if values empty", "what_if", {"args": (CONTRACT,), "vary": "places", "values": []}),
    ("what_if values float", "what_if", {"args": (CONTRACT,), "vary": "places", "values": ["24", 0.9]}),
    ("what_if start missing", "what_if", {"args": (CONTRACT,), "vary": "places", "stop": "2", "step": "1"}),
    ("what_if stop missing", "what_if", {"args": (CONTRACT,), "vary": "places", "start": "1", "step": "1"}),
    ("what_if step missing", "what_if", {"args": (CONTRACT,), "vary": "places", "start": "1", "stop": "2"}),
    ("what_if step zero", "what_if", {"args": (CONTRACT,), "vary": "places", "start": "1", "stop": "2", "step": "0"}),
    (
        "what_if step negative",
        "what_if",
        {"args": (CONTRACT,), "vary": "places", "start": "1", "stop": "2", "step": "-1"},
    ),
    (
        "what_if stop below start",
        "what_if",
        {"args": (CONTRACT,), "vary": "places", "start": "2", "stop": "1", "step": "1"},
    ),
    # (100,000 − 0) ÷ 1 = 100,000 steps: 100,001 rows, one too many (refused before the first row, 0 %)
    (
        "what_if too many rows",
        "what_if",
        {"args": (CONTRACT,), "vary": "occupancy_percent", "start": "0", "stop": "100000", "step": "1"},
    ),
    ("what_if occupancy above 100", "what_if", {"args": (CONTRACT,), "vary": "occupancy_percent", "values": ["101"]}),
    ("what_if tariff -100", "what_if", {"args": (CONTRACT,), "vary": "tariff_increase_percent", "values": ["-100"]}),
    (
        "what_if price index above 100",
        "what_if",
        {"args": (CONTRACT,), "vary": "price_index_percent", "values": ["100.01"]},
    ),
    ("what_if not a kalkulation", "what_if", {"args": ("x",), "vary": "places", "values": ["1"]}),
    (
        "what_if investment_agreed not bool",
        "what_if",
        {"args": (CONTRACT,), "vary": "places", "values": ["1"], "investment_agreed": 1},
    ),
    # --- fortschreibung (update.py) ----------------------------------------------------------------
    # 144.20 × (1 + 0.80 × 0.055 + 0.15 × 0.02) = 144.20 × 1.047 = 150.9774 → 150.98; other share 5 %
    ("fortschreibung flat", "fortschreibung", {"rate": "144.20", "tariff_increase_percent": "5.5", **_FLAT_ARGS}),
    # 100.00 × (1 + 0.70 × 0.03) = 102.10; other share 30 %
    (
        "fortschreibung flat tariff only",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "70", "tariff_increase_percent": "3"},
    ),
    # 100.00 × (1 + 0.30 × 0.02) = 100.60; other share 70 %
    (
        "fortschreibung flat index only",
        "fortschreibung",
        {"rate": "100.00", "material_share_percent": "30", "price_index_percent": "2"},
    ),
    # shares 80 + 20 = 100: other share 0; 100 × (1 + 0.8 × 0.1 + 0.2 × 0.05) = 109.00
    (
        "fortschreibung flat shares 100",
        "fortschreibung",
        {
            "rate": "100.00",
            "personnel_share_percent": "80",
            "tariff_increase_percent": "10",
            "material_share_percent": "20",
            "price_index_percent": "5",
        },
    ),
    (
        "fortschreibung flat shares above 100",
        "fortschreibung",
        {
            "rate": "100.00",
            "personnel_share_percent": "80",
            "tariff_increase_percent": "1",
            "material_share_percent": "20.01",
            "price_index_percent": "2",
        },
    ),
    ("fortschreibung flat nothing", "fortschreibung", {"rate": "144.20"}),
    # 900,000,000,000,000 × (1 + 1.00 × 1.00) = 1.8 × 10^15: beyond the limit of 10^15, refused naming the formula
    (
        "fortschreibung flat beyond the limit",
        "fortschreibung",
        {"rate": "900000000000000", "personnel_share_percent": "100", "tariff_increase_percent": "100"},
    ),
    # 144.20 × (1 − 0.008 − 0.0015) = 142.8301 → 142.83
    (
        "fortschreibung flat falling",
        "fortschreibung",
        {
            "rate": "144.20",
            "personnel_share_percent": "80",
            "tariff_increase_percent": "-1",
            "material_share_percent": "15",
            "price_index_percent": "-1.0",
        },
    ),
    # the edges of a change: −99.99 and 100 taken, −100 and 100.01 refused
    (
        "fortschreibung change -99.99",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "50", "tariff_increase_percent": "-99.99"},
    ),
    (
        "fortschreibung change -100",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "50", "tariff_increase_percent": "-100"},
    ),
    (
        "fortschreibung change 100",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "50", "tariff_increase_percent": "100"},
    ),
    (
        "fortschreibung change 100.01",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "50", "tariff_increase_percent": "100.01"},
    ),
    (
        "fortschreibung flat by tarifwerk",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "50", "tariff_increase_percent": {"AVR": "1"}},
    ),
    ("fortschreibung share without increase", "fortschreibung", {"rate": "100.00", "personnel_share_percent": "80"}),
    ("fortschreibung index without share", "fortschreibung", {"rate": "100.00", "price_index_percent": "2"}),
    (
        "fortschreibung share above 100",
        "fortschreibung",
        {"rate": "100.00", "personnel_share_percent": "101", "tariff_increase_percent": "1"},
    ),
    ("fortschreibung rate missing", "fortschreibung", {}),
    ("fortschreibung rate sub-cent", "fortschreibung", {"rate": "144.205"}),
    ("fortschreibung investment on a rate", "fortschreibung", {"rate": "144.20", "investment": "1"}),
    ("fortschreibung investment_agreed not bool", "fortschreibung", {"rate": "144.20", "investment_agreed": "yes"}),
    (
        "fortschreibung period",
        "fortschreibung",
        {
            "rate": "144.20",
            "personnel_share_percent": "80",
            "tariff_increase_percent": "2",
            "period_start": date(2026, 1, 1),
            "period_end": date(2026, 12, 31),
        },
    ),
    # a period of one day: start and end the same date
    (
        "fortschreibung period one day",
        "fortschreibung",
        {"rate": "144.20", "period_start": date(2026, 1, 1), "period_end": date(2026, 1, 1)},
    ),
    ("fortschreibung period start only", "fortschreibung", {"rate": "144.20", "period_start": date(2026, 1, 1)}),
    ("fortschreibung period end only", "fortschreibung", {"rate": "144.20", "period_end": date(2026, 12, 31)}),
    (
        "fortschreibung period swapped",
        "fortschreibung",
        {"rate": "144.20", "period_start": date(2026, 1, 2), "period_end": date(2026, 1, 1)},
    ),
    ("fortschreibung period not a date", "fortschreibung", {"rate": "144.20", "period_start": "2026-01-01"}),
    # Fachkraft 62,000 × 1.055 = 65,410; Hilfskraft 46,000 × 1.04 = 47,840; (392,460 + 95,680) × 1.1 = 536,954;
    # Sachaufwand 30,600; + 24,000 = 591,554 ÷ 8,409.6 = 70.3427… → 70.34; shares 90.43 % and 5.32 %
    (
        "fortschreibung kalkulation by tarifwerk",
        "fortschreibung",
        {
            "kalkulation": CONTRACT,
            "tariff_increase_percent": {"TVöD-SuE": "5.5", "AVR": "4"},
            "price_index_percent": "2",
            "period_start": date(2026, 1, 1),
            "period_end": date(2026, 12, 31),
        },
    ),
    (
        "fortschreibung kalkulation one percentage",
        "fortschreibung",
        {"kalkulation": _K, "tariff_increase_percent": "8"},
    ),
    ("fortschreibung kalkulation zero", "fortschreibung", {"kalkulation": _K, "tariff_increase_percent": "0"}),
    # the Berechnungstage overridden: 564,400 ÷ (24 × 350 × 96 % = 8,064) = 69.99; + 5 %: 487,200 + 48,720
    # + 30,000 + 24,000 = 589,920 ÷ 8,064 = 73.1547… → 73.15
    (
        "fortschreibung kalkulation days overridden",
        "fortschreibung",
        {
            "kalkulation": {k: v for k, v in CONTRACT.items() if k != "days"},
            "tariff_increase_percent": "5",
            "on": ON,
            "overrides": {"berechnungstage": 350},
        },
    ),
    # an index of 0.00: the Sachaufwand stays 30000 as given (not recomputed as 30,000 × 100.00 ÷ 100 = 30000.00)
    (
        "fortschreibung kalkulation index 0.00",
        "fortschreibung",
        {"kalkulation": _K, "tariff_increase_percent": "0", "price_index_percent": "0.00"},
    ),
    # an annual cost of 0.50 (0.5 × 1.00): a share of 100 % all the same; + 10 % = 0.55 ÷ 365 = 0.0015… → 0.00
    (
        "fortschreibung kalkulation of 50 cents",
        "fortschreibung",
        {"kalkulation": _FIFTY_CENTS, "tariff_increase_percent": "10"},
    ),
    # a Kalkulation of no cost (one unpaid post): 0 × 1.05 = 0.00; the shares of an annual cost of 0 are 0 %
    (
        "fortschreibung kalkulation of no cost",
        "fortschreibung",
        {
            "kalkulation": {
                "unit": "day",
                "places": 1,
                "days": 365,
                "occupancy_percent": "100",
                "posts": [{"role": "Ehrenamt", "fte": "1", "annual_cost": "0", "skilled": False}],
            },
            "tariff_increase_percent": "5",
            "price_index_percent": "2",
        },
    ),
    # AVR 0 %: only the Fachkraft post moves (and gets a step)
    (
        "fortschreibung kalkulation one tarifwerk",
        "fortschreibung",
        {
            "kalkulation": CONTRACT,
            "tariff_increase_percent": {"TVöD-SuE": "-2", "AVR": "0"},
            "price_index_percent": "-1.0",
        },
    ),
    # without days: the Berechnungstage of the previous Kalkulation's period start (2024) and of the
    # new period's (2025, a period of one day); with on=..., both on that day
    (
        "fortschreibung kalkulation parameter days",
        "fortschreibung",
        {
            "kalkulation": {**{k: v for k, v in CONTRACT.items() if k != "days"}, "period_start": ON},
            "tariff_increase_percent": "2",
            "period_start": date(2025, 1, 1),
            "period_end": date(2025, 1, 1),
        },
    ),
    (
        "fortschreibung kalkulation parameter days on",
        "fortschreibung",
        {
            "kalkulation": {k: v for k, v in CONTRACT.items() if k != "days"},
            "tariff_increase_percent": "2",
            "on": ON,
        },
    ),
    (
        "fortschreibung kalkulation result",
        "fortschreibung",
        {"kalkulation": _K, "tariff_increase_percent": "2", "period_start": date(2025, 1, 1)},
    ),
    (
        "fortschreibung kalkulation new investment",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "0", "investment": "30000"},
    ),
    (
        "fortschreibung kalkulation new investment agreed",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "0", "investment": "30000", "investment_agreed": True},
    ),
    (
        "fortschreibung kalkulation same investment",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "0", "investment": "24000"},
    ),
    (
        "fortschreibung kalkulation investment below subsidies",
        "fortschreibung",
        {"kalkulation": {**CONTRACT, "public_subsidies": "6000"}, "tariff_increase_percent": "0", "investment": "5000"},
    ),
    (
        "fortschreibung kalkulation investment negative",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "0", "investment": "-1"},
    ),
    ("fortschreibung kalkulation tariff missing", "fortschreibung", {"kalkulation": CONTRACT}),
    ("fortschreibung kalkulation and rate", "fortschreibung", {"kalkulation": CONTRACT, "rate": "67.11"}),
    (
        "fortschreibung kalkulation and personnel share",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "1", "personnel_share_percent": "80"},
    ),
    (
        "fortschreibung kalkulation and material share",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "1", "material_share_percent": "15"},
    ),
    (
        "fortschreibung kalkulation tarifwerk missing",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {"TVöD-SuE": "5.5"}},
    ),
    (
        "fortschreibung kalkulation no tarifwerk given",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {}},
    ),
    (
        "fortschreibung kalkulation tarifwerk unknown",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {"TVöD-SuE": "5", "AVR": "4", "TVöD": "1"}},
    ),
    (
        "fortschreibung kalkulation tarifwerk not named",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {" ": "1"}},
    ),
    (
        "fortschreibung kalkulation tarifwerk not text",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {1: "1"}},
    ),
    (
        "fortschreibung kalkulation tarifwerk change -100.5",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": {"TVöD-SuE": "1", "AVR": "-100.5"}},
    ),
    (
        "fortschreibung kalkulation post without tarifwerk",
        "fortschreibung",
        {"kalkulation": _MONTH, "tariff_increase_percent": {"AVR": "1"}},
    ),
    (
        "fortschreibung kalkulation index -100",
        "fortschreibung",
        {"kalkulation": CONTRACT, "tariff_increase_percent": "1", "price_index_percent": "-100"},
    ),
    (
        "fortschreibung kalkulation not a kalkulation",
        "fortschreibung",
        {"kalkulation": "x", "tariff_increase_percent": "1"},
    ),
    # --- compare (comparison.py) -------------------------------------------------------------------
    # 144.20 → 159.82: annual cost first 151.41 (+7.21), then occupancy (+8.41)
    ("compare daily rates", "compare", {"args": (_DAILY_OLD, _DAILY_NEW)}),
    ("compare daily rates back", "compare", {"args": (_DAILY_NEW, _DAILY_OLD)}),
    ("compare kalkulation and its fortschreibung", "compare", {"args": (_K, _UPDATE)}),
    ("compare rate and kalkulation fortschreibung", "compare", {"args": ("67.11", _UPDATE)}),
    ("compare kalkulation and successor", "compare", {"args": (_K, e.kalkulation(_UPDATE.successor))}),
    # Fachkraft 62,000 → 60,000 under TVöD-SuE: (360,000 + 92,000) × 1.1 + 54,000 = 551,200 ÷ 8,409.6 = 65.54
    ("compare tariff cut", "compare", {"args": (_K, _K_CUT)}),
    ("compare housing added", "compare", {"args": (_K, _K_HOUSING)}),
    ("compare housing removed", "compare", {"args": (_K_HOUSING, _K)}),
    ("compare investment and places", "compare", {"args": (_K, _K_INVEST)}),
    # 564,400 + 12,000 = 576,400 ÷ 8,409.6 = 68.5407… → 68.54: all of the +1.43 from management_costs
    ("compare management costs added", "compare", {"args": (_K, _K_MANAGEMENT)}),
    ("compare every other field", "compare", {"args": (_K_OTHER_OLD, _K_OTHER_NEW)}),
    ("compare two posts of one role", "compare", {"args": (_K_TWO_FK, _K_TWO_FK_NEW)}),
    ("compare posts in hours for posts in fte", "compare", {"args": (_K, _K_FK_HOURS)}),
    ("compare investment agreed", "compare", {"args": (_K, _K_INVEST), "investment_agreed": True}),
    ("compare fortschreibung investment agreed", "compare", {"args": (_K, _UPDATE_INVEST)}),
    ("compare hours parameters", "compare", {"args": (_K_HOUR, _K_HOUR_2025)}),
    ("compare state without billable units", "compare", {"args": (_ROLE_SWAP_OLD, _ROLE_SWAP_NEW)}),
    ("compare a state of exactly 10^45 between", "compare", {"args": (_FAR_OLD, _FAR_NEW)}),
    # tariff first: 144.20 × 1.044 = 150.5448 → 150.54 (+6.34); then the index: 150.98 (+0.44)
    ("compare rate and flat fortschreibung", "compare", {"args": ("144.20", _FLAT)}),
    (
        "compare daily result and flat fortschreibung",
        "compare",
        {"args": (e.daily_rate(annual_cost="1052660", places=20, occupancy_percent="100", days=365), _FLAT)},
    ),
    ("compare two flat fortschreibungen", "compare", {"args": (_FLAT_2, _FLAT)}),
    ("compare wrong rate", "compare", {"args": ("144.21", _FLAT)}),
    ("compare rate not an amount", "compare", {"args": (True, _FLAT)}),
    ("compare rate a list", "compare", {"args": ([], _FLAT)}),
    ("compare not the previous kalkulation", "compare", {"args": (_K_CUT, _UPDATE)}),
    ("compare different units", "compare", {"args": (_K, _K_MONTH)}),
    ("compare different calculations", "compare", {"args": (_DAILY_OLD, _K)}),
    # a flat Fortschreibung and one of a Kalkulation: refused, naming both kinds
    ("compare flat and kalkulation fortschreibung", "compare", {"args": (_FLAT, _UPDATE)}),
    ("compare not a result", "compare", {"args": ("x", _K)}),
    ("compare new not a result", "compare", {"args": (_K, "67.11")}),
    ("compare tampered new", "compare", {"args": (_DAILY_OLD, _TAMPERED)}),
    ("compare tampered old", "compare", {"args": (_TAMPERED, _DAILY_OLD)}),
    ("compare investment_agreed not bool", "compare", {"args": (_K, _K), "investment_agreed": None}),
    # --- the workbench's helpers -------------------------------------------------------------------
    ("cents half up", "eghnrw.verguetung.negotiation.costing:cents", {"args": (Decimal("0.005"),)}),
    ("cents half up negative", "eghnrw.verguetung.negotiation.costing:cents", {"args": (Decimal("-0.005"),)}),
    ("cents below half", "eghnrw.verguetung.negotiation.costing:cents", {"args": (Decimal("2.344999"),)}),
    (
        "investment_notes changed",
        "eghnrw.verguetung.negotiation.investment:investment_notes",
        {"args": (Decimal(24000), [Decimal(24000), Decimal(30000), Decimal(30000), Decimal(0)]), "agreed": False},
    ),
    (
        "investment_notes agreed",
        "eghnrw.verguetung.negotiation.investment:investment_notes",
        {"args": (Decimal(24000), [Decimal("30000.5")]), "agreed": True},
    ),
    (
        "investment_notes unchanged",
        "eghnrw.verguetung.negotiation.investment:investment_notes",
        {"args": (Decimal(24000), [Decimal("24000.00")]), "agreed": False},
    ),
    ("check_change -99.99", "eghnrw.verguetung.negotiation.update:check_change", {"args": ("-99.99", "x")}),
    ("check_change -100", "eghnrw.verguetung.negotiation.update:check_change", {"args": ("-100", "x")}),
    ("check_change 100", "eghnrw.verguetung.negotiation.update:check_change", {"args": ("100", "x")}),
    ("check_change 100.01", "eghnrw.verguetung.negotiation.update:check_change", {"args": ("100.01", "x")}),
    (
        "flat_rate",
        "eghnrw.verguetung.negotiation.update:flat_rate",
        {"args": (Decimal("144.20"), Decimal(80), Decimal("5.5"), Decimal(15), Decimal(2))},
    ),
    (
        "kalkulation_surcharge_clause",
        "eghnrw.verguetung.negotiation.costing:kalkulation_surcharge_clause",
        {"args": (_K.kalkulation, "gemeinkosten")},
    ),
    (
        "kalkulation_surcharge_clause material",
        "eghnrw.verguetung.negotiation.costing:kalkulation_surcharge_clause",
        {"args": (_K.kalkulation, "Sachkosten")},
    ),
    # tariff_cuts: paired by role in order; a cut is a lower annual cost per post under the same Tarifwerk
    (
        "tariff_cuts a cent less",
        "eghnrw.verguetung.negotiation.tariff:tariff_cuts",
        {"args": (_POSTS, _posts("61999.99"))},
    ),
    ("tariff_cuts equal", "eghnrw.verguetung.negotiation.tariff:tariff_cuts", {"args": (_POSTS, _posts("62000"))}),
    ("tariff_cuts more", "eghnrw.verguetung.negotiation.tariff:tariff_cuts", {"args": (_POSTS, _posts("62000.01"))}),
    (
        "tariff_cuts other tarifwerk",
        "eghnrw.verguetung.negotiation.tariff:tariff_cuts",
        {"args": (_POSTS, _posts("60000", tarifwerk="AVR"))},
    ),
    (
        "tariff_cuts no tarifwerk",
        "eghnrw.verguetung.negotiation.tariff:tariff_cuts",
        {"args": (_posts("62000", tarifwerk=None), _posts("60000", tarifwerk=None))},
    ),
    # the second Fachkraft post of old pairs with the second of new; new has no Hilfskraft at all
    (
        "tariff_cuts pairs by role and order",
        "eghnrw.verguetung.negotiation.tariff:tariff_cuts",
        {"args": (_POSTS + _posts("50000"), _posts("62000")[:1] + _posts("49000")[:1])},
    ),
    (
        "tariff_notes once each",
        "eghnrw.verguetung.negotiation.tariff:tariff_notes",
        {"args": ([_CUT, _CUT, _CUT._replace(role="Nacht")],)},
    ),
    # post_sums: 6 × 62,000 + 2 × 46,000 + 0.5 × 80,000 (management: no care FTE); 0.125 × 45,678.91 → 5,709.86
    (
        "post_sums",
        "eghnrw.verguetung.negotiation.costing:post_sums",
        {
            "args": (
                [*_POSTS, Post(**_LEITUNG), Post(role="A", fte="0.125", annual_cost="45678.91", skilled=True)],
                24,
                None,
            )
        },
    ),
    (
        "post_sums staff key and hours",
        "eghnrw.verguetung.negotiation.costing:post_sums",
        {
            "args": (
                [
                    Post(role="K", staff_key="0.25", annual_cost="100", skilled=False),
                    Post(role="K", staff_key="0.25", persons=2, annual_cost="100", skilled=False),
                    Post(role="H", hours="792", annual_cost="100", skilled=True),
                ],
                8,
                Decimal(1584),
            )
        },
    ),
    (
        "post_sums hours without kgst",
        "eghnrw.verguetung.negotiation.costing:post_sums",
        {"args": ([Post(role="H", hours="792", annual_cost="100", skilled=True)], None, None)},
    ),
    # exact_rate: no billable units refused; any above zero divides
    (
        "exact_rate no units",
        "eghnrw.verguetung.negotiation.costing:exact_rate",
        {"args": (_K_HOUR.kalkulation, None, Decimal(1584), Decimal(1000), Decimal(0))},
    ),
    (
        "exact_rate tiny units",
        "eghnrw.verguetung.negotiation.costing:exact_rate",
        {"args": (_K_HOUR.kalkulation, None, Decimal(1584), Decimal(1000), Decimal("0.000001"))},
    ),
    (
        "exact_rate full",
        "eghnrw.verguetung.negotiation.costing:exact_rate",
        {"args": (e.kalkulation(**_FULL).kalkulation, Decimal(365), None, Decimal(464000), Decimal(8))},
    ),
    ("raise_posts zero", "eghnrw.verguetung.negotiation.update:raise_posts", {"args": (tuple(_POSTS), Decimal(0))}),
    (
        "raise_posts fall",
        "eghnrw.verguetung.negotiation.update:raise_posts",
        {"args": (tuple(_POSTS), Decimal("-0.5"))},
    ),
    (
        "raise_posts by tarifwerk",
        "eghnrw.verguetung.negotiation.update:raise_posts",
        {"args": (tuple(_POSTS), {"TVöD-SuE": Decimal(1), "AVR": Decimal(0)})},
    ),
    (
        "raise_posts argument named",
        "eghnrw.verguetung.negotiation.update:raise_posts",
        {"args": (tuple(_POSTS), {"AVR": Decimal(0)}), "argument": "vary"},
    ),
    (
        "successor index zero",
        "eghnrw.verguetung.negotiation.update:successor",
        {"args": (_K.kalkulation, Decimal(0), Decimal(0))},
    ),
    (
        "successor index and investment",
        "eghnrw.verguetung.negotiation.update:successor",
        {
            "args": (_K.kalkulation, Decimal(0), Decimal(-50), date(2026, 1, 1), date(2026, 1, 1)),
            "investment": Decimal(0),
        },
    ),
    (
        "successor period swapped",
        "eghnrw.verguetung.negotiation.update:successor",
        {"args": (_K.kalkulation, Decimal(0), Decimal(0), date(2026, 1, 2), date(2026, 1, 1))},
    ),
    ("resolve days given", "eghnrw.verguetung.negotiation.costing:resolve", {"args": (_K.kalkulation, None, {})}),
    ("resolve month", "eghnrw.verguetung.negotiation.costing:resolve", {"args": (_K_MONTH.kalkulation, None, {})}),
    ("resolve hour on", "eghnrw.verguetung.negotiation.costing:resolve", {"args": (_K_HOUR.kalkulation, ON, {})}),
    (
        "resolve hour agreed hours",
        "eghnrw.verguetung.negotiation.costing:resolve",
        {"args": (e.kalkulation(**_HOUR, billable_hours="3000").kalkulation, None, {})},
    ),
    (
        "resolve hour without a day",
        "eghnrw.verguetung.negotiation.costing:resolve",
        {"args": (_K_HOUR.kalkulation, None, {})},
    ),
    ("as_kalkulation result", "eghnrw.verguetung.negotiation.costing:as_kalkulation", {"args": (_K_MONTH, "k")}),
    (
        "as_kalkulation model",
        "eghnrw.verguetung.negotiation.costing:as_kalkulation",
        {"args": (_K_MONTH.kalkulation, "k")},
    ),
    ("as_kalkulation mapping", "eghnrw.verguetung.negotiation.costing:as_kalkulation", {"args": (_MONTH, "k")}),
    (
        "as_kalkulation bad mapping",
        "eghnrw.verguetung.negotiation.costing:as_kalkulation",
        {"args": ({**_MONTH, "places": 0}, "k")},
    ),
    ("as_kalkulation list", "eghnrw.verguetung.negotiation.costing:as_kalkulation", {"args": ([_MONTH], "k")}),
    (
        "kalkulation_surcharge_clause teilhabe",
        "eghnrw.verguetung.negotiation.costing:kalkulation_surcharge_clause",
        {"args": (e.kalkulation(**CONTRACT, surcharge_rule="teilhabe_an_bildung").kalkulation, "gemeinkosten")},
    ),
]


def _outcome(function: str, kwargs: dict[str, Any]) -> Any:
    if ":" not in function:
        return _public_outcome(function, kwargs)
    module, name = function.split(":")
    call = dict(kwargs)
    args = call.pop("args", ())
    try:
        with localcontext(CONTEXT):  # the helpers are called inside CONTEXT, as the workbench calls them
            return _record(getattr(importlib.import_module(module), name)(*args, **call))
    except EghnrwError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}


def _current() -> dict[str, Any]:
    return {label: _outcome(function, kwargs) for label, function, kwargs in CASES}


def test_labels_are_unique():
    labels = [label for label, _, _ in CASES]
    assert len(labels) == len(set(labels))


def test_every_public_function_of_the_workbench_has_a_case():
    from eghnrw.verguetung import negotiation  # noqa: PLC0415

    functions = {name for name in negotiation.__all__ if name[0].islower()}
    assert functions <= {function for _, function, _ in CASES}


def test_the_workbench_records_match_the_golden_file():
    check_golden(GOLDEN, _current(), what="audit records")


def test_the_records_are_the_same_under_an_odd_decimal_context():
    # Every computation runs inside localcontext(CONTEXT): under the caller's precision 3 and ROUND_DOWN
    # an operation outside it (a sum of the trace, a share, a difference) would give other figures.
    changed = changed_under_an_odd_context(GOLDEN, _current)
    assert not changed, f"records depend on the caller's decimal context: {changed}"


# --- refusals: every argument of every public function, probed -----------------------------------

#: The fuzz table's calls of the workbench, and variants of them whose baseline takes the other path
#: (a Kalkulation instead of plain figures, a range instead of values), so that the probes reach it.
_NEGOTIATION = (
    "kalkulation",
    "break_even_occupancy",
    "max_annual_cost",
    "occupancy_analysis",
    "fortschreibung",
    "compare",
    "what_if",
)


def _variant(name: str, **valid: Any) -> Spec:
    spec = BY_NAME[name]
    return replace(spec, args=tuple(replace(a, valid=valid.get(a.name, a.valid)) for a in spec.args))


def _specs() -> list[tuple[str, Spec]]:
    specs = [(name, BY_NAME[name]) for name in _NEGOTIATION]
    specs += [
        (
            "kalkulation[hour]",
            _variant(
                "kalkulation",
                unit="hour",
                places=None,
                occupancy_percent="100",
                surcharges_percent=None,
                material_costs=None,
                investment=None,
                billable_share_percent="80",
            ),
        ),
        (
            "break_even_occupancy[kalkulation]",
            _variant("break_even_occupancy", rate=None, annual_cost=None, places=None, days=None, kalkulation=CONTRACT),
        ),
        (
            "max_annual_cost[plain]",
            _variant("max_annual_cost", places=20, occupancy_percent="95", days=365, kalkulation=None),
        ),
        (
            "occupancy_analysis[kalkulation]",
            _variant(
                "occupancy_analysis",
                annual_cost=None,
                places=None,
                agreed_occupancy_percent=None,
                days=None,
                kalkulation=CONTRACT,
            ),
        ),
        (
            "fortschreibung[kalkulation]",
            _variant(
                "fortschreibung",
                rate=None,
                personnel_share_percent=None,
                material_share_percent=None,
                kalkulation=CONTRACT,
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
            ),
        ),
        ("compare[fortschreibung]", _variant("compare", old="144.20", new=_FLAT)),
        ("compare[kalkulation]", _variant("compare", old=_K, new=_K_INVEST)),
        ("what_if[range]", _variant("what_if", values=None, start="90", stop="100", step="5")),
    ]
    return specs


@functools.cache
def _refusals() -> dict[str, str]:
    table: dict[str, str] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        for label, spec in _specs():
            for arg in spec.args:
                for probe, value in PROBES.items():
                    table[f"{label}({arg.name}={probe})"] = _refusal(spec, {arg.name: value})
            for clash, replaced in _date_clashes(spec).items():
                table[f"{label}[{clash}]"] = _refusal(spec, replaced)
            table[f"{label}[all None]"] = _refusal(spec, {a.name: None for a in spec.args})
    return table


@pytest.mark.no_cover  # like tests/test_refusals.py: ~2,000 probe calls, traced they triple the time
def test_the_workbench_refusals_match_the_golden_file():
    check_golden(REFUSALS, _refusals(), what="outcomes", indent=0)


@pytest.mark.no_cover
def test_no_refusal_of_the_workbench_speaks_pydantic():
    leaks = [key for key, text in _refusals().items() if "pydantic" in text or "validation error" in text]
    assert not leaks, f"pydantic leaks through: {leaks[:5]}"
