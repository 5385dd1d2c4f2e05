"""A period of any length after an event, and whether § 193 BGB moves its last day (§§ 186–193 BGB).

:func:`deadline` is the generic period rule the procedural deadlines rest on: calendar periods
(§ 187 Abs. 1, § 188 Abs. 2–3 BGB) or Werktage, a deadline to act (moved off Saturdays, Sundays
and NRW holidays by § 193 BGB) or a waiting or notice period (not moved).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from eghnrw.core._check import check_bool, check_count
from eghnrw.core.calendar import add_werktage, apply_193, period_end
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.fristen.deadlines._steps import any_day, period_steps, shift_step

__all__ = ["Deadline"]


def _check_clause(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError("clause", value, "pass the clause the period comes from, e.g. 'LRV A.8.3 Abs. 2'")


class Deadline(Result):
    """The last day of a period after an event; moved by § 193 BGB if it is a deadline to act."""

    title = ("Frist", "Deadline")

    event_day: Annotated[date, Label("Ereignis am", "event on")]
    period_end: Annotated[date, Label("rechnerisches Fristende", "end of the period by counting")]
    due: Annotated[date, Label("Frist endet am", "deadline")]
    to_act: bool

    @property
    @Label("verschoben nach § 193 BGB", "moved under § 193 BGB")
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
    event = any_day(event_day, "event_day")
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
        end = period_end(event, days=d, weeks=w, months=m, argument="event_day")
        nominal = end.day
        steps = [
            Step(clause, "Ereignis am", "event on", event),
            *period_steps(event, end, de="rechnerisches Fristende", en="period end"),
        ]
    if acts:
        due = apply_193(nominal)
        steps.append(shift_step(nominal, due))
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
