"""When the Schiedsstelle can be called: § 126 Abs. 2 SGB IX, and the § 129 period of LRV A.8.5 Abs. 2.

The three months are a waiting period, not a deadline to act: § 193 BGB does not move their end
(``shift_to_werktag=True`` shows the other reading, § 26 Abs. 3 SGB X).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Final

from eghnrw.core._check import check_bool
from eghnrw.core._dates import agreement_day
from eghnrw.core._rule import rule
from eghnrw.core.calendar import apply_193, period_end
from eghnrw.core.trace import Label, Result, Step
from eghnrw.fristen.deadlines._steps import lrv_day, period_steps

__all__ = [
    "SchiedsstelleWindow",
    "reduction_schiedsstelle_window",
    "schiedsstelle_available_from",
    "schiedsstelle_window",
    "schiedsstelle_window_without_checklist",
]

#: §§ 123–134 SGB IX (Vertragsrecht, incl. § 126 and § 129) in force since 01.01.2018 (Art. 26 Abs. 1 BTHG).
SGB_IX_CONTRACT_LAW_IN_FORCE: Final = date(2018, 1, 1)


class SchiedsstelleWindow(Result):
    """The three months of § 126 Abs. 2 SGB IX, after which the Schiedsstelle can be called."""

    title = ("Anrufung der Schiedsstelle", "Calling the Schiedsstelle")

    window_start_event: Annotated[date, Label("Frist ausgelöst am", "window started by an event on")]
    window_end: Annotated[date, Label("Drei-Monats-Frist endet am", "three months end on")]
    available_from: Annotated[date, Label("Schiedsstelle anrufbar ab", "Schiedsstelle available from")]


def _window(event: date, *, shift: bool, first: list[Step]) -> SchiedsstelleWindow:
    three_months = period_end(event, months=3)
    end = three_months.day
    steps = [*first, *period_steps(event, three_months, de="drei Monate enden am", en="three months end on")]
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


@rule(
    ids=("D4",),
    clauses=("§ 126 Abs. 2 SGB IX", "LRV A.2.3 Abs. 3", "LRV A.3.2 Abs. 2"),
    command="schiedsstelle",
    example={"negotiation_requested": date(2024, 5, 15)},
    arguments={
        "negotiation_requested": "the day a party asked to negotiate",
        "documents_received": "the day the first part of the checklist documents arrived",
        "shift_to_werktag": "the other reading: move the end off weekends and holidays",
    },
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


#: LRV B.1.5.1 Abs. 5, B.1.5.2 Abs. 5, B.1.6.1 Abs. 5: "Die Checklisten für die Verhandlungsaufforderung
#: (Anlage C) finden keine Anwendung" (Schulbegleitung, autism-specific services, Assistenz in the family).
_NO_CHECKLIST = "LRV B.1.5.1 Abs. 5, B.1.5.2 Abs. 5, B.1.6.1 Abs. 5"


@rule(
    ids=("D17",),
    clauses=("LRV B.1.5.1 Abs. 5", "LRV B.1.5.2 Abs. 5", "LRV B.1.6.1 Abs. 5", "§ 126 Abs. 2 SGB IX"),
    command="schiedsstelle-without-checklist",
)
def schiedsstelle_window_without_checklist(
    *, negotiation_requested: date, shift_to_werktag: bool = False
) -> SchiedsstelleWindow:
    """The § 126 window of a service without the checklists of Anlage C (LRV B.1.5.1, B.1.5.2, B.1.6.1, each Abs. 5).

    For Schulbegleitung and schulische Ganztagsangebote (B.1.5.1), autism-specific services
    (B.1.5.2) and Assistenz for children in the family (B.1.6.1) "die Checklisten für die
    Verhandlungsaufforderung (Anlage C) finden keine Anwendung". The window of
    :func:`schiedsstelle_window` cannot then start with "the first part of the documents under the
    checklist" (A.2.3 Abs. 3): it starts with the written request to negotiate (A.2.3 Abs. 1,
    § 126 Abs. 2 Satz 1 SGB IX). Three months, not moved (``shift_to_werktag=True``: the other
    reading), the Schiedsstelle available from the next day.

    >>> schiedsstelle_window_without_checklist(negotiation_requested=date(2024, 5, 15)).available_from
    datetime.date(2024, 8, 16)

    Raises:
        InvalidInputError: ``negotiation_requested`` not a date, or before 01.01.2018 (§ 126 SGB IX);
            ``shift_to_werktag`` not a bool.
    """
    why = "§ 126 SGB IX applies from 01.01.2018 (Art. 26 Abs. 1 BTHG)"
    requested = agreement_day(
        negotiation_requested, "negotiation_requested", earliest=SGB_IX_CONTRACT_LAW_IN_FORCE, why=why
    )
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    first = [
        Step("§ 126 Abs. 2 Satz 1 SGB IX", "zu Verhandlungen aufgefordert am", "negotiation requested on", requested),
        Step(
            _NO_CHECKLIST,
            "Checklisten der Anlage C finden keine Anwendung: Frist beginnt mit der schriftlichen Aufforderung",
            "the checklists of Anlage C do not apply: the period starts with the written request",
            requested,
        ),
    ]
    result = _window(requested, shift=shift, first=first)
    return result.model_copy(update={"inputs": {"negotiation_requested": requested, "shift_to_werktag": shift}})


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


@rule(ids=("D12",), clauses=("LRV A.8.5 Abs. 2", "§ 129 Abs. 1 SGB IX"))
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
    notified = lrv_day(final_report_notified, "final_report_notified")
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
