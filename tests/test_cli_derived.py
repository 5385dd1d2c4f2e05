"""Command-line kinds read from the rule declarations (eghnrw.cli._derived)."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from datetime import date
from enum import Enum

import pytest

import eghnrw
from eghnrw import cli
from eghnrw._rule import declarations
from eghnrw.cli._derived import derived_kinds
from eghnrw.cli._kinds import KINDS
from eghnrw.cli._kinds_money import money_kinds
from eghnrw.cli._kinds_procedure import procedure_kinds
from fuzz.fuzz_table import BY_NAME

WRITTEN = {kind.name for kind in (*money_kinds(), *procedure_kinds())}
DERIVED = sorted(name for name in KINDS if name not in WRITTEN)


def _derived() -> dict[str, object]:
    return {k.name: k for k in derived_kinds(declarations().values(), taken=())}


def test_a_declared_rule_with_plain_inputs_becomes_a_kind() -> None:
    kind = _derived()["kursgebuehr"]
    assert kind.function == "kursgebuehr"  # type: ignore[attr-defined]
    assert kind.clauses == "LRV B.4.10 Abs. 3"  # type: ignore[attr-defined]
    assert [(f.name, f.type, f.required) for f in kind.fields] == [("recognised_fee", "amount", True)]  # type: ignore[attr-defined]
    assert kind.example == "eghnrw kursgebuehr --recognised-fee 240.00"  # type: ignore[attr-defined]
    assert kind.run({"recognised_fee": "240.00"}) == eghnrw.kursgebuehr(recognised_fee="240.00")  # type: ignore[attr-defined]


def test_choices_come_from_the_annotation() -> None:
    audit = {f.name: f for f in _derived()["audit-timetable"].fields}["audit"]  # type: ignore[attr-defined]
    assert audit.type == "choice"
    assert audit.choices == ("billing", "quality", "effectiveness")  # the Audit Literal of eghnrw.deadlines.audits


def test_derived_fields_are_the_function_keywords() -> None:
    for kind in _derived().values():
        keywords = list(inspect.signature(getattr(eghnrw, kind.function)).parameters)  # type: ignore[attr-defined]
        assert [f.name for f in kind.fields] == keywords  # type: ignore[attr-defined]


def test_a_rule_with_a_structured_input_is_left_to_its_own_command() -> None:
    assert "kalkulation" not in _derived()  # posts: a list of models
    assert "wohnform-split" not in _derived()  # house: a model


def test_taken_names_and_functions_are_skipped() -> None:
    assert "kursgebuehr" not in {k.name for k in derived_kinds(declarations().values(), taken={"kursgebuehr"})}


def _option_text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Mapping):
        return ",".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def test_the_command_offers_every_rule_with_plain_inputs() -> None:
    # every rule with plain inputs: its fields, their help and its example read from the declaration;
    # these at least (a rule added later joins them without a line here)
    assert set(DERIVED) >= {
        "admission-duty",
        "area-split",
        "audit-timeline",
        "audit-timetable",
        "audit-window",
        "commission-vote",
        "daily-rate",
        "evaluation-period-check",
        "evaluation-proposal-deadline",
        "hospital-report",
        "is-leistungserbringer",
        "kdu",
        "kursgebuehr",
        "lrv-in-force",
        "organisationsmodul",
        "personal-means",
        "quality-breach-presumed",
        "reaudit-check",
        "reduction-schiedsstelle-window",
        "rv-period",
        "rv-termination",
        "schiedsstelle",
        "schiedsstelle-without-checklist",
        "verguetung-applies",
        "verguetungskuerzung",
        "warmmiete-check",
        "working-group-meeting-demand",
    }
    assert sorted(DERIVED) == DERIVED


@pytest.mark.parametrize("name", DERIVED)
def test_a_derived_subcommand_prints_what_the_python_call_explains(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    kind = KINDS[name]
    spec = BY_NAME[kind.function]
    args: list[str] = [name]
    for arg in spec.args:
        if arg.valid is None:
            continue
        field = kind.field(arg.name)
        assert field is not None, arg.name
        if field.type == "bool":
            args.append(field.option if arg.valid else "--no-" + field.option[2:])
        else:
            args += [field.option, _option_text(arg.valid)]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    expected = spec.call().explain()
    assert expected.splitlines()[:-1] == out.splitlines()[: len(expected.splitlines()) - 1]
