"""Rules, Fristen: the terms of the agreements and their procedural deadlines.

The terms of the RV and the LRV (``terms``); the procedural deadlines, audits, recurring and fixed
dates of both agreements (``deadlines``).

Each module and subpackage is an attribute on first use (``eghnrw.fristen.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
