"""A changed Investitionsbetrag and the agreement it needs (RULES M16): LRV B.4.7 Abs. 8 Satz 1.

"Eine Neuberechnung des Investitionsbetrages aufgrund von Investitionsmaßnahmen kommt nur in
Betracht, wenn die Maßnahme vorher mit dem zuständigen Träger der Eingliederungshilfe dem Grunde und
der Höhe nach vereinbart worden ist." Where :func:`~eghnrw.verguetung.negotiation.compare`, the what-if or a
Fortschreibung changes the Investitionsbetrag (before public subsidies, which Satz 2 credits on its
own), the result says so — in ``notes`` and a step citing Abs. 8 Satz 1 — unless the caller states
that the measure was agreed beforehand (``investment_agreed=True``); then the step records that
statement instead. eghnrw cannot see the agreement: it flags, it never refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from eghnrw.core.trace import Step, format_value

__all__ = ["investment_notes"]

_CLAUSE = "LRV B.4.7 Abs. 8 Satz 1"


def investment_notes(old: Decimal, new: Iterable[Decimal], *, agreed: bool) -> tuple[tuple[str, ...], tuple[Step, ...]]:
    """The note (English) and step (German and English) for an Investitionsbetrag ``old`` changed to ``new``.

    ``new`` holds the new figures (one, or the values of a what-if); those equal to ``old`` are no
    change. Nothing when none differs; a step without a note when the measure was ``agreed``.

    >>> notes, steps = investment_notes(Decimal(24000), [Decimal(30000)], agreed=False)
    >>> steps[0].clause, notes[0][:52]
    ('LRV B.4.7 Abs. 8 Satz 1', 'the Investitionsbetrag changes (24,000 → 30,000): it')
    """
    changed = [value for value in dict.fromkeys(new) if value != old]
    if not changed:
        return (), ()
    de = ", ".join(format_value(value) for value in changed)
    en = ", ".join(format_value(value, "en") for value in changed)
    was_de, was_en = format_value(old), format_value(old, "en")
    if agreed:
        step = Step(
            _CLAUSE,
            f"Investitionsbetrag neu berechnet ({was_de} → {de}): Maßnahme vorher dem Grunde und der Höhe nach "
            "vereinbart (Angabe des Aufrufers)",
            f"investment amount recalculated ({was_en} → {en}): measure agreed beforehand in principle and "
            "amount (the caller's statement)",
        )
        return (), (step,)
    note = (
        f"the Investitionsbetrag changes ({was_en} → {en}): it is recalculated for an investment measure only if "
        "the measure was agreed with the Träger beforehand, dem Grunde und der Höhe nach (LRV B.4.7 Abs. 8 Satz 1); "
        "pass investment_agreed=True if it was"
    )
    step = Step(
        _CLAUSE,
        f"Hinweis: Investitionsbetrag geändert ({was_de} → {de}) — neu berechnet nur für eine vorher dem Grunde "
        "und der Höhe nach vereinbarte Maßnahme",
        f"note: investment amount changed ({was_en} → {en}) — recalculated only for a measure agreed beforehand "
        "in principle and amount",
    )
    return (note,), (step,)
