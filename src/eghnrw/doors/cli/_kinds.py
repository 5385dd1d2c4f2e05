"""Every calculation the command offers, by name: the subcommands and the ``kind`` of a case in ``eghnrw run``.

Each is read from its rule's declaration (``_derived``): a declared rule with plain inputs is
offered as its declaration says, and nothing here names a rule. A module that brings a
calculation no declaration gives adds it with :func:`add_kind` before the parser is built (a test
checks every kind against its function).
"""

from __future__ import annotations

from typing import Final

from eghnrw.core._rule import declarations
from eghnrw.doors.cli._derived import derived_kinds
from eghnrw.doors.cli._fields import Field, convert
from eghnrw.doors.cli._kind import Kind, compute

__all__ = ["KINDS", "Field", "Kind", "add_kind", "compute", "convert"]

#: Every calculation by its name (the subcommand and the ``kind`` of a case), in the order of the rules.
KINDS: Final[dict[str, Kind]] = {kind.name: kind for kind in derived_kinds(declarations().values())}


def add_kind(kind: Kind) -> Kind:
    """Offer one more calculation (a subcommand, and a ``kind`` in case files); returns it.

    Raises:
        ValueError: the name is taken.
    """
    if kind.name in KINDS:
        raise ValueError(f"a kind {kind.name!r} exists already")
    KINDS[kind.name] = kind
    return kind
