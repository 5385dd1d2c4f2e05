"""Calendar files: every timeline and list of due dates as RFC 5545 text that icalendar reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from importlib.util import find_spec
from typing import Any

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.ics import escape, fold
from eghnrw.doors.timelines import audit_timeline, termination_timeline, timeline
from eghnrw.fristen.deadlines import DueDate, fixed_dates, recurring_due_dates

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
    # a title that stands alone in a calendar names the agreement
    assert str(events[0]["SUMMARY"]) == "LRV: Kündigung zugegangen"
    assert str(events[1]["SUMMARY"]) == "LRV: Kündigungstermin: Kündigung wird wirksam"
    assert str(events[1]["DESCRIPTION"]) == (
        "Fundstelle: LRV C.4 Abs. 1 Satz 1\n"
        "Hinweis: nicht verschoben: § 193 BGB gilt nicht\n"
        "Vorgang: Kündigung des Landesrahmenvertrags (LRV C.4)"
    )
    english = _events(t.to_ics(lang="en"))
    assert str(english[1]["SUMMARY"]) == "LRV: termination takes effect"
    assert str(english[1]["DESCRIPTION"]).startswith("Clause: LRV C.4 Abs. 1 Satz 1\nNote: not moved")
    assert [ev["UID"] for ev in english] == [ev["UID"] for ev in events]  # the same events in either language


@needs_icalendar
def test_due_dates_as_a_calendar() -> None:
    text = e.to_ics(fixed_dates(start=date(2025, 1, 1)))
    events = _events(text)
    # LRV B.4.15 Abs. 6 (Pflegefamilien) and RV § 19 Abs. 2 (the first term ends 31.12.2025)
    assert [(ev["DTSTART"].dt, str(ev["SUMMARY"])) for ev in events] == [
        (date(2025, 6, 30), "LRV: Pflegefamilien: Evaluation endet"),
        (date(2025, 9, 30), "LRV: Pflegefamilien: gemeinsamer Ergebnisbericht bis"),
        (date(2025, 12, 31), "RV: Ende der ersten Laufzeit der Rahmenvereinbarung"),
        (date(2026, 1, 1), "LRV: Pflegefamilien: Ziel landeseinheitliche Leistungserbringung ab"),
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
    assert "SUMMARY:Haus A – LRV: Kündigung zugegangen" in haus_a
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
    assert "SUMMARY:LRV: Überprüfung \\\\ aller Teile\\nneu" in text
    assert "DESCRIPTION:Fundstelle: LRV C.3\\; Satz 1\\, 2\\nVorgang: Prüfung\\, Haus\\; Ä" in text.replace("\r\n ", "")


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
    assert "DTSTAMP:20261201T000000Z" in t.to_ics()  # the release of the calendar rules, not 1970
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


_UTC_MINUS_5 = timezone(-timedelta(hours=5))
_UTC_PLUS_5 = timezone(timedelta(hours=5))


# 31.12.9999 23:59 at UTC-5 lies after the year 9999 in UTC; 01.01.0001 00:00 at UTC+5 before the year 1
@pytest.mark.parametrize("stamp", [datetime.max.replace(tzinfo=_UTC_MINUS_5), datetime.min.replace(tzinfo=_UTC_PLUS_5)])
def test_a_stamp_that_has_no_utc_time_is_refused(stamp: datetime) -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    with pytest.raises(InvalidInputError, match=r"^stamp: got .*; pass a datetime whose UTC time lies in the years 1"):
        t.to_ics(stamp=stamp)


@pytest.mark.parametrize("case", ["Haus \ud800", "Haus\x00A", "Haus\x1bA", "Haus\nA"])
def test_a_case_that_a_calendar_cannot_hold_is_refused(case: str) -> None:
    # a lone surrogate cannot be written as UTF-8; control characters are not allowed in TEXT (RFC 5545 § 3.3.11)
    t = termination_timeline(notice_received=date(2024, 3, 15))
    with pytest.raises(InvalidInputError, match=r"^case: got .*; pass a short text without control characters"):
        t.to_ics(case=case)
    with pytest.raises(InvalidInputError, match=r"^case: "):
        e.to_ics(t, case=case)


@pytest.mark.parametrize("lang", [float("nan"), None, ["de"], "DE"])
def test_a_language_that_is_no_text_is_refused(lang: object) -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    with pytest.raises(InvalidInputError, match=r'^lang: got .*; pass "de" \(German\) or "en" \(English\)$'):
        t.to_ics(lang)  # type: ignore[arg-type]


def test_pandas_na_as_the_language_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    t = termination_timeline(notice_received=date(2024, 3, 15))
    k = e.kdu_check(actual_costs="1", adequacy_limit="1")
    for call in (
        lambda: t.to_ics(pd.NA),
        lambda: t.explain(pd.NA),
        lambda: k.explain(pd.NA),
    ):
        with pytest.raises(InvalidInputError, match=r"^lang: got <NA>; pass"):
            call()


@needs_icalendar
def test_titles_name_the_agreement_so_lrv_and_rv_differ_in_one_calendar() -> None:
    lrv = _events(termination_timeline(notice_received=date(2026, 9, 30)).to_ics())
    rv = _events(termination_timeline(notice_received=date(2026, 9, 30), agreement="RV").to_ics())
    assert str(lrv[0]["SUMMARY"]) == "LRV: Kündigung zugegangen"
    assert str(rv[0]["SUMMARY"]) == "RV: Kündigung zugegangen"
    window = _events(audit_timeline(last_audit_day=date(2024, 10, 31)).to_ics("en"))
    assert str(window[-1]["SUMMARY"]) == "SGB IX: Schiedsstelle available from"  # § 126 Abs. 2 Satz 1 SGB IX


@needs_icalendar
def test_the_calendar_says_what_it_holds_and_no_description_says_zeitleiste() -> None:
    import icalendar  # noqa: PLC0415 - optional

    def name(text: str) -> str:
        return str(icalendar.Calendar.from_ical(text)["X-WR-CALNAME"])

    due = e.to_ics(recurring_due_dates(start=date(2025, 1, 1), end=date(2026, 12, 31)))
    assert name(due) == "Fristen und Termine (LRV und RV NRW)"
    assert name(e.to_ics(fixed_dates(start=date(2025, 1, 1)), lang="en")) == "Due dates (LRV and RV NRW)"
    assert name(e.to_ics([DueDate(date(2025, 6, 30), date(2025, 6, 30), "LRV C.3", "x", "x", False)])) == (
        "Fristen und Termine (LRV NRW)"
    )
    t = termination_timeline(notice_received=date(2024, 3, 15))
    assert name(t.to_ics()) == "Kündigung des Landesrahmenvertrags (LRV C.4)"
    assert name(t.to_ics("en", case="Haus A")) == "Haus A – Termination of the LRV (LRV C.4)"
    assert "Zeitleiste" not in due
    assert "Timeline" not in e.to_ics(fixed_dates(start=date(2025, 1, 1)), lang="en")
    event = _events(t.to_ics(case="Haus A"))[0]
    assert str(event["DESCRIPTION"]) == (
        "Fundstelle: LRV C.4 Abs. 3\nFall: Haus A\nVorgang: Kündigung des Landesrahmenvertrags (LRV C.4)"
    )


@needs_icalendar
@pytest.mark.parametrize(
    ("remind", "trigger"),
    [
        (timedelta(days=14), "-P14D"),
        (timedelta(days=1, hours=2, minutes=30), "-P1DT2H30M"),
        (timedelta(hours=9), "-PT9H"),
        (timedelta(0), "PT0S"),
    ],
)
def test_reminders_are_alarms_before_each_day(remind: timedelta, trigger: str) -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    text = t.to_ics(remind=remind)
    assert text.count("BEGIN:VALARM\r\n") == text.count("BEGIN:VEVENT\r\n") == 4
    assert f"TRIGGER:{trigger}\r\n" in text
    events = _events(text)
    alarms = [alarm for event in events for alarm in event.walk("VALARM")]
    assert [alarm["TRIGGER"].dt for alarm in alarms] == [-remind] * 4
    assert [str(alarm["ACTION"]) for alarm in alarms] == ["DISPLAY"] * 4
    assert str(alarms[0]["DESCRIPTION"]) == "LRV: Kündigung zugegangen"
    assert "VALARM" not in t.to_ics()  # no reminder unless asked for
    # the same UIDs with or without reminders: a re-import updates the events
    assert [ev["UID"] for ev in events] == [ev["UID"] for ev in _events(t.to_ics())]
    assert e.to_ics(t, remind=remind) == text


@pytest.mark.parametrize("remind", [timedelta(days=-1), timedelta(microseconds=5), 14, "14d", True])
def test_a_reminder_that_is_no_duration_before_the_day_is_refused(remind: object) -> None:
    t = termination_timeline(notice_received=date(2024, 3, 15))
    with pytest.raises(InvalidInputError, match=r"^remind: got .*; pass a timedelta of zero or more before the day"):
        t.to_ics(remind=remind)  # type: ignore[arg-type]


@needs_icalendar
def test_dtstamp_is_a_date_time_rfc_5545_accepts_and_the_same_on_every_export() -> None:
    text = termination_timeline(notice_received=date(2024, 3, 15)).to_ics()
    stamps = {ev["DTSTAMP"].dt for ev in _events(text)}
    assert stamps == {datetime(2026, 12, 1, tzinfo=UTC)}  # the release of eghnrw's calendar rules, not 1970
    assert text == termination_timeline(notice_received=date(2024, 3, 15)).to_ics()


@needs_icalendar
def test_due_dates_of_2025_and_2026_hold_only_days_of_2025_and_2026() -> None:
    # the chair terms touching the range brought 01.03.2024 and 29.02.2028 into the calendar
    items = [
        *recurring_due_dates(start=date(2025, 1, 1), end=date(2026, 12, 31), chair_first_term_start=date(2020, 3, 1)),
        *fixed_dates(start=date(2025, 1, 1), end=date(2026, 12, 31)),
    ]
    events = _events(e.to_ics(items))
    days = [ev["DTSTART"].dt for ev in events]
    assert min(days) == date(2025, 1, 1)
    assert max(days) == date(2026, 12, 31)
    chair = [(ev["DTSTART"].dt, str(ev["SUMMARY"])) for ev in events if "Sitzungsleitung" in str(ev["SUMMARY"])]
    assert chair == [
        (date(2026, 2, 28), "LRV: Sitzungsleitung (zwei Jahre): Leistungserbringer"),
        (date(2026, 3, 1), "LRV: Sitzungsleitung (zwei Jahre): Träger der Eingliederungshilfe: Zeitraum beginnt"),
    ]
