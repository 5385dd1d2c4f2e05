"""A Kalkulation: a service's prospective annual costs, post by post (RULES.md M12).

LRV A.4.3 Abs. 2 (a prospective Kalkulation for the period, usually one year), A.4.5 Abs. 2 (the
cost components: Personal- und Sachkosten, Leitung und Verwaltung, Investitionsbetrag with its
Betriebskosten, agreed capacity and occupancy), A.4.6.1 (Personalaufwand), A.4.6.2 Abs. 1
(Sachaufwand) and A.2.2 Abs. 1 a–d (how the staff is measured, one or several ways added up):

- a) hours granted in the Gesamt-/Teilhabeplanung (``hours``: FTE = hours ÷ KGSt Normalarbeitszeit),
- b) a staff key per person (``staff_key`` × ``persons``, by default the agreed places),
- c) an agreed number of posts (``fte``),
- d) surcharge-based amounts for personnel such as Leitung und Verwaltung (``surcharges_percent``).

Figures the sources do not publish (Anlage B staff keys, plausibility values, landeseinheitliche
rates) are inputs, never defaults. The rate is computed by :func:`eghnrw.verguetung.negotiation.kalkulation`;
this module imports no calculation.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from eghnrw.core._check import validated
from eghnrw.core._types import (
    Day,
    FrozenModel,
    Money,
    Occupancy,
    Percent,
    PositiveAmount,
    PositiveCount,
    Quantity,
    Text,
)
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import parse_amount

__all__ = ["Kalkulation", "Post", "parse_kalkulation"]

#: The units a Leistungspauschale is agreed per (LRV A.4.5 Abs. 1: Stunden-, Tages-, Monatssätze).
BILLING_UNITS: Final = ("hour", "day", "month")
#: How several surcharges on the personnel cost combine (docs/decisions.md): each on the personnel
#: cost alone (``additive``, the default) or each on the personnel cost plus the surcharges before it.
SURCHARGE_MODES: Final = ("additive", "compound")
#: What the Investitionsbetrag (with its Betriebskosten) is divided by (docs/decisions.md): the
#: agreed occupancy like every other cost (``agreed``, the default) or full capacity (``full``).
INVESTMENT_OCCUPANCY: Final = ("agreed", "full")
#: The clause the surcharges rest on, by service: the values of :class:`eghnrw.verguetung.rates.SurchargeRule`
#: (generic Aufschlagskalkulation, A.2.2 Abs. 1 d / A.4.6.2 Abs. 1; B.1.5.3; B.1.6.2).
SURCHARGE_RULES: Final = ("aufschlagskalkulation", "teilhabe_an_bildung", "assistenz_kinder_familie")

_MAX_DAYS = 366


def _name(info: ValidationInfo) -> str:
    return info.field_name or "value"


def _days(value: object, info: ValidationInfo) -> Decimal:
    number = parse_amount(value, _name(info))
    if not 0 < number <= _MAX_DAYS:
        raise InvalidInputError(_name(info), value, f"pass a number of days above 0 and at most {_MAX_DAYS}")
    return number


def _share(value: object, info: ValidationInfo) -> Decimal:
    number = parse_amount(value, _name(info))
    if not 0 < number <= 100:
        raise InvalidInputError(_name(info), value, "pass a share in percent above 0 and at most 100")
    return number


def _schema(description: str) -> dict[str, Any]:
    return {
        "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^[+]?(\d+(\.\d*)?|\.\d+)$"}],
        "description": description,
    }


_PLAIN = PlainSerializer(lambda value: format(value, "f"), return_type=str, when_used="json")

CalculationDays = Annotated[
    Decimal,
    BeforeValidator(_days),
    _PLAIN,
    WithJsonSchema(_schema("Berechnungstage per place and year, above 0 and at most 366")),
]
"""Berechnungstage per place and year: above 0, at most 366 (LRV A.4.5 Abs. 2)."""

BillingShare = Annotated[
    Decimal,
    BeforeValidator(_share),
    _PLAIN,
    WithJsonSchema(_schema("A share in percent, above 0 and at most 100")),
]
"""A share in percent, above 0 and at most 100 (billable share of the working hours)."""


class Post(FrozenModel):
    """One post (Stelle) of a Kalkulation: a role, its staff and the annual gross cost of a full-time post.

    ``annual_cost`` is the Brutto-Personalaufwand of one full-time post a year (LRV A.4.6.1 Abs. 1:
    pay with allowances and special payments, employer's social insurance, pensions). The staff is
    given in exactly one of the ways of LRV A.2.2 Abs. 1:

    - ``fte``: agreed full-time equivalents (c);
    - ``staff_key`` (full-time posts per person, 1 : 4 → ``"0.25"``) × ``persons`` (b; ``persons``
      defaults to the Kalkulation's ``places``);
    - ``hours``: hours a year granted in the Gesamtplanung (a), turned into FTE by the KGSt
      Normalarbeitszeit (LRV A.4.6 Abs. 2).

    ``skilled`` marks a Fachkraft (for the Fachkraftquote, A.2.2 Abs. 2); ``tarifwerk`` names the
    collective agreement the pay follows (a Fortschreibung raises posts by Tarifwerk, A.4.6 Abs. 5);
    ``management`` marks a post of Leitung und Allgemeine Verwaltung (A.4.6.1 Abs. 3), which counts
    neither towards the Fachkraftquote nor towards billable hours.
    """

    role: Text
    annual_cost: Money
    skilled: StrictBool
    fte: Quantity | None = None
    staff_key: Quantity | None = None
    persons: PositiveCount | None = None
    hours: Quantity | None = None
    tarifwerk: Text | None = None
    management: StrictBool = False

    @model_validator(mode="after")
    def _one_way_of_staffing(self) -> Post:
        given = [name for name in ("fte", "staff_key", "hours") if getattr(self, name) is not None]
        if len(given) != 1:
            raise InvalidInputError(
                given[1] if len(given) > 1 else "fte",
                [getattr(self, name) for name in given] if given else None,
                "give the staff in exactly one way: fte (agreed posts), staff_key (posts per person) "
                "or hours (granted hours a year) (LRV A.2.2 Abs. 1 a–c)",
            )
        if self.persons is not None and self.staff_key is None:
            raise InvalidInputError("persons", self.persons, "persons belongs to a staff_key; leave it out")
        return self

    @property
    def way(self) -> Literal["fte", "staff_key", "hours"]:
        """How the staff of this post is given (LRV A.2.2 Abs. 1 c, b or a)."""
        if self.fte is not None:
            return "fte"
        if self.staff_key is not None:
            return "staff_key"
        return "hours"


class Kalkulation(FrozenModel):
    """A prospective Kalkulation of a service's annual costs (LRV A.4.3 Abs. 2, A.4.5 Abs. 2, A.4.6).

    All amounts are per year. Components:

    - ``posts``: the personnel by role (:class:`Post`; at least one);
    - ``surcharges_percent``: surcharges on the personnel cost of all posts, by name (A.2.2 Abs. 1 d,
      A.4.6.1; e.g. ``{"leitung_verwaltung": "10"}``; one whose name says Sachaufwand, Sachkosten or
      material A.4.6.2 Abs. 1), combined as ``surcharge_mode`` says; ``surcharge_rule`` names the
      clause they rest on for the children's services (``"teilhabe_an_bildung"``: B.1.5.3,
      ``"assistenz_kinder_familie"``: B.1.6.2);
    - ``management_costs``: an agreed amount for Leitung und Verwaltung (A.4.6.1 Abs. 3) not
      given as posts or surcharges;
    - ``material_costs``: the Sachaufwand (A.4.6.2 Abs. 1);
    - ``investment`` less ``public_subsidies`` (credited as LRV B.4.7 Abs. 8 says) and
      ``operating_costs``, the Betriebskosten that belong to it: the Investitionsbetrag (A.4.5 Abs. 2);
    - ``housing_costs_above_threshold``: the "Kosten nach § 42a Abs. 6 SGB XII" that A.4.5 Abs. 2
      counts among the components — the housing costs in a besondere Wohnform above 125 % of the
      Angemessenheitsgrenze, which the Eingliederungshilfe bears (``eghnrw.kdu_check``'s
      ``eingliederungshilfe_share`` a month, times 12, summed over the residents);
    - ``places`` (agreed capacity) and ``occupancy_percent`` (agreed occupancy, above 0 up to 100).

    The rate is per ``unit``: ``"day"`` (÷ places × ``days`` × occupancy; without ``days`` the dated
    parameter ``berechnungstage``), ``"month"`` (÷ places × 12 × occupancy) or ``"hour"`` (÷ the
    billable hours × occupancy: ``billable_hours`` if agreed, else the KGSt Normalarbeitszeit × the
    FTE of the posts other than Leitung/Verwaltung × ``billable_share_percent``, A.2.2 Abs. 2).
    ``period_start`` / ``period_end`` state the period the Kalkulation is for (A.4.1 Abs. 2).
    """

    unit: Literal["hour", "day", "month"]
    posts: tuple[Post, ...]
    occupancy_percent: Occupancy
    places: PositiveCount | None = None
    days: CalculationDays | None = None
    surcharges_percent: dict[Text, Percent] = Field(default_factory=dict)
    surcharge_mode: Literal["additive", "compound"] = "additive"
    surcharge_rule: Literal["aufschlagskalkulation", "teilhabe_an_bildung", "assistenz_kinder_familie"] = (
        "aufschlagskalkulation"
    )
    management_costs: Money = Field(default=Decimal(0), validate_default=True)
    material_costs: Money = Field(default=Decimal(0), validate_default=True)
    investment: Money = Field(default=Decimal(0), validate_default=True)
    public_subsidies: Money = Field(default=Decimal(0), validate_default=True)
    operating_costs: Money = Field(default=Decimal(0), validate_default=True)
    housing_costs_above_threshold: Money = Field(
        default=Decimal(0),
        validate_default=True,
        description="annual costs under § 42a Abs. 6 SGB XII (housing above 125 % of the limit; LRV A.4.5 Abs. 2)",
    )
    investment_occupancy: Literal["agreed", "full"] = "agreed"
    billable_hours: PositiveAmount | None = None
    billable_share_percent: BillingShare | None = None
    period_start: Day | None = None
    period_end: Day | None = None
    label: Text | None = Field(default=None, description="the caller's own name for the Kalkulation")

    @field_validator("posts", mode="after")
    @classmethod
    def _at_least_one_post(cls, posts: tuple[Post, ...]) -> tuple[Post, ...]:
        if not posts:
            raise InvalidInputError("posts", [], "pass at least one post (LRV A.4.6.1: the Personalaufwand)")
        return posts

    @model_validator(mode="after")
    def _consistent(self) -> Kalkulation:
        check_consistency(self)
        return self


def check_consistency(k: Kalkulation) -> None:
    """The checks that tie a Kalkulation's fields together (also run on a changed copy).

    Raises:
        InvalidInputError: naming the field: ``places`` missing for a daily or monthly rate or for a
            staff key; ``days`` or billable hours for the wrong unit; subsidies above the
            investment; a period that ends before it starts; a role both Leitung/Verwaltung and not.
    """
    _check_unit(k)
    if k.public_subsidies > k.investment:
        raise InvalidInputError(
            "public_subsidies",
            k.public_subsidies,
            f"at most the investment {k.investment} they are credited against (LRV B.4.7 Abs. 8)",
        )
    if k.period_start is not None and k.period_end is not None and k.period_end < k.period_start:
        raise InvalidInputError(
            "period_end", k.period_end, f"pass a date on or after period_start {k.period_start.isoformat()}"
        )
    management: dict[str, bool] = {}
    for index, post in enumerate(k.posts):
        if post.staff_key is not None and post.persons is None and k.places is None:
            raise InvalidInputError(
                f"posts[{index}].persons", None, "pass the persons the staff key applies to (or places)"
            )
        if management.setdefault(post.role, post.management) != post.management:
            raise InvalidInputError(
                f"posts[{index}].management",
                post.management,
                f"role {post.role!r} is given both as Leitung/Verwaltung and not: give each its own role",
            )


def _check_unit(k: Kalkulation) -> None:
    if k.places is None and k.unit != "hour":
        raise InvalidInputError("places", None, f"pass the agreed capacity (places) for a rate per {k.unit}")
    if k.days is not None and k.unit != "day":
        raise InvalidInputError("days", k.days, f"days belong to a rate per day; leave them out for unit={k.unit!r}")
    if k.unit != "hour":
        for name in ("billable_hours", "billable_share_percent"):
            if getattr(k, name) is not None:
                raise InvalidInputError(
                    name, getattr(k, name), "billable hours belong to a rate per hour (unit='hour')"
                )
    elif k.billable_hours is not None and k.billable_share_percent is not None:
        raise InvalidInputError(
            "billable_share_percent",
            k.billable_share_percent,
            "pass either billable_hours (an agreed number) or billable_share_percent (a share), not both",
        )


def parse_kalkulation(
    data: Mapping[str, Any] | str | bytes, *, syntax: Literal["json", "toml"] = "json"
) -> Kalkulation:
    """A Kalkulation from a mapping, or from JSON or TOML text (``syntax``; e.g. a file's contents).

    In both formats amounts are strings in plain decimal syntax (``"62000"``, ``"0.75"``) or whole
    numbers; a TOML or JSON fraction (``0.75`` unquoted) is a float and refused, naming the field.
    TOML dates (``period_start = 2025-01-01``) and ISO date strings are both accepted.

    >>> k = parse_kalkulation('''
    ... unit = "month"
    ... places = 10
    ... occupancy_percent = "100"
    ... [[posts]]
    ... role = "Fachkraft"
    ... fte = "2"
    ... annual_cost = "60000"
    ... skilled = true
    ... ''', syntax="toml")
    >>> k.unit, k.posts[0].fte
    ('month', Decimal('2'))

    Raises:
        InvalidInputError: ``data`` neither a mapping nor text; invalid JSON or TOML; a field
            missing, unknown or invalid (the message names its path, e.g. ``data.posts[1].fte``).
    """
    if syntax not in ("json", "toml"):
        raise InvalidInputError("syntax", syntax, "pass 'json' or 'toml'")
    if isinstance(data, (str, bytes)):
        if syntax == "json":
            return validated(Kalkulation.model_validate_json, data, "data")
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        try:
            loaded: object = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidInputError("data", text[:80], f"pass valid TOML ({exc})") from None
        return validated(Kalkulation.model_validate, loaded, "data")
    if not isinstance(data, Mapping):
        raise InvalidInputError("data", data, "pass a mapping of the Kalkulation's fields, or its JSON or TOML text")
    return validated(Kalkulation.model_validate, dict(data), "data")
