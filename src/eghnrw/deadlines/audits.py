"""Audits of the LRV: the audit period, the procedure's timetable, auditing a subject again.

The audit period: A.6.2.2 Abs. 1, A.8.2 Abs. 2; the timetable: A.8.2 Abs. 9, A.8.3 Abs. 2,
A.6.2.3; auditing again: A.8.2 Abs. 5. Every date of the timetable is a deadline to act:
§ 193 BGB moves it off Saturdays, Sundays and NRW holidays.
The audit period's limits are not deadlines and are not moved.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from dateutil.relativedelta import relativedelta

from eghnrw._check import check_bool
from eghnrw.calendar import add_period, add_period_from_start_of_day
from eghnrw.deadlines._steps import act_within, any_day, lrv_day, optional_day
from eghnrw.errors import InvalidInputError
from eghnrw.trace import Result, Step

__all__ = [
    "Audit",
    "AuditTimetable",
    "AuditWindowCheck",
    "ReauditCheck",
    "audit_timetable",
    "audit_window_check",
    "reaudit_check",
]

#: Which audit: the Abrechnungsprüfung of LRV A.6.2 or the Qualitäts-/Wirtschaftlichkeitsprüfung of A.8.
Audit = Literal["billing", "quality"]
_AUDITS: tuple[Audit, ...] = ("billing", "quality")


def _audit(value: object) -> Audit:
    if value not in _AUDITS:
        raise InvalidInputError("audit", value, "pass 'quality' (LRV A.8) or 'billing' (LRV A.6.2)")
    return value


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
    notice = lrv_day(audit_notice, "audit_notice")
    start = any_day(period_start, "period_start")
    end = any_day(period_end, "period_end")
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
    last = lrv_day(last_audit_day, "last_audit_day")
    kind = _audit(audit)
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    if kind == "billing" and closing_meeting_held is not None:
        raise InvalidInputError(
            "closing_meeting_held", closing_meeting_held, "pass None: the closing meeting belongs to LRV A.8 audits"
        )
    if kind == "quality" and clarified_on is not None:
        raise InvalidInputError("clarified_on", clarified_on, "pass None: clarification belongs to LRV A.6.2.3")
    meeting = optional_day(closing_meeting_held, "closing_meeting_held", not_before=last, before_what="last audit day")
    late: list[str] = []
    steps: list[Step] = []
    meeting_due: date | None = None
    if kind == "quality":
        _, meeting_due, s = act_within(
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
    _, draft_due, s = act_within(base, clause=draft_clause, de=draft_de, en="draft report: four weeks", weeks=4)
    steps += s
    draft = optional_day(
        draft_report_notified, "draft_report_notified", not_before=base, before_what="the step it follows"
    )
    if draft is not None:
        steps.append(Step(draft_clause, "Entwurf / Ergebnis tatsächlich bekanntgegeben am", "draft notified on", draft))
        if draft > draft_due:
            late.append("draft_report")
    statement_clause = "LRV A.8.3 Abs. 2 Satz 2" if kind == "quality" else "LRV A.6.2.3 Abs. 2 Satz 1"
    _, statement_due, s = act_within(
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
    clarified = optional_day(
        clarified_on,
        "clarified_on",
        not_before=draft if draft is not None else base,
        before_what="the preliminary result",
    )
    if clarified is not None:
        final_base, final_de = clarified, "endgültiges Ergebnis: vier Wochen nach der Klärung"
    _, final_due, s = act_within(final_base, clause=final_clause, de=final_de, en="final report: four weeks", weeks=4)
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
    day = lrv_day(audit_day, "audit_day")
    docs = any_day(documents_dated, "documents_dated")
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
