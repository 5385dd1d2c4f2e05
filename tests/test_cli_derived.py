"""Command-line kinds read from the rule declarations (eghnrw.cli._derived)."""

from __future__ import annotations

import inspect

import eghnrw
from eghnrw._rule import declarations
from eghnrw.cli._derived import derived_kinds


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
