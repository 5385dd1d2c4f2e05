"""A subpackage's ``__all__``, read from its ``__init__``'s import lines: no second list of names."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def exported(package: str) -> list[str]:
    """``package``'s ``__all__``: each star-imported module's list, then each name re-exported by name.

    Both in the order of their lines in the package's ``__init__`` (``from module import *``,
    ``from module import X as X``). The import lines are the one list: type checkers read them (an
    ``__all__`` literal would hide them), and this reads them again at run time, as
    ``eghnrw.__init__`` reads its own. Call it from the package's ``__init__`` after its imports;
    the modules it names are loaded by then.

    >>> exported("eghnrw.rates")[-3:]
    ['surcharge', 'surcharge_schedule', 'SurchargeLine']
    """
    source = Path(sys.modules[package].__file__ or "").read_text("utf-8")
    modules = re.findall(r"^from ([\w.]+) import \*$", source, re.MULTILINE)
    by_name = re.findall(r"^from [\w.]+ import (\w+) as \1$", source, re.MULTILINE)
    return [name for module in modules for name in sys.modules[module].__all__] + by_name
