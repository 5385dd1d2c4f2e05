"""A calculation the command offers (a :class:`Kind`), and how a case of it is computed.

A kind names its library function (``eghnrw.<function>``), the clauses it rests on and its
fields; the command's subcommand and the ``kind`` of a case in a case file are its name. Fields
are the function's keywords (a test checks every kind against the function's signature), except
those gathered into one model argument (``group``, e.g. the ``basis`` of a daily cost basis).
Every kind is read from its rule's declaration (``_derived``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import eghnrw
from eghnrw.core._rule import declarations
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Result
from eghnrw.doors.cli._fields import SHAPE, Field, converter

__all__ = ["Kind", "compute"]


@dataclass(frozen=True)
class Kind:
    """A calculation: the subcommand name (also the ``kind`` of a case), help, clauses, fields, call, example.

    ``call`` is the name of the library function (``"hourly_rate"``: called as
    ``eghnrw.hourly_rate(**values)``), or a callable that arranges the values for it — then
    ``function`` names the function whose keywords the fields are (the signature test reads it).
    ``group``/``grouped``: the fields named in ``grouped`` are passed together as the mapping
    keyword ``group`` (``basis=...``); with ``key``, as the one entry of that mapping under the
    value of the field ``key`` (``bases={intensity: ...}``).
    """

    name: str
    summary: str
    clauses: str
    fields: tuple[Field, ...]
    call: Callable[[dict[str, Any]], Result] | str
    example: str
    function: str = ""
    group: str = ""
    grouped: frozenset[str] = frozenset()
    key: str = ""
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)
    converters: Mapping[str, tuple[Field, Callable[[Field, object, bool], object]]] = field(
        init=False, repr=False, compare=False
    )
    required: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.function and isinstance(self.call, str):
            object.__setattr__(self, "function", self.call)
        object.__setattr__(self, "by_name", {item.name: item for item in self.fields})
        object.__setattr__(self, "converters", {item.name: (item, converter(item)) for item in self.fields})
        object.__setattr__(self, "required", frozenset(item.name for item in self.fields if item.required))

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or ``None``."""
        return self.by_name.get(name)

    @property
    def result_type(self) -> type[Result]:
        """The result class the function returns (from its rule's declaration): it names the output's columns."""
        returned: type[Result] = declarations()[self.function].result
        return returned

    def run(self, values: dict[str, Any]) -> Result:
        """Call the library with converted values."""
        if not isinstance(self.call, str):
            return self.call(values)
        if self.group:
            grouped = {k: v for k, v in values.items() if k in self.grouped}
            values = {k: v for k, v in values.items() if k not in self.grouped} | {
                self.group: {values[self.key]: grouped} if self.key else grouped
            }
        result: Result = getattr(eghnrw, self.function)(**values)  # looked up on use: the CLI loads light
        return result


def compute(kind: Kind, raw: Mapping[str, object], *, german: bool = False) -> Result:
    """Convert ``raw`` (field name → typed-in, JSON or cell value; ``None`` or ``""`` = not given) and compute.

    ``german``: amounts with decimal commas and ``TT.MM.JJJJ`` dates are read (see ``_german``).

    Raises:
        InvalidInputError: a field unknown to ``kind``, a required field missing, a value that
            does not convert, or whatever the library refuses.
    """
    values: dict[str, Any] = {}
    converters = kind.converters
    for name, value in raw.items():
        found = converters.get(name)
        if found is None:
            raise InvalidInputError(name, value, f"not a field of {kind.name}; its fields: {', '.join(converters)}")
        if value is None or value == "":
            continue
        values[name] = found[1](found[0], value, german)
    if not kind.required <= values.keys():
        for item in kind.fields:
            if item.required and item.name not in values:
                raise InvalidInputError(item.name, None, f"required for {kind.name} ({SHAPE[item.type]})")
    return kind.run(values)
