"""The Fortschreibung: an agreed Vergütung updated for tariff increases and prices (RULES M13).

LRV A.4.3 Abs. 1: an agreed Vergütung is changed either by a flat rule, in particular for tariff
increases, for all providers, or by an individual negotiation on a new prospective Kalkulation for
the period, usually one year (Abs. 2). A.4.6.2 Abs. 2: in a flat Fortschreibung the Sachaufwand
follows a price index agreed between the parties. A.4.6 Abs. 5: tariff pay is differentiated by
Tarifwerk and cannot be refused as uneconomic. A.4.1 Abs. 2: the Vergütung is agreed for a future
period and continues until a new one is agreed.

:func:`fortschreibung` does both:

- on a rate: new rate = rate × (1 + personnel share × tariff increase + material share × price
  index), rounded once; the rest of the rate stays;
- on a Kalkulation: each post's annual cost rises by its Tarifwerk's increase, the Sachaufwand by
  the price index, everything else stays; the successor Kalkulation (for the stated period) and its
  rate, rounded once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Annotated, Any

from eghnrw.core._check import check_bool, check_cents, check_date, check_non_negative, check_percent
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, parse_amount, round_result
from eghnrw.core.params import check_overrides
from eghnrw.core.trace import Label, Result, Step, format_value, rounded_step
from eghnrw.kommission.models.service_costs import Kalkulation, Post, check_consistency
from eghnrw.verguetung.negotiation.costing import KalkulationResult, Resolved, as_kalkulation, cents, compute, resolve
from eghnrw.verguetung.negotiation.investment import investment_notes

__all__ = ["FortschreibungResult", "fortschreibung"]

_FLAT = "LRV A.4.3 Abs. 1"
_INDEX = "LRV A.4.6.2 Abs. 2"
_TARIFF = "LRV A.4.6 Abs. 5"
_PERIOD = "LRV A.4.1 Abs. 2"
_HUNDRED = Decimal(100)
_TEN_THOUSAND = Decimal(10000)
_ZERO = Decimal(0)
_PLACES = Decimal("0.01")


class FortschreibungResult(Result):
    """An updated Vergütung: the new rate, the old one, and what moved it.

    ``mode`` is ``"flat"`` (a rate and its shares) or ``"kalkulation"`` (``previous`` and its
    ``successor`` Kalkulation; the shares are then those of the previous Kalkulation's annual cost,
    for information). ``tariff_increase_percent`` is one percentage, or one per Tarifwerk.
    """

    title = ("Fortschreibung der Vergütung", "Fortschreibung (update) of the rate")

    amount: Annotated[Decimal, Label("neuer Satz", "New rate")]
    previous_amount: Annotated[Decimal, Label("bisheriger Satz", "Previous rate")]
    increase: Annotated[Decimal, Label("Erhöhung", "Increase")]
    mode: str
    personnel_share_percent: Decimal
    tariff_increase_percent: Decimal | dict[str, Decimal]
    material_share_percent: Decimal
    price_index_percent: Decimal
    period_start: Annotated[date | None, Label("gilt ab", "Valid from")] = None
    period_end: Annotated[
        date | None, Label("vereinbart bis (gilt fort bis zur Ablösung)", "Agreed until (continues until replaced)")
    ] = None
    #: Things the caller should check, in English (the steps carry them in German and English): a
    #: changed Investitionsbetrag not stated as agreed beforehand (LRV B.4.7 Abs. 8 Satz 1).
    notes: tuple[str, ...] = ()
    previous: Kalkulation | None = None
    successor: Kalkulation | None = None
    days: Decimal | None = None
    hours_per_fte: Decimal | None = None
    previous_days: Decimal | None = None
    previous_hours_per_fte: Decimal | None = None


def flat_rate(rate: Decimal, personnel: Decimal, tariff: Decimal, material: Decimal, index: Decimal) -> Decimal:
    """The flat Fortschreibung of ``rate``, exact (not rounded); all percentages in percent."""
    with localcontext(CONTEXT):
        return rate * (_TEN_THOUSAND + personnel * tariff + material * index) / _TEN_THOUSAND


def check_change(value: object, argument: str) -> Decimal:
    """A tariff change or price index in percent: above −100 and at most 100; a fall is negative.

    The Preisindex of LRV A.4.6.2 Abs. 2 can fall, and so can tariff pay (a one-off payment that
    ends); a fall of 100 % or more would leave no cost at all.

    >>> check_change("-1.0", "price_index_percent")
    Decimal('-1.0')
    """
    number = parse_amount(value, argument)
    if not -_HUNDRED < number <= _HUNDRED:
        raise InvalidInputError(
            argument, value, "pass a change in percent above -100 and at most 100 (negative for a fall)"
        )
    return number


def _check_tariff(value: object) -> Decimal | dict[str, Decimal]:
    if isinstance(value, Mapping):
        checked: dict[str, Decimal] = {}
        for name, percent in value.items():
            if not isinstance(name, str) or not name.strip():
                raise InvalidInputError("tariff_increase_percent", name, "name each Tarifwerk with a non-empty string")
            checked[name] = check_change(percent, f"tariff_increase_percent[{name!r}]")
        return checked
    return check_change(value, "tariff_increase_percent")


def raise_posts(
    posts: tuple[Post, ...], tariff: Decimal | Mapping[str, Decimal], argument: str = "tariff_increase_percent"
) -> tuple[Post, ...]:
    """The posts with each annual cost raised by its Tarifwerk's increase (exact, not rounded).

    Raises:
        InvalidInputError: a mapping of increases that leaves out a post's Tarifwerk (or a post has
            none), or names a Tarifwerk no post has.
    """
    if not isinstance(tariff, Mapping):
        if not tariff:
            return posts
        with localcontext(CONTEXT):
            factor = (_HUNDRED + tariff) / _HUNDRED
            return tuple(post.model_copy(update={"annual_cost": post.annual_cost * factor}) for post in posts)
    raised: list[Post] = []
    used: set[str] = set()
    for index, post in enumerate(posts):
        if post.tarifwerk is None or post.tarifwerk not in tariff:
            known = ", ".join(repr(name) for name in tariff) or "(none)"
            raise InvalidInputError(
                argument,
                dict(tariff),
                f"posts[{index}] ({post.role}) has Tarifwerk {post.tarifwerk!r}, which has no increase here "
                f"(given: {known}); give every post's Tarifwerk (0 if it does not rise), or one percentage for all",
            )
        used.add(post.tarifwerk)
        with localcontext(CONTEXT):
            cost = post.annual_cost * (_HUNDRED + tariff[post.tarifwerk]) / _HUNDRED
        raised.append(post.model_copy(update={"annual_cost": cost}))
    unused = [name for name in tariff if name not in used]
    if unused:
        raise InvalidInputError(argument, unused, "no post has this Tarifwerk: check its spelling")
    return tuple(raised)


def successor(
    k: Kalkulation,
    tariff: Decimal | Mapping[str, Decimal],
    index: Decimal,
    period_start: date | None = None,
    period_end: date | None = None,
    *,
    investment: Decimal | None = None,
) -> Kalkulation:
    """The Kalkulation after a Fortschreibung: posts raised by Tarifwerk, Sachaufwand by the index.

    ``investment``: a new Investitionsbetrag (before subsidies), else the old one stays.

    Raises:
        InvalidInputError: as :func:`raise_posts`; a period that ends before it starts; subsidies
            above the new investment.
    """
    with localcontext(CONTEXT):
        material = k.material_costs * (_HUNDRED + index) / _HUNDRED if index else k.material_costs
    updated = k.model_copy(
        update={
            "posts": raise_posts(k.posts, tariff),
            "material_costs": material,
            "period_start": period_start,
            "period_end": period_end,
            "investment": k.investment if investment is None else investment,
        }
    )
    check_consistency(updated)
    return updated


def _share(part: Decimal, whole: Decimal) -> Decimal:
    if whole <= 0:
        return _ZERO
    with localcontext(CONTEXT):
        return (part * _HUNDRED / whole).quantize(_PLACES, rounding=ROUND_HALF_UP)


def _period_steps(start: date | None, end: date | None) -> list[Step]:
    steps: list[Step] = []
    if start is not None:
        steps.append(Step(_PERIOD, "gilt prospektiv ab", "valid prospectively from", start))
    if end is not None:
        steps.append(Step(_PERIOD, "befristet bis", "agreed until", end))
    if start is not None or end is not None:
        steps.append(
            Step(
                _PERIOD,
                "gilt fort, bis eine neue Vergütungsvereinbarung geschlossen ist",
                "continues until a new Vergütungsvereinbarung is concluded",
                None,
            )
        )
    return steps


@rule(
    ids=("M13", "M16"),
    clauses=("LRV A.4.3 Abs. 1", "LRV A.4.6.2 Abs. 2", "LRV B.4.7 Abs. 8 Satz 1"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
)
def fortschreibung(
    *,
    rate: Amount | None = None,
    personnel_share_percent: Amount | None = None,
    tariff_increase_percent: Amount | Mapping[str, Amount] | None = None,
    material_share_percent: Amount | None = None,
    price_index_percent: Amount | None = None,
    kalkulation: Kalkulation | KalkulationResult | Mapping[str, Any] | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    investment: Amount | None = None,
    investment_agreed: bool = False,
) -> FortschreibungResult:
    """A flat Fortschreibung of an agreed rate, or of a whole Kalkulation (LRV A.4.3 Abs. 1, A.4.6.2 Abs. 2).

    On a rate: new rate = rate × (1 + personnel share × tariff increase + material share × price
    index), rounded once; the shares together are at most 100 %, the rest of the rate stays.
    A share needs its increase and the other way round. An increase may be negative (above
    −100 %): a falling price index, tariff pay that falls.

    On a ``kalkulation``: ``tariff_increase_percent`` (one percentage, or one per Tarifwerk, A.4.6
    Abs. 5) raises each post's annual cost, ``price_index_percent`` the Sachaufwand; surcharges follow
    the personnel cost; everything else stays. ``successor`` is the new Kalkulation for
    ``period_start`` – ``period_end`` and ``amount`` its rate. ``on`` reads the dated parameters
    (default: the period start). ``investment`` gives the successor a new Investitionsbetrag (before
    subsidies); it is recalculated only for an investment measure agreed with the Träger beforehand
    (LRV B.4.7 Abs. 8 Satz 1, RULES M16), so the result notes the change unless
    ``investment_agreed=True`` states that it was.

    >>> fortschreibung(rate="144.20", personnel_share_percent="80", tariff_increase_percent="5.5",
    ...                material_share_percent="15", price_index_percent="2.0").amount
    Decimal('150.98')

    Raises:
        InvalidInputError: a share outside [0, 100] or both above 100 together; an increase
            of −100 % or less, or above 100 %; a share without its increase; ``rate`` not in whole cents; a rate and a
            Kalkulation together; a Tarifwerk without its increase; a period ending before it starts;
            ``investment`` on a rate (it needs a Kalkulation), negative, or below the subsidies;
            ``investment_agreed`` not a bool.
        ParameterNotFoundError: a dated parameter of the Kalkulation has no value on ``on``.
    """
    checked = check_overrides(overrides)
    agreed = check_bool(investment_agreed, "investment_agreed")
    for name, value in (("period_start", period_start), ("period_end", period_end), ("on", on)):
        if value is not None:
            check_date(value, name)
    if period_start is not None and period_end is not None and period_end < period_start:
        raise InvalidInputError("period_end", period_end, f"pass a date on or after period_start {period_start}")
    if kalkulation is not None:
        k = as_kalkulation(kalkulation, "kalkulation")
        for name, given in (
            ("rate", rate),
            ("personnel_share_percent", personnel_share_percent),
            ("material_share_percent", material_share_percent),
        ):
            if given is not None:
                raise InvalidInputError(
                    name, given, "the Kalkulation gives this: pass either a Kalkulation or a rate with its shares"
                )
        return _of_kalkulation(
            kalkulation,
            k,
            tariff_increase_percent,
            price_index_percent,
            period_start=period_start,
            period_end=period_end,
            on=on,
            overrides=checked,
            investment=None if investment is None else check_non_negative(investment, "investment"),
            investment_agreed=agreed,
        )
    if investment is not None:
        raise InvalidInputError(
            "investment", investment, "a new Investitionsbetrag needs the Kalkulation: pass kalkulation=..."
        )
    if rate is None:
        raise InvalidInputError("rate", None, "pass the agreed rate (or kalkulation=...)")
    return _flat(
        rate=rate,
        personnel_share_percent=personnel_share_percent,
        tariff_increase_percent=tariff_increase_percent,
        material_share_percent=material_share_percent,
        price_index_percent=price_index_percent,
        period_start=period_start,
        period_end=period_end,
    )


def _pair(share: object, increase: object, share_name: str, increase_name: str) -> tuple[Decimal, Decimal]:
    if (share is None) != (increase is None):
        missing, given = (share_name, increase_name) if share is None else (increase_name, share_name)
        raise InvalidInputError(missing, None, f"pass it together with {given}")
    if share is None:
        return _ZERO, _ZERO
    return check_percent(share, share_name), check_change(increase, increase_name)


def _flat(
    *,
    rate: Amount,
    personnel_share_percent: Amount | None,
    tariff_increase_percent: Amount | Mapping[str, Amount] | None,
    material_share_percent: Amount | None,
    price_index_percent: Amount | None,
    period_start: date | None,
    period_end: date | None,
) -> FortschreibungResult:
    old = check_cents(rate, "rate")
    if isinstance(tariff_increase_percent, Mapping):
        raise InvalidInputError(
            "tariff_increase_percent",
            tariff_increase_percent,
            "pass one percentage (by Tarifwerk only on a Kalkulation)",
        )
    personnel, tariff = _pair(
        personnel_share_percent, tariff_increase_percent, "personnel_share_percent", "tariff_increase_percent"
    )
    material, index = _pair(
        material_share_percent, price_index_percent, "material_share_percent", "price_index_percent"
    )
    with localcontext(CONTEXT):  # the caller's context could round 80 + 20.01 down to 100
        too_much = personnel + material > _HUNDRED
    if too_much:
        raise InvalidInputError(
            "material_share_percent",
            material_share_percent,
            f"personnel ({personnel} %) and material ({material} %) shares together at most 100 %",
        )
    exact = flat_rate(old, personnel, tariff, material, index)
    amount = round_result(exact, "rate × (1 + shares × increases)")
    with localcontext(CONTEXT):
        personnel_part = old * personnel * tariff / _TEN_THOUSAND
        material_part = old * material * index / _TEN_THOUSAND
        rest = _HUNDRED - personnel - material
        increase = amount - old
    steps = [
        Step(_FLAT, "bisher vereinbarter Satz", "rate agreed so far", old),
        Step(_FLAT, "Personalkostenanteil in %", "personnel share in %", personnel),
        Step(_TARIFF, "tarifliche Steigerung in %", "tariff increase in %", tariff),
        Step(_FLAT, "Erhöhung = Satz × Anteil × Steigerung", "increase = rate × share × increase", personnel_part),
        Step(_INDEX, "Sachaufwandsanteil in %", "material share in %", material),
        Step(_INDEX, "vereinbarter Preisindex in %", "agreed price index in %", index),
        Step(_INDEX, "Erhöhung = Satz × Anteil × Index", "increase = rate × share × index", material_part),
        Step(_FLAT, "übriger Anteil in %, unverändert", "other share in %, unchanged", rest),
        Step(_FLAT, "fortgeschriebener Satz", "updated rate", exact),
        rounded_step(_FLAT, amount),
        *_period_steps(period_start, period_end),
    ]
    return FortschreibungResult.build(
        amount=amount,
        previous_amount=old,
        increase=increase,
        mode="flat",
        personnel_share_percent=personnel,
        tariff_increase_percent=tariff,
        material_share_percent=material,
        price_index_percent=index,
        period_start=period_start,
        period_end=period_end,
        inputs={
            "rate": old,
            "personnel_share_percent": personnel,
            "tariff_increase_percent": tariff,
            "material_share_percent": material,
            "price_index_percent": index,
            "period_start": period_start,
            "period_end": period_end,
        },
        steps=tuple(steps),
    )


def _of_kalkulation(
    value: object,
    k: Kalkulation,
    tariff_increase_percent: object,
    price_index_percent: object,
    *,
    period_start: date | None,
    period_end: date | None,
    on: date | None,
    overrides: Mapping[str, Decimal],
    investment: Decimal | None,
    investment_agreed: bool,
) -> FortschreibungResult:
    """:func:`fortschreibung` of the Kalkulation ``k`` (read once from ``value``, which may be its result)."""
    if tariff_increase_percent is None:
        raise InvalidInputError("tariff_increase_percent", None, "pass the tariff increase in percent (0 for none)")
    tariff = _check_tariff(tariff_increase_percent)
    index = _ZERO if price_index_percent is None else check_change(price_index_percent, "price_index_percent")
    if isinstance(value, KalkulationResult):
        before = Resolved(value.days, value.hours_per_fte, value.parameters)
    else:
        before = resolve(k, on, overrides)
    new = successor(k, tariff, index, period_start, period_end, investment=investment)
    after = resolve(new, on, overrides) if on is not None or period_start is not None else before
    old_f = compute(k, before.days, before.hours_per_fte)
    new_f = compute(new, after.days, after.hours_per_fte)
    with localcontext(CONTEXT):
        personnel_like = old_f.personnel + sum(old_f.surcharges.values(), _ZERO)
        increase = new_f.amount - old_f.amount
        others = new_f.annual - new_f.personnel - sum(new_f.surcharges.values(), _ZERO) - new.material_costs
    steps: list[Step] = [
        Step(_FLAT, "Satz der bisherigen Kalkulation", "rate of the previous Kalkulation", old_f.amount)
    ]
    if isinstance(tariff, Mapping):
        steps += [
            Step(_TARIFF, f"tarifliche Steigerung {name} in %", f"tariff increase {name} in %", percent)
            for name, percent in tariff.items()
        ]
    else:
        steps.append(
            Step(_TARIFF, "tarifliche Steigerung in % (alle Stellen)", "tariff increase in % (all posts)", tariff)
        )
    steps += [
        Step(
            _TARIFF,
            f"Stelle {old.role}: Jahreskosten je VK {format_value(old.annual_cost)} →",
            f"post {old.role}: annual cost per FTE {format_value(old.annual_cost, 'en')} →",
            cents(raised.annual_cost),
        )
        for old, raised in zip(k.posts, new.posts, strict=True)
        if raised.annual_cost != old.annual_cost
    ]
    steps += [
        Step(_FLAT, "Personalaufwand fortgeschrieben", "personnel cost updated", cents(new_f.personnel)),
        Step(_INDEX, "vereinbarter Preisindex Sachaufwand in %", "agreed price index for material costs in %", index),
        Step(_INDEX, "Sachaufwand fortgeschrieben", "material costs updated", cents(new.material_costs)),
        Step(
            _FLAT,
            "übrige Kosten unverändert" if investment is None else "übrige Kosten (mit neuem Investitionsbetrag)",
            "other costs unchanged" if investment is None else "other costs (with the new investment amount)",
            cents(others),
        ),
        Step(_FLAT, "Jahreskosten bisher", "annual cost so far", cents(old_f.annual)),
        Step(_FLAT, "Jahreskosten fortgeschrieben", "annual cost updated", cents(new_f.annual)),
        Step(_FLAT, "fortgeschriebener Satz (Jahreskosten ÷ Berechnungseinheiten)", "updated rate", new_f.exact),
        rounded_step(_FLAT, new_f.amount),
        *_period_steps(period_start, period_end),
    ]
    notes, note_steps = investment_notes(k.investment, [new.investment], agreed=investment_agreed)
    steps += note_steps
    parameters = tuple(dict.fromkeys((*before.parameters, *after.parameters)))
    return FortschreibungResult.build(
        amount=new_f.amount,
        previous_amount=old_f.amount,
        increase=increase,
        mode="kalkulation",
        personnel_share_percent=_share(personnel_like, old_f.annual),
        tariff_increase_percent=tariff,
        material_share_percent=_share(k.material_costs, old_f.annual),
        price_index_percent=index,
        period_start=period_start,
        period_end=period_end,
        notes=notes,
        previous=k,
        successor=new,
        days=after.days,
        hours_per_fte=after.hours_per_fte,
        previous_days=before.days,
        previous_hours_per_fte=before.hours_per_fte,
        inputs={
            "kalkulation": k.model_dump(mode="json"),
            "tariff_increase_percent": tariff,
            "price_index_percent": index,
            "period_start": period_start,
            "period_end": period_end,
            "on": on,
            **({} if investment is None else {"investment": investment}),
            **({"investment_agreed": True} if investment_agreed else {}),
        },
        parameters=parameters,
        steps=tuple(steps),
    )
