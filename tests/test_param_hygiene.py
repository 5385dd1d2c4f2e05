"""Parameter hygiene beyond tests/test_params.py: the data file as maintained data.

tests/test_params.py already checks, per shipped entry: keys, a non-blank source for every value,
quoted numbers, ordered values without overlap or gap, and the outdated warning past
``reviewed_until``. This file adds what it leaves open:

- the code asks only for parameters the file maintains, and every maintained parameter is used;
- the warning boundary, day-exact, for every parameter: none on ``reviewed_until``, one the day
  after, naming the parameter, the date, the value carried forward and how to override it;
- ``reviewed_until`` cannot silently outlive a closed last value (no carry-forward inside the
  reviewed period without a warning);
- each source reads as a citation, and consecutive values do not repeat one (a copied line);
- the last date of the calendar still answers (with the warning), it never fails.
"""

from __future__ import annotations

import re
import tomllib
import warnings
from datetime import date, timedelta
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import eghnrw
from eghnrw import ParameterOutdatedWarning, parameter
from eghnrw.core.money import parse_amount
from eghnrw.core.params import parameter_names


def _raw() -> dict[str, Any]:
    return tomllib.loads(files("eghnrw.core.params").joinpath("parameters.toml").read_text("utf-8"))


NAMES = sorted(_raw())
PACKAGE = Path(eghnrw.__file__).resolve().parent


def _names_asked_for_in_the_code() -> set[str]:
    asked: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "params":
            continue
        asked |= set(re.findall(r"parameter\(\s*\"([a-z0-9_]+)\"", path.read_text("utf-8")))
    return asked


def test_the_code_asks_only_for_maintained_parameters_and_uses_each():
    asked = _names_asked_for_in_the_code()
    assert asked, "the scan found no parameter() call: the pattern is stale"
    assert asked <= set(parameter_names()), f"asked for but not maintained: {sorted(asked - set(parameter_names()))}"
    assert set(parameter_names()) <= asked, f"maintained but unused: {sorted(set(parameter_names()) - asked)}"


@pytest.mark.parametrize("name", NAMES)
def test_no_warning_on_the_last_reviewed_day_and_a_warning_the_day_after(name):
    entry = _raw()[name]
    last_reviewed = entry["reviewed_until"]
    last = entry["values"][-1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        on_the_day = parameter(name, on=last_reviewed)
    assert on_the_day.value == parse_amount(last["value"])
    day_after = last_reviewed + timedelta(days=1)
    with pytest.warns(ParameterOutdatedWarning) as caught:
        after = parameter(name, on=day_after)
    assert after.value == on_the_day.value
    assert after.source == last["source"]
    message = str(caught[0].message)
    assert name in message
    assert day_after.isoformat() in message
    assert last_reviewed.isoformat() in message
    assert str(after.value) in message
    assert "overrides" in message


@pytest.mark.parametrize("name", NAMES)
def test_the_reviewed_period_does_not_outlive_a_closed_last_value(name):
    entry = _raw()[name]
    last = entry["values"][-1]
    if "valid_until" in last:
        assert entry["reviewed_until"] <= last["valid_until"], (
            f"{name}: reviewed until {entry['reviewed_until']} but the last value ends {last['valid_until']}"
        )


_CITATION = re.compile(r"§|LRV|RV\b|BGBl|Verordnung|Gesetz|KGSt|RBSFV|RBEG|SGB")


@pytest.mark.parametrize("name", NAMES)
def test_every_source_reads_as_a_citation_and_none_is_copied_from_the_value_before(name):
    values = _raw()[name]["values"]
    for value in values:
        assert len(value["source"].strip()) >= 10, f"{name}: {value['source']!r} is too short to find the source"
        assert _CITATION.search(value["source"]), f"{name}: {value['source']!r} cites no law, agreement or report"
    sources = [v["source"] for v in values]
    repeated = [a for a, b in pairwise(sources) if a == b]
    assert not repeated, f"{name}: consecutive values cite the same source (a copied line?): {repeated}"


@pytest.mark.parametrize("name", NAMES)
def test_the_last_day_of_the_calendar_still_answers_with_the_warning(name):
    with pytest.warns(ParameterOutdatedWarning):
        found = parameter(name, on=date(2199, 12, 31))
    assert found.value == parse_amount(_raw()[name]["values"][-1]["value"])


@pytest.mark.parametrize("name", NAMES)
def test_each_day_of_a_value_answers_with_that_value(name):
    # The first, a middle and the last day of each closed value; the first day of an open one.
    for value in _raw()[name]["values"]:
        start = value["valid_from"]
        end = value.get("valid_until", start)
        for day in (start, start + (end - start) / 2, end):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ParameterOutdatedWarning)
                found = parameter(name, on=day)
            assert found.value == parse_amount(value["value"]), (name, day)
            assert (found.valid_from, found.valid_until) == (start, value.get("valid_until"))
