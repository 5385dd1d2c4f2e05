"""One case of a case file, computed: its result, or why it was refused (told in the file's terms)."""

from __future__ import annotations

from dataclasses import dataclass

from eghnrw.cli._kind import compute
from eghnrw.cli._kinds import KINDS
from eghnrw.cli._messages import speak
from eghnrw.cli._read import Case
from eghnrw.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.trace import Result

__all__ = ["Outcome", "outcome"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A computed case (``result``) or a refused one (``error``), with its line, number, kind and id."""

    line: int
    number: int
    kind: str
    id: str | None
    result: Result | None = None
    error: str = ""
    unexpected: bool = False


def outcome(case: Case, *, german: bool = False) -> Outcome:
    """Compute ``case``; a refused case becomes an :class:`Outcome` with its ``error`` (never raises)."""
    if case.fields is None:
        return Outcome(case.line, case.number, "", case.id, error=case.problem)
    kind = KINDS.get(case.kind) if isinstance(case.kind, str) else None
    if kind is None:
        names = ", ".join(KINDS)
        shown = "nothing" if case.kind is None else repr(case.kind)
        return Outcome(case.line, case.number, "", case.id, error=f"kind: got {shown}; pass one of {names}")
    try:
        result = compute(kind, case.fields, german=german)
    except (InvalidInputError, ParameterNotFoundError) as exc:
        return Outcome(case.line, case.number, kind.name, case.id, error=speak(exc, kind, "column"))
    except RecursionError:
        return Outcome(case.line, case.number, kind.name, case.id, error="a value is nested too deeply")
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the other cases; reported, exit 1
        message = f"unexpected {type(exc).__name__}: {exc} (please report this)"
        return Outcome(case.line, case.number, kind.name, case.id, error=message, unexpected=True)
    return Outcome(case.line, case.number, kind.name, case.id, result)
