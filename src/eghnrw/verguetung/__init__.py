"""Rules, Vergütung: rates, the negotiation workbench, monthly billing and the module rates.

Hourly and daily rates, surcharges, the Organisationsmodul, shared delivery and course fees
(``rates``); the Kalkulation, what-if, comparison, Fortschreibung and occupancy (``negotiation``);
monthly billing (``billing``); the rate of a service module (``module_rates``).

Each module and subpackage is an attribute on first use (``eghnrw.verguetung.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
