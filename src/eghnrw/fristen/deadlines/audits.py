"""Audits of the LRV: the audit period, the procedure's timetable, auditing a subject again.

The audit period: A.6.2.2 Abs. 1, A.8.2 Abs. 2; the timetable: A.8.2 Abs. 9, A.8.3 Abs. 2,
A.6.2.3; auditing again: A.8.2 Abs. 5. Every date of the timetable is a deadline to act:
§ 193 BGB moves it off Saturdays, Sundays and NRW holidays.
The audit period's limits are not deadlines and are not moved.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from dateutil.relativedelta import relativedelta

from eghnrw.core._check import check_bool
from eghnrw.core._rule import rule
from eghnrw.core.calendar import period_end as _period_end  # the name period_end is an argument here
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.fristen.deadlines._steps import act_within, any_day, lrv_day, optional_day

__all__ = [
    "AuditTimetable",
    "AuditWindowCheck",
    "ReauditCheck",
    "audit_timetable",
    "audit_window_check",
    "reaudit_check",
]

#: Which audit: the Abrechnungsprüfung of LRV A.6.2, the Qualitäts-/Wirtschaftlichkeitsprüfung of A.8,
#: or the Wirksamkeitsprüfung of A.8.4 (part of the quality audit, A.8.1 Abs. 1, 5).
Audit = Literal["billing", "quality", "effectiveness"]
_AUDITS: tuple[Audit, ...] = ("billing", "quality", "effectiveness")
#: The period an effectiveness audit covers (A.8.4 Abs. 1; see docs/decisions.md).
EffectivenessPeriod = Literal["whole_year", "within_year"]
#: From which notice the 5 years of a widened period are counted (A.6.2.2 Abs. 4, A.8.2 Abs. 7).
WideningReach = Literal["widening_notice", "audit_notice"]


def _audit(value: object) -> Audit:
    if value not in _AUDITS:
        raise InvalidInputError(
            "audit", value, "pass 'quality' (LRV A.8), 'billing' (LRV A.6.2) or 'effectiveness' (LRV A.8.4)"
        )
    return value


class AuditWindowCheck(Result):
    """Whether a proposed audit period is allowed (LRV A.6.2.2 Abs. 1, 4, A.8.2 Abs. 2, 7, A.8.4 Abs. 1)."""

    title = ("Prüfzeitraum", "Audit period")

    audit: Audit
    audit_notice: date
    period_start: Annotated[date, Label("Zeitraum ab", "period from")]
    period_end: Annotated[date, Label("Zeitraum bis", "period until")]
    earliest_start: Annotated[date, Label("frühester Beginn", "earliest start")]
    latest_end: Annotated[date, Label("spätestes Ende (24 Monate)", "latest end (24 months)")]
    allowed: Annotated[bool, Label("zulässig", "allowed")]
    problems: tuple[str, ...] = ()
    #: The notice of a widening while the audit ran, and the period then audited as a whole.
    widened_on: Annotated[date | None, Label("erweitert am", "widened on", after="period_end")] = None
    widened_period_start: date | None = None
    widened_period_end: date | None = None


def _earliest(notice: date, *, by_year: bool) -> date:
    return date(notice.year - 5, 1, 1) if by_year else notice - relativedelta(years=5)


def _checked_choice(value: object, argument: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise InvalidInputError(argument, value, "pass " + " or ".join(repr(c) for c in choices))
    return value


@rule(
    ids=("D5", "D14"),
    clauses=("LRV A.8.2 Abs. 2", "LRV A.6.2.2 Abs. 1", "LRV A.8.4 Abs. 1"),
    command="audit-window",
    example={"audit_notice": date(2024, 3, 15), "period_start": date(2019, 1, 1), "period_end": date(2020, 12, 31)},
    arguments={
        "audit_notice": "the day of the audit notice (Prüfungsmitteilung)",
        "period_start": "first day of the audited period",
        "period_end": "last day of the audited period",
        "audit": "quality (LRV A.8), billing (A.6.2) or effectiveness (A.8.4)",
        "calendar_years": "read '5 Kalenderjahre' as whole calendar years (default true)",
        "widened_on": "the day a widening of the audit was notified (A.8.2 Abs. 7)",
        "widened_period_start": "first day of the widened period",
        "widened_period_end": "last day of the widened period",
        "widening_reach": "count the widened period's 5 years from the widening or the audit notice",
        "effectiveness_period": "effectiveness audit: a whole calendar year or any period within one (A.8.4 Abs. 1)",
    },
)
def audit_window_check(
    *,
    audit_notice: date,
    period_start: date,
    period_end: date,
    audit: Audit = "quality",
    calendar_years: bool = True,
    widened_on: date | None = None,
    widened_period_start: date | None = None,
    widened_period_end: date | None = None,
    widening_reach: WideningReach = "widening_notice",
    effectiveness_period: EffectivenessPeriod = "whole_year",
) -> AuditWindowCheck:
    """Whether an audit may cover ``period_start``–``period_end`` (both days included), and why not.

    LRV A.8.2 Abs. 2 (quality/economy, ``audit="quality"``) and A.6.2.2 Abs. 1 (billing,
    ``audit="billing"``): the period may lie at most 5 Kalenderjahre back at the time of the
    audit notice (Prüfungsmitteilung; for an unannounced audit the opening meeting, A.8.2 Abs. 7)
    and span at most 24 months (§ 187 Abs. 2, § 188 Abs. 2 BGB). ``calendar_years=True`` (default)
    reads "5 Kalenderjahre" as the five calendar years before the year of the notice (from
    01.01.); ``False`` counts five years back to the day.

    **Effectiveness** (``audit="effectiveness"``, A.8.4 Abs. 1): "alle zuvor vereinbarten und
    erbrachten Leistungen innerhalb eines Kalenderjahres" — the period is one whole calendar year
    (``effectiveness_period="within_year"``: any period inside one calendar year); the 5 years of
    A.8.2 Abs. 2 apply, the audit being part of the quality audit (A.8.1 Abs. 1).

    **Widening while the audit runs** (A.6.2.2 Abs. 4, A.8.2 Abs. 7 Satz 3): with ``widened_on``
    (the day the widening was notified) and the widened period (``widened_period_start`` /
    ``widened_period_end``, defaulting to the original ones), the window follows: the period
    audited as a whole (from the earlier start to the later end) spans at most 24 months, the
    added part lies at most 5 years back from the widening notice (``widening_reach=
    "audit_notice"``: from the original notice) and ends by it.

    >>> c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=date(2019, 1, 1),
    ...                        period_end=date(2020, 12, 31))
    >>> c.allowed, c.earliest_start, c.latest_end
    (True, datetime.date(2019, 1, 1), datetime.date(2020, 12, 31))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``audit_notice`` before 01.01.2020;
            ``period_end`` before ``period_start`` (or the widened end before the widened start);
            ``widened_on`` before ``audit_notice``, or a widened period without ``widened_on``;
            an unknown ``audit``, ``widening_reach`` or ``effectiveness_period``.
    """
    notice = lrv_day(audit_notice, "audit_notice")
    start = any_day(period_start, "period_start")
    end = any_day(period_end, "period_end")
    if end < start:
        raise InvalidInputError("period_end", period_end, "pass a period end on or after period_start")
    kind = _audit(audit)
    by_year = check_bool(calendar_years, "calendar_years")
    reach = _checked_choice(widening_reach, "widening_reach", ("widening_notice", "audit_notice"))
    yearly = _checked_choice(effectiveness_period, "effectiveness_period", ("whole_year", "within_year"))
    widened, w_start, w_end = _widening(
        widened_on, widened_period_start, widened_period_end, kind=kind, notice=notice, start=start, end=end
    )
    clause = {"quality": "LRV A.8.2 Abs. 2", "billing": "LRV A.6.2.2 Abs. 1", "effectiveness": "LRV A.8.2 Abs. 2"}[kind]
    whole_start, whole_end = (min(start, w_start), max(end, w_end)) if widened else (start, end)
    earliest = _earliest(notice, by_year=by_year)
    longest = _period_end(whole_start, months=24, from_start_of_day=True)
    latest = longest.day
    problems: list[str] = []
    if start < earliest:
        problems.append(f"period_start {start:%d.%m.%Y} lies more than 5 years back (earliest {earliest:%d.%m.%Y})")
    if whole_end > latest:
        problems.append(f"the period spans more than 24 months (it may end on {latest:%d.%m.%Y} at the latest)")
    if end > notice:
        problems.append(f"the period ends after the audit notice ({notice:%d.%m.%Y}); it must lie in the past")
    steps = [
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
    ]
    if widened is not None:
        steps += _widening_steps(
            kind, widened, w_start, w_end, whole_start, whole_end, problems, reach=reach, by_year=by_year, notice=notice
        )
    steps += [
        Step(longest.clause, "längstens 24 Monate: Ende spätestens am", "at most 24 months: ends by", latest),
        Step(clause, "Dauer zulässig", "length allowed", whole_end <= latest),
        Step(clause, "Zeitraum liegt zurück (endet bis zur Mitteilung)", "period lies in the past", end <= notice),
    ]
    if kind == "effectiveness":
        steps.append(_effectiveness_step(start, end, whole_start, whole_end, problems, yearly=yearly))
    steps.append(Step(clause, "Prüfzeitraum zulässig", "audit period allowed", not problems))
    inputs: dict[str, object] = {
        "audit_notice": notice,
        "period_start": start,
        "period_end": end,
        "audit": kind,
        "calendar_years": by_year,
    }
    if widened is not None:
        inputs |= {
            "widened_on": widened,
            "widened_period_start": w_start,
            "widened_period_end": w_end,
            "widening_reach": reach,
        }
    if kind == "effectiveness":
        inputs["effectiveness_period"] = yearly
    return AuditWindowCheck.build(
        audit=kind,
        audit_notice=notice,
        period_start=start,
        period_end=end,
        earliest_start=earliest,
        latest_end=latest,
        allowed=not problems,
        problems=tuple(problems),
        widened_on=widened,
        widened_period_start=whole_start if widened else None,
        widened_period_end=whole_end if widened else None,
        inputs=inputs,
        steps=tuple(steps),
    )


def _widening_clause(kind: Audit) -> str:
    """The clause of a widening while the audit runs: A.6.2.2 Abs. 4 (billing), A.8.2 Abs. 7 Satz 3 (the others)."""
    return "LRV A.6.2.2 Abs. 4" if kind == "billing" else "LRV A.8.2 Abs. 7 Satz 3"


def _widening(
    widened_on: object,
    widened_start: object,
    widened_end: object,
    *,
    kind: Audit,
    notice: date,
    start: date,
    end: date,
) -> tuple[date | None, date, date]:
    """The checked widening: (notified on, widened start, widened end), the period's own by default."""
    widened = optional_day(widened_on, "widened_on", not_before=notice, before_what="the audit notice")
    if widened is None and (widened_start is not None or widened_end is not None):
        raise InvalidInputError(
            "widened_on", None, f"pass the day the widening was notified ({_widening_clause(kind)})"
        )
    w_start = start if widened_start is None else any_day(widened_start, "widened_period_start")
    w_end = end if widened_end is None else any_day(widened_end, "widened_period_end")
    if w_end < w_start:
        raise InvalidInputError("widened_period_end", widened_end, "pass an end on or after the widened start")
    return widened, w_start, w_end


def _widening_steps(  # noqa: PLR0917 - one step list from the checked values
    kind: Audit,
    widened: date,
    w_start: date,
    w_end: date,
    whole_start: date,
    whole_end: date,
    problems: list[str],
    *,
    reach: str,
    by_year: bool,
    notice: date,
) -> list[Step]:
    """The steps of a widening (A.6.2.2 Abs. 4, A.8.2 Abs. 7 Satz 3), appending its problems."""
    clause = _widening_clause(kind)
    reference = widened if reach == "widening_notice" else notice
    earliest = _earliest(reference, by_year=by_year)
    if w_start < earliest:
        problems.append(
            f"widened_period_start {w_start:%d.%m.%Y} lies more than 5 years back from the "
            f"{'widening' if reach == 'widening_notice' else 'audit'} notice (earliest {earliest:%d.%m.%Y})"
        )
    if w_end > widened:
        problems.append(f"the widened period ends after the widening was notified ({widened:%d.%m.%Y})")
    return [
        Step(
            clause,
            "Prüfgegenstand während der Prüfung erweitert, schriftlich mitgeteilt am"
            if kind == "billing"
            else "Prüfgegenstand aus besonderem Anlass erweitert, mitgeteilt am",
            "subject widened while the audit ran, notified on",
            widened,
        ),
        Step(
            clause,
            "5 Jahre des erweiterten Zeitraums ab der Mitteilung der Erweiterung: frühestens"
            if reach == "widening_notice"
            else "5 Jahre des erweiterten Zeitraums ab der Prüfungsmitteilung (widening_reach='audit_notice')",
            "5 years of the widened period from the widening notice: earliest"
            if reach == "widening_notice"
            else "5 years of the widened period from the audit notice",
            earliest,
        ),
        Step(clause, "geprüfter Zeitraum insgesamt ab", "whole period audited from", whole_start),
        Step(clause, "geprüfter Zeitraum insgesamt bis", "whole period audited until", whole_end),
    ]


def _effectiveness_step(
    start: date, end: date, whole_start: date, whole_end: date, problems: list[str], *, yearly: str
) -> Step:
    """The A.8.4 Abs. 1 step: one whole calendar year (or, the other reading, within one), appending a problem."""
    if yearly == "whole_year":
        ok = (whole_start.month, whole_start.day, whole_end.month, whole_end.day) == (1, 1, 12, 31) and (
            whole_start.year == whole_end.year
        )
        if not ok:
            problems.append(
                f"an effectiveness audit covers one calendar year, 01.01.–31.12. (LRV A.8.4 Abs. 1); "
                f"got {start:%d.%m.%Y}–{end:%d.%m.%Y}"
            )
        return Step(
            "LRV A.8.4 Abs. 1",
            "Wirksamkeitsprüfung: alle Leistungen eines Kalenderjahres (01.01.–31.12.)",
            "effectiveness audit: all services of one calendar year",
            ok,
        )
    ok = whole_start.year == whole_end.year
    if not ok:
        problems.append(
            "an effectiveness audit lies within one calendar year (LRV A.8.4 Abs. 1); "
            f"got {start:%d.%m.%Y}–{end:%d.%m.%Y}"
        )
    return Step(
        "LRV A.8.4 Abs. 1",
        "Wirksamkeitsprüfung: innerhalb eines Kalenderjahres (effectiveness_period='within_year')",
        "effectiveness audit: within one calendar year",
        ok,
    )


class AuditTimetable(Result):
    """The dates an audit procedure has to meet after the last audit day (LRV A.8.2 Abs. 9, A.8.3, A.6.2.3)."""

    title = ("Fristen des Prüfverfahrens", "Audit timetable")

    audit: Audit
    last_audit_day: Annotated[date, Label("letzter Prüftag", "last audit day")]
    closing_meeting_due: Annotated[date | None, Label("Abschlussgespräch spätestens", "closing meeting by")]
    draft_report_due: Annotated[date, Label("Entwurf / vorläufiges Ergebnis spätestens", "draft report by")]
    statement_due: Annotated[date, Label("Stellungnahme spätestens", "statement by")]
    final_report_due: Annotated[date, Label("abschließender Bericht spätestens", "final report by")]
    late: tuple[str, ...] = ()
    #: A.8.5 Abs. 1 Satz 2: a Kürzungsbetrag is stated with the preliminary report (quality audits).
    reduction_amount_due: Annotated[
        date | None,
        Label("Kürzungsbetrag beziffern mit dem Entwurf, spätestens", "reduction amount by", after="draft_report_due"),
    ] = None
    #: The day a widening of the subject was notified while the audit ran (A.6.2.2 Abs. 4, A.8.2 Abs. 7).
    widened_on: Annotated[
        date | None, Label("Prüfgegenstand erweitert am", "subject widened on", after="last_audit_day")
    ] = None


def _closing_meeting(
    last: date, meeting: date | None, *, saturday_is_werktag: bool, steps: list[Step], late: list[str]
) -> tuple[date, date]:
    """A.8.2 Abs. 9: (closing meeting due, the day the draft report's four weeks count from)."""
    _, meeting_due, s = act_within(
        last,
        clause="LRV A.8.2 Abs. 9",
        de="letzter Prüftag; Abschlussgespräch spätestens nach 5 Werktagen",
        en="last audit day; closing meeting within 5 Werktage",
        werktage=5,
        saturday_is_werktag=saturday_is_werktag,
    )
    steps += s
    if meeting is None:
        return meeting_due, meeting_due
    steps.append(Step("LRV A.8.2 Abs. 9", "Abschlussgespräch tatsächlich am", "closing meeting held on", meeting))
    if meeting > meeting_due:
        late.append("closing_meeting")
    return meeting_due, meeting


def _widening_step(kind: Audit, widened: date) -> Step:
    return Step(
        "LRV A.6.2.2 Abs. 4" if kind == "billing" else "LRV A.8.2 Abs. 7 Satz 3",
        "Prüfgegenstand während der Prüfung erweitert, mitgeteilt am; die Fristen zählen ab dem letzten Prüftag "
        "der erweiterten Prüfung",
        "subject widened while the audit ran, notified on; the deadlines count from the last day of the widened audit",
        widened,
    )


@rule(ids=("D6", "D7", "D14"), clauses=("LRV A.8.2 Abs. 9", "LRV A.8.3 Abs. 2", "LRV A.6.2.3"))
def audit_timetable(
    *,
    last_audit_day: date,
    audit: Audit = "quality",
    closing_meeting_held: date | None = None,
    draft_report_notified: date | None = None,
    clarified_on: date | None = None,
    saturday_is_werktag: bool = True,
    widened_on: date | None = None,
) -> AuditTimetable:
    """Each step's latest date after an audit whose last day was ``last_audit_day``.

    Quality/economy audit (``audit="quality"``, LRV A.8; ``"effectiveness"``, A.8.4, follows the
    same procedure): the closing meeting on the last audit day, at the latest within five
    Werktage (A.8.2 Abs. 9); the draft report within four weeks after the closing meeting; the
    statement within four weeks of its notice; the final report within four weeks after the
    statement period has run out (A.8.3 Abs. 2). A Kürzungsbetrag for a Pflichtverletzung is stated
    with the preliminary report (A.8.5 Abs. 1 Satz 2): ``reduction_amount_due`` is the day the draft
    report is due (or was notified) — not for an effectiveness audit, which has no sanctions
    (A.8.4 Abs. 4). Billing audit (``audit="billing"``, A.6.2.3): the preliminary result within
    four weeks (counted from the last audit day), the statement within four weeks of it, the final
    result within four weeks after the clarification (``clarified_on``) or else after the statement
    period.

    Where the caller gives the actual date of an earlier step (``closing_meeting_held``,
    ``draft_report_notified``, ``clarified_on``) the later steps count from it; ``late`` names
    the steps that happened after their deadline. A subject widened while the audit ran
    (``widened_on``, A.6.2.2 Abs. 4, A.8.2 Abs. 7) continues the audit: the timetable counts from
    the last day of the widened audit, so ``widened_on`` must not lie after ``last_audit_day``.
    Every date is a deadline to act and moves off Saturdays, Sundays and NRW holidays (§ 193 BGB).

    >>> t = audit_timetable(last_audit_day=date(2024, 10, 31))  # a Thursday before Allerheiligen
    >>> t.closing_meeting_due, t.draft_report_due, t.statement_due, t.final_report_due
    (datetime.date(2024, 11, 7), datetime.date(2024, 12, 5), datetime.date(2025, 1, 2), datetime.date(2025, 1, 30))
    >>> t.reduction_amount_due
    datetime.date(2024, 12, 5)

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``last_audit_day`` before 01.01.2020;
            an actual date before the step it follows; ``closing_meeting_held`` for a billing audit;
            ``widened_on`` after ``last_audit_day``.
    """
    last = lrv_day(last_audit_day, "last_audit_day")
    kind = _audit(audit)
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    a8 = kind != "billing"
    if not a8 and closing_meeting_held is not None:
        raise InvalidInputError(
            "closing_meeting_held", closing_meeting_held, "pass None: the closing meeting belongs to LRV A.8 audits"
        )
    if a8 and clarified_on is not None:
        raise InvalidInputError("clarified_on", clarified_on, "pass None: clarification belongs to LRV A.6.2.3")
    widened = None if widened_on is None else lrv_day(widened_on, "widened_on")
    if widened is not None and widened > last:
        raise InvalidInputError(
            "widened_on", widened_on, "pass a day up to last_audit_day: a widening happens while the audit runs"
        )
    meeting = optional_day(closing_meeting_held, "closing_meeting_held", not_before=last, before_what="last audit day")
    late: list[str] = []
    steps: list[Step] = [] if widened is None else [_widening_step(kind, widened)]
    meeting_due: date | None = None
    if a8:
        meeting_due, base = _closing_meeting(last, meeting, saturday_is_werktag=sat, steps=steps, late=late)
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
    reduction_due = None
    if kind == "quality":
        reduction_due = draft if draft is not None else draft_due
        steps.append(
            Step(
                "LRV A.8.5 Abs. 1 Satz 2",
                "bei Pflichtverletzung: Kürzungsbetrag (§ 129 SGB IX) mit dem vorläufigen Prüfbericht beziffern",
                "on a breach of duty: state the reduction amount (§ 129 SGB IX) with the preliminary report",
                reduction_due,
            )
        )
    statement_clause = "LRV A.8.3 Abs. 2 Satz 2" if a8 else "LRV A.6.2.3 Abs. 2 Satz 1"
    _, statement_due, s = act_within(
        draft if draft is not None else draft_due,
        clause=statement_clause,
        de="Stellungnahme: vier Wochen ab Bekanntgabe",
        en="statement: four weeks from notice",
        weeks=4,
    )
    steps += s
    final_clause = "LRV A.8.3 Abs. 2 Satz 3" if a8 else "LRV A.6.2.3 Abs. 2 Satz 4"
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
    inputs: dict[str, object] = {
        "last_audit_day": last,
        "audit": kind,
        "closing_meeting_held": meeting,
        "draft_report_notified": draft,
        "clarified_on": clarified,
        "saturday_is_werktag": sat,
    }
    if widened is not None:
        inputs["widened_on"] = widened
    return AuditTimetable.build(
        audit=kind,
        last_audit_day=last,
        closing_meeting_due=meeting_due,
        draft_report_due=draft_due,
        statement_due=statement_due,
        final_report_due=final_due,
        late=tuple(late),
        reduction_amount_due=reduction_due,
        widened_on=widened,
        inputs=inputs,
        steps=tuple(steps),
    )


class ReauditCheck(Result):
    """Whether documents of another audit body bar a new audit of the same subject (LRV A.8.2 Abs. 5)."""

    title = ("Erneute Prüfung", "Audit again")

    documents_dated: Annotated[date, Label("Unterlagen vom", "documents dated")]
    audit_day: date
    recent_until: Annotated[date, Label("nicht älter als zwölf Monate bis", "not older than twelve months until")]
    older_than_twelve_months: Annotated[bool, Label("älter als zwölf Monate", "older than twelve months")]
    reaudit_allowed: Annotated[bool, Label("erneute Prüfung möglich", "audit again possible")]
    discretion: bool


@rule(ids=("D8",), clauses=("LRV A.8.2 Abs. 5",))
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
    twelve_months = _period_end(docs, months=12)
    recent_until = twelve_months.day
    older = day > recent_until
    allowed = cause or older
    steps = (
        Step("LRV A.8.2 Abs. 4", "Prüfunterlagen anderer Prüfinstitutionen vom", "other body's documents dated", docs),
        Step(twelve_months.clause, "zwölf Monate enden am", "twelve months end on", recent_until),
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
