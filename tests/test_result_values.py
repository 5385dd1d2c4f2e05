"""Results behave like values: equal results hash equal, and an audit record loads back equal.

An audit record is kept for years and re-checked: ``type(r).model_validate_json(r.model_dump_json())``
must give a result equal to ``r``, its inputs and step values typed as they were (Decimal, date,
int, bool, text), although all of them but numbers and booleans travel as JSON strings. Every
public rule function is called once with the valid arguments of the fuzz table.
"""

from __future__ import annotations

import copy
import json
import pickle
import warnings
from datetime import date
from decimal import Decimal
from typing import Any

import pydantic
import pytest

import eghnrw as e
from eghnrw.core.errors import ParameterOutdatedWarning
from eghnrw.core.trace import Result, decode_typed, type_tree
from fuzz.fuzz_table import SPECS, Spec


def _results(value: Any) -> list[Result]:
    if isinstance(value, Result):
        return [value]
    if isinstance(value, (tuple, list)):
        return [r for item in value for r in _results(item)]
    return []


def _calls() -> list[tuple[str, Result]]:
    made = []
    for spec in SPECS:
        if spec.model:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParameterOutdatedWarning)
            made += [(spec.name, r) for r in _results(spec.call())]
    return made


CALLS = _calls()


def _travellers() -> list[tuple[str, Any]]:
    """One value of each type every public callable returns or constructs: results, models, batches."""
    seen: dict[str, tuple[str, Any]] = {}
    for spec in SPECS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParameterOutdatedWarning)
            made = spec.call()
        for value in made if isinstance(made, (tuple, list)) else (made,):
            if isinstance(value, (pydantic.BaseModel, e.BatchResult)):
                seen.setdefault(type(value).__name__, (spec.name, value))
    return sorted(seen.values(), key=lambda item: type(item[1]).__name__)


TRAVELLERS = _travellers()


def test_the_fuzz_table_yields_results_of_many_kinds():
    kinds = {type(r).__name__ for _, r in CALLS}
    assert len(kinds) >= 25, kinds


@pytest.mark.parametrize(("name", "result"), CALLS, ids=[name for name, _ in CALLS])
def test_the_audit_record_loads_back_equal_and_typed(name: str, result: Result):
    loaded = type(result).model_validate_json(result.model_dump_json())
    assert loaded == result
    assert hash(loaded) == hash(result)
    for key, value in result.inputs.items():
        assert type(loaded.inputs[key]) is type(value) or isinstance(value, str), (name, key)
    assert [type(s.value) for s in loaded.steps] == [
        str if isinstance(s.value, str) else type(s.value) for s in result.steps
    ]
    assert loaded.model_dump_json() == result.model_dump_json()  # and writes the same record again


@pytest.mark.parametrize(("name", "result"), CALLS, ids=[name for name, _ in CALLS])
def test_results_are_hashable_and_equal_results_hash_equal(name: str, result: Result):  # noqa: ARG001 - name is the id
    again = type(result).model_validate(result.model_dump())
    assert again == result
    assert hash(again) == hash(result)
    assert {result, again} == {result}


def test_every_result_and_model_type_is_checked_for_travel():
    kinds = {type(value).__name__ for _, value in TRAVELLERS}
    assert {"DailyRateResult", "KalkulationResult", "Timeline", "BatchResult", "Kalkulation", "Provider"} <= kinds
    assert len(kinds) >= 60, sorted(kinds)


@pytest.mark.parametrize(("name", "value"), TRAVELLERS, ids=[type(v).__name__ for _, v in TRAVELLERS])
def test_results_and_models_pickle_and_deep_copy_to_an_equal_value(name: str, value: Any):  # noqa: ARG001 - name is the id
    # a result crosses a ProcessPoolExecutor, a cache or a task queue: pickle, deepcopy, model_copy
    copies = [pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)]  # noqa: S301 - our own object
    if isinstance(value, pydantic.BaseModel):
        copies.append(value.model_copy(deep=True))
    for again in copies:
        assert type(again) is type(value)
        assert again == value
        if isinstance(value, Result):
            assert hash(again) == hash(value)
            assert again.model_dump_json() == value.model_dump_json()


def test_a_copied_result_keeps_its_inputs_read_only_and_independent():
    r = Result.build(inputs={"basis": {"a": [1, 2]}})
    for again in (pickle.loads(pickle.dumps(r)), copy.deepcopy(r), r.model_copy(deep=True)):  # noqa: S301 - our own object
        with pytest.raises(TypeError):
            again.inputs["basis"]["a"] = 3
        assert again.inputs == {"basis": {"a": (1, 2)}}
    assert pickle.loads(pickle.dumps(r, protocol=0)) == r  # noqa: S301 - the oldest protocol too


def test_kdu_results_hash_as_values():
    a = e.kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500))
    b = e.kdu_check(actual_costs="700.00", adequacy_limit="500")
    c = e.kdu_check(actual_costs="701.00", adequacy_limit="500")
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2


def test_text_that_looks_like_a_number_or_a_date_stays_text():
    t = e.lrv_termination(notice_received=date(2024, 3, 15), parts=("A.9",))
    record = json.loads(t.model_dump_json())
    record["inputs"]["parts"] = ["2024-01-01", "12.5"]  # text that reads like a date and a number
    record["input_types"]["parts"] = ["str", "str"]
    loaded = type(t).model_validate(record)
    assert loaded.inputs["parts"] == ("2024-01-01", "12.5")
    assert all(type(p) is str for p in loaded.inputs["parts"])


def test_inputs_are_read_only_all_the_way_down():
    r = e.daily_rate(annual_cost="1", places=1, occupancy_percent="100", days=365)
    with pytest.raises(TypeError):
        r.inputs["places"] = 2  # type: ignore[index]
    nested = Result.build(inputs={"basis": {"a": [1, 2]}})
    with pytest.raises(TypeError):
        nested.inputs["basis"]["a"] = 3
    assert nested.inputs["basis"]["a"] == (1, 2)


@pytest.mark.parametrize(
    ("value", "tree"),
    [
        (Decimal("1.50"), "decimal"),
        (date(2024, 2, 29), "date"),
        (3, "int"),
        (True, "bool"),
        ("x", "str"),
        (None, "null"),
        ((Decimal(1), "a"), ["decimal", "str"]),
        ({"k": (date(2020, 1, 1),)}, {"k": ["date"]}),
    ],
)
def test_type_trees_name_each_value(value: object, tree: object):
    assert type_tree(value) == tree


@pytest.mark.parametrize(
    ("value", "tree", "message"),
    [
        ("1.5", "float", "inputs: got '1.5'; the record names the unknown type 'float' for it"),
        (None, "decimal", "inputs: got None; a decimal was recorded, but the value is null"),
        ("x", "decimal", "inputs: got 'x'; it is not a decimal as recorded"),
        ("2024-02-30", "date", "inputs: got '2024-02-30'; it is not a date as recorded"),
        (["1"], ["decimal", "decimal"], r"inputs: got \['1'\]; the recorded types \['decimal', 'decimal'\] do not fit"),
        ("false", "bool", "inputs: got 'false'; it is not a bool as recorded"),
        ("3", "int", "inputs: got '3'; it is not a int as recorded"),
        (True, "int", "inputs: got True; it is not a int"),
        (3, "str", "inputs: got 3; it is not a str"),
        ("x", "null", "inputs: got 'x'; it is not a null"),
        ({"a": "1"}, {"b": "decimal"}, "do not fit"),
        ({"a": "x"}, {"a": "decimal"}, r"^inputs\['a'\]: got 'x'; it is not a decimal"),
    ],
)
def test_a_tampered_record_is_refused(value: object, tree: object, message: str):
    with pytest.raises(e.InvalidInputError, match=message):
        decode_typed(value, tree, "inputs")


def test_a_value_without_a_json_type_cannot_be_recorded():
    with pytest.raises(TypeError, match="float cannot be written"):
        type_tree(1.5)


def test_every_spec_is_callable_with_its_valid_arguments():
    assert all(isinstance(s, Spec) for s in SPECS)


@pytest.mark.parametrize("lang", ["fr", None, "DE", "", 1])
def test_explain_refuses_a_language_it_does_not_speak(lang: object):
    r = e.kdu_check(actual_costs="700", adequacy_limit="500")
    t = e.termination_timeline(notice_received=date(2024, 3, 15))
    for result in (r, t):
        with pytest.raises(e.InvalidInputError, match=r'^lang: got .*; pass "de" \(German\) or "en" \(English\)$'):
            result.explain(lang)  # type: ignore[arg-type]
    assert r.explain("en").startswith("Housing costs")


def test_models_are_hashable_values_even_with_mappings_inside():
    # pydantic's own hash of a frozen model fails on a dict field (surcharges_percent, the House's
    # costs); eghnrw's models hash as values: equal models hash equal.
    data = {"kind": "assistenz", "assistenz": "qualifizierte_assistenz", "annual_personnel_cost": "63360",
            "surcharges_percent": {"gemeinkosten": "20"}}  # fmt: skip
    a, b = e.parse_module(data), e.parse_module(dict(data))
    c = e.parse_module(data | {"surcharges_percent": {"gemeinkosten": "21"}})
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, c}) == 2
    k = e.kalkulation(
        unit="month", places=10, occupancy_percent="100",
        posts=[{"role": "Fachkraft", "fte": "2", "annual_cost": "60000", "skilled": True}],
        surcharges_percent={"verwaltung": "6"},
    ).kalkulation  # fmt: skip
    assert hash(k) == hash(e.parse_kalkulation(k.model_dump_json()))


_BAD_STEP = {"clause": "LRV B.4.14 Abs. 7", "de": "", "en": "", "value": "x", "type": "decimal"}


def _record(**changes: Any) -> str:
    record = json.loads(e.kdu_check(actual_costs="700", adequacy_limit="500").model_dump_json())
    return json.dumps(record | changes)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ('{"result_type": "KduResult", ', r"^record: got '\{\"result_type\".*; pass the JSON text of an audit record"),
        (b"\xff\xfe", r"^record: got b'\\xff\\xfe'; pass the JSON text of an audit record"),
        ("[" * 100_000, r"^record: got '\[\[\[.*\.\.\.; pass the JSON text of an audit record.*nested too deeply"),
        ("[1, 2]", r"^record: got '\[1, 2\]'; pass an audit record: a JSON object with a result_type"),
        (42, r"^record: got 42; pass an audit record: a JSON object with a result_type"),
        ({"amount": "1"}, r"^record\.result_type: got nothing; pass the name of a result class eghnrw knows"),
        (_record(result_type="NoSuchResult"), r"^record\.result_type: got 'NoSuchResult'; pass the name of a result"),
        (_record(result_type=["KduResult"]), r"^record\.result_type: got \['KduResult'\]; pass the name"),
        (_record(sgb_xii_share="abc"), r"^record\.sgb_xii_share: got 'abc'"),
        (_record(exceeds_threshold="vielleicht"), r"^record\.exceeds_threshold: got 'vielleicht'"),
        (
            _record(steps=[_BAD_STEP]),
            r"^record\.steps\['LRV B\.4\.14 Abs\. 7'\]\.value: got 'x'; it is not a decimal as recorded",
        ),
    ],
)
def test_a_bad_audit_record_is_refused_naming_what_is_wrong(record: Any, message: str):
    with pytest.raises(e.InvalidInputError, match=message):
        Result.from_record(record)


def test_a_record_of_another_kind_is_refused_by_a_result_class():
    record = e.daily_rate(annual_cost="1", places=1, occupancy_percent="100", days=1).model_dump_json()
    with pytest.raises(
        e.InvalidInputError, match=r"^record\.result_type: got 'DailyRateResult'; pass the record of a KduResult"
    ):
        type(e.kdu_check(actual_costs="1", adequacy_limit="1")).from_record(record)
