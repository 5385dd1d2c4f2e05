"""What-if: one input of a Kalkulation varied over a range, and the rate at each value.

The question negotiators ask most: what does the rate become at 92 % occupancy, at a tariff
increase of 5.5 %, with two more places? :func:`what_if` recomputes the Kalkulation for each value
of one input — a field (``occupancy_percent``, ``places``, ``days``, ``material_costs``,
``investment``, …), one surcharge (``surcharges_percent.NAME``), one post's figure
(``posts[1].fte``), or an increase applied as a Fortschreibung would (``tariff_increase_percent`` on
every post, ``price_index_percent`` on the Sachaufwand) — and returns a table of rates, each rounded
once, with its difference to the Kalkulation's own rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Annotated, Any, Final

from eghnrw.core._check import check_bool, check_date, validated
from eghnrw.core._rule import rule
from eghnrw.core._types import Row
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, parse_amount
from eghnrw.core.params import check_overrides
from eghnrw.core.trace import Label, Result, Step, format_value
from eghnrw.kommission.models.service_costs import Kalkulation, Post
from eghnrw.verguetung.negotiation.costing import (
    KalkulationResult,
    Resolved,
    as_kalkulation,
    cents,
    compute,
    kalkulation_surcharge_clause,
    resolve,
)
from eghnrw.verguetung.negotiation.investment import investment_notes
from eghnrw.verguetung.negotiation.tariff import TariffCut, tariff_cuts, tariff_notes
from eghnrw.verguetung.negotiation.update import check_change, raise_posts

__all__ = ["WhatIfResult", "what_if"]

#: The Kalkulation fields a what-if can vary directly, with the clause each rests on.
VARIABLE_FIELDS: Final = {
    "occupancy_percent": "LRV A.4.5 Abs. 2",
    "places": "LRV A.4.5 Abs. 2",
    "days": "LRV A.4.5 Abs. 2",
    "management_costs": "LRV A.4.6.1 Abs. 3",
    "material_costs": "LRV A.4.6.2 Abs. 1",
    "investment": "LRV A.4.5 Abs. 2",
    "public_subsidies": "LRV B.4.7 Abs. 8",
    "operating_costs": "LRV A.4.5 Abs. 2",
    "housing_costs_above_threshold": "LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)",
    "billable_hours": "LRV A.2.2 Abs. 2",
    "billable_share_percent": "LRV A.2.2 Abs. 2",
}
_INCREASES: Final = {"tariff_increase_percent": "LRV A.4.6 Abs. 5", "price_index_percent": "LRV A.4.6.2 Abs. 2"}
_POST_FIELDS: Final = ("fte", "annual_cost", "staff_key", "hours", "persons")
_POST: Final = re.compile(r"posts\[(\d+)\]\.(\w+)")
_SURCHARGE: Final = re.compile(r"surcharges_percent\.(.+)")
_MAX_ROWS: Final = 100_000
_MAX_INDEX_DIGITS: Final = 9  # a post index of more digits lies beyond any Kalkulation
_HUNDRED = Decimal(100)


class WhatIfRow(Row):
    """One row of a what-if: the value tried, the rate, the annual cost, and the change of the rate."""

    value: Decimal
    amount: Decimal
    annual_cost: Decimal
    difference: Decimal


class WhatIfResult(Result):
    """A table of rates: one Kalkulation, one input varied (``vary``), one row per value."""

    title = ("Was wäre wenn: Leistungspauschale je Wert", "What-if: rate by value")

    vary: Annotated[str, Label("variiert", "Varied")]
    base_amount: Annotated[Decimal, Label("Satz der Kalkulation", "Rate of the Kalkulation")]
    unit: Annotated[str, Label("je", "per")]
    rows: tuple[WhatIfRow, ...]
    #: Things the caller should check, in English (the steps carry them in German and English):
    #: values that pay a post below its Tarifwerk (LRV A.4.6 Abs. 5).
    notes: tuple[str, ...] = ()

    @property
    def amounts(self) -> tuple[Decimal, ...]:
        """The rate of each row, in order."""
        return tuple(row.amount for row in self.rows)

    def to_pandas(self, *, arrow: bool = False) -> Any:
        """One row per value tried: the value (named after ``vary``), amount, annual cost, difference.

        Amounts exact (``Decimal``; ``arrow=True``: Arrow decimal columns, see :mod:`eghnrw.doors.frames`).

        Raises:
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame_of  # noqa: PLC0415 - pandas only for who asks

        return frame_of(self.rows, WhatIfRow, arrow=arrow).rename(columns={"value": self.vary})

    def plot(self, *, ax: Any = None, lang: str = "de") -> Any:
        """The rate over the varied input, the Kalkulation's value and rate (and break-even) marked.

        Returns the matplotlib Axes (``ax``: draw into it); titles and labels in German or English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
            OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
        """
        from eghnrw.doors.plots import what_if_curve  # noqa: PLC0415 - matplotlib only for who asks

        return what_if_curve(self, ax=ax, lang=lang)


def _values(
    values: Iterable[Amount] | None, start: Amount | None, stop: Amount | None, step: Amount | None
) -> list[Decimal]:
    if values is not None:
        if any(item is not None for item in (start, stop, step)):
            raise InvalidInputError("values", values, "pass either values or start, stop and step")
        if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
            raise InvalidInputError("values", values, "pass a sequence of values, e.g. ['90', '95', '100']")
        listed = [parse_amount(value, f"values[{index}]") for index, value in enumerate(values)]
        if not listed or len(listed) > _MAX_ROWS:
            raise InvalidInputError("values", len(listed), f"pass from 1 to {_MAX_ROWS:,} values")
        return listed
    for name, given in (("start", start), ("stop", stop), ("step", step)):
        if given is None:
            raise InvalidInputError(name, None, "pass values=[...], or start, stop and step")
    first, last, size = parse_amount(start, "start"), parse_amount(stop, "stop"), parse_amount(step, "step")
    if size <= 0:
        raise InvalidInputError("step", step, "pass a step above zero")
    if last < first:
        raise InvalidInputError("stop", stop, f"pass a stop at or above start ({first})")
    with localcontext(CONTEXT):
        steps = (last - first) / size
        if steps >= _MAX_ROWS:  # compared before int(): a tiny step would make an enormous number
            raise InvalidInputError("step", step, f"at most {_MAX_ROWS:,} rows: pass a larger step")
        return [first + index * size for index in range(int(steps) + 1)]


def _whole(value: Decimal, name: str) -> int:
    if value != value.to_integral_value(context=CONTEXT):
        raise InvalidInputError(name, value, "pass a whole number")
    return int(value)


def _varied(k: Kalkulation, vary: str, value: Decimal) -> Kalkulation:
    """``k`` with one input set to ``value`` (checked like the model's own fields)."""
    fields: dict[str, Any] = dict(k)
    if vary in VARIABLE_FIELDS:
        fields[vary] = _whole(value, vary) if vary == "places" else value
    elif vary == "tariff_increase_percent":
        fields["posts"] = raise_posts(k.posts, check_change(value, vary))
    elif vary == "price_index_percent":
        with localcontext(CONTEXT):
            fields["material_costs"] = k.material_costs * (_HUNDRED + check_change(value, vary)) / _HUNDRED
    elif match := _SURCHARGE.fullmatch(vary):
        fields["surcharges_percent"] = {**k.surcharges_percent, match.group(1): value}
    else:
        index, name = _post_target(k, vary)
        post: dict[str, Any] = dict(k.posts[index])
        post[name] = _whole(value, vary) if name == "persons" else value
        posts: list[Post | dict[str, Any]] = list(k.posts)
        posts[index] = post
        fields["posts"] = posts
    return validated(Kalkulation.model_validate, fields, "")


def _post_target(k: Kalkulation, vary: str) -> tuple[int, str]:
    match = _POST.fullmatch(vary)
    if match is None:
        known = ", ".join([*VARIABLE_FIELDS, *_INCREASES, "surcharges_percent.NAME", "posts[i].fte"])
        raise InvalidInputError("vary", vary, f"pass one of {known}")
    digits, name = match.group(1), match.group(2)
    index = int(digits) if len(digits) <= _MAX_INDEX_DIGITS else len(k.posts)  # int() refuses 4,301 digits
    if index >= len(k.posts):
        raise InvalidInputError("vary", vary, f"the Kalkulation has posts[0] to posts[{len(k.posts) - 1}]")
    if name not in _POST_FIELDS:
        raise InvalidInputError("vary", vary, f"a post's {', '.join(_POST_FIELDS)} can be varied")
    return index, name


def _clause(vary: str, k: Kalkulation) -> str:
    if vary in VARIABLE_FIELDS:
        return VARIABLE_FIELDS[vary]
    if vary in _INCREASES:
        return _INCREASES[vary]
    if match := _SURCHARGE.fullmatch(vary):
        return kalkulation_surcharge_clause(k, match.group(1))
    return "LRV A.4.6.1 Abs. 1"


@rule(
    ids=("M12", "M16", "M17"),
    clauses=("LRV A.4.3 Abs. 2", "LRV A.4.5 Abs. 2", "LRV A.4.6 Abs. 5", "LRV B.4.7 Abs. 8 Satz 1"),
    rounding="each rate: once, to the cent",
)
def what_if(
    kalkulation: Kalkulation | KalkulationResult | Mapping[str, Any],
    *,
    vary: str,
    values: Iterable[Amount] | None = None,
    start: Amount | None = None,
    stop: Amount | None = None,
    step: Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    investment_agreed: bool = False,
) -> WhatIfResult:
    """The rate of a Kalkulation for each value of one input (LRV A.4.3 Abs. 2, A.4.5 Abs. 2).

    ``vary`` names the input: a field of :data:`VARIABLE_FIELDS`, ``surcharges_percent.NAME``,
    ``posts[i].fte`` (or ``annual_cost``, ``staff_key``, ``hours``, ``persons``), or an increase
    applied like a Fortschreibung: ``tariff_increase_percent`` (every post's annual cost),
    ``price_index_percent`` (the Sachaufwand). Pass the ``values``, or ``start``, ``stop`` and
    ``step`` (both ends included). Each row's rate is rounded once; ``difference`` is its change
    against the Kalkulation's own rate. A value that pays a post with a Tarifwerk less than the
    Kalkulation does is noted (``notes`` and a step; LRV A.4.6 Abs. 5, RULES M17), and so is a
    changed ``investment`` unless ``investment_agreed=True`` says the measure was agreed beforehand
    (LRV B.4.7 Abs. 8 Satz 1, RULES M16). Dated parameters are read once, for ``on`` (default: the
    period start).

    >>> k = {"unit": "day", "places": 24, "occupancy_percent": "96", "days": 365, "investment": "24000",
    ...      "posts": [{"role": "Fachkraft", "fte": "8", "annual_cost": "60000", "skilled": True}]}
    >>> w = what_if(k, vary="occupancy_percent", start="90", stop="100", step="5")
    >>> [str(a) for a in w.amounts]    # 504,000 ÷ 7,884; ÷ 8,322; ÷ 8,760
    ['63.93', '60.56', '57.53']

    Raises:
        InvalidInputError: an unknown input to vary; a value the Kalkulation refuses there (an
            occupancy above 100, a negative cost; the message names the field); no values, or more
            than 100,000; a step not above zero; ``investment_agreed`` not a bool.
        ParameterNotFoundError: a dated parameter has no value on ``on``.
    """
    checked = check_overrides(overrides)
    agreed = check_bool(investment_agreed, "investment_agreed")
    if on is not None:
        check_date(on, "on")
    k = as_kalkulation(kalkulation, "kalkulation")
    name: object = vary
    if not isinstance(name, str):
        raise InvalidInputError("vary", vary, "pass the name of the input to vary, e.g. 'occupancy_percent'")
    if name not in VARIABLE_FIELDS and name not in _INCREASES and not _SURCHARGE.fullmatch(name):
        _post_target(k, name)
    tried = _values(values, start, stop, step)
    if isinstance(kalkulation, KalkulationResult):
        resolved = Resolved(kalkulation.days, kalkulation.hours_per_fte, kalkulation.parameters)
    else:
        resolved = resolve(k, on, checked)
    base = compute(k, resolved.days, resolved.hours_per_fte)
    clause = _clause(name, k)
    rows: list[WhatIfRow] = []
    steps: list[Step] = [Step("LRV A.4.5 Abs. 1", "Satz der Kalkulation", "rate of the Kalkulation", base.amount)]
    cuts: list[TariffCut] = []
    for value in tried:
        row_k = _varied(k, name, value)
        if name not in _INCREASES:  # an increase is the Tarifwerk's own change, not a cut below it
            cuts += tariff_cuts(k.posts, row_k.posts)
        days = row_k.days if name == "days" else resolved.days
        # a row has posts in hours only where the Kalkulation has (a post is staffed one way), so the
        # KGSt hours read for the Kalkulation serve every row
        figures = compute(row_k, days, resolved.hours_per_fte)
        with localcontext(CONTEXT):
            difference = figures.amount - base.amount
        rows.append(
            WhatIfRow.model_construct(
                value=value, amount=figures.amount, annual_cost=cents(figures.annual), difference=difference
            )
        )
        shown = format_value(value)
        steps.append(
            Step(
                clause,
                f"{name} = {shown}: Satz (Differenz {format_value(difference)})",
                f"{name} = {format_value(value, 'en')}: rate (difference {format_value(difference, 'en')})",
                figures.amount,
            )
        )
    notes, note_steps = tariff_notes(cuts)
    if name == "investment":
        invested, invested_steps = investment_notes(k.investment, tried, agreed=agreed)
        notes, note_steps = (*notes, *invested), (*note_steps, *invested_steps)
    steps += note_steps
    return WhatIfResult.build(
        vary=name,
        base_amount=base.amount,
        unit=k.unit,
        rows=tuple(rows),
        notes=notes,
        inputs={
            "kalkulation": k.model_dump(mode="json"),
            "vary": name,
            "values": tried,
            "on": on,
            **({"investment_agreed": True} if agreed else {}),
        },
        parameters=resolved.parameters,
        steps=tuple(steps),
    )
