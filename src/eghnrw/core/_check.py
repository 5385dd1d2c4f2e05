"""Argument checks shared by every public function.

Each check returns the value in its canonical type or raises
:class:`~eghnrw.core.errors.InvalidInputError` naming the argument, the value received and what
would be valid. Amounts are checked in :mod:`eghnrw.core.money`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, parse_amount

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "check_bool",
    "check_cents",
    "check_count",
    "check_date",
    "check_non_negative",
    "check_percent",
    "check_positive",
    "check_share",
    "enum_value",
    "field_path",
    "invalid_input",
    "validated",
]

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def check_date(value: object, argument: str) -> date:
    """A ``datetime.date`` (not a ``datetime``, whose time and zone a date rule would ignore)."""
    if isinstance(value, datetime):
        raise InvalidInputError(argument, value, "pass a datetime.date, not a datetime (use .date())")
    if not isinstance(value, date):
        raise InvalidInputError(argument, value, f"pass a datetime.date, not {type(value).__name__}")
    return value


def check_count(value: object, argument: str, *, minimum: int = 0, maximum: int = 10**9) -> int:
    """A whole number (``int``, not ``bool``) from ``minimum`` to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(argument, value, f"pass a whole number (int) from {minimum} to {maximum:,}")
    if not minimum <= value <= maximum:
        raise InvalidInputError(argument, value, f"pass a whole number from {minimum} to {maximum:,}")
    return value


def check_bool(value: object, argument: str) -> bool:
    """``True`` or ``False`` and nothing else (no ``0``/``1``, no strings)."""
    if not isinstance(value, bool):
        raise InvalidInputError(argument, value, "pass True or False")
    return value


def check_non_negative(value: object, argument: str) -> Decimal:
    """An amount of zero or more."""
    number = parse_amount(value, argument)
    if number < 0:
        raise InvalidInputError(argument, value, "pass an amount of zero or more")
    return number


def check_cents(value: object, argument: str) -> Decimal:
    """An amount of zero or more in whole cents (a figure that is agreed or paid, or is split to the cent)."""
    number = check_non_negative(value, argument)
    if number != number.quantize(CENT, context=CONTEXT):
        raise InvalidInputError(argument, value, "pass an amount in whole cents (round it first)")
    return number


def check_positive(value: object, argument: str) -> Decimal:
    """An amount above zero (a divisor, a count of hours or days)."""
    number = parse_amount(value, argument)
    if number <= 0:
        raise InvalidInputError(argument, value, "pass an amount above zero")
    return number


#: The largest surcharge eghnrw accepts, in percent of its base: a "surcharge" above the gross
#: personnel cost it is laid on is not an Aufschlagskalkulation (LRV A.2.2 Abs. 1 d) but a cost of
#: its own — pass it as an amount (docs/decisions.md).
MAX_SURCHARGE_PERCENT: Final = Decimal(100)


def check_percent(value: object, argument: str) -> Decimal:
    """A surcharge or plausibility percentage, from 0 up to :data:`MAX_SURCHARGE_PERCENT` (100)."""
    number = parse_amount(value, argument)
    if not 0 <= number <= MAX_SURCHARGE_PERCENT:
        raise InvalidInputError(argument, value, "pass a percentage from 0 up to 100")
    return number


def check_share(value: object, argument: str) -> Decimal:
    """A share in percent above 0 and at most 100 (of the hours that are billable, of an area)."""
    number = parse_amount(value, argument)
    if not 0 < number <= 100:
        raise InvalidInputError(argument, value, "pass a share in percent above 0 and at most 100")
    return number


def enum_value(kind: type[E], value: object, argument: str) -> E:
    """``value`` as a member of ``kind`` (the member or its string value), or :class:`InvalidInputError`.

    Only members and strings are looked up: anything else is refused before the enum sees it.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in kind)
    raise InvalidInputError(argument, value, f"pass one of {allowed}")


def field_path(argument: str, loc: tuple[int | str, ...], data: object) -> str:
    """A pydantic error location in the caller's terms: ``module.posts[1].fte``.

    List indices become ``[i]``. A tagged union puts the tag it chose (``'assistenz'``) into the
    location although the caller never typed it as a key: a location part that is not a key of
    the mapping at that level but one of its string values is such a tag and is left out (each
    value at most once, so a missing field that happens to share the tag's name is still named).
    """
    path = argument
    spent: list[object] = []
    for number, part in enumerate(loc, 1):
        if isinstance(part, int):
            path += f"[{part}]"
            data = data[part] if isinstance(data, (list, tuple)) and -len(data) <= part < len(data) else None
            spent = []
            continue
        if isinstance(data, Mapping):
            # a key the path can go through: the last part, or a key holding a nested value
            through = part in data and (number == len(loc) or isinstance(data[part], (Mapping, list, tuple)))
            values = [v for v in data.values() if isinstance(v, str)]
            if not through and values.count(part) > spent.count(part):
                spent.append(part)
                continue
        path = f"{path}.{part}" if path else part
        data = data.get(part) if isinstance(data, Mapping) else None
        spent = []
    return path


def invalid_input(exc: ValidationError, argument: str, data: object) -> InvalidInputError:
    """Turn pydantic's :class:`~pydantic.ValidationError` into an :class:`InvalidInputError`.

    The first error names the field path (:func:`field_path`), the value found there and what to
    pass; an error raised by one of eghnrw's own checks inside a validator keeps its words. The
    other errors are summed up in the message and kept, with pydantic's list, in ``errors``.
    """
    errors = exc.errors(include_url=False)
    described = [_describe(error, argument, data) for error in errors]
    where, value, expected = described[0]
    if len(described) > 1:
        others = "; ".join(f"{path}: {text}" for path, _, text in described[1:4])
        more = f"; and {len(described) - 4} more" if len(described) > 4 else ""
        expected = f"{expected} (also {others}{more})"
    return InvalidInputError(where, value, expected, errors=[_plain_error(e) for e in errors])


class _Nothing:
    """The value of a field that was left out (shown as ``got nothing``)."""

    def __repr__(self) -> str:
        return "nothing"


NOTHING: Final = _Nothing()


def _describe(error: Mapping[str, Any], argument: str, data: object) -> tuple[str, object, str]:
    """The field path, the value found there and what to pass, for one pydantic error."""
    path = field_path(argument, tuple(error["loc"]), data)
    kind = error["type"]
    ctx = error.get("ctx", {})
    cause = ctx.get("error")
    if isinstance(cause, InvalidInputError):  # one of eghnrw's own checks, inside a validator
        last = error["loc"][-1] if error["loc"] else None
        at_field = isinstance(last, str) and (path == last or path.endswith(f".{last}"))
        if not at_field:  # a check of the whole model names the field itself
            return f"{path}.{cause.argument}" if path else cause.argument, cause.value, cause.expected
        return path, error.get("input", cause.value), cause.expected
    if kind in {"union_tag_not_found", "union_tag_invalid"}:
        tag = str(ctx.get("discriminator", "kind")).strip("'")
        tags = ctx.get("expected_tags", "")
        found = ctx.get("tag", NOTHING) if kind == "union_tag_invalid" else NOTHING
        return f"{path}.{tag}" if path else tag, found, f"pass one of {tags}" if tags else "pass it (it is required)"
    if kind == "missing":
        return path or argument or "value", NOTHING, "pass this field (it is required)"
    if kind == "extra_forbidden":
        return path or argument or "value", error.get("input"), "unknown field: leave it out (or check its spelling)"
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return path or argument or "value", error.get("input", data), message


def _plain_error(error: Mapping[str, Any]) -> dict[str, Any]:
    """Pydantic's error as plain data (its ``ctx`` may hold the exception object itself)."""
    plain = dict(error)
    if "ctx" in plain:
        plain["ctx"] = {key: str(value) for key, value in plain["ctx"].items()}
    return plain


def validated(validate: Callable[[Any], T], data: object, argument: str) -> T:
    """``validate(data)``, with pydantic's errors raised as :class:`InvalidInputError` naming the field.

    ``validate`` is a pydantic ``model_validate``, ``validate_python`` or ``validate_json``.

    Raises:
        InvalidInputError: ``data`` does not validate (the message names the field path).
    """
    from pydantic import ValidationError  # noqa: PLC0415 - `import eghnrw` stays free of pydantic

    try:
        return validate(data)
    except ValidationError as exc:
        shown = data
        if isinstance(data, (str, bytes)):  # JSON text: name paths against the parsed document
            shown = _parsed(data)
        raise invalid_input(exc, argument, shown) from exc


def _parsed(text: str | bytes) -> object:
    import json  # noqa: PLC0415 - only when JSON text failed to validate

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
