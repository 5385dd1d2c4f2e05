"""Bugs the fuzz tests found, each as its minimal example: regression tests now.

Each test states the behaviour DESIGN.md asks for. A new bug gets its test here marked
``@_xfail("<id>: <what goes wrong>")`` and an entry in ``fuzz_table.KNOWN_BUGS``; when it is fixed
the test passes, which ``xfail_strict`` reports as a failure: delete the mark and the entry. The
first fuzzing run found 25 bugs (fixed in 89053b4 and 5881b2f), the second two more (fixed in
3b91125), the third two in model fields (fixed in 7c26442). Open: daily-rate-underflow and
float-subclass-repr (found by the batch tests).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

import eghnrw as e
from eghnrw import EghnrwError, InvalidInputError
from fuzz.fuzz_table import DEEP_LIST, contains_float


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- params.parameter: overrides ---------------------------------------------------------------


def test_personal_means_check_refuses_overrides_that_are_not_a_mapping():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        e.personal_means_check(personal_means="480", on=date(2024, 7, 1), overrides=0)  # type: ignore[arg-type]


# --- an intermediate beyond 10^15 is reported as "value: got ..." -------------------------------


def test_pflegefamilie_with_a_product_too_large_names_its_factors():
    with pytest.raises(InvalidInputError, match=r"care_hours|hourly_rate"):
        e.pflegefamilie_verguetung(
            landschaftsverband="LVR", flat_rate="350", care_hours="40000000", hourly_rate="40000000"
        )


# --- arguments accepted or crashing without a check --------------------------------------------


def test_personenkreis_check_refuses_none_impairments():
    with pytest.raises(InvalidInputError, match=r"^impairments"):
        e.personenkreis_check(impairments=None, expected_months=12)  # type: ignore[arg-type]


def test_input_schema_refuses_an_unhashable_model_name():
    with pytest.raises(InvalidInputError, match=r"^model"):
        e.input_schema([])  # type: ignore[arg-type]


def test_parse_module_refuses_none_naming_data():
    with pytest.raises(EghnrwError, match=r"data"):
        e.parse_module(None)  # type: ignore[arg-type]


def test_werktage_between_checks_its_flag_even_for_an_empty_range():
    with pytest.raises(InvalidInputError, match=r"^saturday_is_werktag"):
        e.werktage_between(date(2024, 7, 3), date(2024, 6, 3), saturday_is_werktag="no")  # type: ignore[arg-type]


# --- models users can construct that hold floats -----------------------------------------------


def test_a_result_never_holds_a_float():
    try:
        result = e.Result(inputs={"x": 1.5})
    except (ValidationError, EghnrwError):
        return
    assert not contains_float(result.model_dump())


# --- later public names ------------------------------------------------------------------------


def test_commission_chair_refuses_a_date_past_the_calendar():
    with pytest.raises(InvalidInputError, match=r"^on"):
        e.commission_chair(on=date(9998, 1, 1), first_term_start=date(2020, 1, 1), first_side="leistungserbringer")


def test_module_rate_checks_table_even_when_the_module_needs_none():
    module = {
        "kind": "fachmodul_wohnen",
        "annual_cost": "1000000",
        "places": 20,
        "occupancy_percent": "95",
        "days": 365,
    }
    with pytest.raises(InvalidInputError, match=r"^table"):
        e.module_rate(module, on=date(2024, 1, 1), table=True)  # type: ignore[arg-type]


def test_hourly_rates_refuses_overrides_that_are_not_a_mapping():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        e.hourly_rates(annual_personnel_cost=["63360"], on=date(2024, 1, 1), overrides=True)  # type: ignore[arg-type]


# --- found by the second run, fixed in 3b91125 --------------------------------------------------


def test_a_deeply_nested_list_for_a_name_is_refused():
    with pytest.raises(InvalidInputError, match=r"^landschaftsverband"):
        e.pflegefamilie_verguetung(landschaftsverband=DEEP_LIST, flat_rate="1200")  # type: ignore[arg-type]


def test_an_empty_batch_still_checks_its_arguments():
    with pytest.raises(InvalidInputError, match=r"^itemised"):
        e.kdu_checks(actual_costs=[], adequacy_limit="500", itemised=None)  # type: ignore[arg-type]


# --- found by the third run, fixed in 7c26442 --------------------------------------------------------


def test_a_model_refuses_a_deeply_nested_list_for_an_enum_field():
    with pytest.raises(ValidationError) as info:
        e.InvoiceItem(description="Fachmodul Wohnen", unit=DEEP_LIST, quantity=Decimal(29), unit_price=Decimal("47.09"))
    assert info.value.errors()[0]["loc"] == ("unit",)
