"""The doors: columns, tables, frames, pictures, calendar files, verification, the command line, the service.

Columns (lists, pandas, numpy, Arrow) in ``batch``, tables in (``tables``) and frames out
(``frames``), pictures (``plots``), calendar files (``ics``), timelines, the verification of audit
records (``verify``), the command line (``cli``) and the HTTP service (``server``). A door imports
the rules and the public API; no rule imports a door (tests/test_layers.py).

Each module and subpackage is an attribute on first use (``eghnrw.doors.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
