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

import pytest
from pydantic import ValidationError

import eghnrw as e
from eghnrw import EghnrwError, InvalidInputError
from fuzz.fuzz_table import contains_float


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


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
