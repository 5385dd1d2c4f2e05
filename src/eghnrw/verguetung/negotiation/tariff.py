"""Tariff pay a negotiation cuts (RULES M17): LRV A.4.6 Abs. 5, § 124 Abs. 1 Satz 6 SGB IX.

"Tariflich vereinbarte Vergütungen sowie entsprechende Vergütungen nach kirchlichen
Arbeitsrechtsregelungen können nicht als unwirtschaftlich abgelehnt werden." A post of a
Kalkulation names its Tarifwerk (:class:`~eghnrw.kommission.models.service_costs.Post`, ``tarifwerk``); where a
comparison or a what-if pays such a post less per full-time post than the Kalkulation it starts
from, under the same Tarifwerk, the pay falls below what the Tarifwerk pays, and the result says so
— in ``notes`` and in a step citing A.4.6 Abs. 5. It never refuses: whether the lower figure is a
cut or a correction is for the negotiators to say.

Posts are paired by role, in the order they are listed (the first Fachkraft post of the old
Kalkulation with the first of the new, and so on); posts without a Tarifwerk, or whose Tarifwerk
changed, are not compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from eghnrw.core.trace import Step, format_value
from eghnrw.kommission.models.service_costs import Post

__all__ = ["TariffCut", "tariff_cuts", "tariff_notes"]

_CLAUSE = "LRV A.4.6 Abs. 5"


class TariffCut(NamedTuple):
    """A post paid less per full-time post than before under the same Tarifwerk."""

    role: str
    tarifwerk: str
    old: Decimal
    new: Decimal


def _by_role(posts: Iterable[Post]) -> dict[str, list[Post]]:
    roles: dict[str, list[Post]] = {}
    for post in posts:
        roles.setdefault(post.role, []).append(post)
    return roles


def tariff_cuts(old: Iterable[Post], new: Iterable[Post]) -> tuple[TariffCut, ...]:
    """The posts of ``new`` whose annual cost per full-time post lies below their pair in ``old``, same Tarifwerk.

    >>> from decimal import Decimal
    >>> before = [Post(role="Fachkraft", annual_cost=Decimal(62000), skilled=True, fte=Decimal(6), tarifwerk="TVöD")]
    >>> after = [before[0].model_copy(update={"annual_cost": Decimal(60000)})]
    >>> tariff_cuts(before, after)
    (TariffCut(role='Fachkraft', tarifwerk='TVöD', old=Decimal('62000'), new=Decimal('60000')),)
    """
    later = _by_role(new)
    cuts: list[TariffCut] = []
    for role, posts in _by_role(old).items():
        for was, now in zip(posts, later.get(role, ()), strict=False):
            if was.tarifwerk is not None and now.tarifwerk == was.tarifwerk and now.annual_cost < was.annual_cost:
                cuts.append(TariffCut(role, was.tarifwerk, was.annual_cost, now.annual_cost))
    return tuple(cuts)


def tariff_notes(cuts: Iterable[TariffCut]) -> tuple[tuple[str, ...], tuple[Step, ...]]:
    """A note (English) and a step (German and English, citing A.4.6 Abs. 5) for each cut."""
    notes: list[str] = []
    steps: list[Step] = []
    for cut in dict.fromkeys(cuts):
        old_de, new_de = format_value(cut.old), format_value(cut.new)
        old_en, new_en = format_value(cut.old, "en"), format_value(cut.new, "en")
        notes.append(
            f"post {cut.role} ({cut.tarifwerk}): annual cost per full-time post {old_en} → {new_en}, below its "
            "Tarifwerk; tariff pay cannot be rejected as uneconomic (LRV A.4.6 Abs. 5, § 124 Abs. 1 Satz 6 SGB IX)"
        )
        steps.append(
            Step(
                _CLAUSE,
                f"Hinweis: Stelle {cut.role} ({cut.tarifwerk}) unter der tariflichen Vergütung ({old_de} → {new_de} "
                "je Vollzeitstelle) — tarifliche Vergütung kann nicht als unwirtschaftlich abgelehnt werden",
                f"note: post {cut.role} ({cut.tarifwerk}) below its tariff pay ({old_en} → {new_en} per full-time "
                "post) — tariff pay cannot be rejected as uneconomic",
            )
        )
    return tuple(notes), tuple(steps)
