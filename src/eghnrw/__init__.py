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

from eghnrw.core._exports import lazy as _lazy
from eghnrw.core._exports import public_names as _public_names
from eghnrw.core._moved import install as _install_old_paths
from eghnrw.core._moved import moved as _moved
from eghnrw.core.enums import *
from eghnrw.core.errors import *
from eghnrw.core.money import *
from eghnrw.core.params import *
from eghnrw.core.trace import *
from eghnrw.verguetung.rates.hourly import *
from eghnrw.verguetung.rates.surcharges import *

if TYPE_CHECKING:  # loaded on first use at run time (__getattr__ below)
    from typing import Any

    from eghnrw.core.calendar import *
    from eghnrw.doors.batch import *
    from eghnrw.doors.tables import *
    from eghnrw.doors.timelines import *
    from eghnrw.doors.verify import *
    from eghnrw.fristen.deadlines.audits import *
    from eghnrw.fristen.deadlines.due_dates import *
    from eghnrw.fristen.deadlines.evaluation import *
    from eghnrw.fristen.deadlines.fixed import *
    from eghnrw.fristen.deadlines.hospital import *
    from eghnrw.fristen.deadlines.immediate import *
    from eghnrw.fristen.deadlines.periods import *
    from eghnrw.fristen.deadlines.recurring import *
    from eghnrw.fristen.deadlines.schiedsstelle import *
    from eghnrw.fristen.terms import *
    from eghnrw.kommission.models.checks import *
    from eghnrw.kommission.models.commission import *
    from eghnrw.kommission.models.house import *
    from eghnrw.kommission.models.meetings import *
    from eghnrw.kommission.models.modules import *
    from eghnrw.kommission.models.party import *
    from eghnrw.kommission.models.persons import *
    from eghnrw.kommission.models.providers import *
    from eghnrw.kommission.models.schema import *
    from eghnrw.kommission.models.service_costs import *
    from eghnrw.unterkunft.kdu import *
    from eghnrw.unterkunft.wohnform.areas import *
    from eghnrw.unterkunft.wohnform.rent_check import *
    from eghnrw.unterkunft.wohnform.residents import *
    from eghnrw.unterkunft.wohnform.separation import *
    from eghnrw.verguetung.billing import *
    from eghnrw.verguetung.module_rates import *
    from eghnrw.verguetung.negotiation.comparison import *
    from eghnrw.verguetung.negotiation.costing import *
    from eghnrw.verguetung.negotiation.occupancy import *
    from eghnrw.verguetung.negotiation.scenarios import *
    from eghnrw.verguetung.negotiation.update import *
    from eghnrw.verguetung.rates.courses import *
    from eghnrw.verguetung.rates.daily import *
    from eghnrw.verguetung.rates.organisation import *
    from eghnrw.verguetung.rates.shared import *


if not TYPE_CHECKING:  # made on first use (__getattr__); declared for griffe, which then expands the lists
    __all__: list[str]

_lazy_getattr, __dir__ = _lazy(__name__, __file__, sort=True)


def _names() -> dict[str, str]:
    """Public name → the module that defines it (:func:`eghnrw.core._exports.public_names` of this file)."""
    return _public_names(__file__)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - asked on first use, like stamina

        return version("eghnrw")
    if name in _moved():  # a module's 0.1 path (eghnrw.batch): the module, with the finder's warning
        from importlib import import_module  # noqa: PLC0415 - only for an old path

        return import_module(f"{__name__}.{name}")
    return _lazy_getattr(name)


_install_old_paths()
