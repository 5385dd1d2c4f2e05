"""Besondere Wohnformen: the building's costs split between Fachleistung and Unterkunft (RULES M15).

LRV B.4.14 Abs. 2–7. The call chain, one concept a module:

1. :func:`area_split` (``areas``): a block of the building's costs split by area;
2. :func:`resident_shares` (``residents``): the Unterkunft part split among the residents;
3. :func:`eghnrw.unterkunft.kdu.kdu_check` for each resident (Abs. 7);
4. :func:`warmmiete_check` (``rent_check``): the Warmmiete charged against the costs (Abs. 7,
   last sentence);
5. :func:`wohnform_split` (``separation``): all of it for a whole :class:`~eghnrw.kommission.models.House`,
   with the Fachleistung part ready for :func:`eghnrw.organisationsmodul_rate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw.core._exports import exported
from eghnrw.unterkunft.wohnform.areas import *
from eghnrw.unterkunft.wohnform.rent_check import *
from eghnrw.unterkunft.wohnform.residents import *
from eghnrw.unterkunft.wohnform.residents import ResidentShare as ResidentShare
from eghnrw.unterkunft.wohnform.separation import *
from eghnrw.unterkunft.wohnform.separation import CostSplit as CostSplit
from eghnrw.unterkunft.wohnform.separation import RateInputs as RateInputs
from eghnrw.unterkunft.wohnform.separation import ResidentHousing as ResidentHousing

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
