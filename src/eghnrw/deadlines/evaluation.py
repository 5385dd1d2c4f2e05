"""The three months for bringing a working group's evaluation results into the Kommission (LRV A.9.6 Abs. 3)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from eghnrw._rule import rule
from eghnrw.deadlines._steps import act_within, lrv_day
from eghnrw.deadlines.periods import Deadline

__all__ = ["EvaluationProposalDeadline", "evaluation_proposal_deadline"]


class EvaluationProposalDeadline(Deadline):
    """The last day to bring the results of the Art. 25 BTHG evaluation into the Kommission (LRV A.9.6 Abs. 3)."""

    title: ClassVar[tuple[str, str]] = ("Beschlussvorlage an die Gemeinsame Kommission", "Proposal to the Kommission")


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
    nominal, due, steps = act_within(
        concluded,
        clause="LRV A.9.6 Abs. 3",
        de="Beratungen der Arbeitsgruppe einvernehmlich abgeschlossen; Beschlussvorlage binnen drei Monaten",
        en="working group's deliberations concluded by consent; proposal within three months",
        months=3,
    )
    return EvaluationProposalDeadline.build(
        event_day=concluded,
        period_end=nominal,
        due=due,
        to_act=True,
        inputs={"concluded_on": concluded},
        steps=tuple(steps),
    )
