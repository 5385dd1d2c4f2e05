"""Kinds read from the rule declarations: a declared rule with plain inputs needs no hand-written kind.

A rule declared with ``@rule`` (``eghnrw._rule``) whose keywords are amounts, whole numbers,
dates, yes/no values, texts, choices or name=value mappings becomes a subcommand and a ``kind`` of
``eghnrw run`` by itself: its name is the declaration's command name, its clauses the declared
ones, its fields the function's keywords with their types read from the annotations. A rule with
a structured input (a model, a list of posts) keeps its hand-written kind or command, where the
fields can be explained one by one; so does every rule that had one before.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from eghnrw._rule import Input, Rule
from eghnrw.cli._fields import SHAPE, Field, FieldType
from eghnrw.cli._kind import Kind

__all__ = ["derived_kinds"]


def _field_type(annotation: Any) -> tuple[FieldType, tuple[str, ...]] | None:
    """The field type (and choices) of a keyword's annotation; ``None``: not a plain input."""
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    members = set(typing.get_args(annotation)) if union else {annotation}
    members.discard(type(None))
    if members == {Decimal, int, str}:
        return "amount", ()
    if len(members) != 1:
        return None
    (kind,) = members
    if typing.get_origin(kind) is typing.Literal:
        return "choice", tuple(str(v) for v in typing.get_args(kind))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "choice", tuple(str(m.value) for m in kind)
    if typing.get_origin(kind) in (Mapping, dict):  # name=value pairs: the values are amounts
        values = typing.get_args(kind)[1:]
        return ("mapping", ()) if values and _field_type(values[0]) == ("amount", ()) else None
    plain: dict[Any, FieldType] = {bool: "bool", int: "int", date: "date", str: "text"}
    return (plain[kind], ()) if kind in plain else None


def _field(item: Input) -> Field | None:
    typed = _field_type(item.annotation)
    if typed is None:
        return None
    kind, choices = typed
    shown = ", ".join(choices) if choices else SHAPE[kind]
    text = item.help or f"{item.name.replace('_', ' ')} ({shown})"
    return Field(item.name, kind, text, required=item.required, choices=choices)


def _kind(declared: Rule) -> Kind | None:
    fields = [_field(item) for item in declared.inputs]
    if any(f is None for f in fields):
        return None
    example = " ".join(
        f"{f.option} {declared.example[f.name]}" for f in fields if f is not None and f.name in declared.example
    )
    return Kind(
        declared.command_name,
        declared.summary.rstrip("."),
        ", ".join(declared.clauses),
        tuple(f for f in fields if f is not None),
        declared.name,
        f"eghnrw {declared.command_name} {example}".rstrip(),
    )


def derived_kinds(rules: Iterable[Rule], taken: Iterable[str]) -> tuple[Kind, ...]:
    """A kind for each declared rule with plain inputs whose function and name no kind has yet."""
    taken = set(taken)
    kinds = (_kind(r) for r in rules if r.command_name not in taken and r.name not in taken)
    return tuple(k for k in kinds if k is not None)
