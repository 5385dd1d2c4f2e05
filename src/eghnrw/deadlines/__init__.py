"""Procedural deadlines of the LRV and the RV: § 126 Abs. 2 SGB IX, audits, reports, recurring and fixed dates.

Two kinds of date, and the trace of each says which it is:

- **Deadlines to act** (a report, a statement, a meeting to hold): § 193 BGB moves a last day on
  a Saturday, Sunday or NRW public holiday to the next day that is none of these.
- **Waiting periods, effective dates, cut-off dates** (the § 126 window, the end of a transition):
  § 193 BGB does not move them — nobody has to act by them.

Werktage are counted with :func:`eghnrw.calendar.add_werktage` (Saturdays count unless
``saturday_is_werktag=False``); a Werktag deadline that ends on a Saturday still moves under
§ 193 BGB, which names the Sonnabend.

One concept a module: :mod:`~eghnrw.deadlines.periods` (a period of any length),
:mod:`~eghnrw.deadlines.schiedsstelle` (§ 126 and § 129 windows), :mod:`~eghnrw.deadlines.audits`,
:mod:`~eghnrw.deadlines.hospital`, :mod:`~eghnrw.deadlines.evaluation` (A.9.6 Abs. 3, B.4.15 Abs. 3),
:mod:`~eghnrw.deadlines.immediate` (the duties "unverzüglich"),
:mod:`~eghnrw.deadlines.recurring` (recurring duties) and
:mod:`~eghnrw.deadlines.fixed` (fixed dates), with :class:`DueDate` in
:mod:`~eghnrw.deadlines.due_dates`. Every public name is exported here.
"""

from __future__ import annotations

from eghnrw.deadlines.audits import (
    Audit,
    AuditTimetable,
    AuditWindowCheck,
    ReauditCheck,
    audit_timetable,
    audit_window_check,
    reaudit_check,
)
from eghnrw.deadlines.due_dates import DueDate
from eghnrw.deadlines.evaluation import (
    EvaluationPeriodCheck,
    EvaluationProposalDeadline,
    evaluation_period_check,
    evaluation_proposal_deadline,
)
from eghnrw.deadlines.fixed import fixed_dates
from eghnrw.deadlines.hospital import HospitalReportDeadline, hospital_need_report
from eghnrw.deadlines.immediate import UnverzueglichDuties, UnverzueglichDuty, UnverzueglichEntry, unverzueglich_duties
from eghnrw.deadlines.periods import Deadline, deadline
from eghnrw.deadlines.recurring import Duty, recurring_due_dates
from eghnrw.deadlines.schiedsstelle import (
    SGB_IX_CONTRACT_LAW_IN_FORCE,
    SchiedsstelleWindow,
    reduction_schiedsstelle_window,
    schiedsstelle_available_from,
    schiedsstelle_window,
    schiedsstelle_window_without_checklist,
)

__all__ = [
    "SGB_IX_CONTRACT_LAW_IN_FORCE",
    "Audit",
    "AuditTimetable",
    "AuditWindowCheck",
    "Deadline",
    "DueDate",
    "Duty",
    "EvaluationPeriodCheck",
    "EvaluationProposalDeadline",
    "HospitalReportDeadline",
    "ReauditCheck",
    "SchiedsstelleWindow",
    "UnverzueglichDuties",
    "UnverzueglichDuty",
    "UnverzueglichEntry",
    "audit_timetable",
    "audit_window_check",
    "deadline",
    "evaluation_period_check",
    "evaluation_proposal_deadline",
    "fixed_dates",
    "hospital_need_report",
    "reaudit_check",
    "recurring_due_dates",
    "reduction_schiedsstelle_window",
    "schiedsstelle_available_from",
    "schiedsstelle_window",
    "schiedsstelle_window_without_checklist",
    "unverzueglich_duties",
]
