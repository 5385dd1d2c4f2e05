"""The House model (M15): JSON in and out, its JSON Schema, refusals that name the field."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources

import pydantic
import pytest

import eghnrw as e
from eghnrw.core.enums import CostKind, SharedRoomsKey
from eghnrw.kommission.models import House, HouseCost, Resident


def example_text() -> str:
    return resources.files("eghnrw.unterkunft.wohnform").joinpath("example_house.json").read_text(encoding="utf-8")


def test_example_round_trips_through_json() -> None:
    house = House.model_validate_json(example_text())
    assert house.name == "Wohnhaus Lindenstraße (Beispiel)"
    assert (house.fachleistung_m2, house.gemeinschaft_m2, house.misch_m2) == (Decimal(120), Decimal(160), Decimal(90))
    assert house.wohnen_m2 == Decimal(160)  # 16 + 16 + 18.5 + 18.5 + 20 + 22 + 24 + 25
    assert house.shared_rooms is SharedRoomsKey.PER_HEAD
    assert [c.kind for c in house.costs] == list(CostKind)
    assert house.residents[6].vacant is True
    assert House.model_validate_json(house.model_dump_json()) == house
    dumped = json.loads(house.model_dump_json())
    assert dumped["costs"][0]["annual_amount"] == "49500.00"  # money stays a string, exactly


def test_defaults() -> None:
    house = House(
        name="Klein",
        fachleistung_m2=Decimal(10),
        costs=(HouseCost(name="Miete", kind=CostKind.KAPITALKOSTEN, annual_amount=Decimal(1200)),),
        residents=(Resident(id="A", room_m2=Decimal(12)),),
        adequacy_limit=Decimal(450),
    )
    assert (house.gemeinschaft_m2, house.misch_m2, house.itemised, house.preconditions_met) == (0, 0, True, True)
    assert house.misch_fachleistung_percent is None
    assert house.misch_fachleistung_m2 is None
    assert (house.residents[0].vacant, house.residents[0].itemised, house.residents[0].warmmiete_charged) == (
        False,
        None,
        None,
    )


def test_json_schema() -> None:
    schema = e.input_schema("House")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"name", "fachleistung_m2", "costs", "residents", "adequacy_limit"}
    assert schema["$defs"]["CostKind"]["enum"] == [
        "kapitalkosten",
        "betriebskosten",
        "ausstattung",
        "besondere_nebenkosten",
    ]
    assert "House" in e.input_schema()["$defs"]


def test_the_example_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(example_text()), e.input_schema("House"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(example_text()) | {"fachleistung_m2": 1.5}, e.input_schema("House"))


@pytest.mark.parametrize(
    ("field", "value"),
    [("room_m2", "0"), ("room_m2", 12.5), ("vacant", "yes"), ("warmmiete_charged", "1.001")],
)
def test_resident_constructor_refuses_naming_the_field(field: str, value: object) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        Resident.model_validate({"id": "A", "room_m2": "12"} | {field: value})
    assert caught.value.errors()[0]["loc"] == (field,)
