"""The core: exact money, dated parameters, the calendar, traces, errors and the rule declaration.

Money, dated parameters, the BGB/NRW calendar, traces and results, errors, the rule declaration and
the editions of the agreements. Every rule and door stands on these modules; they import nothing
above them (tests/test_layers.py).

Each module and subpackage is an attribute on first use (``eghnrw.core.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
