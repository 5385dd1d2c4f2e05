"""Contract terms: RV § 19 (term, renewal, notice), LRV C.1 (entry into force), LRV C.4 (notice, Nachwirkung).

Periods are counted under §§ 187–188 BGB with :mod:`eghnrw.core.calendar`. § 193 BGB does **not**
move notice periods or the dates on which a termination takes effect (BGH, Urteil vom
17.02.2005 - III ZR 172/04): the recipient must have the whole notice period. Where a reader
holds the other view, the keyword ``shift_to_werktag=True`` of :func:`rv_termination` shows
its consequence; the default is the BGH reading (see ``docs/decisions.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Annotated, Final, Literal

from eghnrw.core._check import check_bool, check_date, enum_value
from eghnrw.core._dates import agreement_day, non_werktag_reason, period_start_step
from eghnrw.core._rule import rule
from eghnrw.core.calendar import apply_193, latest_event_day, period_end
from eghnrw.core.enums import Agreement, Side
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.kommission.models.party import parties

__all__ = [
    "LrvInForce",
    "LrvTermination",
    "RvPeriod",
    "RvTermination",
    "lrv_in_force",
    "lrv_termination",
    "rv_current_period",
    "rv_end_date",
    "rv_last_day_for_notice",
    "rv_termination",
]

#: RV: signed in Köln on 23.07.2019 by all five partners (signature block of the RV).
RV_SIGNED = date(2019, 7, 23)
#: RV § 19 Abs. 1: in force on 01.01.2020.
RV_IN_FORCE = date(2020, 1, 1)
#: RV § 19 Abs. 2 Satz 1: five years counted from the end of 2020 (the year of entry into force).
RV_FIRST_TERM_END = date(2025, 12, 31)
#: LRV C.1 Satz 1: in force with effect from 01.01.2020.
LRV_IN_FORCE = date(2020, 1, 1)
#: LRV C.1 Satz 2: these parts take effect on signature.
LRV_EARLY_PARTS = ("A.9", "C", "Anlage U")
#: LRV C.1 Satz 3: the Rahmenverträge under § 79 SGB XII end on 31.12.2019.
OLD_RAHMENVERTRAEGE_END = date(2019, 12, 31)
#: The LRV is the edition of 2019: it cannot have been signed, nor given notice of, earlier.
_LRV_EARLIEST_SIGNATURE = date(2019, 1, 1)

#: The side of every LRV party by its name, full and short (casefolded), from the parties data in
#: :mod:`eghnrw.kommission.models.party` (the rubrum of the LRV) — plus the "NRW" forms users write. Only a
#: party of the LRV can give notice (C.4 Abs. 1: "jede Vertragspartei").
_LRV_PARTY_SIDES: dict[str, Side] = {
    spelling.casefold(): party.side
    for party in parties(Agreement.LRV)
    for name in (party.name, party.short_name)
    if name
    for spelling in (name, name.replace("Nordrhein-Westfalen", "NRW"))
}
_PART = re.compile(r"^(?:[ABC](?:\.\d+)*|Anlage [A-Z]{1,2})$")
_BGH_193 = (
    "§ 193 BGB verschiebt Kündigungsfristen und Kündigungstermine nicht (BGH III ZR 172/04)",
    "§ 193 BGB does not move notice periods or termination dates (BGH III ZR 172/04)",
)


# --- RV § 19 -----------------------------------------------------------------------------------


class RvPeriod(Result):
    """A Gültigkeitsperiode of the RV and the last day a notice can arrive to end it (RV § 19 Abs. 2)."""

    title = ("Gültigkeitsperiode der Rahmenvereinbarung", "Term of the RV")

    start: Annotated[date, Label("Beginn", "start")]
    end: Annotated[date, Label("Ende", "end")]
    last_day_for_notice: Annotated[date, Label("Kündigung spätestens zugegangen am", "notice must arrive by")]
    first_term: Annotated[bool, Label("erste Laufzeit", "first term")]


class RvTermination(Result):
    """When a notice of termination ends the RV (RV § 19 Abs. 2)."""

    title = ("Kündigung der Rahmenvereinbarung", "Termination of the RV")

    notice_received: Annotated[date, Label("Kündigung zugegangen am", "notice received on")]
    current_period_start: Annotated[date, Label("laufende Periode ab", "current period from")]
    current_period_end: Annotated[date, Label("laufende Periode bis", "current period until")]
    last_day_for_notice: Annotated[
        date, Label("Kündigung für diese Periode spätestens am", "last day for notice to end it")
    ]
    timely: Annotated[bool, Label("rechtzeitig für die laufende Periode", "in time for the current period")]
    end_date: Annotated[date, Label("Vereinbarung endet am", "agreement ends on")]


def _rv_period_of(day: date) -> tuple[date, date]:
    """The Gültigkeitsperiode that contains ``day`` (before 01.01.2020: the first, not yet begun)."""
    if day <= RV_FIRST_TERM_END:
        return RV_IN_FORCE, RV_FIRST_TERM_END
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _rv_notice_day(period_end: date, *, shift: bool) -> tuple[date, list[Step]]:
    nominal = latest_event_day(period_end, months=3)
    steps = [
        Step(
            "§ 188 Abs. 2 BGB",
            "drei Monate zum Ende der Periode: Kündigung muss spätestens zugehen am",
            "three months to the end of the period: notice must arrive by",
            nominal,
        )
    ]
    if not shift:
        steps.append(Step("§ 193 BGB", *_BGH_193, nominal))
        return nominal, steps
    moved = apply_193(nominal)
    reason = non_werktag_reason(nominal)
    steps.append(
        Step(
            "§ 193 BGB",
            f"abweichende Lesart (shift_to_werktag=True): {reason or 'Werktag'} → nächster Werktag",
            f"other reading (shift_to_werktag=True): {reason or 'a Werktag'} → next Werktag",
            moved,
        )
    )
    return moved, steps


@rule(
    ids=("D1",),
    clauses=("RV § 19 Abs. 1", "RV § 19 Abs. 2"),
    command="rv-period",
    example={"on": date(2027, 5, 1)},
    arguments={
        "on": "the day asked about",
        "shift_to_werktag": "the other reading: move a 30.09 off weekends and holidays",
    },
)
def rv_current_period(*, on: date, shift_to_werktag: bool = False) -> RvPeriod:
    """The Gültigkeitsperiode of the RV on ``on`` and the last day a notice can arrive to end it.

    RV § 19 Abs. 1 (in force 01.01.2020), Abs. 2 Satz 1 (first term five years from the end of
    2020, i.e. to 31.12.2025), Abs. 2 Satz 2 (then one calendar year at a time; notice three
    months to the end of the period: by 30.09, § 188 Abs. 2 BGB counted back, not moved by
    § 193 BGB).

    >>> p = rv_current_period(on=date(2027, 5, 1))
    >>> p.start, p.end, p.last_day_for_notice
    (datetime.date(2027, 1, 1), datetime.date(2027, 12, 31), datetime.date(2027, 9, 30))

    Raises:
        InvalidInputError: ``on`` not a date, or before 01.01.2020 (the RV was not yet in force).
    """
    day = agreement_day(on, "on", earliest=RV_IN_FORCE, why="RV § 19 Abs. 1: in force on 01.01.2020")
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    start, end = _rv_period_of(day)
    notice_day, notice_steps = _rv_notice_day(end, shift=shift)
    first = end == RV_FIRST_TERM_END
    steps = [
        Step("RV § 19 Abs. 1", "in Kraft seit", "in force since", RV_IN_FORCE),
        Step(
            "RV § 19 Abs. 2 Satz 1" if first else "RV § 19 Abs. 2 Satz 2",
            "erste Laufzeit: fünf Jahre ab Ende 2020" if first else "Verlängerung um ein weiteres Jahr",
            "first term: five years from the end of 2020" if first else "renewed by one more year",
            end,
        ),
        *notice_steps,
    ]
    return RvPeriod.build(
        start=start,
        end=end,
        last_day_for_notice=notice_day,
        first_term=first,
        inputs={"on": day, "shift_to_werktag": shift},
        steps=tuple(steps),
    )


def rv_last_day_for_notice(*, period_end: date, shift_to_werktag: bool = False) -> date:
    """The last day a notice can arrive to end the RV on ``period_end`` (RV § 19 Abs. 2 Satz 2).

    ``period_end`` must be an end of a Gültigkeitsperiode: 31.12.2025 or a 31.12 after it.
    Three months counted back (§ 188 Abs. 2 BGB): the 30.09 of that year, even on a weekend.

    >>> rv_last_day_for_notice(period_end=date(2028, 12, 31))  # a Saturday, not moved
    datetime.date(2028, 9, 30)
    >>> rv_last_day_for_notice(period_end=date(2028, 12, 31), shift_to_werktag=True)
    datetime.date(2028, 10, 2)

    Raises:
        InvalidInputError: ``period_end`` not a 31.12 on or after 31.12.2025.
    """
    end = agreement_day(period_end, "period_end", earliest=RV_FIRST_TERM_END, why="RV § 19 Abs. 2: first term end")
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    if (end.month, end.day) != (12, 31):
        raise InvalidInputError("period_end", period_end, "pass the 31.12 that ends a Gültigkeitsperiode (RV § 19)")
    return _rv_notice_day(end, shift=shift)[0]


@rule(
    ids=("D1",),
    clauses=("RV § 19 Abs. 2", "RV § 19 Abs. 1", "§ 188 Abs. 2 BGB"),
    example={"notice_received": date(2026, 9, 30)},
    arguments={
        "notice_received": "the day the written notice was received",
        "shift_to_werktag": "the other reading: move a 30.09 off weekends and holidays",
    },
)
def rv_termination(*, notice_received: date, shift_to_werktag: bool = False) -> RvTermination:
    """When a written notice that arrives on ``notice_received`` ends the RV (RV § 19 Abs. 2).

    The notice ends the current Gültigkeitsperiode if it arrives by 30.09 of the period's last
    year (three months to its end, § 188 Abs. 2 BGB counted back; § 193 BGB does not move it,
    BGH III ZR 172/04); a later notice ends the following period. ``shift_to_werktag=True``
    applies the other reading (a 30.09 on a Saturday, Sunday or holiday moves to the next
    Werktag).

    >>> t = rv_termination(notice_received=date(2026, 10, 1))
    >>> t.timely, t.last_day_for_notice, t.end_date
    (False, datetime.date(2026, 9, 30), datetime.date(2027, 12, 31))

    Raises:
        InvalidInputError: ``notice_received`` not a date, or before the RV was signed (23.07.2019).
    """
    received = agreement_day(
        notice_received, "notice_received", earliest=RV_SIGNED, why="the RV was signed on 23.07.2019"
    )
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    start, end = _rv_period_of(received)
    notice_day, notice_steps = _rv_notice_day(end, shift=shift)
    timely = received <= notice_day
    end_date = end if timely else date(end.year + 1, 12, 31)
    steps = (
        Step("RV § 19 Abs. 2 Satz 2", "schriftliche Kündigung zugegangen am", "written notice received on", received),
        Step("RV § 19 Abs. 1", "in Kraft seit", "in force since", RV_IN_FORCE),
        Step(
            "RV § 19 Abs. 2 Satz 1",
            "erste Laufzeit: fünf Jahre ab Ende 2020, bis",
            "first term: five years from the end of 2020, until",
            RV_FIRST_TERM_END,
        ),
        Step("RV § 19 Abs. 2 Satz 2", "laufende Gültigkeitsperiode: Beginn", "current period: start", start),
        Step("RV § 19 Abs. 2 Satz 2", "laufende Gültigkeitsperiode: Ende", "current period: end", end),
        *notice_steps,
        Step(
            "RV § 19 Abs. 2 Satz 2",
            "rechtzeitig: beendet die laufende Periode" if timely else "verspätet: beendet erst die folgende Periode",
            "in time: ends the current period" if timely else "late: ends only the following period",
            timely,
        ),
        Step("RV § 19 Abs. 2 Satz 2", "Rahmenvereinbarung endet am", "the RV ends on", end_date),
        Step(
            "RV § 19 Abs. 2 Satz 3",
            "eine neue Rahmenvereinbarung ist zeitnah zu verhandeln",
            "a new RV is to be negotiated promptly",
        ),
    )
    return RvTermination.build(
        notice_received=received,
        current_period_start=start,
        current_period_end=end,
        last_day_for_notice=notice_day,
        timely=timely,
        end_date=end_date,
        inputs={"notice_received": received, "shift_to_werktag": shift},
        steps=steps,
    )


def rv_end_date(*, notice_received: date, shift_to_werktag: bool = False) -> date:
    """The day the RV ends after a notice received on ``notice_received`` (RV § 19 Abs. 2).

    The plain-date form of :func:`rv_termination` (which carries the trace).

    >>> rv_end_date(notice_received=date(2026, 9, 30))
    datetime.date(2026, 12, 31)
    >>> rv_end_date(notice_received=date(2025, 10, 1))  # too late for the first term
    datetime.date(2026, 12, 31)

    Raises:
        InvalidInputError: ``notice_received`` not a date, or before 23.07.2019.
    """
    return rv_termination(notice_received=notice_received, shift_to_werktag=shift_to_werktag).end_date


# --- LRV C.1 -----------------------------------------------------------------------------------


class LrvInForce(Result):
    """Which parts of the LRV were in force on a date (LRV C.1)."""

    title = ("Inkrafttreten des Landesrahmenvertrags", "LRV in force")

    on: Annotated[date, Label("Stichtag", "on")]
    signed_on: Annotated[date, Label("unterzeichnet am", "signed on")]
    parts_in_force: Annotated[tuple[str, ...], Label("in Kraft", "in force")]
    whole_in_force: Annotated[bool, Label("ganz in Kraft", "wholly in force")]
    old_rahmenvertraege_in_force: Annotated[
        bool, Label("Rahmenverträge nach § 79 SGB XII in Kraft", "§ 79 SGB XII contracts in force")
    ]

    @property
    def in_force(self) -> bool:
        """Whether any part of the LRV was in force."""
        return bool(self.parts_in_force)


@rule(ids=("D2",), clauses=("LRV C.1",))
def lrv_in_force(*, on: date, signed_on: date) -> LrvInForce:
    """Which parts of the LRV were in force on ``on`` (LRV C.1).

    C.1 Satz 1: the LRV is in force with effect from 01.01.2020; Satz 2: A.9 (Gemeinsame
    Kommission), C (Schlussbestimmungen) and Anlage U (Umstellungsregelungen) from signature;
    Satz 3: the Rahmenverträge under § 79 SGB XII end on 31.12.2019. The sources do not state
    the LRV's signature date, so ``signed_on`` is an input (a day in 2019 up to 01.01.2020).

    >>> lrv_in_force(on=date(2019, 10, 1), signed_on=date(2019, 7, 23)).parts_in_force
    ('A.9', 'C', 'Anlage U')
    >>> lrv_in_force(on=date(2020, 1, 1), signed_on=date(2019, 7, 23)).whole_in_force
    True

    Raises:
        InvalidInputError: a date not a ``datetime.date``, ``signed_on`` outside 01.01.2019–01.01.2020.
    """
    signed = agreement_day(signed_on, "signed_on", earliest=_LRV_EARLIEST_SIGNATURE, why="the LRV of 2019")
    if signed > LRV_IN_FORCE:
        raise InvalidInputError("signed_on", signed_on, "pass a signature date up to 01.01.2020 (the LRV of 2019)")
    day = agreement_day(on, "on", earliest=date(1991, 1, 1), why="the calendar's range")
    early = day >= signed
    main = day >= LRV_IN_FORCE
    parts: tuple[str, ...] = ()
    if main:
        parts = ("A", "B", "C", "Anlagen")
    elif early:
        parts = LRV_EARLY_PARTS
    old = day <= OLD_RAHMENVERTRAEGE_END
    steps = (
        Step(
            "LRV C.1 Satz 2", "unterzeichnet am; A.9, C und Anlage U in Kraft ab", "signed on; A.9, C, U from", signed
        ),
        Step("LRV C.1 Satz 2", "A.9, C und Anlage U in Kraft", "A.9, C and Anlage U in force", early),
        Step("LRV C.1 Satz 1", "in Kraft mit Wirkung zum", "in force with effect from", LRV_IN_FORCE),
        Step("LRV C.1 Satz 1", "übrige Teile in Kraft", "other parts in force", main),
        Step(
            "LRV C.1 Satz 3",
            "Rahmenverträge nach § 79 SGB XII außer Kraft zum",
            "§ 79 contracts end",
            OLD_RAHMENVERTRAEGE_END,
        ),
        Step("LRV C.1 Satz 3", "Rahmenverträge nach § 79 SGB XII noch in Kraft", "§ 79 contracts still in force", old),
    )
    return LrvInForce.build(
        on=day,
        signed_on=signed,
        parts_in_force=parts,
        whole_in_force=main,
        old_rahmenvertraege_in_force=old,
        inputs={"on": day, "signed_on": signed},
        steps=steps,
    )


# --- LRV C.4 -----------------------------------------------------------------------------------


class LrvTermination(Result):
    """When a notice of termination of the LRV takes effect and how long its Nachwirkung lasts (LRV C.4)."""

    title = ("Kündigung des Landesrahmenvertrags", "Termination of the LRV")

    notice_received: Annotated[date, Label("Kündigung zugegangen am", "notice received on")]
    effective_date: Annotated[date, Label("Kündigungstermin", "termination takes effect on")]
    aftereffect_max_until: Annotated[date, Label("Nachwirkung längstens bis", "Nachwirkung at most until")]
    aftereffect_until: Annotated[date, Label("Nachwirkung bis", "Nachwirkung until")]
    terms_apply_until: Annotated[date, Label("Bestimmungen gelten bis", "provisions apply until")]
    replaced_on: Annotated[date | None, Label("ersetzt ab", "replaced from", after="aftereffect_max_until")] = None
    parts: tuple[str, ...] = ()
    party: str | None = None
    side: Side | None = None

    @property
    def whole(self) -> bool:
        """Whether the whole LRV was terminated (no parts named)."""
        return not self.parts

    @property
    def has_aftereffect(self) -> bool:
        """Whether the terminated provisions apply beyond the termination date."""
        return self.aftereffect_until > self.effective_date


def _parts(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInputError("parts", value, "pass a tuple of LRV clauses such as ('B.4.9', 'Anlage U'), or ()")
    parts: list[str] = []
    for item in value:
        text = re.sub(r"\.\s+", ".", item.strip()) if isinstance(item, str) else None
        if text is None or not _PART.match(text):
            raise InvalidInputError("parts", item, "name each part as an LRV clause: 'A.9', 'B.4.15', 'C', 'Anlage U'")
        if text not in parts:
            parts.append(text)
    return tuple(parts)


def _party_and_side(party: object, side: object) -> tuple[str | None, Side | None]:
    """The party that gave notice and its side: a party of the LRV, or any name with its ``side`` given.

    A name of the LRV's rubrum (full or short) gives its side; a ``side`` that contradicts it is
    refused. Another name (a spelling eghnrw does not know, a member of a party) is accepted only
    with ``side`` given, so that the result never names a party without its side.
    """
    if party is not None and (not isinstance(party, str) or not party.strip()):
        raise InvalidInputError("party", party, "pass the name of the party that gave notice, or None")
    name = party.strip() if isinstance(party, str) else None
    given = None if side is None else enum_value(Side, side, "side")
    if name is None:
        return None, given
    known = _LRV_PARTY_SIDES.get(name.casefold())
    if known is None and given is None:
        raise InvalidInputError(
            "party",
            party,
            "name a party of the LRV (e.g. 'LVR', 'Städtetag NRW', 'bpa'; see eghnrw.parties('LRV')), "
            "or pass side=... as well for another name (LRV C.4 Abs. 1: any party may give notice)",
        )
    if known is not None and given is not None and given is not known:
        raise InvalidInputError("side", side, f"{name} is on the side {known.value} (LRV rubrum)")
    return name, known or given


#: What the keywords of a notice of termination of the LRV mean (its declaration's ``arguments``;
#: :func:`eghnrw.doors.timelines.termination_timeline` takes them too).
LRV_NOTICE_ARGUMENTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "replaced_on": "the day new provisions take effect (ends the Nachwirkung)",
        "parts": "the parts terminated, e.g. B.4.9 (default: the whole LRV)",
        "party": "the party giving notice",
        "side": "the party's side",
    }
)


@rule(
    ids=("D3",),
    clauses=("LRV C.4 Abs. 1", "LRV C.4 Abs. 4", "§ 187 Abs. 1 BGB", "§ 188 Abs. 2 BGB"),
    example={"notice_received": date(2024, 3, 15)},
    arguments={
        "notice_received": "the day the Geschäftsstelle received the notice",
        **LRV_NOTICE_ARGUMENTS,
        "signed_on": "the day the LRV was signed",
        "aftereffect_counting": "count the Nachwirkung from the event (default) or the start of the next day",
    },
)
def lrv_termination(
    *,
    notice_received: date,
    replaced_on: date | None = None,
    parts: Iterable[str] = (),
    party: str | None = None,
    side: Side | str | None = None,
    signed_on: date | None = None,
    aftereffect_counting: Literal["event", "start_of_day"] = "event",
) -> LrvTermination:
    """Kündigung des Landesrahmenvertrags: when a notice ends the LRV, and its Nachwirkung (LRV C.4).

    C.4 Abs. 1: any party may give notice, of the whole LRV or of parts (``parts``, e.g.
    ``("B.4.9",)``), with twelve months' notice, counted from receipt by the Geschäftsstelle
    (C.4 Abs. 3; ``notice_received``) under § 187 Abs. 1 and § 188 Abs. 2–3 BGB; the LRV stays in force for the other
    parties. C.4 Abs. 4: the terminated provisions continue beyond the termination date, at
    most twelve months, unless replaced: with ``replaced_on`` (the day new provisions take
    effect) they end the day before. Neither date moves under § 193 BGB.

    The Nachwirkung is a period that follows the notice period: under § 190 BGB it is counted
    from the end of the notice period, so the termination date takes the place of the event day
    (§ 187 Abs. 1) and the twelve months end on the day with the same number a year later
    (§ 188 Abs. 2–3). Its first day is the day after the termination date, its last day
    ``aftereffect_until``. ``aftereffect_counting="event"`` (default) is this reading;
    ``"start_of_day"`` counts twelve months from the start of the day after the termination date
    (§ 187 Abs. 2 BGB) — they differ only when the termination date is a 28.02 before a leap year
    (28.02.2027: 28.02.2028 vs 29.02.2028).

    ``party`` names the party that gave notice: a party of the LRV (its side follows from the
    rubrum), or another name with its ``side`` given.

    >>> t = lrv_termination(notice_received=date(2024, 3, 15))
    >>> t.effective_date, t.aftereffect_until
    (datetime.date(2025, 3, 15), datetime.date(2026, 3, 15))
    >>> lrv_termination(notice_received=date(2024, 3, 15), replaced_on=date(2025, 10, 1)).aftereffect_until
    datetime.date(2025, 9, 30)

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``notice_received`` before 2019 (or
            before ``signed_on``); ``replaced_on`` not after ``notice_received``; a part that is
            not an LRV clause; an unknown ``side`` or ``aftereffect_counting``; a ``party`` that is
            not a party of the LRV and comes without ``side``, or a ``side`` that contradicts it.
    """
    earliest, why = _LRV_EARLIEST_SIGNATURE, "the LRV is the edition of 2019"
    if signed_on is not None:
        earliest = agreement_day(signed_on, "signed_on", earliest=_LRV_EARLIEST_SIGNATURE, why=why)
        why = "notice cannot precede the signature (LRV C.1 Satz 2: C applies from signature)"
    received = agreement_day(notice_received, "notice_received", earliest=earliest, why=why)
    replaced = None
    if replaced_on is not None:
        replaced = check_date(replaced_on, "replaced_on")
        if replaced <= received:
            raise InvalidInputError("replaced_on", replaced_on, "pass a replacement date after notice_received")
        replaced = agreement_day(replaced, "replaced_on", earliest=received, why="after the notice")
    named = _parts(parts)
    name, party_side = _party_and_side(party, side)
    if aftereffect_counting not in ("event", "start_of_day"):
        raise InvalidInputError("aftereffect_counting", aftereffect_counting, "pass 'event' or 'start_of_day'")

    termination = period_end(received, months=12)
    effective, clamped = termination.day, termination.month_lacks_day
    after_start = effective + timedelta(days=1)
    if aftereffect_counting == "event":
        max_until, end_clause = period_end(effective, months=12)
        counting = (
            f"§ 190, {end_clause}",
            "gerechnet vom Ablauf des Kündigungstermins an (Folgefrist)",
            "counted from the end of the termination date (a following period)",
        )
    else:
        max_until, end_clause = period_end(after_start, months=12, from_start_of_day=True)
        counting = (
            f"§ 187 Abs. 2, {end_clause}",
            "ab Beginn des Folgetags",
            "from the start of the next day",
        )
    until = max_until
    apply_until = max_until
    if replaced is not None:
        apply_until = min(max_until, replaced - timedelta(days=1))
        until = max(effective, apply_until)

    scope_de = "ganz" if not named else "teilweise: " + ", ".join(named)
    scope_en = "wholly" if not named else "in part: " + ", ".join(named)
    steps = [
        Step("LRV C.4 Abs. 3", "Kündigung bei der Geschäftsstelle zugegangen am", "notice received on", received),
        Step("LRV C.4 Abs. 1 Satz 1", f"gekündigt {scope_de}, Frist 12 Monate", f"terminated {scope_en}, 12 months"),
        period_start_step(received, "Frist beginnt am Tag nach dem Zugang", "the period starts the day after receipt"),
        Step(
            termination.clause,
            "Kündigungstermin (Monatsletzter, der Tag fehlt)" if clamped else "Kündigungstermin",
            "termination date (month's last day, the day is missing)" if clamped else "termination date",
            effective,
        ),
        Step("§ 193 BGB", *_BGH_193, effective),
        Step(
            "LRV C.4 Abs. 1 Satz 2",
            "der Rahmenvertrag besteht für die übrigen Vertragsparteien fort",
            "the LRV remains in force for the other parties",
            name,
        ),
        Step(
            "LRV C.4 Abs. 4 Satz 2",
            "erster Tag der Nachwirkung (Tag nach dem Kündigungstermin)",
            "first day of the Nachwirkung (the day after the termination date)",
            after_start,
        ),
        Step(
            counting[0],
            f"Nachwirkung längstens 12 Monate {counting[1]}, bis",
            f"at most 12 months {counting[2]}, until",
            max_until,
        ),
    ]
    if replaced is not None:
        steps += [
            Step(
                "LRV C.4 Abs. 4 Satz 2",
                "ersetzt durch neue Bestimmungen ab",
                "replaced by new provisions from",
                replaced,
            ),
            Step(
                "LRV C.4 Abs. 4 Satz 2",
                "gekündigte Bestimmungen gelten bis zum Vortag",
                "apply until the day before",
                apply_until,
            ),
        ]
    steps += [
        Step("LRV C.4 Abs. 4 Satz 2", "letzter Tag der Nachwirkung", "last day of the Nachwirkung", until),
        Step(
            "LRV C.4 Abs. 4 Satz 1",
            "Verhandlungen über eine Neuregelung unverzüglich aufnehmen",
            "negotiations on new provisions to start without delay",
        ),
    ]
    return LrvTermination.build(
        notice_received=received,
        effective_date=effective,
        aftereffect_max_until=max_until,
        aftereffect_until=until,
        terms_apply_until=apply_until,
        replaced_on=replaced,
        parts=named,
        party=name,
        side=party_side,
        inputs={
            "notice_received": received,
            "replaced_on": replaced,
            "parts": named,
            "party": name,
            "side": party_side,
            "signed_on": signed_on,
            "aftereffect_counting": aftereffect_counting,
        },
        steps=tuple(steps),
    )
