"""Rules, Unterkunft: the KdU threshold and split, and besondere Wohnformen.

The 25 % KdU threshold and the split between SGB XII and Eingliederungshilfe (``kdu``); besondere
Wohnformen — areas, residents' shares, the Warmmiete check and the separation of Fachleistung and
Unterkunft (``wohnform``).

Each module and subpackage is an attribute on first use (``eghnrw.unterkunft.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
