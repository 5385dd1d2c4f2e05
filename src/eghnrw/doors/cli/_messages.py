"""Errors told in the command line's words: the option a user types, or the column of a case file.

The library names its keywords the Python way (``pass on=date(...) or annual_hours=...``,
``overrides['berechnungstage']``, ``got Decimal('0')``). At the command line the same message names
``--on YYYY-MM-DD`` and ``--annual-hours AMOUNT``; in a case file it names the columns (``on``,
``annual_hours``), since those are what the user fills in.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Final, Literal

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.cli._fields import Field
from eghnrw.doors.cli._kind import Kind

__all__ = ["Style", "shown_value", "speak"]

#: ``option``: the subcommands (``--on``); ``column``: the fields of a case file (``on``).
Style = Literal["option", "column"]

_ARGUMENT: Final = re.compile(r"(?P<head>\w+)(?P<rest>.*)", re.DOTALL)
_GROUP_PREFIX: Final = re.compile(r"(?:\[[^\]]*\])?\.(?P<name>\w+)(?P<rest>.*)", re.DOTALL)
_KEY: Final = re.compile(r"\[(?P<key>'[^']*'|\"[^\"]*\"|\d+)\](?P<rest>.*)", re.DOTALL)
_OVERRIDES_DICT: Final = re.compile(r"(\w+)=\{'(\w+)': \.\.\.\}")
_KEYWORD: Final = re.compile(r"\b(\w+)=(date\(\.\.\.\)|\.\.\.|True|False)")
_DECIMAL: Final = re.compile(r"Decimal\('([^']*)'\)")
_DATE: Final = re.compile(r"datetime\.date\((\d+), (\d+), (\d+)\)")
#: Longest value shown in a message (as the library's own messages).
_SHOWN: Final = 80


def speak(exc: Exception, kind: Kind | None, style: Style) -> str:
    """One line for ``exc`` in the command line's words.

    >>> from eghnrw.doors.cli._kinds import KINDS
    >>> error = InvalidInputError("on", None, "pass on=date(...) for that day, or annual_hours=...")
    >>> speak(error, KINDS["hourly-rate"], "option")
    '--on: got nothing; pass --on YYYY-MM-DD for that day, or --annual-hours AMOUNT'
    >>> speak(error, KINDS["hourly-rate"], "column")
    'on: got nothing; pass on (YYYY-MM-DD) for that day, or annual_hours'
    """
    if isinstance(exc, InvalidInputError):
        where = _argument(exc.argument, kind, style)
        text = f"{where}: got {shown_value(exc.value)}; {_text(exc.expected, kind, style)}"
    else:
        text = _text(str(exc), kind, style)
    return " ".join(text.split())


def _field(name: str, kind: Kind | None) -> Field | None:
    return kind.field(name) if kind is not None else None


def _argument(argument: str, kind: Kind | None, style: Style) -> str:
    """``basis.occupancy_percent`` → ``--occupancy-percent``; ``overrides['x']`` → ``--overrides x=…``."""
    found = _ARGUMENT.fullmatch(argument)
    if found is None or kind is None:
        return argument
    head, rest = found["head"], found["rest"]
    if kind.group and head == kind.group and (inner := _GROUP_PREFIX.fullmatch(rest)):
        head, rest = inner["name"], inner["rest"]
    item = _field(head, kind)
    if item is None:
        return argument
    named = item.option if style == "option" else head
    if key := _KEY.fullmatch(rest):
        inside = key["key"].strip("'\"")
        if inside.isdigit():
            return f"{named} (item {int(inside) + 1}){key['rest']}"
        return f"{named} {inside}=…{key['rest']}"
    return named + rest


def shown_value(value: object) -> str:
    """A value as a message shows it: short, plain (``1234.56``, ``2024-01-01``), never the whole of a huge one."""
    if value is None:
        return "nothing"
    if isinstance(value, Decimal):  # 1e99999999 in plain syntax would be a 100 MB message
        plain = value.is_finite() and abs(value.adjusted()) < _SHOWN
        shown = f"{value:f}" if plain else str(value)
        return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    try:
        shown = repr(value)
    except (ValueError, RecursionError):  # an int of more than 4,300 digits, a deeply nested list
        return f"<{type(value).__name__} that cannot be shown>"
    shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."
    return _DATE.sub(_iso, _DECIMAL.sub(r"'\1'", shown))


def _iso(found: re.Match[str]) -> str:
    return date(int(found[1]), int(found[2]), int(found[3])).isoformat()


def _text(text: str, kind: Kind | None, style: Style) -> str:
    """Keyword references in a message (``on=date(...)``) as options or columns."""

    def overrides(found: re.Match[str]) -> str:
        name, key = found[1], found[2]
        item = _field(name, kind)
        if item is None:
            return found[0]
        return f"{item.option} {key}=VALUE" if style == "option" else f"{name} ({key}=…)"

    def keyword(found: re.Match[str]) -> str:
        name, shape = found[1], found[2]
        item = _field(name, kind)
        if item is None:
            return found[0]
        if style == "option":
            if shape == "True":
                return item.option
            if shape == "False":
                return "--no-" + item.option.removeprefix("--")
            return f"{item.option} {item.metavar}"
        if shape in {"True", "False"}:
            return f"{name} {shape.lower()}"
        return f"{name} (YYYY-MM-DD)" if shape.startswith("date") else name

    if "German number format" in text:
        text += "; or pass --decimal-comma" if style == "option" else "; or read the file with --decimal-comma"
    text = _OVERRIDES_DICT.sub(overrides, text)
    text = _KEYWORD.sub(keyword, text)
    return _DATE.sub(_iso, _DECIMAL.sub(r"\1", text))
