"""eghnrw: the NRW framework agreements on Eingliederungshilfe, computable.

Implements the *Landesrahmenvertrag nach § 131 SGB IX NRW* (LRV) and the *Rahmenvereinbarung
NRW* (RV): exact Euro amounts, dated parameters, BGB/NRW calendar arithmetic and explainable
results. This module is the public contract; everything else may change.
"""

from __future__ import annotations

from typing import Any

from eghnrw.calendar import add_period, add_werktage, is_werktag
from eghnrw.errors import EghnrwError, InvalidInputError, ParameterNotFoundError, ParameterOutdatedWarning
from eghnrw.money import allocate, round_cents
from eghnrw.params import Parameter, parameter
from eghnrw.trace import Result, Step

__all__ = [
    "EghnrwError",
    "InvalidInputError",
    "Parameter",
    "ParameterNotFoundError",
    "ParameterOutdatedWarning",
    "Result",
    "Step",
    "add_period",
    "add_werktage",
    "allocate",
    "is_werktag",
    "parameter",
    "round_cents",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from eghnrw.trace import eghnrw_version  # noqa: PLC0415 - asked on first use, like stamina

        return eghnrw_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
