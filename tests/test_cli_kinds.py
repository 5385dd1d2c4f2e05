"""Every command-line kind matches its library function: fields are keywords, required agree, types agree."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from types import NoneType, UnionType

import pytest

import eghnrw
from eghnrw.core.trace import Result
from eghnrw.doors.cli._fields import Field
from eghnrw.doors.cli._kind import Kind
from eghnrw.doors.cli._kinds import KINDS, add_kind
from eghnrw.verguetung.rates.daily import DailyCostBasis

#: The model behind each grouped keyword (``basis=``, ``bases={intensity: ...}``).
GROUP_MODELS = {"basis": DailyCostBasis, "bases": DailyCostBasis}

#: What a hint must accept for each field type (at least one of these shapes).
ACCEPTS: dict[str, set[str]] = {
    "amount": {"decimal"},
    "int": {"int"},
    "date": {"date"},
    "bool": {"bool"},
    "mapping": {"mapping"},
    "list": {"sequence"},
    "text": {"str"},
    "choice": {"literal", "enum", "str"},
    "participants": {"int", "sequence"},
    "periods": {"sequence"},
}


def shapes(hint: object) -> tuple[set[str], set[str]]:  # noqa: C901, PLR0911 - one branch per kind of hint
    """The shapes a type hint accepts, and the values of its Literal or Enum members."""
    found: set[str] = set()
    values: set[str] = set()
    origin = typing.get_origin(hint)
    if origin in {typing.Union, UnionType}:
        for member in typing.get_args(hint):
            more, vals = shapes(member)
            found |= more
            values |= vals
        return found, values
    if origin is typing.Literal:
        return {"literal"}, {str(v) for v in typing.get_args(hint)}
    if origin is not None and isinstance(origin, type):
        if issubclass(origin, Mapping):
            return {"mapping"}, values
        if issubclass(origin, (Sequence, Iterable)):
            return {"sequence"}, values
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return {"enum"}, {str(member.value) for member in hint}
        names = {bool: "bool", int: "int", Decimal: "decimal", date: "date", str: "str", NoneType: "none"}
        for kind, name in names.items():
            if issubclass(hint, kind):
                return {name}, values
    return {repr(hint)}, values


def keyword_hints(kind: Kind) -> dict[str, tuple[object, bool]]:
    """Each field's type hint in the library and whether the library requires it."""
    assert kind.function, f"{kind.name}: name the library function whose keywords the fields are (function=...)"
    function = getattr(eghnrw, kind.function)
    signature = inspect.signature(function)
    hints = typing.get_type_hints(function)
    found: dict[str, tuple[object, bool]] = {}
    for name, parameter in signature.parameters.items():
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, f"{kind.function}({name}) is not keyword-only"
        found[name] = (hints[name], parameter.default is inspect.Parameter.empty)
    if kind.group:
        model = GROUP_MODELS[kind.group]
        for name, info in model.model_fields.items():
            found[name] = (info.annotation, info.is_required())
    return found


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_field_is_a_keyword_of_the_function(name) -> None:
    kind = KINDS[name]
    hints = keyword_hints(kind)
    assert {f.name for f in kind.fields} <= set(hints), f"{name}: fields the function does not take"
    unexposed = set(hints) - {f.name for f in kind.fields} - {kind.group}
    # Keywords the command does not offer, each for a reason: a model of its own (table), a
    # keyword filled from another field (tagesstruktur's bases from the basis fields).
    assert unexposed <= {"table", "negotiated_rate"}, f"{name}: keywords without an option: {unexposed}"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_required_fields_are_the_functions_required_keywords(name) -> None:
    kind = KINDS[name]
    hints = keyword_hints(kind)
    required = {key for key, (_, needed) in hints.items() if needed and key != kind.group}
    if kind.group == "bases":  # tagesstruktur: the bases mapping is built from the basis fields
        required -= {"bases"}
    assert {f.name for f in kind.fields if f.required} == required


@pytest.mark.parametrize("name", sorted(KINDS))
def test_field_types_agree_with_the_functions_types(name) -> None:
    kind = KINDS[name]
    hints = keyword_hints(kind)
    for item in kind.fields:
        accepted, values = shapes(hints[item.name][0])
        assert accepted & ACCEPTS[item.type], f"{name}.{item.name}: {item.type} but the function takes {accepted}"
        if item.type == "choice" and values:
            assert set(item.choices) == values, f"{name}.{item.name}: choices {item.choices} != {values}"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_result_type_is_the_functions_result(name) -> None:
    assert issubclass(KINDS[name].result_type, Result)


def test_the_check_can_fail() -> None:
    wrong = Kind("x", "", "", (Field("actual_costs", "date", "", required=True),), "kdu_check", "")
    accepted, _ = shapes(keyword_hints(wrong)["actual_costs"][0])
    assert not accepted & ACCEPTS["date"]
    missing = Kind("y", "", "", (Field("actual_costs", "amount", ""),), "kdu_check", "")
    hints = keyword_hints(missing)
    assert {k for k, (_, needed) in hints.items() if needed} != {f.name for f in missing.fields if f.required}


def test_a_kind_with_a_callable_names_its_function() -> None:
    arranged = Kind("z", "", "", (), lambda values: eghnrw.kdu_check(**values), "")
    with pytest.raises(AssertionError, match="name the library function"):
        keyword_hints(arranged)
    assert KINDS["tagesstruktur"].function == "tagesstruktur_rate"
    assert KINDS["kdu"].function == "kdu_check"


def test_add_kind_refuses_a_taken_name() -> None:
    with pytest.raises(ValueError, match="exists already"):
        add_kind(KINDS["kdu"])
