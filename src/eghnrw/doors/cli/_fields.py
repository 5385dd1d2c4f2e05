"""One input of a calculation as the command line sees it: its option, its type, and how its text converts.

Every field has one text form (what a user types after ``--field-name`` and what a CSV cell holds)
and accepts the matching JSON value of a case file, or the typed cell of a workbook. Conversion
errors are :class:`~eghnrw.core.errors.InvalidInputError` naming the field, like the library's own.

German number syntax (``1.234,56``) is converted here, at the command line's boundary, and only
when the caller says the input is German (``--decimal-comma``, or a file detected as German
Excel): the library itself keeps refusing it (:func:`eghnrw.core.money.parse_amount`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final, Literal

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.cli._cells import unneutralise
from eghnrw.doors.cli._german import german_amount, german_date
from eghnrw.doors.tables import Percent

__all__ = ["RESERVED", "SHAPE", "UNAVAILABLE", "Field", "FieldType", "convert", "converter"]

FieldType = Literal["amount", "int", "date", "bool", "mapping", "list", "text", "choice", "participants", "periods"]

#: Keys of a case that are not fields of its calculation.
RESERVED: Final = frozenset({"kind", "id", "note"})
#: Names no field can take: those keys, and the options and values every subcommand's parser keeps.
UNAVAILABLE: Final = RESERVED | {"command", "handler", "lang", "json", "decimal_comma", "ics", "remind"}

#: Longest whole number read from text (Python refuses to convert more than 4,300 digits; no count has 20).
_MAX_DIGITS: Final = 100
_TRUE = frozenset({"true", "yes", "ja", "1", "wahr"})
_FALSE = frozenset({"false", "no", "nein", "0", "falsch"})

#: What each type looks like, for help texts and error messages.
SHAPE: Final[dict[str, str]] = {
    "amount": "an amount in plain decimal syntax, e.g. 63360 or 1234.56",
    "int": "a whole number",
    "date": "a date as YYYY-MM-DD",
    "bool": "true or false",
    "mapping": "name=value pairs separated by commas, e.g. gemeinkosten=20,sachaufwand=15",
    "list": "values separated by commas",
    "text": "text",
    "choice": "one of the listed values",
    "participants": "a number of persons, or weights separated by commas (e.g. 1,1,2)",
    "periods": "periods FIRST..LAST separated by commas, e.g. 2024-03-10..2024-03-12,2024-03-20..2024-03-20",
}

#: The placeholder of each type in usage lines and messages (``--on YYYY-MM-DD``).
_METAVAR: Final[dict[str, str]] = {
    "amount": "AMOUNT",
    "int": "INT",
    "date": "YYYY-MM-DD",
    "bool": "",
    "mapping": "NAME=VALUE",
    "list": "LIST",
    "text": "TEXT",
    "choice": "CHOICE",
    "participants": "N|WEIGHTS",
    "periods": "FIRST..LAST,...",
}


@dataclass(frozen=True, slots=True)
class Field:
    """One input of a calculation: its keyword, type, whether it is required, and a help text."""

    name: str
    type: FieldType
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        """The command-line option: ``--annual-personnel-cost``."""
        return "--" + self.name.replace("_", "-")

    @property
    def metavar(self) -> str:
        """The placeholder of the value in usage lines: ``AMOUNT``, ``YYYY-MM-DD``."""
        return _METAVAR[self.type]


def _text(value: object, name: str) -> str:
    """Text as given; a cell eghnrw neutralised against formula injection (``'=…``) reads as it was."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise InvalidInputError(name, value, "pass " + SHAPE["text"])
    return unneutralise(str(value).strip())


def _split(text: str, *, german: bool) -> list[str]:
    """Items of a list cell: ``;``-separated, or ``,``-separated where no ``;`` occurs (never with decimal commas)."""
    separator = ";" if german or ";" in text else ","
    return [part.strip() for part in text.split(separator) if part.strip()]


def convert(field: Field, value: object, *, german: bool = False) -> object:
    """The library value of ``value`` (a typed-in string, a JSON value or a workbook cell) for ``field``.

    ``german``: amounts may be written with a decimal comma (``1.234,56``), dates as
    ``TT.MM.JJJJ``, and list items are separated by ``;``.

    >>> convert(Field("on", "date", ""), "2024-01-01")
    datetime.date(2024, 1, 1)
    >>> convert(Field("s", "mapping", ""), "gemeinkosten=20, sachaufwand=15")
    {'gemeinkosten': '20', 'sachaufwand': '15'}
    >>> convert(Field("cost", "amount", ""), "1.234,56", german=True)
    '1234.56'
    >>> convert(Field("places", "int", ""), "x")
    Traceback (most recent call last):
    ...
    eghnrw.core.errors.InvalidInputError: places: got 'x'; pass a whole number

    Raises:
        InvalidInputError: ``value`` does not have the field's form.
    """
    return _CONVERTERS[field.type](field, value, german)


def converter(field: Field) -> Callable[[Field, object, bool], object]:
    """The function :func:`convert` calls for ``field`` (looked up once per kind, not once per value)."""
    return _CONVERTERS[field.type]


def _refuse(field: Field, value: object) -> InvalidInputError:
    return InvalidInputError(field.name, value, "pass " + SHAPE[field.type])


def _is_percent(name: str) -> bool:
    """Whether a field (or an item of one, ``surcharges_percent['x']``) holds a percentage."""
    return "percent" in name.partition("[")[0]


def _amount(field: Field, value: object, german: bool) -> object:  # noqa: FBT001 - one signature for every converter
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%") and _is_percent(field.name):  # "95 %", as Excel writes a percentage cell to CSV
            text = text.removesuffix("%").rstrip()
        return german_amount(text, field.name) if german else text
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _refuse(field, value)
    if isinstance(value, Percent) and not _is_percent(field.name):
        raise InvalidInputError(
            field.name,
            f"{value:f} %",
            "this is no percentage: format the cell as a number (not as %) and type the amount",
        )
    return value


def _int(field: Field, value: object, _german: bool) -> int:  # noqa: FBT001
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():  # a workbook's 24.0
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit() and len(value.strip()) <= _MAX_DIGITS:
        return int(value.strip())
    raise _refuse(field, value)


def _date(field: Field, value: object, _german: bool) -> date:  # noqa: FBT001 - TT.MM.JJJJ is read in any case
    if isinstance(value, datetime):  # a workbook's date cell (midnight)
        if value.time() == datetime.min.time() and value.tzinfo is None:
            return value.date()
        raise _refuse(field, value)
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if len(text) == len("YYYY-MM-DD") and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    if (day := german_date(text)) is not None:  # TT.MM.JJJJ is never anything else
        return day
    raise _refuse(field, value)


def _bool(field: Field, value: object, _german: bool) -> bool:  # noqa: FBT001
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _refuse(field, value)


def _list(field: Field, value: object, german: bool) -> list[str]:  # noqa: FBT001
    if isinstance(value, list):
        return [_text(item, f"{field.name}[{i}]") for i, item in enumerate(value)]
    return _split(_text(value, field.name), german=german)


def _participants(field: Field, value: object, german: bool) -> object:  # noqa: FBT001
    if isinstance(value, list):
        return [_amount(Field(f"{field.name}[{i}]", "amount", ""), item, german) for i, item in enumerate(value)]
    if isinstance(value, str) and (";" in value or ("," in value and not german)):
        return [_amount(Field(f"{field.name}[{i}]", "amount", ""), item, german) for i, item in
                enumerate(_split(value, german=german))]  # fmt: skip
    return _int(Field(field.name, "int", ""), value, german)


def _periods(field: Field, value: object, german: bool) -> list[tuple[date, date]]:  # noqa: FBT001
    """Periods of days: ``FIRST..LAST`` pairs separated by commas, or a JSON list of two-day lists."""
    items = value if isinstance(value, list) else _split(_text(value, field.name), german=german)
    periods = []
    for i, item in enumerate(items):
        pair = item.split("..") if isinstance(item, str) else item
        if not isinstance(pair, list) or len(pair) != 2:
            raise InvalidInputError(f"{field.name}[{i}]", item, "pass " + SHAPE["periods"])
        day = Field(f"{field.name}[{i}]", "date", "")
        periods.append((_date(day, pair[0], german), _date(day, pair[1], german)))
    return periods


def _choice(field: Field, value: object, _german: bool) -> str:  # noqa: FBT001
    text = _text(value, field.name)
    if field.choices and text not in field.choices:
        raise InvalidInputError(field.name, value, "pass one of " + ", ".join(field.choices))
    return text


def _mapping(field: Field, value: object, german: bool) -> dict[str, object]:  # noqa: FBT001
    name = field.name
    if isinstance(value, Mapping):
        return {str(k): _amount(Field(f"{name}[{k!r}]", "amount", ""), v, german) for k, v in value.items()}
    if isinstance(value, list):  # a repeated option: --surcharges-percent a=1 --surcharges-percent b=2
        merged: dict[str, object] = {}
        for item in value:
            merged.update(_mapping(field, item, german))
        return merged
    result: dict[str, object] = {}
    for pair in _split(_text(value, name), german=german):
        key, sep, amount = pair.partition("=")
        if not sep or not key.strip() or not amount.strip():
            raise InvalidInputError(
                name, value, "pass " + SHAPE["mapping"] + (" (';' between pairs)" if german else "")
            )
        result[key.strip()] = _amount(Field(f"{name}[{key.strip()!r}]", "amount", ""), amount, german)
    return result


_CONVERTERS: Final[dict[str, Callable[[Field, object, bool], object]]] = {
    "amount": _amount,
    "int": _int,
    "date": _date,
    "bool": _bool,
    "mapping": _mapping,
    "list": _list,
    "text": _choice,
    "choice": _choice,
    "participants": _participants,
    "periods": _periods,
}
