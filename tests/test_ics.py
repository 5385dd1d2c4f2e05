"""Calendar files: every timeline and list of due dates as RFC 5545 text that icalendar reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from importlib.util import find_spec
from typing import Any

import pytest

import eghnrw as e
from eghnrw.deadlines import DueDate, fixed_dates, recurring_due_dates
from eghnrw.errors import InvalidInputError
from eghnrw.ics import escape, fold
from eghnrw.timelines import audit_timeline, termination_timeline, timeline

needs_icalendar = pytest.mark.skipif(
    find_spec("icalendar") is None, reason="icalendar is not installed (the [test] extra installs it)"
)


def _events(text: str) -> list[Any]:
    import icalendar  # noqa: PLC0415 - optional, only to read the file back

    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


@needs_icalendar
def test_a_termination_timeline_reads_back_with_its_dates_titles_and_clauses() -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    events = _events(t.to_ics())
    # LRV C.4: notice 15.03.2024, effective 15.03.2025, Nachwirkung 16.03.2025 – 15.03.2026
    assert [ev["DTSTART"].dt for ev in events] == [
        date(2024, 3, 15),
        date(2025, 3, 15),
        date(2025, 3, 16),
        date(2026, 3, 15),
    ]
    assert [ev["DTEND"].dt - ev["DTSTART"].dt for ev in events] == [timedelta(days=1)] * 4
    assert str(events[1]["SUMMARY"]) == "Kündigungstermin: Kündigung wird wirksam"
    assert str(events[1]["DESCRIPTION"]) == (
        "Fundstelle: LRV C.4 Abs. 1 Satz 1\n"
        "Hinweis: nicht verschoben: § 193 BGB gilt nicht\n"
        "Zeitleiste: Kündigung des Landesrahmenvertrags (LRV C.4)"
    )
    english = _events(t.to_ics(lang="en"))
    assert str(english[1]["SUMMARY"]) == "termination takes effect"
    assert str(english[1]["DESCRIPTION"]).startswith("Clause: LRV C.4 Abs. 1 Satz 1\nNote: not moved")
    assert [ev["UID"] for ev in english] == [ev["UID"] for ev in events]  # the same events in either language


@needs_icalendar
def test_due_dates_as_a_calendar() -> None:
    text = e.to_ics(fixed_dates(start=date(2025, 1, 1)))
    events = _events(text)
    # LRV B.4.15 Abs. 6 (Pflegefamilien) and RV § 19 Abs. 2 (the first term ends 31.12.2025)
    assert [(ev["DTSTART"].dt, str(ev["SUMMARY"])) for ev in events] == [
        (date(2025, 6, 30), "Pflegefamilien: Evaluation endet"),
        (date(2025, 9, 30), "Pflegefamilien: gemeinsamer Ergebnisbericht bis"),
        (date(2025, 12, 31), "Ende der ersten Laufzeit der Rahmenvereinbarung"),
        (date(2026, 1, 1), "Pflegefamilien: Ziel landeseinheitliche Leistungserbringung ab"),
    ]
    dates = recurring_due_dates(
        start=date(2023, 1, 1), end=date(2024, 12, 31), duties=["audit_report"], audit_report_shift_to_werktag=True
    )
    recurring = _events(e.to_ics(dates))
    # LRV A.8.3 Abs. 6 read as a day to act by: every two years from 31.12.2021; 31.12.2023 is a
    # Sunday, § 193 BGB moves it to 02.01.2024
    assert [ev["DTSTART"].dt for ev in recurring] == [date(2024, 1, 2)]
    assert "verschoben vom 31.12.2023" in str(recurring[0]["DESCRIPTION"])


@needs_icalendar
def test_an_audit_timeline_with_two_events_on_one_day() -> None:
    events = _events(audit_timeline(last_audit_day=date(2024, 10, 31)).to_ics())
    days = [ev["DTSTART"].dt for ev in events]
    assert days == [
        date(2024, 10, 31),
        date(2024, 11, 7),
        date(2024, 12, 5),  # the draft report at the latest, and with it the reduction amount (A.8.5 Abs. 1 S. 2)
        date(2024, 12, 5),
        date(2025, 1, 2),
        date(2025, 1, 30),
        date(2025, 1, 30),
        date(2025, 4, 30),
        date(2025, 5, 1),
    ]
    assert len({ev["UID"] for ev in events}) == len(events)


def test_uids_follow_the_content_so_a_re_export_updates() -> None:
    first = termination_timeline(notice_received=date(2024, 3, 15)).to_ics()
    again = termination_timeline(notice_received=date(2024, 3, 15)).to_ics()
    assert first == again  # no clock read: the same dates give the same file, byte for byte
    moved = termination_timeline(notice_received=date(2024, 3, 18)).to_ics()
    uids = {line for line in first.split("\r\n") if line.startswith("UID:")}
    assert uids.isdisjoint(line for line in moved.split("\r\n") if line.startswith("UID:"))
    # a case keeps two services apart, in the titles and the UIDs
    haus_a = termination_timeline(notice_received=date(2024, 3, 15)).to_ics(case="Haus A")
    assert "SUMMARY:Haus A: Kündigung zugegangen" in haus_a
    assert uids.isdisjoint(line for line in haus_a.split("\r\n") if line.startswith("UID:"))


def test_the_same_event_twice_gets_two_uids() -> None:
    due = DueDate(date(2025, 6, 30), date(2025, 6, 30), "LRV C.3", "Überprüfung", "review", to_act=False)
    text = timeline(due, due).to_ics()
    uids = [line for line in text.split("\r\n") if line.startswith("UID:")]
    assert len(uids) == 2
    assert len(set(uids)) == 2


def test_rfc_5545_form_crlf_folding_escaping() -> None:
    due = DueDate(
        date(2025, 6, 30), date(2025, 6, 30), "LRV C.3; Satz 1, 2", "Überprüfung \\ aller Teile\nneu", "x", to_act=False
    )
    text = timeline(due, scenario=("Prüfung, Haus; Ä" * 8, "x")).to_ics()
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long name was folded
    assert "SUMMARY:Überprüfung \\\\ aller Teile\\nneu" in text
    assert "DESCRIPTION:Fundstelle: LRV C.3\\; Satz 1\\, 2\\nZeitleiste: Prüfung\\, Haus\\; Ä" in text.replace(
        "\r\n ", ""
    )


@needs_icalendar
def test_escaped_text_reads_back_as_written() -> None:
    import icalendar  # noqa: PLC0415 - optional

    due = DueDate(date(2025, 6, 30), date(2025, 6, 30), "A; B, C\\D", "ä" * 50 + "; ,\\\nZeile 2", "x", to_act=False)
    text = timeline(due, scenario=("Fälle; 2025, LRV" * 6, "x")).to_ics()
    calendar = icalendar.Calendar.from_ical(text)
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "ä" * 50 + "; ,\\\nZeile 2"
    assert str(event["DESCRIPTION"]).startswith("Fundstelle: A; B, C\\D\n")
    # icalendar reads the calendar's name as an unknown property: still escaped as TEXT
    assert calendar["X-WR-CALNAME"].to_ical().decode() == "Fälle\\; 2025\\, LRV" * 6


def test_fold_never_splits_a_character() -> None:
    for width in range(60, 200):
        line = "SUMMARY:" + "€ä" * width
        folded = fold(line)
        parts = folded.split("\r\n ")
        assert "".join(parts) == line
        assert all(len(part.encode("utf-8")) <= (75 if i == 0 else 74) for i, part in enumerate(parts))
    assert fold("X" * 75) == "X" * 75
    assert fold("X" * 76) == "X" * 75 + "\r\n X"
    assert escape("a\r\nb\rc") == "a\\nb\\nc"


def test_dtstamp_is_fixed_unless_the_caller_passes_one() -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    assert "DTSTAMP:19700101T000000Z" in t.to_ics()
    cet = timezone(timedelta(hours=1))
    assert "DTSTAMP:20241231T230000Z" in t.to_ics(stamp=datetime(2025, 1, 1, 0, 0, tzinfo=cet))
    with pytest.raises(InvalidInputError, match=r"^stamp: got datetime\.datetime\(2025, 1, 1, 0, 0\); pass None or"):
        t.to_ics(stamp=datetime(2025, 1, 1))  # noqa: DTZ001 - a naive datetime is refused
    with pytest.raises(InvalidInputError, match=r"^stamp:"):
        t.to_ics(stamp=date(2025, 1, 1))  # type: ignore[arg-type]


def test_bad_arguments_are_named() -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    with pytest.raises(InvalidInputError, match=r"^lang: got 'fr'"):
        t.to_ics("fr")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^case: got 3"):
        t.to_ics(case=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^items: got 5"):
        e.to_ics(5)  # type: ignore[arg-type]


@needs_icalendar
def test_an_empty_timeline_and_the_last_day() -> None:
    assert _events(e.to_ics(fixed_dates(start=date(2150, 1, 1)))) == []
    last = DueDate(date.max, date.max, "—", "Ende", "end", to_act=False)
    text = e.to_ics([last])
    assert "DTEND" not in text  # 31.12.9999 has no next day: without DTEND the event lasts one day
    assert [ev["DTSTART"].dt for ev in _events(text)] == [date.max]


def test_dates_have_four_digit_years() -> None:
    # strftime("%Y") writes 999 for the year 999; RFC 5545 wants 09990101
    old = DueDate(date(999, 1, 1), date(999, 1, 1), "—", "alt", "old", to_act=False)
    text = e.to_ics([old], stamp=datetime(999, 1, 1, 12, 0, tzinfo=UTC))
    assert "DTSTART;VALUE=DATE:09990101\r\n" in text
    assert "DTEND;VALUE=DATE:09990102\r\n" in text
    assert "DTSTAMP:09990101T120000Z\r\n" in text
