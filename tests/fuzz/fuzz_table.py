"""The fuzz table: every callable name of ``eghnrw.__all__``, a valid call, and what each argument is.

Each :class:`Spec` holds a call that succeeds (the baseline) and, per argument, a *kind* that says
which wrong values the function must refuse (:func:`must_refuse`). The fuzz tests replace one
argument of the baseline (sometimes two) by a wrong value and check the outcome with
:func:`check_outcome`:

- a return value is valid: no ``float`` anywhere in it (or in its ``model_dump``), its audit record
  serialises without a warning, and its explanation renders;
- an error is an :class:`~eghnrw.errors.EghnrwError` that is also a ``ValueError``, ``TypeError``
  or ``LookupError`` and names the argument — or, for a model constructor (and ``parse_module``,
  which validates a model), a ``pydantic.ValidationError`` that locates the field;
- a value the kind says is never valid (a float, a datetime for a date, a bool for an amount, ...)
  is refused, never accepted silently.

Names of ``__all__`` that are not fuzzed are listed in :data:`NOT_FUZZED` with the reason;
``tests/fuzz/test_fuzz_bad_input.py`` fails if a public name is in neither.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import re
import typing
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, Union

import pydantic

import eghnrw as e
from eghnrw.billing import BillingUnit
from eghnrw.errors import EghnrwError, ParameterOutdatedWarning
from eghnrw.models import AuditKind
from eghnrw.rates.hourly import HourlyRateEntry
from strategies import CET as _CET

# --- argument kinds ------------------------------------------------------------------------------
#
# date      a datetime.date (never a datetime); opt_date: or None
# json_date a model's date field: a datetime.date or an ISO date string (as JSON writes it)
# amount    Decimal | int | str in plain syntax; opt_amount: or None
# count     an int (never a bool, float, Decimal or str)
# bool      True or False; opt_bool: or None
# text      a str; opt_text: or None
# choice    one of a fixed set of names (a str or an enum member); opt_choice: or None
# mapping   a Mapping; opt_mapping: or None
# iterable  an iterable of names or items (never None, a number or a date)
# model     a pydantic model instance or a mapping that validates as one; opt_model: or None
# no_float  a field of a lax pydantic model: only floats (and datetimes) must be refused
# batch     a batch column: a sequence of values or one value for every row; a bad value becomes a
#           row error (BatchResult.errors) naming the argument, or the call raises
# any       anything may be valid (no value must be refused)

KINDS = frozenset(
    {
        "date",
        "opt_date",
        "json_date",
        "opt_json_date",
        "amount",
        "opt_amount",
        "count",
        "bool",
        "opt_bool",
        "text",
        "opt_text",
        "choice",
        "opt_choice",
        "mapping",
        "opt_mapping",
        "iterable",
        "model",
        "opt_model",
        "no_float",
        "batch",
        "any",
    }
)


@dataclass(frozen=True)
class Arg:
    """One argument of a call: its name, a valid value, its kind, and whether it is positional."""

    name: str
    valid: Any
    kind: str
    positional: bool = False
    #: What the error message calls the argument, when that is not its name (``parse_amount``'s
    #: ``argument`` label).
    label: str | None = None

    @property
    def shown(self) -> str:
        return self.label or self.name

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind


@dataclass(frozen=True)
class Spec:
    """A public callable with a valid call and the kinds of its arguments."""

    name: str
    args: tuple[Arg, ...]
    #: A pydantic model (constructor): ``ValidationError`` locating the field is the expected error.
    model: bool = False
    #: The call returns an iterator: consume it (its errors surface only then).
    iterator: bool = False
    #: Fewer hypothesis examples for an expensive call (None = the profile's number).
    max_examples: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def target(self) -> Callable[..., Any]:
        return getattr(e, self.name)  # type: ignore[no-any-return]

    def call(self, replaced: Mapping[str, Any] | None = None) -> Any:
        """Call with the baseline, with the arguments in ``replaced`` swapped in."""
        values = {a.name: a.valid for a in self.args} | dict(replaced or {})
        positional = [values.pop(a.name) for a in self.args if a.positional]
        result = self.target(*positional, **values)
        if self.iterator:
            result = tuple(result)
        return result


D = date(2024, 6, 3)

_TABLE_ENTRY = HourlyRateEntry(
    kind=e.AssistenzKind("einfache_assistenz"),
    tarifwerk="Haustarif A",
    valid_from=date(2024, 1, 1),
    rate=Decimal("41.10"),
    source="example table of the caller",
)
_BASIS = {
    "places": 24,
    "occupancy_percent": Decimal(96),
    "posts_per_place": Decimal("0.25"),
    "cost_per_post": Decimal(60000),
    "surcharges_percent": {"sachaufwand": Decimal(10)},
    "days": Decimal(365),
}
_ITEMS_LV = {
    "leistungsbezeichnung": "Besondere Wohnform",
    "rechtsgrundlage": "§ 113 SGB IX",
    "ziel_der_leistung": "Teilhabe",
    "personenkreis": "Erwachsene",
    "art_und_inhalt": "Assistenz",
    "umfang": "ganzjährig",
    "qualitaet_und_wirksamkeit": "LRV A.8",
    "personelle_ausstattung": "Fachkräfte",
    "saechliche_ausstattung": "Räume",
    "betriebsnotwendige_anlagen": "Gebäude",
    "dokumentation_und_nachweise": "Berichte",
}
_LV = {"leistungserbringer": "Beispiel gGmbH", "traeger": "LVR", "leistungsbereich": "soziale_teilhabe"} | _ITEMS_LV
_VV = {
    "leistungserbringer": "Beispiel gGmbH",
    "traeger": "LVR",
    "concluded_on": date(2024, 11, 15),
    "period_start": date(2025, 1, 1),
    "period_end": date(2025, 12, 31),
}
_NEG_POST = {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True}
_NEG_KALKULATION = {
    "unit": "day",
    "places": 24,
    "occupancy_percent": "96",
    "days": 365,
    "posts": [_NEG_POST],
    "material_costs": "30000",
}
_NEG_OLD = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
_NEG_NEW = e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
_ITEM = {
    "description": "Fachmodul Wohnen",
    "unit": BillingUnit.DAY,
    "quantity": Decimal(29),
    "unit_price": Decimal("47.09"),
    "clause": "LRV B.4.6 Abs. 2",
}


_HOUSE: dict[str, Any] = {
    "name": "Haus",
    "fachleistung_m2": "60",
    "gemeinschaft_m2": "40",
    "costs": [
        {"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"},
        {"name": "Strom", "kind": "besondere_nebenkosten", "annual_amount": "1200.00"},
    ],
    "residents": [{"id": "A", "room_m2": "20", "warmmiete_charged": "600"}, {"id": "B", "room_m2": "22.5"}],
    "adequacy_limit": "450",
}


def _a(name: str, valid: Any, kind: str, *, positional: bool = False, label: str | None = None) -> Arg:
    return Arg(name, valid, kind, positional, label)


SPECS: tuple[Spec, ...] = (
    # --- money -----------------------------------------------------------------------------------
    Spec(
        "allocate", (_a("total", Decimal("100.00"), "amount", positional=True), _a("parts", 3, "any", positional=True))
    ),
    Spec(
        "parse_amount",
        (
            _a("value", "1234.56", "amount", positional=True, label="amount"),
            _a("argument", "amount", "any", positional=True),
            _a("decimal_comma", False, "bool"),
        ),
    ),
    Spec(
        "round_cents",
        (
            _a("value", Decimal("2.345"), "amount", positional=True),
            _a("argument", "value", "any", positional=True),
        ),
    ),
    # --- calendar --------------------------------------------------------------------------------
    Spec(
        "add_period",
        (
            _a("event_day", D, "date", positional=True),
            _a("days", 1, "count"),
            _a("weeks", 1, "count"),
            _a("months", 1, "count"),
            _a("years", 1, "count"),
            _a("shift_to_werktag", True, "bool"),
        ),
    ),
    Spec(
        "add_period_from_start_of_day",
        (
            _a("first_day", D, "date", positional=True),
            _a("days", 1, "count"),
            _a("weeks", 1, "count"),
            _a("months", 1, "count"),
            _a("years", 1, "count"),
        ),
    ),
    Spec(
        "add_werktage",
        (
            _a("day", D, "date", positional=True),
            _a("n", 5, "count", positional=True),
            _a("saturday_is_werktag", False, "bool"),
        ),
        max_examples=60,  # n up to 100,000 Werktage is a valid, slow call
    ),
    Spec("apply_193", (_a("day", D, "date", positional=True),)),
    Spec("is_werktag", (_a("day", D, "date", positional=True), _a("saturday_is_werktag", False, "bool"))),
    Spec("next_werktag", (_a("day", D, "date", positional=True), _a("saturday_is_werktag", False, "bool"))),
    Spec(
        "latest_event_day",
        (
            _a("last_day", D, "date", positional=True),
            _a("days", 1, "count"),
            _a("weeks", 1, "count"),
            _a("months", 1, "count"),
            _a("years", 1, "count"),
        ),
    ),
    Spec(
        "werktage_between",
        (
            _a("start", D, "date", positional=True),
            _a("end", date(2024, 7, 3), "date", positional=True),
            _a("saturday_is_werktag", False, "bool"),
        ),
        max_examples=60,  # a valid far-apart pair counts up to two centuries of days
    ),
    # --- params ----------------------------------------------------------------------------------
    Spec(
        "parameter",
        (
            _a("name", "kgst_normalarbeitszeit", "choice", positional=True),
            _a("on", D, "date", positional=True),
            _a("overrides", {"kgst_normalarbeitszeit": "1600"}, "opt_mapping"),
        ),
    ),
    # --- rates -----------------------------------------------------------------------------------
    Spec(
        "hourly_rate",
        (
            _a("annual_personnel_cost", "63360", "amount"),
            _a("surcharges_percent", {"gemeinkosten": "20"}, "opt_mapping"),
            _a("annual_hours", "1584", "opt_amount"),
            _a("weekly_hours", None, "opt_amount"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
            _a("billable_share_percent", None, "opt_amount"),
            _a("billable_hours", None, "opt_amount"),
        ),
    ),
    Spec(
        "surcharge",
        (
            _a("base", "50000", "amount"),
            _a("percent", "17.5", "amount"),
            _a("name", "zuschlag", "text"),
            _a("plausibility_percent", "20", "opt_amount"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
        ),
    ),
    Spec(
        "surcharge_schedule",
        (
            _a("base", "50000", "amount"),
            _a("surcharges_percent", {"gemeinkosten": "12.5", "sachaufwand": "5"}, "mapping"),
            _a("plausibility_percent", None, "opt_mapping"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
        ),
    ),
    Spec(
        "daily_rate",
        (
            _a("annual_cost", "1000000", "amount"),
            _a("places", 20, "count"),
            _a("occupancy_percent", "95", "amount"),
            _a("days", 365, "opt_amount"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "fachmodul_wohnen_rate",
        (
            _a("basis", _BASIS, "model"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
        ),
    ),
    Spec(
        "tagesstruktur_rate",
        (
            _a("intensity", "intensitaet_1", "choice"),
            _a("bases", {"intensitaet_1": _BASIS}, "mapping"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
        ),
    ),
    Spec(
        "organisationsmodul_rate",
        (
            _a("persons", 40, "count"),
            _a("posts_per_person", "0.025", "amount"),
            _a("cost_per_post", "70000", "amount"),
            _a("sachaufwand_percent", "10", "amount"),
            _a("investment", "30000", "amount"),
            _a("occupancy_percent", "100", "amount"),
            _a("public_subsidies", "10000", "amount"),
            _a("operating_costs", "5000", "amount"),
            _a("travel_costs", "100", "opt_amount"),
            _a("care_personnel_cost", "0", "opt_amount"),
            _a("days", 365, "opt_amount"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("cap_subsidies", False, "bool"),
        ),
    ),
    Spec(
        "shared_delivery",
        (_a("rate", "54.00", "amount"), _a("hours", "1.5", "amount"), _a("participants", 3, "any")),
    ),
    Spec(
        "assistenz_hourly_rate",
        (
            _a("kind", "einfache_assistenz", "choice"),
            _a("tarifwerk", "Haustarif A", "text"),
            _a("on", D, "date"),
            _a("table", e.HourlyRateTable(entries=(_TABLE_ENTRY,)), "opt_model"),
            _a("negotiated_rate", None, "opt_amount"),
        ),
    ),
    # --- kdu, billing ----------------------------------------------------------------------------
    Spec(
        "kdu_check",
        (
            _a("actual_costs", "700", "amount"),
            _a("adequacy_limit", "500", "amount"),
            _a("itemised", True, "bool"),
            _a("preconditions_met", True, "bool"),
            _a("threshold_at_cent", False, "bool"),
            _a("on", None, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "personal_means_check",
        (_a("personal_means", "480", "amount"), _a("on", D, "date"), _a("overrides", None, "opt_mapping")),
    ),
    Spec(
        "monthly_invoice",
        (_a("month", date(2024, 2, 1), "date"), _a("items", [_ITEM], "iterable")),
    ),
    Spec(
        "kurzzeitbetreuung",
        (
            _a("first_day", date(2024, 3, 1), "date"),
            _a("last_day", date(2024, 4, 12), "date"),
            _a("versorgung_daily_rate", "80", "opt_amount"),
            _a("absences", [(date(2024, 3, 10), date(2024, 3, 14))], "iterable"),
            _a("interruption", "continues", "choice"),
            _a("approved_on", date(2024, 3, 5), "opt_date"),
            _a("emergency", True, "bool"),
            _a("place", "eingestreut", "opt_choice"),
            _a("housing_daily_cost", "15.50", "opt_amount"),
        ),
    ),
    Spec(
        "pflegefamilie_verguetung",
        (
            _a("landschaftsverband", "LVR", "choice"),
            _a("flat_rate", "350", "amount"),
            _a("care_hours", "10", "opt_amount"),
            _a("hourly_rate", "54.13", "opt_amount"),
        ),
    ),
    Spec(
        "verguetungskuerzung",
        (
            _a("amount", "1000.00", "amount"),
            _a("first_day", date(2022, 3, 1), "date"),
            _a("last_day", date(2024, 2, 29), "opt_date"),
            _a("months", None, "any"),  # exactly one of last_day / months: checked by tests/test_billing.py
            _a("monthly_parts", False, "bool"),
        ),
    ),
    # --- terms -----------------------------------------------------------------------------------
    Spec("lrv_in_force", (_a("on", date(2020, 1, 1), "date"), _a("signed_on", date(2019, 7, 23), "date"))),
    Spec(
        "lrv_termination",
        (
            _a("notice_received", date(2024, 3, 15), "date"),
            _a("replaced_on", date(2025, 10, 1), "opt_date"),
            _a("parts", (), "iterable"),
            _a("party", None, "opt_text"),
            _a("side", None, "opt_choice"),
            _a("signed_on", None, "opt_date"),
            _a("aftereffect_counting", "event", "choice"),
        ),
    ),
    Spec("rv_current_period", (_a("on", date(2027, 5, 1), "date"), _a("shift_to_werktag", False, "bool"))),
    Spec("rv_end_date", (_a("notice_received", date(2026, 9, 30), "date"), _a("shift_to_werktag", False, "bool"))),
    Spec("rv_termination", (_a("notice_received", date(2026, 10, 1), "date"), _a("shift_to_werktag", False, "bool"))),
    # --- deadlines -------------------------------------------------------------------------------
    Spec(
        "schiedsstelle_available_from",
        (
            _a("negotiation_requested", date(2024, 5, 15), "date"),
            _a("documents_received", None, "opt_date"),
            _a("shift_to_werktag", False, "bool"),
        ),
    ),
    Spec(
        "schiedsstelle_window",
        (
            _a("negotiation_requested", date(2024, 5, 15), "date"),
            _a("documents_received", None, "opt_date"),
            _a("shift_to_werktag", False, "bool"),
        ),
    ),
    Spec(
        "audit_timetable",
        (
            _a("last_audit_day", date(2024, 10, 31), "date"),
            _a("audit", "quality", "choice"),
            _a("closing_meeting_held", None, "opt_date"),
            _a("draft_report_notified", None, "opt_date"),
            _a("clarified_on", None, "opt_date"),
            _a("saturday_is_werktag", True, "bool"),
            _a("widened_on", None, "opt_date"),
        ),
    ),
    Spec(
        "audit_window_check",
        (
            _a("audit_notice", date(2024, 3, 15), "date"),
            _a("period_start", date(2019, 1, 1), "date"),
            _a("period_end", date(2020, 12, 31), "date"),
            _a("audit", "quality", "choice"),
            _a("calendar_years", True, "bool"),
            _a("widened_on", date(2024, 6, 1), "opt_date"),
            _a("widened_period_start", None, "opt_date"),
            _a("widened_period_end", None, "opt_date"),
            _a("widening_reach", "widening_notice", "choice"),
            _a("effectiveness_period", "whole_year", "choice"),
        ),
    ),
    Spec(
        "hospital_need_report",
        (_a("learned_on", date(2024, 5, 29), "date"), _a("saturday_is_werktag", True, "bool")),
    ),
    Spec(
        "reaudit_check",
        (
            _a("documents_dated", date(2023, 2, 28), "date"),
            _a("audit_day", date(2024, 2, 29), "date"),
            _a("with_cause", False, "bool"),
        ),
    ),
    Spec(
        "recurring_due_dates",
        (
            _a("start", date(2023, 1, 1), "date"),
            _a("end", date(2024, 12, 31), "date"),
            _a("duties", None, "any"),  # None = every duty; checked by its own tests below
            _a("chair_first_term_start", None, "opt_date"),
            _a("chair_first_side", "leistungserbringer", "choice"),
            _a("chair_term_counting", "from_first_term", "choice"),
            _a("audit_report_shift_to_werktag", False, "bool"),
        ),
        iterator=True,
        max_examples=60,  # a valid far-apart pair lists two centuries of duties
    ),
    Spec(
        "schiedsstelle_window_without_checklist",
        (_a("negotiation_requested", date(2024, 5, 15), "date"), _a("shift_to_werktag", False, "bool")),
    ),
    Spec(
        "evaluation_period_check",
        (
            _a("period_start", date(2024, 7, 1), "date"),
            _a("period_end", date(2025, 6, 30), "date"),
            _a("reading", "year", "choice"),
        ),
    ),
    Spec("unverzueglich_duties", (_a("triggers", {"kuendigung_mitteilen": date(2024, 3, 15)}, "mapping"),)),
    Spec(
        "admission_duty",
        (
            _a("on", date(2024, 3, 15), "date"),
            _a("granted_on", date(2024, 3, 11), "opt_date"),
            _a("provisional", False, "bool"),
            _a("eilfall", False, "bool"),
            _a("within_agreed_offer", True, "bool"),
        ),
    ),
    Spec(
        "audit_announcement_check",
        (
            _a("kind", AuditKind.WIRTSCHAFTLICHKEIT, "choice", positional=True),
            _a("announced", True, "bool"),
            _a("reasons_in_writing", True, "bool"),
        ),
    ),
    Spec("deputies_check", (_a("deputies", ["B", "C"], "iterable"), _a("group", None, "opt_choice"))),
    Spec(
        "fixed_dates",
        (
            _a("start", None, "opt_date"),
            _a("end", None, "opt_date"),
            _a("mobility_transition_until", date(2023, 12, 31), "date"),
            _a("cooperation_shift_to_werktag", False, "bool"),
        ),
    ),
    # --- timeline --------------------------------------------------------------------------------
    Spec(
        "audit_timeline",
        (
            _a("last_audit_day", date(2024, 10, 31), "date"),
            _a("audit", "quality", "choice"),
            _a("closing_meeting_held", None, "opt_date"),
            _a("draft_report_notified", None, "opt_date"),
            _a("clarified_on", None, "opt_date"),
            _a("final_report_notified", None, "opt_date"),
            _a("saturday_is_werktag", True, "bool"),
            _a("widened_on", None, "opt_date"),
        ),
    ),
    Spec(
        "termination_timeline",
        (
            _a("notice_received", date(2024, 3, 15), "date"),
            _a("agreement", "LRV", "choice"),
            _a("replaced_on", None, "opt_date"),
            _a("parts", (), "iterable"),
            _a("party", None, "opt_text"),
            _a("side", None, "opt_choice"),
        ),
    ),
    # --- models: functions -----------------------------------------------------------------------
    Spec(
        "commission_vote",
        (
            _a("providers_present", 8, "count"),
            _a("authorities_present", 8, "count"),
            _a("yes", 15, "count"),
            _a("no", 0, "count"),
            _a("abstain", 1, "count"),
            _a("count_kommunale_spitzenverbaende", True, "bool"),
        ),
    ),
    Spec(
        "audit_needs_cause",
        (_a("kind", AuditKind.WIRTSCHAFTLICHKEIT, "choice", positional=True), _a("specific_cause", False, "opt_bool")),
    ),
    Spec(
        "is_leistungserbringer",
        (
            _a("leistungsvereinbarung", True, "bool"),
            _a("verguetungsvereinbarung", False, "bool"),
            _a("delivers_approved_service", True, "bool"),
        ),
    ),
    Spec(
        "quality_breach_presumed",
        (
            _a("planned_understaffing", False, "bool"),
            _a("lasting_understaffing", True, "bool"),
            _a("tarifwerk_not_applied", False, "bool"),
        ),
    ),
    Spec(
        "personenkreis_check",
        (_a("impairments", ["seelisch", "sinnes"], "iterable"), _a("expected_months", 12, "amount")),
    ),
    Spec("parties", (_a("agreement", "RV", "opt_choice", positional=True), _a("side", None, "opt_choice"))),
    Spec("input_schema", (_a("model", "Module", "opt_choice", positional=True),), max_examples=60),
    Spec(
        "parse_module",
        (_a("data", '{"kind": "mobilitaet", "agreed_rate": "12.50", "rate_period": "trip"}', "any", positional=True),),
        model=True,  # documented: a pydantic.ValidationError that names the field (like model_validate)
    ),
    # --- models: constructors --------------------------------------------------------------------
    Spec(
        "DailyCostBasis",
        (
            _a("places", 24, "count"),
            _a("occupancy_percent", Decimal(96), "amount"),
            _a("posts_per_place", Decimal("0.25"), "amount"),
            _a("cost_per_post", Decimal(60000), "amount"),
            _a("surcharges_percent", {"sachaufwand": Decimal(10)}, "mapping"),
            _a("days", Decimal(365), "opt_amount"),
        ),
        model=True,
    ),
    Spec("HourlyRateTable", (_a("entries", (_TABLE_ENTRY,), "iterable"),), model=True),
    Spec(
        "InvoiceItem",
        (
            _a("description", "Fachmodul Wohnen", "text"),
            _a("unit", BillingUnit.DAY, "choice"),
            _a("quantity", Decimal(29), "amount"),
            _a("unit_price", Decimal("47.09"), "amount"),
            _a("clause", "LRV B.4.6 Abs. 2", "text"),
        ),
        model=True,
    ),
    Spec(
        "Leistungsvereinbarung",
        (
            *(_a(k, v, "text") for k, v in _LV.items() if k != "leistungsbereich"),
            _a("leistungsbereich", "soziale_teilhabe", "choice"),
            _a("concluded_on", date(2024, 11, 15), "opt_json_date"),
            _a("fachkonzept_extrakt", "Extrakt", "text"),
        ),
        model=True,
    ),
    Spec(
        "Parameter",
        (
            _a("name", "kgst_normalarbeitszeit", "no_float"),
            _a("value", Decimal(1584), "no_float"),
            _a("unit", "hours per year", "no_float"),
            _a("valid_from", date(2020, 1, 1), "no_float"),
            _a("valid_until", None, "no_float"),
            _a("source", "LRV A.4.6 Abs. 2", "no_float"),
            _a("overridden", False, "no_float"),
        ),
        model=True,
    ),
    Spec(
        "Person",
        (_a("id", "p-1", "text"), _a("impairments", ("sinnes",), "iterable"), _a("expected_months", "8", "amount")),
        model=True,
    ),
    Spec(
        "Provider",
        (
            _a("name", "Beispiel gGmbH", "text"),
            _a("leistungsvereinbarungen", (), "iterable"),
            _a("verguetungsvereinbarungen", (), "iterable"),
        ),
        model=True,
    ),
    Spec(
        "Verguetungsvereinbarung",
        (
            _a("leistungserbringer", "Beispiel gGmbH", "text"),
            _a("traeger", "LVR", "text"),
            _a("concluded_on", date(2024, 11, 15), "json_date"),
            _a("period_start", date(2025, 1, 1), "json_date"),
            _a("period_end", date(2025, 12, 31), "json_date"),
            _a("tarifwerk", None, "opt_text"),
            _a("modules", (), "iterable"),
            _a("kosten", None, "opt_model"),
        ),
        model=True,
    ),
    Spec(
        "Result",
        (_a("inputs", {"a": Decimal(1)}, "no_float"), _a("steps", (), "no_float"), _a("parameters", (), "no_float")),
        model=True,
    ),
    Spec(
        "HourlyRateEntry",
        (
            _a("kind", e.AssistenzKind("einfache_assistenz"), "any"),  # strict: the enum member only
            _a("tarifwerk", "Haustarif A", "text"),
            _a("valid_from", date(2024, 1, 1), "json_date"),
            _a("valid_until", None, "opt_json_date"),
            _a("rate", Decimal("41.10"), "amount"),
            _a("source", "example table of the caller", "text"),
        ),
        model=True,
    ),
    Spec(
        "Sitting",
        (
            _a("held_on", date(2024, 3, 1), "opt_json_date"),
            _a("freie_wohlfahrtspflege", 8, "count"),
            _a("privat_gewerblich", 2, "count"),
            _a("oeffentliche_traeger", 0, "count"),
            _a("lvr", 5, "count"),
            _a("lwl", 5, "count"),
            _a("kommunale_spitzenverbaende", 2, "count"),
            _a("interessenvertretungen", 0, "count"),
            _a("geschaeftsstelle", 0, "count"),
        ),
        model=True,
    ),
    # --- later additions: batch, module rates, terms, commission -------------------------------
    Spec(
        "daily_rates",
        (
            _a("annual_cost", ["1000000", "500000"], "batch"),
            _a("places", 20, "batch"),
            _a("occupancy_percent", "95", "batch"),
            _a("days", 365, "batch"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "hourly_rates",
        (
            _a("annual_personnel_cost", ["63360", "70000"], "batch"),
            _a("surcharges_percent", {"gemeinkosten": "20"}, "batch"),
            _a("annual_hours", None, "batch"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "kdu_checks",
        (
            _a("actual_costs", ["700", "600"], "batch"),
            _a("adequacy_limit", "500", "batch"),
            _a("itemised", True, "bool"),
            _a("threshold_at_cent", False, "bool"),
            _a("on", None, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "module_rate",
        (
            _a(
                "module",
                {
                    "kind": "fachmodul_wohnen",
                    "annual_cost": "1000000",
                    "places": 20,
                    "occupancy_percent": "95",
                    "days": 365,
                },
                "model",
                positional=True,
            ),
            _a("on", D, "date"),
            _a("table", None, "opt_model"),
            _a("overrides", None, "opt_mapping"),
            _a("surcharge_rule", None, "opt_choice"),
        ),
    ),
    Spec(
        "commission_chair",
        (
            _a("on", date(2023, 6, 1), "date"),
            _a("first_term_start", date(2020, 1, 1), "date"),
            _a("first_side", "leistungserbringer", "choice"),
            _a("term_counting", "from_first_term", "choice"),
        ),
    ),
    Spec(
        "commission_meeting_demand",
        (
            _a("providers_demanding", 8, "count"),
            _a("authorities_demanding", 0, "count"),
            _a("provider_members", 14, "count"),
            _a("authority_members", 14, "count"),
            _a("traeger_demand", "traeger", "choice"),
            _a("traeger_demanding", ("LVR",), "iterable"),
        ),
    ),
    Spec(
        "working_group_meeting_demand",
        (
            _a("members_demanding", 4, "count"),
            _a("members", 6, "count"),
            _a("commission_initiative", False, "bool"),
        ),
    ),
    Spec(
        "working_group_check",
        (
            _a("members", ["LVR", "LWL"], "iterable"),
            _a("experts", 0, "count"),
            _a("experts_agreed", True, "bool"),
        ),
    ),
    Spec("evaluation_proposal_deadline", (_a("concluded_on", date(2024, 11, 30), "date"),)),
    Spec(
        "reduction_schiedsstelle_window",
        (_a("final_report_notified", date(2024, 1, 31), "date"), _a("shift_to_werktag", False, "bool")),
    ),
    Spec(
        "rv_last_day_for_notice", (_a("period_end", date(2028, 12, 31), "date"), _a("shift_to_werktag", True, "bool"))
    ),
    Spec(
        "verguetung_applies",
        (
            _a("on", date(2026, 3, 1), "date"),
            _a("period_start", date(2025, 1, 1), "date"),
            _a("period_end", date(2025, 12, 31), "date"),
            _a("replaced_from", None, "opt_date"),
        ),
    ),
    # --- besondere Wohnformen (M15) ---------------------------------------------------------------
    Spec(
        "area_split",
        (
            _a("annual_costs", "120000", "amount"),
            _a("fachleistung_m2", "300", "amount"),
            _a("wohnen_m2", "600", "amount"),
            _a("gemeinschaft_m2", "200", "amount"),
            _a("misch_m2", "50", "amount"),
            _a("misch_fachleistung_percent", None, "opt_amount"),
            _a("misch_fachleistung_m2", "10", "opt_amount"),
        ),
    ),
    Spec(
        "resident_shares",
        (
            _a("amount", "1000.00", "amount"),
            _a("rooms", {"A": "10", "B": "20"}, "mapping"),
            _a("gemeinschaft_m2", "30", "amount"),
            _a("shared_rooms", "per_head", "choice"),
        ),
    ),
    Spec("warmmiete_check", (_a("warmmiete_charged", "520.00", "amount"), _a("unterkunft_costs", "500.00", "amount"))),
    Spec("wohnform_split", (_a("house", _HOUSE, "model", positional=True),), max_examples=60),
    Spec(
        "House",
        (
            _a("name", "Haus", "text"),
            _a("fachleistung_m2", "60", "amount"),
            _a("gemeinschaft_m2", "40", "amount"),
            _a("misch_m2", "20", "amount"),
            _a("misch_fachleistung_percent", "50", "opt_amount"),
            _a("shared_rooms", "by_area", "choice"),
            _a("costs", _HOUSE["costs"], "iterable"),
            _a("residents", _HOUSE["residents"], "iterable"),
            _a("adequacy_limit", "500", "amount"),
            _a("itemised", True, "bool"),
            _a("preconditions_met", False, "bool"),
            _a("note", None, "opt_text"),
        ),
        model=True,
    ),
    # --- negotiation: Kalkulation, occupancy, Fortschreibung, compare, what-if ---------------------
    Spec(
        "kalkulation",
        (
            _a("data", None, "opt_model", positional=True),
            _a("unit", "day", "opt_choice"),
            _a("posts", [_NEG_POST, {**_NEG_POST, "role": "Hilfskraft", "skilled": False}], "iterable"),
            _a("places", 24, "count"),
            _a("occupancy_percent", "96", "amount"),
            _a("days", None, "opt_amount"),
            _a("surcharges_percent", {"leitung_verwaltung": "10"}, "opt_mapping"),
            _a("surcharge_mode", None, "opt_choice"),
            _a("surcharge_rule", None, "opt_choice"),
            _a("management_costs", None, "opt_amount"),
            _a("material_costs", "30000", "opt_amount"),
            _a("investment", "24000", "opt_amount"),
            _a("public_subsidies", None, "opt_amount"),
            _a("operating_costs", None, "opt_amount"),
            _a("housing_costs_above_threshold", None, "opt_amount"),
            _a("investment_occupancy", None, "opt_choice"),
            _a("billable_hours", None, "opt_amount"),
            _a("billable_share_percent", None, "opt_amount"),
            _a("period_start", None, "opt_json_date"),
            _a("period_end", None, "opt_json_date"),
            _a("label", None, "opt_text"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "parse_kalkulation",
        (_a("data", _NEG_KALKULATION, "any", positional=True), _a("syntax", "json", "choice")),
    ),
    Spec(
        "break_even_occupancy",
        (
            _a("rate", "150.00", "opt_amount"),
            _a("annual_cost", "1000000", "opt_amount"),
            _a("places", 20, "count"),
            _a("days", 365, "opt_amount"),
            _a("kalkulation", None, "opt_model"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "max_annual_cost",
        (
            _a("rate", "150.00", "amount"),
            _a("places", None, "any"),  # None: the Kalkulation's capacity
            _a("occupancy_percent", None, "opt_amount"),
            _a("days", None, "opt_amount"),
            _a("kalkulation", _NEG_KALKULATION, "opt_model"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "occupancy_analysis",
        (
            _a("actual_occupancy_percent", "90", "amount"),
            _a("annual_cost", "1000000", "opt_amount"),
            _a("places", 20, "count"),
            _a("agreed_occupancy_percent", "95", "opt_amount"),
            _a("days", 365, "opt_amount"),
            _a("rate", None, "opt_amount"),
            _a("kalkulation", None, "opt_model"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
        ),
    ),
    Spec(
        "fortschreibung",
        (
            _a("rate", "144.20", "opt_amount"),
            _a("personnel_share_percent", "80", "opt_amount"),
            _a("tariff_increase_percent", "5.5", "opt_amount"),  # None: no tariff part (with no share)
            _a("material_share_percent", "15", "opt_amount"),
            _a("price_index_percent", "2.0", "opt_amount"),
            _a("kalkulation", None, "opt_model"),
            _a("period_start", None, "opt_date"),
            _a("period_end", None, "opt_date"),
            _a("on", None, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("investment", None, "opt_amount"),  # a new Investitionsbetrag: with a Kalkulation only
            _a("investment_agreed", False, "bool"),
        ),
    ),
    Spec(
        "compare",
        (
            _a("old", _NEG_OLD, "any", positional=True),  # an amount, or a result
            _a("new", _NEG_NEW, "model", positional=True),
            _a("investment_agreed", False, "bool"),
        ),
    ),
    Spec(
        "what_if",
        (
            _a("kalkulation", _NEG_KALKULATION, "model", positional=True),
            _a("vary", "occupancy_percent", "choice"),
            _a("values", ["90", "95", "100"], "any"),  # None: start, stop and step instead
            _a("start", None, "opt_amount"),
            _a("stop", None, "opt_amount"),
            _a("step", None, "opt_amount"),
            _a("on", D, "opt_date"),
            _a("overrides", None, "opt_mapping"),
            _a("investment_agreed", False, "bool"),
        ),
        max_examples=60,  # a valid call may vary a value up to 100,000 times
    ),
    Spec(
        "Kalkulation",
        (
            _a("unit", "day", "choice"),
            _a("posts", (_NEG_POST,), "iterable"),
            _a("occupancy_percent", "96", "amount"),
            _a("places", 24, "count"),
            _a("days", "365", "opt_amount"),
            _a("surcharges_percent", {"leitung_verwaltung": "10"}, "mapping"),
            _a("surcharge_mode", "additive", "choice"),
            _a("material_costs", "30000", "amount"),
            _a("investment", "24000", "amount"),
            _a("public_subsidies", "0", "amount"),
            _a("operating_costs", "0", "amount"),
            _a("housing_costs_above_threshold", "0", "amount"),
            _a("investment_occupancy", "agreed", "choice"),
            _a("surcharge_rule", "aufschlagskalkulation", "choice"),
            _a("period_start", None, "opt_json_date"),
            _a("label", None, "opt_text"),
        ),
        model=True,
    ),
    Spec(
        "to_ics",
        (
            _a("items", e.fixed_dates(start=date(2025, 1, 1)), "iterable", positional=True),
            _a("lang", "de", "choice"),
            _a("stamp", None, "any"),
            _a("case", None, "opt_text"),
            _a("remind", None, "any"),  # a timedelta (no kind for it): its refusals are pinned in tests/test_ics.py
        ),
    ),
    Spec("verify_record", (_a("record", _NEG_OLD.model_dump_json(), "any", positional=True),), max_examples=60),
    Spec(
        "Post",
        (
            _a("role", "Fachkraft", "text"),
            _a("annual_cost", "62000", "amount"),
            _a("skilled", True, "bool"),
            _a("fte", "6", "opt_amount"),
            _a("tarifwerk", None, "opt_text"),
            _a("management", False, "bool"),
        ),
        model=True,
    ),
    # --- enums: calling the class looks a member up by value -------------------------------------
    Spec("AssistenzKind", (_a("value", "einfache_assistenz", "choice", positional=True),), model=True),
    Spec("Landschaftsverband", (_a("value", "LVR", "choice", positional=True),), model=True),
    Spec("Nutzungsintensitaet", (_a("value", "intensitaet_1", "choice", positional=True),), model=True),
    Spec("BillingUnit", (_a("value", "day", "choice", positional=True),), model=True),
    Spec("Side", (_a("value", "leistungserbringer", "choice", positional=True),), model=True),
    Spec("SurchargeRule", (_a("value", "aufschlagskalkulation", "choice", positional=True),), model=True),
)


def _kind_of(annotation: Any) -> str:
    """The fuzz kind of a declared keyword, from its type annotation (``any`` where none fits)."""
    members = set(typing.get_args(annotation)) if typing.get_origin(annotation) in (Union, UnionType) else {annotation}
    optional = type(None) in members
    members.discard(type(None))
    prefix = "opt_" if optional else ""
    if members == {Decimal, int, str}:
        return prefix + "amount"
    if members == {date}:
        return prefix + "date"
    if members == {bool}:
        return prefix + "bool"
    if members == {str}:
        return prefix + "text"
    if members == {int} and not optional:
        return "count"
    return "any"


def _derived_specs(written: set[str]) -> tuple[Spec, ...]:
    """A spec for each declared rule without one above, from its declaration's ``example`` and annotations."""
    from eghnrw._rule import declarations  # noqa: PLC0415 - loads every rule module

    return tuple(
        Spec(
            name,
            tuple(
                _a(
                    i.name,
                    declared.example.get(i.name, i.default),
                    _kind_of(i.annotation),
                )
                for i in declared.inputs
            ),
        )
        for name, declared in sorted(declarations().items())
        if name not in written and declared.example
    )


SPECS += _derived_specs({s.name for s in SPECS})
BY_NAME: dict[str, Spec] = {s.name: s for s in SPECS}

#: Public names not fuzzed, each with the reason.
NOT_FUZZED: dict[str, str] = {
    "EghnrwError": "an exception class: constructing it is not a call users make with data",
    "InvalidInputError": "an exception class (its message formatting is fuzzed through every function)",
    "ParameterNotFoundError": "an exception class",
    "OptionalDependencyError": "an exception class (raised when an optional library is missing)",
    "ParameterOutdatedWarning": "a warning class",
    "Step": "a NamedTuple the library builds from checked values; it validates nothing by design (decisions.md)",
    "BatchResult": "a frozen dataclass the batch functions return; built from checked rows, it validates nothing",
    "RowError": "a frozen dataclass inside BatchResult (a refused row); built by the library",
    "ServiceModule": "a type alias (an annotated union), not a constructor: parse_module and module_rate validate it",
    "read_table": "reads a file (a path or a binary stream), not values: its refusals of unreadable files, "
    "unknown encodings and sheets, duplicate headers and uncomputed formulas are pinned in tests/test_tables.py",
    "timeline": "takes results the library built (*items); its refusals of other items and of a bad scenario "
    "are pinned in tests/test_timeline.py",
    "DueDate": "a NamedTuple of a due date the library builds (fixed_dates, recurring_due_dates); validates nothing",
    "TimelineEntry": "a NamedTuple inside a Timeline, built by the library from checked results",
}
#: The result classes are public for annotations and isinstance checks; the rule functions build them
#: from checked values (Result.build), and an audit record loads through Result.from_record, which the
#: result tests refuse bad records of (tests/test_result_values.py).
NOT_FUZZED |= {
    name: "a result class: built by its rule function, loaded by Result.from_record"
    for name in e.__all__
    if isinstance(getattr(e, name), type) and issubclass(getattr(e, name), e.Result) and name != "Result"
}

# --- wrong values ------------------------------------------------------------------------------


#: Hand-picked wrong values, tried for every argument of every spec (deterministically).
CURATED: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    10**15,
    -(10**20),
    0.0,
    1.5,
    -0.01,
    math.nan,
    math.inf,
    -math.inf,
    1e300,
    5e-324,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal(-1),
    Decimal("1E+15"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    Decimal("-0"),
    Decimal("0.000000000000000000000000000000000000000000000000000000000000000001"),
    "",
    " ",
    "1.234,56",
    "1,5",
    "1e5",
    "nan",
    "-inf",
    "12 €",
    "abc",
    "\x00",
    "2024-06-03",
    "03.06.2024",
    datetime(2024, 6, 3, 12, 0),  # noqa: DTZ001 - a naive datetime is the point
    datetime(2024, 6, 3, 12, 0, tzinfo=UTC),
    datetime(2024, 6, 3, 23, 30, tzinfo=_CET),
    date.min,
    date.max,
    date(1900, 1, 1),
    date(2500, 1, 1),
    time(12, 0),
    timedelta(days=1),
    b"1",
    bytearray(b"1"),
    [],
    [1.5],
    ["1.234,56"],
    (),
    {},
    {"x": 1.5},
    {1.5: "1"},
    {None: None},
    set(),
    frozenset({1}),
    object(),
    Decimal,
    BillingUnit.DAY,
    AuditKind.QUALITAET,
)


def is_float_like(value: Any, _depth: int = 0) -> bool:
    """A float, or a float hidden in a container (what DESIGN says is always refused)."""
    if isinstance(value, float):
        return True
    if _depth > 50:
        return False
    if isinstance(value, Mapping):
        return any(is_float_like(k, _depth + 1) or is_float_like(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(is_float_like(v, _depth + 1) for v in value)
    return False


def _is_date(value: Any) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def must_refuse(kind: str, value: Any) -> bool:  # noqa: C901, PLR0911, PLR0912 - one branch per kind reads best
    """Whether ``value`` is never valid for an argument of ``kind`` (the call must raise)."""
    if kind in {"any", "batch"}:
        return False
    if kind == "no_float":
        return is_float_like(value) or isinstance(value, datetime)
    if value is None:
        return not kind.startswith("opt_")
    if isinstance(value, (float, datetime)):
        return True
    base = kind.removeprefix("opt_")
    if base == "date":
        return not _is_date(value)
    if base == "json_date":
        return not (_is_date(value) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)))
    if base == "amount":
        if isinstance(value, Decimal):
            return not value.is_finite() or value.copy_abs() >= 10**15
        if isinstance(value, bool):
            return True
        if isinstance(value, int):
            return abs(value) >= 10**15
        if isinstance(value, str):
            return "," in value or value.strip() == "" or any(c in value.lower() for c in "einf€\x00")
        return True
    if base == "count":
        return isinstance(value, bool) or not isinstance(value, int)
    if base == "bool":
        return not isinstance(value, bool)
    if base == "text":
        return not isinstance(value, str)
    if base == "choice":
        return not isinstance(value, str) or value.strip() == ""
    if base == "mapping":
        return not isinstance(value, Mapping)
    if base == "iterable":
        return isinstance(value, (bool, int, Decimal, date, time, timedelta)) or value is Decimal
    if base == "model":
        return isinstance(value, (bool, int, Decimal, str, bytes, date, time, timedelta, list, tuple, set))
    raise AssertionError(kind)


# --- the oracle --------------------------------------------------------------------------------

ALLOWED_BUILTINS = (ValueError, TypeError, LookupError)


def contains_float(value: Any, _depth: int = 0) -> bool:  # noqa: PLR0911 - one return per container kind
    """Whether a float hides anywhere in ``value`` (keys, values, items, named tuples)."""
    if isinstance(value, float):
        return True
    if _depth > 50:
        return False
    if isinstance(value, Mapping):
        return any(contains_float(k, _depth + 1) or contains_float(v, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_float(v, _depth + 1) for v in value)
    if isinstance(value, pydantic.BaseModel):
        return contains_float(value.model_dump(), _depth + 1)
    if _is_batch(value):
        return contains_float(value.columns, _depth + 1)  # row errors keep the value received, as errors do
    return False


def _names_one(text: str, names: set[str]) -> bool:
    """Whether ``text`` names one of ``names`` as a word (``"annual_cost ÷ (places × days ...)"`` does)."""
    return any(re.search(rf"\b{re.escape(name)}\b", text) for name in names)


def _is_batch(value: Any) -> bool:
    return type(value).__name__ == "BatchResult" and dataclasses.is_dataclass(value)


@dataclass
class Outcome:
    """What a fuzzed call did, and whether that is acceptable (``problem`` is None)."""

    result: Any = None
    error: BaseException | None = None
    problem: str | None = None


def _names(exc: BaseException, labels: set[str]) -> bool:
    text = str(exc)
    return any(label in text for label in labels)


def _validation_locates(exc: pydantic.ValidationError, labels: set[str], *, anywhere: bool = False) -> bool:
    """Each error's location starts with a field named in ``labels`` (or, for a model validator's
    error without a location, its message names one). ``anywhere``: any field of the payload
    (``parse_module`` validates the data it is given, so the fields are the payload's)."""
    errors = exc.errors()  # anywhere: an error of the whole payload (invalid JSON, no "kind") has no location
    return bool(errors) and all(
        (err["loc"] and (anywhere or str(err["loc"][0]) in labels))
        or (not err["loc"] and (anywhere or _names(exc, labels)))
        for err in errors
    )


def check_result(result: Any, spec: Spec | None = None) -> str | None:
    """Why a returned value is not valid, or None."""
    if contains_float(result):
        return f"a float leaked into the result: {safe_repr(result, 200)}"
    if _is_batch(result) and spec is not None:
        names = {a.name for a in spec.args}
        strays = [err for err in result.errors if not err.message or not _names_one(err.argument, names)]
        if strays:
            return f"a row error names no argument of the call: {safe_repr(strays[0], 200)}"
    items = result if isinstance(result, tuple) else (result,)
    for item in items:
        if isinstance(item, pydantic.BaseModel):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                item.model_dump_json()
            if isinstance(item, e.Result):
                item.explain("de")
                item.explain("en")
                item._repr_html_()
                item._repr_markdown_()
    return None


def run(spec: Spec, replaced: Mapping[str, Any]) -> Outcome:  # noqa: C901, PLR0911 - one branch per outcome
    """Call ``spec`` with ``replaced`` swapped in and judge the outcome.

    An error must name an argument: the replaced one if only one was replaced and it holds a value that
    is never valid (:func:`must_refuse`) — the caller must learn which value to fix — else any
    argument of the call (a value valid on its own may clash with another argument, and the message
    may name either side: ``yes`` exceeds those present).
    """
    args = {a.name: a for a in spec.args}
    culprit = any(must_refuse(args[n].kind, v) for n, v in replaced.items())
    # With a never-valid value among the replaced ones, the message names a replaced argument (the
    # function may check another replaced one first); otherwise any argument of the call.
    # With two replaced, the first check may be a clash of one with an untouched argument (columns of
    # different lengths): then any argument of the call will do.
    precise = culprit and len(replaced) == 1
    labels = {args[n].shown for n in replaced} if precise else {a.shown for a in spec.args}
    if "argument" in replaced:  # parse_amount and round_cents name the value by this label
        with contextlib.suppress(ValueError, RecursionError):
            labels.add(str(replaced["argument"]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = spec.call(replaced)
        except EghnrwError as exc:
            outcome = Outcome(error=exc)
            if not isinstance(exc, ALLOWED_BUILTINS):
                outcome.problem = f"{type(exc).__name__} is not also a ValueError/TypeError/LookupError"
            elif not _names(exc, labels):
                outcome.problem = f"the message does not name {sorted(labels)}: {exc}"
            return outcome
        except pydantic.ValidationError as exc:
            outcome = Outcome(error=exc)
            if not spec.model:
                outcome.problem = f"pydantic.ValidationError escaped a function: {safe_repr(str(exc), 300)}"
            elif not _validation_locates(exc, labels, anywhere=spec.name == "parse_module"):
                located = [(err["loc"], err["type"], err["msg"][:80]) for err in exc.errors()]
                outcome.problem = f"ValidationError does not locate {sorted(labels)}: {located}"
            return outcome
        except (ValueError, RecursionError) as exc:
            if is_enum(spec.name):
                # Enum(value) raises ValueError naming the enum: Python's contract (and a RecursionError
                # when repr(value) recurses too deep: Python's own enum, not eghnrw's to change).
                return Outcome(error=exc)
            return Outcome(error=exc, problem=f"bare {type(exc).__name__}: {safe_repr(exc, 200)}")
        except Exception as exc:  # noqa: BLE001 - the point: anything else is a bug
            return Outcome(error=exc, problem=f"bare {type(exc).__name__}: {safe_repr(exc, 200)}")
        unexpected = [w for w in caught if not issubclass(w.category, ParameterOutdatedWarning)]
        if unexpected:
            return Outcome(result=result, problem=f"unexpected warning: {unexpected[0].message}")
        try:
            problem = check_result(result, spec)
        except Exception as exc:  # noqa: BLE001 - a result that cannot render is a bug
            problem = f"the result does not serialise or render: {type(exc).__name__}: {exc}"
        return Outcome(result=result, problem=problem)


def judge(spec: Spec, replaced: Mapping[str, Any]) -> str | None:
    """The problem with a fuzzed call, or None when it behaved."""
    outcome = run(spec, replaced)
    if outcome.problem:
        return outcome.problem
    kinds = {a.name: a.kind for a in spec.args}
    refused = [name for name, value in replaced.items() if must_refuse(kinds[name], value)]
    batch_floats = [name for name, value in replaced.items() if kinds[name] == "batch" and is_float_like(value)]
    if batch_floats and outcome.error is None and not outcome.result.errors:
        return f"a batch accepted floats in {batch_floats}: returned {safe_repr(outcome.result, 200)}"
    spoiled_rows = _is_batch(outcome.result) and outcome.result.errors
    if refused and spoiled_rows and all(_names_one(err.argument, set(replaced)) for err in outcome.result.errors):
        return None  # a batch reports a bad argument as an error in every row it spoils
    if refused and outcome.error is None:
        return f"accepted a value that is never valid for {refused}: returned {safe_repr(outcome.result, 200)}"
    return None


def iter_curated(spec: Spec) -> Iterator[tuple[str, Any]]:
    """Every (argument, curated wrong value) pair of a spec."""
    for arg in spec.args:
        for value in CURATED:
            yield arg.name, value


def public_callables() -> set[str]:
    """The names in ``eghnrw.__all__`` that are callable (functions, classes, enums)."""
    return {name for name in e.__all__ if callable(getattr(e, name))}


def is_enum(name: str) -> bool:
    obj = getattr(e, name)
    return isinstance(obj, type) and issubclass(obj, Enum)


# --- values whose repr fails ---------------------------------------------------------------------
# (the random wrong values of the fuzz tests are ``strategies.wrong_values``)


def _deep_list(depth: int) -> list[Any]:
    nested: list[Any] = []
    for _ in range(depth):
        nested = [nested]
    return nested


#: Values whose ``repr`` fails: an int past Python's 4,300-digit limit for ``str(int)`` and a list
#: nested deeper than the recursion limit.
HUGE_INT = 10**5000
DEEP_LIST = _deep_list(5000)
CURATED = (*CURATED, HUGE_INT, DEEP_LIST)


def safe_repr(value: Any, limit: int = 60) -> str:
    """``repr`` for a failure message, even of values whose ``repr`` fails."""
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        text = f"<{type(value).__name__} whose repr fails>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --- known bugs ----------------------------------------------------------------------------------
#
# A bug the fuzzing finds and that is not fixed at once gets a test with its minimal example in the
# test file of the function it concerns (tests/test_<module>.py), marked
# @pytest.mark.xfail(strict=True, reason="<id>: <what goes wrong>"), and an entry <id> here, so the
# fuzz tests skip the cases it explains and keep guarding the rest (docs/contributing.md, "Random
# exploration"). When it is fixed, the xfail test passes (XPASS, a failure under xfail_strict):
# delete the mark there and the entry here; the test stays as the regression test of the behaviour.


def _repr_fails(value: Any) -> bool:  # used by KNOWN_BUGS entries
    try:
        repr(value)
    except (ValueError, RecursionError):
        return True
    return False


#: Known bug id -> predicate on (spec name, replaced arguments, problem text).
KNOWN_BUGS: dict[str, Callable[[str, Mapping[str, Any], str], bool]] = {
    # Not a bug but an accepted limit (docs/decisions.md, "Deeply nested values"): a model enum
    # field other than Parameter's and InvoiceItem's, given a list nested thousands deep, reaches
    # Enum(value) through pydantic, whose message calls repr: RecursionError.
    "accepted-pydantic-enum-deep-list": lambda name, replaced, problem: (
        name in {"Leistungsvereinbarung", "Person", "HourlyRateEntry", "DailyCostBasis", "Verguetungsvereinbarung"}
        and "bare RecursionError" in problem
        and any(_repr_fails(v) for v in replaced.values())
    ),
}


def known_bug(spec: Spec, replaced: Mapping[str, Any], problem: str) -> str | None:
    """The known bug that explains ``problem``, or None (then it is a new bug)."""
    return next((bug for bug, explains in KNOWN_BUGS.items() if explains(spec.name, replaced, problem)), None)
