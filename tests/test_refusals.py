"""Refusals of the rule functions, pinned: which wrong value is refused, naming which argument, saying what.

An error tells the user which argument to fix and what to pass: its argument, the range a check
allows, the hint. The fuzz tests only require *an* error naming *an* argument; this file pins, for
each rule function and each of its arguments, the outcome of a fixed set of wrong and edge values
(and of each pair of date arguments set equal, a day apart, and swapped): the error's type and
message, or a digest of the result's record. The functions are the rule modules' — money,
calendar, rates, kdu, terms, deadlines — including the module-level helpers that are not in
``eghnrw.__all__`` (``deadlines.deadline``, ``money.round_result``, ``calendar.nrw_holiday_name``).
The outcomes are in ``tests/golden/refusals.json``.

Regenerate after an intended change and review the diff::

    EGHNRW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_refusals.py
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pydantic
import pytest

from eghnrw.core import calendar, money
from eghnrw.core.errors import EghnrwError, ParameterOutdatedWarning
from eghnrw.fristen import deadlines
from fuzz.fuzz_table import BY_NAME, Arg, Spec
from golden_files import check_golden

GOLDEN = Path(__file__).resolve().parent / "golden" / "refusals.json"

#: Untraced by coverage, like the hypothesis tests (tests/conftest.py): the table's ~2,500 probe
#: calls reach no line the other tests miss (98.66 % with or without them), and tracing them
#: tripled this file's time (8.7 s against 2.7 s).
pytestmark = pytest.mark.no_cover

RULE_MODULES = (
    "eghnrw.core.money",
    "eghnrw.core.calendar",
    "eghnrw.verguetung.rates",
    "eghnrw.unterkunft.kdu",
    "eghnrw.fristen.terms",
    "eghnrw.fristen.deadlines",
)

#: Wrong and edge values, each tried in every argument (shown by their label in the golden file).
PROBES: dict[str, Any] = {
    "None": None,
    "True": True,
    "-1": -1,
    "0": 0,
    "1": 1,
    "1.5 (float)": 1.5,
    "Decimal -0.01": Decimal("-0.01"),
    "Decimal 0.001": Decimal("0.001"),
    "'1.234,56'": "1.234,56",
    "''": "",
    "'x'": "x",
    "10**15": 10**15,
    "100_001": 100_001,
    "datetime": datetime(2024, 6, 3, 12, 0),  # noqa: DTZ001 - naive on purpose
    "1990-12-31": date(1990, 12, 31),
    "1991-01-01": date(1991, 1, 1),
    "2019-12-31": date(2019, 12, 31),
    "2020-01-01": date(2020, 1, 1),
    "2199-12-31": date(2199, 12, 31),
    "2200-01-01": date(2200, 1, 1),
    "[]": [],
    "{'x': '1'}": {"x": "1"},
}

_EXTRA_SPECS = (
    Spec(
        "deadline",
        (
            Arg("event_day", date(2017, 10, 3), "date"),
            Arg("days", 0, "count"),
            Arg("weeks", 4, "count"),
            Arg("months", 0, "count"),
            Arg("werktage", 0, "count"),
            Arg("to_act", True, "bool"),
            Arg("saturday_is_werktag", True, "bool"),
            Arg("clause", "§ 186 BGB", "text"),
        ),
    ),
    Spec(
        "round_result",
        (Arg("exact", Decimal("2.345"), "amount"), Arg("inputs", "x ÷ y", "text")),
        # a helper for checked Decimals: probed at its edges only
        extra={
            "probes": {
                "0.005": Decimal("0.005"),
                "-0.005": Decimal("-0.005"),
                "999999999999999.99": Decimal("999999999999999.99"),
                "1E+15": Decimal("1E+15"),
                "-1E+15": Decimal("-1E+15"),
            }
        },
    ),
    Spec("nrw_holiday_name", (Arg("day", date(2024, 11, 1), "date", positional=True),)),
    Spec("is_nrw_holiday", (Arg("day", date(2024, 5, 30), "date", positional=True),)),
)
_EXTRA_TARGETS = {
    "deadline": deadlines.deadline,
    "round_result": money.round_result,
    "nrw_holiday_name": calendar.nrw_holiday_name,
    "is_nrw_holiday": calendar.is_nrw_holiday,
}


def _rule_specs() -> list[Spec]:
    specs = [
        s
        for s in BY_NAME.values()
        if not isinstance(s.target, type) and getattr(s.target, "__module__", "").startswith(RULE_MODULES)
    ]
    return sorted(specs, key=lambda s: s.name) + list(_EXTRA_SPECS)


def _call(spec: Spec, replaced: dict[str, Any]) -> Any:
    if spec.name in _EXTRA_TARGETS:
        values = {a.name: a.valid for a in spec.args} | replaced
        positional = [values.pop(a.name) for a in spec.args if a.positional]
        return _EXTRA_TARGETS[spec.name](*positional, **values)
    return spec.call(replaced)


def _record(result: Any) -> Any:
    if isinstance(result, pydantic.BaseModel):
        data = json.loads(result.model_dump_json())
        data.pop("eghnrw_version", None)
        return {k: v for k, v in data.items() if k not in {"steps", "parameters", "editions", "inputs"}}
    if isinstance(result, (tuple, list)):
        return [_record(r) for r in result]
    return repr(result)


def _outcome(spec: Spec, replaced: dict[str, Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        try:
            record = json.dumps(_record(_call(spec, replaced)), sort_keys=True, ensure_ascii=False)
        except (EghnrwError, pydantic.ValidationError) as exc:
            return f"{type(exc).__name__}: {exc}"
    # An accepted value: the record's digest (the golden records file shows whole records).
    return "ok " + hashlib.sha256(record.encode()).hexdigest()[:16]


@functools.cache  # both tests below read the same table: computed once (seconds under coverage)
def _current() -> dict[str, Any]:
    table: dict[str, Any] = {}
    for spec in _rule_specs():
        probes = spec.extra.get("probes", PROBES)
        for arg in spec.args:
            if spec.name == "round_result" and arg.name == "inputs":
                continue
            for label, value in probes.items():
                table[f"{spec.name}({arg.name}={label})"] = _outcome(spec, {arg.name: value})
        for label, replaced in _date_clashes(spec).items():
            table[f"{spec.name}[{label}]"] = _outcome(spec, replaced)
        if spec.name != "round_result":  # a helper for checked Decimals
            table[f"{spec.name}[all None]"] = _outcome(spec, {a.name: None for a in spec.args})
    return table


_DATE_KINDS = {"date", "opt_date"}


def _date_clashes(spec: Spec) -> dict[str, dict[str, Any]]:
    """For each pair of date arguments: one set equal to the other, a day before and after it, and both swapped."""
    dated = [a for a in spec.args if a.kind in _DATE_KINDS and isinstance(a.valid, date)]
    if spec.name in _EXTRA_TARGETS:
        dated = []
    cases: dict[str, dict[str, Any]] = {}
    for a in dated:
        for b in dated:
            if a is b:
                continue
            cases[f"{a.name}=={b.name}"] = {a.name: b.valid}
            cases[f"{a.name}=={b.name}-1"] = {a.name: b.valid - timedelta(days=1)}
            cases[f"{a.name}=={b.name}+1"] = {a.name: b.valid + timedelta(days=1)}
            cases[f"{a.name}<->{b.name}"] = {a.name: b.valid, b.name: a.valid}
    return cases


def test_every_rule_function_of_the_fuzz_table_is_probed():
    names = {s.name for s in _rule_specs()}
    assert {"kdu_check", "hourly_rate", "lrv_termination", "audit_timetable", "add_period", "allocate"} <= names


def test_the_refusals_match_the_golden_file():
    check_golden(GOLDEN, _current(), what="outcomes", indent=0)


def test_no_refusal_speaks_pydantic():
    """Every public function raises eghnrw's errors in the caller's terms, never pydantic's."""
    leaks = {key: text for key, text in _current().items() if "pydantic" in text or "validation error" in text}
    assert not leaks, f"pydantic leaks through: {list(leaks)[:5]}"
