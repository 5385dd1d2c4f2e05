"""Evaluations: a working group's three months (LRV A.9.6 Abs. 3) and the evaluation period (B.4.15 Abs. 3)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from eghnrw.core._rule import rule
from eghnrw.core.calendar import period_end as _period_end
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.fristen.deadlines._steps import act_within, deadline_to_act, lrv_day
from eghnrw.fristen.deadlines.periods import Deadline

__all__ = [
    "EvaluationPeriodCheck",
    "EvaluationProposalDeadline",
    "evaluation_period_check",
    "evaluation_proposal_deadline",
]

#: How "mindestens ein Kalenderjahr" is read (LRV B.4.15 Abs. 3; see docs/decisions.md):
#: ``"year"`` a year of calendar time from the first day; ``"calendar_year"`` a whole 01.01.–31.12.
EvaluationYear = Literal["year", "calendar_year"]
_B4153 = "LRV B.4.15 Abs. 3"


class EvaluationProposalDeadline(Deadline):
    """The last day to bring the results of the Art. 25 BTHG evaluation into the Kommission (LRV A.9.6 Abs. 3)."""

    title = ("Beschlussvorlage an die Gemeinsame Kommission", "Proposal to the Kommission")


@rule(ids=("D13",), clauses=("LRV A.9.6 Abs. 3",))
def evaluation_proposal_deadline(*, concluded_on: date) -> EvaluationProposalDeadline:
    """The last day to bring a working group's results into the Gemeinsame Kommission (LRV A.9.6 Abs. 3).

    "Nach einvernehmlichem Abschluss der Beratungen der Arbeitsgruppe werden die Ergebnisse
    innerhalb von drei Monaten als Beschlussvorlage in die Gemeinsame Kommission eingebracht":
    three months from the day the deliberations were concluded by consent (§ 187 Abs. 1,
    § 188 Abs. 2–3 BGB), a deadline to act, so § 193 BGB moves a last day on a Saturday, Sunday or
    NRW holiday to the next Werktag. The Kommission then decides unanimously (A.9.6 Abs. 3, A.9.7).

    >>> evaluation_proposal_deadline(concluded_on=date(2024, 11, 30)).due   # 28.02.2025 (§ 188 Abs. 3)
    datetime.date(2025, 2, 28)
    >>> evaluation_proposal_deadline(concluded_on=date(2024, 9, 3)).due     # 03.12.2024, a Tuesday
    datetime.date(2024, 12, 3)

    Raises:
        InvalidInputError: ``concluded_on`` not a date, or before 01.01.2020.
    """
    concluded = lrv_day(concluded_on, "concluded_on")
    within = act_within(
        concluded,
        clause="LRV A.9.6 Abs. 3",
        de="Beratungen der Arbeitsgruppe einvernehmlich abgeschlossen; Beschlussvorlage binnen drei Monaten",
        en="working group's deliberations concluded by consent; proposal within three months",
        months=3,
    )
    return deadline_to_act(EvaluationProposalDeadline, concluded, within, {"concluded_on": concluded})


class EvaluationPeriodCheck(Result):
    """Whether an evaluation period lasts at least one calendar year (LRV B.4.15 Abs. 3)."""

    title = ("Evaluationszeitraum (LRV B.4.15 Abs. 3)", "Evaluation period")

    allowed: Annotated[bool, Label("mindestens ein Kalenderjahr", "at least one calendar year")]
    period_start: date
    period_end: date
    #: The first day the period may end on to last a year (``None`` for ``"calendar_year"``).
    earliest_end: Annotated[date | None, Label("frühestes Ende", "earliest end")]
    reading: EvaluationYear


@rule(ids=("D16",), clauses=(_B4153, "§ 187 Abs. 2 BGB", "§ 188 Abs. 2 BGB"))
def evaluation_period_check(
    *, period_start: date, period_end: date, reading: EvaluationYear = "year"
) -> EvaluationPeriodCheck:
    """Whether the evaluation period ``period_start``–``period_end`` lasts at least one calendar year (B.4.15 Abs. 3).

    "Der Evaluationszeitraum beträgt mindestens ein Kalenderjahr." ``reading="year"`` (default): a
    year of calendar time, from the start of the first day (§ 187 Abs. 2 BGB) to the day before the
    same date a year later (§ 188 Abs. 2, or Abs. 3 from a 29.02) — the reading of the LRV's own
    evaluation in B.4.15 Abs. 6, 01.07.2024–30.06.2025. ``reading="calendar_year"``: the period
    contains a whole calendar year, 01.01.–31.12.

    >>> evaluation_period_check(period_start=date(2024, 7, 1), period_end=date(2025, 6, 30)).allowed
    True
    >>> evaluation_period_check(period_start=date(2024, 7, 1), period_end=date(2025, 6, 30),
    ...                         reading="calendar_year").allowed
    False

    Raises:
        InvalidInputError: a date not a ``datetime.date`` or before 01.01.2020; ``period_end`` before
            ``period_start``; an unknown ``reading``.
    """
    start = lrv_day(period_start, "period_start")
    end = lrv_day(period_end, "period_end")
    if end < start:
        raise InvalidInputError("period_end", period_end, f"pass a day on or after period_start ({start:%d.%m.%Y})")
    if reading not in ("year", "calendar_year"):
        raise InvalidInputError("reading", reading, "pass 'year' or 'calendar_year' (LRV B.4.15 Abs. 3)")
    steps = [
        Step(_B4153, "Evaluationszeitraum ab", "evaluation period from", start),
        Step(_B4153, "Evaluationszeitraum bis", "evaluation period until", end),
    ]
    earliest = None
    if reading == "year":
        year = _period_end(start, years=1, from_start_of_day=True, argument="period_start")
        earliest = year.day
        allowed = end >= earliest
        steps += [
            Step("§ 187 Abs. 2 BGB", "Beginn mit dem ersten Tag", "begins at the start of the first day", start),
            Step(year.clause, "ein Jahr endet am", "one year ends on", earliest),
        ]
    else:
        first_whole = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        allowed = date(first_whole, 12, 31) <= end
        steps.append(
            Step(
                _B4153,
                f"enthält das Kalenderjahr {first_whole} ganz (reading='calendar_year')",
                f"contains the calendar year {first_whole} whole (reading='calendar_year')",
                allowed,
            )
        )
    steps.append(Step(_B4153, "mindestens ein Kalenderjahr", "at least one calendar year", allowed))
    return EvaluationPeriodCheck.build(
        allowed=allowed,
        period_start=start,
        period_end=end,
        earliest_end=earliest,
        reading=reading,
        inputs={"period_start": start, "period_end": end, "reading": reading},
        steps=tuple(steps),
    )
