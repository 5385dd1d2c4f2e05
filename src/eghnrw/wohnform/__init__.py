"""Besondere Wohnformen: the building's costs split between Fachleistung and Unterkunft (RULES M15).

LRV B.4.14 Abs. 2–7. The call chain, one concept a module:

1. :func:`area_split` (``areas``): a block of the building's costs split by area;
2. :func:`resident_shares` (``residents``): the Unterkunft part split among the residents;
3. :func:`eghnrw.kdu.kdu_check` for each resident (Abs. 7);
4. :func:`warmmiete_check` (``rent_check``): the Warmmiete charged against the costs (Abs. 7,
   last sentence);
5. :func:`wohnform_split` (``separation``): all of it for a whole :class:`~eghnrw.models.House`,
   with the Fachleistung part ready for :func:`eghnrw.organisationsmodul_rate`.
"""

from __future__ import annotations

from eghnrw.wohnform.areas import AreaSplitResult, area_split
from eghnrw.wohnform.rent_check import WarmmieteCheckResult, warmmiete_check
from eghnrw.wohnform.residents import ResidentShare, ResidentSharesResult, resident_shares
from eghnrw.wohnform.separation import CostSplit, RateInputs, ResidentHousing, WohnformSplitResult, wohnform_split

__all__ = [
    "AreaSplitResult",
    "CostSplit",
    "RateInputs",
    "ResidentHousing",
    "ResidentShare",
    "ResidentSharesResult",
    "WarmmieteCheckResult",
    "WohnformSplitResult",
    "area_split",
    "resident_shares",
    "warmmiete_check",
    "wohnform_split",
]
