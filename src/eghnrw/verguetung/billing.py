"""Monthly billing for one person: invoice lines, Kurzzeitbetreuung, Pflegefamilien, Vergütungskürzung.

- **Invoice** (LRV A.4.5 Abs. 1, A.6.1): days present × daily rates, hours × hourly rates,
  Organisationsmodul days; each line is rounded once to the cent and the total is the sum of the
  lines — what is paid is what is shown.
- **Kurzzeitbetreuung** (RULES M9, LRV B.4.8 Abs. 4–5): the usual Versorgungskosten are paid as
  Fachleistung for at most 42 consecutive days; a longer stay is capped, with a message.
  Interruptions, emergency admissions paid from the first day, and the housing costs of an
  eingestreuter Platz paid as Fachleistung are handled too.
- **Pflegefamilien** (M10, LRV B.4.9 Abs. 3–4): LVR area — time-based care plus a flat rate;
  LWL area — one Leistungspauschale per person that includes the care.
- **Vergütungskürzung** (M11, LRV A.8.5 Abs. 1, § 129 Abs. 1 SGB IX): the reduction covers the
  period of the Pflichtverletzung, at most 24 months to the day; spreading the amount over monthly
  parts (adding up to the cent) is an explicit option.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal, localcontext
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BeforeValidator, Field, Strict

from eghnrw.core._check import check_bool, check_count, check_date, check_non_negative, enum_value, validated
from eghnrw.core._rule import rule
from eghnrw.core._types import Money, Row, StrictModel
from eghnrw.core.calendar import add_period_from_start_of_day, check_day, period_end
from eghnrw.core.enums import Landschaftsverband
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, Amount, allocate, round_cents, round_result
from eghnrw.core.trace import Label, Result, Step

__all__ = [
    "BillingUnit",
    "InvoiceItem",
    "InvoiceResult",
    "KurzzeitbetreuungResult",
    "PflegefamilieResult",
    "VerguetungskuerzungResult",
    "kurzzeitbetreuung",
    "monthly_invoice",
    "pflegefamilie_verguetung",
    "verguetungskuerzung",
]

#: LRV B.4.8 Abs. 4: "für einen Zeitraum von maximal 42 aufeinanderfolgenden Tagen".
KURZZEIT_MAX_DAYS = 42
#: LRV A.8.5 Abs. 1: "Der Zeitraum der Vergütungskürzung darf 24 Monate nicht überschreiten."
KUERZUNG_MAX_MONTHS = 24

_ZERO = Decimal("0.00")


class BillingUnit(StrEnum):
    """What an invoice quantity counts."""

    DAY = "day"
    HOUR = "hour"
    FLAT = "flat"


def _unit(value: object) -> object:
    """Only a BillingUnit or its string reaches the enum (pydantic would repr any other value)."""
    if isinstance(value, str):
        return value
    msg = f"pass one of {', '.join(repr(u.value) for u in BillingUnit)}"
    raise ValueError(msg)


class InvoiceItem(StrictModel):
    """One item to bill: ``quantity`` (days, hours, or 1 for a flat amount) × ``unit_price``.

    ``clause`` is the clause the price rests on (e.g. ``"LRV B.4.6 Abs. 2"`` for the Fachmodul
    Wohnen, ``"LRV B.4.7 Abs. 10"`` for the Organisationsmodul, ``"LRV B.4.4 Abs. 2"`` for
    Unterstützende Assistenz).
    """

    description: Annotated[str, Field(min_length=1)]
    unit: Annotated[BillingUnit, Strict(strict=False), BeforeValidator(_unit)]  # "day" as well as BillingUnit.DAY
    quantity: Money
    unit_price: Money
    clause: Annotated[str, Field(min_length=1)] = "LRV A.4.5 Abs. 1"


class InvoiceLine(Row):
    """A billed line: the item and its amount, rounded once to the cent."""

    description: str
    unit: BillingUnit
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    clause: str


class InvoiceResult(Result):
    """An invoice for one person and one month: ``amount`` is the sum of the rounded lines."""

    title = ("Monatsabrechnung", "Monthly invoice")

    amount: Annotated[Decimal, Label("Rechnungsbetrag", "Invoice total")]
    period_start: Annotated[date, Label("Abrechnungszeitraum von", "Period from")]
    period_end: Annotated[date, Label("bis", "to")]
    lines: tuple[InvoiceLine, ...]


def _as_item(value: object, index: int) -> InvoiceItem:
    if isinstance(value, InvoiceItem):
        return value
    if isinstance(value, Mapping):
        return validated(InvoiceItem.model_validate, dict(value), f"items[{index}]")
    raise InvalidInputError(f"items[{index}]", value, "pass an InvoiceItem (or a mapping with its fields)")


@rule(
    ids=("M2", "M4"),
    clauses=("LRV A.4.5 Abs. 1", "LRV A.4.4 Abs. 1"),
    rounding="each line: once, to the cent; the total is the sum of the lines",
)
def monthly_invoice(*, month: date, items: Sequence[InvoiceItem | Mapping[str, Any]]) -> InvoiceResult:
    """The invoice for one person and the calendar month containing ``month``.

    Each line = quantity × unit price, rounded once to the cent; the total is the sum of the lines
    (LRV A.4.5 Abs. 1: Stunden-, Tages- oder Monatssätze, combinable). Day quantities must be
    whole days and at most the days of the month.

    >>> inv = monthly_invoice(month=date(2024, 2, 1), items=[
    ...     InvoiceItem(description="Fachmodul Wohnen", unit=BillingUnit.DAY, quantity=Decimal(29),
    ...                 unit_price=Decimal("47.09"), clause="LRV B.4.6 Abs. 2"),
    ...     InvoiceItem(description="Qualifizierte Assistenz", unit=BillingUnit.HOUR,
    ...                 quantity=Decimal("12.25"), unit_price=Decimal("54.13"), clause="LRV B.4.2 Abs. 2")])
    >>> [line.amount for line in inv.lines], inv.amount    # 1,365.61 + 663.0925 → 663.09
    ([Decimal('1365.61'), Decimal('663.09')], Decimal('2028.70'))

    Raises:
        InvalidInputError: ``month`` not a date; an item invalid; a day count not whole or
            above the days of the month.
    """
    day = check_date(month, "month")
    given: object = items
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        raise InvalidInputError("items", items, "pass a sequence of InvoiceItem")
    first = day.replace(day=1)
    days_in_month = _calendar.monthrange(day.year, day.month)[1]
    last = day.replace(day=days_in_month)
    lines: list[InvoiceLine] = []
    steps = [Step("LRV A.4.5 Abs. 1", "Abrechnungsmonat", "billing month", f"{first:%m/%Y}")]
    with localcontext(CONTEXT):
        for index, raw in enumerate(items):
            item = _as_item(raw, index)
            if item.unit is BillingUnit.DAY and (
                item.quantity != item.quantity.to_integral_value() or item.quantity > days_in_month
            ):
                raise InvalidInputError(
                    f"items[{index}].quantity",
                    item.quantity,
                    f"pass a whole number of days from 0 to {days_in_month} for {first:%m/%Y}",
                )
            amount = round_result(
                item.quantity * item.unit_price, f"items[{index}].quantity × items[{index}].unit_price"
            )
            lines.append(
                InvoiceLine(
                    description=item.description,
                    unit=item.unit,
                    quantity=item.quantity,
                    unit_price=item.unit_price,
                    amount=amount,
                    clause=item.clause,
                )
            )
            steps.append(
                Step(
                    item.clause,
                    f"{item.description}: {item.quantity} × {item.unit_price} (gerundet)",
                    f"{item.description}: {item.quantity} × {item.unit_price} (rounded)",
                    amount,
                )
            )
        total = sum((line.amount for line in lines), _ZERO)
    steps.append(Step("LRV A.4.5 Abs. 1", "Summe der Zeilen", "sum of the lines", total))
    return InvoiceResult.build(
        amount=total,
        period_start=first,
        period_end=last,
        lines=tuple(lines),
        inputs={"month": day, "items": [line.model_dump() for line in lines]},
        steps=tuple(steps),
    )


# --- Kurzzeitbetreuung (M9) -------------------------------------------------------------------


class KurzzeitbetreuungResult(Result):
    """A Kurzzeitbetreuung stay: which days count as Fachleistung, and the housing costs of an eingestreuter Platz."""

    title = ("Kurzzeitbetreuung (42 Tage)", "Short-term care (42 days)")

    first_day: date
    last_day: date
    consecutive_days: Annotated[int, Label("aufeinanderfolgende Tage", "consecutive days")]
    covered_days: Annotated[int, Label("Tage als Fachleistung", "days as specialist service")]
    excess_days: Annotated[int, Label("Tage über 42", "days above 42")]
    within_limit: bool
    last_covered_day: date
    amount: Annotated[Decimal | None, Label("Versorgungskosten als Fachleistung", "care costs as specialist service")]
    message: str
    #: The first day the Vergütung is owed: admission, or the approval unless an emergency (B.4.8 Abs. 4 Satz 3).
    paid_from: Annotated[date | None, Label("vergütet ab", "paid from", after="consecutive_days")] = None
    #: Days of the stay before ``paid_from`` (admitted before the approval, no emergency).
    unpaid_days: int = 0
    #: Days away during the stay (``absences``): no Versorgung, not covered.
    absent_days: int = 0
    #: The covered days as runs (first, last), for billing months.
    covered_periods: tuple[tuple[date, date], ...] = ()
    emergency: bool = False
    place: str | None = None
    housing_amount: Annotated[
        Decimal | None, Label("Wohnraumkosten als Fachleistung", "housing costs as specialist service")
    ] = None

    def covered_days_in(self, month: date) -> int:
        """How many covered days fall in the month containing ``month``."""
        day = check_date(month, "month")
        start_m = day.replace(day=1)
        end_m = day.replace(day=_calendar.monthrange(day.year, day.month)[1])
        periods = self.covered_periods or ((self.first_day, self.last_covered_day),)
        return sum(max(0, (min(end, end_m) - max(start, start_m)).days + 1) for start, end in periods)


Interruption = Literal["continues", "restarts"]
Place = Literal["eingestreut", "solitaer"]
_B484 = "LRV B.4.8 Abs. 4 Satz 2"
_B484_EMERGENCY = "LRV B.4.8 Abs. 4 Satz 3"
_B485 = "LRV B.4.8 Abs. 5 Satz 2"


def _absences(value: object, start: date, end: date) -> list[tuple[date, date]]:
    """Checked absences: (first, last) days away, inside the stay, in order, not overlapping."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInputError("absences", value, "pass (first day away, last day away) pairs, or ()")
    checked: list[tuple[date, date]] = []
    for index, item in enumerate(value):
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise InvalidInputError(f"absences[{index}]", item, "pass a (first day away, last day away) pair")
        away = check_day(item[0], f"absences[{index}][0]")
        back = check_day(item[1], f"absences[{index}][1]")
        if not start < away <= back < end:
            raise InvalidInputError(
                f"absences[{index}]",
                item,
                f"pass days away strictly inside the stay {start:%d.%m.%Y}–{end:%d.%m.%Y}, first before last",
            )
        checked.append((away, back))
    checked.sort()
    for (_, back), (away, _) in pairwise(checked):
        if away <= back:
            raise InvalidInputError("absences", value, "pass absences that do not overlap")
    return checked


def _parts_present(start: date, end: date, absences: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The uninterrupted parts of the stay between the absences."""
    parts: list[tuple[date, date]] = []
    current = start
    for away, back in absences:
        parts.append((current, away - timedelta(days=1)))
        current = back + timedelta(days=1)
    parts.append((current, end))
    return parts


def _covered(parts: list[tuple[date, date]], paid_from: date, interruption: Interruption) -> list[tuple[date, date]]:
    """The runs of covered days: present, paid, within 42 consecutive days (one window, or one per part)."""
    runs: list[tuple[date, date]] = []
    window_end = paid_from + timedelta(days=KURZZEIT_MAX_DAYS - 1)
    for part_first, last in parts:
        first = max(part_first, paid_from)
        if first > last:
            continue
        if interruption == "restarts":
            window_end = first + timedelta(days=KURZZEIT_MAX_DAYS - 1)
        end = min(last, window_end)
        if first <= end:
            runs.append((first, end))
    return runs


class _Stay(NamedTuple):
    """The checked arguments of a Kurzzeitbetreuung and the days they give."""

    start: date
    end: date
    rate: Decimal | None
    away: list[tuple[date, date]]
    interruption: Interruption
    urgent: bool
    approved: date | None
    place: Place | None
    housing_rate: Decimal | None
    paid_from: date


def _housing_rate(place: object, housing_daily_cost: Amount | None) -> Decimal | None:
    if place not in (None, "eingestreut", "solitaer"):
        raise InvalidInputError(
            "place", place, "pass 'eingestreut' (a place within a regular group), 'solitaer', or None"
        )
    if housing_daily_cost is None:
        return None
    if place != "eingestreut":
        raise InvalidInputError(
            "housing_daily_cost",
            housing_daily_cost,
            "housing costs are Fachleistung only for an eingestreuter Platz (place='eingestreut', LRV B.4.8 "
            "Abs. 5 Satz 2); for solitary offers and extra rooms they are in the Investitionsbetrag",
        )
    return check_non_negative(housing_daily_cost, "housing_daily_cost")


def _paid_from(start: date, end: date, approved: date | None, *, urgent: bool, approved_on: object) -> date:
    """The first day the Vergütung is owed: admission, or a later approval unless an emergency."""
    if approved is None or approved <= start or urgent:
        return start
    if approved > end:
        raise InvalidInputError(
            "approved_on",
            approved_on,
            "an approval after the stay pays nothing; pass emergency=True if the decision could not be awaited "
            "(LRV B.4.8 Abs. 4 Satz 3)",
        )
    return approved


def _stay(  # noqa: PLR0917 - the arguments of kurzzeitbetreuung, checked in one place
    first_day: object,
    last_day: object,
    versorgung_daily_rate: Amount | None,
    absences: object,
    interruption: object,
    approved_on: object,
    emergency: object,
    place: object,
    housing_daily_cost: Amount | None,
) -> _Stay:
    start = check_day(first_day, "first_day")
    end = check_day(last_day, "last_day")
    if end < start:
        raise InvalidInputError("last_day", last_day, f"pass a day on or after first_day ({start.isoformat()})")
    rate = None if versorgung_daily_rate is None else check_non_negative(versorgung_daily_rate, "versorgung_daily_rate")
    away = _absences(absences, start, end)
    if interruption not in ("continues", "restarts"):
        raise InvalidInputError("interruption", interruption, "pass 'continues' or 'restarts'")
    urgent = check_bool(emergency, "emergency")
    approved = None if approved_on is None else check_day(approved_on, "approved_on")
    housing_rate = _housing_rate(place, housing_daily_cost)
    paid_from = _paid_from(start, end, approved, urgent=urgent, approved_on=approved_on)
    return _Stay(start, end, rate, away, interruption, urgent, approved, place, housing_rate, paid_from)  # type: ignore[arg-type] # checked above


def _stay_steps(
    stay: _Stay,
    *,
    days: int,
    absent: int,
    covered: int,
    last_covered: date,
    excess: int,
    amount: Decimal | None,
    housing: Decimal | None,
) -> tuple[Step, ...]:
    steps = [
        Step(
            _B484,
            "aufeinanderfolgende Tage (An- und Abreisetag gezählt)",
            "consecutive days (arrival and departure counted)",
            days,
        ),
    ]
    if stay.urgent:
        steps.append(
            Step(
                _B484_EMERGENCY,
                "Eilfall: vergütet ab der Aufnahme (spätere Bewilligung)",
                "emergency: paid from admission (approved later)",
                stay.paid_from,
            )
        )
    elif stay.approved is not None:  # "bewilligte und erbrachte Leistungen": from the later of the two
        before = stay.paid_from == stay.start
        steps.append(
            Step(
                "LRV A.4.4 Abs. 1",
                "vergütet ab der Aufnahme (vorher bewilligt)"
                if before
                else "vergütet ab der Bewilligung (nach der Aufnahme)",
                "paid from admission (approved before)" if before else "paid from the approval (after admission)",
                stay.paid_from,
            )
        )
    if stay.away:
        restarts = stay.interruption == "restarts"
        steps += [
            Step(_B484, "Tage der Abwesenheit (keine Versorgung)", "days away (no care)", absent),
            Step(
                _B484,
                "Unterbrechung: 42 Tage beginnen neu (interruption='restarts')"
                if restarts
                else "Unterbrechung: 42 Tage laufen weiter",
                "interruption: the 42 days start again (interruption='restarts')"
                if restarts
                else "interruption: the 42 days run on",
                len(stay.away),
            ),
        ]
    steps += [
        Step(
            _B484,
            "Tage als Fachleistung (höchstens 42, nach jeder Unterbrechung neu)"
            if stay.interruption == "restarts" and stay.away
            else "höchstens 42 Tage als Fachleistung",
            "days as specialist service (at most 42, again after each interruption)"
            if stay.interruption == "restarts" and stay.away
            else "at most 42 days as specialist service",
            covered,
        ),
        *(
            ()
            if not covered
            else (Step(_B484, "letzter Tag als Fachleistung", "last day as specialist service", last_covered),)
        ),
        Step(_B484, "Tage über der Höchstdauer", "days above the maximum", excess),
    ]
    if amount is not None:
        steps.append(
            Step(
                _B484,
                "Versorgungskosten = Tage × Tagessatz, gerundet",
                "care costs = days × daily rate, rounded",
                amount,
            )
        )
    if housing is not None:
        steps.append(
            Step(
                _B485,
                "eingestreuter Platz: Wohnraumkosten (§ 42a Abs. 5, 6 SGB XII) als Fachleistung = Tage × Tagessatz",
                "place within a regular group: housing costs (§ 42a Abs. 5, 6 SGB XII) as specialist service",
                housing,
            )
        )
    elif stay.place == "solitaer":
        steps.append(
            Step(
                "LRV B.4.8 Abs. 5 Satz 3",
                "solitäres Angebot / eigenes Zimmer: Wohnraumkosten im Investitionsbetrag enthalten",
                "solitary offer / extra room: housing costs are in the Investitionsbetrag",
            )
        )
    return tuple(steps)


def _stay_inputs(stay: _Stay) -> dict[str, Any]:
    inputs: dict[str, Any] = {"first_day": stay.start, "last_day": stay.end, "versorgung_daily_rate": stay.rate}
    if stay.away:
        inputs["absences"] = tuple(stay.away)
        inputs["interruption"] = stay.interruption
    optional = {
        "approved_on": stay.approved,
        "emergency": stay.urgent or None,
        "place": stay.place,
        "housing_daily_cost": stay.housing_rate,
    }
    inputs.update({key: value for key, value in optional.items() if value is not None})
    return inputs


@rule(
    ids=("M9",),
    clauses=("LRV B.4.8 Abs. 4", "LRV B.4.8 Abs. 5", "LRV A.4.4 Abs. 1"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    example={"first_day": date(2024, 3, 1), "last_day": date(2024, 4, 12)},
    arguments={
        "first_day": "first day of the stay",
        "last_day": "last day of the stay",
        "versorgung_daily_rate": "daily rate of the Versorgungskosten",
        "absences": "days away during the stay (no Versorgung), FIRST..LAST each",
        "interruption": "after an absence the 42 days run on (default) or start again",
        "approved_on": "day of the approval, if after the admission (LRV A.4.4 Abs. 1)",
        "emergency": "the decision could not be awaited: paid from admission (B.4.8 Abs. 4)",
        "place": "eingestreut or solitaer (B.4.8 Abs. 5)",
        "housing_daily_cost": "housing costs a day of an eingestreuter Platz (B.4.8 Abs. 5)",
    },
)
def kurzzeitbetreuung(
    *,
    first_day: date,
    last_day: date,
    versorgung_daily_rate: Amount | None = None,
    absences: Iterable[tuple[date, date]] = (),
    interruption: Interruption = "continues",
    approved_on: date | None = None,
    emergency: bool = False,
    place: Place | None = None,
    housing_daily_cost: Amount | None = None,
) -> KurzzeitbetreuungResult:
    """Cap the Versorgungskosten of a Kurzzeitbetreuung at 42 consecutive days (LRV B.4.8 Abs. 4–5).

    The stay runs from ``first_day`` (admission) to ``last_day``, both counted. B.4.8 Abs. 4 Satz 2:
    the usual Versorgungskosten are Fachleistung "für einen Zeitraum von maximal 42
    aufeinanderfolgenden Tagen". Beyond, the excess days are reported and ``message`` says so. With
    ``versorgung_daily_rate``, ``amount`` = covered days × rate, rounded once.

    - **Interruptions** (``absences``: (first, last) days away, inside the stay): days away are not
      covered. ``interruption="continues"`` (default): the 42 days are one calendar window from the
      first paid day, and an interruption neither extends nor restarts it; ``"restarts"``: each
      uninterrupted part starts a new window of 42 days. A new stay (another call, another
      Leistungszusage, Abs. 3) always starts its own window.
    - **Approval and emergencies** (A.4.4 Abs. 1, B.4.8 Abs. 4 Satz 3): with ``approved_on`` after the
      admission, the Vergütung is owed from the approval (A.4.4 Abs. 1: for the "bewilligten und
      erbrachten Leistungen"; A.5 Abs. 2 is the duty to admit, not the payment); with ``emergency=True`` (the decision
      could not be awaited without serious harm, and the stay was approved later) from the day of
      admission. The 42 days begin with the first paid day.
    - **Housing of an eingestreuter Platz** (Abs. 5 Satz 2): ``place="eingestreut"`` (a place within
      a regular group) with ``housing_daily_cost`` (the adequate actual costs of the
      Wohnraumüberlassung under § 42a Abs. 5 and 6 SGB XII, per day) pays them as Fachleistung for
      every paid day of the stay (``housing_amount``; the 42-day cap concerns the Versorgungskosten);
      ``place="solitaer"`` (solitary offers, extra rooms): they are part of the Investitionsbetrag
      (Abs. 5 Satz 3), and a ``housing_daily_cost`` is refused.

    >>> r = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 4, 12))
    >>> r.consecutive_days, r.covered_days, r.excess_days, r.last_covered_day
    (43, 42, 1, datetime.date(2024, 4, 11))
    >>> r = kurzzeitbetreuung(first_day=date(2024, 3, 1), last_day=date(2024, 3, 20), approved_on=date(2024, 3, 11),
    ...                       emergency=True)
    >>> r.paid_from, r.covered_days      # an emergency admission is paid from the first day
    (datetime.date(2024, 3, 1), 20)

    Raises:
        InvalidInputError: a day not a date; ``last_day`` before ``first_day``; a negative rate or
            housing cost; an absence not inside the stay, or overlapping another; an unknown
            ``interruption`` or ``place``; housing costs without ``place="eingestreut"``; an approval
            after the stay without ``emergency``.
    """
    stay = _stay(
        first_day,
        last_day,
        versorgung_daily_rate,
        absences,
        interruption,
        approved_on,
        emergency,
        place,
        housing_daily_cost,
    )
    start, end, away, paid_from = stay.start, stay.end, stay.away, stay.paid_from
    days = (end - start).days + 1
    absent = sum((back - a).days + 1 for a, back in away)
    unpaid = (paid_from - start).days - sum(
        (min(back, paid_from - timedelta(days=1)) - a).days + 1 for a, back in away if a < paid_from
    )
    runs = _covered(_parts_present(start, end, away), paid_from, stay.interruption)
    covered = sum((last - first).days + 1 for first, last in runs)
    excess = days - absent - unpaid - covered
    last_covered = runs[-1][1] if runs else paid_from
    amount = housing = None
    with localcontext(CONTEXT):
        if stay.rate is not None:
            amount = round_result(covered * stay.rate, "covered days × versorgung_daily_rate")
        if stay.housing_rate is not None:
            housing = round_result(((end - paid_from).days + 1) * stay.housing_rate, "paid days × housing_daily_cost")
    if excess:
        covered_text = (
            f"nur für {covered} Tag{'' if covered == 1 else 'e'} (bis {last_covered:%d.%m.%Y})"
            if covered
            else "für keinen Tag"
        )
        message = (
            f"Kurzzeitbetreuung {start:%d.%m.%Y}–{end:%d.%m.%Y}: {days} aufeinanderfolgende Tage; "
            f"die üblichen Versorgungskosten werden {covered_text} "
            f"als Fachleistung gewährt, {excess} Tag(e) darüber (LRV B.4.8 Abs. 4)."
        )
    else:
        message = (
            f"Kurzzeitbetreuung {start:%d.%m.%Y}–{end:%d.%m.%Y}: {days} Tag{'' if days == 1 else 'e'}, "
            f"innerhalb von {KURZZEIT_MAX_DAYS} Tagen (LRV B.4.8 Abs. 4)."
        )
    steps = _stay_steps(
        stay,
        days=days,
        absent=absent,
        covered=covered,
        last_covered=last_covered,
        excess=excess,
        amount=amount,
        housing=housing,
    )
    return KurzzeitbetreuungResult.build(
        first_day=start,
        last_day=end,
        consecutive_days=days,
        covered_days=covered,
        excess_days=excess,
        within_limit=excess == 0,
        last_covered_day=last_covered,
        amount=amount,
        message=message,
        paid_from=paid_from,
        unpaid_days=unpaid,
        absent_days=absent,
        covered_periods=tuple(runs),
        emergency=stay.urgent,
        place=stay.place,
        housing_amount=housing,
        inputs=_stay_inputs(stay),
        steps=steps,
    )


# --- Pflegefamilien (M10) ---------------------------------------------------------------------


class PflegefamilieResult(Result):
    """The provider's Vergütung for Betreuung in a Pflegefamilie, by Landschaftsverband."""

    title = ("Fachmodul Pflegefamilien", "Foster family module")

    amount: Annotated[Decimal, Label("Vergütung", "Remuneration")]
    landschaftsverband: Annotated[Landschaftsverband, Label("Landschaftsverband", "Regional authority")]
    care_amount: Decimal
    flat_amount: Decimal


@rule(
    ids=("M10",),
    clauses=("LRV B.4.9 Abs. 3", "LRV B.4.9 Abs. 4", "LRV B.4.9 Abs. 5"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
)
def pflegefamilie_verguetung(
    *,
    landschaftsverband: Landschaftsverband | str,
    flat_rate: Amount,
    care_hours: Amount | None = None,
    hourly_rate: Amount | None = None,
) -> PflegefamilieResult:
    """Vergütung of the Fachmodul Pflegefamilien for one person and period (LRV B.4.9 Abs. 3–5).

    LVR (Abs. 3): the Betreuungsleistungen are time-based (``care_hours`` × ``hourly_rate``,
    rounded once) plus a ``flat_rate`` for supporting the Pflegeperson and further services.
    LWL (Abs. 4): one Leistungspauschale per person (``flat_rate``) that includes the care; hours
    are refused. The rates themselves are agreed individually (Abs. 5) and are inputs. The
    monthly Aufwandsentschädigung of the Pflegeperson (Abs. 2) is not part of this amount.

    >>> pflegefamilie_verguetung(landschaftsverband="LVR", flat_rate="350", care_hours="10",
    ...                          hourly_rate="54.13").amount        # 541.30 + 350
    Decimal('891.30')
    >>> pflegefamilie_verguetung(landschaftsverband="LWL", flat_rate="1200").amount
    Decimal('1200.00')

    Raises:
        InvalidInputError: unknown ``landschaftsverband``; LVR without hours or rate; LWL with
            hours or rate; an amount negative or not a number.
    """
    lv = enum_value(Landschaftsverband, landschaftsverband, "landschaftsverband")
    flat = round_cents(check_non_negative(flat_rate, "flat_rate"))
    if lv is Landschaftsverband.LWL:
        for name, value in (("care_hours", care_hours), ("hourly_rate", hourly_rate)):
            if value is not None:
                raise InvalidInputError(
                    name,
                    value,
                    "in the LWL area one Leistungspauschale includes the care (LRV B.4.9 Abs. 4): pass none",
                )
        return PflegefamilieResult.build(
            amount=flat,
            landschaftsverband=lv,
            care_amount=_ZERO,
            flat_amount=flat,
            inputs={"landschaftsverband": lv, "flat_rate": flat},
            steps=(
                Step(
                    "LRV B.4.9 Abs. 4",
                    "Leistungspauschale je Person (Betreuung eingeschlossen)",
                    "flat rate per person (care included)",
                    flat,
                ),
            ),
        )
    for name, value in (("care_hours", care_hours), ("hourly_rate", hourly_rate)):
        if value is None:
            raise InvalidInputError(
                name, value, "in the LVR area the care is billed by time (LRV B.4.9 Abs. 3): pass it"
            )
    hours = check_non_negative(care_hours, "care_hours")
    rate = check_non_negative(hourly_rate, "hourly_rate")
    with localcontext(CONTEXT):
        care = round_result(hours * rate, "care_hours × hourly_rate")
        total = care + flat
    return PflegefamilieResult.build(
        amount=total,
        landschaftsverband=lv,
        care_amount=care,
        flat_amount=flat,
        inputs={"landschaftsverband": lv, "flat_rate": flat, "care_hours": hours, "hourly_rate": rate},
        steps=(
            Step(
                "LRV B.4.9 Abs. 3",
                f"Betreuung zeitbasiert: {hours} Std. × {rate}",
                f"care by time: {hours} h × {rate}",
                care,
            ),
            Step(
                "LRV B.4.9 Abs. 3",
                "Pauschale Unterstützung der Pflegeperson",
                "flat rate for supporting the carer",
                flat,
            ),
            Step("LRV B.4.9 Abs. 3", "Vergütung gesamt", "total", total),
        ),
    )


# --- Vergütungskürzung (M11) ------------------------------------------------------------------


class VerguetungskuerzungResult(Result):
    """A Vergütungskürzung under § 129 SGB IX for the period of a Pflichtverletzung (at most 24 months)."""

    title = ("Vergütungskürzung (§ 129 SGB IX)", "Remuneration reduction")

    amount: Annotated[Decimal, Label("Kürzungsbetrag", "Reduction")]
    months: Annotated[int, Label("Monate (angefangen)", "Months (begun)", after="latest_last_day")]
    first_day: Annotated[date, Label("Beginn des Kürzungszeitraums", "Start of the reduction period")]
    last_day: Annotated[date, Label("Ende des Kürzungszeitraums", "End of the reduction period")]
    latest_last_day: Annotated[date, Label("spätestes zulässiges Ende (24 Monate)", "latest allowed end (24 months)")]
    monthly: tuple[Decimal, ...] = ()


def _months_begun(start: date, end: date) -> int:
    """How many month periods from the start of ``start`` the days ``start``–``end`` reach into (at least 1).

    The months between the two days' months are never too many: n months from the start of a day
    end in the n-th month after it at the latest (§ 188 Abs. 2/3 BGB), before ``end``'s month for
    fewer months than that. From there, one more month until the period reaches ``end``.
    """
    count = max((end.year - start.year) * 12 + end.month - start.month, 1)
    while add_period_from_start_of_day(start, months=count) < end:
        count += 1
    return count


@rule(
    ids=("M11",),
    clauses=("LRV A.8.5 Abs. 1", "§ 129 Abs. 1 SGB IX"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    example={"amount": "1000.00", "first_day": date(2022, 3, 1), "last_day": date(2024, 2, 29)},
    arguments={
        "amount": "the Kürzungsbetrag (whole cents)",
        "first_day": "first day of the Pflichtverletzung",
        "last_day": "last day of the Pflichtverletzung (or --months)",
        "months": "length of the period in whole months, 1 to 24 (or --last-day)",
        "monthly_parts": "also spread the amount over equal monthly parts",
    },
)
def verguetungskuerzung(
    *,
    amount: Amount,
    first_day: date,
    last_day: date | None = None,
    months: int | None = None,
    monthly_parts: bool = False,
) -> VerguetungskuerzungResult:
    """A Vergütungskürzung for the period of a Pflichtverletzung, checked against 24 months (LRV A.8.5 Abs. 1).

    § 129 Abs. 1 Satz 1 SGB IX reduces the agreed Vergütung "für die Dauer der Pflichtverletzung":
    the reduction covers the days ``first_day``–``last_day`` (both included) of the breach, and
    LRV A.8.5 Abs. 1 Satz 3 caps that period at 24 months. The period begins at the start of
    ``first_day`` (§ 187 Abs. 2 BGB); 24 months end with the day before the matching day
    (§ 188 Abs. 2, or Abs. 3 when it is missing): ``latest_last_day``, checked to the day.
    ``months=n`` instead of ``last_day`` gives a period of n whole months.

    Spreading the amount over monthly parts is an explicit option (``monthly_parts=True``): the
    amount (whole cents) is split into one equal part per month begun, adding up exactly (largest
    remainder, earlier months first). See docs/decisions.md for the reading.

    >>> r = verguetungskuerzung(amount="1000.00", first_day=date(2022, 3, 1), last_day=date(2024, 2, 29))
    >>> r.months, r.latest_last_day, r.monthly       # 24 months from the start of 01.03.2022
    (24, datetime.date(2024, 2, 29), ())
    >>> r = verguetungskuerzung(amount="1000.00", first_day=date(2024, 1, 1), months=24, monthly_parts=True)
    >>> r.last_day, r.monthly[0], r.monthly[-1], sum(r.monthly)
    (datetime.date(2025, 12, 31), Decimal('41.67'), Decimal('41.66'), Decimal('1000.00'))

    Raises:
        InvalidInputError: ``amount`` negative or not in whole cents; neither or both of
            ``last_day`` and ``months``; ``last_day`` before ``first_day`` or more than 24 months
            after it (01.03.2022–01.03.2024 is refused, –29.02.2024 is allowed); ``months`` not
            from 1 to 24; ``monthly_parts`` not a bool.
    """
    total = check_non_negative(amount, "amount")
    with localcontext(CONTEXT):
        if total != total.quantize(CENT):
            raise InvalidInputError("amount", amount, "pass an amount in whole cents")
    spread = check_bool(monthly_parts, "monthly_parts")
    start = check_day(first_day, "first_day")
    if (last_day is None) == (months is None):
        raise InvalidInputError(
            "last_day",
            last_day,
            "pass the last day of the Pflichtverletzung (last_day=...), or months=..., one of them",
        )
    latest_end = period_end(start, months=KUERZUNG_MAX_MONTHS, from_start_of_day=True, argument="first_day")
    latest = latest_end.day
    if months is not None:
        count = check_count(months, "months", minimum=1, maximum=10**6)
        if count > KUERZUNG_MAX_MONTHS:
            raise InvalidInputError(
                "months",
                months,
                f"the reduction period must not exceed {KUERZUNG_MAX_MONTHS} months (LRV A.8.5 Abs. 1)",
            )
        end = add_period_from_start_of_day(start, months=count)
    else:
        end = check_day(last_day, "last_day")
        if end < start:
            raise InvalidInputError("last_day", last_day, f"pass a day on or after first_day ({start.isoformat()})")
        if end > latest:
            raise InvalidInputError(
                "last_day",
                last_day,
                f"the reduction period must not exceed {KUERZUNG_MAX_MONTHS} months (LRV A.8.5 Abs. 1): from "
                f"{start:%d.%m.%Y} it may end on {latest:%d.%m.%Y} at the latest (§ 187 Abs. 2, § 188 BGB)",
            )
        count = _months_begun(start, end)
    parts = allocate(total, count) if spread else ()
    steps = [
        Step("LRV A.8.5 Abs. 1", "Kürzungsbetrag (§ 129 SGB IX)", "reduction amount (§ 129 SGB IX)", total),
        Step(
            "§ 129 Abs. 1 Satz 1 SGB IX",
            "gekürzt für die Dauer der Pflichtverletzung: ab",
            "reduced for the duration of the breach: from",
            start,
        ),
        Step("§ 129 Abs. 1 Satz 1 SGB IX", "Pflichtverletzung bis", "breach until", end),
        Step(
            latest_end.clause,
            "24 Monate ab Beginn des ersten Tages enden am",
            "24 months from the start of the first day end on",
            latest,
        ),
        Step(
            "LRV A.8.5 Abs. 1 Satz 3",
            "Kürzungszeitraum höchstens 24 Monate: eingehalten",
            "at most 24 months: met",
            value=True,
        ),
        Step("LRV A.8.5 Abs. 1", "Monate (angefangen)", "months (begun)", count),
    ]
    if spread:
        steps.append(
            Step(
                "monthly_parts=True",
                "Betrag auf gleiche Monatsteile verteilt (erster Monat)",
                "amount spread over equal monthly parts (first month)",
                parts[0],
            )
        )
    return VerguetungskuerzungResult.build(
        amount=round_cents(total),
        months=count,
        first_day=start,
        last_day=end,
        latest_last_day=latest,
        monthly=parts,
        inputs={
            "amount": total,
            "first_day": start,
            "last_day": None if last_day is None else end,
            "months": None if months is None else count,
            "monthly_parts": spread,
        },
        steps=tuple(steps),
    )
