"""Dated parameters: values by date, sources, overrides, the outdated warning, and file hygiene."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from importlib.resources import files
from itertools import pairwise

import pytest
from pydantic import ValidationError

import eghnrw
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError, ParameterOutdatedWarning
from eghnrw.core.money import parse_amount
from eghnrw.core.params import OVERRIDE_SOURCE, Parameter, _Entry, parameter, parameter_names
from fuzz.fuzz_table import DEEP_LIST

D = Decimal


def _raw() -> dict:
    """The parameter file as shipped, read independently of the loader (via the installed package)."""
    return tomllib.loads(files("eghnrw.core.params").joinpath("parameters.toml").read_text("utf-8"))


# --- contract values -----------------------------------------------------------------------------


def test_contract_values():
    assert eghnrw.parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1)).value == D("1584")
    assert eghnrw.parameter("regelbedarfsstufe_2", on=date(2024, 7, 1)).value == D("506")


@pytest.mark.parametrize(
    ("year", "euro"),
    [(2020, "389"), (2021, "401"), (2022, "404"), (2023, "451"), (2024, "506"), (2025, "506"), (2026, "506")],
)
def test_regelbedarfsstufe_2_by_year(year, euro):
    for day in (date(year, 1, 1), date(year, 7, 1), date(year, 12, 31)):
        found = parameter("regelbedarfsstufe_2", on=day)
        assert found.value == D(euro)
        assert (found.valid_from, found.valid_until) == (date(year, 1, 1), date(year, 12, 31))
        assert found.unit == "EUR per month"
        assert found.overridden is False


def test_regelbedarfsstufe_2_changes_at_midnight_of_new_year():
    assert parameter("regelbedarfsstufe_2", on=date(2022, 12, 31)).value == D("404")
    assert parameter("regelbedarfsstufe_2", on=date(2023, 1, 1)).value == D("451")


@pytest.mark.parametrize(
    ("year", "cited"),
    [
        (2020, "RBSFV 2020"),
        (2021, "RBEG"),
        (2022, "RBSFV 2022"),
        (2023, "Bürgergeld-Gesetz"),
        (2024, "RBSFV 2024"),
        # the ordinance and its Bundesgesetzblatt, checked against the published text
        (2025, "(RBSFV 2025) vom 18.10.2024, BGBl. 2024 I Nr. 312"),
        (2026, "(RBSFV 2026) vom 17.10.2025, BGBl. 2025 I Nr. 243"),
    ],
)
def test_regelbedarfsstufe_2_cites_the_law_of_its_year(year, cited):
    assert cited in parameter("regelbedarfsstufe_2", on=date(year, 3, 1)).source


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_zero_rounds_name_the_besitzschutz(year):
    found = parameter("regelbedarfsstufe_2", on=date(year, 3, 1))
    assert (found.value, "§ 28a Abs. 5 SGB XII" in found.source, "Nullrunde" in found.source) == (D("506"), True, True)


def test_kgst_normalarbeitszeit_is_open_ended_and_cites_the_lrv():
    found = parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))
    assert found == Parameter(
        name="kgst_normalarbeitszeit",
        value=D("1584"),
        unit="hours per year",
        valid_from=date(2020, 1, 1),
        valid_until=None,
        source=found.source,
        overridden=False,
    )
    assert found.source.startswith("LRV A.4.6 Abs. 2")
    assert "Die KGSt schreibt die Normalarbeitszeit fort" in found.source
    assert "nicht bestätigt" in found.source  # the edition behind 1,584 hours is not named, nor invented


def test_other_seeded_values():
    assert parameter("kgst_wochenarbeitszeit", on=date(2024, 1, 1)).value == D("39")
    assert parameter("berechnungstage", on=date(2024, 1, 1)).value == D("365")


def test_value_is_a_decimal_and_the_result_frozen():
    found = parameter("berechnungstage", on=date(2024, 1, 1))
    assert type(found.value) is Decimal
    with pytest.raises(ValidationError, match="frozen"):
        found.value = D(366)  # type: ignore[misc]


# --- not found, outdated -------------------------------------------------------------------------


def test_unknown_name_lists_what_exists():
    with pytest.raises(ParameterNotFoundError) as caught:
        parameter("kgst_normalarbeitzeit", on=date(2024, 1, 1))  # misspelt
    message = str(caught.value)
    assert message.startswith("no parameter named 'kgst_normalarbeitzeit'; known: ")
    assert message.removeprefix("no parameter named 'kgst_normalarbeitzeit'; known: ") == ", ".join(parameter_names())
    assert isinstance(caught.value, LookupError)


def test_name_that_is_not_a_string_is_not_found():
    with pytest.raises(ParameterNotFoundError, match="no parameter named 5"):
        parameter(5, on=date(2024, 1, 1))  # type: ignore[arg-type]


def test_parameter_names_sorted_and_complete():
    names = parameter_names()
    assert names == tuple(sorted(_raw()))
    assert {"berechnungstage", "kgst_normalarbeitszeit", "kgst_wochenarbeitszeit", "regelbedarfsstufe_2"} <= set(names)


@pytest.mark.parametrize("name", ["kgst_normalarbeitszeit", "regelbedarfsstufe_2", "berechnungstage"])
def test_date_before_first_value_is_not_found(name):
    with pytest.raises(ParameterNotFoundError) as caught:
        parameter(name, on=date(2019, 12, 31))
    assert str(caught.value) == (
        f"{name} has no value on 2019-12-31: values start on 2020-01-01; "
        f"pass overrides={{{name!r}: ...}} for earlier dates"
    )
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("name", ["kgst_normalarbeitszeit", "regelbedarfsstufe_2", "berechnungstage"])
def test_date_past_review_carries_the_last_value_forward_with_a_warning(name):
    entry = _raw()[name]
    last = entry["values"][-1]
    day = entry["reviewed_until"] + timedelta(days=1)
    with pytest.warns(ParameterOutdatedWarning, match=rf"^{name}: {day.isoformat()} lies past") as record:
        found = parameter(name, on=day)
    assert len(record) == 1
    assert "pass it in overrides" in str(record[0].message)
    assert found.value == parse_amount(last["value"])
    assert found.source == last["source"]
    assert found.valid_from == last["valid_from"]


def test_far_future_regelbedarfsstufe_2_is_the_last_value_with_a_warning():
    with pytest.warns(ParameterOutdatedWarning, match="carrying forward"):
        found = parameter("regelbedarfsstufe_2", on=date(2150, 1, 1))
    assert found.value == parse_amount(_raw()["regelbedarfsstufe_2"]["values"][-1]["value"])


def test_no_warning_within_the_reviewed_period():
    # filterwarnings = error: any warning here fails the test.
    entry = _raw()["regelbedarfsstufe_2"]
    assert parameter("regelbedarfsstufe_2", on=entry["reviewed_until"]).value == parse_amount(
        entry["values"][-1]["value"]
    )


@pytest.mark.parametrize("on", [datetime(2024, 1, 1, 0, 0, tzinfo=UTC), "2024-01-01", None, 20240101])
def test_on_must_be_a_date(on):
    with pytest.raises(InvalidInputError) as caught:
        parameter("kgst_normalarbeitszeit", on=on)
    assert caught.value.argument == "on"


# --- overrides -----------------------------------------------------------------------------------


def test_override_wins():
    found = parameter("kgst_normalarbeitszeit", on=date(2024, 3, 1), overrides={"kgst_normalarbeitszeit": "1600"})
    assert found == Parameter(
        name="kgst_normalarbeitszeit",
        value=D("1600"),
        unit="hours per year",
        valid_from=date(2024, 3, 1),
        valid_until=date(2024, 3, 1),
        source=OVERRIDE_SOURCE,
        overridden=True,
    )


def test_override_of_another_parameter_leaves_this_one_alone():
    found = parameter("kgst_normalarbeitszeit", on=date(2024, 3, 1), overrides={"regelbedarfsstufe_2": D("500")})
    assert (found.value, found.overridden) == (D("1584"), False)


def test_override_works_before_the_first_value_and_past_review_without_warning():
    early = parameter("regelbedarfsstufe_2", on=date(2019, 6, 1), overrides={"regelbedarfsstufe_2": 424})
    assert (early.value, early.overridden) == (D(424), True)
    # no ParameterOutdatedWarning: the caller supplied the figure (filterwarnings = error)
    late = parameter("regelbedarfsstufe_2", on=date(2150, 1, 1), overrides={"regelbedarfsstufe_2": "999.99"})
    assert late.value == D("999.99")


def test_misspelt_override_is_refused():
    with pytest.raises(InvalidInputError) as caught:
        parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1), overrides={"kgst_normalarbeitzeit": "1600"})
    assert caught.value.argument == "overrides"
    assert caught.value.value == ["kgst_normalarbeitzeit"]
    assert "override only known parameters: " + ", ".join(parameter_names()) in str(caught.value)


@pytest.mark.parametrize(
    ("value", "hint"),
    [(1600.0, "floats cannot hold cents exactly"), ("1.600,00", "German number format"), (True, "not a bool")],
)
def test_bad_override_value_is_refused(value, hint):
    with pytest.raises(InvalidInputError) as caught:
        parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1), overrides={"kgst_normalarbeitszeit": value})
    assert caught.value.argument == "overrides['kgst_normalarbeitszeit']"
    assert hint in str(caught.value)


def test_empty_overrides_change_nothing():
    assert parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1), overrides={}).value == D("1584")


def test_overrides_that_are_not_a_mapping_are_refused():
    with pytest.raises(InvalidInputError, match=r"^overrides: got True"):
        parameter("kgst_normalarbeitszeit", date(2024, 1, 1), overrides=True)  # type: ignore[arg-type]


def test_overrides_as_a_list_of_names_are_refused():
    with pytest.raises(InvalidInputError, match=r"^overrides: got"):
        parameter("kgst_normalarbeitszeit", date(2024, 1, 1), overrides=["kgst_normalarbeitszeit"])  # type: ignore[arg-type]


# --- Parameter built by hand: what its fields refuse ---------------------------------------------


def test_parameter_refuses_a_float_value():
    with pytest.raises(ValidationError) as info:
        Parameter(name="x", value=1.5, unit="u", valid_from=date(2020, 1, 1), valid_until=None, source="s")
    assert info.value.errors()[0]["loc"] == ("value",)


def test_parameter_refuses_a_float_date():
    with pytest.raises(ValidationError) as info:
        Parameter(name="x", value="1", unit="u", valid_from=0.0, valid_until=None, source="s")
    assert info.value.errors()[0]["loc"] == ("valid_from",)


def test_a_model_refuses_a_deeply_nested_list_for_a_date():
    # the list's repr fails (nested past the recursion limit): the error still locates the field
    with pytest.raises(ValidationError) as info:
        Parameter(name="x", value="1", unit="u", valid_from=DEEP_LIST, valid_until=None, source="s")
    assert info.value.errors()[0]["loc"] == ("valid_from",)


# --- hygiene of the shipped file -----------------------------------------------------------------

ENTRY_KEYS = {"unit", "description", "reviewed_until", "values"}
VALUE_KEYS = {"valid_from", "valid_until", "value", "source"}


@pytest.mark.parametrize("name", sorted(_raw()))
def test_shipped_entry_is_clean(name):
    entry = _raw()[name]
    assert set(entry) == ENTRY_KEYS
    assert entry["unit"].strip()
    assert entry["description"].strip()
    assert type(entry["reviewed_until"]) is date
    values = entry["values"]
    assert values, "at least one value"
    for value in values:
        assert set(value) <= VALUE_KEYS
        assert {"valid_from", "value", "source"} <= set(value)
        assert value["source"].strip(), "every value cites its source"
        assert isinstance(value["value"], str), "numbers are quoted strings, never floats"
        assert type(parse_amount(value["value"])) is Decimal
        assert type(value["valid_from"]) is date
        if "valid_until" in value:
            assert type(value["valid_until"]) is date
            assert value["valid_until"] >= value["valid_from"]
    # ordered, no overlap, no gap: each value ends the day before the next begins
    for earlier, later in pairwise(values):
        assert "valid_until" in earlier, "only the last value may be open-ended"
        assert earlier["valid_until"] + timedelta(days=1) == later["valid_from"]
    # the review covers at least the start of the last value
    assert entry["reviewed_until"] >= values[-1]["valid_from"]
    # the loader's model accepts it
    _Entry.model_validate(entry)


def test_every_name_in_the_file_can_be_looked_up_on_each_value_start():
    for name, entry in _raw().items():
        for value in entry["values"]:
            found = parameter(name, on=value["valid_from"])
            assert found.value == parse_amount(value["value"])
            assert found.source == value["source"]


# --- the loader refuses a broken file ------------------------------------------------------------


def _entry(**changes) -> dict:
    entry = {
        "unit": "hours per year",
        "description": "test",
        "reviewed_until": date(2026, 12, 31),
        "values": [
            {"valid_from": date(2020, 1, 1), "valid_until": date(2020, 12, 31), "value": "1", "source": "A"},
            {"valid_from": date(2021, 1, 1), "value": "2", "source": "B"},
        ],
    }
    entry.update(changes)
    return entry


def _value(**changes) -> dict:
    value = {"valid_from": date(2020, 1, 1), "value": "1", "source": "A"}
    value.update(changes)
    return value


def test_a_good_entry_loads():
    loaded = _Entry.model_validate(_entry())
    assert [v.value for v in loaded.values] == [D(1), D(2)]


@pytest.mark.parametrize(
    ("entry", "hint"),
    [
        (_entry(unknown_key="x"), "Extra inputs are not permitted"),
        (_entry(values=[_value(vaild_until=date(2020, 12, 31))]), "Extra inputs are not permitted"),  # misspelt
        (_entry(values=[_value(value=1584.0)]), "quoted strings"),
        (_entry(values=[_value(value=1584)]), "quoted strings"),
        (_entry(values=[_value(value="1.584,0")]), "German number format"),
        (_entry(values=[_value(value="NaN")]), "plain decimal syntax"),
        (_entry(values=[_value(source="")]), "source"),
        (_entry(values=[_value(source="   ")]), "source"),
        (_entry(values=[{"valid_from": date(2020, 1, 1), "value": "1"}]), "source"),
        (_entry(values=[]), "at least 1 item"),
        (_entry(values=[_value(valid_until=date(2019, 12, 31))]), "lies before valid_from"),
        (
            _entry(
                values=[
                    _value(valid_until=date(2021, 6, 30)),
                    _value(valid_from=date(2021, 1, 1), value="2"),  # overlaps the first half of 2021
                ]
            ),
            "overlap or leave a gap",
        ),
        (
            _entry(
                values=[
                    _value(valid_until=date(2020, 12, 30)),
                    _value(valid_from=date(2021, 1, 1), value="2"),  # 31.12.2020 has no value
                ]
            ),
            "overlap or leave a gap",
        ),
        (
            _entry(values=[_value(), _value(valid_from=date(2021, 1, 1), value="2")]),  # first is open-ended
            "overlap or leave a gap",
        ),
        (
            _entry(
                values=[
                    _value(valid_from=date(2021, 1, 1), value="2"),
                    _value(valid_until=date(2020, 12, 31)),
                ]
            ),
            "in order of valid_from",
        ),
        (_entry(reviewed_until="soon"), "reviewed_until"),
        ({k: v for k, v in _entry().items() if k != "unit"}, "unit"),
    ],
)
def test_loader_refuses_a_broken_entry(entry, hint):
    with pytest.raises(ValidationError, match=hint):
        _Entry.model_validate(entry)
