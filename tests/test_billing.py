"""Monthly billing, Kurzzeitbetreuung (M9), Pflegefamilien (M10), Vergütungskürzung (M11)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.core.calendar import add_period_from_start_of_day
from eghnrw.core.enums import Landschaftsverband
from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.billing import (
    BillingUnit,
    InvoiceItem,
    _months_begun,
    kurzzeitbetreuung,
    monthly_invoice,
    pflegefamilie_verguetung,
    verguetungskuerzung,
)
from fuzz.fuzz_table import DEEP_LIST


def test_invoice_lines_rounded_once_each_total_is_their_sum() -> None:
    # Wohnen 30 × 52.80 = 1,584.00; Organisationsmodul 30 × 6.99 = 209.70;
    # Assistenz 7.5 h × 54.13 = 405.975 → 405.98 (half up); total 2,199.68
    inv = monthly_invoice(
        month=date(2024, 4, 15),
        items=[
            InvoiceItem(description="Fachmodul Wohnen", unit=BillingUnit.DAY, quantity=30, unit_price="52.80"),
            {
                "description": "Organisationsmodul",
                "unit": "day",
                "quantity": 30,
                "unit_price": "6.99",
                "clause": "LRV B.4.7 Abs. 10",
            },
            InvoiceItem(
                description="Qualifizierte Assistenz",
                unit=BillingUnit.HOUR,
                quantity="7.5",
                unit_price="54.13",
                clause="LRV B.4.2 Abs. 2",
            ),
        ],
    )
    assert [line.amount for line in inv.lines] == [Decimal("1584.00"), Decimal("209.70"), Decimal("405.98")]
    assert inv.amount == Decimal("2199.68")
    assert (inv.period_start, inv.period_end) == (date(2024, 4, 1), date(2024, 4, 30))
    assert "LRV B.4.2 Abs. 2" in inv.citations


def test_invoice_day_count_limits() -> None:
    item = {"description": "Wohnen", "unit": "day", "unit_price": "1"}
    monthly_invoice(month=date(2024, 2, 1), items=[{**item, "quantity": 29}])  # leap year: 29 days fine
    with pytest.raises(InvalidInputError) as info:
        monthly_invoice(month=date(2023, 2, 1), items=[{**item, "quantity": 29}])
    assert info.value.argument == "items[0].quantity"
    with pytest.raises(InvalidInputError) as info:
        monthly_invoice(month=date(2024, 2, 1), items=[{**item, "quantity": "1.5"}])
    assert info.value.argument == "items[0].quantity"


def test_invoice_bad_items() -> None:
    with pytest.raises(InvalidInputError) as info:
        monthly_invoice(
            month=date(2024, 2, 1), items=[{"description": "x", "unit": "day", "quantity": 1.0, "unit_price": 1}]
        )
    assert info.value.argument == "items[0].quantity"
    assert info.value.errors
    with pytest.raises(InvalidInputError) as info:
        monthly_invoice(month=date(2024, 2, 1), items=["x"])  # type: ignore[list-item]
    assert info.value.argument == "items[0]"
    with pytest.raises(InvalidInputError) as info:
        monthly_invoice(month=date(2024, 2, 1), items="x")  # type: ignore[arg-type]
    assert info.value.argument == "items"
    with pytest.raises(ValidationError):  # a model constructor speaks pydantic (docs/decisions.md)
        InvoiceItem(description="x", unit=BillingUnit.DAY, quantity=-1, unit_price=1)


def test_a_model_refuses_a_deeply_nested_list_for_an_enum_field():
    # the list's repr fails (nested past the recursion limit): the error still locates the field
    with pytest.raises(ValidationError) as info:
        InvoiceItem(description="Fachmodul Wohnen", unit=DEEP_LIST, quantity=Decimal(29), unit_price=Decimal("47.09"))
    assert info.value.errors()[0]["loc"] == ("unit",)


def test_empty_invoice() -> None:
    assert monthly_invoice(month=date(2024, 2, 1), items=[]).amount == Decimal("0.00")


def test_kurzzeit_42_days_within_limit() -> None:
    # 01.03. to 11.04.2024: 31 + 11 = 42 days, both ends counted
    r = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 4, 11), versorgung_daily_rate="20.00")
    assert (r.consecutive_days, r.covered_days, r.excess_days, r.within_limit) == (42, 42, 0, True)
    assert r.amount == Decimal("840.00")
    assert "innerhalb von 42 Tagen" in r.message


def test_kurzzeit_43_days_capped_with_message() -> None:
    # 01.03. to 12.04.2024: 43 days; covered up to 11.04., one day over
    r = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 4, 12), versorgung_daily_rate="20.00")
    assert (r.consecutive_days, r.covered_days, r.excess_days, r.within_limit) == (43, 42, 1, False)
    assert r.last_covered_day == date(2024, 4, 11)
    assert r.amount == Decimal("840.00")
    assert "nur für 42 Tage (bis 11.04.2024)" in r.message
    assert "1 Tag(e) darüber" in r.message
    # covered days per month: 31 in March, 11 in April, none in May
    assert (r.covered_days_in(date(2024, 3, 5)), r.covered_days_in(date(2024, 4, 1))) == (31, 11)
    assert r.covered_days_in(date(2024, 5, 1)) == 0


def test_kurzzeit_single_day_and_bad_input() -> None:
    r = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 1))
    assert (r.consecutive_days, r.amount) == (1, None)
    with pytest.raises(InvalidInputError) as info:
        kurzzeitbetreuung(first_day=date(2024, 3, 2), last_day=date(2024, 3, 1))
    assert info.value.argument == "last_day"
    with pytest.raises(InvalidInputError) as info:
        kurzzeitbetreuung(first_day=date(9999, 12, 31), last_day=date(9999, 12, 31))
    assert info.value.argument == "first_day"
    with pytest.raises(InvalidInputError) as info:
        kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 1), versorgung_daily_rate=-1)
    assert info.value.argument == "versorgung_daily_rate"


def test_kurzzeit_an_interruption_does_not_restart_the_42_days() -> None:
    # Stay 01.03.–30.04.2024 (61 days), home 10.03.–14.03. (5 days). The 42 days are one calendar
    # window from 01.03. to 11.04.; present in it: 42 − 5 = 37 days (01.–09.03., 15.03.–11.04.);
    # 12.04.–30.04. (19 days) are over: 61 − 5 − 37 = 19
    r = kurzzeitbetreuung(
        first_day=date(2024, 3, 1),
        last_day=date(2024, 4, 30),
        absences=[(date(2024, 3, 10), date(2024, 3, 14))],
        versorgung_daily_rate="20.00",
    )
    assert (r.consecutive_days, r.absent_days, r.covered_days, r.excess_days) == (61, 5, 37, 19)
    assert r.covered_periods == ((date(2024, 3, 1), date(2024, 3, 9)), (date(2024, 3, 15), date(2024, 4, 11)))
    assert (r.last_covered_day, r.amount) == (date(2024, 4, 11), Decimal("740.00"))  # 37 × 20
    assert (r.covered_days_in(date(2024, 3, 1)), r.covered_days_in(date(2024, 4, 1))) == (26, 11)
    # the other reading: each part starts 42 new days; 01.–09.03. (9) and 15.03.–25.04. (42): 51
    again = kurzzeitbetreuung(
        first_day=date(2024, 3, 1),
        last_day=date(2024, 4, 30),
        absences=[(date(2024, 3, 10), date(2024, 3, 14))],
        interruption="restarts",
    )
    assert (again.covered_days, again.excess_days, again.last_covered_day) == (51, 5, date(2024, 4, 25))


def test_kurzzeit_emergency_admission_is_paid_from_the_first_day() -> None:
    # Admitted 01.03.2024, approved 11.03.: without an emergency the Vergütung runs from 11.03.
    # (A.4.4 Abs. 1: for the granted and delivered services), 10 days unpaid, and the 42 days begin
    # then (11.03.–21.04.); in an emergency (B.4.8 Abs. 4 Satz 3) from the admission, 01.03.–11.04.
    plain = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 4, 30), approved_on=date(2024, 3, 11))
    assert (plain.paid_from, plain.unpaid_days, plain.covered_days, plain.last_covered_day) == (
        date(2024, 3, 11),
        10,
        42,
        date(2024, 4, 21),
    )
    assert plain.excess_days == 61 - 10 - 42
    paid = next(step for step in plain.steps if step.en == "paid from the approval (after admission)")
    assert (paid.clause, paid.value) == ("LRV A.4.4 Abs. 1", date(2024, 3, 11))  # not A.5 Abs. 2, the duty to admit
    assert "LRV A.5 Abs. 2" not in plain.citations
    urgent = kurzzeitbetreuung(
        first_day=date(2024, 3, 1), last_day=date(2024, 4, 30), approved_on=date(2024, 3, 11), emergency=True
    )
    assert (urgent.paid_from, urgent.unpaid_days, urgent.last_covered_day, urgent.emergency) == (
        date(2024, 3, 1),
        0,
        date(2024, 4, 11),
        True,
    )
    assert "LRV B.4.8 Abs. 4 Satz 3" in urgent.citations
    with pytest.raises(InvalidInputError) as info:  # approved after the stay, no emergency: nothing is owed
        kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 10), approved_on=date(2024, 3, 11))
    assert info.value.argument == "approved_on"


def test_kurzzeit_housing_of_a_place_within_a_regular_group_is_fachleistung() -> None:
    # B.4.8 Abs. 5 Satz 2: eingestreuter Platz, housing 15.50 a day for 01.–20.03.2024 (20 days) =
    # 310.00 as Fachleistung; for a solitary offer the costs are in the Investitionsbetrag (Satz 3)
    r = kurzzeitbetreuung(
        first_day=date(2024, 3, 1), last_day=date(2024, 3, 20), place="eingestreut", housing_daily_cost="15.50"
    )
    assert (r.housing_amount, r.place) == (Decimal("310.00"), "eingestreut")
    assert "LRV B.4.8 Abs. 5 Satz 2" in r.citations
    solo = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 20), place="solitaer")
    assert (solo.housing_amount, solo.steps[-1].clause) == (None, "LRV B.4.8 Abs. 5 Satz 3")
    for kwargs, argument in (
        ({"place": "solitaer", "housing_daily_cost": "15.50"}, "housing_daily_cost"),
        ({"housing_daily_cost": "15.50"}, "housing_daily_cost"),
        ({"place": "gruppe"}, "place"),
        ({"interruption": "pause"}, "interruption"),
        ({"absences": [(date(2024, 3, 1), date(2024, 3, 2))]}, "absences[0]"),  # not strictly inside
        ({"absences": [(date(2024, 3, 5), date(2024, 3, 6)), (date(2024, 3, 6), date(2024, 3, 7))]}, "absences"),
        ({"absences": "x"}, "absences"),
        ({"emergency": "yes"}, "emergency"),
    ):
        with pytest.raises(InvalidInputError) as info:
            kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 20), **kwargs)  # type: ignore[arg-type]
        assert info.value.argument == argument


def test_pflegefamilie_lvr_time_plus_flat_rate() -> None:
    # 12.5 h × 54.13 = 676.625 → 676.63; + 350.00 = 1,026.63
    r = pflegefamilie_verguetung(
        landschaftsverband=Landschaftsverband.LVR, flat_rate="350", care_hours="12.5", hourly_rate="54.13"
    )
    assert (r.care_amount, r.flat_amount, r.amount) == (Decimal("676.63"), Decimal("350.00"), Decimal("1026.63"))
    assert r.citations == ("LRV B.4.9 Abs. 3",)


def test_pflegefamilie_lwl_one_flat_rate() -> None:
    r = pflegefamilie_verguetung(landschaftsverband="LWL", flat_rate="1234.5")
    assert (r.care_amount, r.amount) == (Decimal("0.00"), Decimal("1234.50"))
    assert r.citations == ("LRV B.4.9 Abs. 4",)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"landschaftsverband": "LVX", "flat_rate": 1}, "landschaftsverband"),
        ({"landschaftsverband": "LWL", "flat_rate": 1, "care_hours": 2}, "care_hours"),
        ({"landschaftsverband": "LWL", "flat_rate": 1, "hourly_rate": 2}, "hourly_rate"),
        ({"landschaftsverband": "LVR", "flat_rate": 1, "hourly_rate": 2}, "care_hours"),
        ({"landschaftsverband": "LVR", "flat_rate": 1, "care_hours": 2}, "hourly_rate"),
        ({"landschaftsverband": "LVR", "flat_rate": -1, "care_hours": 2, "hourly_rate": 2}, "flat_rate"),
        ({"landschaftsverband": "LVR", "flat_rate": 1, "care_hours": 2.5, "hourly_rate": 2}, "care_hours"),
    ],
)
def test_pflegefamilie_bad_input(kwargs: dict[str, object], argument: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        pflegefamilie_verguetung(**kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_pflegefamilie_with_a_product_too_large_names_its_factors():
    # care_hours × hourly_rate beyond 10^15: the refusal names the factors, not "value: got ..."
    with pytest.raises(InvalidInputError, match=r"care_hours|hourly_rate"):
        pflegefamilie_verguetung(
            landschaftsverband="LVR", flat_rate="350", care_hours="40000000", hourly_rate="40000000"
        )


def test_a_deeply_nested_list_for_a_name_is_refused():
    # the list's repr fails (nested past the recursion limit): the refusal still names the argument
    with pytest.raises(InvalidInputError, match=r"^landschaftsverband"):
        pflegefamilie_verguetung(landschaftsverband=DEEP_LIST, flat_rate="1200")  # type: ignore[arg-type]


def test_kuerzung_covers_the_breach_period_checked_to_the_day() -> None:
    # § 129 Abs. 1 SGB IX: "für die Dauer der Pflichtverletzung". 24 months from the start of
    # 01.03.2022 (§ 187 Abs. 2 BGB) end with the day before 01.03.2024 (§ 188 Abs. 2): 29.02.2024.
    r = verguetungskuerzung(amount="1000.00", first_day=date(2022, 3, 1), last_day=date(2024, 2, 29))
    assert (r.first_day, r.last_day, r.latest_last_day, r.months, r.monthly) == (
        date(2022, 3, 1),
        date(2024, 2, 29),
        date(2024, 2, 29),
        24,
        (),
    )
    assert r.amount == Decimal("1000.00")
    assert "§ 129 Abs. 1 Satz 1 SGB IX" in r.citations
    assert "LRV A.8.5 Abs. 1 Satz 3" in r.citations
    # one day more is 24 months and a day: refused, and the message names the last allowed day
    with pytest.raises(InvalidInputError, match=r"may end on 29\.02\.2024 at the latest") as info:
        verguetungskuerzung(amount="1000.00", first_day=date(2022, 3, 1), last_day=date(2024, 3, 1))
    assert info.value.argument == "last_day"
    # a breach of 17 days is one month begun; from 31.01.2024 24 months end 30.01.2026
    short = verguetungskuerzung(amount="10.00", first_day=date(2024, 3, 1), last_day=date(2024, 3, 17))
    assert (short.months, short.latest_last_day) == (1, date(2026, 2, 28))
    assert verguetungskuerzung(amount="10.00", first_day=date(2024, 1, 31), last_day=date(2024, 3, 1)).months == 2


def test_kuerzung_spread_over_months_only_when_asked() -> None:
    # 1,000.00 over 24 months: 1,000 / 24 = 41.666…; 16 months 41.67, 8 months 41.66 (16 leftover cents)
    r = verguetungskuerzung(amount="1000.00", first_day=date(2024, 1, 1), months=24, monthly_parts=True)
    assert r.last_day == date(2025, 12, 31)
    assert r.monthly.count(Decimal("41.67")) == 16
    assert r.monthly.count(Decimal("41.66")) == 8
    assert sum(r.monthly) == Decimal("1000.00")
    assert "LRV A.8.5 Abs. 1" in r.citations
    assert verguetungskuerzung(amount="1000.00", first_day=date(2024, 1, 1), months=24).monthly == ()
    # a period given by its last day is spread over the months begun: 01.03.–17.04.2024 = 2 months
    two = verguetungskuerzung(amount="0.03", first_day=date(2024, 3, 1), last_day=date(2024, 4, 17), monthly_parts=True)
    assert two.monthly == (Decimal("0.02"), Decimal("0.01"))


def test_kuerzung_25_months_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"must not exceed 24 months \(LRV A\.8\.5 Abs\. 1\)") as info:
        verguetungskuerzung(amount="1000.00", first_day=date(2024, 1, 1), months=25)
    assert info.value.argument == "months"


def test_kuerzung_month_end_and_bad_input() -> None:
    # begins at the start of 15.01., ends with the day before the matching day 15.02. (§ 188 Abs. 2 BGB)
    assert verguetungskuerzung(amount="10.00", first_day=date(2024, 1, 15), months=1).last_day == date(2024, 2, 14)
    # from 31.01.: 31.02. does not exist → the month's last day, 29.02.2024 (§ 188 Abs. 3 BGB)
    assert verguetungskuerzung(amount="10.00", first_day=date(2024, 1, 31), months=1).last_day == date(2024, 2, 29)
    for kwargs, argument in (
        ({"amount": "10.001"}, "amount"),
        ({"amount": -1}, "amount"),
        ({"months": 0}, "months"),
        ({"months": 1.0}, "months"),
        ({"first_day": "2024-01-01"}, "first_day"),
        ({"last_day": date(2024, 3, 1)}, "last_day"),  # both last_day and months
        ({"months": None}, "last_day"),  # neither
        ({"months": None, "last_day": date(2023, 12, 31)}, "last_day"),  # before first_day
        ({"monthly_parts": 1}, "monthly_parts"),
    ):
        args: dict[str, object] = {"amount": "10.00", "first_day": date(2024, 1, 1), "months": 2, **kwargs}
        with pytest.raises(InvalidInputError) as info:
            verguetungskuerzung(**args)  # type: ignore[arg-type]
        assert info.value.argument == argument


def test_kurzzeit_covered_days_by_billing_month() -> None:
    # 20.03.–30.04.2024 (42 days, all covered) away 25.–27.03.: covered 20.–24.03. (5) and
    # 28.–31.03. (4) = 9 in March, 01.–30.04. = 30 in April, none in February or May
    r = kurzzeitbetreuung(
        first_day=date(2024, 3, 20), last_day=date(2024, 4, 30), absences=[(date(2024, 3, 25), date(2024, 3, 27))]
    )
    assert r.covered_periods == ((date(2024, 3, 20), date(2024, 3, 24)), (date(2024, 3, 28), date(2024, 4, 30)))
    assert [r.covered_days_in(date(2024, m, 15)) for m in (2, 3, 4, 5)] == [0, 9, 30, 0]
    assert r.covered_days_in(date(2024, 3, 31)) == 9  # any day names its month
    # without runs (a result built by hand), the days from first_day to last_covered_day count:
    # 20.–31.03. = 12 days
    bare = r.model_copy(update={"covered_periods": ()})
    assert [bare.covered_days_in(date(2024, m, 1)) for m in (3, 4)] == [12, 30]
    with pytest.raises(InvalidInputError) as info:
        r.covered_days_in("2024-03")  # type: ignore[arg-type]
    assert (info.value.argument, info.value.expected) == ("month", "pass a datetime.date, not str")


def test_kurzzeit_steps_and_message_say_what_was_paid() -> None:
    # Approved 20.02.2024 before the admission on 01.03.: paid from the admission, and the step says so.
    before = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 10), approved_on=date(2024, 2, 20))
    paid = next(step for step in before.steps if step.clause == "LRV A.4.4 Abs. 1")
    assert (paid.de, paid.value, before.paid_from) == (
        "vergütet ab der Aufnahme (vorher bewilligt)",
        date(2024, 3, 1),
        date(2024, 3, 1),
    )
    # One day: "1 Tag", not "1 Tage".
    one = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 1))
    assert one.message == "Kurzzeitbetreuung 01.03.2024–01.03.2024: 1 Tag, innerhalb von 42 Tagen (LRV B.4.8 Abs. 4)."
    # Restarting after an absence: 01.03.–15.04.2024 (46 days), away 10.03.–11.03. (2 days): the 42 days
    # count again from 12.03., so 9 + 35 = 44 days are covered; the message names 44, not 42.
    restarts = kurzzeitbetreuung(
        first_day=date(2024, 3, 1),
        last_day=date(2024, 4, 15),
        absences=[(date(2024, 3, 10), date(2024, 3, 11))],
        interruption="restarts",
    )
    assert (restarts.covered_days, restarts.excess_days) == (44, 0)
    covered = next(step for step in restarts.steps if step.en.startswith("days as specialist service"))
    assert (covered.de, covered.value) == ("Tage als Fachleistung (höchstens 42, nach jeder Unterbrechung neu)", 44)
    # ... and with days above the maximum: 01.03.–30.04.2024 (61 days), away 10.–11.03.: 9 days, then 42
    # again from 12.03. to 22.04. (20 March days + 22 April days); 61 − 2 − 51 = 8 days above.
    capped = kurzzeitbetreuung(
        first_day=date(2024, 3, 1),
        last_day=date(2024, 4, 30),
        absences=[(date(2024, 3, 10), date(2024, 3, 11))],
        interruption="restarts",
    )
    assert (capped.covered_days, capped.excess_days, capped.last_covered_day) == (51, 8, date(2024, 4, 22))
    assert "nur für 51 Tage (bis 22.04.2024) als Fachleistung gewährt, 8 Tag(e) darüber" in capped.message


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 3, 1), date(2024, 3, 1), 1),  # one day: the first month
        (date(2024, 3, 1), date(2024, 3, 31), 1),  # 01.03. + 1 month from the start of the day ends 31.03.
        (date(2024, 3, 1), date(2024, 4, 1), 2),
        # 31.01. + 1 month ends 29.02. (§ 188 Abs. 3: no 31.02.), 01.03. is in the second month
        (date(2024, 1, 31), date(2024, 3, 1), 2),
        (date(2023, 11, 15), date(2024, 1, 14), 2),  # across the year: 15.11. + 2 months end 14.01.
        (date(2023, 11, 15), date(2024, 1, 15), 3),
        (date(2022, 3, 1), date(2024, 2, 29), 24),
        (date(2022, 3, 1), date(2024, 3, 1), 25),
    ],
)
def test_the_months_begun_of_a_period(start, end, months):
    assert _months_begun(start, end) == months


def test_the_months_begun_are_the_least_months_that_reach_the_last_day():
    # against counting month by month from one, over start days across a year end and a leap day
    for offset in range(0, 130, 3):
        start = date(2023, 11, 1) + timedelta(days=offset)
        for length in (*range(70), *range(70, 800, 29)):
            end = start + timedelta(days=length)
            least = next(n for n in range(1, 40) if add_period_from_start_of_day(start, months=n) >= end)
            assert _months_begun(start, end) == least, (start, end)
