"""The money calculations the command offers: rates, surcharges, shares, KdU, Kürzungen (RULES M1–M11)."""

from __future__ import annotations

from typing import Any

import eghnrw
from eghnrw.cli._fields import Field
from eghnrw.cli._kind import Kind
from eghnrw.trace import Result

__all__ = ["money_kinds"]

_ON = Field("on", "date", "the day whose dated parameters apply (KGSt hours, Berechnungstage)")
_OVERRIDES = Field("overrides", "mapping", "individually negotiated parameter values, e.g. berechnungstage=360")
_SURCHARGE_RULE = Field(
    "surcharge_rule",
    "choice",
    "the clause the surcharges rest on: aufschlagskalkulation (LRV A.2.2 Abs. 1 d, default), "
    "teilhabe_an_bildung (B.1.5.3), assistenz_kinder_familie (B.1.6.2)",
    choices=("aufschlagskalkulation", "teilhabe_an_bildung", "assistenz_kinder_familie"),
)
_BASIS = (
    Field("places", "int", "agreed capacity: places (Kapazität, LRV A.4.5 Abs. 2)", required=True),
    Field(
        "occupancy_percent", "amount", "agreed occupancy in percent (Auslastung), above 0, at most 100", required=True
    ),
    Field("posts_per_place", "amount", "Personalschlüssel as full-time posts per place (1:4 → 0.25)", required=True),
    Field("cost_per_post", "amount", "annual Brutto-Personalkosten of one full-time post (LRV A.4.6.1)", required=True),
    Field("surcharges_percent", "mapping", "surcharges in % on the Brutto-Personalkosten (LRV A.2.2 Abs. 1 d)"),
    Field("other_annual_costs", "amount", "further agreed annual costs not covered by a surcharge"),
    Field("days", "amount", "agreed Berechnungstage per place (default: the dated parameter for --on)"),
)
#: The fields of a daily cost basis (``DailyCostBasis``), passed together as ``basis``.
_BASIS_NAMES = frozenset(f.name for f in _BASIS)


def _tagesstruktur(values: dict[str, Any]) -> Result:
    basis = {k: v for k, v in values.items() if k in _BASIS_NAMES}
    rest = {k: v for k, v in values.items() if k not in _BASIS_NAMES}
    intensity = rest.pop("intensity")
    result: Result = eghnrw.tagesstruktur_rate(intensity=intensity, bases={intensity: basis}, **rest)
    return result


def money_kinds() -> tuple[Kind, ...]:
    """The money calculations, in the order of RULES.md."""
    return (
        Kind(
            "hourly-rate",
            "Stundensatz: Brutto-Personalkosten × (1 + Zuschläge) ÷ Jahresarbeitsstunden",
            "LRV A.4.6 Abs. 2 (KGSt-Normalarbeitszeit), A.4.6.1, A.2.2 Abs. 1 d",
            (
                Field(
                    "annual_personnel_cost",
                    "amount",
                    "annual Brutto-Personalkosten of one full-time post",
                    required=True,
                ),
                Field(
                    "surcharges_percent", "mapping", "surcharges in % (Gemeinkosten, Sachaufwand; LRV A.2.2 Abs. 1 d)"
                ),
                Field("annual_hours", "amount", "agreed annual hours (replaces the KGSt parameter)"),
                Field("weekly_hours", "amount", "weekly hours of the post (KGSt hours × weekly ÷ 39)"),
                _ON,
                _OVERRIDES,
                _SURCHARGE_RULE,
                Field("billable_share_percent", "amount", "billable share of the annual hours in % (LRV A.2.2 Abs. 2)"),
                Field("billable_hours", "amount", "agreed billable hours a year (replaces the annual hours)"),
            ),
            "hourly_rate",
            "eghnrw hourly-rate --annual-personnel-cost 63360 --on 2024-01-01",
        ),
        Kind(
            "surcharge",
            "Zuschlag: percent of a base, rounded to the cent",
            "LRV A.2.2 Abs. 1 d, A.4.6.1 (B.1.5.3, B.1.6.2 for children's services)",
            (
                Field("base", "amount", "the base (Brutto-Personalkosten)", required=True),
                Field("percent", "amount", "the surcharge in percent", required=True),
                Field("name", "text", "what the surcharge is for (e.g. gemeinkosten)"),
                Field("plausibility_percent", "amount", "the plausibility value, to report the deviation"),
                _SURCHARGE_RULE,
            ),
            "surcharge",
            "eghnrw surcharge --base 50000 --percent 17.5",
        ),
        Kind(
            "fachmodul-wohnen",
            "Tagessatz Fachmodul Wohnen from its cost basis (staff key, costs, occupancy)",
            "LRV B.4.6 Abs. 2, A.4.5 Abs. 2, A.4.6 Abs. 3, A.4.6.1, A.2.2 Abs. 1 d (Anlage B: inputs)",
            (*_BASIS, _ON, _OVERRIDES, _SURCHARGE_RULE),
            "fachmodul_wohnen_rate",
            "eghnrw fachmodul-wohnen --places 24 --occupancy-percent 96 --posts-per-place 0.25 "
            "--cost-per-post 60000 --surcharges-percent sachaufwand=10 --days 365",
            group="basis",
            grouped=_BASIS_NAMES,
        ),
        Kind(
            "tagesstruktur",
            "Tagessatz Fachmodul Tagesstruktur for one Nutzungsintensität",
            "LRV B.4.10 Abs. 2, A.4.5 Abs. 2 (Anlage B not public: inputs)",
            (
                Field(
                    "intensity",
                    "choice",
                    "the Nutzungsintensität",
                    required=True,
                    choices=("intensitaet_1", "intensitaet_2"),
                ),
                *_BASIS,
                _ON,
                _OVERRIDES,
                _SURCHARGE_RULE,
            ),
            _tagesstruktur,
            "eghnrw tagesstruktur --intensity intensitaet_1 --places 12 --occupancy-percent 100 "
            "--posts-per-place 0.2 --cost-per-post 55000 --days 250",
            function="tagesstruktur_rate",
            group="bases",
            grouped=_BASIS_NAMES,
        ),
        Kind(
            "shared-delivery",
            "Gemeinsame Inanspruchnahme: cost of hours at a rate, split per person to the cent",
            "§ 116 Abs. 2 SGB IX, LRV A.4.5 Abs. 1, B.4.2 Abs. 3",
            (
                Field("rate", "amount", "the hourly rate", required=True),
                Field("hours", "amount", "hours delivered", required=True),
                Field("participants", "participants", "number of persons, or one weight per person", required=True),
            ),
            "shared_delivery",
            "eghnrw shared-delivery --rate 54.00 --hours 1.5 --participants 3",
        ),
        Kind(
            "kurzzeitbetreuung",
            "Kurzzeitbetreuung: Versorgungskosten for at most 42 consecutive days",
            "LRV B.4.8 Abs. 4–5",
            (
                Field("first_day", "date", "first day of the stay", required=True),
                Field("last_day", "date", "last day of the stay", required=True),
                Field("versorgung_daily_rate", "amount", "daily rate of the Versorgungskosten"),
                Field("absences", "periods", "days away during the stay (no Versorgung), FIRST..LAST each"),
                Field(
                    "interruption",
                    "choice",
                    "after an absence the 42 days run on (default) or start again",
                    choices=("continues", "restarts"),
                ),
                Field("approved_on", "date", "day of the approval, if after the admission (LRV A.5 Abs. 2)"),
                Field("emergency", "bool", "the decision could not be awaited: paid from admission (B.4.8 Abs. 4)"),
                Field("place", "choice", "eingestreut or solitaer (B.4.8 Abs. 5)", choices=("eingestreut", "solitaer")),
                Field("housing_daily_cost", "amount", "housing costs a day of an eingestreuter Platz (B.4.8 Abs. 5)"),
            ),
            "kurzzeitbetreuung",
            "eghnrw kurzzeitbetreuung --first-day 2024-03-01 --last-day 2024-04-12",
        ),
    )
