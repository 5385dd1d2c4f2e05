"""Providers and their agreements (RULES.md C1, C3, C4, C5; LRV A.1.2, A.3.4, A.4.1, A.4.3, A.4.5).

- :class:`Leistungsvereinbarung`: the eleven items of A.3.4 Abs. 2, all required, and the
  Fachkonzept (Abs. 3) — for Soziale Teilhabe its Extrakt instead (Abs. 4).
- :class:`Verguetungsvereinbarung`: agreed prospectively for a fixed period, continuing until
  replaced (A.4.1 Abs. 2), with its service modules and the cost components of A.4.5 Abs. 2.
- :class:`Provider`: a Leistungserbringer only with both agreements (A.1.2 Abs. 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, ClassVar, Final

from pydantic import model_validator

from eghnrw.core._types import Day, EarlierNames, FrozenModel, Money, Occupancy, PositiveCount, Text, earlier_name
from eghnrw.core.enums import Leistungsbereich
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT
from eghnrw.kommission.models.checks import (
    LeistungserbringerCheck,
    VerguetungCheck,
    is_leistungserbringer,
    verguetung_applies,
)
from eghnrw.kommission.models.modules import ServiceModule

__all__ = ["Leistungsvereinbarung", "Provider", "Verguetungsvereinbarung"]

#: The eleven items a Leistungsvereinbarung states (LRV A.3.4 Abs. 2): field name and the
#: wording of the LRV, in its order.
LEISTUNGSVEREINBARUNG_ITEMS: Final = (
    ("leistungsbezeichnung", "Leistungsbezeichnung"),
    ("rechtsgrundlage", "Rechtsgrundlage"),
    ("ziel_der_leistung", "Ziel der Leistung"),
    ("personenkreis", "Personenkreis"),
    ("art_und_inhalt", "Art und Inhalt der Leistung"),
    ("umfang", "Umfang der Leistung"),
    ("qualitaet_und_wirksamkeit", "Qualität und Wirksamkeit"),
    ("personelle_ausstattung", "Personelle Ausstattung/ Personalqualifikation"),
    ("saechliche_ausstattung", "Sächliche Ausstattung"),
    ("betriebsnotwendige_anlagen", "Betriebsnotwendige Anlagen des Leistungserbringers"),
    ("dokumentation_und_nachweise", "Dokumentation und Nachweise"),
)


class Leistungsvereinbarung(FrozenModel):
    """A Leistungsvereinbarung under § 125 Abs. 1 Nr. 1 SGB IX (LRV A.3.4).

    Every one of the eleven items of A.3.4 Abs. 2 is required (a missing one is refused, naming
    it). Part of the agreement is the provider's ``fachkonzept`` (Abs. 3); in Soziale Teilhabe an
    agreed ``fachkonzept_extrakt`` instead (Abs. 4), for which the Fachkonzept is only the basis of
    negotiation and may be given as well.
    """

    leistungserbringer: Text
    traeger: Text
    leistungsbereich: Leistungsbereich
    concluded_on: Day | None = None
    leistungsbezeichnung: Text
    rechtsgrundlage: Text
    ziel_der_leistung: Text
    personenkreis: Text
    art_und_inhalt: Text
    umfang: Text
    qualitaet_und_wirksamkeit: Text
    personelle_ausstattung: Text
    saechliche_ausstattung: Text
    betriebsnotwendige_anlagen: Text
    dokumentation_und_nachweise: Text
    fachkonzept: Text | None = None
    fachkonzept_extrakt: Text | None = None

    @model_validator(mode="after")
    def _konzept(self) -> Leistungsvereinbarung:
        if self.leistungsbereich is Leistungsbereich.SOZIALE_TEILHABE:
            if self.fachkonzept_extrakt is None:
                raise InvalidInputError(
                    "fachkonzept_extrakt", None, "in Soziale Teilhabe the agreed Extrakt is required (LRV A.3.4 Abs. 4)"
                )
        elif self.fachkonzept is None:
            raise InvalidInputError("fachkonzept", None, "the provider's Fachkonzept is required (LRV A.3.4 Abs. 3)")
        elif self.fachkonzept_extrakt is not None:
            raise InvalidInputError(
                "fachkonzept_extrakt",
                self.fachkonzept_extrakt,
                "an Extrakt replaces the Fachkonzept only in Soziale Teilhabe (LRV A.3.4 Abs. 4)",
            )
        return self

    def items(self) -> dict[str, str]:
        """The eleven items of A.3.4 Abs. 2, keyed by the LRV's wording."""
        return {label: getattr(self, name) for name, label in LEISTUNGSVEREINBARUNG_ITEMS}


class Kostenbestandteile(EarlierNames, FrozenModel):
    """The cost components a Vergütungsvereinbarung takes into account (LRV A.4.5 Abs. 2).

    Annual amounts: Personal- und Sachkosten (``personnel_costs``, ``material_costs``), Leitung und
    Allgemeine Verwaltung (``management_costs``), the Investitionsbetrag (``investment``:
    betriebsnotwendige Anlagen owned or rented, with their Betriebskosten), costs under § 42a Abs. 6
    SGB XII (``costs_42a_abs6``); and the agreed capacity (``places``) and occupancy
    (``occupancy_percent``) — the words of :func:`~eghnrw.kalkulation` and the daily rates. The
    German field names of earlier releases (``personalkosten``, ``kapazitaet``, …) are still
    accepted, with a ``DeprecationWarning``, until eghnrw 1.0.
    """

    renamed: ClassVar[Mapping[str, str]] = {
        "personalkosten": "personnel_costs",
        "sachkosten": "material_costs",
        "leitung_und_verwaltung": "management_costs",
        "investitionsbetrag": "investment",
        "kapazitaet": "places",
        "auslastung_percent": "occupancy_percent",
        "kosten_42a_abs6": "costs_42a_abs6",
    }

    personnel_costs: Money
    material_costs: Money
    management_costs: Money
    investment: Money
    places: PositiveCount
    occupancy_percent: Occupancy
    costs_42a_abs6: Money | None = None

    personalkosten: ClassVar[Any] = earlier_name("personnel_costs", "personalkosten")
    sachkosten: ClassVar[Any] = earlier_name("material_costs", "sachkosten")
    leitung_und_verwaltung: ClassVar[Any] = earlier_name("management_costs", "leitung_und_verwaltung")
    investitionsbetrag: ClassVar[Any] = earlier_name("investment", "investitionsbetrag")
    kapazitaet: ClassVar[Any] = earlier_name("places", "kapazitaet")
    auslastung_percent: ClassVar[Any] = earlier_name("occupancy_percent", "auslastung_percent")
    kosten_42a_abs6: ClassVar[Any] = earlier_name("costs_42a_abs6", "kosten_42a_abs6")

    @property
    def annual_cost(self) -> Decimal:
        """The sum of the annual amounts (exact; nothing is rounded)."""
        parts = (self.personnel_costs, self.material_costs, self.management_costs, self.investment)
        with localcontext(CONTEXT):
            return sum(parts, self.costs_42a_abs6 or Decimal(0))


class Verguetungsvereinbarung(FrozenModel):
    """A Vergütungsvereinbarung (LRV A.4.1, A.4.3, A.4.5).

    Fixed-term (``period_start`` to ``period_end``) and prospective (``is_prospective``: the period
    does not start before the agreement was concluded; not enforced, since an arbitration award
    under § 126 Abs. 2 SGB IX may reach back); it continues after ``period_end`` until replaced
    (:meth:`applies`). An individual negotiation calculates for a period of usually one year
    (A.4.3 Abs. 2).
    """

    leistungserbringer: Text
    traeger: Text
    concluded_on: Day
    period_start: Day
    period_end: Day
    tarifwerk: Text | None = None
    modules: tuple[ServiceModule, ...] = ()
    kosten: Kostenbestandteile | None = None

    @model_validator(mode="after")
    def _period(self) -> Verguetungsvereinbarung:
        if self.period_end < self.period_start:
            raise InvalidInputError(
                "period_end",
                self.period_end,
                f"pass a date on or after period_start {self.period_start.isoformat()} (LRV A.4.1 Abs. 2)",
            )
        return self

    @property
    def is_prospective(self) -> bool:
        """Whether the period starts no earlier than the day the agreement was concluded (A.4.1 Abs. 2)."""
        return self.period_start >= self.concluded_on

    def applies(self, on: date, *, replaced_from: date | None = None) -> VerguetungCheck:
        """Whether the agreement applies on ``on`` (it continues until replaced, LRV A.4.1 Abs. 2)."""
        return verguetung_applies(
            on=on, period_start=self.period_start, period_end=self.period_end, replaced_from=replaced_from
        )


class Provider(FrozenModel):
    """A provider (Leistungserbringer) with its agreements (LRV A.1.2 Abs. 2).

    Every agreement must name this provider as ``leistungserbringer``.

    >>> Provider(name="Beispiel gGmbH").status().reason
    'es fehlt: Leistungsvereinbarung und Vergütungsvereinbarung'
    """

    name: Text
    leistungsvereinbarungen: tuple[Leistungsvereinbarung, ...] = ()
    verguetungsvereinbarungen: tuple[Verguetungsvereinbarung, ...] = ()

    @model_validator(mode="after")
    def _own_agreements(self) -> Provider:
        for field in ("leistungsvereinbarungen", "verguetungsvereinbarungen"):
            for i, agreement in enumerate(getattr(self, field)):
                if agreement.leistungserbringer != self.name:
                    raise InvalidInputError(
                        f"{field}[{i}].leistungserbringer",
                        agreement.leistungserbringer,
                        f"the provider's own name {self.name!r}",
                    )
        return self

    def status(self, *, delivers_approved_service: bool = True) -> LeistungserbringerCheck:
        """C1: whether this provider is a Leistungserbringer (both agreements, LRV A.1.2 Abs. 2)."""
        return is_leistungserbringer(
            leistungsvereinbarung=bool(self.leistungsvereinbarungen),
            verguetungsvereinbarung=bool(self.verguetungsvereinbarungen),
            delivers_approved_service=delivers_approved_service,
        )
