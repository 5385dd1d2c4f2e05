"""Field types shared by the models: exact money, percentages, counts, dates, texts.

Money is :class:`~decimal.Decimal`, read with :func:`eghnrw.core.money.parse_amount`, so a ``float``
is refused with a message that names the field and says what to pass instead. In JSON, amounts
are written as strings in plain decimal syntax (``"1234.56"``; whole numbers may be JSON
integers) and read back to the same ``Decimal``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final, TypeVar

from annotated_types import GroupedMetadata
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from eghnrw.core._check import check_cents, check_non_negative, check_percent, check_positive, enum_value
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import parse_amount
from eghnrw.core.trace import hashable

__all__ = [
    "Area",
    "Cents",
    "Count",
    "Day",
    "FrozenModel",
    "Money",
    "Occupancy",
    "Percent",
    "PositiveAmount",
    "PositiveCount",
    "Quantity",
    "Text",
    "enum_value",
]


class FrozenModel(BaseModel):
    """Base of eghnrw's models: unknown keys refused, immutable, hashable as values, built on first use.

    The same for models that describe an agreement and for a caller's working data (use
    ``model_copy(update=...)`` to change a value). pydantic's own hash of a frozen model fails on a
    ``dict`` field (``surcharges_percent``); here equal models hash equal, nested mappings and
    sequences included.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

    def __hash__(self) -> int:
        return hash((type(self), *(hashable(value) for value in self.__dict__.values())))


class EarlierNames(BaseModel):
    """A model whose fields were renamed: the keys of the earlier vocabulary are still accepted.

    A mix-in before :class:`FrozenModel` (``class Kostenbestandteile(EarlierNames, FrozenModel)``),
    only where fields were renamed: a "before" validator makes pydantic validate JSON in Python
    mode, which a strict model must not (an ISO date string would be refused).
    """

    #: Field names of an earlier vocabulary, old → new: still accepted when a model is built (with a
    #: ``DeprecationWarning`` naming the new one) until eghnrw 1.0 (see :func:`earlier_name`).
    renamed: ClassVar[Mapping[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _earlier_names(cls, data: Any) -> Any:
        """Keys of the earlier vocabulary become the new ones, with a warning that names them."""
        if not isinstance(data, Mapping):
            return data
        old = [key for key in data if key in cls.renamed]
        if not old:
            return data
        told = ", ".join(f"{key} → {cls.renamed[key]}" for key in old)
        warnings.warn(f"{cls.__name__}: renamed fields ({told}); the old names go in eghnrw 1.0",
                      DeprecationWarning, stacklevel=2)  # fmt: skip
        return {cls.renamed.get(key, key): value for key, value in data.items()}


def earlier_name(new: str, old: str) -> Any:
    """A read-only attribute under a field's earlier name ``old``: the value of ``new``, with a ``DeprecationWarning``.

    Beside :attr:`FrozenModel.renamed`, so that ``k.personalkosten`` keeps working until eghnrw 1.0.
    """

    def earlier(self: BaseModel) -> Any:
        warnings.warn(f"{type(self).__name__}.{old} is now {new}; the old name goes in eghnrw 1.0",
                      DeprecationWarning, stacklevel=2)  # fmt: skip
        return getattr(self, new)

    return property(earlier, doc=f"Deprecated: the earlier name of ``{new}``.")


class StrictModel(FrozenModel):
    """A model of exact inputs: like :class:`FrozenModel`, and strict (a ``"24"`` is no ``int``, a float no amount).

    For tables and bases a caller builds in code (a rate table, a daily cost basis, an invoice item).
    """

    model_config = ConfigDict(strict=True)


class Row(BaseModel):
    """One row inside a result (a surcharge line, a what-if row): immutable, hashable as a value.

    Built by the calculation from checked values, so it keeps what it is given (no stripping, no
    refusal of extra keys: a row read back from an audit record is the row that was written).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    def __hash__(self) -> int:
        return hash((type(self), *(hashable(value) for value in self.__dict__.values())))


E = TypeVar("E", bound=StrEnum)

_PLAIN_DECIMAL: Final = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"


def _field(info: ValidationInfo) -> str:
    return info.field_name or "amount"


def _money(value: object, info: ValidationInfo) -> Decimal:
    return check_non_negative(value, _field(info))


def _cents(value: object, info: ValidationInfo) -> Decimal:
    return check_cents(value, _field(info))


def _positive(value: object, info: ValidationInfo) -> Decimal:
    return check_positive(value, _field(info))


def _percent(value: object, info: ValidationInfo) -> Decimal:
    return check_percent(value, _field(info))


def _occupancy(value: object, info: ValidationInfo) -> Decimal:
    number = parse_amount(value, _field(info))
    if not 0 < number <= 100:
        raise InvalidInputError(_field(info), value, "pass an occupancy (Auslastung) above 0 up to 100 percent")
    return number


def _plain(value: Decimal) -> str:
    """``Decimal`` as plain decimal text (never exponent notation), so JSON reads back exactly."""
    return format(value, "f")


_SERIALISE: Final = PlainSerializer(_plain, return_type=str, when_used="json")


@dataclass(frozen=True)
class _Exact(GroupedMetadata):
    """What makes a ``Decimal`` field exact: its check, its plain-text JSON form and its JSON Schema.

    ``Annotated[Decimal, _Exact(check, description, minimum)]`` unpacks (pydantic reads grouped
    metadata) to the ``BeforeValidator`` of ``check``, the serializer to plain decimal text and a
    schema that takes an integer (``minimum`` or more, if it is a digit string) or a plain-decimal string.
    """

    check: Callable[[object, ValidationInfo], Decimal]
    description: str
    minimum: str

    def __iter__(self) -> Iterator[object]:
        integer = {"type": "integer", "minimum": int(self.minimum)} if self.minimum.isdigit() else {"type": "integer"}
        schema = {"anyOf": [integer, {"type": "string", "pattern": _PLAIN_DECIMAL}], "description": self.description}
        yield from (BeforeValidator(self.check), _SERIALISE, WithJsonSchema(schema))


Money = Annotated[
    Decimal, _Exact(_money, "Euro amount, zero or more; a string in plain decimal syntax (no float)", "0")
]
"""A Euro amount of zero or more (``Decimal``; ``int`` and plain-decimal ``str`` accepted, ``float`` refused)."""

Cents = Annotated[
    Decimal,
    _Exact(_cents, "Euro amount in whole cents, zero or more; a string in plain decimal syntax (no float)", "0"),
]
"""A Euro amount of zero or more in whole cents (a figure that is agreed, paid, or split to the cent)."""

PositiveAmount = Annotated[
    Decimal, _Exact(_positive, "A number above zero; a string in plain decimal syntax (no float)", "-")
]
"""A number above zero (a divisor: hours, a Personalschlüssel)."""

Quantity = Annotated[
    Decimal, _Exact(_money, "A quantity (hours, months), zero or more; plain decimal syntax (no float)", "0")
]
"""A quantity of zero or more that is not money (hours, months)."""

Area = Annotated[Decimal, _Exact(_money, "An area in m², zero or more; plain decimal syntax (no float)", "0")]
"""An area in m² of zero or more (a building's Fachleistungsflächen, Mischflächen, shared rooms)."""

Percent = Annotated[
    Decimal, _Exact(_percent, "A surcharge percentage from 0 up to 100; plain decimal syntax (no float)", "0")
]
"""A surcharge percentage from 0 up to 100 (plausibility values may be exceeded, LRV B.1.5.3, but a
surcharge above the personnel cost it is laid on is a cost of its own)."""

Occupancy = Annotated[Decimal, _Exact(_occupancy, "Agreed occupancy (Auslastung) in percent, above 0 up to 100", "-")]
"""An agreed occupancy (Auslastung) in percent, above 0 up to 100 (LRV A.4.5 Abs. 2)."""

Count = Annotated[StrictInt, Field(ge=0, le=10**9)]
"""A whole number of zero or more (``bool`` and ``"5"`` refused)."""

PositiveCount = Annotated[StrictInt, Field(ge=1, le=10**9)]
"""A whole number of one or more (places, persons, days)."""

_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: object, info: ValidationInfo) -> date:
    if isinstance(value, datetime):
        raise InvalidInputError(_field(info), value, "pass a datetime.date, not a datetime (use .date())")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInputError(_field(info), value, 'pass a datetime.date or an ISO date string "YYYY-MM-DD"')


Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
"""A ``datetime.date``, or an ISO date ``"YYYY-MM-DD"`` (JSON); a ``datetime`` or a timestamp is refused."""

Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=10_000)]
"""A non-empty text (surrounding white space removed)."""
