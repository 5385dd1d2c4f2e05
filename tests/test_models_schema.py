"""The JSON Schema of the input models, and what it promises other software."""

from __future__ import annotations

import json

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import INPUT_MODELS, input_schema


def test_document_lists_every_input_model():
    schema = input_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "eghnrw input models"
    assert [ref["$ref"] for ref in schema["anyOf"]] == [f"#/$defs/{name}" for name in INPUT_MODELS]
    assert set(INPUT_MODELS) <= set(schema["$defs"])
    json.dumps(schema)  # serialisable as it is


def test_schema_refuses_unknown_keys_and_floats_for_money():
    defs = input_schema()["$defs"]
    assert all(defs[name].get("additionalProperties") is False for name in INPUT_MODELS if name != "Module")
    money = defs["Kostenbestandteile"]["properties"]["personnel_costs"]
    assert money["anyOf"] == [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^[+-]?(\d+(\.\d*)?|\.\d+)$"},
    ]
    assert "number" not in json.dumps(defs["Kostenbestandteile"])


def test_schema_of_the_commission_and_the_eleven_items():
    defs = input_schema()["$defs"]
    sitting = defs["Sitting"]["properties"]
    assert [sitting[g]["maximum"] for g in ("freie_wohlfahrtspflege", "privat_gewerblich", "oeffentliche_traeger")] == [
        10,
        3,
        1,
    ]
    assert [sitting[g]["maximum"] for g in ("lvr", "lwl", "kommunale_spitzenverbaende", "interessenvertretungen")] == [
        6,
        6,
        2,
        3,
    ]
    assert defs["CommissionMember"]["properties"]["deputies"]["maxItems"] == 2
    required = set(defs["Leistungsvereinbarung"]["required"])
    assert len(required - {"leistungserbringer", "traeger", "leistungsbereich"}) == 11


def test_module_schema_is_a_discriminated_union():
    module = input_schema("Module")
    assert module["discriminator"]["propertyName"] == "kind"
    assert sorted(module["discriminator"]["mapping"]) == [
        "assistenz",
        "fachmodul_pflegefamilien",
        "fachmodul_tagesstruktur",
        "fachmodul_wohnen",
        "mobilitaet",
        "organisationsmodul",
    ]


def test_one_model_by_name_and_unknown_name():
    assert input_schema("Person")["title"] == "Person"
    with pytest.raises(InvalidInputError, match=r"^model: got 'Nobody'"):
        input_schema("Nobody")


def test_input_schema_refuses_an_unhashable_model_name():
    with pytest.raises(InvalidInputError, match=r"^model"):
        input_schema([])  # type: ignore[arg-type]
