"""Every calculation the command offers, by name: the subcommands and the ``kind`` of a case in ``eghnrw run``.

The catalogue is in ``_kinds_money`` (rates, KdU, Kürzungen) and ``_kinds_procedure`` (terms,
deadlines, audits, the Gemeinsame Kommission), and every other declared rule with plain inputs is
offered as its declaration says (``_derived``); a module that brings a new calculation adds it
with :func:`add_kind` before the parser is built (a test checks every kind against its function).
"""

from __future__ import annotations

from typing import Final

from eghnrw._rule import declarations
from eghnrw.cli._derived import derived_kinds
from eghnrw.cli._fields import Field, convert
from eghnrw.cli._kind import Kind, compute
from eghnrw.cli._kinds_money import money_kinds
from eghnrw.cli._kinds_procedure import procedure_kinds

__all__ = ["KINDS", "Field", "Kind", "add_kind", "compute", "convert"]

#: Every calculation by its name (the subcommand and the ``kind`` of a case): the kinds written out
#: with their help texts, then one read from its declaration for every other rule with plain inputs.
KINDS: Final[dict[str, Kind]] = {kind.name: kind for kind in (*money_kinds(), *procedure_kinds())}
KINDS.update(
    (kind.name, kind)
    for kind in derived_kinds(declarations().values(), taken={*KINDS, *(k.function for k in KINDS.values())})
)


def add_kind(kind: Kind) -> Kind:
    """Offer one more calculation (a subcommand, and a ``kind`` in case files); returns it.

    Raises:
        ValueError: the name is taken.
    """
    if kind.name in KINDS:
        raise ValueError(f"a kind {kind.name!r} exists already")
    KINDS[kind.name] = kind
    return kind
