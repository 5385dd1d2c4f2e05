"""The error hierarchy (DESIGN.md "Errors"): one base, each error also the built-in it means."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

import eghnrw
from eghnrw.core.errors import (
    EghnrwError,
    InvalidInputError,
    OptionalDependencyError,
    ParameterNotFoundError,
    ParameterOutdatedWarning,
)


@pytest.mark.parametrize(
    ("error", "bases"),
    [
        (InvalidInputError, (EghnrwError, ValueError)),
        (ParameterNotFoundError, (EghnrwError, LookupError, ValueError)),
        (OptionalDependencyError, (EghnrwError, ImportError)),
        (EghnrwError, (Exception,)),
    ],
)
def test_every_error_is_also_the_builtin_it_means(error, bases):
    for base in bases:
        assert issubclass(error, base)


def test_invalid_input_is_not_a_lookup_error():
    assert not issubclass(InvalidInputError, LookupError)


def test_except_value_error_catches_every_refusal_as_the_readme_says():
    # README: "catch ValueError to catch both" (eghnrw's errors and pydantic's ValidationError)
    with pytest.raises(ValueError, match=r"^kgst_normalarbeitszeit has no value on 1991-01-01"):
        eghnrw.hourly_rate(annual_personnel_cost="63360", on=date(1991, 1, 1))
    with pytest.raises(ValueError, match="no parameter named 'kgst'"):
        eghnrw.parameter("kgst", on=date(2024, 1, 1))
    with pytest.raises(ValueError, match="Provider"):
        eghnrw.Provider.model_validate({})


def test_outdated_is_a_user_warning_not_an_error():
    assert issubclass(ParameterOutdatedWarning, UserWarning)
    assert not issubclass(ParameterOutdatedWarning, EghnrwError)


def test_top_level_exports_are_the_same_classes():
    assert eghnrw.EghnrwError is EghnrwError
    assert eghnrw.InvalidInputError is InvalidInputError
    assert eghnrw.ParameterNotFoundError is ParameterNotFoundError
    assert eghnrw.ParameterOutdatedWarning is ParameterOutdatedWarning
    assert eghnrw.OptionalDependencyError is OptionalDependencyError


def test_message_names_argument_value_and_what_is_expected():
    error = InvalidInputError("places", 0, "pass a whole number of places above zero")
    assert str(error) == "places: got 0; pass a whole number of places above zero"
    assert error.argument == "places"
    assert error.value == 0
    assert error.expected == "pass a whole number of places above zero"
    assert error.errors == []


def test_message_shows_the_repr_so_strings_and_numbers_differ():
    assert str(InvalidInputError("total", "12", "x")) == "total: got '12'; x"
    assert str(InvalidInputError("total", 12, "x")) == "total: got 12; x"


def test_long_values_are_shortened_in_the_message_but_kept_on_the_error():
    value = "9" * 200
    error = InvalidInputError("amount", value, "too long")
    shown = str(error).removeprefix("amount: got ").removesuffix("; too long")
    # repr adds two quotes (202 characters); cut to 77 + "..." = 80.
    assert shown == "'" + "9" * 76 + "..."
    assert len(shown) == 80
    assert error.value == value


def test_pydantic_error_list_is_kept():
    details = [{"loc": ("places",), "msg": "Input should be greater than 0", "type": "greater_than"}]
    error = InvalidInputError("places", -1, "pass a number above zero", errors=details)
    assert error.errors == details


def test_errors_from_the_library_can_be_caught_as_the_builtin():
    with pytest.raises(ValueError, match=r"^total: got 0\.1; floats cannot hold cents exactly"):
        eghnrw.allocate(0.1, 2)  # type: ignore[arg-type]
    with pytest.raises(LookupError, match="no parameter named 'kgst'"):
        eghnrw.parameter("kgst", on=date(2024, 1, 1))
    with pytest.raises(EghnrwError):
        eghnrw.add_werktage(date(2024, 1, 1), -1)


def test_not_found_error_survives_pickling():
    # Batch runners send errors between processes: a LookupError subclass with a plain message must round-trip.
    error = ParameterNotFoundError("no parameter named 'x'")
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(again) is ParameterNotFoundError
    assert str(again) == "no parameter named 'x'"


def test_invalid_input_error_survives_pickling():
    error = InvalidInputError("places", 0, "pass a number above zero")
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (again.argument, again.value, again.expected, str(again)) == (
        "places",
        0,
        "pass a number above zero",
        "places: got 0; pass a number above zero",
    )


class _BrokenRepr:
    """A value whose repr fails in a way a caller's object might (a half-initialised object)."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __repr__(self) -> str:
        raise self.error


@pytest.mark.parametrize("error", [TypeError("no repr"), AttributeError("half made"), KeyError("x"), ValueError()])
def test_a_value_whose_repr_fails_is_named_by_its_type(error: Exception):
    shown = str(InvalidInputError("amount", _BrokenRepr(error), "pass a number"))
    assert shown == "amount: got <_BrokenRepr that cannot be shown>; pass a number"


def test_a_rule_function_refuses_a_value_whose_repr_fails():
    # the refusal names the argument; the TypeError of the value's __repr__ does not escape
    with pytest.raises(InvalidInputError, match=r"^annual_cost: got <_BrokenRepr that cannot be shown>; "):
        eghnrw.daily_rate(annual_cost=_BrokenRepr(TypeError("no repr")), places=1, occupancy_percent=100, days=1)  # type: ignore[arg-type]


def test_optional_dependency_error_names_the_extra_and_survives_pickling():
    error = OptionalDependencyError("BatchResult.to_arrow()", "pyarrow", "arrow")
    assert str(error) == "BatchResult.to_arrow() needs pyarrow, which is not installed: pip install 'eghnrw[arrow]'"
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (type(again), str(again), again.name, again.extra) == (type(error), str(error), "pyarrow", "arrow")
