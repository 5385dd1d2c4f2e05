"""Command-line kinds read from the rule declarations (eghnrw.doors.cli._derived): no kind is written by hand."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field

import eghnrw
from eghnrw.core._rule import Rule, declarations
from eghnrw.core.enums import Nutzungsintensitaet
from eghnrw.core.params import DATED_ARGUMENTS
from eghnrw.doors import cli
from eghnrw.doors.cli._derived import derived_kinds
from eghnrw.doors.cli._fields import SHAPE
from eghnrw.doors.cli._kind import Kind
from eghnrw.doors.cli._kinds import KINDS
from eghnrw.verguetung.rates.daily import DailyCostBasis
from eghnrw.verguetung.rates.surcharges import SURCHARGE_RULE_ARGUMENT
from fuzz.fuzz_table import BY_NAME

DERIVED = sorted(KINDS)


def _derived() -> dict[str, Kind]:
    return {k.name: k for k in derived_kinds(declarations().values(), taken=())}


def test_a_declared_rule_with_plain_inputs_becomes_a_kind() -> None:
    kind = _derived()["kursgebuehr"]
    assert kind.function == "kursgebuehr"
    assert kind.clauses == "LRV B.4.10 Abs. 3"
    assert [(f.name, f.type, f.required) for f in kind.fields] == [("recognised_fee", "amount", True)]
    assert kind.example == "eghnrw kursgebuehr --recognised-fee 240.00"
    assert kind.run({"recognised_fee": "240.00"}) == eghnrw.kursgebuehr(recognised_fee="240.00")


def test_choices_come_from_the_annotation() -> None:
    audit = _derived()["audit-timetable"].by_name["audit"]
    assert audit.type == "choice"
    assert audit.choices == (
        "billing",
        "quality",
        "effectiveness",
    )  # the Audit Literal of eghnrw.fristen.deadlines.audits


def test_an_enum_also_taken_as_its_text_is_a_choice() -> None:
    # hourly_rate(surcharge_rule: SurchargeRule | str), lrv_termination(side: Side | str | None)
    rule = KINDS["hourly-rate"].by_name["surcharge_rule"]
    assert (rule.type, rule.choices) == (
        "choice",
        ("aufschlagskalkulation", "teilhabe_an_bildung", "assistenz_kinder_familie"),
    )
    side = KINDS["lrv-termination"].by_name["side"]
    assert (side.type, side.choices, side.required) == (
        "choice",
        ("traeger_der_eingliederungshilfe", "leistungserbringer"),
        False,
    )


def test_sequences_are_lists_periods_or_participants() -> None:
    assert KINDS["lrv-termination"].by_name["parts"].type == "list"  # Iterable[str]
    assert KINDS["kurzzeitbetreuung"].by_name["absences"].type == "periods"  # Iterable[tuple[date, date]]
    assert KINDS["shared-delivery"].by_name["participants"].type == "participants"  # int | Sequence[Amount]


def test_help_texts_come_from_the_declaration() -> None:
    fields = KINDS["hourly-rate"].by_name
    assert fields["on"].help == DATED_ARGUMENTS["on"]
    assert fields["surcharge_rule"].help == SURCHARGE_RULE_ARGUMENT
    assert fields["annual_personnel_cost"].help == "annual Brutto-Personalkosten of one full-time post"


def test_a_model_keyword_is_offered_as_the_models_fields_with_their_descriptions() -> None:
    kind = KINDS["fachmodul-wohnen"]
    basis = list(DailyCostBasis.model_fields)
    assert [f.name for f in kind.fields] == [*basis, "on", "overrides", "surcharge_rule"]
    assert (kind.group, kind.grouped, kind.key) == ("basis", frozenset(basis), "")
    assert kind.by_name["places"].help == DailyCostBasis.model_fields["places"].description
    assert {f.name for f in kind.fields if f.required} == {
        "places",
        "occupancy_percent",
        "posts_per_place",
        "cost_per_post",
    }
    values = {
        "places": 24,
        "occupancy_percent": "96",
        "posts_per_place": "0.25",
        "cost_per_post": "60000",
        "days": "365",
    }
    result = kind.run(values)
    # 24 × 0.25 × 60,000 = 360,000 ÷ (24 × 365 × 96 %) = 360,000 ÷ 8,409.6 = 42.8082… → 42.81
    assert result.amount == Decimal("42.81")
    assert result == eghnrw.fachmodul_wohnen_rate(basis=values)


def test_a_mapping_from_a_choice_to_a_model_takes_the_model_of_that_choice() -> None:
    kind = KINDS["tagesstruktur"]
    assert (kind.group, kind.key) == ("bases", "intensity")
    assert [f.name for f in kind.fields][:2] == ["intensity", "places"]
    basis = {
        "places": 12,
        "occupancy_percent": "100",
        "posts_per_place": "0.2",
        "cost_per_post": "55000",
        "days": "250",
    }
    result = kind.run({"intensity": "intensitaet_2", **basis})
    # 12 × 0.2 × 55,000 = 132,000 ÷ (12 × 250 × 100 %) = 132,000 ÷ 3,000 = 44.00
    assert (result.amount, result.intensity) == (Decimal("44.00"), Nutzungsintensitaet.INTENSITAET_2)
    assert result == eghnrw.tagesstruktur_rate(intensity="intensitaet_2", bases={"intensitaet_2": basis})


#: The options of the kinds once written out by hand (``*``: required), as they were: read from
#: the declarations, each keeps its options, their types and which are required.
BEFORE = {
    "hourly-rate": "*annual_personnel_cost:amount surcharges_percent:mapping annual_hours:amount weekly_hours:amount "
    "on:date overrides:mapping surcharge_rule:choice billable_share_percent:amount billable_hours:amount",
    "surcharge": "*base:amount *percent:amount name:text plausibility_percent:amount surcharge_rule:choice",
    "fachmodul-wohnen": "*places:int *occupancy_percent:amount *posts_per_place:amount *cost_per_post:amount "
    "surcharges_percent:mapping other_annual_costs:amount days:amount on:date overrides:mapping surcharge_rule:choice",
    "tagesstruktur": "*intensity:choice *places:int *occupancy_percent:amount *posts_per_place:amount "
    "*cost_per_post:amount surcharges_percent:mapping other_annual_costs:amount days:amount on:date "
    "overrides:mapping surcharge_rule:choice",
    "shared-delivery": "*rate:amount *hours:amount *participants:participants",
    "kurzzeitbetreuung": "*first_day:date *last_day:date versorgung_daily_rate:amount absences:periods "
    "interruption:choice approved_on:date emergency:bool place:choice housing_daily_cost:amount",
    "lrv-termination": "*notice_received:date replaced_on:date parts:list party:text side:choice signed_on:date "
    "aftereffect_counting:choice",
    "termination-timeline": "*notice_received:date agreement:choice replaced_on:date parts:list party:text side:choice",
}
EXAMPLES = {
    "hourly-rate": "--annual-personnel-cost 63360 --on 2024-01-01",
    "surcharge": "--base 50000 --percent 17.5",
    "fachmodul-wohnen": "--places 24 --occupancy-percent 96 --posts-per-place 0.25 --cost-per-post 60000 "
    "--surcharges-percent sachaufwand=10 --days 365",
    "tagesstruktur": "--intensity intensitaet_1 --places 12 --occupancy-percent 100 --posts-per-place 0.2 "
    "--cost-per-post 55000 --days 250",
    "shared-delivery": "--rate 54.00 --hours 1.5 --participants 3",
    "kurzzeitbetreuung": "--first-day 2024-03-01 --last-day 2024-04-12",
    "lrv-termination": "--notice-received 2024-03-15",
    "termination-timeline": "--notice-received 2024-03-15",
}


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_the_kinds_once_written_by_hand_keep_their_options_and_example(name: str) -> None:
    kind = KINDS[name]
    assert " ".join(f"{'*' if f.required else ''}{f.name}:{f.type}" for f in kind.fields) == BEFORE[name]
    assert kind.example == f"eghnrw {name} {EXAMPLES[name]}"
    assert all(f.help and "(" + f.name.replace("_", " ") not in f.help for f in kind.fields)  # declared, not made up


def test_derived_fields_are_the_function_keywords() -> None:
    for kind in _derived().values():
        keywords = list(inspect.signature(getattr(eghnrw, kind.function)).parameters)
        grouped = [f.name for f in kind.fields if f.name in kind.grouped]
        at = keywords.index(kind.group) if kind.group else 0
        expected = keywords[:at] + grouped + keywords[at + 1 :] if kind.group else keywords
        assert [f.name for f in kind.fields] == expected


def test_a_rule_with_a_structured_input_is_left_to_its_own_command() -> None:
    assert "kalkulation" not in _derived()  # posts: a list of models
    assert "wohnform-split" not in _derived()  # house: a model with lists of models
    assert "module-rate" not in _derived()  # one of several models
    assert "assistenz-hourly-rate" not in _derived()  # table: an optional model
    assert "audit-needs-cause" not in _derived()  # its keyword kind is the kind of a case (and a parser default)


def test_taken_names_and_functions_are_skipped() -> None:
    assert "kursgebuehr" not in {k.name for k in derived_kinds(declarations().values(), taken={"kursgebuehr"})}


# --- the reading of annotations is general: made-up rules, never declared ------------------------------


class _Part(BaseModel):
    name: str


class _Costs(BaseModel):
    places: int = Field(description="how many places")
    cost: Decimal
    parts: list[_Part] = Field(default_factory=list)


class _Plain(BaseModel):
    places: int = Field(description="how many places")
    cost: Decimal


class _Colour(Enum):
    RED = "red"
    BLUE = "blue"


def _keyed(
    *, colour: _Colour | str, by_colour: Mapping[_Colour, _Plain] | Mapping[str, Any], on: date | None = None
) -> Any:
    return colour, by_colour, on


def _optional_model(*, basis: _Plain | Mapping[str, Any] | None = None) -> Any:
    return basis


def _clashing(*, basis: _Plain | Mapping[str, Any], places: int) -> Any:
    return basis, places


def _unkeyed(*, by_colour: Mapping[_Colour, _Plain] | Mapping[str, Any]) -> Any:
    return by_colour


def _with_list_field(*, basis: _Costs | Mapping[str, Any]) -> Any:
    return basis


def _other_sequences(*, values: Iterable[Decimal | int | str], pair: tuple[str, str], kind: Literal["a", "b"]) -> Any:
    return values, pair, kind


def _named_like_an_option(*, kind: str, lang: str) -> Any:
    return kind, lang


def _kind_of(function: Any, **declared: Any) -> Kind | None:
    kinds = derived_kinds([Rule(function, ("X1",), ("LRV A.1",), command="made-up", **declared)])
    return kinds[0] if kinds else None


def test_a_made_up_keyed_model_is_read_from_its_annotations() -> None:
    kind = _kind_of(_keyed, example={"colour": "blue", "by_colour": {"blue": {"places": 3, "cost": "10"}}})
    assert kind is not None
    assert [(f.name, f.type, f.required, f.choices) for f in kind.fields] == [
        ("colour", "choice", True, ("red", "blue")),
        ("places", "int", True, ()),
        ("cost", "amount", True, ()),
        ("on", "date", False, ()),
    ]
    assert kind.by_name["places"].help == "how many places"
    assert kind.by_name["cost"].help == f"cost ({SHAPE['amount']})"  # no description: its name and shape
    assert (kind.group, kind.key) == ("by_colour", "colour")
    assert kind.example == "eghnrw made-up --colour blue --places 3 --cost 10"


@pytest.mark.parametrize(
    "function", [_optional_model, _clashing, _unkeyed, _with_list_field, _other_sequences, _named_like_an_option]
)
def test_what_cannot_be_offered_as_options_gives_no_kind(function: Any) -> None:
    assert _kind_of(function) is None


def _option_text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Mapping):
        return ",".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ",".join("..".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)
    return str(value)


def test_the_command_offers_every_rule_with_plain_inputs() -> None:
    # every rule with plain inputs: its fields, their help and its example read from the declaration;
    # these at least (a rule added later joins them without a line here)
    assert set(DERIVED) >= {
        "admission-duty",
        "area-split",
        "audit-timeline",
        "audit-timetable",
        "audit-window",
        "commission-chair",
        "commission-vote",
        "daily-rate",
        "deputies-check",
        "evaluation-period-check",
        "evaluation-proposal-deadline",
        "fachmodul-wohnen",
        "hospital-report",
        "hourly-rate",
        "is-leistungserbringer",
        "kdu",
        "kursgebuehr",
        "kurzzeitbetreuung",
        "lrv-in-force",
        "lrv-termination",
        "organisationsmodul",
        "personal-means",
        "pflegefamilie-verguetung",
        "quality-breach-presumed",
        "reaudit-check",
        "reduction-schiedsstelle-window",
        "resident-shares",
        "rv-period",
        "rv-termination",
        "schiedsstelle",
        "schiedsstelle-without-checklist",
        "shared-delivery",
        "surcharge",
        "surcharge-schedule",
        "tagesstruktur",
        "termination-timeline",
        "verguetung-applies",
        "verguetungskuerzung",
        "warmmiete-check",
        "working-group-meeting-demand",
    }
    assert set(KINDS) == set(_derived())


def _arguments(kind: Kind) -> list[str]:
    """The command line of the kind's fuzz-table call: a model keyword given by its fields."""
    spec = BY_NAME[kind.function]
    given = {arg.name: arg.valid for arg in spec.args if arg.valid is not None}
    inner = given.pop(kind.group, {})
    given |= inner[given[kind.key]] if kind.key else inner
    args: list[str] = [kind.name]
    for name, value in given.items():
        field = kind.field(name)
        assert field is not None, name
        if field.type == "bool":
            args.append(field.option if value else "--no-" + field.option[2:])
        else:
            args += [field.option, _option_text(value)]
    return args


@pytest.mark.parametrize("name", DERIVED)
def test_a_derived_subcommand_prints_what_the_python_call_explains(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    kind = KINDS[name]
    assert cli.main(_arguments(kind)) == 0
    out = capsys.readouterr().out
    expected = BY_NAME[kind.function].call().explain()
    assert expected.splitlines()[:-1] == out.splitlines()[: len(expected.splitlines()) - 1]
