"""Rules, Kommission: the typed models of the parties, the Gemeinsame Kommission and the services.

The parties, the Gemeinsame Kommission and its meetings, providers, agreements, service modules,
persons and houses, with the yes/no checks the agreements define (``models``).

Each module and subpackage is an attribute on first use (``eghnrw.kommission.X`` after ``import eghnrw``).
"""

from eghnrw.core._exports import lazy

__getattr__, __dir__ = lazy(__name__, __file__)
