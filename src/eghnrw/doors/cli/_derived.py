"""Every command-line kind, read from the rule declarations: no kind is written out by hand.

A rule declared with ``@rule`` (``eghnrw.core._rule``) becomes a subcommand and a ``kind`` of
``eghnrw run`` by itself: its name is the declaration's command name, its summary the docstring's
first line, its clauses the declared ones, its example the declared ``example``, its fields the
function's keywords with their types read from the annotations and their help texts from the
declared ``arguments``. A keyword may be an amount, a whole number, a date, a yes/no value, a
text, a choice (a ``Literal`` or an enum, also as its text), name=value amounts, a list of texts,
periods of days, or a count or one amount per person. One keyword may be a model (a pydantic
model, or a mapping of its fields) of such fields: it is offered as the model's fields, helped by
their descriptions (the ``basis`` of :func:`eghnrw.fachmodul_wohnen_rate`); a mapping from a
choice to such a model takes the model for the value of the keyword of that choice (the ``bases``
of :func:`eghnrw.tagesstruktur_rate`, keyed by its ``intensity``). A rule with another structured
input (a list of posts, a house) has a command of its own; a rule with a keyword named like what
the command keeps for itself (``kind``, ``id``, ``--lang``: ``_fields.UNAVAILABLE``) is not offered.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Final

from pydantic import BaseModel

from eghnrw.core._rule import Input, Rule
from eghnrw.doors.cli._fields import SHAPE, UNAVAILABLE, Field, FieldType
from eghnrw.doors.cli._kind import Kind

__all__ = ["derived_kinds"]

_AMOUNT: Final = frozenset({Decimal, int, str})
_PLAIN: Final[dict[Any, FieldType]] = {bool: "bool", int: "int", date: "date", str: "text", Decimal: "amount"}
_SEQUENCES: Final = frozenset({Iterable, Sequence, list, tuple})
#: The other form of a model keyword: a mapping of its fields (``DailyCostBasis | Mapping[str, Any]``).
_FIELDS_MAPPING: Final = Mapping[str, Any]


def _members(annotation: Any) -> set[Any]:
    """The types an annotation admits: a union's members without ``None``, ``Annotated`` metadata left off."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return {member for arg in typing.get_args(annotation) for member in _members(arg)}
    return set() if annotation is type(None) else {annotation}


def _choices(kind: Any) -> tuple[str, ...]:
    """The values of a ``Literal`` or an enum (``()``: neither)."""
    if typing.get_origin(kind) is typing.Literal:
        return tuple(str(v) for v in typing.get_args(kind))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return tuple(str(m.value) for m in kind)
    return ()


def _item(kind: Any) -> Any:
    """The item type of a sequence annotation (``Iterable[str]``, ``tuple[str, ...]``), else ``None``."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) not in _SEQUENCES or not args:
        return None
    if typing.get_origin(kind) is tuple and args[1:] != (Ellipsis,):  # a fixed tuple is no sequence of items
        return None
    return args[0]


def _field_type(annotation: Any) -> tuple[FieldType, tuple[str, ...]] | None:  # noqa: PLR0911 - one return a shape
    """The field type (and choices) of a keyword's annotation; ``None``: not a plain input."""
    members = _members(annotation)
    if members == _AMOUNT:
        return "amount", ()
    if len(members) == 2 and str in members:  # an enum or a Literal, also taken as its text
        choices = _choices(next(iter(members - {str})))
        return ("choice", choices) if choices else None
    if len(members) == 2 and int in members:  # a count, or one amount per item (the participants)
        item = _item(next(iter(members - {int})))
        return ("participants", ()) if _field_type(item) == ("amount", ()) else None
    if len(members) != 1:
        return None
    (kind,) = members
    if choices := _choices(kind):
        return "choice", choices
    if typing.get_origin(kind) in (Mapping, dict):  # name=value pairs: the values are amounts
        values = typing.get_args(kind)[1:]
        return ("mapping", ()) if values and _field_type(values[0]) == ("amount", ()) else None
    item = _item(kind)
    if item is str:
        return "list", ()
    if typing.get_origin(item) is tuple and typing.get_args(item) == (date, date):
        return "periods", ()
    return (_PLAIN[kind], ()) if kind in _PLAIN else None


def _field(name: str, annotation: Any, *, required: bool, help_text: str) -> Field | None:
    typed = _field_type(annotation)
    if typed is None:
        return None
    kind, choices = typed
    shown = ", ".join(choices) if choices else SHAPE[kind]
    text = help_text or f"{name.replace('_', ' ')} ({shown})"
    return Field(name, kind, text, required=required, choices=choices)


def _model(kind: Any) -> type[BaseModel] | None:
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else None


def _group(item: Input, inputs: Sequence[Input]) -> tuple[type[BaseModel], str] | None:
    """The model a required keyword takes, and the keyword whose choice keys it (``""``: not keyed).

    ``DailyCostBasis | Mapping[str, Any]``: the model itself; ``Mapping[Nutzungsintensitaet,
    DailyCostBasis] | Mapping[str, Any]``: one model per value of the one keyword of that choice.
    """
    members = _members(item.annotation) - {_FIELDS_MAPPING}
    if not item.required or len(members) != 1:
        return None
    (kind,) = members
    if (model := _model(kind)) is not None:
        return model, ""
    if typing.get_origin(kind) not in (Mapping, dict):
        return None
    choice, value = typing.get_args(kind)
    keys = [other.name for other in inputs if other.required and choice in _members(other.annotation)]
    model = _model(value)
    return (model, keys[0]) if model is not None and _choices(choice) and len(keys) == 1 else None


def _model_fields(model: type[BaseModel]) -> list[Field | None]:
    return [
        _field(name, info.annotation, required=info.is_required(), help_text=info.description or "")
        for name, info in model.model_fields.items()
    ]


def _option_text(item: Field, value: Any) -> str:
    """``value`` as typed after the field's option in an example call."""
    if item.type == "bool":
        return item.option if value else "--no-" + item.option[2:]
    if isinstance(value, Mapping):
        text = ",".join(f"{k}={v}" for k, v in value.items())
    elif item.type == "periods":
        text = ",".join(f"{first}..{last}" for first, last in value)
    elif isinstance(value, (list, tuple)):
        text = ",".join(str(v) for v in value)
    else:
        text = str(value.value if isinstance(value, Enum) else value)
    return f"{item.option} {text}"


def _example(declared: Rule, fields: Sequence[Field], group: str, key: str) -> str:
    given = dict(declared.example)
    inner = given.pop(group, {})
    given |= inner[given[key]] if key and inner else inner
    options = " ".join(_option_text(f, given[f.name]) for f in fields if f.name in given)
    return f"eghnrw {declared.command_name} {options}".rstrip()


def _kind(declared: Rule) -> Kind | None:
    fields: list[Field | None] = []
    group = key = ""
    grouped: list[Field | None] = []
    for item in declared.inputs:
        plain = _field(item.name, item.annotation, required=item.required, help_text=item.help)
        found = None if plain is not None or group else _group(item, declared.inputs)
        if found is not None:
            model, key = found
            group, grouped = item.name, _model_fields(model)
        fields += grouped if found is not None else [plain]
    offered = [f for f in fields if f is not None]
    names = {f.name for f in offered}
    if len(offered) != len(fields) or len(names) != len(offered) or names & UNAVAILABLE:
        return None  # a keyword that is no plain input, a model field named like a keyword, or a name the command keeps
    return Kind(
        declared.command_name,
        declared.summary.rstrip("."),
        ", ".join(declared.clauses),
        tuple(offered),
        declared.name,
        _example(declared, offered, group, key),
        group=group,
        grouped=frozenset(f.name for f in grouped if f is not None),
        key=key,
    )


def _rules_order(declared: Rule) -> tuple[int, int]:
    """Where a rule's first ID stands in RULES.md: Money (M1…), Dates and terms (D1…), Checks (C1…)."""
    first = declared.ids[0]
    return "MDC".find(first[0]), int(first[1:])


def derived_kinds(rules: Iterable[Rule], taken: Iterable[str] = ()) -> tuple[Kind, ...]:
    """A kind for each declared rule with plain inputs whose function and name no kind has yet.

    In the order of RULES.md (rules of one ID in the order given), as ``eghnrw --help`` lists them.
    """
    taken = set(taken)
    ordered = sorted(rules, key=_rules_order)
    kinds = (_kind(r) for r in ordered if r.command_name not in taken and r.name not in taken)
    return tuple(k for k in kinds if k is not None)
