"""Comparing two results of the same calculation: what changed, by how much, and why.

:func:`compare` splits the difference of two amounts into one contribution per driver — each
personnel role, the surcharges, Leitung/Verwaltung, Sachaufwand, Investitionsbetrag, Betriebskosten,
occupancy, capacity, days, billable hours, dated parameters — that add up exactly, to the cent, to
the difference. It does so by a chain of substitutions (docs/decisions.md): starting from the old
inputs, the drivers take their new values one at a time in a fixed order, the rate is recomputed
and rounded as the calculation rounds it after each, and a driver's contribution is the change of
the rounded rate it causes. The steps of the chain telescope, so the contributions sum to the
difference exactly; what a driver contributes depends on the order (listed in the result), as
with every attribution of a non-linear formula.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Annotated, Any, NamedTuple

from eghnrw.core._check import check_bool
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, Amount, parse_amount
from eghnrw.core.trace import Label, Lang, Result, Step, format_value
from eghnrw.kommission.models.service_costs import Kalkulation, Post
from eghnrw.verguetung.negotiation.costing import (
    KalkulationResult,
    compute,
    exact_rate,
    kalkulation_surcharges_clause,
    post_sums,
)
from eghnrw.verguetung.negotiation.investment import investment_notes
from eghnrw.verguetung.negotiation.tariff import TariffCut, tariff_cuts, tariff_notes
from eghnrw.verguetung.negotiation.update import FortschreibungResult, flat_rate
from eghnrw.verguetung.rates._arithmetic import unit_rate
from eghnrw.verguetung.rates.daily import DailyRateResult

__all__ = ["ComparisonResult", "compare"]

_ZERO = Decimal(0)

#: The clause each driver rests on.
_CLAUSES = {
    "surcharges": "LRV A.2.2 Abs. 1 d",
    "management_costs": "LRV A.4.6.1 Abs. 3",
    "material_costs": "LRV A.4.6.2 Abs. 1",
    "investment": "LRV A.4.5 Abs. 2",
    "operating_costs": "LRV A.4.5 Abs. 2",
    "housing_costs_above_threshold": "LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)",
    "occupancy": "LRV A.4.5 Abs. 2",
    "places": "LRV A.4.5 Abs. 2",
    "days": "LRV A.4.5 Abs. 2",
    "annual_cost": "LRV A.4.5 Abs. 2",
    "billable_hours": "LRV A.2.2 Abs. 2",
    "parameters": "LRV A.4.6 Abs. 2",
    "rate": "LRV A.4.3 Abs. 1",
    "personnel_share_percent": "LRV A.4.3 Abs. 1",
    "tariff_increase_percent": "LRV A.4.6 Abs. 5",
    "material_share_percent": "LRV A.4.6.2 Abs. 2",
    "price_index_percent": "LRV A.4.6.2 Abs. 2",
}
_PERSONNEL_CLAUSE = "LRV A.4.6.1 Abs. 1"
#: The costs under § 42a Abs. 6 SGB XII (M18): a driver only of the Kalkulations that have them, so
#: that a comparison without them keeps its contributions as they were.
_HOUSING = "housing_costs_above_threshold"
_SURCHARGE_DRIVER = 3  # a Kalkulation's surcharges driver: (name and percent pairs, mode, rule)
_CALCULATION_CLAUSE = {
    "kalkulation": "LRV A.4.3 Abs. 2",
    "daily_rate": "LRV A.4.5 Abs. 2",
    "fortschreibung": "LRV A.4.3 Abs. 1",
}


class ComparisonResult(Result):
    """The difference between two results of one calculation, split by driver.

    ``contributions`` maps each driver, in the order of the substitution chain, to the change of
    the rounded amount it causes; they add up exactly to ``amount_difference``.
    """

    title = ("Vergleich: was sich geändert hat", "Comparison: what changed")

    calculation: Annotated[str, Label("Berechnung", "Calculation")]
    old_amount: Annotated[Decimal, Label("bisher", "Old amount")]
    new_amount: Annotated[Decimal, Label("neu", "New amount")]
    amount_difference: Annotated[Decimal, Label("Differenz", "Difference")]
    contributions: dict[str, Decimal]
    #: Things the caller should check, in English (the steps carry them in German and English):
    #: tariff pay cut below its Tarifwerk (LRV A.4.6 Abs. 5).
    notes: tuple[str, ...] = ()

    def to_pandas(self, *, arrow: bool = False) -> Any:
        """One row per driver, in the order of the substitution chain: ``driver``, ``contribution``.

        The ``contribution`` column sums exactly to ``amount_difference``.

        Raises:
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame  # noqa: PLC0415 - pandas only for who asks

        rows = ({"driver": key, "contribution": value} for key, value in self.contributions.items())
        return frame(rows, ("driver", "contribution"), arrow=arrow)

    def plot(self, *, ax: Any = None, lang: str = "de") -> Any:
        """A waterfall: the old amount, each driver's contribution, the new amount.

        Returns the matplotlib Axes (``ax``: draw into it); titles and labels in German or English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
            OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
        """
        from eghnrw.doors.plots import waterfall  # noqa: PLC0415 - matplotlib only for who asks

        return waterfall(self, ax=ax, lang=lang)


class _View(NamedTuple):
    """A result seen as drivers, the function that turns drivers into the rounded amount, and the chain."""

    calculation: str
    kind: str  # results of different kinds are different calculations
    amount: Decimal
    drivers: dict[str, Any]
    evaluate: Callable[[dict[str, Any]], Decimal]
    #: the rounded amounts between the first and the last state of the chain (see :func:`_between`)
    between: Callable[[dict[str, Any], list[str], dict[str, Any]], list[Decimal]]


#: Beyond this an amount between two states of the chain is not held to the cent at the working
#: precision (60 digits) with digits to spare; two such results are not split by driver.
_HELD = Decimal(10) ** 45


def _cents(exact: Decimal) -> Decimal:
    """An amount between two states of the chain, rounded to the cent as the calculation rounds.

    It is no agreed figure, so it may lie beyond the 10^15 a result may reach (the new annual cost at
    the old occupancy); the contributions then telescope through it exactly.

    Raises:
        InvalidInputError: beyond 10^45, or no number: no contribution could be held to the cent.
    """
    if not exact.is_finite() or exact.copy_abs() >= _HELD:
        raise InvalidInputError(
            "new",
            exact,
            "old and new lie too far apart to split the difference by driver (a rate of this size between "
            "them, with the new figures of some drivers and the old of others); compare each with a result "
            "in between",
        )
    return exact.quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def _between(
    evaluate: Callable[[dict[str, Any]], Decimal],
) -> Callable[[dict[str, Any], list[str], dict[str, Any]], list[Decimal]]:
    """The amounts between the first and the last state: the drivers in ``keys`` take their new values one by one."""

    def between(start: dict[str, Any], keys: list[str], new: dict[str, Any]) -> list[Decimal]:
        state = dict(start)
        amounts = []
        for key in keys[:-1]:
            state[key] = new[key]
            amounts.append(evaluate(state))
        return amounts

    return between


# --- Kalkulation ---------------------------------------------------------------------------------


def _kalkulation_drivers(k: Kalkulation, days: Decimal | None, hours: Decimal | None) -> dict[str, Any]:
    drivers: dict[str, Any] = {}
    for post in k.posts:
        key = f"personnel[{post.role}]"
        drivers[key] = (*drivers.get(key, ()), post)
    drivers |= {
        "surcharges": (tuple(k.surcharges_percent.items()), k.surcharge_mode, k.surcharge_rule),
        "management_costs": k.management_costs,
        "material_costs": k.material_costs,
        "investment": (k.investment, k.public_subsidies, k.investment_occupancy),
        "operating_costs": k.operating_costs,
        **({_HOUSING: k.housing_costs_above_threshold} if k.housing_costs_above_threshold else {}),
        "occupancy": k.occupancy_percent,
        "places": k.places,
        "days": days,
        "billable_hours": (k.billable_hours, k.billable_share_percent),
        "parameters": hours,
    }
    return drivers


def _fields(state: dict[str, Any]) -> dict[str, Any]:
    """The Kalkulation fields of a state of the chain, other than its posts."""
    surcharges, mode, rule = state["surcharges"]
    investment, subsidies, investment_occupancy = state["investment"]
    billable_hours, billable_share = state["billable_hours"]
    return {
        "surcharges_percent": dict(surcharges),
        "surcharge_mode": mode,
        "surcharge_rule": rule,
        "management_costs": state["management_costs"],
        "material_costs": state["material_costs"],
        "investment": investment,
        "public_subsidies": subsidies,
        "investment_occupancy": investment_occupancy,
        "operating_costs": state["operating_costs"],
        _HOUSING: state.get(_HOUSING) or _ZERO,  # a driver only where a side has such costs; () where not
        "occupancy_percent": state["occupancy"],
        "places": state["places"],
        "billable_hours": billable_hours,
        "billable_share_percent": billable_share,
    }


def _posts(state: dict[str, Any]) -> tuple[Post, ...]:
    return tuple(post for key, value in state.items() if key.startswith("personnel[") for post in value)


def _kalkulation_view(k: Kalkulation, days: Decimal | None, hours: Decimal | None, amount: Decimal) -> _View:
    def evaluate(state: dict[str, Any]) -> Decimal:
        copy = k.model_copy(update={"posts": _posts(state), **_fields(state)})
        return compute(copy, state["days"], state["parameters"]).amount

    def between(start: dict[str, Any], keys: list[str], new: dict[str, Any]) -> list[Decimal]:
        """The states between, in time linear in the roles: each role's posts are summed once.

        While the roles take their new posts one by one (they come first), the personnel cost of a
        state is the new roles' sum so far plus the old roles' sum still to come; after them, the
        posts are summed again only when places or hours change.
        """
        roles = [key for key in keys if key.startswith("personnel[")]
        amounts: list[Decimal] = []
        with localcontext(CONTEXT):
            places, hours = start["places"], start["parameters"]
            old = [post_sums(start[key], places, hours) for key in roles]
            young = [post_sums(new[key], places, hours) for key in roles]
            base = k.model_copy(update=_fields(start))
            later_personnel, later_care = _ZERO, _ZERO
            later = []
            for sums in reversed(old):
                later_personnel += sums.personnel
                later_care += sums.care_fte
                later.append((later_personnel, later_care))
            later.reverse()
            personnel, care = _ZERO, _ZERO
            # a Kalkulation's other drivers (surcharges, costs, places, …) always follow its roles, so
            # no role's state is the last one, the new result's (which compare evaluates whole)
            for i, sums in enumerate(young):
                personnel += sums.personnel
                care += sums.care_fte
                rest_personnel, rest_care = later[i + 1] if i + 1 < len(later) else (_ZERO, _ZERO)
                exact = _exact(base, start["days"], hours, personnel + rest_personnel, care + rest_care)
                amounts.append(_cents(exact))
            state = {**start, **{key: new[key] for key in roles}}
            posts = _posts(state)
            summed = {(places, hours): (personnel, care)}  # the new posts at the old places and hours
            for key in keys[len(roles) : -1]:
                state[key] = new[key]
                at = (state["places"], state["parameters"])
                if at not in summed:
                    sums = post_sums(posts, *at)
                    summed[at] = (sums.personnel, sums.care_fte)
                copy = k.model_copy(update=_fields(state))
                amounts.append(_cents(_exact(copy, state["days"], state["parameters"], *summed[at])))
        return amounts

    return _View(
        "kalkulation", f"kalkulation per {k.unit}", amount, _kalkulation_drivers(k, days, hours), evaluate, between
    )


def _exact(k: Kalkulation, days: Decimal | None, hours: Decimal | None, personnel: Decimal, care: Decimal) -> Decimal:
    """The exact rate of a state between old and new; one without billable units has none to split by."""
    try:
        return exact_rate(k, days, hours, personnel, care).exact
    except InvalidInputError:
        raise InvalidInputError(
            "new",
            [post.role for post in k.posts],
            "between old and new a state has no billable units (the roles substituted so far carry no "
            "FTE other than Leitung/Verwaltung): the difference cannot be split by driver in this order",
        ) from None


# --- daily rate ----------------------------------------------------------------------------------


def _daily_evaluate(state: dict[str, Any]) -> Decimal:
    with localcontext(CONTEXT):
        return _cents(unit_rate(state["annual_cost"], state["places"] * state["days"], state["occupancy"]))


def _daily_view(result: DailyRateResult) -> _View:
    drivers = {
        "annual_cost": result.inputs["annual_cost"],
        "places": result.inputs["places"],
        "occupancy": result.inputs["occupancy_percent"],
        "days": result.days,
    }
    return _View("daily_rate", "daily_rate", result.amount, drivers, _daily_evaluate, _between(_daily_evaluate))


# --- Fortschreibung ------------------------------------------------------------------------------


def _flat_evaluate(state: dict[str, Any]) -> Decimal:
    exact = flat_rate(
        state["rate"],
        state["personnel_share_percent"],
        state["tariff_increase_percent"],
        state["material_share_percent"],
        state["price_index_percent"],
    )
    return _cents(exact)


def _flat_view(result: FortschreibungResult, *, before: bool = False) -> _View:
    tariff = result.tariff_increase_percent
    drivers = {
        "rate": result.previous_amount,
        "personnel_share_percent": result.personnel_share_percent,
        "tariff_increase_percent": Decimal(0) if before else tariff,
        "material_share_percent": result.material_share_percent,
        "price_index_percent": Decimal(0) if before else result.price_index_percent,
    }
    amount = result.previous_amount if before else result.amount
    return _View("fortschreibung", "fortschreibung (flat)", amount, drivers, _flat_evaluate, _between(_flat_evaluate))


def _successor_view(result: FortschreibungResult) -> _View:
    if result.successor is None:  # pragma: no cover - a kalkulation-mode result always has one
        raise InvalidInputError("new", result, "a Fortschreibung of a Kalkulation without its successor")
    return _kalkulation_view(result.successor, result.days, result.hours_per_fte, result.amount)


def _previous_view(result: FortschreibungResult) -> _View:
    if result.previous is None:  # pragma: no cover - a kalkulation-mode result always has one
        raise InvalidInputError("new", result, "a Fortschreibung of a Kalkulation without its previous Kalkulation")
    return _kalkulation_view(
        result.previous, result.previous_days, result.previous_hours_per_fte, result.previous_amount
    )


# --- choosing the views --------------------------------------------------------------------------


def _view(result: object, argument: str) -> _View:
    if isinstance(result, KalkulationResult):
        return _kalkulation_view(result.kalkulation, result.days, result.hours_per_fte, result.amount)
    if isinstance(result, DailyRateResult):
        return _daily_view(result)
    if isinstance(result, FortschreibungResult):
        return _flat_view(result) if result.mode == "flat" else _successor_view(result)
    raise InvalidInputError(
        argument,
        result,
        "pass a result of kalkulation, daily_rate or fortschreibung (or, as old, the rate of a Fortschreibung)",
    )


def _views(old: object, new: object) -> tuple[_View, _View]:
    if isinstance(new, FortschreibungResult) and not isinstance(old, FortschreibungResult):
        # a rate (or the Kalkulation) and its Fortschreibung
        if isinstance(old, KalkulationResult) and new.mode == "kalkulation":
            if old.kalkulation != new.previous:
                raise InvalidInputError(
                    "old", old.amount, "old is not the Kalkulation this Fortschreibung started from"
                )
            return _view(old, "old"), _successor_view(new)
        amount = old.amount if isinstance(old, Result) and hasattr(old, "amount") else old
        if not isinstance(amount, (Decimal, int, str)) or isinstance(amount, bool):
            raise InvalidInputError("old", old, "pass the rate the Fortschreibung started from, or its result")
        if parse_amount(amount, "old") != new.previous_amount:
            raise InvalidInputError(
                "old", amount, f"pass the rate this Fortschreibung started from ({new.previous_amount})"
            )
        before = _flat_view(new, before=True) if new.mode == "flat" else _previous_view(new)
        return before, _view(new, "new")
    return _view(old, "old"), _view(new, "new")


def _driver_clause(key: str, value: object) -> str:
    """The clause a driver rests on; a Kalkulation's surcharges cite theirs (A.2.2 Abs. 1 d, A.4.6.2 Abs. 1, …)."""
    if key == "surcharges" and isinstance(value, tuple) and len(value) == _SURCHARGE_DRIVER:
        items, _mode, rule = value
        return kalkulation_surcharges_clause([name for name, _ in items], rule)
    return _CLAUSES.get(key, _PERSONNEL_CLAUSE)


def _shown(value: object, lang: Lang) -> str | None:
    if value is None or isinstance(value, (Decimal, int)):
        return "—" if value is None else format_value(value, lang)
    return None


def _order(old: _View, new: _View) -> list[str]:
    """Personnel roles first (the new Kalkulation's, then those it dropped), then the other drivers."""
    roles = [key for key in new.drivers if key.startswith("personnel[")]
    roles += [key for key in old.drivers if key.startswith("personnel[") and key not in new.drivers]
    others = [key for key in new.drivers if not key.startswith("personnel[")]
    if _HOUSING in old.drivers and _HOUSING not in new.drivers:  # the costs went: they drive the change too
        others.insert(others.index("operating_costs") + 1, _HOUSING)
    return roles + others


@rule(
    ids=("M12", "M13", "M16", "M17"),
    clauses=("LRV A.4.3 Abs. 2", "LRV A.4.5 Abs. 2", "LRV A.4.6 Abs. 5", "LRV B.4.7 Abs. 8 Satz 1"),
    rounding="contributions: to the cent, adding up to the difference",
)
def compare(old: Result | Amount, new: Result, *, investment_agreed: bool = False) -> ComparisonResult:
    """What changed between two results of the same calculation, by driver, to the cent.

    ``old`` and ``new``: two results of :func:`~eghnrw.verguetung.negotiation.kalkulation` (same unit), two of
    :func:`~eghnrw.verguetung.rates.daily_rate`, two of
    :func:`~eghnrw.verguetung.negotiation.fortschreibung` (same kind),
    or a rate (an amount, or the result it came from) and its Fortschreibung. The drivers take their
    new values one at a time, in the order of ``contributions``; each contribution is the change of
    the rounded amount it causes, so they add up exactly to ``amount_difference``. Where ``new``
    pays a post of two Kalkulationen less than ``old`` under the same Tarifwerk, ``notes`` and a
    step say so (LRV A.4.6 Abs. 5: tariff pay cannot be rejected as uneconomic; RULES M17). Where the
    Investitionsbetrag of a Kalkulation changes, they say it is recalculated only for a measure agreed
    beforehand (LRV B.4.7 Abs. 8 Satz 1; RULES M16) unless ``investment_agreed=True`` (or ``new`` is
    a Fortschreibung made with it) states that it was.

    >>> from eghnrw.verguetung.rates import daily_rate
    >>> d = compare(daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365),
    ...             daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365))
    >>> d.amount_difference, d.contributions["annual_cost"], d.contributions["occupancy"]  # 159.82 − 144.20
    (Decimal('15.62'), Decimal('7.21'), Decimal('8.41'))

    Raises:
        InvalidInputError: results of different calculations (or units); an ``old`` rate that is not
            the one the Fortschreibung started from; a result whose amount does not follow from its
            inputs; ``investment_agreed`` not a bool.
    """
    agreed = check_bool(investment_agreed, "investment_agreed")
    before, after = _views(old, new)
    if before.kind != after.kind:
        raise InvalidInputError(
            "new", after.kind, f"compare results of the same calculation: old is {before.kind}, new is {after.kind}"
        )
    keys = _order(before, after)
    state: dict[str, Any] = {}
    for key in keys:
        value = before.drivers.get(key, ())
        state[key] = after.drivers.get(key) if value is None else value  # not used before: take the new figure
    first = before.evaluate(state)
    if first != before.amount:
        raise InvalidInputError("old", before.amount, "its amount does not follow from its inputs (was it changed?)")
    final = {key: after.drivers.get(key, ()) for key in keys}
    amounts = [first, *after.between(state, keys, final)]
    amounts.append(after.evaluate({**state, **final}))
    if amounts[-1] != after.amount:
        raise InvalidInputError("new", after.amount, "its amount does not follow from its inputs (was it changed?)")
    with localcontext(CONTEXT):
        contributions = {key: amounts[i + 1] - amounts[i] for i, key in enumerate(keys)}
        difference = after.amount - before.amount
    clause = _CALCULATION_CLAUSE[before.calculation]
    steps: list[Step] = [Step(clause, "bisheriger Betrag", "old amount", before.amount)]
    for key, contribution in contributions.items():
        was, now = before.drivers.get(key), after.drivers.get(key)
        if was == now:
            was = now = ()  # unchanged: no arrow
        shown_was, shown_now = _shown(was, "de"), _shown(now, "de")
        change = f" ({shown_was} → {shown_now})" if shown_was is not None and shown_now is not None else ""
        shown_was_en, shown_now_en = _shown(was, "en"), _shown(now, "en")
        change_en = (
            f" ({shown_was_en} → {shown_now_en})" if shown_was_en is not None and shown_now_en is not None else ""
        )
        steps.append(
            Step(
                _driver_clause(key, after.drivers.get(key, before.drivers.get(key))),
                f"Beitrag {key}{change}",
                f"contribution of {key}{change_en}",
                contribution,
            )
        )
    notes, note_steps = tariff_notes(_cuts(old, new))
    if before.calculation == "kalkulation":
        stated = agreed or (isinstance(new, FortschreibungResult) and new.inputs.get("investment_agreed") is True)
        invested, invested_steps = investment_notes(
            before.drivers["investment"][0], [after.drivers["investment"][0]], agreed=stated
        )
        notes, note_steps = (*notes, *invested), (*note_steps, *invested_steps)
    steps += [
        Step(clause, "neuer Betrag", "new amount", after.amount),
        Step(
            clause,
            "Differenz = Summe der Beiträge (Ersetzung in der genannten Reihenfolge)",
            "difference = sum of the contributions (substituted in the order listed)",
            difference,
        ),
        *note_steps,
    ]
    return ComparisonResult.build(
        calculation=before.calculation,
        old_amount=before.amount,
        new_amount=after.amount,
        amount_difference=difference,
        contributions=contributions,
        notes=notes,
        inputs={"old": _record(old), "new": _record(new), **({"investment_agreed": True} if agreed else {})},
        steps=tuple(steps),
    )


def _cuts(old: object, new: object) -> tuple[TariffCut, ...]:
    """Tariff pay two Kalkulationen cut (M17); a Fortschreibung's pay follows its Tarifwerk's own change."""
    if isinstance(old, KalkulationResult) and isinstance(new, KalkulationResult):
        return tariff_cuts(old.kalkulation.posts, new.kalkulation.posts)
    return ()


def _record(value: object) -> object:
    """What the audit record keeps of a compared result: its kind and amount (its own record has the rest)."""
    if isinstance(value, Result):
        return {"result": type(value).__name__, "amount": getattr(value, "amount", None)}
    return value if not isinstance(value, Mapping) else dict(value)
