"""Reporting a need for assistance in hospital within three Werktage (LRV B.4.12 Abs. 3)."""

from __future__ import annotations

from datetime import date

from eghnrw.core._check import check_bool
from eghnrw.core._rule import rule
from eghnrw.fristen.deadlines._steps import act_within, deadline_to_act, lrv_day
from eghnrw.fristen.deadlines.periods import Deadline

__all__ = ["HospitalReportDeadline", "hospital_need_report"]


class HospitalReportDeadline(Deadline):
    """The deadline to report a need for assistance in hospital (LRV B.4.12 Abs. 3)."""

    title = ("Meldung Assistenz im Krankenhaus", "Hospital assistance report")


@rule(
    ids=("D10",),
    clauses=("LRV B.4.12 Abs. 3", "§ 193 BGB"),
    command="hospital-report",
    example={"learned_on": date(2024, 5, 29)},
    arguments={
        "learned_on": "the day the need became known",
        "saturday_is_werktag": "Saturdays count as Werktage (default true)",
    },
)
def hospital_need_report(*, learned_on: date, saturday_is_werktag: bool = True) -> HospitalReportDeadline:
    """The last day to report an unforeseen need for assistance in hospital (LRV B.4.12 Abs. 3).

    Within three Werktage of learning of the need (or of its certain onset); Saturdays count
    unless ``saturday_is_werktag=False``; a last day on a Saturday moves under § 193 BGB.

    >>> hospital_need_report(learned_on=date(2024, 5, 29)).due  # Fronleichnam 30.05. does not count
    datetime.date(2024, 6, 3)

    Raises:
        InvalidInputError: ``learned_on`` not a date, or before 01.01.2020.
    """
    learned = lrv_day(learned_on, "learned_on")
    sat = check_bool(saturday_is_werktag, "saturday_is_werktag")
    within = act_within(
        learned,
        clause="LRV B.4.12 Abs. 3",
        de="Kenntnis vom Bedarfsfall am; Meldung binnen drei Werktagen",
        en="learned of the need on; report within three Werktage",
        werktage=3,
        saturday_is_werktag=sat,
    )
    return deadline_to_act(HospitalReportDeadline, learned, within, {"learned_on": learned, "saturday_is_werktag": sat})
