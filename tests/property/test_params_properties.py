"""Properties of dated parameters: the value found is valid on the date asked, overrides always win."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.errors import ParameterNotFoundError, ParameterOutdatedWarning
from eghnrw.core.params import OVERRIDE_SOURCE, parameter, parameter_names
from strategies import signed_cents

RAW = tomllib.loads(files("eghnrw.core.params").joinpath("parameters.toml").read_text("utf-8"))
names = st.sampled_from(parameter_names())


@st.composite
def reviewed_days(draw: st.DrawFn) -> tuple[str, date]:
    """A parameter and a day from its first value to the date it was last reviewed."""
    name = draw(names)
    entry = RAW[name]
    return name, draw(st.dates(min_value=entry["values"][0]["valid_from"], max_value=entry["reviewed_until"]))


@given(asked=reviewed_days())
def test_the_value_found_is_valid_on_the_day_asked(asked):
    name, day = asked
    found = parameter(name, on=day)  # no warning inside the reviewed period (filterwarnings = error)
    assert type(found.value) is Decimal
    assert found.valid_from <= day
    assert found.valid_until is None or day <= found.valid_until
    assert found.source.strip()
    assert found.overridden is False
    # the same value as the file's entry for that period
    (matching,) = [
        v for v in RAW[name]["values"] if v["valid_from"] <= day and ("valid_until" not in v or day <= v["valid_until"])
    ]
    assert found.value == Decimal(matching["value"])


@st.composite
def days_before_the_first_value(draw: st.DrawFn) -> tuple[str, date]:
    name = draw(names)
    first = RAW[name]["values"][0]["valid_from"]
    return name, draw(st.dates(min_value=date(1991, 1, 1), max_value=first - timedelta(days=1)))


@st.composite
def days_past_the_review(draw: st.DrawFn) -> tuple[str, date]:
    name = draw(names)
    reviewed = RAW[name]["reviewed_until"]
    return name, draw(st.dates(min_value=reviewed + timedelta(days=1), max_value=date(2199, 12, 31)))


@given(asked=days_before_the_first_value())
def test_no_value_before_the_first(asked):
    name, day = asked
    first = RAW[name]["values"][0]["valid_from"]
    with pytest.raises(ParameterNotFoundError, match=f"values start on {first.isoformat()}"):
        parameter(name, on=day)


@given(asked=days_past_the_review())
def test_past_the_review_the_last_value_is_carried_forward(asked):
    name, day = asked
    with pytest.warns(ParameterOutdatedWarning, match=f"^{name}: {day.isoformat()} lies past"):
        found = parameter(name, on=day)
    assert found.value == Decimal(RAW[name]["values"][-1]["value"])
    assert found.source == RAW[name]["values"][-1]["source"]


@given(name=names, day=st.dates(min_value=date(1991, 1, 1), max_value=date(2199, 12, 31)), value=signed_cents)
def test_an_override_always_wins_on_any_day(name, day, value):
    found = parameter(name, on=day, overrides={name: value})
    assert (found.value, found.overridden, found.source) == (value, True, OVERRIDE_SOURCE)
    assert found.valid_from == found.valid_until == day
    assert type(found.value) is Decimal
