"""Procedural deadlines of the LRV and the RV: § 126 Abs. 2 SGB IX, audits, reports, recurring and fixed dates.

Two kinds of date, and the trace of each says which it is:

- **Deadlines to act** (a report, a statement, a meeting to hold): § 193 BGB moves a last day on
  a Saturday, Sunday or NRW public holiday to the next day that is none of these.
- **Waiting periods, effective dates, cut-off dates** (the § 126 window, the end of a transition):
  § 193 BGB does not move them — nobody has to act by them.

Werktage are counted with :func:`eghnrw.calendar.add_werktage` (Saturdays count unless
``saturday_is_werktag=False``); a Werktag deadline that ends on a Saturday still moves under
§ 193 BGB, which names the Sonnabend.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import ClassVar, Literal, NamedTuple

from dateutil.relativedelta import relativedelta

from eghnrw._check import check_bool, check_count, enum_value
from eghnrw.calendar import add_period, add_period_from_start_of_day, add_werktage, apply_193
from eghnrw.enums import Side
from eghnrw.errors import InvalidInputError
from eghnrw.terms import LRV_IN_FORCE, OLD_RAHMENVERTRAEGE_END, RV_FIRST_TERM_END, RV_IN_FORCE, agreement_day
from eghnrw.terms import non_werktag_reason as _non_werktag_reason
from eghnrw.trace import Result, Step

__all__ = [
    "SGB_IX_CONTRACT_LAW_IN_FORCE",
    "Audit",
    "AuditTimetable",
    "AuditWindowCheck",
    "Deadline",
    "DueDate",
    "Duty",
    "HospitalReportDeadline",
    "ReauditCheck",
    "SchiedsstelleWindow",
    "audit_timetable",
    "audit_window_check",
    "deadline",
    "fixed_dates",
    "hospital_need_report",
    "reaudit_check",
    "recurring_due_dates",
    "reduction_schiedsstelle_window",
    "schiedsstelle_available_from",
    "schiedsstelle_window",
]

#: §§ 123–134 SGB IX (Vertragsrecht, incl. § 126 and § 129) in force since 01.01.2018 (Art. 26 Abs. 1 BTHG).
SGB_IX_CONTRACT_LAW_IN_FORCE = date(2018, 1, 1)
_EARLIEST_ANY = date(1991, 1, 1)
_LRV_WHY = "LRV C.1: in force with effect from 01.01.2020"

#: Which audit: the Abrechnungsprüfung of LRV A.6.2 or the Qualitäts-/Wirtschaftlichkeitsprüfung of A.8.
Audit = Literal["billing", "quality"]
_AUDITS: tuple[Audit, ...] = ("billing", "quality")


def _lrv_day(value: object, argument: str) -> date:
    return agreement_day(value, argument, earliest=LRV_IN_FORCE, why=_LRV_WHY)


def _audit(value: object) -> Audit:
    if value not in _AUDITS:
        raise InvalidInputError("audit", value, "pass 'quality' (LRV A.8) or 'billing' (LRV A.6.2)")
    return value


def _optional_day(value: object, argument: str, *, not_before: date, before_what: str) -> date | None:
    if value is None:
        return None
    day = agreement_day(value, argument, earliest=_EARLIEST_ANY, why="the calendar's range")
    if day < not_before:
        raise InvalidInputError(argument, value, f"pass a date on or after {not_before:%d.%m.%Y} ({before_what})")
    return day


def _check_clause(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError("clause", value, "pass the clause the period comes from, e.g. 'LRV A.8.3 Abs. 2'")


def _shift_step(nominal: date, due: date) -> Step:
    """The § 193 BGB step of a deadline to act: moved (and why) or not."""
    if due == nominal:
        return Step(
            "§ 193 BGB",
            "Frist zum Handeln endet an einem Werktag: keine Verschiebung",
            "deadline to act ends on a working day: not moved",
            due,
        )
    return Step(
        "§ 193 BGB",
        f"Frist zum Handeln: {_non_werktag_reason(nominal)} → nächster Werktag",
        f"deadline to act: {nominal:%d.%m.%Y} is a Saturday, Sunday or holiday → next working day",
        due,
    )


def _act_within(
    event: date,
    *,
    clause: str,
    de: str,
    en: str,
    weeks: int = 0,
    months: int = 0,
    werktage: int = 0,
    saturday_is_werktag: bool = True,
) -> tuple[date, date, list[Step]]:
    """A deadline to act after ``event``: (last day by counting, last day after § 193 BGB, steps)."""
    if werktage:
        nominal = add_werktage(event, werktage, saturday_is_werktag=saturday_is_werktag)
        count = Step(
            "§ 3 Abs. 2 BUrlG" if saturday_is_werktag else "saturday_is_werktag=False",
            f"{werktage}. Werktag nach dem {event:%d.%m.%Y} (Sonn- und Feiertage zählen nicht"
            + (", Samstage zählen)" if saturday_is_werktag else ", Samstage auch nicht)"),
            f"{werktage}th Werktag after {event.isoformat()}",
            nominal,
        )
        steps = [Step(clause, de, en, event), count]
    else:
        nominal = add_period(event, weeks=weeks, months=months)
        steps = [
            Step(clause, de, en, event),
            Step(
                "§ 187 Abs. 1 BGB", "Frist beginnt am Folgetag", "the period starts the next day", event + timedelta(1)
            ),
            Step("§ 188 Abs. 2 BGB", "rechnerisches Fristende", "end of the period by counting", nominal),
        ]
    due = apply_193(nominal)
    steps.append(_shift_step(nominal, due))
    return nominal, due, steps


# --- a deadline of any length ------------------------------------------------------------------


class Deadline(Result):
    """The last day of a period after an event; moved by § 193 BGB if it is a deadline to act."""

    title: ClassVar[tuple[str, str]] = ("Frist", "Deadline")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "event_day": ("Ereignis am", "event on"),
        "period_end": ("rechnerisches Fristende", "end of the period by counting"),
        "due": ("Frist endet am", "deadline"),
        "moved_by_193": ("verschoben nach § 193 BGB", "moved under § 193 BGB"),
    }

    event_day: date
    period_end: date
    due: date
    to_act: bool

    @property
    def moved_by_193(self) -> bool:
        """Whether § 193 BGB moved the last day."""
        return self.due != self.period_end


def deadline(
    *,
    event_day: date,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    werktage: int = 0,
    to_act: bool = True,
    saturday_is_werktag: bool = True,
    clause: str = "§ 186 BGB",
) -> Deadline:
    """The last day of a period that starts with an event on ``event_day``.

    Calendar periods (``days``, ``weeks``, ``months``) follow § 187 Abs. 1 and § 188 Abs. 2–3
    BGB; ``werktage`` counts Werktage instead (not combined with the others). With ``to_act``
    (default) the period is a deadline to act and § 193 BGB moves a last day on a Saturday,
    Sunday or NRW holiday to the next Werktag; with ``to_act=False`` (a waiting or notice period)
    it stays. ``clause`` names the rule the period comes from, for the trace.

    >>> deadline(event_day=date(2017, 10, 3), weeks=4).due  # 31.10.2017 Reformationstag, 1.11. Allerheiligen
    datetime.date(2017, 11, 2)
    >>> deadline(event_day=date(2017, 10, 3), weeks=4, to_act=False).due
    datetime.date(2017, 10, 31)

    Raises:
        InvalidInputError: ``event_day`` not a date; a negative or absurd count; no length;
            ``werktage`` combined with a calendar period.
    """
    event = agreement_day(event_day, "event_day", earliest=_EARLIEST_ANY, why="the calendar's range")
    d = check_count(days, "days", maximum=100_000)
    w = check_count(weeks, "weeks", maximum=10_000)
    m = check_count(months, "months", maximum=1_200)
    wt = check_count(werktage, "werktage", maximum=10_000)
    acts = check_bool(to_act, "to_act")
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    _check_clause(clause)
    if wt and (d or w or m):
        raise InvalidInputError("werktage", werktage, "count either Werktage or days/weeks/months, not both")
    if not (d or w or m or wt):
        raise InvalidInputError("days/weeks/months/werktage", 0, "pass a length of the period")
    if wt:
        nominal = add_werktage(event, wt, saturday_is_werktag=sat)
        count = Step("§ 3 Abs. 2 BUrlG", f"{wt}. Werktag nach dem Ereignis", f"{wt}th Werktag after the event", nominal)
        steps = [Step(clause, "Ereignis am", "event on", event), count]
    else:
        nominal = add_period(event, days=d, weeks=w, months=m)
        clamped = bool(m) and nominal.day != event.day and not (d or w)
        steps = [
            Step(clause, "Ereignis am", "event on", event),
            Step(
                "§ 187 Abs. 1 BGB", "Frist beginnt am Folgetag", "the period starts the next day", event + timedelta(1)
            ),
            Step(
                "§ 188 Abs. 3 BGB" if clamped else "§ 188 Abs. 2 BGB", "rechnerisches Fristende", "period end", nominal
            ),
        ]
    if acts:
        due = apply_193(nominal)
        steps.append(_shift_step(nominal, due))
    else:
        due = nominal
        steps.append(
            Step(
                "§ 193 BGB",
                "keine Frist zum Handeln (Warte-/Kündigungsfrist): keine Verschiebung",
                "not a deadline to act (waiting or notice period): not moved",
                due,
            )
        )
    return Deadline.build(
        event_day=event,
        period_end=nominal,
        due=due,
        to_act=acts,
        inputs={
            "event_day": event,
            "days": d,
            "weeks": w,
            "months": m,
            "werktage": wt,
            "to_act": acts,
            "saturday_is_werktag": sat,
            "clause": clause,
        },
        steps=tuple(steps),
    )


# --- § 126 Abs. 2 SGB IX and § 129 Abs. 1 SGB IX ------------------------------------------------


class SchiedsstelleWindow(Result):
    """The three months of § 126 Abs. 2 SGB IX, after which the Schiedsstelle can be called."""

    title: ClassVar[tuple[str, str]] = ("Anrufung der Schiedsstelle", "Calling the Schiedsstelle")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "window_start_event": ("Frist ausgelöst am", "window started by an event on"),
        "window_end": ("Drei-Monats-Frist endet am", "three months end on"),
        "available_from": ("Schiedsstelle anrufbar ab", "Schiedsstelle available from"),
    }

    window_start_event: date
    window_end: date
    available_from: date


def _window(event: date, *, shift: bool, first: list[Step]) -> SchiedsstelleWindow:
    end = add_period(event, months=3)
    clamped = end.day != event.day
    steps = [
        *first,
        Step("§ 187 Abs. 1 BGB", "Frist beginnt am Folgetag", "the period starts the next day", event + timedelta(1)),
        Step("§ 188 Abs. 3 BGB" if clamped else "§ 188 Abs. 2 BGB", "drei Monate enden am", "three months end on", end),
    ]
    if shift:
        moved = apply_193(end)
        steps.append(
            Step(
                "§ 26 Abs. 3 SGB X",
                "abweichende Lesart (shift_to_werktag=True): Fristende auf den nächsten Werktag",
                "other reading (shift_to_werktag=True): end moved to the next working day",
                moved,
            )
        )
        end = moved
    else:
        steps.append(
            Step(
                "§ 193 BGB",
                "Wartefrist, keine Frist zum Handeln: keine Verschiebung",
                "a waiting period, not a deadline to act: not moved",
                end,
            )
        )
    available = end + timedelta(days=1)
    steps.append(
        Step(
            "§ 126 Abs. 2 Satz 1 SGB IX",
            "Schiedsstelle anrufbar ab dem Folgetag",
            "available from the next day",
            available,
        )
    )
    return SchiedsstelleWindow.build(
        window_start_event=event, window_end=end, available_from=available, steps=tuple(steps)
    )


def schiedsstelle_window(
    *, negotiation_requested: date, documents_received: date | None = None, shift_to_werktag: bool = False
) -> SchiedsstelleWindow:
    """From when the Schiedsstelle can be called if no agreement is reached (§ 126 Abs. 2 SGB IX).

    Three months from the request to negotiate (§ 187 Abs. 1, § 188 Abs. 2–3 BGB); the
    Schiedsstelle is available from the day after. Under the LRV the period starts once the
    request *and* the first part of the checklist documents are there (A.2.3 Abs. 3, A.3.2
    Abs. 2): pass ``documents_received`` and the later of the two days counts. The end of the
    window is a waiting period and is not moved off weekends; ``shift_to_werktag=True`` moves it
    to the next Werktag (§ 26 Abs. 3 SGB X / § 193 BGB reading).

    >>> schiedsstelle_window(negotiation_requested=date(2024, 5, 15)).available_from
    datetime.date(2024, 8, 16)

    Raises:
        InvalidInputError: a date not a ``datetime.date``, or before 01.01.2018 (§ 126 SGB IX).
    """
    why = "§ 126 SGB IX applies from 01.01.2018 (Art. 26 Abs. 1 BTHG)"
    requested = agreement_day(
        negotiation_requested, "negotiation_requested", earliest=SGB_IX_CONTRACT_LAW_IN_FORCE, why=why
    )
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    first = [
        Step("§ 126 Abs. 2 Satz 1 SGB IX", "zu Verhandlungen aufgefordert am", "negotiation requested on", requested)
    ]
    event = requested
    docs = None
    if documents_received is not None:
        docs = agreement_day(documents_received, "documents_received", earliest=SGB_IX_CONTRACT_LAW_IN_FORCE, why=why)
        event = max(requested, docs)
        first.append(
            Step(
                "LRV A.2.3 Abs. 3",
                "erster Teil der Unterlagen nach Checkliste liegt vor",
                "first documents received",
                docs,
            )
        )
        first.append(
            Step("LRV A.3.2 Abs. 2", "Frist beginnt mit dem späteren Ereignis", "the later event counts", event)
        )
    result = _window(event, shift=shift, first=first)
    return result.model_copy(
        update={"inputs": {"negotiation_requested": requested, "documents_received": docs, "shift_to_werktag": shift}}
    )


def schiedsstelle_available_from(
    *, negotiation_requested: date, documents_received: date | None = None, shift_to_werktag: bool = False
) -> date:
    """The first day the Schiedsstelle can be called (§ 126 Abs. 2 SGB IX); see :func:`schiedsstelle_window`.

    >>> schiedsstelle_available_from(negotiation_requested=date(2024, 5, 15))
    datetime.date(2024, 8, 16)
    >>> schiedsstelle_available_from(negotiation_requested=date(2023, 11, 30))  # 29.02.2024 ends it
    datetime.date(2024, 3, 1)

    Raises:
        InvalidInputError: a date not a ``datetime.date``, or before 01.01.2018.
    """
    return schiedsstelle_window(
        negotiation_requested=negotiation_requested,
        documents_received=documents_received,
        shift_to_werktag=shift_to_werktag,
    ).available_from


def reduction_schiedsstelle_window(
    *, final_report_notified: date, shift_to_werktag: bool = False
) -> SchiedsstelleWindow:
    """The § 129 period for agreeing a Vergütungskürzung, started by the final audit report (LRV A.8.5 Abs. 2).

    § 129 Abs. 1 Satz 3–4 SGB IX: without agreement on the Kürzungsbetrag the Schiedsstelle
    decides, with § 126 Abs. 2 applying accordingly; LRV A.8.5 Abs. 2 Satz 3: the period starts
    with the notice (Bekanntgabe) of the final audit report (A.8.3).

    >>> reduction_schiedsstelle_window(final_report_notified=date(2024, 1, 31)).window_end  # § 188 Abs. 3
    datetime.date(2024, 4, 30)

    Raises:
        InvalidInputError: ``final_report_notified`` not a date, or before 01.01.2020.
    """
    notified = _lrv_day(final_report_notified, "final_report_notified")
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    first = [
        Step(
            "LRV A.8.5 Abs. 2 Satz 3",
            "abschließender Prüfbericht bekanntgegeben am",
            "final report notified on",
            notified,
        ),
        Step("§ 129 Abs. 1 Satz 4 SGB IX", "§ 126 Abs. 2 SGB IX gilt entsprechend", "§ 126 Abs. 2 applies accordingly"),
    ]
    result = _window(notified, shift=shift, first=first)
    return result.model_copy(update={"inputs": {"final_report_notified": notified, "shift_to_werktag": shift}})


# --- audits --------------------------------------------------------------------------------------


class AuditWindowCheck(Result):
    """Whether a proposed audit period is allowed (LRV A.6.2.2 Abs. 1, A.8.2 Abs. 2)."""

    title: ClassVar[tuple[str, str]] = ("Prüfzeitraum", "Audit period")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "period_start": ("Zeitraum ab", "period from"),
        "period_end": ("Zeitraum bis", "period until"),
        "earliest_start": ("frühester Beginn", "earliest start"),
        "latest_end": ("spätestes Ende (24 Monate)", "latest end (24 months)"),
        "allowed": ("zulässig", "allowed"),
    }

    audit: Audit
    audit_notice: date
    period_start: date
    period_end: date
    earliest_start: date
    latest_end: date
    allowed: bool
    problems: tuple[str, ...] = ()


def audit_window_check(
    *,
    audit_notice: date,
    period_start: date,
    period_end: date,
    audit: Audit = "quality",
    calendar_years: bool = True,
) -> AuditWindowCheck:
    """Whether an audit may cover ``period_start``–``period_end`` (both days included), and why not.

    LRV A.8.2 Abs. 2 (quality/economy, ``audit="quality"``) and A.6.2.2 Abs. 1 (billing,
    ``audit="billing"``): the period may lie at most 5 Kalenderjahre back at the time of the
    audit notice (Prüfungsmitteilung; for an unannounced audit the opening meeting, A.8.2 Abs. 7)
    and span at most 24 months (§ 187 Abs. 2, § 188 Abs. 2 BGB). ``calendar_years=True`` (default)
    reads "5 Kalenderjahre" as the five calendar years before the year of the notice (from
    01.01.); ``False`` counts five years back to the day.

    >>> c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=date(2019, 1, 1),
    ...                        period_end=date(2020, 12, 31))
    >>> c.allowed, c.earliest_start, c.latest_end
    (True, datetime.date(2019, 1, 1), datetime.date(2020, 12, 31))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``audit_notice`` before 01.01.2020;
            ``period_end`` before ``period_start``; an unknown ``audit``.
    """
    notice = _lrv_day(audit_notice, "audit_notice")
    start = agreement_day(period_start, "period_start", earliest=_EARLIEST_ANY, why="the calendar's range")
    end = agreement_day(period_end, "period_end", earliest=_EARLIEST_ANY, why="the calendar's range")
    if end < start:
        raise InvalidInputError("period_end", period_end, "pass a period end on or after period_start")
    kind = _audit(audit)
    by_year = check_bool(calendar_years, "calendar_years")
    clause = "LRV A.8.2 Abs. 2" if kind == "quality" else "LRV A.6.2.2 Abs. 1"
    earliest = date(notice.year - 5, 1, 1) if by_year else notice - relativedelta(years=5)
    latest = add_period_from_start_of_day(start, months=24)
    problems: list[str] = []
    if start < earliest:
        problems.append(f"period_start {start:%d.%m.%Y} lies more than 5 years back (earliest {earliest:%d.%m.%Y})")
    if end > latest:
        problems.append(f"the period spans more than 24 months (it may end on {latest:%d.%m.%Y} at the latest)")
    if end > notice:
        problems.append(f"the period ends after the audit notice ({notice:%d.%m.%Y}); it must lie in the past")
    steps = (
        Step(clause, "Prüfungsmitteilung am", "audit notice on", notice),
        Step(
            clause,
            "höchstens 5 Kalenderjahre zurück: frühestens ab 01.01."
            if by_year
            else "höchstens 5 Jahre zurück (taggenau)",
            "at most 5 calendar years back: from 1 January of" if by_year else "at most 5 years back (to the day)",
            earliest,
        ),
        Step(clause, "Beginn des Zeitraums zulässig", "period start allowed", start >= earliest),
        Step("§ 188 Abs. 2 BGB", "längstens 24 Monate: Ende spätestens am", "at most 24 months: ends by", latest),
        Step(clause, "Dauer zulässig", "length allowed", end <= latest),
        Step(clause, "Zeitraum liegt zurück (endet bis zur Mitteilung)", "period lies in the past", end <= notice),
        Step(clause, "Prüfzeitraum zulässig", "audit period allowed", not problems),
    )
    return AuditWindowCheck.build(
        audit=kind,
        audit_notice=notice,
        period_start=start,
        period_end=end,
        earliest_start=earliest,
        latest_end=latest,
        allowed=not problems,
        problems=tuple(problems),
        inputs={
            "audit_notice": notice,
            "period_start": start,
            "period_end": end,
            "audit": kind,
            "calendar_years": by_year,
        },
        steps=steps,
    )


class AuditTimetable(Result):
    """The dates an audit procedure has to meet after the last audit day (LRV A.8.2 Abs. 9, A.8.3, A.6.2.3)."""

    title: ClassVar[tuple[str, str]] = ("Fristen des Prüfverfahrens", "Audit timetable")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "last_audit_day": ("letzter Prüftag", "last audit day"),
        "closing_meeting_due": ("Abschlussgespräch spätestens", "closing meeting by"),
        "draft_report_due": ("Entwurf / vorläufiges Ergebnis spätestens", "draft report by"),
        "statement_due": ("Stellungnahme spätestens", "statement by"),
        "final_report_due": ("abschließender Bericht spätestens", "final report by"),
    }

    audit: Audit
    last_audit_day: date
    closing_meeting_due: date | None
    draft_report_due: date
    statement_due: date
    final_report_due: date
    late: tuple[str, ...] = ()


def audit_timetable(
    *,
    last_audit_day: date,
    audit: Audit = "quality",
    closing_meeting_held: date | None = None,
    draft_report_notified: date | None = None,
    clarified_on: date | None = None,
    saturday_is_werktag: bool = True,
) -> AuditTimetable:
    """Each step's latest date after an audit whose last day was ``last_audit_day``.

    Quality/economy audit (``audit="quality"``, LRV A.8): the closing meeting on the last audit
    day, at the latest within five Werktage (A.8.2 Abs. 9); the draft report within four weeks
    after the closing meeting; the statement within four weeks of its notice; the final report
    within four weeks after the statement period has run out (A.8.3 Abs. 2).
    Billing audit (``audit="billing"``, A.6.2.3): the preliminary result within four weeks (counted
    from the last audit day), the statement within four weeks of it, the final result within
    four weeks after the clarification (``clarified_on``) or else after the statement period.

    Where the caller gives the actual date of an earlier step (``closing_meeting_held``,
    ``draft_report_notified``, ``clarified_on``) the later steps count from it; ``late`` names
    the steps that happened after their deadline. Every date is a deadline to act and moves
    off Saturdays, Sundays and NRW holidays (§ 193 BGB).

    >>> t = audit_timetable(last_audit_day=date(2024, 10, 31))  # a Thursday before Allerheiligen
    >>> t.closing_meeting_due, t.draft_report_due, t.statement_due, t.final_report_due
    (datetime.date(2024, 11, 7), datetime.date(2024, 12, 5), datetime.date(2025, 1, 2), datetime.date(2025, 1, 30))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``last_audit_day`` before 01.01.2020;
            an actual date before the step it follows; ``closing_meeting_held`` for a billing audit.
    """
    last = _lrv_day(last_audit_day, "last_audit_day")
    kind = _audit(audit)
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    if kind == "billing" and closing_meeting_held is not None:
        raise InvalidInputError(
            "closing_meeting_held", closing_meeting_held, "pass None: the closing meeting belongs to LRV A.8 audits"
        )
    if kind == "quality" and clarified_on is not None:
        raise InvalidInputError("clarified_on", clarified_on, "pass None: clarification belongs to LRV A.6.2.3")
    meeting = _optional_day(closing_meeting_held, "closing_meeting_held", not_before=last, before_what="last audit day")
    late: list[str] = []
    steps: list[Step] = []
    meeting_due: date | None = None
    if kind == "quality":
        _, meeting_due, s = _act_within(
            last,
            clause="LRV A.8.2 Abs. 9",
            de="letzter Prüftag; Abschlussgespräch spätestens nach 5 Werktagen",
            en="last audit day; closing meeting within 5 Werktage",
            werktage=5,
            saturday_is_werktag=sat,
        )
        steps += s
        base = meeting if meeting is not None else meeting_due
        if meeting is not None:
            steps.append(
                Step("LRV A.8.2 Abs. 9", "Abschlussgespräch tatsächlich am", "closing meeting held on", meeting)
            )
            if meeting > meeting_due:
                late.append("closing_meeting")
        draft_clause, draft_de = (
            "LRV A.8.3 Abs. 2 Satz 1",
            "Entwurf des Prüfberichts: vier Wochen nach dem Abschlussgespräch",
        )
    else:
        base = last
        draft_clause, draft_de = "LRV A.6.2.3 Abs. 1", "vorläufiges Ergebnis: vier Wochen nach dem letzten Prüftag"
    _, draft_due, s = _act_within(base, clause=draft_clause, de=draft_de, en="draft report: four weeks", weeks=4)
    steps += s
    draft = _optional_day(
        draft_report_notified, "draft_report_notified", not_before=base, before_what="the step it follows"
    )
    if draft is not None:
        steps.append(Step(draft_clause, "Entwurf / Ergebnis tatsächlich bekanntgegeben am", "draft notified on", draft))
        if draft > draft_due:
            late.append("draft_report")
    statement_clause = "LRV A.8.3 Abs. 2 Satz 2" if kind == "quality" else "LRV A.6.2.3 Abs. 2 Satz 1"
    _, statement_due, s = _act_within(
        draft if draft is not None else draft_due,
        clause=statement_clause,
        de="Stellungnahme: vier Wochen ab Bekanntgabe",
        en="statement: four weeks from notice",
        weeks=4,
    )
    steps += s
    final_clause = "LRV A.8.3 Abs. 2 Satz 3" if kind == "quality" else "LRV A.6.2.3 Abs. 2 Satz 4"
    final_base = statement_due
    final_de = "abschließender Bericht: vier Wochen nach Ablauf der Stellungnahmefrist"
    clarified = _optional_day(
        clarified_on,
        "clarified_on",
        not_before=draft if draft is not None else base,
        before_what="the preliminary result",
    )
    if clarified is not None:
        final_base, final_de = clarified, "endgültiges Ergebnis: vier Wochen nach der Klärung"
    _, final_due, s = _act_within(final_base, clause=final_clause, de=final_de, en="final report: four weeks", weeks=4)
    steps += s
    return AuditTimetable.build(
        audit=kind,
        last_audit_day=last,
        closing_meeting_due=meeting_due,
        draft_report_due=draft_due,
        statement_due=statement_due,
        final_report_due=final_due,
        late=tuple(late),
        inputs={
            "last_audit_day": last,
            "audit": kind,
            "closing_meeting_held": meeting,
            "draft_report_notified": draft,
            "clarified_on": clarified,
            "saturday_is_werktag": sat,
        },
        steps=tuple(steps),
    )


class ReauditCheck(Result):
    """Whether documents of another audit body bar a new audit of the same subject (LRV A.8.2 Abs. 5)."""

    title: ClassVar[tuple[str, str]] = ("Erneute Prüfung", "Audit again")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "documents_dated": ("Unterlagen vom", "documents dated"),
        "recent_until": ("nicht älter als zwölf Monate bis", "not older than twelve months until"),
        "older_than_twelve_months": ("älter als zwölf Monate", "older than twelve months"),
        "reaudit_allowed": ("erneute Prüfung möglich", "audit again possible"),
    }

    documents_dated: date
    audit_day: date
    recent_until: date
    older_than_twelve_months: bool
    reaudit_allowed: bool
    discretion: bool


def reaudit_check(*, documents_dated: date, audit_day: date, with_cause: bool = False) -> ReauditCheck:
    """Whether a subject covered by another audit body's documents may be audited again (LRV A.8.2 Abs. 5).

    In an audit without cause the subject is not audited again unless the documents are older
    than twelve months (§ 187 Abs. 1, § 188 Abs. 2–3 BGB from their date); then the Träger decides
    at its due discretion (``discretion``). An audit with cause (``with_cause=True``) is not
    limited by Abs. 5.

    >>> c = reaudit_check(documents_dated=date(2023, 2, 28), audit_day=date(2024, 2, 29))
    >>> c.recent_until, c.older_than_twelve_months, c.reaudit_allowed
    (datetime.date(2024, 2, 28), True, True)

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``audit_day`` before 01.01.2020;
            ``documents_dated`` after ``audit_day``.
    """
    day = _lrv_day(audit_day, "audit_day")
    docs = agreement_day(documents_dated, "documents_dated", earliest=_EARLIEST_ANY, why="the calendar's range")
    if docs > day:
        raise InvalidInputError("documents_dated", documents_dated, "pass a date on or before audit_day")
    cause = check_bool(with_cause, "with_cause")
    recent_until = add_period(docs, months=12)
    older = day > recent_until
    allowed = cause or older
    steps = (
        Step("LRV A.8.2 Abs. 4", "Prüfunterlagen anderer Prüfinstitutionen vom", "other body's documents dated", docs),
        Step("§ 188 Abs. 2 BGB", "zwölf Monate enden am", "twelve months end on", recent_until),
        Step(
            "LRV A.8.2 Abs. 5", "am Prüftag älter als zwölf Monate", "older than twelve months on the audit day", older
        ),
        Step("LRV A.8.2 Abs. 1", "Prüfung aus besonderem Anlass (Abs. 5 gilt nicht)", "audit with cause", cause),
        Step("LRV A.8.2 Abs. 5", "erneute Prüfung möglich", "audit again possible", allowed),
        Step("LRV A.8.2 Abs. 5", "nach pflichtgemäßem Ermessen", "at due discretion", older and not cause),
    )
    return ReauditCheck.build(
        documents_dated=docs,
        audit_day=day,
        recent_until=recent_until,
        older_than_twelve_months=older,
        reaudit_allowed=allowed,
        discretion=older and not cause,
        inputs={"documents_dated": docs, "audit_day": day, "with_cause": cause},
        steps=steps,
    )


class HospitalReportDeadline(Deadline):
    """The deadline to report a need for assistance in hospital (LRV B.4.12 Abs. 3)."""

    title: ClassVar[tuple[str, str]] = ("Meldung Assistenz im Krankenhaus", "Hospital assistance report")


def hospital_need_report(*, learned_on: date, saturday_is_werktag: bool = True) -> HospitalReportDeadline:
    """The last day to report an unforeseen need for assistance in hospital (LRV B.4.12 Abs. 3).

    Within three Werktage of learning of the need (or of its certain onset); Saturdays count
    unless ``saturday_is_werktag=False``; a last day on a Saturday moves under § 193 BGB.

    >>> hospital_need_report(learned_on=date(2024, 5, 29)).due  # Fronleichnam 30.05. does not count
    datetime.date(2024, 6, 3)

    Raises:
        InvalidInputError: ``learned_on`` not a date, or before 01.01.2020.
    """
    learned = _lrv_day(learned_on, "learned_on")
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    nominal, due, steps = _act_within(
        learned,
        clause="LRV B.4.12 Abs. 3",
        de="Kenntnis vom Bedarfsfall am; Meldung binnen drei Werktagen",
        en="learned of the need on; report within three Werktage",
        werktage=3,
        saturday_is_werktag=sat,
    )
    return HospitalReportDeadline.build(
        event_day=learned,
        period_end=nominal,
        due=due,
        to_act=True,
        inputs={"learned_on": learned, "saturday_is_werktag": sat},
        steps=tuple(steps),
    )


# --- recurring duties and fixed dates ----------------------------------------------------------


class DueDate(NamedTuple):
    """One date from the agreements: a duty to meet, a period's end, or a fixed day.

    ``nominal`` is the day the clause names (or the last day of the period ``period_start`` –
    ``nominal``); ``due`` is the same day moved by § 193 BGB where ``to_act`` and it falls on a
    Saturday, Sunday or NRW holiday.
    """

    due: date
    nominal: date
    clause: str
    de: str
    en: str
    to_act: bool
    period_start: date | None = None

    @property
    def moved_by_193(self) -> bool:
        """Whether § 193 BGB moved the day."""
        return self.due != self.nominal


def _act(nominal: date, clause: str, de: str, en: str) -> DueDate:
    return DueDate(apply_193(nominal), nominal, clause, de, en, to_act=True)


def _fixed(nominal: date, clause: str, de: str, en: str) -> DueDate:
    return DueDate(nominal, nominal, clause, de, en, to_act=False)


class Duty(StrEnum):
    """The recurring duties of the LRV and the RV."""

    AUDIT_REPORT = "audit_report"  #: LRV A.8.3 Abs. 6: report to the Kommission every two years from 31.12.2021
    COMMISSION_MEETING = "commission_meeting"  #: LRV A.9.6 Abs. 1: the Kommission meets at least yearly
    WORKING_GROUP_MEETING = "working_group_meeting"  #: LRV A.9.6 Abs. 5: standing working groups meet yearly
    CHAIR_TERM = "chair_term"  #: LRV A.9.2: chair for two years, alternating sides
    LOCAL_COMMITTEE_MEETING = "local_committee_meeting"  #: RV § 4 Abs. 5: local committees meet yearly
    RV_REVIEW = "rv_review"  #: RV § 18 Abs. 2 Satz 1: the partners review the RV yearly
    MINISTRY_REPORT = "ministry_report"  #: RV § 18 Abs. 2 Satz 2: report to the ministry every three years from 2021


_YEARLY: dict[Duty, tuple[str, str, str, int, int]] = {
    Duty.COMMISSION_MEETING: (
        "LRV A.9.6 Abs. 1",
        "Sitzung der Gemeinsamen Kommission (mindestens jährlich)",
        "meeting of the Gemeinsame Kommission (at least yearly)",
        2020,
        1,
    ),
    Duty.WORKING_GROUP_MEETING: (
        "LRV A.9.6 Abs. 5",
        "Sitzung der ständigen Arbeitsgruppen (mindestens jährlich)",
        "meeting of the standing working groups (at least yearly)",
        2020,
        1,
    ),
    Duty.LOCAL_COMMITTEE_MEETING: (
        "RV § 4 Abs. 5",
        "Sitzung des lokalen Steuerungs- und Planungsgremiums",
        "meeting of the local steering committee (at least yearly)",
        2020,
        1,
    ),
    Duty.RV_REVIEW: (
        "RV § 18 Abs. 2 Satz 1",
        "Erörterung des Umsetzungsstands (mindestens jährlich)",
        "review of the RV's implementation (at least yearly)",
        2020,
        1,
    ),
    Duty.MINISTRY_REPORT: (
        "RV § 18 Abs. 2 Satz 2",
        "gemeinsame Unterrichtung des Ministeriums (alle drei Jahre)",
        "joint report to the ministry (every three years)",
        2021,
        3,
    ),
}
_SIDE_DE = {
    Side.TRAEGER_DER_EINGLIEDERUNGSHILFE: "Träger der Eingliederungshilfe",
    Side.LEISTUNGSERBRINGER: "Leistungserbringer",
}


def _yearly(duty: Duty, last_year: int) -> Iterator[DueDate]:
    clause, de, en, first, every = _YEARLY[duty]
    for year in range(first, last_year + 1, every):
        yield DueDate(
            date(year, 12, 31), date(year, 12, 31), clause, de, en, to_act=False, period_start=date(year, 1, 1)
        )


def _audit_reports(last_year: int) -> Iterator[DueDate]:
    for year in range(2021, last_year + 1, 2):
        yield _act(
            date(year, 12, 31),
            "LRV A.8.3 Abs. 6",
            "Bericht über die Prüfungen an die Gemeinsame Kommission",
            "report on the audits to the Gemeinsame Kommission",
        )


def _chair_terms(first_start: date, first_side: Side, end: date) -> Iterator[DueDate]:
    other = (
        Side.LEISTUNGSERBRINGER
        if first_side is Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
        else Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
    )
    sides = (first_side, other)
    k = 0
    while True:
        start = first_start + relativedelta(years=2 * k)
        if start > end:
            return
        term_end = add_period_from_start_of_day(start, years=2)
        side = sides[k % 2]
        yield DueDate(
            term_end,
            term_end,
            "LRV A.9.2",
            f"Sitzungsleitung (zwei Jahre): {_SIDE_DE[side]}",
            f"chair (two years): {side.value}",
            to_act=False,
            period_start=start,
        )
        k += 1


def recurring_due_dates(
    *,
    start: date,
    end: date,
    duties: Iterable[Duty | str] | None = None,
    chair_first_term_start: date | None = None,
    chair_first_side: Side | str = Side.LEISTUNGSERBRINGER,
) -> Iterator[DueDate]:
    """The dates of recurring duties that fall between ``start`` and ``end`` (both included), in order.

    - LRV A.8.3 Abs. 6: report on the audits to the Gemeinsame Kommission every two years, first
      by 31.12.2021 (a deadline to act: § 193 BGB moves a 31.12 on a weekend into January).
    - LRV A.9.6 Abs. 1 and 5, RV § 4 Abs. 5, RV § 18 Abs. 2 Satz 1: meetings at least once a
      calendar year (a period 01.01.–31.12., from 2020); RV § 18 Abs. 2 Satz 2: report to the
      ministry every three years from 2021 (2021, 2024, …). A calendar year is not moved.
    - LRV A.9.2: the chair's two-year terms, alternating sides; the first term's start is not
      in the sources, so it is an input (``chair_first_term_start``); without it the chair is left out.

    A duty is listed if its period (or the days from its named day to its § 193 day) touches
    ``start``–``end``. ``duties`` picks some
    (default: all). The result is a lazy iterator; arguments are checked on the call.

    >>> [d.due for d in recurring_due_dates(start=date(2023, 1, 1), end=date(2024, 12, 31),
    ...                                     duties=["audit_report"])]
    [datetime.date(2024, 1, 2)]

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``end`` before ``start``; an unknown
            duty; ``chair_term`` asked for without ``chair_first_term_start``; an unknown side.
    """
    first = agreement_day(start, "start", earliest=_EARLIEST_ANY, why="the calendar's range")
    last = agreement_day(end, "end", earliest=_EARLIEST_ANY, why="the calendar's range")
    if last < first:
        raise InvalidInputError("end", end, "pass an end on or after start")
    chosen = _chosen_duties(duties, chair_given=chair_first_term_start is not None)
    first_side = enum_value(Side, chair_first_side, "chair_first_side")
    chair_start = None
    if Duty.CHAIR_TERM in chosen:
        if chair_first_term_start is None:
            raise InvalidInputError(
                "chair_first_term_start", None, "pass the start of the first chair term (LRV A.9.2)"
            )
        chair_start = agreement_day(
            chair_first_term_start,
            "chair_first_term_start",
            earliest=date(2019, 1, 1),
            why="the Gemeinsame Kommission of the LRV of 2019",
        )
    streams: list[Iterator[DueDate]] = []
    for duty in dict.fromkeys(chosen):
        if duty is Duty.AUDIT_REPORT:
            streams.append(_audit_reports(last.year))
        elif duty is Duty.CHAIR_TERM:
            assert chair_start is not None  # noqa: S101 - checked above
            streams.append(_chair_terms(chair_start, first_side, last))
        else:
            streams.append(_yearly(duty, last.year))
    merged = heapq.merge(*streams, key=lambda d: (d.due, d.clause))
    return (d for d in merged if _touches(d, first, last))


def _chosen_duties(duties: object, *, chair_given: bool) -> list[Duty]:
    if duties is None:
        return [d for d in Duty if d is not Duty.CHAIR_TERM or chair_given]
    if isinstance(duties, str) or not isinstance(duties, Iterable):
        raise InvalidInputError("duties", duties, "pass a list of Duty values, or None for all")
    return [enum_value(Duty, item, "duties") for item in duties]


def _touches(item: DueDate, start: date, end: date) -> bool:
    begin = item.period_start if item.period_start is not None else item.nominal
    return begin <= end and item.due >= start


def fixed_dates(
    *, start: date | None = None, end: date | None = None, mobility_transition_until: date = date(2023, 12, 31)
) -> tuple[DueDate, ...]:
    """The fixed dates the agreements name, in order (optionally only those between ``start`` and ``end``).

    LRV C.1 and RV § 19 (entry into force, end of the § 79 SGB XII contracts, the RV's first
    term), LRV B.4.11 Abs. 4 (Mobilität: old contracts continued until 31.12.2023 at most — the
    Gemeinsame Kommission may extend it: ``mobility_transition_until``), A.8.1 Abs. 4 (audits up
    to 31.12.2023 evaluated), C.3 (review of all parts from the start of 2023), B.4.15 Abs. 6
    (Pflegefamilien: arrangements by 01.04.2024, evaluation 01.07.2024–30.06.2025, report by
    30.09.2025, uniform from 01.01.2026). Days to act by (arrangements, report) move under
    § 193 BGB; dates on which something takes effect or ends do not.

    >>> [(d.nominal, d.due) for d in fixed_dates() if d.clause == "LRV B.4.15 Abs. 6" and d.to_act][0]
    (datetime.date(2024, 4, 1), datetime.date(2024, 4, 2))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``end`` before ``start``;
            ``mobility_transition_until`` before 31.12.2023 (only an extension is possible).
    """
    mobility = agreement_day(
        mobility_transition_until,
        "mobility_transition_until",
        earliest=date(2023, 12, 31),
        why="LRV B.4.11 Abs. 4: the Kommission may only extend the transition",
    )
    first = None if start is None else agreement_day(start, "start", earliest=_EARLIEST_ANY, why="calendar range")
    last = None if end is None else agreement_day(end, "end", earliest=_EARLIEST_ANY, why="calendar range")
    if first is not None and last is not None and last < first:
        raise InvalidInputError("end", end, "pass an end on or after start")
    items = [
        _fixed(
            OLD_RAHMENVERTRAEGE_END,
            "LRV C.1 Satz 3",
            "Rahmenverträge nach § 79 SGB XII treten außer Kraft",
            "the § 79 SGB XII Rahmenverträge end",
        ),
        _fixed(LRV_IN_FORCE, "LRV C.1 Satz 1", "Landesrahmenvertrag in Kraft", "the LRV takes effect"),
        _fixed(RV_IN_FORCE, "RV § 19 Abs. 1", "Rahmenvereinbarung in Kraft", "the RV takes effect"),
        _fixed(
            LRV_IN_FORCE,
            "LRV B.4.11 Abs. 4",
            "Mobilität: neue Träger führen die bisherigen Verträge fort",
            "Mobilität: the new Träger continue the previous contracts",
        ),
        _fixed(
            date(2023, 1, 1),
            "LRV C.3",
            "Überprüfung aller Bereiche durch die Gemeinsame Kommission beginnt",
            "review of all parts by the Gemeinsame Kommission begins",
        ),
        _fixed(
            date(2023, 12, 31),
            "LRV A.8.1 Abs. 4",
            "Stichtag: bis dahin erfolgte Prüfverfahren werden evaluiert",
            "cut-off: audits up to this day are evaluated",
        ),
        _fixed(
            mobility,
            "LRV B.4.11 Abs. 4",
            "Mobilität: Fortführung der bisherigen Verträge längstens bis",
            "Mobilität: previous contracts continued at most until",
        ),
        _act(
            date(2024, 4, 1),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: Absprachen und Vorkehrungen bis",
            "Pflegefamilien: arrangements agreed by",
        ),
        _fixed(date(2024, 7, 1), "LRV B.4.15 Abs. 6", "Pflegefamilien: Evaluation beginnt", "evaluation begins"),
        _fixed(date(2025, 6, 30), "LRV B.4.15 Abs. 6", "Pflegefamilien: Evaluation endet", "evaluation ends"),
        _act(
            date(2025, 9, 30),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: gemeinsamer Ergebnisbericht bis",
            "Pflegefamilien: joint report by",
        ),
        _fixed(
            RV_FIRST_TERM_END,
            "RV § 19 Abs. 2 Satz 1",
            "Ende der ersten Laufzeit der Rahmenvereinbarung",
            "end of the RV's first term",
        ),
        _fixed(
            date(2026, 1, 1),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: Ziel landeseinheitliche Leistungserbringung ab",
            "Pflegefamilien: uniform provision aimed for from",
        ),
    ]
    items.sort(key=lambda d: d.due)
    return tuple(d for d in items if (first is None or d.due >= first) and (last is None or d.due <= last))
