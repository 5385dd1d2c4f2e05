"""One case of a case file, computed: its result, or why it was refused (told in the file's terms)."""

from __future__ import annotations

from dataclasses import dataclass

from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.core.trace import Result
from eghnrw.doors.cli._headers import key
from eghnrw.doors.cli._kind import Kind, compute
from eghnrw.doors.cli._kinds import KINDS
from eghnrw.doors.cli._messages import shown_value as _value
from eghnrw.doors.cli._messages import speak
from eghnrw.doors.cli._read import Case

__all__ = ["Outcome", "outcome"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A computed case (``result``) or a refused one (``error``), with its line, number, kind and id.

    ``fields``: the inputs as read, ``extra``: the columns that are no input (both repeated in tables).
    """

    line: int
    number: int
    kind: str
    id: str | None
    result: Result | None = None
    error: str = ""
    unexpected: bool = False
    extra: tuple[tuple[str, object], ...] = ()
    fields: tuple[tuple[str, object], ...] = ()


def kind_of(name: object) -> Kind | None:
    """The calculation a case's ``kind`` names, in any case and spelling (``Hourly Rate``, ``hourly_rate``).

    >>> kind_of("Daily Rate").name, kind_of("nonsense")
    ('daily-rate', None)
    """
    if not isinstance(name, str):
        return None
    return KINDS.get(name) or KINDS.get(key(name).replace("_", "-"))


def outcome(case: Case, *, german: bool = False) -> Outcome:
    """Compute ``case``; a refused case becomes an :class:`Outcome` with its ``error`` (never raises)."""
    line, number, ident, extra = case.line, case.number, case.id, case.extra
    if case.fields is None:
        return Outcome(line, number, "", ident, error=case.problem, extra=extra)
    kind = kind_of(case.kind)
    if kind is None:
        names = ", ".join(KINDS)
        shown = "nothing" if case.kind is None else _value(case.kind)
        return Outcome(line, number, "", ident, error=f"kind: got {shown}; pass one of {names}", extra=extra)
    fields = tuple(case.fields.items())
    try:
        result = compute(kind, case.fields, german=german)
    except (InvalidInputError, ParameterNotFoundError) as exc:
        return Outcome(line, number, kind.name, ident, error=speak(exc, kind, "column"), extra=extra)
    except RecursionError:
        return Outcome(line, number, kind.name, ident, error="a value is nested too deeply", extra=extra)
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the other cases; reported, exit 1
        message = f"unexpected {type(exc).__name__}: {str(exc)[:200]} (please report this)"
        return Outcome(line, number, kind.name, ident, error=message, unexpected=True, extra=extra)
    return Outcome(line, number, kind.name, ident, result, extra=extra, fields=fields)
