"""C1, C2, C4, C6, C8: the yes/no checks, each with its reason and clause."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import (
    audit_needs_cause,
    is_leistungserbringer,
    personenkreis_check,
    quality_breach_presumed,
    verguetung_applies,
)


@pytest.mark.parametrize(
    ("lv", "vv", "delivers", "answer", "reason"),
    [
        (True, True, True, True, "Leistungs- und Vergütungsvereinbarung liegen vor"),
        (True, False, True, False, "es fehlt: Vergütungsvereinbarung"),
        (False, True, True, False, "es fehlt: Leistungsvereinbarung"),
        (True, True, False, False, "erbringt keine bewilligte Leistung"),
    ],
)
def test_c1_provider_needs_both_agreements(lv, vv, delivers, answer, reason):
    r = is_leistungserbringer(leistungsvereinbarung=lv, verguetungsvereinbarung=vv, delivers_approved_service=delivers)
    assert (r.answer, r.reason) == (answer, reason)
    assert r.citations == ("LRV A.1.2 Abs. 2",)


def test_c1_refuses_non_bools():
    with pytest.raises(InvalidInputError, match=r"^verguetungsvereinbarung: got 1"):
        is_leistungserbringer(leistungsvereinbarung=True, verguetungsvereinbarung=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("impairments", "months", "answer"),
    [
        (["koerperlich"], 7, True),
        (["seelisch"], "6.5", True),
        (["geistig"], 6, False),  # "länger als sechs Monate": exactly six is not more
        (["sinnes", "koerperlich", "seelisch", "geistig"], 24, True),  # combinations of a–d
        ([], 24, False),
    ],
)
def test_c2_personenkreis(impairments, months, answer):
    r = personenkreis_check(impairments=impairments, expected_months=months)
    assert r.answer is answer
    assert r.citations == ("LRV A.3.3 Abs. 1",)


def test_c2_reason_names_the_combination_in_order():
    r = personenkreis_check(impairments=["sinnes", "seelisch"], expected_months=12)
    assert r.inputs["impairments"] == ("seelisch", "sinnes")
    assert r.reason == "Beeinträchtigung (seelisch und sinnes), voraussichtlich länger als sechs Monate"
    assert personenkreis_check(impairments=[], expected_months=12).reason == "keine Beeinträchtigung nach a–d angegeben"


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"impairments": "seelisch"}, "impairments"),
        ({"impairments": ["psychisch"]}, "impairments"),
        ({"expected_months": 7.0}, "expected_months"),
        ({"expected_months": -1}, "expected_months"),
    ],
)
def test_c2_bad_input(kwargs, argument):
    args = {"impairments": ["seelisch"], "expected_months": 12} | kwargs
    with pytest.raises(InvalidInputError) as info:
        personenkreis_check(**args)
    assert info.value.argument == argument


def test_personenkreis_check_refuses_none_impairments():
    with pytest.raises(InvalidInputError, match=r"^impairments"):
        personenkreis_check(impairments=None, expected_months=12)  # type: ignore[arg-type]


CONTINUES = "fortgeltend nach Ablauf, bis eine neue Vergütungsvereinbarung geschlossen ist"


@pytest.mark.parametrize(
    ("on", "replaced", "answer", "reason"),
    [
        (date(2024, 12, 31), None, False, "vor Beginn des Vereinbarungszeitraums"),
        (date(2025, 1, 1), None, True, "im vereinbarten Zeitraum"),
        (date(2025, 12, 31), None, True, "im vereinbarten Zeitraum"),
        (date(2027, 6, 1), None, True, "fortgeltend nach Ablauf, bis eine neue Vergütungsvereinbarung geschlossen ist"),
        (
            date(2026, 3, 31),
            date(2026, 4, 1),
            True,
            "fortgeltend nach Ablauf, bis eine neue Vergütungsvereinbarung geschlossen ist",
        ),
        (date(2026, 4, 1), date(2026, 4, 1), False, "durch eine neue Vergütungsvereinbarung ersetzt"),
    ],
)
def test_c4_continues_until_replaced(on, replaced, answer, reason):
    r = verguetung_applies(on=on, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), replaced_from=replaced)
    assert (r.answer, r.reason) == (answer, reason)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"period_end": date(2024, 12, 31)}, "period_end"),
        ({"replaced_from": date(2025, 1, 1)}, "replaced_from"),
        ({"on": datetime(2025, 1, 1, 12, 0, tzinfo=UTC)}, "on"),
    ],
)
def test_c4_bad_dates(kwargs, argument):
    args = {"on": date(2025, 6, 1), "period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31)} | kwargs
    with pytest.raises(InvalidInputError) as info:
        verguetung_applies(**args)
    assert info.value.argument == argument


@pytest.mark.parametrize(
    ("kind", "cause", "needs", "answer"),
    [
        ("wirtschaftlichkeit", False, True, False),
        ("wirtschaftlichkeit", True, True, True),
        ("wirtschaftlichkeit", None, True, False),
        ("qualitaet", False, False, True),
        ("qualitaet", True, False, True),
    ],
)
def test_c6_audit_cause(kind, cause, needs, answer):
    r = audit_needs_cause(kind, specific_cause=cause)
    assert (r.needs_cause, r.answer) == (needs, answer)
    assert r.citations == ("LRV A.8.2 Abs. 1",)


def test_c6_bad_kind():
    with pytest.raises(InvalidInputError, match=r"^kind: got 'abrechnung'"):
        audit_needs_cause("abrechnung")


@pytest.mark.parametrize(
    ("planned", "lasting", "tarif", "grounds"),
    [
        (False, False, False, ()),
        (True, False, False, ("LRV B.4.1 Abs. 8 Nr. 1",)),
        (False, True, False, ("LRV B.4.1 Abs. 8 Nr. 2",)),
        (False, False, True, ("LRV B.4.1 Abs. 8 Satz 2",)),
        (True, True, True, ("LRV B.4.1 Abs. 8 Nr. 1", "LRV B.4.1 Abs. 8 Nr. 2", "LRV B.4.1 Abs. 8 Satz 2")),
    ],
)
def test_c8_irrefutable_presumption(planned, lasting, tarif, grounds):
    r = quality_breach_presumed(
        planned_understaffing=planned, lasting_understaffing=lasting, tarifwerk_not_applied=tarif
    )
    assert r.grounds == grounds
    assert r.answer is bool(grounds)
    assert r.steps[-1].value is bool(grounds)


def test_checks_explain_and_serialise():
    r = quality_breach_presumed(planned_understaffing=True, lasting_understaffing=False, tarifwerk_not_applied=False)
    text = r.explain("en")
    assert "breach irrefutably presumed: yes [LRV B.4.1 Abs. 8]" in text
    assert '"answer":true' in r.model_dump_json()


# --- C14: audits with or without notice (LRV A.8.2 Abs. 6) ---------------------------------------


@pytest.mark.parametrize(
    ("kind", "announced", "reasons", "answer"),
    [
        ("qualitaet", False, True, True),  # quality audits take place without prior notice
        ("qualitaet", True, True, False),  # announced: not as agreed (§ 8 AG BTHG NRW)
        ("wirtschaftlichkeit", False, True, True),  # "kann ohne vorherige Ankündigung erfolgen"
        ("wirtschaftlichkeit", True, True, True),  # or announced, with its reasons in writing (Abs. 7)
        ("wirtschaftlichkeit", True, False, False),
    ],
)
def test_audit_announcement(kind, announced, reasons, answer):
    from eghnrw.kommission.models import audit_announcement_check  # noqa: PLC0415

    r = audit_announcement_check(kind, announced=announced, reasons_in_writing=reasons)
    assert (r.answer, r.without_notice) == (answer, kind == "qualitaet")
    assert r.citations[0] == "LRV A.8.2 Abs. 6"
    assert ("LRV A.8.2 Abs. 7" in r.citations) is (announced and kind == "wirtschaftlichkeit")


def test_audit_announcement_refuses_bad_input():
    from eghnrw.kommission.models import audit_announcement_check  # noqa: PLC0415

    with pytest.raises(InvalidInputError, match=r"^kind: got 'pruefung'"):
        audit_announcement_check("pruefung", announced=False)
    with pytest.raises(InvalidInputError, match=r"^announced: got None; pass True or False"):
        audit_announcement_check("qualitaet", announced=None)  # type: ignore[arg-type]


# --- D18: the duty to admit (LRV A.5 Abs. 2) -----------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "answer", "duty_from"),
    [
        ({"on": date(2024, 3, 1)}, False, None),  # nothing granted: no duty yet
        ({"on": date(2024, 3, 10), "granted_on": date(2024, 3, 11)}, False, None),  # the day before the grant
        ({"on": date(2024, 3, 11), "granted_on": date(2024, 3, 11)}, True, date(2024, 3, 11)),
        ({"on": date(2024, 3, 15), "granted_on": date(2024, 3, 11), "provisional": True}, True, date(2024, 3, 11)),
        ({"on": date(2024, 3, 1), "eilfall": True}, True, None),  # § 120 Abs. 4 SGB IX: before the grant
        ({"on": date(2024, 3, 15), "granted_on": date(2024, 3, 11), "within_agreed_offer": False}, False, None),
    ],
)
def test_admission_duty_follows_the_grant(kwargs, answer, duty_from):
    from eghnrw.kommission.models import admission_duty  # noqa: PLC0415

    r = admission_duty(**kwargs)
    assert (r.answer, r.duty_from) == (answer, duty_from)
    assert r.citations == ("LRV A.5 Abs. 2 Satz 1", "LRV A.5 Abs. 2 Satz 2", "LRV A.4.4 Abs. 1", "LRV A.5 Abs. 2")
    paid = next(s for s in r.steps if s.clause == "LRV A.4.4 Abs. 1")
    assert paid.value == kwargs.get("granted_on")  # payment follows the grant, not the admission


def test_admission_duty_names_the_grant_and_refuses_a_provisional_grant_without_a_day():
    from eghnrw.kommission.models import admission_duty  # noqa: PLC0415

    r = admission_duty(on=date(2024, 3, 15), granted_on=date(2024, 3, 11), provisional=True)
    assert r.reason == "vorläufig bewilligt am 11.03.2024"
    with pytest.raises(InvalidInputError, match=r"^provisional: got True; pass granted_on"):
        admission_duty(on=date(2024, 3, 15), provisional=True)
