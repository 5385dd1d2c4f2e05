"""The errors eghnrw raises.

Every error is an :class:`EghnrwError` and also the built-in exception it means, so callers can
catch either (the habit of ``attrs``' ``exceptions.py``): bad values are ``ValueError``, a missing
parameter is a ``LookupError`` and, as no value exists for the date or name passed, a ``ValueError``
too — ``except ValueError`` catches every refusal of an input.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "EghnrwError",
    "InvalidInputError",
    "OptionalDependencyError",
    "ParameterNotFoundError",
    "ParameterOutdatedWarning",
]


class EghnrwError(Exception):
    """Base class of every error raised by eghnrw."""


class InvalidInputError(EghnrwError, ValueError):
    """A value passed to eghnrw is of the wrong type or outside what the rule allows.

    ``argument`` names the parameter, ``value`` is what was received, ``expected`` says what
    would be valid; ``errors`` keeps pydantic's error list where one was converted.
    """

    def __init__(
        self,
        argument: str,
        value: Any,
        expected: str,
        *,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        self.errors = errors or []
        shown = _safe_repr(value)
        super().__init__(f"{argument}: got {shown}; {expected}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with all three arguments, so the error can cross a process boundary."""
        return (type(self), (self.argument, self.value, self.expected), {"errors": self.errors})


class ParameterNotFoundError(EghnrwError, LookupError, ValueError):
    """No value of a dated parameter is valid on the date asked for (or the name is unknown).

    A ``LookupError`` (DESIGN.md) and also a ``ValueError``: the date or name passed has no value,
    so ``except ValueError`` catches every refusal of an input, as the README says (docs/decisions.md).
    """


class OptionalDependencyError(EghnrwError, ImportError):
    """A feature needs a library eghnrw does not depend on (pandas, pyarrow, openpyxl); the message names the extra.

    ``extra`` is the name of the extra that installs it (``pip install 'eghnrw[pandas]'``); ``name``
    (as on every ``ImportError``) the module that is missing.
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install 'eghnrw[{extra}]'", name=module
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with its three arguments, so the error can cross a process boundary."""
        return (type(self), (self.feature, self.name, self.extra))


class ParameterOutdatedWarning(UserWarning):
    """A date lies past the last maintained value of a parameter; the last value is carried forward."""


def _safe_repr(value: object) -> str:
    """``repr(value)`` cut to 80 characters; a value whose repr fails is named by its type.

    Whatever a caller's ``__repr__`` raises (an int of more than 4,300 digits, a deeply nested
    list, a half-made object's ``TypeError``), the refusal that shows the value must still be raised.
    """
    try:
        shown = repr(value)
    except Exception:  # noqa: BLE001 - any failure of a foreign __repr__: the error message must survive it
        return f"<{type(value).__name__} that cannot be shown>"
    return shown if len(shown) <= 80 else shown[:77] + "..."
