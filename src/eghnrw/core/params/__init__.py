"""Dated parameters: every figure that can change, with its validity period and its source.

The values live in ``parameters.toml`` beside this module (read with :mod:`tomllib`, checked
strictly with pydantic: unknown keys, overlapping periods and float values are refused on load).
:func:`parameter` answers "which value applies on this date?"; a caller's individually
negotiated value always wins (LRV A.4.6 Abs. 5) through ``overrides``.
"""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Annotated, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from eghnrw.core._check import check_date
from eghnrw.core._validity import check_period, covers, first_clash
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError, ParameterOutdatedWarning, _safe_repr
from eghnrw.core.money import Amount, parse_amount

__all__ = ["Parameter", "parameter"]

OVERRIDE_SOURCE = "individually agreed value passed by the caller (overrides)"

#: What the keywords ``on`` and ``overrides`` of a rule that reads dated parameters mean (its
#: declaration's ``arguments``: the command line's help, the service's form labels).
DATED_ARGUMENTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "on": "the day whose dated parameters apply (KGSt hours, Berechnungstage)",
        "overrides": "individually negotiated parameter values, e.g. berechnungstage=360",
    }
)


def _decimal_from_str(value: object) -> Decimal:
    if not isinstance(value, str):
        msg = 'write parameter values as quoted strings, e.g. value = "1584"'
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns ValueError into a validation error
    return parse_amount(value, "value")


def _exact_value(value: object) -> Decimal:
    """An amount as :func:`~eghnrw.core.money.parse_amount` takes it (no float; a JSON string is fine)."""
    return parse_amount(value, "value")


def _day_value(value: object) -> date | None:
    """A ``datetime.date`` or an ISO date string (the audit record); never a number or a datetime."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"pass a datetime.date or an ISO date string, not {_safe_repr(value)}"
    raise ValueError(msg)


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    valid_from: date
    valid_until: date | None = None
    value: Annotated[Decimal, BeforeValidator(_decimal_from_str)]
    source: str = Field(pattern=r"\S")  # every value cites its source: not empty, not blank

    @model_validator(mode="after")
    def _ordered(self) -> _Value:
        check_period(self.valid_from, self.valid_until)
        return self


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: str
    description: str
    reviewed_until: date
    values: tuple[_Value, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlap_no_gap(self) -> _Entry:
        if sorted(self.values, key=lambda v: v.valid_from) != list(self.values):
            raise ValueError("list the values in order of valid_from")
        clash = first_clash(self.values, gapless=True)
        if clash:
            raise ValueError(f"values from {clash[0].valid_from} and {clash[1].valid_from} overlap or leave a gap")
        return self


class Parameter(BaseModel):
    """One value of a dated parameter, as applied: the figure, its validity and its source."""

    model_config = ConfigDict(frozen=True, strict=True)

    name: str
    value: Annotated[Decimal, BeforeValidator(_exact_value)]
    unit: str
    valid_from: Annotated[date, BeforeValidator(_day_value)]
    valid_until: Annotated[date | None, BeforeValidator(_day_value)]
    source: str
    overridden: bool = False


@cache
def _table() -> dict[str, _Entry]:
    raw = tomllib.loads(files("eghnrw.core.params").joinpath("parameters.toml").read_text("utf-8"))
    try:
        return {name: _Entry.model_validate(entry) for name, entry in raw.items()}
    except ValidationError as exc:  # pragma: no cover - guarded by tests/test_params.py
        raise RuntimeError(f"eghnrw's parameter file is broken: {exc}") from exc


def parameter_names() -> tuple[str, ...]:
    """The names of all parameters eghnrw maintains, sorted."""
    return tuple(sorted(_table()))


def parameter(name: str, on: date, *, overrides: Mapping[str, Amount] | None = None) -> Parameter:
    """Return the value of parameter ``name`` that applies on ``on``.

    An entry of ``overrides`` with the same name wins over the maintained value (individually
    negotiated figures, LRV A.4.6 Abs. 5); a key that names no parameter is refused, so a
    misspelt override cannot pass silently. A date past ``reviewed_until`` returns the last
    value with a :class:`~eghnrw.core.errors.ParameterOutdatedWarning`; a date with no value, or an
    unknown name, raises :class:`~eghnrw.core.errors.ParameterNotFoundError`.

    >>> parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1)).value
    Decimal('1584')
    >>> parameter("regelbedarfsstufe_2", on=date(2024, 7, 1)).value
    Decimal('506')

    Raises:
        ParameterNotFoundError: an unknown ``name``, or ``on`` before the first value.
        InvalidInputError: ``on`` not a ``datetime.date``; ``overrides`` not a mapping of known names
            to amounts.
    """
    table = _table()
    entry = table.get(name) if isinstance(name, str) else None  # type: ignore[redundant-expr] # callers may pass anything
    if entry is None:
        raise ParameterNotFoundError(f"no parameter named {_safe_repr(name)}; known: {', '.join(sorted(table))}")
    day = check_date(on, "on")
    checked = check_overrides(overrides)
    if name in checked:
        return Parameter(
            name=name,
            value=checked[name],
            unit=entry.unit,
            valid_from=day,
            valid_until=day,
            source=OVERRIDE_SOURCE,
            overridden=True,
        )
    found = _lookup(name, day)
    if day > entry.reviewed_until or (found.valid_until is not None and day > found.valid_until):
        warnings.warn(
            f"{name}: {day.isoformat()} lies past {entry.reviewed_until.isoformat()}, the last date its "
            f"values were reviewed; carrying forward {found.value} {entry.unit} ({found.source}). "
            f"Check the current figure and pass it in overrides if it changed.",
            ParameterOutdatedWarning,
            stacklevel=2,
        )
    return found


def check_overrides(overrides: object) -> dict[str, Decimal]:
    """``overrides`` as a checked dict: a mapping of known parameter names to amounts (or ``None``).

    Every function that takes ``overrides`` checks them on the call, whether or not it reads the
    parameter they name, so a misspelt key or a bad value is never passed over silently.

    Raises:
        InvalidInputError: not a mapping, an unknown name, or a value that is not an amount.
    """
    if overrides is None or (type(overrides) is dict and not overrides):  # the common case, checked fast
        return {}
    if not isinstance(overrides, Mapping):
        raise InvalidInputError("overrides", overrides, 'pass a mapping such as {"kgst_normalarbeitszeit": "1600"}')
    table = _table()
    unknown = sorted(str(key) for key in overrides if key not in table)
    if unknown:
        raise InvalidInputError("overrides", unknown, f"override only known parameters: {', '.join(sorted(table))}")
    return {name: parse_amount(value, f"overrides[{name!r}]") for name, value in overrides.items()}


@lru_cache(maxsize=4096)
def _lookup(name: str, day: date) -> Parameter:
    entry = _table()[name]
    for value in entry.values:
        if covers(value, day):
            found = value
            break
    else:
        if day < entry.values[0].valid_from:
            raise ParameterNotFoundError(
                f"{name} has no value on {day.isoformat()}: values start on "
                f"{entry.values[0].valid_from.isoformat()}; pass overrides={{{name!r}: ...}} for earlier dates"
            )
        found = entry.values[-1]
    return Parameter(
        name=name,
        value=found.value,
        unit=entry.unit,
        valid_from=found.valid_from,
        valid_until=found.valid_until,
        source=found.source,
    )
