"""Deadlines into calendars from the command line: ``--ics FILE`` and ``eghnrw due-dates``."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta

import pytest

from eghnrw.doors import cli
from eghnrw.doors.cli._calendar import CALENDAR_KINDS
from eghnrw.doors.cli._kinds import KINDS


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _events(text: str) -> list[tuple[date, str]]:
    if importlib.util.find_spec("icalendar") is None:
        pytest.skip("icalendar not installed (the test extra installs it)")
    import icalendar  # noqa: PLC0415 - optional

    calendar = icalendar.Calendar.from_ical(text)
    return [(ev["DTSTART"].dt, str(ev["SUMMARY"])) for ev in calendar.walk("VEVENT")]


def test_every_calendar_kind_exists():
    assert set(KINDS) >= CALENDAR_KINDS


def test_lrv_termination_into_a_calendar_file(capsys, tmp_path):
    # Notice received 28.02.2026: effective 28.02.2027 (12 months, § 188 Abs. 2 BGB); the Nachwirkung
    # runs to 28.02.2028 (§ 190 BGB, counted from the end of 28.02.2027).
    target = tmp_path / "fristen.ics"
    code, out, _ = run(capsys, "lrv-termination", "--notice-received", "2026-02-28", "--ics", str(target))
    assert code == 0
    assert out.startswith("Kündigung")  # the explanation is still printed
    raw = target.read_bytes()
    assert b"\r\n" in raw
    assert b"\r\r\n" not in raw  # written as is, no doubled line ends
    days = [day for day, _ in _events(raw.decode("utf-8"))]
    assert days[:2] == [date(2026, 2, 28), date(2027, 2, 28)]
    assert date(2028, 2, 28) in days


def test_ics_to_stdout_is_the_whole_output(capsys):
    code, out, _ = run(capsys, "audit-timeline", "--last-audit-day", "2024-10-31", "--ics", "-", "--lang", "en")
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR")
    events = _events(out)
    assert (date(2024, 11, 7), "LRV: closing meeting at the latest") in events


def test_a_calculation_without_dates_has_no_ics_option(capsys):
    code, _, err = run(capsys, "kdu", "--actual-costs", "700", "--adequacy-limit", "500", "--ics", "x.ics")
    assert code == 2
    assert "--ics" in err


def test_due_dates_lists_recurring_duties_and_fixed_dates(capsys):
    # 2025: the audit report to the commission as at 31.12.2025 (LRV A.8.3 Abs. 6, every two years from
    # 2021, a Stichtag) and the Pflegefamilien report by 30.09.2025 (LRV B.4.15 Abs. 6).
    code, out, _ = run(capsys, "due-dates", "--start", "2025-01-01", "--end", "2025-12-31", "--ics", "-")
    assert code == 0
    events = _events(out)
    assert any(day == date(2025, 12, 31) and "Prüfungen" in title for day, title in events)
    assert any(day == date(2025, 9, 30) for day, _ in events)
    code, out, _ = run(
        capsys, "due-dates", "--start", "2025-01-01", "--end", "2025-12-31", "--duties", "audit_report", "--no-fixed"
    )
    assert code == 0
    assert out.splitlines()[1] == (
        "  31.12.2025  Bericht über die Prüfungen an die Gemeinsame Kommission, Stichtag [LRV A.8.3 Abs. 6]"
    )


def test_due_dates_refuses_bad_input_naming_the_option(capsys):
    code, _, err = run(capsys, "due-dates", "--start", "2025-01-01", "--end", "2025-12-31", "--duties", "bogus")
    assert code == 2
    assert "duties: got 'bogus'; pass one of 'audit_report'" in err
    code, _, err = run(capsys, "due-dates", "--start", "2025-13-01", "--end", "2025-12-31")
    assert code == 2
    assert "start" in err


def test_an_unwritable_calendar_file_is_exit_1(capsys, tmp_path):
    code, _, err = run(
        capsys, "rv-termination", "--notice-received", "2026-09-30", "--ics", str(tmp_path / "no" / "dir.ics")
    )
    assert code == 1
    assert "cannot write" in err


def test_remind_adds_an_alarm_before_each_date(tmp_path) -> None:
    icalendar = pytest.importorskip("icalendar")
    target = tmp_path / "lrv.ics"
    args = ["lrv-termination", "--notice-received", "2024-03-15", "--ics", str(target), "--remind", "2 Wochen"]
    assert cli.main(args) == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    alarms = [alarm for event in events for alarm in event.walk("VALARM")]
    assert len(alarms) == len(events) >= 3
    assert {alarm.decoded("TRIGGER") for alarm in alarms} == {-timedelta(days=14)}


@pytest.mark.parametrize("remind", ["zwei", "14 Monate", "3.5d", "99999d"])
def test_a_remind_that_is_no_number_of_days_or_weeks_is_refused(tmp_path, capsys, remind) -> None:
    target = tmp_path / "lrv.ics"
    code = cli.main(["lrv-termination", "--notice-received", "2024-03-15", "--ics", str(target), "--remind", remind])
    assert code == 2
    assert "remind: got" in capsys.readouterr().err
    assert not target.exists()
