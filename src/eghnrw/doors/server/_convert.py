"""JSON in, keyword arguments out: a request body read the way the Python call reads its arguments.

JSON has no Decimal and no date, so the body is parsed with two rules and then converted by the
rule's declared annotations (``Rule.inputs``), never by a list per rule:

- a JSON number with a fraction or an exponent (``0.95``, ``1e3``) is kept as its literal and
  refused, as ``parse_amount`` refuses a float in Python; ``NaN`` and ``Infinity`` are not JSON;
- a string where the annotation has a ``date`` becomes that date (ISO 8601, ``2024-01-31``), an
  object where it has a result class (``compare``'s ``old``) loads as that audit record, an object
  where it has only a pydantic model is validated into it; everything else goes to the rule as it
  came (strings and integers for amounts: the rule checks them and names the argument).

Every refusal is an :class:`~eghnrw.core.errors.InvalidInputError` whose ``argument`` is the field path
(``occupancy_percent``, ``basis.annual_cost``, ``absences[0][1]``).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Final

from pydantic import BaseModel, TypeAdapter

from eghnrw.core._check import validated
from eghnrw.core._rule import Rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Result

__all__ = ["JsonFloat", "keywords", "loads", "refuse_floats"]

_UNIONS: Final = (typing.Union, types.UnionType)


class JsonFloat:
    """A JSON number with a fraction or an exponent, kept as its literal so it can be refused by name."""

    __slots__ = ("literal",)

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __repr__(self) -> str:
        return self.literal


def _no_constant(name: str) -> object:
    raise ValueError(f'{name} is not JSON: write numbers as strings such as "1234.56"')


def loads(text: str | bytes, argument: str = "body") -> Any:
    """Parse JSON text, keeping fractional numbers as :class:`JsonFloat` (refused later, by field).

    Raises:
        InvalidInputError: not JSON (``NaN`` and ``Infinity`` included).
    """
    try:
        return json.loads(text, parse_float=JsonFloat, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, an int of 4,300+ digits
        raise InvalidInputError(argument, _shown(text), f"send JSON ({exc})") from None


def _shown(text: str | bytes) -> str:
    shown = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    return shown if len(shown) <= 80 else shown[:77] + "..."


def refuse_floats(value: object, path: str) -> None:
    """Refuse the first JSON number with a fraction or exponent anywhere in ``value``, naming its path.

    Raises:
        InvalidInputError: a :class:`JsonFloat` at ``path`` (or below it).
    """
    if isinstance(value, JsonFloat):
        try:
            example = f"{Decimal(value.literal):f}"
        except InvalidOperation:  # pragma: no cover - json only passes number literals
            example = "1234.56"
        raise InvalidInputError(
            path,
            value,
            f"a JSON number with a fraction or exponent is read as a float, which cannot hold cents exactly: "
            f'send the amount as a string, "{example}", or as an integer',
        )
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_floats(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            refuse_floats(item, f"{path}[{n}]")


def keywords(declared: Rule, body: object) -> dict[str, Any]:
    """The keyword arguments of ``declared`` from a parsed JSON body (see the module docstring).

    Raises:
        InvalidInputError: the body is not an object, names an unknown keyword, lacks a required
            one, holds a fractional JSON number, or a value cannot take its declared type.
    """
    inputs = {item.name: item for item in declared.inputs}
    if not isinstance(body, dict):
        raise InvalidInputError(
            "body", body, f"send a JSON object of the keyword arguments of {declared.name} ({', '.join(inputs)})"
        )
    for name in body:
        if name not in inputs:
            raise InvalidInputError(name, body[name], f"{declared.name} takes only {', '.join(inputs)}")
    for item in declared.inputs:
        if item.required and item.name not in body:
            raise InvalidInputError(item.name, None, f"{declared.name} needs {item.name}: add it to the object")
    refuse_floats(body, "")
    return {name: convert(value, inputs[name].annotation, name) for name, value in body.items()}


def convert(value: Any, annotation: Any, path: str) -> Any:  # noqa: PLR0911 - one return per kind of type
    """``value`` (parsed JSON) as the declared ``annotation`` needs it; see the module docstring."""
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is date:
        return _date(value, path) if isinstance(value, str) else value
    if origin in _UNIONS:
        models = tuple(m for m in args if _is_model(m))
        if models and isinstance(value, dict) and "result_type" not in value:
            return _model(models, value, path)
        for member in args:
            if _claims(member, value):
                return convert(value, member, path)
        return value
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, dict):
        if issubclass(annotation, Result):
            return _record(annotation, value, path)
        return _model((annotation,), value, path)
    return _container(value, origin, args, path)


def _container(value: Any, origin: Any, args: tuple[Any, ...], path: str) -> Any:
    """A JSON array or object for a generic ``tuple``, ``Mapping`` or ``Iterable``, item by item."""
    if origin is tuple and isinstance(value, list):
        return tuple(_items(value, args, path))
    if isinstance(origin, type) and issubclass(origin, Mapping) and isinstance(value, dict) and len(args) == 2:
        return {key: convert(item, args[1], f"{path}.{key}") for key, item in value.items()}
    if isinstance(origin, type) and issubclass(origin, Iterable) and isinstance(value, list) and args:
        return [convert(item, args[0], f"{path}[{n}]") for n, item in enumerate(value)]
    return value


def _items(value: list[Any], args: tuple[Any, ...], path: str) -> Iterable[Any]:
    """The items of a JSON array for ``tuple[A, B]`` (each its own type) or ``tuple[A, ...]``."""
    for n, item in enumerate(value):
        kind = args[0] if len(args) == 2 and args[1] is Ellipsis else (args[n] if n < len(args) else Any)
        yield convert(item, kind, f"{path}[{n}]")


def _claims(member: Any, value: object) -> bool:
    """Whether the union's ``member`` is the type a JSON ``value`` is meant as (models aside)."""
    if member is date:
        return isinstance(value, str)
    origin = typing.get_origin(member) or member
    if isinstance(origin, type) and issubclass(origin, Result):
        return isinstance(value, dict) and "result_type" in value
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return isinstance(value, dict)
    if isinstance(origin, type) and issubclass(origin, Iterable) and origin not in (str, bytes):
        return isinstance(value, list)
    return False


def _is_model(annotation: Any) -> bool:
    """A pydantic model that is not a result (a result comes as an audit record instead)."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel) and not issubclass(annotation, Result)


@cache
def _adapter(models: tuple[type[BaseModel], ...]) -> TypeAdapter[Any]:
    kind: Any = models[0] if len(models) == 1 else typing.Union[models]  # noqa: UP007 - built at run time
    return TypeAdapter(kind)


def _model(models: tuple[type[BaseModel], ...], value: dict[str, Any], path: str) -> BaseModel:
    """An object as the model (or the first of ``models`` it fits), validated as JSON.

    As JSON, so a strict model reads dates and choices from their strings as it reads them from a
    file; the field path of a refusal is named under ``path``.
    """
    validated_model: BaseModel = validated(_adapter(models).validate_json, json.dumps(value), path)
    return validated_model


def _record(kind: type[Result], value: dict[str, Any], path: str) -> Result:
    """An audit record (the JSON of ``model_dump_json()``) loaded back into its result.

    ``from_record`` names what it refuses under ``record``; here that is the field's path.
    """
    try:
        return validated(kind.from_record, value, path)
    except InvalidInputError as exc:
        if exc.argument != "record" and not exc.argument.startswith("record."):
            raise
        raise InvalidInputError(path + exc.argument.removeprefix("record"), exc.value, exc.expected) from None


def _date(text: str, path: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(path, text, "send a date in ISO 8601 form, YYYY-MM-DD (e.g. 2025-01-31)") from None
