"""The duties the agreements put "unverzüglich": events on the timeline from their trigger (RULES D19).

"Unverzüglich" is "ohne schuldhaftes Zögern" (§ 121 Abs. 1 Satz 1 BGB): no fixed number of days,
so no last day to count and none for § 193 BGB to move. What can be dated is the trigger — the day
the information, the notice or the widening arrived — and the duty that runs from it. Each entry
names its clause, who owes it and to whom, and the trigger day; a timeline or a calendar shows it as
an event on that day ("from then on, without culpable delay").

- LRV A.7.2.2 Abs. 2: the provider informs the Träger of besondere Vorkommnisse in writing; the
  Träger confirms receipt in writing;
- LRV A.8.2 Abs. 7: the Träger tells the provider that the subject of a running audit was widened;
- LRV B.4.1 Abs. 7: before giving notice to a person whose need cannot be met, the provider informs
  the Landschaftsverband; the Träger then contacts provider and person;
- LRV C.4 Abs. 3–4: the Geschäftsstelle informs all parties of a notice of termination; the parties
  start negotiating new provisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Final, NamedTuple

from eghnrw.core._check import enum_value
from eghnrw.core._rule import rule
from eghnrw.core._types import Row
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.fristen.deadlines._steps import lrv_day

__all__ = ["UnverzueglichDuties", "unverzueglich_duties"]


class UnverzueglichDuty(StrEnum):
    """The duties the LRV puts "unverzüglich", by their trigger."""

    BESONDERES_VORKOMMNIS = "besonderes_vorkommnis"  #: A.7.2.2 Abs. 2 Satz 1: provider informs the Träger
    EINGANG_BESTAETIGEN = "eingang_bestaetigen"  #: A.7.2.2 Abs. 2 Satz 3: Träger confirms receipt
    PRUEFUNG_ERWEITERT = "pruefung_erweitert"  #: A.8.2 Abs. 7: Träger tells the provider of a widened audit
    BEDARF_NICHT_GEDECKT = "bedarf_nicht_gedeckt"  #: B.4.1 Abs. 7 Satz 1: provider informs the Landschaftsverband
    SACHLAGE_KLAEREN = "sachlage_klaeren"  #: B.4.1 Abs. 7 Satz 2: Träger contacts provider and person
    KUENDIGUNG_MITTEILEN = "kuendigung_mitteilen"  #: C.4 Abs. 3 Satz 2: Geschäftsstelle informs all parties
    NEUREGELUNG_VERHANDELN = "neuregelung_verhandeln"  #: C.4 Abs. 4 Satz 1: the parties start negotiating


class _Text(NamedTuple):
    clause: str
    de: str
    en: str


_DUTIES: Final[dict[UnverzueglichDuty, _Text]] = {
    UnverzueglichDuty.BESONDERES_VORKOMMNIS: _Text(
        "LRV A.7.2.2 Abs. 2",
        "besonderes Vorkommnis: der Leistungserbringer informiert den Träger schriftlich",
        "special incident: the provider informs the Träger in writing",
    ),
    UnverzueglichDuty.EINGANG_BESTAETIGEN: _Text(
        "LRV A.7.2.2 Abs. 2",
        "Information eingegangen: der Träger bestätigt den Eingang schriftlich",
        "information received: the Träger confirms receipt in writing",
    ),
    UnverzueglichDuty.PRUEFUNG_ERWEITERT: _Text(
        "LRV A.8.2 Abs. 7",
        "Prüfgegenstand erweitert: der Träger teilt es dem Leistungserbringer mit und erläutert es",
        "audit subject widened: the Träger tells the provider and explains it",
    ),
    UnverzueglichDuty.BEDARF_NICHT_GEDECKT: _Text(
        "LRV B.4.1 Abs. 7",
        "Bedarf nicht sichergestellt, vor einer Kündigung: der Leistungserbringer informiert den Landschaftsverband",
        "need cannot be met, before notice: the provider informs the Landschaftsverband",
    ),
    UnverzueglichDuty.SACHLAGE_KLAEREN: _Text(
        "LRV B.4.1 Abs. 7",
        "Information erhalten: der Träger nimmt Kontakt zu Leistungserbringer und Person auf",
        "information received: the Träger contacts the provider and the person",
    ),
    UnverzueglichDuty.KUENDIGUNG_MITTEILEN: _Text(
        "LRV C.4 Abs. 3",
        "Kündigung eingegangen: die Geschäftsstelle unterrichtet alle Vertragsparteien",
        "notice received: the Geschäftsstelle informs all parties",
    ),
    UnverzueglichDuty.NEUREGELUNG_VERHANDELN: _Text(
        "LRV C.4 Abs. 4",
        "Kündigung: die Vertragsparteien nehmen Verhandlungen über eine Neuregelung auf",
        "notice of termination: the parties start negotiating new provisions",
    ),
}
_UNVERZUEGLICH = (
    "§ 121 Abs. 1 Satz 1 BGB",
    "unverzüglich = ohne schuldhaftes Zögern: ab dem Auslöser, kein fester letzter Tag (§ 193 BGB greift nicht)",
    "without culpable delay: from the trigger, no fixed last day (§ 193 BGB does not apply)",
)


class UnverzueglichEntry(Row):
    """One duty to act "unverzüglich": what, by which clause, from which trigger day."""

    duty: UnverzueglichDuty
    clause: str
    triggered_on: date
    de: str
    en: str


class UnverzueglichDuties(Result):
    """The duties to act "unverzüglich" with their trigger days, in order (RULES D19)."""

    title = ("Unverzügliche Pflichten", "Duties without undue delay")

    entries: tuple[UnverzueglichEntry, ...]

    @property
    @Label("ausgelöst am", "triggered on")
    def days(self) -> tuple[date, ...]:
        """The trigger days, in order."""
        return tuple(entry.triggered_on for entry in self.entries)


def _mapping(value: object) -> Mapping[object, object]:
    if not isinstance(value, Mapping) or not value:
        raise InvalidInputError(
            "triggers", value, 'pass a mapping of duty to trigger day, e.g. {"besonderes_vorkommnis": date(...)}'
        )
    return value


@rule(ids=("D19",), clauses=("LRV A.7.2.2 Abs. 2", "LRV A.8.2 Abs. 7", "LRV B.4.1 Abs. 7", "LRV C.4 Abs. 3"))
def unverzueglich_duties(*, triggers: Mapping[UnverzueglichDuty | str, date]) -> UnverzueglichDuties:
    """The duties the LRV puts "unverzüglich", as events from their trigger days (RULES D19).

    ``triggers`` maps each duty (:class:`UnverzueglichDuty` or its value) to the day that triggered
    it: the incident was known, the information arrived, the audit was widened, the notice arrived.
    "Unverzüglich" means without culpable delay (§ 121 Abs. 1 Satz 1 BGB): the duty runs from that
    day, with no fixed last day that § 193 BGB could move. The entries are ordered by day, then
    clause.

    >>> r = unverzueglich_duties(triggers={"kuendigung_mitteilen": date(2024, 3, 15),
    ...                                    "besonderes_vorkommnis": date(2024, 2, 1)})
    >>> [(e.clause, e.triggered_on) for e in r.entries]
    [('LRV A.7.2.2 Abs. 2', datetime.date(2024, 2, 1)), ('LRV C.4 Abs. 3', datetime.date(2024, 3, 15))]

    Raises:
        InvalidInputError: ``triggers`` not a non-empty mapping; an unknown duty; a day not a date,
            or before 01.01.2020.
    """
    entries = []
    for key, day in _mapping(triggers).items():
        duty = enum_value(UnverzueglichDuty, key, "triggers")
        text = _DUTIES[duty]
        entries.append(
            UnverzueglichEntry(
                duty=duty,
                clause=text.clause,
                triggered_on=lrv_day(day, f"triggers[{duty.value!r}]"),
                de=text.de,
                en=text.en,
            )
        )
    entries.sort(key=lambda entry: (entry.triggered_on, entry.clause, entry.duty.value))
    steps = [Step(entry.clause, f"{entry.de}: ab", f"{entry.en}: from", entry.triggered_on) for entry in entries]
    steps.append(Step(*_UNVERZUEGLICH))
    return UnverzueglichDuties.build(
        entries=tuple(entries),
        inputs={"triggers": {entry.duty.value: entry.triggered_on for entry in entries}},
        steps=tuple(steps),
    )
