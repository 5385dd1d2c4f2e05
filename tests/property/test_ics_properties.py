"""Calendar files: whatever the texts, icalendar reads back every date and text as written."""

from __future__ import annotations

from datetime import date
from importlib.util import find_spec

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.doors.timelines import _titled, timeline
from eghnrw.fristen.deadlines import DueDate
from strategies import calendar_dates, calendar_texts

pytestmark = pytest.mark.skipif(
    find_spec("icalendar") is None, reason="icalendar is not installed (the [test] extra installs it)"
)

due_dates = st.builds(
    DueDate,
    st.dates(),
    calendar_dates,
    calendar_texts,
    calendar_texts,
    calendar_texts,
    st.booleans(),
    period_start=st.none() | st.dates(),
)


@given(st.lists(due_dates, max_size=8), calendar_texts, st.sampled_from(["de", "en"]))
def test_every_event_reads_back_as_written(items: list[DueDate], heading: str, lang: str) -> None:
    import icalendar  # noqa: PLC0415 - optional

    t = timeline(items, scenario=(heading, heading))
    text = t.to_ics(lang)  # type: ignore[arg-type]
    lines = text.split("\r\n")
    assert lines[-1] == ""
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [ev["DTSTART"].dt for ev in events] == [entry.day for entry in t.entries]
    # icalendar reads a line end back as "\n" (a lone "\r" was written as a line end too)
    written = [
        _titled(entry.de if lang == "de" else entry.en, entry.clause).replace("\r\n", "\n").replace("\r", "\n")
        for entry in t.entries
    ]
    assert [str(ev["SUMMARY"]) for ev in events] == written
    assert all(
        str(ev["DESCRIPTION"]).split("\n")[0].endswith(entry.clause.split("\n")[0])
        for ev, entry in zip(events, t.entries, strict=True)
    )
    assert len({str(ev["UID"]) for ev in events}) == len(events)


@given(st.lists(due_dates, min_size=1, max_size=5))
def test_the_same_dates_give_the_same_file_in_either_language(items: list[DueDate]) -> None:
    t = timeline(items)
    assert t.to_ics() == timeline(list(items)).to_ics()
    uids = [line for line in t.to_ics().split("\r\n") if line.startswith("UID:")]
    assert uids == [line for line in t.to_ics("en").split("\r\n") if line.startswith("UID:")]
    assert all(date.min <= entry.day for entry in t.entries)
