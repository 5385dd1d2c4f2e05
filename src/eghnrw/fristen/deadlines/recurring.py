"""The recurring duties of the LRV and the RV (RULES D9, D15): meetings, reports, the chair's terms."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum

from eghnrw.core._check import check_bool, enum_value
from eghnrw.core._dates import agreement_day
from eghnrw.core.enums import Side
from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.deadlines._steps import any_day
from eghnrw.fristen.deadlines.due_dates import DueDate, act_on, fixed_on
from eghnrw.kommission.models.commission import ChairTermCounting, chair_counting, chair_terms

__all__ = ["recurring_due_dates"]


class Duty(StrEnum):
    """The recurring duties of the LRV and the RV."""

    AUDIT_REPORT = "audit_report"  #: LRV A.8.3 Abs. 6: report to the Kommission every two years, as at 31.12.2021
    COMMISSION_MEETING = "commission_meeting"  #: LRV A.9.6 Abs. 1: the Kommission meets at least yearly
    WORKING_GROUP_MEETING = "working_group_meeting"  #: LRV A.9.6 Abs. 5: standing working groups meet yearly
    CHAIR_TERM = "chair_term"  #: LRV A.9.2: chair for two years, alternating sides
    LOCAL_COMMITTEE_MEETING = "local_committee_meeting"  #: RV § 4 Abs. 5: local committees meet yearly
    RV_REVIEW = "rv_review"  #: RV § 18 Abs. 2 Satz 1: the partners review the RV yearly
    MINISTRY_REPORT = "ministry_report"  #: RV § 18 Abs. 2 Satz 2: report to the ministry every three years from 2021
    SERVICE_GOALS = "service_goals"  #: LRV B.1.3 Abs. 5, B.1.4 Abs. 5: children's service goals at least yearly


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
    Duty.SERVICE_GOALS: (
        "LRV B.1.3 Abs. 5, B.1.4 Abs. 5",
        "Konkretisierung der Leistungsziele der Kinder und Jugendlichen (mindestens jährlich)",
        "service goals of children and young people set (at least yearly)",
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


def _audit_reports(last_year: int, *, shift: bool) -> Iterator[DueDate]:
    """The report "im Abstand von zwei Jahren – erstmals zum 31.12.2021": a Stichtag, or a day to act by (``shift``)."""
    dated = act_on if shift else fixed_on
    for year in range(2021, last_year + 1, 2):
        yield dated(
            date(year, 12, 31),
            "LRV A.8.3 Abs. 6",
            "Bericht über die Prüfungen an die Gemeinsame Kommission, Stichtag"
            if not shift
            else "Bericht über die Prüfungen an die Gemeinsame Kommission bis (§ 193 BGB)",
            "report on the audits to the Gemeinsame Kommission, as at" if not shift else "report on the audits by",
        )


def _chair_terms(first_start: date, first_side: Side, end: date, counting: ChairTermCounting) -> Iterator[DueDate]:
    for term in chair_terms(first_start, first_side, counting=counting):
        if term.start > end:
            return
        yield DueDate(
            term.end,
            term.end,
            "LRV A.9.2",
            f"Sitzungsleitung (zwei Jahre): {_SIDE_DE[term.side]}",
            f"chair (two years): {term.side.value}",
            to_act=False,
            period_start=term.start,
        )


def recurring_due_dates(
    *,
    start: date,
    end: date,
    duties: Iterable[Duty | str] | None = None,
    chair_first_term_start: date | None = None,
    chair_first_side: Side | str = Side.LEISTUNGSERBRINGER,
    chair_term_counting: ChairTermCounting = "term_by_term",
    audit_report_shift_to_werktag: bool = False,
) -> Iterator[DueDate]:
    """The dates of recurring duties that fall between ``start`` and ``end`` (both included), in order.

    - LRV A.8.3 Abs. 6: report on the audits to the Gemeinsame Kommission every two years, "erstmals
      zum 31.12.2021": a Stichtag, the day the report speaks as at, not moved (31.12.2023, a Sunday,
      stays); ``audit_report_shift_to_werktag=True`` reads it as a day to act by, which § 193 BGB
      moves (to 02.01.2024). See docs/decisions.md.
    - LRV A.9.6 Abs. 1 and 5, RV § 4 Abs. 5, RV § 18 Abs. 2 Satz 1: meetings at least once a
      calendar year (a period 01.01.–31.12., from 2020); RV § 18 Abs. 2 Satz 2: report to the
      ministry every three years from 2021 (2021, 2024, …). A calendar year is not moved.
    - LRV B.1.3 Abs. 5, B.1.4 Abs. 5: the service goals of children and young people in besonderen
      Wohnformen and Pflegefamilien are set at least once a year, read like the meetings as once in
      each calendar year (a per-case twelve-month reading: :func:`~eghnrw.fristen.deadlines.deadline`
      with ``months=12`` from the last time they were set).
    - LRV A.9.2: the chair's two-year terms, alternating sides, as :func:`eghnrw.kommission.models.chair_terms`
      computes them for :func:`eghnrw.kommission.models.commission_chair` (``chair_term_counting`` as its
      ``counting``); the first term's start is not in the sources, so it is an input
      (``chair_first_term_start``, checked whenever given); without it the chair is left out.

    Only events inside ``start``–``end`` are given, so that a calendar of the range holds nothing
    before or after it: a day to act whose named day or § 193 day lies in the range (31.12.2023,
    moved to 02.01.2024, belongs to both years); a period whose last day lies in the range, with its
    ``period_start`` where that lies in the range too (``None`` where the period began before);
    a period that begins in the range and ends after it is given as the day it begins (the text
    ends ": Zeitraum beginnt" / ": period begins"). ``duties`` picks some (default: all). The
    result is a lazy iterator; arguments are checked on the call.

    >>> [d.due for d in recurring_due_dates(start=date(2023, 1, 1), end=date(2024, 12, 31),
    ...                                     duties=["audit_report"])]
    [datetime.date(2023, 12, 31)]

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``end`` before ``start``; an unknown
            duty; ``chair_term`` asked for without ``chair_first_term_start``; a
            ``chair_first_term_start`` that is not a date from 2019 (even when the chair is not
            asked for); an unknown side or ``chair_term_counting``; ``audit_report_shift_to_werktag``
            not a bool.
    """
    first = any_day(start, "start")
    last = any_day(end, "end")
    if last < first:
        raise InvalidInputError("end", end, "pass an end on or after start")
    chosen = _chosen_duties(duties, chair_given=chair_first_term_start is not None)
    first_side = enum_value(Side, chair_first_side, "chair_first_side")
    counting = chair_counting(chair_term_counting, "chair_term_counting")
    report_shift = check_bool(audit_report_shift_to_werktag, "audit_report_shift_to_werktag")
    chair_start = None
    if chair_first_term_start is not None:  # checked whenever given, asked for or not
        chair_start = agreement_day(
            chair_first_term_start,
            "chair_first_term_start",
            earliest=date(2019, 1, 1),
            why="the Gemeinsame Kommission of the LRV of 2019",
        )
    if Duty.CHAIR_TERM in chosen and chair_start is None:
        raise InvalidInputError("chair_first_term_start", None, "pass the start of the first chair term (LRV A.9.2)")
    streams: list[Iterator[DueDate]] = []
    for duty in dict.fromkeys(chosen):
        if duty is Duty.AUDIT_REPORT:
            stream = _audit_reports(last.year, shift=report_shift)
        elif duty is Duty.CHAIR_TERM:
            assert chair_start is not None  # noqa: S101 - checked above
            stream = _chair_terms(chair_start, first_side, last, counting)
        else:
            stream = _yearly(duty, last.year)
        streams.append(_inside(stream, first, last))  # each stream stays in order of its days
    return heapq.merge(*streams, key=lambda d: (d.due, d.clause))


def _chosen_duties(duties: object, *, chair_given: bool) -> list[Duty]:
    if duties is None:
        return [d for d in Duty if d is not Duty.CHAIR_TERM or chair_given]
    if isinstance(duties, str) or not isinstance(duties, Iterable):
        raise InvalidInputError("duties", duties, "pass a list of Duty values, or None for all")
    return [enum_value(Duty, item, "duties") for item in duties]


def _inside(items: Iterable[DueDate], start: date, end: date) -> Iterator[DueDate]:
    """The events of ``items`` that fall in ``start``–``end``: a due day, or the day a period begins."""
    for item in items:
        begins = item.period_start
        if begins is None:  # a day to act: its named day or its § 193 day in the range (both ranges own it)
            if item.nominal <= end and item.due >= start:
                yield item
        elif start <= item.due <= end:
            yield item if begins >= start else item._replace(period_start=None)
        elif start <= begins <= end:  # the period begins in the range and ends after it
            yield DueDate(
                begins, begins, item.clause, f"{item.de}: Zeitraum beginnt", f"{item.en}: period begins", to_act=False
            )
