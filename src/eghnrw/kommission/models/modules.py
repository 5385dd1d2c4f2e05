"""Service modules of Soziale Teilhabe for adults (RULES.md C10; LRV B.4.1 Abs. 2, B.4.2–B.4.11).

A discriminated union on ``kind``: Assistenz (four kinds), Fachmodul Wohnen, Fachmodul
Pflegefamilien (LVR and LWL variants, told apart by ``landschaftsverband``), Fachmodul
Tagesstruktur und Schulungen (one module per Nutzungsintensität), Mobilität and the
Organisationsmodul. Each carries the inputs its rate is calculated from. Anlage B (staff keys,
occupancy, day counts) is not public, so these are inputs, never defaults; an individually agreed
rate (``agreed_*``) always wins (LRV A.4.2 Abs. 2, A.4.6 Abs. 5).

Rates are computed by :func:`eghnrw.verguetung.module_rates.module_rate`; the models import no calculation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, StrictInt, TypeAdapter, model_validator

from eghnrw.core._check import validated
from eghnrw.core._types import (
    EarlierNames,
    FrozenModel,
    Money,
    Occupancy,
    Percent,
    PositiveAmount,
    PositiveCount,
    Quantity,
    Text,
    earlier_name,
)
from eghnrw.core.enums import (
    AssistenzKind,
    Landschaftsverband,
    Nutzungsintensitaet,
    RatePeriod,
    WohnenElement,
)
from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models.service_costs import Kalkulation

__all__ = ["ServiceModule", "parse_module"]

DaysPerYear = Annotated[StrictInt, Field(ge=1, le=366, description="days a year the rate is calculated on")]


class _Module(FrozenModel):
    label: Text | None = Field(default=None, description="the caller's own name for the module")


class Assistenz(_Module):
    """Time-based Assistenz, paid by the hour (LRV B.4.2–B.4.5; A.4.6 Abs. 2).

    The hourly rate is (annual personnel cost of one full-time post × (1 + Σ surcharges %)) ÷
    annual hours (KGSt Normalarbeitszeit unless ``annual_hours`` is given). The rates are
    differentiated by Tarifwerk or kirchliche Arbeitsrechtsregelung (``tarifwerk``); an
    individually negotiated ``agreed_hourly_rate`` overrides the calculation.
    """

    kind: Literal["assistenz"] = "assistenz"
    assistenz: AssistenzKind
    annual_personnel_cost: Money
    surcharges_percent: dict[Text, Percent] = Field(default_factory=dict)
    annual_hours: PositiveAmount | None = None
    tarifwerk: Text | None = None
    agreed_hourly_rate: Money | None = None


class Personalbemessung(FrozenModel):
    """How a daily rate's annual cost is built from staff (LRV A.2.2 Abs. 1 b and d, A.4.6.1).

    ``posts_per_place``: the Personalschlüssel as full-time posts per place (1 : 4 → ``"0.25"``);
    ``cost_per_post``: annual Brutto-Personalkosten of one post; ``surcharges_percent`` on those
    costs; ``other_annual_costs``: further agreed annual costs not covered by a surcharge.
    """

    posts_per_place: Quantity
    cost_per_post: Money
    surcharges_percent: dict[Text, Percent] = Field(default_factory=dict)
    other_annual_costs: Money = Field(default=0, validate_default=True)


class _DailyModule(_Module):
    """A module paid as a tagesgleiche Pauschale: annual cost ÷ (places × days × occupancy)."""

    annual_cost: Money | None = None
    staffing: Personalbemessung | None = None
    kalkulation: Kalkulation | None = None
    places: PositiveCount
    occupancy_percent: Occupancy
    days: DaysPerYear | None = Field(default=None, description="None: the dated parameter berechnungstage")
    agreed_daily_rate: Money | None = None

    @model_validator(mode="after")
    def _one_cost_basis(self) -> _DailyModule:
        given = [basis for basis in (self.annual_cost, self.staffing, self.kalkulation) if basis is not None]
        if len(given) != 1:
            raise InvalidInputError(
                "annual_cost",
                self.annual_cost,
                "pass either annual_cost or staffing (a Personalbemessung) or kalkulation, exactly one of them",
            )
        k = self.kalkulation
        if k is not None:
            for name, mine, theirs in (
                ("unit", "day", k.unit),
                ("places", self.places, k.places),
                ("occupancy_percent", self.occupancy_percent, k.occupancy_percent),
                ("days", self.days, self.days if k.days is None or self.days is None else k.days),
            ):
                if mine != theirs:
                    raise InvalidInputError(
                        f"kalkulation.{name}", theirs, f"the module's Kalkulation must agree with the module ({mine})"
                    )
        return self


class FachmodulWohnen(_DailyModule):
    """Fachmodul Wohnen: a tagesgleiche Pauschale for everyone who can use it (LRV B.4.6).

    Daily rate = annual cost ÷ (places × days × occupancy); the annual cost is given
    (``annual_cost``) or built from staff (``staffing``). ``elements`` lists the agreed
    Leistungselemente of B.4.6 Abs. 1.
    """

    kind: Literal["fachmodul_wohnen"] = "fachmodul_wohnen"
    elements: tuple[WohnenElement, ...] = ()


class PflegefamilienLVR(_Module):
    """Fachmodul Pflegefamilien in the LVR area (LRV B.4.9 Abs. 3).

    Care for the person is approved and delivered by the hour; support of the Pflegeperson and the
    provider's other services are financed by a flat rate. ``aufwandsentschaedigung`` is the
    monthly allowance the Träger pays the Pflegeperson (Abs. 2), not part of the provider's rate.
    """

    kind: Literal["fachmodul_pflegefamilien"] = "fachmodul_pflegefamilien"
    landschaftsverband: Literal[Landschaftsverband.LVR] = Landschaftsverband.LVR
    hourly_rate: Money
    hours_per_month: Quantity
    flat_rate: Money
    flat_rate_period: RatePeriod
    aufwandsentschaedigung: Money | None = None


class PflegefamilienLWL(_Module):
    """Fachmodul Pflegefamilien in the LWL area (LRV B.4.9 Abs. 4).

    One Leistungspauschale per person covers the care, the support of the Pflegeperson and the
    provider's other services. ``aufwandsentschaedigung`` as for the LVR variant (Abs. 2).
    """

    kind: Literal["fachmodul_pflegefamilien"] = "fachmodul_pflegefamilien"
    landschaftsverband: Literal[Landschaftsverband.LWL] = Landschaftsverband.LWL
    flat_rate: Money
    flat_rate_period: RatePeriod
    aufwandsentschaedigung: Money | None = None


FachmodulPflegefamilien = Annotated[PflegefamilienLVR | PflegefamilienLWL, Field(discriminator="landschaftsverband")]
"""Either variant of the Fachmodul Pflegefamilien, told apart by ``landschaftsverband``."""


class FachmodulTagesstruktur(_DailyModule):
    """Fachmodul Tagesstruktur und Schulungen, one Nutzungsintensität (LRV B.4.10).

    Tagesstruktur: a tagesgleiche Pauschale, differentiated by two Nutzungsintensitäten (Abs. 2),
    calculated like a daily rate (from ``annual_cost`` or ``staffing``). Schulungen und Projekte:
    the course fee the Träger recognises (Abs. 3).
    """

    kind: Literal["fachmodul_tagesstruktur"] = "fachmodul_tagesstruktur"
    nutzungsintensitaet: Nutzungsintensitaet
    recognised_course_fee: Money | None = None


class Mobilitaet(_Module):
    """Leistungen zur Mobilität: Beförderung by a specialised service (LRV B.4.11).

    No Rahmenleistungsbeschreibung fixes a formula (the former local contracts continued until
    31.12.2023 at the latest, Abs. 4), so the agreed rate and its unit are inputs.
    """

    kind: Literal["mobilitaet"] = "mobilitaet"
    agreed_rate: Money
    rate_period: RatePeriod


class Organisationsmodul(EarlierNames, _Module):
    """Organisationsmodul: a tagesgleiche Pauschale for each person (LRV B.4.7).

    Components (Abs. 3–9): Leitung/Verwaltung personnel by Personalschlüssel (``posts_per_person``
    full-time posts per person, each costing ``cost_per_post`` a year); Sachaufwand as a percentage
    of the Bruttopersonalkosten (Abs. 6; ``care_personnel_cost`` is the Betreuungspersonal part of
    that base — left out, it counts as zero and the rate notes it); the Investitionsbetrag
    (``investment``) less public subsidies (Abs. 8); Betriebsnebenkosten (``operating_costs``);
    optional Fahrtaufwand (``travel_costs``) — the keywords of :func:`~eghnrw.organisationsmodul_rate`;
    the German field names of earlier releases are accepted with a ``DeprecationWarning`` until 1.0.
    Amounts are per year; ``persons`` is the agreed capacity.
    """

    renamed: ClassVar[Mapping[str, str]] = {
        "investitionsbetrag": "investment",
        "betriebsnebenkosten": "operating_costs",
        "fahrtaufwand": "travel_costs",
    }

    kind: Literal["organisationsmodul"] = "organisationsmodul"
    posts_per_person: Quantity
    cost_per_post: Money
    care_personnel_cost: Money | None = Field(
        default=None, description="Brutto-Personalkosten of the Betreuungspersonal (B.4.7 Abs. 6); None: noted"
    )
    sachaufwand_percent: Percent
    investment: Money
    public_subsidies: Money = Field(default=0, validate_default=True)
    operating_costs: Money
    travel_costs: Money | None = None
    persons: PositiveCount
    occupancy_percent: Occupancy
    days: DaysPerYear | None = Field(default=None, description="None: the dated parameter berechnungstage")
    agreed_daily_rate: Money | None = None

    investitionsbetrag: ClassVar[Any] = earlier_name("investment", "investitionsbetrag")
    betriebsnebenkosten: ClassVar[Any] = earlier_name("operating_costs", "betriebsnebenkosten")
    fahrtaufwand: ClassVar[Any] = earlier_name("travel_costs", "fahrtaufwand")

    @model_validator(mode="after")
    def _subsidies_within_investment(self) -> Organisationsmodul:
        if self.public_subsidies > self.investment:
            raise InvalidInputError(
                "public_subsidies",
                self.public_subsidies,
                f"at most the investment {self.investment} they are deducted from (LRV B.4.7 Abs. 8)",
            )
        return self


ServiceModule = Annotated[
    Assistenz | FachmodulWohnen | FachmodulPflegefamilien | FachmodulTagesstruktur | Mobilitaet | Organisationsmodul,
    Field(discriminator="kind"),
]
"""Any service module, told apart by ``kind`` (LRV B.4.1 Abs. 2 Nr. 1–6)."""

#: The value of ``kind`` for each of the six modules of LRV B.4.1 Abs. 2, in its order.
MODULE_KINDS = (
    "assistenz",
    "fachmodul_wohnen",
    "fachmodul_pflegefamilien",
    "fachmodul_tagesstruktur",
    "mobilitaet",
    "organisationsmodul",
)

#: Validates any :data:`ServiceModule` (``validate_python`` / ``validate_json``).
MODULE_ADAPTER: TypeAdapter[ServiceModule] = TypeAdapter(ServiceModule, config=ConfigDict(defer_build=True))


def parse_module(data: dict[str, Any] | str | bytes) -> ServiceModule:
    """Validate one module from a dict or JSON text, choosing the model by ``kind``.

    >>> parse_module('{"kind": "mobilitaet", "agreed_rate": "12.50", "rate_period": "trip"}').agreed_rate
    Decimal('12.50')

    Raises:
        InvalidInputError: ``data`` is neither a mapping nor JSON text; invalid JSON, an unknown
            ``kind``, a missing, unknown or invalid field (the message names its path, e.g.
            ``data.hours``).
    """
    if isinstance(data, (str, bytes)):
        return validated(MODULE_ADAPTER.validate_json, data, "data")
    if not isinstance(data, Mapping):
        raise InvalidInputError("data", data, "pass a mapping of the module's fields, or its JSON text")
    return validated(MODULE_ADAPTER.validate_python, data, "data")
