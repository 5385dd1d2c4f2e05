"""eghnrw: the NRW framework agreements on Eingliederungshilfe, computable.

Implements the *Landesrahmenvertrag nach § 131 SGB IX NRW* (LRV) and the *Rahmenvereinbarung
NRW* (RV): exact Euro amounts, dated parameters, BGB/NRW calendar arithmetic and explainable
results. This module is the public contract (``__all__``); everything else may change.

A public name is written once, in its module's ``__all__``; this file names each public module
once, ``from eghnrw.<module> import *`` — the light core at once, the heavier modules (the models,
terms and deadlines, the negotiation workbench, besondere Wohnformen, batches, calendars) under
``TYPE_CHECKING`` for type checkers and on first use at run time. ``__all__`` and the name → module
map of ``__getattr__`` are derived from those lines on first use; a module not yet loaded is not
imported for it (its ``__all__ = [...]`` literal is read from its source). A new public name in a
listed module needs no line here. The first result (``import eghnrw`` and an ``hourly_rate``) so
costs about half of what importing everything would (benchmarks/bench_import.py).
A lazily loaded name cannot be shadowed: no module is named like a public name of its package, at
any depth (tests/test_api.py). The holiday tables load on the first date that needs them.
"""

from __future__ import annotations

import sys as _sys
from functools import cache as _cache
from importlib import import_module as _import_module
from pathlib import Path as _Path
from typing import TYPE_CHECKING

from eghnrw.calendar import *
from eghnrw.enums import *
from eghnrw.errors import *
from eghnrw.kdu import *
from eghnrw.money import *
from eghnrw.params import *
from eghnrw.rates.courses import *
from eghnrw.rates.daily import *
from eghnrw.rates.hourly import *
from eghnrw.rates.organisation import *
from eghnrw.rates.shared import *
from eghnrw.rates.surcharges import *
from eghnrw.trace import *

if TYPE_CHECKING:  # loaded on first use at run time (__getattr__ below)
    from typing import Any

    from eghnrw.batch import *
    from eghnrw.billing import *
    from eghnrw.deadlines.audits import *
    from eghnrw.deadlines.due_dates import *
    from eghnrw.deadlines.evaluation import *
    from eghnrw.deadlines.fixed import *
    from eghnrw.deadlines.hospital import *
    from eghnrw.deadlines.immediate import *
    from eghnrw.deadlines.periods import *
    from eghnrw.deadlines.recurring import *
    from eghnrw.deadlines.schiedsstelle import *
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


@_cache
def _names() -> dict[str, str]:
    """Public name → the module that defines it: each module star-imported above, and its ``__all__``.

    The star imports are the one list of public modules (type checkers read the same lines), and a
    module's ``__all__`` the one list of its public names. A module not yet loaded is not imported
    to read its list: the names of its ``__all__ = [...]`` are read from its source, so a name loads its
    own module and nothing else (``eghnrw.kalkulation`` loads the negotiation package, not the terms,
    deadlines or batches). Runs once, on the first lazily loaded name or the first ``__all__``.
    """
    import re  # noqa: PLC0415 - only on the first lazy name

    here = _Path(__file__).parent
    found: dict[str, str] = {}
    for module in re.findall(r"^ *from (eghnrw[\w.]*) import \*", _Path(__file__).read_text("utf-8"), re.MULTILINE):
        loaded = _sys.modules.get(module)
        if loaded is not None:
            names = loaded.__all__
        else:
            source = here.joinpath(*module.split(".")[1:]).with_suffix(".py").read_text("utf-8")
            listed = re.search(r"^__all__ = \[(.*?)\]", source, re.MULTILINE | re.DOTALL)
            if listed is None:
                raise ImportError(f"{module} lists no __all__ = [...]: write its public names there")
            names = re.findall(r'"(\w+)"', listed[1])
        for name in names:
            if found.setdefault(name, module) != module:
                raise ImportError(f"eghnrw.{name} is public in both {found[name]} and {module}")
    return found


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - asked on first use, like stamina

        return version("eghnrw")
    if name == "__all__":
        value: Any = sorted(_names())
    elif name in _names():
        value = getattr(_import_module(_names()[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__getattr__("__all__")})
