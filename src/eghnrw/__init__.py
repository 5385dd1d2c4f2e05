"""eghnrw: the NRW framework agreements on Eingliederungshilfe, computable.

Implements the *Landesrahmenvertrag nach § 131 SGB IX NRW* (LRV) and the *Rahmenvereinbarung
NRW* (RV): exact Euro amounts, dated parameters, BGB/NRW calendar arithmetic and explainable
results. This module is the public contract (``__all__``); everything else may change.

A public name is written once, in its module's ``__all__``; this file names each public module
once, ``from eghnrw.<module> import *`` — the light core at once (errors, enums, money, dated
parameters, traces), every rule and door module (rates, KdU, the BGB calendar, the models, terms and
deadlines, the negotiation workbench, besondere Wohnformen, batches, calendar files) under
``TYPE_CHECKING`` for type checkers and on first use at run time. ``__all__`` and the name → module
map of ``__getattr__`` are derived from those lines on first use; a module not yet loaded is not
imported for it (its ``__all__ = [...]`` literal is read from its source). A new public name in a
listed module needs no line here. The first result (``import eghnrw`` and an ``hourly_rate``) so
costs about half of what importing everything would (benchmarks/bench_import.py).
A lazily loaded name cannot be shadowed: no module is named like a public name of its package, at
any depth (tests/test_api.py). The holiday tables load on the first date that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw._exports import lazy as _lazy
from eghnrw._exports import public_names as _public_names
from eghnrw.enums import *
from eghnrw.errors import *
from eghnrw.money import *
from eghnrw.params import *
from eghnrw.rates.hourly import *
from eghnrw.rates.surcharges import *
from eghnrw.trace import *

if TYPE_CHECKING:  # loaded on first use at run time (__getattr__ below)
    from typing import Any

    from eghnrw.batch import *
    from eghnrw.billing import *
    from eghnrw.calendar import *
    from eghnrw.deadlines.audits import *
    from eghnrw.deadlines.due_dates import *
    from eghnrw.deadlines.evaluation import *
    from eghnrw.deadlines.fixed import *
    from eghnrw.deadlines.hospital import *
    from eghnrw.deadlines.immediate import *
    from eghnrw.deadlines.periods import *
    from eghnrw.deadlines.recurring import *
    from eghnrw.deadlines.schiedsstelle import *
    from eghnrw.kdu import *
    from eghnrw.models.checks import *
    from eghnrw.models.commission import *
    from eghnrw.models.house import *
    from eghnrw.models.meetings import *
    from eghnrw.models.modules import *
    from eghnrw.models.party import *
    from eghnrw.models.persons import *
    from eghnrw.models.providers import *
    from eghnrw.models.schema import *
    from eghnrw.models.service_costs import *
    from eghnrw.module_rates import *
    from eghnrw.negotiation.comparison import *
    from eghnrw.negotiation.costing import *
    from eghnrw.negotiation.occupancy import *
    from eghnrw.negotiation.scenarios import *
    from eghnrw.negotiation.update import *
    from eghnrw.rates.courses import *
    from eghnrw.rates.daily import *
    from eghnrw.rates.organisation import *
    from eghnrw.rates.shared import *
    from eghnrw.tables import *
    from eghnrw.terms import *
    from eghnrw.timelines import *
    from eghnrw.verify import *
    from eghnrw.wohnform.areas import *
    from eghnrw.wohnform.rent_check import *
    from eghnrw.wohnform.residents import *
    from eghnrw.wohnform.separation import *


if not TYPE_CHECKING:  # made on first use (__getattr__); declared for griffe, which then expands the lists
    __all__: list[str]

_lazy_getattr, __dir__ = _lazy(__name__, __file__, sort=True)


def _names() -> dict[str, str]:
    """Public name → the module that defines it (:func:`eghnrw._exports.public_names` of this file)."""
    return _public_names(__file__)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - asked on first use, like stamina

        return version("eghnrw")
    return _lazy_getattr(name)
