"""The fuzz table: every callable name of ``eghnrw.__all__``, a valid call, and what each argument is.

Each :class:`Spec` holds a call that succeeds (the baseline) and, per argument, a *kind* that says
which wrong values the function must refuse (:func:`must_refuse`). The fuzz tests replace one
argument of the baseline (sometimes two) by a wrong value and check the outcome with
:func:`check_outcome`:

- a return value is valid: no ``float`` anywhere in it (or in its ``model_dump``), its audit record
  serialises without a warning, and its explanation renders;
- an error is an :class:`~eghnrw.core.errors.EghnrwError` that is also a ``ValueError``, ``TypeError``
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
import inspect
import math
import re
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, Literal, Union

import pydantic

import eghnrw as e
from eghnrw.core._rule import Rule
from eghnrw.core.errors import EghnrwError, ParameterOutdatedWarning
from eghnrw.kommission.models import AuditKind
from eghnrw.verguetung.billing import BillingUnit
from eghnrw.verguetung.rates.hourly import HourlyRateEntry
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
    # --- terms (helpers that are not declared rules: the rules' specs are derived, below) --------
    Spec("rv_end_date", (_a("notice_received", date(2026, 9, 30), "date"), _a("shift_to_werktag", False, "bool"))),
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
        "fixed_dates",
        (
            _a("start", None, "opt_date"),
            _a("end", None, "opt_date"),
            _a("mobility_transition_until", date(2023, 12, 31), "date"),
            _a("cooperation_shift_to_werktag", False, "bool"),
        ),
    ),
    # --- models: functions -----------------------------------------------------------------------
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
    # --- batch columns, terms -------------------------------------------------------------------
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
        "rv_last_day_for_notice", (_a("period_end", date(2028, 12, 31), "date"), _a("shift_to_werktag", True, "bool"))
    ),
    # --- besondere Wohnformen (M15) ---------------------------------------------------------------
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
        "parse_kalkulation",
        (_a("data", _NEG_KALKULATION, "any", positional=True), _a("syntax", "json", "choice")),
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


# --- the declared rules: their specs derived ------------------------------------------------------
#
# A declared rule (eghnrw.core._rule) needs no hand-written Spec: its arguments, their order and whether
# they are positional come from its signature, each kind from the annotation (:func:`kind_of`), the
# valid value from the declaration's ``example``, else the default. :data:`OVERRIDES` holds, by
# rule and argument, only what the declaration cannot tell: a valid value where no example gives
# one (or another than the baseline the golden refusal files pin), a kind finer than the
# annotation's, fewer examples for an expensive call.


@dataclass(frozen=True)
class Override:
    """What a declaration cannot tell the fuzz table about one rule (keyed by argument name)."""

    valid: Mapping[str, Any] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)
    max_examples: int | None = None


OVERRIDES: dict[str, Override] = {
    "admission_duty": Override(valid={"on": date(2024, 3, 15), "granted_on": date(2024, 3, 11)}),
    "area_split": Override(
        valid={
            "annual_costs": "120000",
            "fachleistung_m2": "300",
            "wohnen_m2": "600",
            "gemeinschaft_m2": "200",
            "misch_m2": "50",
            "misch_fachleistung_m2": "10",
        }
    ),
    "assistenz_hourly_rate": Override(
        valid={
            "kind": "einfache_assistenz",
            "tarifwerk": "Haustarif A",
            "on": D,
            "table": e.HourlyRateTable(entries=(_TABLE_ENTRY,)),
        }
    ),
    "audit_announcement_check": Override(valid={"kind": AuditKind.WIRTSCHAFTLICHKEIT, "announced": True}),
    "audit_needs_cause": Override(valid={"kind": AuditKind.WIRTSCHAFTLICHKEIT, "specific_cause": False}),
    "audit_timetable": Override(valid={"last_audit_day": date(2024, 10, 31)}),
    "audit_window_check": Override(valid={"widened_on": date(2024, 6, 1)}),
    "break_even_occupancy": Override(
        valid={"rate": "150.00", "annual_cost": "1000000", "places": 20, "days": 365, "on": D},
        kinds={"places": "count"},
    ),
    "commission_chair": Override(
        valid={
            "on": date(2023, 6, 1),
            "first_term_start": date(2020, 1, 1),
            "first_side": "leistungserbringer",
            "term_counting": "from_first_term",
        }
    ),
    "commission_meeting_demand": Override(valid={"providers_demanding": 8, "traeger_demanding": ("LVR",)}),
    "compare": Override(valid={"old": _NEG_OLD, "new": _NEG_NEW}),
    "daily_rate": Override(valid={"days": 365, "on": D}),
    "deputies_check": Override(valid={"deputies": ["B", "C"]}),
    "evaluation_period_check": Override(valid={"period_start": date(2024, 7, 1), "period_end": date(2025, 6, 30)}),
    "evaluation_proposal_deadline": Override(valid={"concluded_on": date(2024, 11, 30)}),
    "fachmodul_wohnen_rate": Override(valid={"basis": _BASIS, "on": D}),
    "fortschreibung": Override(
        valid={
            "rate": "144.20",
            "personnel_share_percent": "80",
            "tariff_increase_percent": "5.5",
            "material_share_percent": "15",
            "price_index_percent": "2.0",
        },
        kinds={"tariff_increase_percent": "opt_amount"},
    ),
    "hourly_rate": Override(valid={"surcharges_percent": {"gemeinkosten": "20"}, "annual_hours": "1584", "on": D}),
    "is_leistungserbringer": Override(valid={"leistungsvereinbarung": True, "verguetungsvereinbarung": False}),
    "kalkulation": Override(
        valid={
            "unit": "day",
            "posts": [_NEG_POST, {**_NEG_POST, "role": "Hilfskraft", "skilled": False}],
            "places": 24,
            "occupancy_percent": "96",
            "surcharges_percent": {"leitung_verwaltung": "10"},
            "material_costs": "30000",
            "investment": "24000",
            "on": D,
        },
        kinds={
            "unit": "opt_choice",
            "posts": "iterable",
            "places": "count",
            "occupancy_percent": "amount",
            "surcharge_mode": "opt_choice",
            "investment_occupancy": "opt_choice",
            "period_start": "opt_json_date",
            "period_end": "opt_json_date",
        },
    ),
    "kurzzeitbetreuung": Override(
        valid={
            "versorgung_daily_rate": "80",
            "absences": [(date(2024, 3, 10), date(2024, 3, 14))],
            "approved_on": date(2024, 3, 5),
            "emergency": True,
            "place": "eingestreut",
            "housing_daily_cost": "15.50",
        }
    ),
    "lrv_in_force": Override(valid={"on": date(2020, 1, 1), "signed_on": date(2019, 7, 23)}),
    "lrv_termination": Override(valid={"replaced_on": date(2025, 10, 1)}),
    "max_annual_cost": Override(valid={"rate": "150.00", "kalkulation": _NEG_KALKULATION, "on": D}),
    "module_rate": Override(
        valid={
            "module": {
                "kind": "fachmodul_wohnen",
                "annual_cost": "1000000",
                "places": 20,
                "occupancy_percent": "95",
                "days": 365,
            },
            "on": D,
        }
    ),
    "monthly_invoice": Override(valid={"month": date(2024, 2, 1), "items": [_ITEM]}),
    "occupancy_analysis": Override(
        valid={
            "actual_occupancy_percent": "90",
            "annual_cost": "1000000",
            "places": 20,
            "agreed_occupancy_percent": "95",
            "days": 365,
            "on": D,
        },
        kinds={"places": "count"},
    ),
    "organisationsmodul_rate": Override(
        valid={"travel_costs": "100", "care_personnel_cost": "0", "days": 365, "on": D}
    ),
    "personal_means_check": Override(valid={"personal_means": "480", "on": D}),
    "personenkreis_check": Override(valid={"impairments": ["seelisch", "sinnes"], "expected_months": 12}),
    "pflegefamilie_verguetung": Override(
        valid={"landschaftsverband": "LVR", "flat_rate": "350", "care_hours": "10", "hourly_rate": "54.13"}
    ),
    "quality_breach_presumed": Override(
        valid={"planned_understaffing": False, "lasting_understaffing": True, "tarifwerk_not_applied": False}
    ),
    "reaudit_check": Override(valid={"documents_dated": date(2023, 2, 28), "audit_day": date(2024, 2, 29)}),
    "reduction_schiedsstelle_window": Override(valid={"final_report_notified": date(2024, 1, 31)}),
    "resident_shares": Override(valid={"amount": "1000.00", "rooms": {"A": "10", "B": "20"}, "gemeinschaft_m2": "30"}),
    "rv_termination": Override(valid={"notice_received": date(2026, 10, 1)}),
    "schiedsstelle_window_without_checklist": Override(valid={"negotiation_requested": date(2024, 5, 15)}),
    "surcharge": Override(valid={"plausibility_percent": "20"}),
    "surcharge_schedule": Override(
        valid={"base": "50000", "surcharges_percent": {"gemeinkosten": "12.5", "sachaufwand": "5"}}
    ),
    "tagesstruktur_rate": Override(valid={"bases": {"intensitaet_1": _BASIS}, "on": D}),
    "unverzueglich_duties": Override(valid={"triggers": {"kuendigung_mitteilen": date(2024, 3, 15)}}),
    "verguetung_applies": Override(
        valid={"on": date(2026, 3, 1), "period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31)}
    ),
    "warmmiete_check": Override(valid={"warmmiete_charged": "520.00", "unterkunft_costs": "500.00"}),
    "what_if": Override(
        valid={"kalkulation": _NEG_KALKULATION, "vary": "occupancy_percent", "values": ["90", "95", "100"], "on": D},
        kinds={"vary": "choice"},
        max_examples=60,
    ),  # a valid call may vary a value up to 100,000 times
    "wohnform_split": Override(valid={"house": _HOUSE}, max_examples=60),
    "working_group_check": Override(valid={"members": ["LVR", "LWL"]}),
    "working_group_meeting_demand": Override(valid={"members_demanding": 4}),
}


def _members(annotation: Any) -> tuple[list[Any], bool]:
    """The members of a union annotation other than ``None``, and whether ``None`` was one."""
    union = typing.get_origin(annotation) in (Union, UnionType)
    members = list(typing.get_args(annotation)) if union else [annotation]
    return [m for m in members if m is not type(None)], type(None) in members


def _is_choice(member: Any) -> bool:
    return typing.get_origin(member) is Literal or (isinstance(member, type) and issubclass(member, Enum))


def _is_mapping(member: Any) -> bool:
    origin = typing.get_origin(member)
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _is_model(member: Any) -> bool:
    return isinstance(member, type) and issubclass(member, pydantic.BaseModel)


_PLAIN = {
    frozenset({Decimal, int, str}): "amount",
    frozenset({date}): "date",
    frozenset({bool}): "bool",
    frozenset({str}): "text",
}


def kind_of(annotation: Any) -> str:  # noqa: PLR0911 - one return per kind reads best
    """The fuzz kind of an argument from its type annotation (``any`` where none fits).

    ``date`` → date, ``Amount`` (Decimal | int | str) → amount, ``int`` → count, ``bool`` → bool,
    ``str`` → text, a Literal or an enum (or ``str``) → choice, a Mapping → mapping, a pydantic
    model (or its mapping) → model, an Iterable or Sequence → iterable; ``| None`` makes it opt_.
    """
    members, optional = _members(annotation)
    prefix = "opt_" if optional else ""
    found = _PLAIN.get(frozenset(members))
    if found:
        return prefix + found
    if members == [int]:
        return "any" if optional else "count"  # no opt_count kind: None may mean "from another argument"
    if any(map(_is_choice, members)) and all(_is_choice(m) or m is str for m in members):
        return prefix + "choice"
    if members and all(map(_is_mapping, members)):
        return prefix + "mapping"
    if any(map(_is_model, members)) and all(_is_model(m) or _is_mapping(m) for m in members):
        return prefix + "model"
    if len(members) == 1 and typing.get_origin(members[0]) in (Iterable, Sequence) and not optional:
        return "iterable"
    return "any"


def derived_spec(declared: Rule) -> Spec:
    """The Spec of a declared rule: its signature, annotations and example, with its :data:`OVERRIDES`."""
    override = OVERRIDES.get(declared.name, Override())
    args = []
    for p in inspect.signature(declared.function).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        default = None if p.default is p.empty else p.default
        valid = override.valid.get(p.name, declared.example.get(p.name, default))
        kind = override.kinds.get(p.name) or kind_of(declared.hints.get(p.name, Any))
        args.append(Arg(p.name, valid, kind, positional=p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)))
    return Spec(declared.name, tuple(args), max_examples=override.max_examples)


def _declared_specs() -> tuple[Spec, ...]:
    from eghnrw.core._rule import declarations  # noqa: PLC0415 - loads every rule module

    return tuple(derived_spec(declared) for _, declared in sorted(declarations().items()))


DECLARED_SPECS = _declared_specs()
SPECS += DECLARED_SPECS
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


def _labels_given(args: Mapping[str, Arg], replaced: Mapping[str, Any]) -> set[str]:
    """Names a call's values give its error messages besides the arguments' own."""
    labels = set()
    if "argument" in replaced:  # parse_amount and round_cents name the value by this label
        with contextlib.suppress(ValueError, RecursionError):
            labels.add(str(replaced["argument"]))
    vary = replaced.get("vary", args["vary"].valid) if "vary" in args else None
    if isinstance(vary, str):  # what_if names a refused value by the field it varies (its docstring)
        labels.add(vary)
    return labels


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
    labels |= _labels_given(args, replaced)
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
