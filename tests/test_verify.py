"""Verifying audit records: an untouched record of every rule is valid, a tampered one names the field.

Every declared rule (:func:`eghnrw.core._rule.declarations`) is called once with the valid call of the
fuzz table; its record is verified untouched, then with one value field, one step text and one
input edited. The few rules whose records do not hold the inputs to recompute them are listed in
``NOT_RECOMPUTABLE`` with the input they lack: their records are reported as not verified, never
as valid.
"""

from __future__ import annotations

import io
import json
import sys
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import eghnrw as e
from eghnrw.core._rule import declarations
from eghnrw.core.errors import ParameterOutdatedWarning
from eghnrw.core.trace import Result
from eghnrw.doors import cli
from eghnrw.doors.verify import Verification, _without
from fuzz.fuzz_table import BY_NAME

#: Rules whose audit records lack an input of the call, with what the "not recomputed" note says.
#: When a rule starts to record its inputs, its entry here fails and goes.
NOT_RECOMPUTABLE = {
    "assistenz_hourly_rate": "table",  # the caller's HourlyRateTable is not in the record
    "audit_timeline": "['items']",  # a Timeline records only how many items it drew together
    "compare": "required positional argument",  # old and new are recorded as summaries only
    "tagesstruktur_rate": "['basis']",  # the chosen basis is recorded, not the bases
    "termination_timeline": "['items']",
}
RULES = sorted(declarations())


def _call(name: str) -> Result:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        result = BY_NAME[name].call()
    assert isinstance(result, Result), name
    return result


def _record(result: Result) -> dict[str, Any]:
    return json.loads(result.model_dump_json())  # type: ignore[no-any-return]


def test_every_declared_rule_has_a_valid_call():
    assert set(RULES) <= set(BY_NAME)
    assert set(NOT_RECOMPUTABLE) <= set(RULES)


@pytest.mark.parametrize("name", RULES)
def test_an_untouched_record_of_every_rule_is_valid(name: str):
    result = _call(name)
    v = e.verify_record(result.model_dump_json())
    if name in NOT_RECOMPUTABLE:
        assert (v.valid, v.recomputed, v.differences) == (False, False, ())
        assert NOT_RECOMPUTABLE[name] in v.notes[-1]
        assert v.notes[-1].startswith("not recomputed:")
        return
    assert v.valid is True
    assert v.differences == ()
    assert v.rule == name
    assert v.result_type == type(result).__name__
    assert v.notes == ()


def _value_field(record: dict[str, Any], result: Result) -> str:
    """The first value field of the result holding a number, a date or a bool (else text).

    A result whose values are all lists of entries (``unverzueglich_duties``) has its first
    entry's first such field tampered instead: ``entries[0].triggered_on``.
    """
    base = set(Result.model_fields) | {"result_type", "input_types", "editions"}
    plain = [key for key in type(result).model_fields if key not in base and isinstance(record.get(key), (str, int))]
    if plain:
        return next((key for key in plain if not _free_text(record[key])), plain[0])
    listed = next(key for key in type(result).model_fields if key not in base and isinstance(record.get(key), list))
    first = record[listed][0]
    inner = next(key for key, value in first.items() if isinstance(value, (str, int)) and not _free_text(value))
    return f"{listed}[0].{inner}"


def _tamper(record: dict[str, Any], field: str) -> None:
    """Replace the value at ``field`` (``amount`` or ``entries[0].triggered_on``) by a tampered one."""
    head, _, inner = field.partition("[0].")
    if inner:
        record[head][0][inner] = _tampered(record[head][0][inner])
    else:
        record[field] = _tampered(record[field])


def _free_text(value: Any) -> bool:
    return isinstance(value, str) and _tampered(value) == value + " (edited)"


def _tampered(value: Any) -> Any:
    """Another value of the same JSON type that still loads: a number + 1, the next day, the other bool."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):  # not a bool: checked above
        return value + 1
    try:
        return str(Decimal(value) + 1)
    except ArithmeticError:
        pass
    try:
        return date.fromordinal(date.fromisoformat(value).toordinal() + 1).isoformat()
    except ValueError:
        return value + " (edited)"


RECOMPUTED = [name for name in RULES if name not in NOT_RECOMPUTABLE]


@pytest.mark.parametrize("name", RECOMPUTED)
def test_a_tampered_value_field_is_named(name: str):
    result = _call(name)
    record = _record(result)
    field = _value_field(record, result)
    _tamper(record, field)
    v = e.verify_record(record)
    assert v.valid is False
    assert field in [d.path for d in v.differences]


@pytest.mark.parametrize("name", RECOMPUTED)
def test_a_tampered_step_text_is_named(name: str):
    record = _record(_call(name))
    if not record["steps"]:
        pytest.skip("no steps")
    record["steps"][-1]["de"] += " (geändert)"
    v = e.verify_record(record)
    assert v.valid is False
    assert [d.path for d in v.differences] == [f"steps[{len(record['steps']) - 1}].de"]


def test_an_edited_input_no_longer_gives_the_recorded_figures():
    # The record claims 144.20 from 1,000,000; 1,100,000 ÷ 6,935 = 158.615… → 158.62.
    # (An input edit that changes no output leaves a consistent record: verification shows that
    # the outputs follow from the recorded inputs, not that the inputs are the true ones.)
    record = _record(e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365))
    record["inputs"]["annual_cost"] = "1100000"
    v = e.verify_record(record)
    assert v.valid is False
    assert ("amount", "144.20", "158.62") in v.differences
    assert ("steps[0].value", "1000000", "1100000") in v.differences


def test_an_edited_amount_is_named_with_both_values():
    # 1,000,000 ÷ (20 × 365 × 95 %) = 1,000,000 ÷ 6,935 = 144.196… → 144.20
    r = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    v = e.verify_record(r.model_dump_json().replace('"amount":"144.20"', '"amount":"999.99"'))
    assert v.valid is False
    assert v.differences == (("amount", "999.99", "144.20"),)
    assert "amount: recorded '999.99', recomputed '144.20'" in v.explain()


def test_a_record_loads_from_bytes_json_dict_and_python_dict():
    r = e.kdu_check(actual_costs="700", adequacy_limit="500")
    for record in (r.model_dump_json(), r.model_dump_json().encode(), _record(r), r.model_dump()):
        v = e.verify_record(record)
        assert (v.valid, v.differences, v.rule) == (True, (), "kdu_check")


def test_an_overridden_parameter_stays_overridden():
    # 63,360 ÷ 1,600 hours = 39.60 (not 63,360 ÷ 1,584 = 40.00 from today's table)
    r = e.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), overrides={"kgst_normalarbeitszeit": "1600"})
    assert r.amount == Decimal("39.60")
    assert e.verify_record(r.model_dump_json()).valid is True


def test_a_parameter_value_todays_table_no_longer_gives_is_applied_from_the_record():
    # A record made when the table said 1,600 hours: written as the table's value, not an override.
    r = e.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), overrides={"kgst_normalarbeitszeit": "1600"})
    record = _record(r)
    record["parameters"][0] |= {
        "overridden": False,
        "source": "KGSt-Bericht (older table)",
        "valid_from": "2024-01-01",
        "valid_until": None,
    }
    v = e.verify_record(record)
    assert v.valid is True
    assert "parameter kgst_normalarbeitszeit: the record's value 1600" in v.notes[0]
    record["amount"] = "40.00"  # today's figure in a record that applied 1,600 hours
    assert e.verify_record(record).valid is False


def test_a_record_of_another_version_says_so_and_still_verifies():
    record = _record(e.rv_termination(notice_received=date(2026, 9, 30)))
    record["eghnrw_version"] = "0.0.1"
    v = e.verify_record(record)
    assert v.valid is True
    assert v.recorded_version == "0.0.1"
    assert v.notes[0].startswith("recorded by eghnrw 0.0.1, recomputed by eghnrw ")


def test_a_rule_recorded_inside_another_is_compared_too():
    record = _record(BY_NAME["module_rate"].call())
    record["detail"]["amount"] = "1.00"
    v = e.verify_record(record)
    assert v.valid is False
    assert "detail.amount" in [d.path for d in v.differences]


@pytest.mark.parametrize(
    ("record", "argument", "says"),
    [
        ("not json", "record", "audit record"),
        ("[1, 2]", "record", "audit record"),
        (42, "record", "audit record"),
        ({"amount": "1"}, "record.result_type", "result_type"),
        ({"result_type": "NoSuchResult", "input_types": {}}, "record.result_type", "NoSuchResult"),
        ({"result_type": "DailyRateResult", "inputs": {}, "input_types": {}}, "record.amount", "required"),
    ],
)
def test_a_bad_record_is_refused_naming_what_is_wrong(record: Any, argument: str, says: str):
    with pytest.raises(e.InvalidInputError) as caught:
        e.verify_record(record)
    assert caught.value.argument.startswith(argument)
    assert says in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_field_that_is_not_a_number_is_refused_by_its_path():
    record = _record(e.surcharge(base="50000", percent="17.5"))
    record["amount"] = "abc"
    with pytest.raises(e.InvalidInputError, match=r"record\.amount"):
        e.verify_record(record)


def test_verification_is_a_frozen_value():
    v = e.verify_record(e.surcharge(base="50000", percent="17.5").model_dump_json())
    assert isinstance(v, Verification)
    with pytest.raises(AttributeError):
        v.valid = False  # type: ignore[misc]
    assert str(v) == "SurchargeResult (surcharge): valid"


# --- eghnrw verify FILE ---------------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_verifies_the_lines_of_eghnrw_run_and_exits_1_on_a_tampered_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "kind;annual_cost;places;occupancy_percent;days\ndaily-rate;1000000;20;95;365\ndaily-rate;1050000;20;90;365\n",
        encoding="utf-8",
    )
    code, ran, err = _cli(capsys, "run", str(cases))
    assert code == 0, err
    records = tmp_path / "records.jsonl"
    records.write_text(ran, encoding="utf-8")
    code, out, err = _cli(capsys, "verify", str(records))
    assert (code, err) == (0, "")
    assert out == (
        "line 1 (case 1): DailyRateResult (daily_rate): valid\nline 2 (case 2): DailyRateResult (daily_rate): valid\n"
    )
    lines = ran.splitlines()
    lines[1] = lines[1].replace('"amount":"159.82"', '"amount":"159.83"', 1)
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = _cli(capsys, "verify", str(records))
    assert code == 1
    assert "line 2 (case 2): DailyRateResult (daily_rate): INVALID: 1 field(s) differ" in out
    assert "amount: recorded '159.83', recomputed '159.82'" in out


def test_cli_verifies_one_json_record_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    record = e.surcharge(base="50000", percent="17.5").model_dump_json(indent=2)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record.encode())))
    assert _cli(capsys, "verify", "-") == (0, "record: SurchargeResult (surcharge): valid\n", "")


def test_cli_reports_a_record_it_cannot_recompute(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "compare.json"
    path.write_text(
        e.compare(
            e.daily_rate(annual_cost="1", places=1, occupancy_percent="100", days=1),
            e.daily_rate(annual_cost="2", places=1, occupancy_percent="100", days=1),
        ).model_dump_json()
    )
    code, out, _ = _cli(capsys, "verify", str(path))
    assert code == 1
    assert out.startswith("record: ComparisonResult: NOT VERIFIED: not recomputed\n  note: not recomputed: compare:")


def test_cli_exits_2_for_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = _cli(capsys, "verify", str(tmp_path / "missing.jsonl"))
    assert code == 2
    assert "missing.jsonl" in err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    assert _cli(capsys, "verify", str(empty))[0] == 2
    garbled = tmp_path / "garbled.jsonl"
    lines = [e.surcharge(base="1", percent="1").model_dump_json(), "{not json", '{"result_type": "NoSuchResult"}']
    garbled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = _cli(capsys, "verify", str(garbled))
    assert code == 2
    assert out.splitlines()[0] == "line 1: SurchargeResult (surcharge): valid"
    assert out.splitlines()[1].startswith("line 2: error: not JSON")
    assert out.splitlines()[2].startswith("line 3: error: not an audit record (record.result_type: got 'NoSuchResult'")


def test_cli_help_lists_verify(capsys: pytest.CaptureFixture[str]):
    assert cli.main(["verify", "--help"]) == 0
    out = capsys.readouterr().out
    assert "JSON Lines" in out
    assert "exit status: 0 every record valid, 1 one differs" in out


# --- the ways a record is brought back to a call ---------------------------------------------------


def test_a_value_a_parameter_gave_is_read_from_the_parameter_again():
    # days not given: the Berechnungstage parameter (365) is read and recorded, and the inputs hold 365
    r = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="100", on=date(2024, 1, 1))
    assert [p.name for p in r.parameters] == ["berechnungstage"]
    assert e.verify_record(r.model_dump_json()).valid is True


def test_a_required_input_found_in_a_result_recorded_inside():
    # module_rate records its module but not the day; the daily rate inside it records the day
    record = _record(BY_NAME["module_rate"].call())
    assert "on" not in record["inputs"]
    assert e.verify_record(record).valid is True


def test_a_record_without_a_required_input_is_not_verified():
    r = e.module_rate({"kind": "mobilitaet", "agreed_rate": "12.50", "rate_period": "trip"}, on=date(2024, 1, 1))
    v = e.verify_record(r.model_dump_json())
    assert (v.valid, v.recomputed, v.rule) == (False, False, "")
    assert v.notes == ("not recomputed: module_rate: the record does not hold the input 'on'",)
    assert v.explain().startswith("ModuleRate: NOT VERIFIED: not recomputed\n  note: not recomputed:")


def test_a_result_type_no_rule_returns_is_refused():
    inner = _record(BY_NAME["module_rate"].call())["detail"]  # a DailyRateResult: a rule's ...
    assert e.verify_record(inner).valid is True
    agreed = _record(
        e.module_rate({"kind": "mobilitaet", "agreed_rate": "12.50", "rate_period": "trip"}, on=date(2024, 1, 1))
    )["detail"]  # ... an AgreedRate: no rule returns it alone
    with pytest.raises(e.InvalidInputError, match="no rule returns this type"):
        e.verify_record(agreed)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("occupancy_percent", {"items": ({"amount": 1, "unit": "day"},)}),
        ("items[0].amount", {"occupancy_percent": 1, "items": ({"unit": "day"},)}),
        ("items[0]['amount']", {"occupancy_percent": 1, "items": ({"unit": "day"},)}),
        ("items[1].amount", None),
        ("items[0].price", None),
        ("", None),
    ],
)
def test_without_leaves_out_one_value_by_its_path(path: str, expected: Any):
    kwargs = {"occupancy_percent": 1, "items": ({"amount": 1, "unit": "day"},)}
    assert _without(kwargs, path) == expected
