"""The calculations the command offers: one :class:`Kind` each, shared by the subcommands and ``eghnrw run``.

A kind names its library function, the clauses it rests on and its fields. Every field has one
text form (what a user types after ``--field-name`` and what a CSV cell holds) and accepts the
matching JSON value in a case file. Conversion errors are :class:`~eghnrw.errors.InvalidInputError`
naming the field, like the library's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal

import eghnrw
from eghnrw.enums import Side
from eghnrw.errors import InvalidInputError
from eghnrw.trace import Result

__all__ = ["KINDS", "Field", "Kind", "compute", "convert"]

FieldType = Literal["amount", "int", "date", "bool", "mapping", "list", "text", "choice", "participants"]

_TRUE = frozenset({"true", "yes", "ja", "1", "wahr"})
_FALSE = frozenset({"false", "no", "nein", "0", "falsch"})

#: What each type looks like, for help texts and error messages.
_SHAPE: Final[dict[str, str]] = {
    "amount": "an amount in plain decimal syntax, e.g. 63360 or 1234.56",
    "int": "a whole number",
    "date": "a date as YYYY-MM-DD",
    "bool": "true or false",
    "mapping": "name=value pairs separated by commas, e.g. gemeinkosten=20,sachaufwand=15",
    "list": "values separated by commas",
    "text": "text",
    "choice": "one of the listed values",
    "participants": "a number of persons, or weights separated by commas (e.g. 1,1,2)",
}


@dataclass(frozen=True, slots=True)
class Field:
    """One input of a calculation: its keyword, type, whether it is required, and a help text."""

    name: str
    type: FieldType
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        """The command-line option: ``--annual-personnel-cost``."""
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True, slots=True)
class Kind:
    """A calculation: the subcommand name (also the ``kind`` of a case), help, clauses, fields, call."""

    name: str
    summary: str
    clauses: str
    fields: tuple[Field, ...]
    call: Callable[[dict[str, Any]], Result]
    example: str

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or ``None``."""
        for item in self.fields:
            if item.name == name:
                return item
        return None


def _text(value: object, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise InvalidInputError(name, value, "pass " + _SHAPE["text"])
    return str(value).strip()


def _split(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [part.strip() for part in text.split(separator) if part.strip()]


def convert(field: Field, value: object) -> object:
    """The library value of ``value`` (a typed-in string or a JSON value) for ``field``.

    >>> convert(Field("on", "date", ""), "2024-01-01")
    datetime.date(2024, 1, 1)
    >>> convert(Field("s", "mapping", ""), "gemeinkosten=20, sachaufwand=15")
    {'gemeinkosten': '20', 'sachaufwand': '15'}
    >>> convert(Field("places", "int", ""), "x")
    Traceback (most recent call last):
    ...
    eghnrw.errors.InvalidInputError: places: got 'x'; pass a whole number
    """
    return _CONVERTERS[field.type](field, value)


def _refuse(field: Field, value: object) -> InvalidInputError:
    return InvalidInputError(field.name, value, "pass " + _SHAPE[field.type])


def _amount(field: Field, value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise _refuse(field, value)
    return value.strip() if isinstance(value, str) else value


def _int(field: Field, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    raise _refuse(field, value)


def _date(field: Field, value: object) -> date:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) == len("YYYY-MM-DD") and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _refuse(field, value)


def _bool(field: Field, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _refuse(field, value)


def _list(field: Field, value: object) -> list[str]:
    if isinstance(value, list):
        return [_text(item, f"{field.name}[{i}]") for i, item in enumerate(value)]
    return _split(_text(value, field.name))


def _participants(field: Field, value: object) -> object:
    if isinstance(value, list):
        return [_amount(Field(f"{field.name}[{i}]", "amount", ""), item) for i, item in enumerate(value)]
    text = _text(value, field.name)
    if "," in text or ";" in text:
        return _split(text)
    return _int(Field(field.name, "int", ""), text)


def _choice(field: Field, value: object) -> str:
    text = _text(value, field.name)
    if field.choices and text not in field.choices:
        raise InvalidInputError(field.name, value, "pass one of " + ", ".join(field.choices))
    return text


def _mapping(field: Field, value: object) -> dict[str, object]:
    name = field.name
    if isinstance(value, Mapping):
        return {str(k): _amount(Field(f"{name}[{k!r}]", "amount", ""), v) for k, v in value.items()}
    if isinstance(value, list):  # a repeated option: --surcharges-percent a=1 --surcharges-percent b=2
        merged: dict[str, object] = {}
        for item in value:
            merged.update(_mapping(field, item))
        return merged
    result: dict[str, object] = {}
    for pair in _split(_text(value, name)):
        key, sep, amount = pair.partition("=")
        if not sep or not key.strip() or not amount.strip():
            raise InvalidInputError(name, value, "pass " + _SHAPE["mapping"])
        result[key.strip()] = amount.strip()
    return result


_CONVERTERS: Final[dict[str, Callable[[Field, object], object]]] = {
    "amount": _amount,
    "int": _int,
    "date": _date,
    "bool": _bool,
    "mapping": _mapping,
    "list": _list,
    "text": _choice,
    "choice": _choice,
    "participants": _participants,
}


def compute(kind: Kind, raw: Mapping[str, object]) -> Result:
    """Convert ``raw`` (field name → typed-in or JSON value; ``None`` = not given) and call the library.

    Raises:
        InvalidInputError: a field unknown to ``kind``, a required field missing, a value that
            does not convert, or whatever the library refuses.
    """
    values: dict[str, Any] = {}
    for name, value in raw.items():
        field = kind.field(name)
        if field is None:
            raise InvalidInputError(name, value, f"not a field of {kind.name}; its fields: {_names(kind)}")
        if value is None or value == "":
            continue
        values[name] = convert(field, value)
    for field in kind.fields:
        if field.required and field.name not in values:
            raise InvalidInputError(field.name, None, f"required for {kind.name} ({_SHAPE[field.type]})")
    return kind.call(values)


def _names(kind: Kind) -> str:
    return ", ".join(f.name for f in kind.fields)


# --- the calculations ---------------------------------------------------------------------------

_ON = Field("on", "date", "the day whose dated parameters apply (KGSt hours, Berechnungstage)")
_OVERRIDES = Field("overrides", "mapping", "individually negotiated parameter values, e.g. berechnungstage=360")
_AUDIT = Field(
    "audit",
    "choice",
    "quality (LRV A.8), billing (A.6.2) or effectiveness (A.8.4)",
    choices=("quality", "billing", "effectiveness"),
)
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
_BASIS_NAMES = tuple(f.name for f in _BASIS)


def _split_basis(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    basis = {k: v for k, v in values.items() if k in _BASIS_NAMES}
    rest = {k: v for k, v in values.items() if k not in _BASIS_NAMES}
    return basis, rest


def _fachmodul_wohnen(values: dict[str, Any]) -> Result:
    basis, rest = _split_basis(values)
    return eghnrw.fachmodul_wohnen_rate(basis=basis, **rest)


def _tagesstruktur(values: dict[str, Any]) -> Result:
    basis, rest = _split_basis(values)
    intensity = rest.pop("intensity")
    return eghnrw.tagesstruktur_rate(intensity=intensity, bases={intensity: basis}, **rest)


def _call(function: str) -> Callable[[dict[str, Any]], Result]:
    """Call ``eghnrw.<function>`` with the converted values (looked up on use: the CLI loads light)."""

    def call(values: dict[str, Any]) -> Result:
        result: Result = getattr(eghnrw, function)(**values)
        return result

    return call


def _kinds() -> tuple[Kind, ...]:
    return (
        Kind(
            "hourly-rate",
            "Stundensatz: Brutto-Personalkosten × (1 + Zuschläge) ÷ Jahresarbeitsstunden",
            "LRV A.4.6 Abs. 2 (KGSt-Normalarbeitszeit), A.4.6.1, A.2.2 Abs. 1 d; RULES M1, M2",
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
            _call("hourly_rate"),
            "eghnrw hourly-rate --annual-personnel-cost 63360 --on 2024-01-01",
        ),
        Kind(
            "surcharge",
            "Zuschlag: percent of a base, rounded to the cent",
            "LRV A.2.2 Abs. 1 d, A.4.6.1 (B.1.5.3, B.1.6.2 for children's services); RULES M3",
            (
                Field("base", "amount", "the base (Brutto-Personalkosten)", required=True),
                Field("percent", "amount", "the surcharge in percent", required=True),
                Field("name", "text", "what the surcharge is for (e.g. gemeinkosten)"),
                Field("plausibility_percent", "amount", "the plausibility value, to report the deviation"),
                _SURCHARGE_RULE,
            ),
            _call("surcharge"),
            "eghnrw surcharge --base 50000 --percent 17.5",
        ),
        Kind(
            "daily-rate",
            "Tagessatz: annual cost ÷ (places × days × occupancy)",
            "LRV A.4.5 Abs. 2, B.4.6 Abs. 2, B.4.7 Abs. 10, B.4.10 Abs. 2; RULES M4",
            (
                Field("annual_cost", "amount", "agreed annual cost", required=True),
                Field("places", "int", "agreed capacity (places)", required=True),
                Field(
                    "occupancy_percent", "amount", "agreed occupancy in percent, above 0, at most 100", required=True
                ),
                Field("days", "amount", "Berechnungstage per place (default: the dated parameter for --on)"),
                _ON,
                _OVERRIDES,
            ),
            _call("daily_rate"),
            "eghnrw daily-rate --annual-cost 1000000 --places 20 --occupancy-percent 95 --days 365",
        ),
        Kind(
            "fachmodul-wohnen",
            "Tagessatz Fachmodul Wohnen from its cost basis (staff key, costs, occupancy)",
            "LRV B.4.6 Abs. 2, A.4.5 Abs. 2, A.4.6 Abs. 3, A.4.6.1, A.2.2 Abs. 1 d; RULES M4 (Anlage B: inputs)",
            (*_BASIS, _ON, _OVERRIDES),
            _fachmodul_wohnen,
            "eghnrw fachmodul-wohnen --places 24 --occupancy-percent 96 --posts-per-place 0.25 "
            "--cost-per-post 60000 --surcharges-percent sachaufwand=10 --days 365",
        ),
        Kind(
            "tagesstruktur",
            "Tagessatz Fachmodul Tagesstruktur for one Nutzungsintensität",
            "LRV B.4.10 Abs. 2, A.4.5 Abs. 2; RULES M4 (Anlage B not public: inputs)",
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
            ),
            _tagesstruktur,
            "eghnrw tagesstruktur --intensity intensitaet_1 --places 12 --occupancy-percent 100 "
            "--posts-per-place 0.2 --cost-per-post 55000 --days 250",
        ),
        Kind(
            "organisationsmodul",
            "Organisationsmodul: Tagessatz je Person from Leitung/Verwaltung, Sachaufwand, Investitionsbetrag",
            "LRV B.4.7 Abs. 3–10, A.4.5 Abs. 2; RULES M5",
            (
                Field("persons", "int", "agreed capacity: persons served", required=True),
                Field(
                    "posts_per_person",
                    "amount",
                    "Personalschlüssel Leitung/Verwaltung: posts per person",
                    required=True,
                ),
                Field("cost_per_post", "amount", "annual cost of one post", required=True),
                Field(
                    "sachaufwand_percent", "amount", "Sachaufwand in % on Brutto-Personalkosten (Abs. 6)", required=True
                ),
                Field("investment", "amount", "Investitionsbetrag before public subsidies (Abs. 7)", required=True),
                Field("occupancy_percent", "amount", "agreed occupancy in percent", required=True),
                Field("public_subsidies", "amount", "public subsidies to credit (Abs. 8)"),
                Field("operating_costs", "amount", "Betriebsnebenkosten of the Fachleistungsfläche"),
                Field("travel_costs", "amount", "einzugsbereichsbezogener Fahrtaufwand, if agreed"),
                Field("care_personnel_cost", "amount", "Betreuungspersonal cost the Sachaufwand applies to"),
                Field("days", "amount", "Berechnungstage (default: the dated parameter for --on)"),
                _ON,
                _OVERRIDES,
                Field("cap_subsidies", "bool", "credit subsidies only up to the investment instead of refusing"),
            ),
            _call("organisationsmodul_rate"),
            "eghnrw organisationsmodul --persons 40 --posts-per-person 0.025 --cost-per-post 70000 "
            "--sachaufwand-percent 10 --investment 30000 --public-subsidies 10000 --operating-costs 5000 "
            "--occupancy-percent 100 --days 365",
        ),
        Kind(
            "shared-delivery",
            "Gemeinsame Inanspruchnahme: cost of hours at a rate, split per person to the cent",
            "§ 116 Abs. 2 SGB IX, LRV A.4.5 Abs. 1, B.4.2 Abs. 3; RULES M6",
            (
                Field("rate", "amount", "the hourly rate", required=True),
                Field("hours", "amount", "hours delivered", required=True),
                Field("participants", "participants", "number of persons, or one weight per person", required=True),
            ),
            _call("shared_delivery"),
            "eghnrw shared-delivery --rate 54.00 --hours 1.5 --participants 3",
        ),
        Kind(
            "kdu",
            "Kosten der Unterkunft: 25-%-Schwelle and the split between SGB XII and Eingliederungshilfe",
            "LRV B.4.14 Abs. 7, § 42a Abs. 5–6 SGB XII, § 113 Abs. 5 SGB IX; RULES M7",
            (
                Field(
                    "actual_costs",
                    "amount",
                    "monthly Warmmiete plus besondere Nebenkosten (whole cents)",
                    required=True,
                ),
                Field("adequacy_limit", "amount", "monthly Angemessenheitsgrenze", required=True),
                Field("itemised", "bool", "the WBVG contract itemises the costs (default true)"),
                Field("preconditions_met", "bool", "Leistungs-/Vergütungsvereinbarung and WBVG contract exist"),
            ),
            _call("kdu_check"),
            "eghnrw kdu --actual-costs 700 --adequacy-limit 500",
        ),
        Kind(
            "personal-means",
            "Persönliche Mittel: at least Regelbedarfsstufe 2",
            "LRV B.4.1 Abs. 1; RULES M8",
            (
                Field("personal_means", "amount", "the monthly personal means a person keeps", required=True),
                Field("on", "date", "the day (Regelbedarfsstufe 2 of that year)", required=True),
                _OVERRIDES,
            ),
            _call("personal_means_check"),
            "eghnrw personal-means --personal-means 500 --on 2024-07-01",
        ),
        Kind(
            "kurzzeitbetreuung",
            "Kurzzeitbetreuung: Versorgungskosten for at most 42 consecutive days",
            "LRV B.4.8 Abs. 4–5; RULES M9",
            (
                Field("first_day", "date", "first day of the stay", required=True),
                Field("last_day", "date", "last day of the stay", required=True),
                Field("versorgung_daily_rate", "amount", "daily rate of the Versorgungskosten"),
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
            _call("kurzzeitbetreuung"),
            "eghnrw kurzzeitbetreuung --first-day 2024-03-01 --last-day 2024-04-12",
        ),
        Kind(
            "verguetungskuerzung",
            "Vergütungskürzung for the period of a Pflichtverletzung, at most 24 months to the day",
            "LRV A.8.5 Abs. 1, § 129 Abs. 1 SGB IX; RULES M11",
            (
                Field("amount", "amount", "the Kürzungsbetrag (whole cents)", required=True),
                Field("first_day", "date", "first day of the Pflichtverletzung", required=True),
                Field("last_day", "date", "last day of the Pflichtverletzung (or --months)"),
                Field("months", "int", "length of the period in whole months, 1 to 24 (or --last-day)"),
                Field("monthly_parts", "bool", "also spread the amount over equal monthly parts"),
            ),
            _call("verguetungskuerzung"),
            "eghnrw verguetungskuerzung --amount 1000.00 --first-day 2022-03-01 --last-day 2024-02-29",
        ),
        Kind(
            "rv-termination",
            "Kündigung der Rahmenvereinbarung: end date, last day for notice",
            "RV § 19 Abs. 1–3, § 188 Abs. 2 BGB (not moved by § 193 BGB, BGH III ZR 172/04); RULES D1",
            (
                Field("notice_received", "date", "the day the written notice was received", required=True),
                Field("shift_to_werktag", "bool", "the other reading: move a 30.09 off weekends and holidays"),
            ),
            _call("rv_termination"),
            "eghnrw rv-termination --notice-received 2026-09-30",
        ),
        Kind(
            "rv-period",
            "Gültigkeitsperiode der Rahmenvereinbarung on a day, and the last day for notice",
            "RV § 19 Abs. 1–2; RULES D1",
            (
                Field("on", "date", "the day asked about", required=True),
                Field("shift_to_werktag", "bool", "the other reading: move a 30.09 off weekends and holidays"),
            ),
            _call("rv_current_period"),
            "eghnrw rv-period --on 2027-05-01",
        ),
        Kind(
            "lrv-termination",
            "Kündigung des Landesrahmenvertrags: termination date and Nachwirkung",
            "LRV C.4 Abs. 1–4, §§ 187 Abs. 1, 188 Abs. 2–3 BGB; RULES D3",
            (
                Field("notice_received", "date", "the day the Geschäftsstelle received the notice", required=True),
                Field("replaced_on", "date", "the day new provisions take effect (ends the Nachwirkung)"),
                Field("parts", "list", "the parts terminated, e.g. B.4.9 (default: the whole LRV)"),
                Field("party", "text", "the party giving notice"),
                Field("side", "choice", "the party's side", choices=tuple(side.value for side in Side)),
                Field("signed_on", "date", "the day the LRV was signed"),
                Field(
                    "aftereffect_counting",
                    "choice",
                    "count the Nachwirkung from the event (default) or the start of the next day",
                    choices=("event", "start_of_day"),
                ),
            ),
            _call("lrv_termination"),
            "eghnrw lrv-termination --notice-received 2024-03-15",
        ),
        Kind(
            "termination-timeline",
            "Every date a notice of termination produces, in order (LRV or RV)",
            "LRV C.4, RV § 19; RULES D1, D3",
            (
                Field("notice_received", "date", "the day the notice was received", required=True),
                Field("agreement", "choice", "which agreement (default LRV)", choices=("LRV", "RV")),
                Field("replaced_on", "date", "LRV: the day new provisions take effect"),
                Field("parts", "list", "LRV: the parts terminated"),
                Field("party", "text", "LRV: the party giving notice"),
                Field("side", "choice", "LRV: the party's side", choices=tuple(side.value for side in Side)),
            ),
            _call("termination_timeline"),
            "eghnrw termination-timeline --notice-received 2024-03-15",
        ),
        Kind(
            "schiedsstelle",
            "From when the Schiedsstelle can be called (three months after the request to negotiate)",
            "§ 126 Abs. 2 SGB IX, LRV A.2.3 Abs. 3, A.3.2 Abs. 2; RULES D4",
            (
                Field("negotiation_requested", "date", "the day a party asked to negotiate", required=True),
                Field("documents_received", "date", "the day the first part of the checklist documents arrived"),
                Field("shift_to_werktag", "bool", "the other reading: move the end off weekends and holidays"),
            ),
            _call("schiedsstelle_window"),
            "eghnrw schiedsstelle --negotiation-requested 2024-05-15",
        ),
        Kind(
            "audit-window",
            "Whether an audit may cover a period: 5 calendar years back, at most 24 months",
            "LRV A.8.2 Abs. 2, 7, A.6.2.2 Abs. 1, 4, A.8.4 Abs. 1; RULES D5, D14",
            (
                Field("audit_notice", "date", "the day of the audit notice (Prüfungsmitteilung)", required=True),
                Field("period_start", "date", "first day of the audited period", required=True),
                Field("period_end", "date", "last day of the audited period", required=True),
                _AUDIT,
                Field("calendar_years", "bool", "read '5 Kalenderjahre' as whole calendar years (default true)"),
                Field("widened_on", "date", "the day a widening of the audit was notified (A.8.2 Abs. 7)"),
                Field("widened_period_start", "date", "first day of the widened period"),
                Field("widened_period_end", "date", "last day of the widened period"),
                Field(
                    "widening_reach",
                    "choice",
                    "count the widened period's 5 years from the widening or the audit notice",
                    choices=("widening_notice", "audit_notice"),
                ),
                Field(
                    "effectiveness_period",
                    "choice",
                    "effectiveness audit: a whole calendar year or any period within one (A.8.4 Abs. 1)",
                    choices=("whole_year", "within_year"),
                ),
            ),
            _call("audit_window_check"),
            "eghnrw audit-window --audit-notice 2024-03-15 --period-start 2019-01-01 --period-end 2020-12-31",
        ),
        Kind(
            "audit-timeline",
            "Every deadline of an audit after its last day, and the § 129 window",
            "LRV A.8.2 Abs. 9, A.8.3 Abs. 2, A.6.2.3, A.8.5 Abs. 1-2, § 193 BGB; RULES D6, D7, D12, D14",
            (
                Field("last_audit_day", "date", "the last day of the audit", required=True),
                _AUDIT,
                Field("closing_meeting_held", "date", "the day the closing meeting was actually held"),
                Field("draft_report_notified", "date", "the day the draft report was notified"),
                Field("clarified_on", "date", "billing audit: the day of the clarification"),
                Field("final_report_notified", "date", "quality audit: the day the final report was notified"),
                Field("saturday_is_werktag", "bool", "Saturdays count as Werktage (default true)"),
                Field("widened_on", "date", "the day a widening of the audit was notified (A.8.2 Abs. 7)"),
            ),
            _call("audit_timeline"),
            "eghnrw audit-timeline --last-audit-day 2024-10-31",
        ),
        Kind(
            "hospital-report",
            "Last day to report a need for assistance in hospital (three Werktage)",
            "LRV B.4.12 Abs. 3, § 193 BGB; RULES D10",
            (
                Field("learned_on", "date", "the day the need became known", required=True),
                Field("saturday_is_werktag", "bool", "Saturdays count as Werktage (default true)"),
            ),
            _call("hospital_need_report"),
            "eghnrw hospital-report --learned-on 2024-05-29",
        ),
        Kind(
            "commission-vote",
            "Gemeinsame Kommission: quorum (a majority of each side) and unanimity of the votes cast",
            "LRV A.9.1, A.9.7; RULES C7",
            (
                Field("providers_present", "int", "voting provider-side members present (of 14)", required=True),
                Field("authorities_present", "int", "voting Träger-side members present (of 14)", required=True),
                Field("yes", "int", "votes for", required=True),
                Field("no", "int", "votes against", required=True),
                Field("abstain", "int", "abstentions", required=True),
                Field(
                    "count_kommunale_spitzenverbaende",
                    "bool",
                    "count the two kommunale Spitzenverbände seats on the Träger side (default true)",
                ),
            ),
            _call("commission_vote"),
            "eghnrw commission-vote --providers-present 8 --authorities-present 8 --yes 15 --no 0 --abstain 1",
        ),
    )


#: Every calculation by its name (the subcommand and the ``kind`` of a case).
KINDS: Final[dict[str, Kind]] = {kind.name: kind for kind in _kinds()}


def case_schema() -> dict[str, Any]:
    """The JSON Schema of one case of a case file: ``kind`` picks the calculation, the other keys its fields."""
    json_types: dict[str, dict[str, Any]] = {
        "amount": {"type": ["string", "integer", "number"], "description": _SHAPE["amount"]},
        "int": {"type": ["integer", "string"]},
        "date": {"type": "string", "format": "date"},
        "bool": {"type": ["boolean", "string"]},
        "mapping": {"type": ["object", "string"], "additionalProperties": {"type": ["string", "integer", "number"]}},
        "list": {"type": ["array", "string"], "items": {"type": "string"}},
        "text": {"type": "string"},
        "choice": {"type": "string"},
        "participants": {"type": ["integer", "string", "array"]},
    }
    variants = []
    for kind in KINDS.values():
        properties: dict[str, Any] = {
            "kind": {"const": kind.name},
            "id": {"type": ["string", "integer"], "description": "your reference, echoed in the output"},
        }
        for f in kind.fields:
            schema = dict(json_types[f.type])
            if f.choices:
                schema["enum"] = list(f.choices)
            properties[f.name] = {**schema, "description": f.help}
        variants.append(
            {
                "title": kind.name,
                "description": f"{kind.summary} ({kind.clauses})",
                "type": "object",
                "properties": properties,
                "required": ["kind", *(f.name for f in kind.fields if f.required)],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "eghnrw case",
        "description": "One case of a file for `eghnrw run`; a CSV file has the same names as columns.",
        "oneOf": variants,
    }
