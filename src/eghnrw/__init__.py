"""eghnrw: the NRW framework agreements on Eingliederungshilfe, computable.

Implements the *Landesrahmenvertrag nach § 131 SGB IX NRW* (LRV) and the *Rahmenvereinbarung
NRW* (RV): exact Euro amounts, dated parameters, BGB/NRW calendar arithmetic and explainable
results. This module is the public contract (``__all__``); everything else may change.

Every public name is imported here once — from the light core at once, from the heavier modules
(the models, terms and deadlines, the negotiation workbench, besondere Wohnformen, batches,
calendars) under ``TYPE_CHECKING`` for type checkers and on first use at run time — and listed
once in ``__all__``; a test keeps the two equal. The first result (``import eghnrw`` and an
``hourly_rate``) so costs about half of what importing everything would (benchmarks/bench_import.py).
A lazily loaded name cannot be shadowed: no module is named like a public name of its package, at
any depth (tests/test_api.py). The holiday tables load on the first date that needs them.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from eghnrw.enums import AssistenzKind, Landschaftsverband, Nutzungsintensitaet, Side
from eghnrw.errors import (
    EghnrwError,
    InvalidInputError,
    OptionalDependencyError,
    ParameterNotFoundError,
    ParameterOutdatedWarning,
)
from eghnrw.kdu import KduResult, PersonalMeansResult, kdu_check, personal_means_check
from eghnrw.money import allocate, parse_amount, round_cents
from eghnrw.params import Parameter, parameter
from eghnrw.rates import (
    AssistenzRateResult,
    CostBasisRate,
    DailyCostBasis,
    DailyRateResult,
    HourlyRateEntry,
    HourlyRateResult,
    HourlyRateTable,
    OrganisationsmodulResult,
    SharedDeliveryResult,
    SurchargeResult,
    SurchargeRule,
    SurchargeScheduleResult,
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
from eghnrw.trace import Result, Step

if TYPE_CHECKING:  # loaded on first use at run time (__getattr__ below)
    from eghnrw.batch import BatchResult, RowError, daily_rates, hourly_rates, kdu_checks
    from eghnrw.billing import (
        BillingUnit,
        InvoiceItem,
        InvoiceResult,
        KurzzeitbetreuungResult,
        PflegefamilieResult,
        VerguetungskuerzungResult,
        kurzzeitbetreuung,
        monthly_invoice,
        pflegefamilie_verguetung,
        verguetungskuerzung,
    )
    from eghnrw.deadlines import (
        AuditTimetable,
        AuditWindowCheck,
        Deadline,
        DueDate,
        EvaluationProposalDeadline,
        HospitalReportDeadline,
        ReauditCheck,
        SchiedsstelleWindow,
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
    from eghnrw.models import (
        AuditCauseCheck,
        ChairTermResult,
        CheckResult,
        CommissionVoteResult,
        House,
        Kalkulation,
        LeistungserbringerCheck,
        Leistungsvereinbarung,
        MeetingDemandResult,
        Person,
        PersonenkreisCheck,
        Post,
        Provider,
        QualityBreachCheck,
        ServiceModule,
        Sitting,
        VerguetungCheck,
        Verguetungsvereinbarung,
        WorkingGroupCheck,
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
    from eghnrw.module_rates import AgreedRate, ModuleRate, module_rate
    from eghnrw.negotiation import (
        BreakEvenResult,
        ComparisonResult,
        FortschreibungResult,
        KalkulationResult,
        MaxAnnualCostResult,
        OccupancyAnalysisResult,
        WhatIfResult,
        break_even_occupancy,
        compare,
        fortschreibung,
        kalkulation,
        max_annual_cost,
        occupancy_analysis,
        what_if,
    )
    from eghnrw.rates.courses import KursgebuehrResult, kursgebuehr
    from eghnrw.tables import read_table
    from eghnrw.terms import (
        LrvInForce,
        LrvTermination,
        RvPeriod,
        RvTermination,
        lrv_in_force,
        lrv_termination,
        rv_current_period,
        rv_end_date,
        rv_last_day_for_notice,
        rv_termination,
    )
    from eghnrw.timelines import Timeline, TimelineEntry, audit_timeline, termination_timeline, timeline, to_ics
    from eghnrw.verify import verify_record
    from eghnrw.wohnform import (
        AreaSplitResult,
        ResidentSharesResult,
        WarmmieteCheckResult,
        WohnformSplitResult,
        area_split,
        resident_shares,
        warmmiete_check,
        wohnform_split,
    )

__all__ = [
    "AgreedRate",
    "AreaSplitResult",
    "AssistenzKind",
    "AssistenzRateResult",
    "AuditCauseCheck",
    "AuditTimetable",
    "AuditWindowCheck",
    "BatchResult",
    "BillingUnit",
    "BreakEvenResult",
    "ChairTermResult",
    "CheckResult",
    "CommissionVoteResult",
    "ComparisonResult",
    "CostBasisRate",
    "DailyCostBasis",
    "DailyRateResult",
    "Deadline",
    "DueDate",
    "EghnrwError",
    "EvaluationProposalDeadline",
    "FortschreibungResult",
    "HospitalReportDeadline",
    "HourlyRateEntry",
    "HourlyRateResult",
    "HourlyRateTable",
    "House",
    "InvalidInputError",
    "InvoiceItem",
    "InvoiceResult",
    "Kalkulation",
    "KalkulationResult",
    "KduResult",
    "KursgebuehrResult",
    "KurzzeitbetreuungResult",
    "Landschaftsverband",
    "LeistungserbringerCheck",
    "Leistungsvereinbarung",
    "LrvInForce",
    "LrvTermination",
    "MaxAnnualCostResult",
    "MeetingDemandResult",
    "ModuleRate",
    "Nutzungsintensitaet",
    "OccupancyAnalysisResult",
    "OptionalDependencyError",
    "OrganisationsmodulResult",
    "Parameter",
    "ParameterNotFoundError",
    "ParameterOutdatedWarning",
    "Person",
    "PersonalMeansResult",
    "PersonenkreisCheck",
    "PflegefamilieResult",
    "Post",
    "Provider",
    "QualityBreachCheck",
    "ReauditCheck",
    "ResidentSharesResult",
    "Result",
    "RowError",
    "RvPeriod",
    "RvTermination",
    "SchiedsstelleWindow",
    "ServiceModule",
    "SharedDeliveryResult",
    "Side",
    "Sitting",
    "Step",
    "SurchargeResult",
    "SurchargeRule",
    "SurchargeScheduleResult",
    "Timeline",
    "TimelineEntry",
    "VerguetungCheck",
    "VerguetungskuerzungResult",
    "Verguetungsvereinbarung",
    "WarmmieteCheckResult",
    "WhatIfResult",
    "WohnformSplitResult",
    "WorkingGroupCheck",
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
    "kursgebuehr",
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
    "read_table",
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
    "verify_record",
    "warmmiete_check",
    "werktage_between",
    "what_if",
    "wohnform_split",
    "working_group_check",
    "working_group_meeting_demand",
]


@cache
def _lazy_modules() -> dict[str, str]:
    """Public name → the module that defines it, read from the ``if TYPE_CHECKING:`` imports above.

    Those imports are the one list of where each lazily loaded name lives (type checkers read the
    same lines), so a name loads its own module and nothing else: ``eghnrw.kalkulation`` loads the
    negotiation package, not the terms, deadlines or batches. Parsing this file once costs about
    a millisecond, on the first lazy name only.
    """
    import ast  # noqa: PLC0415 - only on the first lazy name

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    guard = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {
        alias.asname or alias.name: node.module
        for node in guard.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - asked on first use, like stamina

        return version("eghnrw")
    module = _lazy_modules().get(name) if name in __all__ else None
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
