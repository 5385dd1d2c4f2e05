"""Private helpers of :mod:`eghnrw.fristen.deadlines`: LRV dates, the § 187/188 steps, § 193 BGB for acting."""

from __future__ import annotations

from datetime import date
from typing import Final, TypeVar

from eghnrw.core._dates import EARLIEST_ANY, agreement_day, non_werktag_reason, period_start_step
from eghnrw.core.calendar import PeriodEnd, add_werktage, apply_193, period_end
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Result, Step
from eghnrw.fristen.terms import LRV_IN_FORCE

__all__ = [
    "LRV_WHY",
    "act_within",
    "any_day",
    "deadline_to_act",
    "lrv_day",
    "optional_day",
    "period_steps",
    "shift_step",
]

LRV_WHY: Final = "LRV C.1: in force with effect from 01.01.2020"

_D = TypeVar("_D", bound=Result)


def lrv_day(value: object, argument: str) -> date:
    """A date on or after 01.01.2020, when the LRV took effect (LRV C.1)."""
    return agreement_day(value, argument, earliest=LRV_IN_FORCE, why=LRV_WHY)


def any_day(value: object, argument: str) -> date:
    """A date anywhere in the calendar's range."""
    return agreement_day(value, argument, earliest=EARLIEST_ANY, why="the calendar's range")


def optional_day(value: object, argument: str, *, not_before: date, before_what: str) -> date | None:
    """``None``, or a date on or after ``not_before`` (``before_what`` names it)."""
    if value is None:
        return None
    day = any_day(value, argument)
    if day < not_before:
        raise InvalidInputError(argument, value, f"pass a date on or after {not_before:%d.%m.%Y} ({before_what})")
    return day


def period_steps(event: date, end: PeriodEnd, *, de: str, en: str) -> list[Step]:
    """The two steps of a period started by an event: § 187 Abs. 1 (next day) and its end (§ 188 Abs. 2 or 3)."""
    return [period_start_step(event), Step(end.clause, de, en, end.day)]


def shift_step(nominal: date, due: date) -> Step:
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
        f"Frist zum Handeln: {non_werktag_reason(nominal)} → nächster Werktag",
        f"deadline to act: {nominal:%d.%m.%Y} is a Saturday, Sunday or holiday → next working day",
        due,
    )


def act_within(
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
        end = period_end(event, weeks=weeks, months=months)
        nominal = end.day
        steps = [
            Step(clause, de, en, event),
            *period_steps(event, end, de="rechnerisches Fristende", en="end of the period by counting"),
        ]
    due = apply_193(nominal)
    steps.append(shift_step(nominal, due))
    return nominal, due, steps


def deadline_to_act(
    kind: type[_D], event: date, within: tuple[date, date, list[Step]], inputs: dict[str, object]
) -> _D:
    """A deadline to act after ``event`` as a ``kind`` (a ``Deadline``); ``within``: what :func:`act_within` gave."""
    nominal, due, steps = within
    return kind.build(event_day=event, period_end=nominal, due=due, to_act=True, inputs=inputs, steps=tuple(steps))
