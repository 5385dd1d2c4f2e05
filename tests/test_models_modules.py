"""C10: the service modules of LRV B.4.1 Abs. 2, a discriminated union on ``kind``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.core.errors import EghnrwError, InvalidInputError
from eghnrw.kommission.models import (
    MODULE_KINDS,
    Assistenz,
    AssistenzKind,
    FachmodulTagesstruktur,
    FachmodulWohnen,
    Mobilitaet,
    Module,
    Nutzungsintensitaet,
    Organisationsmodul,
    PflegefamilienLVR,
    PflegefamilienLWL,
    parse_module,
)

EXAMPLES = {
    "assistenz": (
        Assistenz,
        {
            "kind": "assistenz",
            "assistenz": "qualifizierte_assistenz",
            "annual_personnel_cost": "63360",
            "surcharges_percent": {"gemeinkosten": "20", "sachaufwand": "15"},
        },
    ),
    "fachmodul_wohnen": (
        FachmodulWohnen,
        {
            "kind": "fachmodul_wohnen",
            "annual_cost": "1000000",
            "places": 20,
            "occupancy_percent": "95",
            "days": 365,
            "elements": ["praesenz", "hauswirtschaft"],
        },
    ),
    "pflegefamilien_lvr": (
        PflegefamilienLVR,
        {
            "kind": "fachmodul_pflegefamilien",
            "landschaftsverband": "LVR",
            "hourly_rate": "52.10",
            "hours_per_month": "10",
            "flat_rate": "350",
            "flat_rate_period": "month",
        },
    ),
    "pflegefamilien_lwl": (
        PflegefamilienLWL,
        {
            "kind": "fachmodul_pflegefamilien",
            "landschaftsverband": "LWL",
            "flat_rate": "900",
            "flat_rate_period": "month",
        },
    ),
    "fachmodul_tagesstruktur": (
        FachmodulTagesstruktur,
        {
            "kind": "fachmodul_tagesstruktur",
            "nutzungsintensitaet": "intensitaet_2",
            "staffing": {
                "posts_per_place": "0.2",
                "cost_per_post": "55000",
                "surcharges_percent": {"sachaufwand": "10"},
            },
            "places": 30,
            "occupancy_percent": "90",
            "days": 230,
        },
    ),
    "mobilitaet": (Mobilitaet, {"kind": "mobilitaet", "agreed_rate": "18.40", "rate_period": "trip"}),
    "organisationsmodul": (
        Organisationsmodul,
        {
            "kind": "organisationsmodul",
            "cost_per_post": "75000",
            "posts_per_person": "0.025",
            "sachaufwand_percent": "12",
            "investment": "30000",
            "public_subsidies": "5000",
            "operating_costs": "8000",
            "persons": 40,
            "occupancy_percent": "95",
            "days": 365,
        },
    ),
}


def test_six_module_kinds_in_the_order_of_b_4_1_abs_2():
    assert MODULE_KINDS == (
        "assistenz",
        "fachmodul_wohnen",
        "fachmodul_pflegefamilien",
        "fachmodul_tagesstruktur",
        "mobilitaet",
        "organisationsmodul",
    )
    assert {data["kind"] for _, data in EXAMPLES.values()} == set(MODULE_KINDS)
    assert len(AssistenzKind) == 4
    assert len(Nutzungsintensitaet) == 2


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_kind_is_chosen_by_its_discriminator_and_round_trips(name):
    cls, data = EXAMPLES[name]
    module = parse_module(data)
    assert type(module) is cls
    assert parse_module(module.model_dump_json()) == module
    assert Module.model_validate_json(module.model_dump_json()).root == module
    assert cls(**{k: v for k, v in data.items() if k != "kind"}) == module  # kind has its default


@pytest.mark.parametrize("assistenz", list(AssistenzKind))
def test_four_kinds_of_assistenz(assistenz):
    data = EXAMPLES["assistenz"][1] | {"assistenz": assistenz.value}
    assert parse_module(data).assistenz is assistenz


def test_money_stays_exact_and_serialises_as_plain_strings():
    module = parse_module(EXAMPLES["assistenz"][1] | {"agreed_hourly_rate": Decimal("5E+1")})
    assert module.annual_personnel_cost == Decimal(63360)
    assert module.surcharges_percent == {"gemeinkosten": Decimal(20), "sachaufwand": Decimal(15)}
    assert '"agreed_hourly_rate":"50"' in module.model_dump_json()


def test_unknown_kind_is_refused_naming_the_discriminator():
    with pytest.raises(InvalidInputError) as info:
        parse_module({"kind": "fachmodul_freizeit", "annual_cost": "1"})
    assert str(info.value) == (
        "data.kind: got 'fachmodul_freizeit'; pass one of 'assistenz', 'fachmodul_wohnen', "
        "'fachmodul_pflegefamilien', 'fachmodul_tagesstruktur', 'mobilitaet', 'organisationsmodul'"
    )
    assert info.value.errors[0]["type"] == "union_tag_invalid"  # pydantic's list is kept
    assert isinstance(info.value.__cause__, ValidationError)
    with pytest.raises(InvalidInputError, match=r"^data\.kind: got nothing; "):
        parse_module({"annual_cost": "1"})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "data.kind: got nothing; "),
        ({"kind": "mobilitaet", "agreed_rate": "1", "rate_period": "trip", "x": 1}, "data.x: got 1; unknown field"),
        (
            {"kind": "mobilitaet", "agreed_rate": "1.234,56", "rate_period": "trip"},
            "data.agreed_rate: got '1.234,56'; German number format",
        ),
        ("{bad", "data: got '{bad'; Invalid JSON"),
        ('{"kind": "mobilitaet", "agreed_rate": 1.5, "rate_period": "trip"}', "data.agreed_rate: got 1.5; floats"),
        ({"kind": "assistenz"}, "data.assistenz: got nothing; pass this field (it is required) (also data.annual"),
    ],
)
def test_parse_module_speaks_eghnrw_errors_with_the_field_path(data, message):
    with pytest.raises(InvalidInputError) as info:
        parse_module(data)
    assert str(info.value).startswith(message)
    assert "pydantic" not in str(info.value)
    assert "tagged-union" not in str(info.value)


def test_parse_module_refuses_none_naming_data():
    with pytest.raises(EghnrwError, match=r"data"):
        parse_module(None)  # type: ignore[arg-type]


def test_pflegefamilien_variant_chosen_by_landschaftsverband():
    lwl = EXAMPLES["pflegefamilien_lwl"][1]
    with pytest.raises(InvalidInputError) as info:
        parse_module(lwl | {"landschaftsverband": "LVB"})
    assert info.value.argument == "data.landschaftsverband"
    assert info.value.value == "LVB"
    # The LWL variant has one flat rate only: time-based care fields are refused.
    with pytest.raises(InvalidInputError) as info:
        parse_module(lwl | {"hourly_rate": "50"})
    assert info.value.argument == "data.hourly_rate"
    # The LVR variant needs the time-based part.
    lvr = {k: v for k, v in EXAMPLES["pflegefamilien_lvr"][1].items() if k != "hours_per_month"}
    with pytest.raises(InvalidInputError) as info:
        parse_module(lvr)
    assert info.value.argument == "data.hours_per_month"


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("assistenz", "annual_personnel_cost", 63360.0),
        ("fachmodul_wohnen", "annual_cost", 1e6),
        ("fachmodul_wohnen", "occupancy_percent", "0"),
        ("fachmodul_wohnen", "places", 0),
        ("fachmodul_wohnen", "days", 367),
        ("fachmodul_tagesstruktur", "nutzungsintensitaet", "intensitaet_3"),
        ("mobilitaet", "agreed_rate", 18.4),
        ("organisationsmodul", "posts_per_person", "-0.1"),
        ("organisationsmodul", "sachaufwand_percent", "-1"),
        ("organisationsmodul", "public_subsidies", "30000.01"),
    ],
)
def test_bad_module_fields_name_the_field(name, field, value):
    data = EXAMPLES[name][1] | {field: value}
    with pytest.raises(InvalidInputError) as info:
        parse_module(data)
    assert info.value.argument == f"data.{field}"
    assert str(info.value.value) == str(value)


def test_float_in_a_module_says_what_to_pass():
    with pytest.raises(InvalidInputError, match=r'^data.annual_personnel_cost: got 63360.5; .* such as "63360.5"'):
        parse_module(EXAMPLES["assistenz"][1] | {"annual_personnel_cost": 63360.5})


def test_modules_are_frozen():
    module = parse_module(EXAMPLES["mobilitaet"][1])
    with pytest.raises(ValidationError, match=r"frozen"):
        module.agreed_rate = Decimal(1)  # type: ignore[misc]


@pytest.mark.parametrize("name", ["fachmodul_wohnen", "fachmodul_tagesstruktur"])
def test_daily_modules_need_exactly_one_cost_basis(name):
    data = {k: v for k, v in EXAMPLES[name][1].items() if k not in {"annual_cost", "staffing"}}
    with pytest.raises(InvalidInputError, match=r"^data\.annual_cost: got None; pass either annual_cost or staffing"):
        parse_module(data)
    both = data | {"annual_cost": "1", "staffing": {"posts_per_place": "0.1", "cost_per_post": "50000"}}
    with pytest.raises(InvalidInputError, match="exactly one of them"):
        parse_module(both)
    without_days = parse_module({k: v for k, v in EXAMPLES[name][1].items() if k != "days"})
    assert without_days.days is None
