"""Timelines: order, clauses, rendering (text, Markdown, escaped HTML) and the audit record."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.timelines import audit_timeline, termination_timeline, timeline
from eghnrw.fristen.deadlines import (
    audit_timetable,
    audit_window_check,
    deadline,
    fixed_dates,
    reaudit_check,
    recurring_due_dates,
    schiedsstelle_window,
)
from eghnrw.fristen.terms import lrv_in_force, lrv_termination, rv_current_period


def test_lrv_termination_timeline():
    t = termination_timeline(notice_received=date(2024, 3, 15))
    assert t.days == (date(2024, 3, 15), date(2025, 3, 15), date(2025, 3, 16), date(2026, 3, 15))
    assert [e.clause for e in t.entries] == [
        "LRV C.4 Abs. 3",
        "LRV C.4 Abs. 1 Satz 1",
        "LRV C.4 Abs. 4 Satz 2",
        "LRV C.4 Abs. 4 Satz 2",
    ]
    assert "§ 193 BGB gilt nicht" in t.entries[1].note_de


def test_the_timeline_says_when_the_nachwirkung_is_counted_from():
    # notice 28.02.2026 → termination date 28.02.2027; the Nachwirkung's first day is 01.03.2027 and
    # its last day 28.02.2028, counted from the end of 28.02.2027 (§ 190 BGB) — the texts say so
    t = termination_timeline(notice_received=date(2026, 2, 28))
    first, last = t.entries[-2], t.entries[-1]
    assert (first.day, first.de, first.note_de) == (
        date(2027, 3, 1),
        "erster Tag der Nachwirkung",
        "12 Monate gerechnet vom Ablauf des 28.02.2027 an (§ 190 BGB)",
    )
    assert (last.day, last.de) == (date(2028, 2, 28), "letzter Tag der Nachwirkung")
    other = timeline(lrv_termination(notice_received=date(2026, 2, 28), aftereffect_counting="start_of_day"))
    assert (other.entries[-2].note_de, other.entries[-1].day) == (
        "12 Monate ab Beginn dieses Tages (§ 187 Abs. 2 BGB)",
        date(2028, 2, 29),
    )


def test_lrv_termination_timeline_with_replacement_and_parts():
    t = termination_timeline(
        notice_received=date(2024, 3, 15), replaced_on=date(2025, 10, 1), parts=["B.4.9"], party="LVR"
    )
    assert t.days == (date(2024, 3, 15), date(2025, 3, 15), date(2025, 3, 16), date(2025, 9, 30), date(2025, 10, 1))
    assert "(B.4.9)" in t.entries[0].de
    none_left = termination_timeline(notice_received=date(2024, 3, 15), replaced_on=date(2025, 3, 1))
    assert none_left.days == (date(2024, 3, 15), date(2025, 3, 1), date(2025, 3, 15))


def test_rv_termination_timeline():
    t = termination_timeline(notice_received=date(2026, 10, 1), agreement="RV")
    assert t.days == (date(2026, 9, 30), date(2026, 10, 1), date(2027, 12, 31))
    text = t.explain()
    assert text.splitlines()[0] == "Kündigung der Rahmenvereinbarung (RV § 19)"
    assert "30.09.2026" in text
    assert "2027-12-31" in t.explain("en")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"agreement": "SGB"}, "agreement"),
        ({"agreement": "RV", "parts": ["B.4.9"]}, "agreement"),
        ({"agreement": "RV", "notice_received": date(2019, 1, 1)}, "notice_received"),
        ({"replaced_on": date(2020, 1, 1)}, "replaced_on"),
    ],
)
def test_termination_timeline_bad_input(kwargs, argument):
    with pytest.raises(InvalidInputError) as info:
        termination_timeline(**({"notice_received": date(2024, 3, 15)} | kwargs))
    assert info.value.argument == argument


def test_audit_timeline_with_actual_final_report():
    t = audit_timeline(last_audit_day=date(2024, 10, 31), final_report_notified=date(2025, 1, 31))
    assert t.days[-3:] == (date(2025, 1, 31), date(2025, 4, 30), date(2025, 5, 1))  # § 188 Abs. 3: 30.04.
    assert t.entries[-3].clause == "LRV A.8.5 Abs. 2 Satz 3"
    assert t.scenario[0] == "Prüfverfahren (LRV A.8)"


def test_billing_audit_timeline_has_no_129_window():
    t = audit_timeline(last_audit_day=date(2024, 10, 31), audit="billing")
    assert t.days == (date(2024, 10, 31), date(2024, 11, 28), date(2024, 12, 27), date(2025, 1, 24))
    with pytest.raises(InvalidInputError, match="final_report_notified"):
        audit_timeline(last_audit_day=date(2024, 10, 31), audit="billing", final_report_notified=date(2025, 1, 31))
    with pytest.raises(InvalidInputError, match="final_report_notified"):
        audit_timeline(last_audit_day=date(2024, 10, 31), final_report_notified=date(2024, 10, 1))


def test_timeline_merges_any_results_in_order():
    t = timeline(
        lrv_termination(notice_received=date(2024, 3, 15)),
        schiedsstelle_window(negotiation_requested=date(2024, 5, 15)),
        deadline(event_day=date(2017, 10, 3), weeks=4),
        rv_current_period(on=date(2026, 5, 1)),
        lrv_in_force(on=date(2020, 1, 1), signed_on=date(2019, 7, 23)),
        recurring_due_dates(
            start=date(2023, 1, 1), end=date(2023, 12, 31), duties=["audit_report"], audit_report_shift_to_werktag=True
        ),
    )
    assert list(t.days) == sorted(t.days)
    assert t.days[0] == date(2017, 10, 3)
    assert t.entries[1].note_de == "nach § 193 BGB verschoben vom 31.10.2017"
    assert date(2024, 1, 2) in t.days
    assert "LRV C.4 Abs. 3" in t.citations
    assert len(t.editions) == 2


def test_timeline_rendering_is_escaped():
    t = timeline(fixed_dates(end=date(2020, 1, 1)), scenario=("<b>Plan & | Termine</b>", "plan"))
    html = t._repr_html_()
    assert "&lt;b&gt;Plan &amp; | Termine&lt;/b&gt;" in html
    assert "<b>" not in html
    assert "<td>31.12.2019</td>" in html
    md = t._repr_markdown_()
    assert "&lt;b&gt;Plan &amp; \\| Termine&lt;/b&gt;" in md
    assert "| 01.01.2020 | Landesrahmenvertrag in Kraft |  | LRV C.1 Satz 1 |" in md


def test_timeline_audit_record():
    t = termination_timeline(notice_received=date(2024, 3, 15))
    record = json.loads(t.model_dump_json())
    assert record["entries"][0] == {
        "day": "2024-03-15",
        "clause": "LRV C.4 Abs. 3",
        "de": "Kündigung zugegangen",
        "en": "notice received",
        "note_de": "",
        "note_en": "",
    }
    assert record["steps"][0]["clause"] == "LRV C.4 Abs. 3"
    assert record["editions"][0].startswith("Landesrahmenvertrag")


@pytest.mark.parametrize(("items", "argument"), [((42,), "items"), (("text",), "items")])
def test_timeline_refuses_other_items(items, argument):
    with pytest.raises(InvalidInputError) as info:
        timeline(*items)
    assert info.value.argument == argument


def test_timeline_refuses_bad_scenario():
    with pytest.raises(InvalidInputError, match="scenario"):
        timeline(scenario=("nur deutsch",))


def test_timeline_of_audit_checks_and_waiting_periods():
    t = timeline(
        audit_window_check(
            audit_notice=date(2024, 3, 15), period_start=date(2022, 1, 1), period_end=date(2023, 12, 31)
        ),
        reaudit_check(documents_dated=date(2023, 2, 28), audit_day=date(2024, 2, 29)),
        deadline(event_day=date(2024, 5, 2), weeks=4, to_act=False),
        audit_timetable(last_audit_day=date(2024, 10, 31), draft_report_notified=date(2024, 12, 5)),
    )
    assert t.days[:4] == (date(2019, 1, 1), date(2022, 1, 1), date(2023, 2, 28), date(2023, 12, 31))
    fronleichnam = t.entries[t.days.index(date(2024, 5, 30))]
    assert fronleichnam.note_de == "nicht verschoben: § 193 BGB gilt nicht"
    empty = timeline()
    assert empty.entries == ()
    assert empty.explain().splitlines() == ["Zeitleiste", f"eghnrw {empty.eghnrw_version}"]


def test_audit_timeline_links_the_reduction_amount_and_the_widening():
    t = audit_timeline(last_audit_day=date(2024, 10, 31), widened_on=date(2024, 10, 20))
    assert t.entries[0].day == date(2024, 10, 20)
    assert t.entries[0].de == "Prüfgegenstand erweitert (mitgeteilt)"
    reduction = [e for e in t.entries if e.clause == "LRV A.8.5 Abs. 1 Satz 2"]
    assert [(e.day, e.note_de) for e in reduction] == [(date(2024, 12, 5), "mit dem Entwurf des Prüfberichts")]
    effectiveness = audit_timeline(last_audit_day=date(2024, 10, 31), audit="effectiveness")
    assert effectiveness.scenario[0] == "Wirksamkeitsprüfung (LRV A.8.4)"
    assert not any(e.clause.startswith(("LRV A.8.5", "§ 126")) for e in effectiveness.entries)


def test_the_unverzueglich_duties_are_events_on_the_timeline_and_in_the_calendar() -> None:
    # RULES D19: a duty "unverzüglich" is an event from its trigger day, with no fixed last day.
    from eghnrw.doors.timelines import to_ics  # noqa: PLC0415
    from eghnrw.fristen.deadlines import unverzueglich_duties  # noqa: PLC0415 - beside the timeline it feeds

    duties = unverzueglich_duties(
        triggers={"kuendigung_mitteilen": date(2024, 3, 15), "besonderes_vorkommnis": date(2024, 2, 1)}
    )
    t = timeline(duties)
    assert [(e.day, e.clause, e.note_de) for e in t.entries] == [
        (
            date(2024, 2, 1),
            "LRV A.7.2.2 Abs. 2",
            "unverzüglich (ohne schuldhaftes Zögern, § 121 BGB): kein fester letzter Tag",
        ),
        (
            date(2024, 3, 15),
            "LRV C.4 Abs. 3",
            "unverzüglich (ohne schuldhaftes Zögern, § 121 BGB): kein fester letzter Tag",
        ),
    ]
    assert t.entries[1].de == "Kündigung eingegangen: die Geschäftsstelle unterrichtet alle Vertragsparteien"
    assert t.entries[1].note_en == "without undue delay (§ 121 BGB): no fixed last day"
    assert t.steps == duties.steps
    calendar = to_ics(duties, stamp=datetime(2024, 1, 1, tzinfo=UTC))
    assert calendar.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20240315" in calendar
