"""Errors as RFC 9457 problem details (``application/problem+json``), and nothing else.

Every answer that is not a result is a problem object with ``type``, ``title``, ``status`` and
``detail``; bad input also names the ``field`` (the argument or its path, from
:class:`~eghnrw.core.errors.InvalidInputError`) and what to pass (``expected``). An unexpected error is a
500 whose body says only that: no type name, message or stack trace of the server reaches a client.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Final

from eghnrw.core.errors import EghnrwError, InvalidInputError, ParameterNotFoundError

__all__ = ["MEDIA_TYPE", "BodyTooLargeError", "UnknownRuleError", "dumps", "problem", "problem_of"]

MEDIA_TYPE: Final = "application/problem+json"

#: The problem types of eghnrw (URNs: they name a kind of problem; docs/server.md explains each).
INVALID_INPUT: Final = "urn:eghnrw:problem:invalid-input"
NO_PARAMETER: Final = "urn:eghnrw:problem:parameter-not-found"
REFUSED: Final = "urn:eghnrw:problem:refused"


class BodyTooLargeError(EghnrwError, ValueError):
    """A request body (or one case of a batch) larger than the server's limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the body is larger than this server's limit of {limit:,} bytes")


class UnknownRuleError(EghnrwError, LookupError):
    """A rule name that is not declared."""

    def __init__(self, name: str, close: list[str]) -> None:
        self.name = name
        hint = f"; did you mean {' or '.join(close)}?" if close else "; GET /rules lists them"
        super().__init__(f"there is no rule called {name!r}{hint}")


def problem(status: int, detail: str, *, type_: str = "about:blank", title: str = "", **extra: Any) -> dict[str, Any]:
    """A problem object; ``title`` defaults to the status's phrase (as RFC 9457 asks for about:blank)."""
    return {"type": type_, "title": title or HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}


#: Each error eghnrw answers as itself: (class, status, type, title); the first that matches answers.
_KNOWN: Final = (
    (BodyTooLargeError, 413, "about:blank", ""),
    (UnknownRuleError, 404, "about:blank", ""),
    (ParameterNotFoundError, 422, NO_PARAMETER, "No parameter value for this date"),
    (EghnrwError, 422, REFUSED, "Refused"),
)


def problem_of(exc: BaseException) -> dict[str, Any]:
    """The problem object that answers ``exc``; anything unexpected is a 500 that tells nothing more."""
    if isinstance(exc, InvalidInputError):
        return problem(
            422, str(exc), type_=INVALID_INPUT, title="Invalid input", field=exc.argument, expected=exc.expected
        )
    for kind, status, type_, title in _KNOWN:
        if isinstance(exc, kind):
            extra = {"limit": exc.limit} if isinstance(exc, BodyTooLargeError) else {}
            return problem(status, str(exc), type_=type_, title=title, **extra)
    return problem(500, "the server could not answer this request; it has been logged")


def dumps(content: dict[str, Any]) -> bytes:
    """A problem object as JSON bytes."""
    return json.dumps(content, ensure_ascii=False, default=str).encode()
