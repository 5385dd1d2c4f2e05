"""Procedural deadlines of the LRV and the RV: § 126 Abs. 2 SGB IX, audits, reports, recurring and fixed dates.

Two kinds of date, and the trace of each says which it is:

- **Deadlines to act** (a report, a statement, a meeting to hold): § 193 BGB moves a last day on
  a Saturday, Sunday or NRW public holiday to the next day that is none of these.
- **Waiting periods, effective dates, cut-off dates** (the § 126 window, the end of a transition):
  § 193 BGB does not move them — nobody has to act by them.

Werktage are counted with :func:`eghnrw.core.calendar.add_werktage` (Saturdays count unless
``saturday_is_werktag=False``); a Werktag deadline that ends on a Saturday still moves under
§ 193 BGB, which names the Sonnabend.

One concept a module: :mod:`~eghnrw.fristen.deadlines.periods` (a period of any length),
:mod:`~eghnrw.fristen.deadlines.schiedsstelle` (§ 126 and § 129 windows), :mod:`~eghnrw.fristen.deadlines.audits`,
:mod:`~eghnrw.fristen.deadlines.hospital`, :mod:`~eghnrw.fristen.deadlines.evaluation` (A.9.6 Abs. 3, B.4.15 Abs. 3),
:mod:`~eghnrw.fristen.deadlines.immediate` (the duties "unverzüglich"),
:mod:`~eghnrw.fristen.deadlines.recurring` (recurring duties) and
:mod:`~eghnrw.fristen.deadlines.fixed` (fixed dates), with :class:`DueDate` in
:mod:`~eghnrw.fristen.deadlines.due_dates`. Every public name is exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw.core._exports import exported
from eghnrw.fristen.deadlines.audits import *
from eghnrw.fristen.deadlines.audits import Audit as Audit
from eghnrw.fristen.deadlines.due_dates import *
from eghnrw.fristen.deadlines.evaluation import *
from eghnrw.fristen.deadlines.fixed import *
from eghnrw.fristen.deadlines.hospital import *
from eghnrw.fristen.deadlines.immediate import *
from eghnrw.fristen.deadlines.immediate import UnverzueglichDuty as UnverzueglichDuty
from eghnrw.fristen.deadlines.immediate import UnverzueglichEntry as UnverzueglichEntry
from eghnrw.fristen.deadlines.periods import *
from eghnrw.fristen.deadlines.periods import deadline as deadline
from eghnrw.fristen.deadlines.recurring import *
from eghnrw.fristen.deadlines.recurring import Duty as Duty
from eghnrw.fristen.deadlines.schiedsstelle import *
from eghnrw.fristen.deadlines.schiedsstelle import SGB_IX_CONTRACT_LAW_IN_FORCE as SGB_IX_CONTRACT_LAW_IN_FORCE

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
