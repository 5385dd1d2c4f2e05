"""Timelines: every date a scenario produces, in order, with its clause.

:func:`timeline` merges the dates of any results of :mod:`eghnrw.fristen.terms` and :mod:`eghnrw.fristen.deadlines`
(and :class:`~eghnrw.fristen.deadlines.DueDate` items); :func:`termination_timeline` and
:func:`audit_timeline` build the common scenarios in one call. A :class:`Timeline` renders as
text (``explain()``), and in Jupyter as a Markdown or HTML table (all text escaped).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, Literal, NamedTuple

from pydantic import field_serializer

from eghnrw.core._rule import rule
from eghnrw.core.calendar import add_period
from eghnrw.core.enums import Side
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Lang, Result, Step, _html_table, _md, _md_table, check_lang, format_value
from eghnrw.doors.ics import CalendarEvent, calendar_text, check_case, check_remind, check_stamp
from eghnrw.fristen.deadlines import (
    Audit,
    AuditTimetable,
    AuditWindowCheck,
    Deadline,
    DueDate,
    ReauditCheck,
    SchiedsstelleWindow,
    UnverzueglichDuties,
    audit_timetable,
    reduction_schiedsstelle_window,
)
from eghnrw.fristen.terms import (
    LRV_IN_FORCE,
    LRV_NOTICE_ARGUMENTS,
    OLD_RAHMENVERTRAEGE_END,
    LrvInForce,
    LrvTermination,
    RvPeriod,
    RvTermination,
    lrv_termination,
    rv_termination,
)

__all__ = ["Timeline", "TimelineEntry", "audit_timeline", "termination_timeline", "timeline", "to_ics"]


class TimelineEntry(NamedTuple):
    """One date of a timeline: the day, the clause, what happens (German, English), a note on § 193 BGB."""

    day: date
    clause: str
    de: str
    en: str
    note_de: str = ""
    note_en: str = ""


_NOT_MOVED = ("nicht verschoben: § 193 BGB gilt nicht", "not moved: § 193 BGB does not apply")


def _moved(nominal: date) -> tuple[str, str]:
    return (f"nach § 193 BGB verschoben vom {nominal:%d.%m.%Y}", f"moved under § 193 BGB from {nominal.isoformat()}")


def _act_note(nominal: date, due: date) -> tuple[str, str]:
    return _moved(nominal) if due != nominal else ("Frist zum Handeln", "deadline to act")


class Timeline(Result):
    """All dates of a scenario in order, each with its clause; the steps of every result it merged."""

    title = ("Zeitleiste", "Timeline")

    scenario: tuple[str, str] = ("Zeitleiste", "Timeline")  # _DEFAULT_SCENARIO
    entries: tuple[TimelineEntry, ...] = ()

    @field_serializer("entries")
    def _entries_as_objects(self, entries: tuple[TimelineEntry, ...]) -> list[dict[str, Any]]:
        return [item._asdict() for item in entries]

    @property
    def days(self) -> tuple[date, ...]:
        """The days of the entries, in order."""
        return tuple(entry.day for entry in self.entries)

    def to_pandas(self) -> Any:
        """One row per date: ``day``, ``clause``, ``de``, ``en``, ``note_de``, ``note_en``.

        Raises:
            OptionalDependencyError: pandas is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame_of  # noqa: PLC0415 - pandas only for who asks

        return frame_of(self.entries, TimelineEntry)

    def plot(self, *, ax: Any = None, lang: str = "de") -> Any:
        """The dates as a row of marks, each labelled.

        Returns the matplotlib Axes (``ax``: draw into it); titles and labels in German or English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
            OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
        """
        from eghnrw.doors.plots import timeline_chart  # noqa: PLC0415 - matplotlib only for who asks

        return timeline_chart(self, ax=ax, lang=lang)

    def explain(self, lang: Lang = "de") -> str:
        """The timeline as text: one line per date, then the editions applied.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        de = check_lang(lang) == "de"
        lines = [self.scenario[0 if de else 1]]
        for entry in self.entries:
            note = entry.note_de if de else entry.note_en
            text = entry.de if de else entry.en
            lines.append(f"  {format_value(entry.day, lang)}  {text}{f' ({note})' if note else ''} [{entry.clause}]")
        return "\n".join([*lines, *self._footer(lang)])

    def to_ics(
        self,
        lang: Lang = "de",
        *,
        stamp: datetime | None = None,
        case: str | None = None,
        remind: timedelta | None = None,
    ) -> str:
        r"""The timeline as an iCalendar file (RFC 5545): one all-day event per date.

        Each event's title names the agreement and what happens on that day ("LRV: Kündigung
        zugegangen"; German, or English with ``lang="en"``), so it stands alone in a calendar; its
        description gives the clause, the note (§ 193 BGB), the case and the scenario. The
        calendar's name says whose dates these are ("Kündigung des Landesrahmenvertrags (LRV C.4)",
        or "Fristen und Termine (LRV und RV NRW)"). UIDs follow from the day, clause and German
        text (and ``case``), so exporting the same dates again updates a calendar instead of
        doubling it. ``case`` (e.g. the service and year) leads each title and the calendar's name
        and enters each UID, so the dates of two cases stay apart in one calendar. ``remind`` (a
        ``timedelta``, e.g. 14 days) adds a reminder that long before each day. ``stamp`` is the
        DTSTAMP (an aware datetime); without it the release of eghnrw's calendar rules, as eghnrw
        reads no clock. Write the text as it is:
        ``Path("fristen.ics").write_text(t.to_ics(), encoding="utf-8", newline="")``.

        >>> t = timeline(DueDate(date(2025, 6, 30), date(2025, 6, 30), "LRV C.3", "Überprüfung", "review", False))
        >>> print(t.to_ics(lang="en", remind=timedelta(days=14)).replace("\r\n", "\n"))  # doctest: +ELLIPSIS
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//eghnrw//Fristen LRV und RV NRW//DE
        CALSCALE:GREGORIAN
        NAME:Due dates (LRV NRW)
        X-WR-CALNAME:Due dates (LRV NRW)
        BEGIN:VEVENT
        UID:...@eghnrw
        DTSTAMP:20261201T000000Z
        DTSTART;VALUE=DATE:20250630
        DTEND;VALUE=DATE:20250701
        SUMMARY:LRV: review
        DESCRIPTION:Clause: LRV C.3
        TRANSP:TRANSPARENT
        BEGIN:VALARM
        ACTION:DISPLAY
        DESCRIPTION:LRV: review
        TRIGGER:-P14D
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        <BLANKLINE>

        Raises:
            InvalidInputError: ``lang`` not "de" or "en"; ``stamp`` not an aware datetime (in the
                years 1 to 9999 in UTC); ``case`` not a string without control characters;
                ``remind`` not a timedelta of zero or more.
        """
        de = check_lang(lang) == "de"
        when = check_stamp(stamp)
        case = check_case(case)
        before = check_remind(remind)
        name = self._calendar_name(lang)
        scenario = self.scenario[0 if de else 1] if self.scenario != _DEFAULT_SCENARIO else ""
        events = []
        for entry in self.entries:
            note = entry.note_de if de else entry.note_en
            description = [f"{'Fundstelle' if de else 'Clause'}: {entry.clause}"]
            if note:
                description.append(f"{'Hinweis' if de else 'Note'}: {note}")
            if case:
                description.append(f"{'Fall' if de else 'Case'}: {case}")
            if scenario:
                description.append(f"{'Vorgang' if de else 'Scenario'}: {scenario}")
            title = _titled(entry.de if de else entry.en, entry.clause)
            events.append(
                CalendarEvent(
                    day=entry.day,
                    summary=f"{case} – {title}" if case else title,
                    description="\n".join(description),
                    identity="|".join((entry.day.isoformat(), entry.clause, entry.de, case or "")),
                )
            )
        return calendar_text(events, name=f"{case} – {name}" if case else name, stamp=when, remind=before)

    def _calendar_name(self, lang: Lang) -> str:
        """What the calendar holds: the scenario's heading, or the due dates of the agreements cited."""
        if self.scenario != _DEFAULT_SCENARIO and _names_an_agreement(self.scenario[0]):
            return self.scenario[0 if lang == "de" else 1]
        cited = sorted({source for entry in self.entries if (source := _source(entry.clause)) in _AGREEMENTS})
        agreements = (" und " if lang == "de" else " and ").join(cited or _AGREEMENTS)
        heading = (
            self.scenario[0 if lang == "de" else 1]
            if self.scenario != _DEFAULT_SCENARIO
            else ("Fristen und Termine" if lang == "de" else "Due dates")
        )
        return f"{heading} ({agreements} NRW)"

    def to_markdown(self, lang: Lang = "de") -> str:
        """The timeline as a Markdown table: date, event, note, clause (text escaped).

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        de = check_lang(lang) == "de"
        table = _md_table(_HEAD_DE if de else _HEAD_EN, _rows(self.entries, lang))
        return "\n".join([f"**{_md(self.scenario[0 if de else 1])}**", "", *table])

    def to_html(self, lang: Lang = "de") -> str:
        """The timeline as an HTML table: date, event, note, clause (text escaped).

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        de = check_lang(lang) == "de"
        esc = html.escape
        table = _html_table(_HEAD_DE if de else _HEAD_EN, _rows(self.entries, lang))
        return (
            f"<div class='eghnrw-timeline'><strong>{esc(self.scenario[0 if de else 1])}</strong>{table}"
            f"<small>eghnrw {esc(self.eghnrw_version)}</small></div>"
        )


def _rows(entries: tuple[TimelineEntry, ...], lang: Lang) -> Iterator[tuple[str, ...]]:
    """Each entry as a table row: its day, the event, the note and the clause."""
    de = lang == "de"
    for e in entries:
        yield format_value(e.day, lang), e.de if de else e.en, e.note_de if de else e.note_en, e.clause


_DEFAULT_SCENARIO = ("Zeitleiste", "Timeline")
_AGREEMENTS = ("LRV", "RV")
#: A statute cited at the end of a clause (``§ 126 Abs. 2 Satz 1 SGB IX``, ``§ 193 BGB``).
_STATUTE = re.compile(r"(SGB [IVX]+|BGB)$")


def _source(clause: str) -> str:
    """The agreement or statute a clause cites: ``LRV``, ``RV``, ``SGB IX``, ``BGB``; else ``""``."""
    first = clause.partition(" ")[0]
    if first in _AGREEMENTS:
        return first
    found = _STATUTE.search(clause)
    return found[1] if found else ""


def _titled(text: str, clause: str) -> str:
    """A calendar title that stands alone: the agreement (or statute) first, ``LRV: Kündigung zugegangen``."""
    source = _source(clause)
    return f"{source}: {text}" if source else text


def _names_an_agreement(heading: str) -> bool:
    return any(word in heading for word in ("LRV", "RV", "Landesrahmenvertrag", "Rahmenvereinbarung", "SGB"))


_HEAD_DE = ("Datum", "Ereignis", "Hinweis", "Fundstelle")
_HEAD_EN = ("Date", "Event", "Note", "Clause")


# --- entries of each result --------------------------------------------------------------------


def _rv_termination(r: RvTermination) -> list[TimelineEntry]:
    return [
        TimelineEntry(r.notice_received, "RV § 19 Abs. 2 Satz 2", "Kündigung zugegangen", "notice received"),
        TimelineEntry(
            r.last_day_for_notice,
            "RV § 19 Abs. 2 Satz 2",
            "letzter Tag für eine Kündigung zum Ende der laufenden Periode",
            "last day for notice to end the current period",
            *_NOT_MOVED,
        ),
        TimelineEntry(r.end_date, "RV § 19 Abs. 2 Satz 2", "Rahmenvereinbarung endet", "the RV ends", *_NOT_MOVED),
    ]


def _rv_period(r: RvPeriod) -> list[TimelineEntry]:
    return [
        TimelineEntry(r.start, "RV § 19 Abs. 2", "Gültigkeitsperiode beginnt", "term begins"),
        TimelineEntry(
            r.last_day_for_notice,
            "RV § 19 Abs. 2 Satz 2",
            "letzter Tag für eine Kündigung",
            "last day for notice",
            *_NOT_MOVED,
        ),
        TimelineEntry(r.end, "RV § 19 Abs. 2", "Gültigkeitsperiode endet", "term ends"),
    ]


def _lrv_termination(r: LrvTermination) -> list[TimelineEntry]:
    scope = "" if r.whole else f" ({', '.join(r.parts)})"
    entries = [
        TimelineEntry(r.notice_received, "LRV C.4 Abs. 3", f"Kündigung zugegangen{scope}", f"notice received{scope}"),
        TimelineEntry(
            r.effective_date,
            "LRV C.4 Abs. 1 Satz 1",
            "Kündigungstermin: Kündigung wird wirksam",
            "termination takes effect",
            *_NOT_MOVED,
        ),
    ]
    if r.replaced_on is not None:
        entries.append(
            TimelineEntry(
                r.replaced_on, "LRV C.4 Abs. 4 Satz 2", "neue Bestimmungen in Kraft", "new provisions take effect"
            )
        )
    if r.has_aftereffect:
        from_start_of_day = r.inputs.get("aftereffect_counting") == "start_of_day"
        entries += [
            TimelineEntry(
                r.effective_date + timedelta(days=1),
                "LRV C.4 Abs. 4 Satz 2",
                "erster Tag der Nachwirkung",
                "first day of the Nachwirkung",
                *(
                    ("12 Monate ab Beginn dieses Tages (§ 187 Abs. 2 BGB)", "12 months from the start of this day")
                    if from_start_of_day
                    else (
                        f"12 Monate gerechnet vom Ablauf des {r.effective_date:%d.%m.%Y} an (§ 190 BGB)",
                        f"12 months counted from the end of {r.effective_date.isoformat()} (§ 190 BGB)",
                    )
                ),
            ),
            TimelineEntry(
                r.aftereffect_until,
                "LRV C.4 Abs. 4 Satz 2",
                "letzter Tag der Nachwirkung",
                "last day of the Nachwirkung",
                *_NOT_MOVED,
            ),
        ]
    return entries


def _lrv_in_force(r: LrvInForce) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            r.signed_on,
            "LRV C.1 Satz 2",
            "A.9, C und Anlage U in Kraft (Unterzeichnung)",
            "A.9, C and Anlage U in force (signature)",
        ),
        TimelineEntry(
            OLD_RAHMENVERTRAEGE_END,
            "LRV C.1 Satz 3",
            "Rahmenverträge nach § 79 SGB XII treten außer Kraft",
            "§ 79 SGB XII Rahmenverträge end",
        ),
        TimelineEntry(LRV_IN_FORCE, "LRV C.1 Satz 1", "Landesrahmenvertrag in Kraft", "the LRV takes effect"),
    ]


_WINDOW_START = {
    False: ("Verhandlungsaufforderung: Drei-Monats-Frist beginnt", "request to negotiate: three months start"),
    True: (
        "abschließender Prüfbericht bekanntgegeben: Frist nach § 129 SGB IX beginnt",
        "final report notified: § 129 period starts",
    ),
}


def _window(r: SchiedsstelleWindow) -> list[TimelineEntry]:
    nominal = add_period(r.window_start_event, months=3)
    note = _moved(nominal) if r.window_end != nominal else ("Wartefrist, nicht verschoben", "waiting period, not moved")
    return [
        TimelineEntry(
            r.window_start_event, r.steps[0].clause, *_WINDOW_START[r.steps[0].clause.startswith("LRV A.8.5")]
        ),
        TimelineEntry(r.window_end, "§ 126 Abs. 2 Satz 1 SGB IX", "Drei-Monats-Frist endet", "three months end", *note),
        TimelineEntry(
            r.available_from, "§ 126 Abs. 2 Satz 1 SGB IX", "Schiedsstelle anrufbar ab", "Schiedsstelle available from"
        ),
    ]


def _timetable(r: AuditTimetable) -> list[TimelineEntry]:
    quality = r.audit != "billing"  # the A.8 procedure, for quality and effectiveness audits
    entries = []
    if r.widened_on is not None:
        entries.append(
            TimelineEntry(
                r.widened_on,
                "LRV A.8.2 Abs. 7 Satz 3" if quality else "LRV A.6.2.2 Abs. 4",
                "Prüfgegenstand erweitert (mitgeteilt)",
                "audit subject widened (notified)",
            )
        )
    entries.append(
        TimelineEntry(
            r.last_audit_day, "LRV A.8.2 Abs. 9" if quality else "LRV A.6.2.3", "letzter Prüftag", "last audit day"
        )
    )
    if r.closing_meeting_due is not None:
        entries.append(
            TimelineEntry(
                r.closing_meeting_due,
                "LRV A.8.2 Abs. 9",
                "Abschlussgespräch spätestens",
                "closing meeting at the latest",
                "5 Werktage; Frist zum Handeln",
                "5 Werktage; deadline to act",
            )
        )
    named = (
        (
            r.draft_report_due,
            "LRV A.8.3 Abs. 2 Satz 1" if quality else "LRV A.6.2.3 Abs. 1",
            "Entwurf des Prüfberichts spätestens" if quality else "vorläufiges Prüfergebnis spätestens",
            "draft report at the latest" if quality else "preliminary result at the latest",
        ),
        (
            r.statement_due,
            "LRV A.8.3 Abs. 2 Satz 2" if quality else "LRV A.6.2.3 Abs. 2 Satz 1",
            "Stellungnahme des Leistungserbringers spätestens",
            "provider's statement at the latest",
        ),
        (
            r.final_report_due,
            "LRV A.8.3 Abs. 2 Satz 3" if quality else "LRV A.6.2.3 Abs. 2 Satz 4",
            "abschließender Prüfbericht spätestens" if quality else "endgültiges Prüfergebnis spätestens",
            "final report at the latest" if quality else "final result at the latest",
        ),
    )
    entries += [
        TimelineEntry(day, clause, de, en, "Frist zum Handeln", "deadline to act") for day, clause, de, en in named
    ]
    if r.reduction_amount_due is not None:
        entries.insert(
            -2,
            TimelineEntry(
                r.reduction_amount_due,
                "LRV A.8.5 Abs. 1 Satz 2",
                "bei Pflichtverletzung: Kürzungsbetrag mit dem vorläufigen Prüfbericht beziffern",
                "on a breach of duty: reduction amount stated with the preliminary report",
                "mit dem Entwurf des Prüfberichts",
                "with the draft report",
            ),
        )
    return entries


def _deadline(r: Deadline) -> list[TimelineEntry]:
    clause = r.steps[0].clause
    note = _act_note(r.period_end, r.due) if r.to_act else _NOT_MOVED
    return [
        TimelineEntry(r.event_day, clause, "Ereignis", "event"),
        TimelineEntry(r.due, clause, "Frist endet", "deadline", *note),
    ]


def _audit_window(r: AuditWindowCheck) -> list[TimelineEntry]:
    clause = r.steps[0].clause
    return [
        TimelineEntry(r.earliest_start, clause, "frühester Beginn eines Prüfzeitraums", "earliest start of a period"),
        TimelineEntry(r.period_start, clause, "Prüfzeitraum beginnt", "audit period begins"),
        TimelineEntry(r.period_end, clause, "Prüfzeitraum endet", "audit period ends"),
        TimelineEntry(r.audit_notice, clause, "Prüfungsmitteilung", "audit notice"),
    ]


def _reaudit(r: ReauditCheck) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            r.documents_dated, "LRV A.8.2 Abs. 4", "Prüfunterlagen anderer Stellen", "other body's documents"
        ),
        TimelineEntry(
            r.recent_until,
            "LRV A.8.2 Abs. 5",
            "Unterlagen bis dahin nicht älter als zwölf Monate",
            "documents not older than twelve months until",
        ),
        TimelineEntry(r.audit_day, "LRV A.8.2 Abs. 5", "Prüfung", "audit"),
    ]


def _due_date(d: DueDate) -> list[TimelineEntry]:
    note = _act_note(d.nominal, d.due) if d.to_act else ("", "")
    entries = []
    if d.period_start is not None:
        entries.append(TimelineEntry(d.period_start, d.clause, f"{d.de}: Zeitraum beginnt", f"{d.en}: period begins"))
    entries.append(TimelineEntry(d.due, d.clause, d.de, d.en, *note))
    return entries


#: "unverzüglich" (§ 121 Abs. 1 Satz 1 BGB): an event from its trigger, no fixed last day (RULES D19).
_UNVERZUEGLICH_NOTE = (
    "unverzüglich (ohne schuldhaftes Zögern, § 121 BGB): kein fester letzter Tag",
    "without undue delay (§ 121 BGB): no fixed last day",
)


def _unverzueglich(r: UnverzueglichDuties) -> list[TimelineEntry]:
    return [TimelineEntry(e.triggered_on, e.clause, e.de, e.en, *_UNVERZUEGLICH_NOTE) for e in r.entries]


_CONVERTERS: tuple[tuple[type, Callable[[Any], list[TimelineEntry]]], ...] = (
    (RvTermination, _rv_termination),
    (RvPeriod, _rv_period),
    (LrvTermination, _lrv_termination),
    (LrvInForce, _lrv_in_force),
    (SchiedsstelleWindow, _window),
    (AuditTimetable, _timetable),
    (Deadline, _deadline),
    (AuditWindowCheck, _audit_window),
    (ReauditCheck, _reaudit),
    (DueDate, _due_date),
    (UnverzueglichDuties, _unverzueglich),
)


def timeline(*items: Result | DueDate | Iterable[DueDate], scenario: tuple[str, str] | None = None) -> Timeline:
    """Merge the dates of results of :mod:`~eghnrw.fristen.terms` / :mod:`~eghnrw.fristen.deadlines` into one timeline.

    Entries are ordered by day; entries of the same day keep the order in which they were given.
    ``scenario`` is the (German, English) heading.

    >>> from eghnrw.fristen.deadlines import fixed_dates
    >>> t = timeline(fixed_dates(start=date(2025, 1, 1)))
    >>> [format_value(e.day) for e in t.entries][:3]
    ['30.06.2025', '30.09.2025', '31.12.2025']

    Raises:
        InvalidInputError: an item that is not a result of these modules (nor a DueDate).
    """
    entries: list[TimelineEntry] = []
    steps: list[Step] = []
    for item in _flatten(items):
        for kind, convert in _CONVERTERS:
            if isinstance(item, kind):
                entries += convert(item)
                if isinstance(item, Result):
                    steps += item.steps
                break
        else:
            raise InvalidInputError(
                "items", item, "pass results of eghnrw.fristen.terms or eghnrw.fristen.deadlines, or DueDate items"
            )
    _check_scenario(scenario)
    ordered = tuple(sorted(entries, key=lambda e: e.day))  # sorted() is stable: same-day order is kept
    return Timeline.build(
        scenario=scenario or _DEFAULT_SCENARIO,
        entries=ordered,
        steps=tuple(steps),
        inputs={"items": len(entries)},
    )


def to_ics(
    *items: Result | DueDate | Iterable[DueDate],
    lang: Lang = "de",
    stamp: datetime | None = None,
    case: str | None = None,
    remind: timedelta | None = None,
) -> str:
    """Due dates, results or a :class:`Timeline` as an iCalendar file: one all-day event per date.

    ``items`` are what :func:`timeline` takes — e.g. ``fixed_dates()`` or
    ``recurring_due_dates(...)`` — or one timeline; see :meth:`Timeline.to_ics` for the events,
    ``lang``, ``stamp``, ``case`` and ``remind``.

    >>> from eghnrw.fristen.deadlines import fixed_dates
    >>> text = to_ics(fixed_dates(start=date(2025, 1, 1)))
    >>> text.count("BEGIN:VEVENT"), "DTSTART;VALUE=DATE:20250630" in text
    (4, True)

    Raises:
        InvalidInputError: an item that is not a result of :mod:`eghnrw.fristen.terms` or
            :mod:`eghnrw.fristen.deadlines` (nor a DueDate or Timeline); ``lang``, ``stamp``, ``case`` or
            ``remind`` invalid.
    """
    merged = items[0] if len(items) == 1 and isinstance(items[0], Timeline) else timeline(*items)
    return merged.to_ics(lang, stamp=stamp, case=case, remind=remind)


def _check_scenario(value: object) -> None:
    if value is None:
        return
    if not isinstance(value, tuple) or len(value) != 2 or not all(isinstance(s, str) for s in value):
        raise InvalidInputError("scenario", value, "pass a (German, English) pair of headings")


def _flatten(items: tuple[object, ...]) -> Iterable[object]:
    for item in items:
        if isinstance(item, Result | DueDate) or not isinstance(item, Iterable) or isinstance(item, str):
            yield item
        else:
            yield from item


@rule(
    ids=("D1", "D3"),
    clauses=("LRV C.4", "RV § 19"),
    example={"notice_received": date(2024, 3, 15)},
    arguments={
        "notice_received": "the day the notice was received",
        "agreement": "which agreement (default LRV)",
        **{name: f"LRV: {text}" for name, text in LRV_NOTICE_ARGUMENTS.items()},
    },
)
def termination_timeline(
    *,
    notice_received: date,
    agreement: Literal["LRV", "RV"] = "LRV",
    replaced_on: date | None = None,
    parts: Iterable[str] = (),
    party: str | None = None,
    side: Side | str | None = None,
) -> Timeline:
    """Every date a notice of termination produces, in order (LRV C.4 or RV § 19).

    The notice is received on ``notice_received``; the dates and their clauses are those of
    :func:`~eghnrw.fristen.terms.lrv_termination` (with its LRV-only arguments) or
    :func:`~eghnrw.fristen.terms.rv_termination`.

    >>> t = termination_timeline(notice_received=date(2024, 3, 15))
    >>> [(format_value(e.day), e.clause) for e in t.entries][1:]  # doctest: +NORMALIZE_WHITESPACE
    [('15.03.2025', 'LRV C.4 Abs. 1 Satz 1'), ('16.03.2025', 'LRV C.4 Abs. 4 Satz 2'),
     ('15.03.2026', 'LRV C.4 Abs. 4 Satz 2')]

    Raises:
        InvalidInputError: as :func:`~eghnrw.fristen.terms.lrv_termination` /
            :func:`~eghnrw.fristen.terms.rv_termination`;
            ``agreement`` not "LRV" or "RV"; LRV-only arguments given for the RV.
    """
    if agreement == "RV":
        if replaced_on is not None or tuple(parts) or party is not None or side is not None:
            raise InvalidInputError("agreement", agreement, "pass 'LRV' for replaced_on, parts, party or side")
        result: Result = rv_termination(notice_received=notice_received)
        heading = ("Kündigung der Rahmenvereinbarung (RV § 19)", "Termination of the RV (RV § 19)")
    elif agreement == "LRV":
        result = lrv_termination(
            notice_received=notice_received, replaced_on=replaced_on, parts=parts, party=party, side=side
        )
        heading = ("Kündigung des Landesrahmenvertrags (LRV C.4)", "Termination of the LRV (LRV C.4)")
    else:
        raise InvalidInputError("agreement", agreement, "pass 'LRV' or 'RV'")
    return timeline(result, scenario=heading)


@rule(
    ids=("D6", "D7", "D12", "D14"),
    clauses=("LRV A.8.2 Abs. 9", "LRV A.8.3 Abs. 2", "LRV A.6.2.3", "LRV A.8.5 Abs. 1", "LRV A.8.5 Abs. 2"),
    example={"last_audit_day": date(2024, 10, 31)},
    arguments={
        "last_audit_day": "the last day of the audit",
        "audit": "quality (LRV A.8), billing (A.6.2) or effectiveness (A.8.4)",
        "closing_meeting_held": "the day the closing meeting was actually held",
        "draft_report_notified": "the day the draft report was notified",
        "clarified_on": "billing audit: the day of the clarification",
        "final_report_notified": "quality audit: the day the final report was notified",
        "saturday_is_werktag": "Saturdays count as Werktage (default true)",
        "widened_on": "the day a widening of the audit was notified (A.8.2 Abs. 7)",
    },
)
def audit_timeline(
    *,
    last_audit_day: date,
    audit: Audit = "quality",
    closing_meeting_held: date | None = None,
    draft_report_notified: date | None = None,
    clarified_on: date | None = None,
    final_report_notified: date | None = None,
    saturday_is_werktag: bool = True,
    widened_on: date | None = None,
) -> Timeline:
    """All dates an audit procedure has to meet after its last day, and for a quality audit the § 129 window.

    For a quality audit the Kürzungsbetrag of a Pflichtverletzung is stated with the preliminary
    report (LRV A.8.5 Abs. 1 Satz 2) and the § 129 window (A.8.5 Abs. 2) starts with the notice of
    the final report: the actual day if ``final_report_notified`` is given, else the latest day
    the report is due. An effectiveness audit (A.8.4) has neither: "Sanktionen erfolgen nicht"
    (A.8.4 Abs. 4). ``widened_on`` shows a widening of the subject while the audit ran.

    >>> t = audit_timeline(last_audit_day=date(2024, 10, 31))
    >>> [format_value(d) for d in t.days]  # doctest: +NORMALIZE_WHITESPACE
    ['31.10.2024', '07.11.2024', '05.12.2024', '05.12.2024', '02.01.2025', '30.01.2025', '30.01.2025', '30.04.2025',
     '01.05.2025']

    Raises:
        InvalidInputError: as :func:`eghnrw.fristen.deadlines.audit_timetable`; ``final_report_notified``
            before the draft report or given for a billing audit.
    """
    table = audit_timetable(
        last_audit_day=last_audit_day,
        audit=audit,
        closing_meeting_held=closing_meeting_held,
        draft_report_notified=draft_report_notified,
        clarified_on=clarified_on,
        saturday_is_werktag=saturday_is_werktag,
        widened_on=widened_on,
    )
    items: list[Result] = [table]
    if table.audit == "quality":
        notified = table.final_report_due
        if final_report_notified is not None:
            notified = reduction_schiedsstelle_window(final_report_notified=final_report_notified).window_start_event
            if notified < table.last_audit_day:
                raise InvalidInputError(
                    "final_report_notified", final_report_notified, "pass a date on or after the last audit day"
                )
        items.append(reduction_schiedsstelle_window(final_report_notified=notified))
    elif final_report_notified is not None:
        raise InvalidInputError(
            "final_report_notified",
            final_report_notified,
            "pass None: the § 129 window follows quality audits (LRV A.8.5); an effectiveness audit has no sanctions",
        )
    heading = {
        "quality": ("Prüfverfahren (LRV A.8)", "Audit procedure (LRV A.8)"),
        "effectiveness": ("Wirksamkeitsprüfung (LRV A.8.4)", "Effectiveness audit (LRV A.8.4)"),
        "billing": ("Abrechnungsprüfung (LRV A.6.2)", "Billing audit (LRV A.6.2)"),
    }[table.audit]
    return timeline(*items, scenario=heading)
