"""eghnrw: the NRW framework agreements on Eingliederungshilfe, computable.

Implements the *Landesrahmenvertrag nach § 131 SGB IX NRW* (LRV) and the *Rahmenvereinbarung
NRW* (RV): exact Euro amounts, dated parameters, BGB/NRW calendar arithmetic and explainable
results. This module is the public contract (``__all__``); everything else may change.

Every public name is imported here, once, and listed once in ``__all__`` (a test keeps the two
equal): there is no lazy loading that a submodule could shadow. What stays lazy is what a first
result does not need — the holiday tables (on the first date that needs them), JSON Schemas and
validators of models nobody has validated yet (pydantic's ``defer_build``).
"""

from __future__ import annotations

from eghnrw.batch import BatchResult, RowError, daily_rates, hourly_rates, kdu_checks
from eghnrw.billing import (
    BillingUnit,
    InvoiceItem,
    kurzzeitbetreuung,
    monthly_invoice,
    pflegefamilie_verguetung,
    verguetungskuerzung,
)
from eghnrw.calendar import (
    add_period,
    add_period_from_start_of_day,
    add_werktage,
    apply_193,
    is_werktag,
    latest_event_day,
    next_werktag,
    werktage_between,
)
from eghnrw.deadlines import (
    audit_timetable,
    audit_window_check,
    evaluation_proposal_deadline,
    fixed_dates,
    hospital_need_report,
    reaudit_check,
    recurring_due_dates,
    reduction_schiedsstelle_window,
    schiedsstelle_available_from,
    schiedsstelle_window,
)
from eghnrw.errors import EghnrwError, InvalidInputError, ParameterNotFoundError, ParameterOutdatedWarning
from eghnrw.kdu import kdu_check, personal_means_check
from eghnrw.models import (
    AssistenzKind,
    House,
    Kalkulation,
    Landschaftsverband,
    Leistungsvereinbarung,
    Nutzungsintensitaet,
    Person,
    Post,
    Provider,
    ServiceModule,
    Side,
    Sitting,
    Verguetungsvereinbarung,
    audit_needs_cause,
    commission_chair,
    commission_meeting_demand,
    commission_vote,
    input_schema,
    is_leistungserbringer,
    parse_kalkulation,
    parse_module,
    parties,
    personenkreis_check,
    quality_breach_presumed,
    verguetung_applies,
    working_group_check,
    working_group_meeting_demand,
)
from eghnrw.module_rates import module_rate
from eghnrw.money import allocate, parse_amount, round_cents
from eghnrw.negotiation import (
    break_even_occupancy,
    compare,
    fortschreibung,
    kalkulation,
    max_annual_cost,
    occupancy_analysis,
    what_if,
)
from eghnrw.params import Parameter, parameter
from eghnrw.rates import (
    DailyCostBasis,
    HourlyRateEntry,
    HourlyRateTable,
    SurchargeRule,
    assistenz_hourly_rate,
    daily_rate,
    fachmodul_wohnen_rate,
    hourly_rate,
    organisationsmodul_rate,
    shared_delivery,
    surcharge,
    surcharge_schedule,
    tagesstruktur_rate,
)
from eghnrw.terms import (
    lrv_in_force,
    lrv_termination,
    rv_current_period,
    rv_end_date,
    rv_last_day_for_notice,
    rv_termination,
)
from eghnrw.timelines import audit_timeline, termination_timeline, timeline, to_ics
from eghnrw.trace import Result, Step
from eghnrw.wohnform import area_split, resident_shares, warmmiete_check, wohnform_split

__all__ = [
    "AssistenzKind",
    "BatchResult",
    "BillingUnit",
    "DailyCostBasis",
    "EghnrwError",
    "HourlyRateEntry",
    "HourlyRateTable",
    "House",
    "InvalidInputError",
    "InvoiceItem",
    "Kalkulation",
    "Landschaftsverband",
    "Leistungsvereinbarung",
    "Nutzungsintensitaet",
    "Parameter",
    "ParameterNotFoundError",
    "ParameterOutdatedWarning",
    "Person",
    "Post",
    "Provider",
    "Result",
    "RowError",
    "ServiceModule",
    "Side",
    "Sitting",
    "Step",
    "SurchargeRule",
    "Verguetungsvereinbarung",
    "add_period",
    "add_period_from_start_of_day",
    "add_werktage",
    "allocate",
    "apply_193",
    "area_split",
    "assistenz_hourly_rate",
    "audit_needs_cause",
    "audit_timeline",
    "audit_timetable",
    "audit_window_check",
    "break_even_occupancy",
    "commission_chair",
    "commission_meeting_demand",
    "commission_vote",
    "compare",
    "daily_rate",
    "daily_rates",
    "evaluation_proposal_deadline",
    "fachmodul_wohnen_rate",
    "fixed_dates",
    "fortschreibung",
    "hospital_need_report",
    "hourly_rate",
    "hourly_rates",
    "input_schema",
    "is_leistungserbringer",
    "is_werktag",
    "kalkulation",
    "kdu_check",
    "kdu_checks",
    "kurzzeitbetreuung",
    "latest_event_day",
    "lrv_in_force",
    "lrv_termination",
    "max_annual_cost",
    "module_rate",
    "monthly_invoice",
    "next_werktag",
    "occupancy_analysis",
    "organisationsmodul_rate",
    "parameter",
    "parse_amount",
    "parse_kalkulation",
    "parse_module",
    "parties",
    "personal_means_check",
    "personenkreis_check",
    "pflegefamilie_verguetung",
    "quality_breach_presumed",
    "reaudit_check",
    "recurring_due_dates",
    "reduction_schiedsstelle_window",
    "resident_shares",
    "round_cents",
    "rv_current_period",
    "rv_end_date",
    "rv_last_day_for_notice",
    "rv_termination",
    "schiedsstelle_available_from",
    "schiedsstelle_window",
    "shared_delivery",
    "surcharge",
    "surcharge_schedule",
    "tagesstruktur_rate",
    "termination_timeline",
    "timeline",
    "to_ics",
    "verguetung_applies",
    "verguetungskuerzung",
    "warmmiete_check",
    "werktage_between",
    "what_if",
    "wohnform_split",
    "working_group_check",
    "working_group_meeting_demand",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - asked on first use, like stamina

        return version("eghnrw")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
