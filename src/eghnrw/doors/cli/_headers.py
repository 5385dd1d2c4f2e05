"""Column headers as people type them: case, spaces, hyphens and umlaut spellings do not matter.

``Annual Cost``, ``annual-cost`` and ``ANNUAL_COST`` are the column ``annual_cost``; ``Zuschläge``
and ``Zuschlaege`` are one word; a header ``Funktion (role)`` — the template's German word with
the field name — is found by either part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

__all__ = ["key", "resolve"]

_UMLAUTS: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_OTHER: Final = re.compile(r"[^0-9a-z%]+")
_PARENS: Final = re.compile(r"(?P<outer>[^()]*)\((?P<inner>[^()]*)\)\s*")


def key(text: str) -> str:
    """The form headers are compared in.

    >>> key(" Annual Cost "), key("occupancy-percent"), key("Zuschläge"), key("ZUSCHLAEGE")
    ('annual_cost', 'occupancy_percent', 'zuschlaege', 'zuschlaege')
    """
    return _OTHER.sub("_", text.casefold().translate(_UMLAUTS)).strip("_")


def resolve(header: str, names: Mapping[str, str]) -> str | None:
    """The name ``header`` stands for (``names``: header key → name), or ``None``.

    >>> resolve("Funktion (role)", {"role": "role"}), resolve("VK", {"vk": "fte"}), resolve("Bemerkung", {})
    ('role', 'fte', None)
    """
    for candidate in _candidates(header):
        found = names.get(key(candidate))
        if found is not None:
            return found
    return None


def _candidates(header: str) -> Iterable[str]:
    yield header
    parts = _PARENS.fullmatch(header.strip())
    if parts is not None:
        yield parts["inner"]
        yield parts["outer"]
