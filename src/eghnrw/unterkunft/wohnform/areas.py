"""A building's costs split by area between Fachleistung and Unterkunft (RULES M15).

LRV B.4.14 Abs. 2–6. In a besondere Wohnform the Fachleistungsflächen (Dienst- und Funktionsräume,
leistungsbezogene Verkehrsflächen) belong to the Fachleistung (Abs. 1, 2); the personal rooms and
the rooms for shared use do not (Abs. 3) — they are Unterkunft. Mischflächen that serve both
(Eingangsbereiche, Treppenhäuser, Flure, Vorrats- und Hauswirtschaftsräume) count to the
Fachleistung with a share (Abs. 2: "anteilige Mischflächen"); the rest of them to the Unterkunft.
The costs follow the areas (Abs. 6). Which area is which is agreed with the Flächentool of
Anlage B.3 (Abs. 5), which is not public: the areas are inputs.

The share of the Mischflächen, three readings (docs/decisions.md):

- **pro rata** (default): in the proportion of the Fachleistungsflächen to the other areas, so the
  Mischflächen change no share: Fachleistung = costs × F ÷ (F + W + G);
- ``misch_fachleistung_percent``: a fixed share of the Mischflächen (e.g. ``50`` for half);
- ``misch_fachleistung_m2``: the part of the Mischflächen agreed as Fachleistungsfläche (Flächentool).

The two parts are allocated to the cent with :func:`eghnrw.core.money.allocate` (largest remainder; on
an exact tie the cent goes to the Fachleistung), so they add up to the costs exactly.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Annotated

from eghnrw.core._check import check_cents, check_non_negative, check_percent
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, allocate
from eghnrw.core.trace import Label, Result, Step, format_value
from eghnrw.unterkunft.wohnform._numbers import plain

__all__ = ["AreaSplitResult", "area_split"]

_ABS2 = "LRV B.4.14 Abs. 2"
_ABS3 = "LRV B.4.14 Abs. 3"
_ABS6 = "LRV B.4.14 Abs. 6"

#: How an error about the areas as a whole names them (no area at all).
_AREAS = "fachleistung_m2 + wohnen_m2 + gemeinschaft_m2 + misch_m2"


class AreaSplitResult(Result):
    """A building's costs split by area: ``fachleistung`` + ``unterkunft`` = ``annual_costs``, to the cent."""

    title = (
        "Flächenaufteilung: Fachleistung und Unterkunft",
        "Area split: Fachleistung and Unterkunft",
    )

    fachleistung: Annotated[Decimal, Label("Anteil Fachleistung", "Fachleistung part")]
    unterkunft: Annotated[Decimal, Label("Anteil Unterkunft", "Unterkunft part")]
    annual_costs: Annotated[Decimal, Label("Kosten", "Costs")]
    #: Fachleistungsflächen plus the Mischflächen's share (exact; may have many decimal places).
    fachleistung_area: Annotated[Decimal, Label("Fläche Fachleistung (m²)", "Fachleistung area (m²)")]
    #: Personal rooms, shared rooms and the rest of the Mischflächen.
    unterkunft_area: Annotated[Decimal, Label("Fläche Unterkunft (m²)", "Unterkunft area (m²)")]
    #: The part of the Mischflächen counted to the Fachleistung.
    misch_fachleistung_area: Decimal


@rule(
    ids=("M15",),
    clauses=("LRV B.4.14 Abs. 2", "LRV B.4.14 Abs. 3", "LRV B.4.14 Abs. 6"),
    rounding="parts: allocated to the cent, adding up to the costs",
)
def area_split(
    *,
    annual_costs: Amount,
    fachleistung_m2: Amount,
    wohnen_m2: Amount,
    gemeinschaft_m2: Amount = 0,
    misch_m2: Amount = 0,
    misch_fachleistung_percent: Amount | None = None,
    misch_fachleistung_m2: Amount | None = None,
) -> AreaSplitResult:
    """Split a building's costs by area between Fachleistung and Unterkunft (LRV B.4.14 Abs. 2–6).

    ``annual_costs``: one block of the building's costs in whole cents (rent or capital costs, or
    the Betriebskosten — split each block on its own where they follow different keys).
    ``fachleistung_m2``: the agreed Fachleistungsflächen (Abs. 2); ``wohnen_m2``: the personal
    rooms; ``gemeinschaft_m2``: the rooms for shared use (both Unterkunft, Abs. 3);
    ``misch_m2``: the Mischflächen, shared pro rata unless ``misch_fachleistung_percent`` (a fixed
    share) or ``misch_fachleistung_m2`` (an agreed area, Flächentool Anlage B.3) says otherwise.

    >>> s = area_split(annual_costs="120000", fachleistung_m2="300", wohnen_m2="600",
    ...                gemeinschaft_m2="200", misch_m2="0")
    >>> s.fachleistung, s.unterkunft      # 120,000 × 300 ÷ 1,100 = 32,727.27…
    (Decimal('32727.27'), Decimal('87272.73'))
    >>> area_split(annual_costs="1000", fachleistung_m2="100", wohnen_m2="100", misch_m2="50",
    ...            misch_fachleistung_percent="20").fachleistung   # 1,000 × 110 ÷ 250
    Decimal('440.00')

    Raises:
        InvalidInputError: an area or the costs negative or not a number; the costs not in whole
            cents; no area at all; Mischflächen to share pro rata with no other area;
            ``misch_fachleistung_percent`` above 100; ``misch_fachleistung_m2`` above ``misch_m2``;
            both readings of the Mischflächen given.
    """
    costs = check_cents(annual_costs, "annual_costs")
    fach = check_non_negative(fachleistung_m2, "fachleistung_m2")
    wohnen = check_non_negative(wohnen_m2, "wohnen_m2")
    gemeinschaft = check_non_negative(gemeinschaft_m2, "gemeinschaft_m2")
    misch = check_non_negative(misch_m2, "misch_m2")
    percent = agreed = None
    if misch_fachleistung_percent is not None and misch_fachleistung_m2 is not None:
        raise InvalidInputError(
            "misch_fachleistung_m2",
            misch_fachleistung_m2,
            "pass either misch_fachleistung_percent or misch_fachleistung_m2, not both",
        )
    if misch_fachleistung_percent is not None:
        percent = check_percent(misch_fachleistung_percent, "misch_fachleistung_percent")
    if misch_fachleistung_m2 is not None:
        agreed = check_non_negative(misch_fachleistung_m2, "misch_fachleistung_m2")
        if agreed > misch:
            raise InvalidInputError(
                "misch_fachleistung_m2", misch_fachleistung_m2, f"pass at most the Mischflächen (misch_m2 = {misch})"
            )
    with localcontext(CONTEXT):
        unterkunft_rooms = wohnen + gemeinschaft
        others = fach + unterkunft_rooms
        total = others + misch
        if total == 0:
            raise InvalidInputError(_AREAS, total, "pass at least one area above zero")
        if percent is not None:
            misch_fach = misch * percent / 100
            reading = (f"fester Anteil {format_value(percent)} %", f"fixed share {format_value(percent, 'en')} %")
        elif agreed is not None:
            misch_fach = agreed
            reading = ("vereinbart (Flächentool, Anlage B.3)", "as agreed (Flächentool, Anlage B.3)")
        else:
            if others == 0:
                raise InvalidInputError(
                    "misch_m2",
                    misch_m2,
                    "Mischflächen are shared pro rata to the other areas, and there are none: "
                    "pass misch_fachleistung_percent or misch_fachleistung_m2",
                )
            misch_fach = plain(misch * fach / others)
            reading = ("anteilig im Verhältnis der übrigen Flächen", "pro rata to the other areas")
        fach_area = fach + misch_fach
        unterkunft_area = total - fach_area
        percent_fach = plain(fach_area / total * 100)
        # Pro rata the Mischflächen change no proportion: allocate by F : (W + G), exactly (no
        # repeating decimal in the weights). The other readings give finite weights anyway.
        weights = [fach, unterkunft_rooms] if percent is None and agreed is None else [fach_area, unterkunft_area]
    fachleistung, unterkunft = allocate(costs, weights)
    steps = (
        Step(_ABS2, "Fachleistungsflächen (vereinbart)", "Fachleistung areas (as agreed)", fach),
        Step(_ABS3, "persönliche Wohnräume", "personal rooms", wohnen),
        Step(_ABS3, "Räumlichkeiten zur gemeinschaftlichen Nutzung", "rooms for shared use", gemeinschaft),
        Step(_ABS2, "Mischflächen", "mixed-use areas", misch),
        Step(
            _ABS2,
            f"Anteil der Mischflächen für die Fachleistung: {reading[0]}",
            f"share of the mixed-use areas for the Fachleistung: {reading[1]}",
            misch_fach,
        ),
        Step(
            _ABS2,
            "Fläche Fachleistung = Fachleistungsflächen + Mischflächenanteil",
            "Fachleistung area = Fachleistung areas + share of mixed-use areas",
            fach_area,
        ),
        Step(
            _ABS3,
            "Fläche Unterkunft = Wohnräume + Gemeinschaftsräume + übrige Mischflächen",
            "Unterkunft area = personal rooms + shared rooms + rest of the mixed-use areas",
            unterkunft_area,
        ),
        Step(
            _ABS6,
            "Anteil Fachleistung an der Gesamtfläche in %",
            "Fachleistung share of the total area in %",
            percent_fach,
        ),
        Step(_ABS6, "Kosten", "costs", costs),
        Step(
            _ABS6,
            "Anteil Fachleistung = Kosten × Fläche Fachleistung ÷ Gesamtfläche, auf den Cent (größter Rest)",
            "Fachleistung part = costs × Fachleistung area ÷ total area, to the cent (largest remainder)",
            fachleistung,
        ),
        Step(
            _ABS6,
            "Anteil Unterkunft = Kosten − Anteil Fachleistung",
            "Unterkunft part = costs − Fachleistung part",
            unterkunft,
        ),
    )
    return AreaSplitResult.build(
        fachleistung=fachleistung,
        unterkunft=unterkunft,
        annual_costs=costs,
        fachleistung_area=fach_area,
        unterkunft_area=unterkunft_area,
        misch_fachleistung_area=misch_fach,
        inputs={
            "annual_costs": costs,
            "fachleistung_m2": fach,
            "wohnen_m2": wohnen,
            "gemeinschaft_m2": gemeinschaft,
            "misch_m2": misch,
            "misch_fachleistung_percent": percent,
            "misch_fachleistung_m2": agreed,
        },
        steps=steps,
    )
