"""The fixed dates the agreements name (RULES D11, D15): entry into force, transitions, evaluations."""

from __future__ import annotations

from datetime import date

from eghnrw.core._check import check_bool
from eghnrw.core._dates import EARLIEST_ANY, agreement_day
from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.deadlines.due_dates import DueDate, act_on, fixed_on
from eghnrw.fristen.terms import LRV_IN_FORCE, OLD_RAHMENVERTRAEGE_END, RV_FIRST_TERM_END, RV_IN_FORCE

__all__ = ["fixed_dates"]


def fixed_dates(
    *,
    start: date | None = None,
    end: date | None = None,
    mobility_transition_until: date = date(2023, 12, 31),
    cooperation_shift_to_werktag: bool = False,
) -> tuple[DueDate, ...]:
    """The fixed dates the agreements name, in order (optionally only those between ``start`` and ``end``).

    LRV C.1 and RV § 19 (entry into force, end of the § 79 SGB XII contracts, the RV's first
    term), RV § 5 Abs. 1 (cooperation agreements of the Landschaftsverbände and the Kreise and
    kreisfreie Städte "bis zum 1. Januar 2020": a Stichtag, the day the new law and the RV take
    effect, not moved — ``cooperation_shift_to_werktag=True`` reads it as a day to act by, which
    § 193 BGB moves off Neujahr to 02.01.2020; see docs/decisions.md), LRV B.4.11 Abs. 4
    (Mobilität: old contracts continued until 31.12.2023 at most — the Gemeinsame Kommission may
    extend it: ``mobility_transition_until``), A.8.1 Abs. 4 (audits up
    to 31.12.2023 evaluated), C.3 (review of all parts from the start of 2023), B.4.15 Abs. 6
    (Pflegefamilien: arrangements by 01.04.2024, evaluation 01.07.2024–30.06.2025, report by
    30.09.2025, uniform from 01.01.2026). Days to act by (arrangements, report) move under
    § 193 BGB; dates on which something takes effect or ends do not.

    >>> [(d.nominal, d.due) for d in fixed_dates() if d.clause == "LRV B.4.15 Abs. 6" and d.to_act][0]
    (datetime.date(2024, 4, 1), datetime.date(2024, 4, 2))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``end`` before ``start``;
            ``mobility_transition_until`` before 31.12.2023 (only an extension is possible);
            ``cooperation_shift_to_werktag`` not a bool.
    """
    mobility = agreement_day(
        mobility_transition_until,
        "mobility_transition_until",
        earliest=date(2023, 12, 31),
        why="LRV B.4.11 Abs. 4: the Kommission may only extend the transition",
    )
    cooperation = act_on if check_bool(cooperation_shift_to_werktag, "cooperation_shift_to_werktag") else fixed_on
    first = None if start is None else agreement_day(start, "start", earliest=EARLIEST_ANY, why="calendar range")
    last = None if end is None else agreement_day(end, "end", earliest=EARLIEST_ANY, why="calendar range")
    if first is not None and last is not None and last < first:
        raise InvalidInputError("end", end, "pass an end on or after start")
    items = [
        fixed_on(
            OLD_RAHMENVERTRAEGE_END,
            "LRV C.1 Satz 3",
            "Rahmenverträge nach § 79 SGB XII treten außer Kraft",
            "the § 79 SGB XII Rahmenverträge end",
        ),
        fixed_on(LRV_IN_FORCE, "LRV C.1 Satz 1", "Landesrahmenvertrag in Kraft", "the LRV takes effect"),
        cooperation(
            RV_IN_FORCE,
            "RV § 5 Abs. 1",
            "Kooperationsvereinbarungen (SGB IX, SGB XII) zwischen Landschaftsverbänden und Kreisen/Städten bis",
            "cooperation agreements (SGB IX, SGB XII) of the Landschaftsverbände and Kreise/Städte by",
        ),
        fixed_on(RV_IN_FORCE, "RV § 19 Abs. 1", "Rahmenvereinbarung in Kraft", "the RV takes effect"),
        fixed_on(
            LRV_IN_FORCE,
            "LRV B.4.11 Abs. 4",
            "Mobilität: neue Träger führen die bisherigen Verträge fort",
            "Mobilität: the new Träger continue the previous contracts",
        ),
        fixed_on(
            date(2023, 1, 1),
            "LRV C.3",
            "Überprüfung aller Bereiche durch die Gemeinsame Kommission beginnt",
            "review of all parts by the Gemeinsame Kommission begins",
        ),
        fixed_on(
            date(2023, 12, 31),
            "LRV A.8.1 Abs. 4",
            "Stichtag: bis dahin erfolgte Prüfverfahren werden evaluiert",
            "cut-off: audits up to this day are evaluated",
        ),
        fixed_on(
            mobility,
            "LRV B.4.11 Abs. 4",
            "Mobilität: Fortführung der bisherigen Verträge längstens bis",
            "Mobilität: previous contracts continued at most until",
        ),
        act_on(
            date(2024, 4, 1),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: Absprachen und Vorkehrungen bis",
            "Pflegefamilien: arrangements agreed by",
        ),
        fixed_on(date(2024, 7, 1), "LRV B.4.15 Abs. 6", "Pflegefamilien: Evaluation beginnt", "evaluation begins"),
        fixed_on(date(2025, 6, 30), "LRV B.4.15 Abs. 6", "Pflegefamilien: Evaluation endet", "evaluation ends"),
        act_on(
            date(2025, 9, 30),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: gemeinsamer Ergebnisbericht bis",
            "Pflegefamilien: joint report by",
        ),
        fixed_on(
            RV_FIRST_TERM_END,
            "RV § 19 Abs. 2 Satz 1",
            "Ende der ersten Laufzeit der Rahmenvereinbarung",
            "end of the RV's first term",
        ),
        fixed_on(
            date(2026, 1, 1),
            "LRV B.4.15 Abs. 6",
            "Pflegefamilien: Ziel landeseinheitliche Leistungserbringung ab",
            "Pflegefamilien: uniform provision aimed for from",
        ),
    ]
    items.sort(key=lambda d: d.due)
    return tuple(d for d in items if (first is None or d.due >= first) and (last is None or d.due <= last))
