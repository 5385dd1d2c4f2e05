"""A subpackage's ``__all__``: its modules' lists, in order, and the names it re-exports besides."""

from __future__ import annotations

from types import ModuleType


def exported(*modules: ModuleType, also: tuple[str, ...] = ()) -> list[str]:
    """Each module's ``__all__`` in the order given, then ``also`` (names a subpackage re-exports by name).

    >>> from eghnrw.rates import courses, shared
    >>> exported(courses, shared, also=("x",))
    ['KursgebuehrResult', 'kursgebuehr', 'SharedDeliveryResult', 'shared_delivery', 'x']
    """
    return [name for module in modules for name in module.__all__] + list(also)
