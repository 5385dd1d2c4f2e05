"""C1, C3, C4, C5: providers, Leistungs- and Vergütungsvereinbarungen, cost components."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.kommission.models import (
    LEISTUNGSVEREINBARUNG_ITEMS,
    Kostenbestandteile,
    Leistungsvereinbarung,
    Provider,
    Verguetungsvereinbarung,
)

ITEMS = {name: f"Angabe zu {label}" for name, label in LEISTUNGSVEREINBARUNG_ITEMS}
LV = {"leistungserbringer": "Beispiel gGmbH", "traeger": "LVR", "leistungsbereich": "soziale_teilhabe"} | ITEMS
VV = {
    "leistungserbringer": "Beispiel gGmbH",
    "traeger": "LVR",
    "concluded_on": date(2024, 11, 15),
    "period_start": date(2025, 1, 1),
    "period_end": date(2025, 12, 31),
}
KOSTEN = {
    "personnel_costs": "800000",
    "material_costs": "50000.50",
    "management_costs": "90000",
    "investment": "60000",
    "places": 24,
    "occupancy_percent": "95",
}


def test_the_eleven_items_of_a_3_4_abs_2_in_order():
    assert [label for _, label in LEISTUNGSVEREINBARUNG_ITEMS] == [
        "Leistungsbezeichnung",
        "Rechtsgrundlage",
        "Ziel der Leistung",
        "Personenkreis",
        "Art und Inhalt der Leistung",
        "Umfang der Leistung",
        "Qualität und Wirksamkeit",
        "Personelle Ausstattung/ Personalqualifikation",
        "Sächliche Ausstattung",
        "Betriebsnotwendige Anlagen des Leistungserbringers",
        "Dokumentation und Nachweise",
    ]
    lv = Leistungsvereinbarung(**LV, fachkonzept_extrakt="Extrakt")
    assert len(lv.items()) == 11
    assert lv.items()["Dokumentation und Nachweise"] == "Angabe zu Dokumentation und Nachweise"


@pytest.mark.parametrize(("name", "_label"), LEISTUNGSVEREINBARUNG_ITEMS)
def test_a_missing_item_is_refused_naming_it(name, _label):
    data = {k: v for k, v in LV.items() if k != name} | {"fachkonzept_extrakt": "Extrakt"}
    with pytest.raises(ValidationError) as info:
        Leistungsvereinbarung(**data)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [((name,), "missing")]


def test_an_empty_item_is_refused():
    with pytest.raises(ValidationError) as info:
        Leistungsvereinbarung(**LV | {"umfang": "   "}, fachkonzept_extrakt="Extrakt")
    assert info.value.errors()[0]["loc"] == ("umfang",)


def test_fachkonzept_or_its_extrakt():
    with pytest.raises(ValidationError, match=r"fachkonzept_extrakt: got None; in Soziale Teilhabe"):
        Leistungsvereinbarung(**LV, fachkonzept="Fachkonzept")
    other = LV | {"leistungsbereich": "teilhabe_am_arbeitsleben"}
    with pytest.raises(ValidationError, match=r"fachkonzept: got None"):
        Leistungsvereinbarung(**other)
    with pytest.raises(ValidationError, match=r"only in Soziale Teilhabe"):
        Leistungsvereinbarung(**other, fachkonzept="F", fachkonzept_extrakt="E")
    assert Leistungsvereinbarung(**other, fachkonzept="F").fachkonzept == "F"
    # In Soziale Teilhabe the Fachkonzept may be given as the basis of negotiation (A.3.4 Abs. 4 Satz 3).
    assert Leistungsvereinbarung(**LV, fachkonzept="F", fachkonzept_extrakt="E").fachkonzept_extrakt == "E"


def test_leistungsvereinbarung_is_frozen_and_refuses_unknown_keys():
    lv = Leistungsvereinbarung(**LV, fachkonzept_extrakt="E")
    with pytest.raises(ValidationError, match=r"frozen"):
        lv.umfang = "mehr"  # type: ignore[misc]
    with pytest.raises(ValidationError) as info:
        Leistungsvereinbarung(**LV, fachkonzept_extrakt="E", preis="1")  # type: ignore[call-arg]
    assert info.value.errors()[0]["loc"] == ("preis",)


def test_kostenbestandteile_a_4_5_abs_2():
    k = Kostenbestandteile(**KOSTEN, costs_42a_abs6="1200")
    assert k.annual_cost == Decimal("1001200.50")
    assert Kostenbestandteile(**KOSTEN).annual_cost == Decimal("1000000.50")


def test_a_float_where_money_is_expected_names_the_field():
    with pytest.raises(ValidationError) as info:
        Kostenbestandteile(**KOSTEN | {"material_costs": 50000.5})
    error = info.value.errors()[0]
    assert error["loc"] == ("material_costs",)
    assert "material_costs: got 50000.5; floats cannot hold cents exactly" in error["msg"]
    with pytest.raises(ValidationError, match=r"floats cannot hold cents exactly"):
        Kostenbestandteile.model_validate_json('{"personnel_costs": 1.5}')


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("personnel_costs", "-1"),
        ("personnel_costs", "1.234,56"),
        ("places", 0),
        ("places", True),
        ("occupancy_percent", "0"),
        ("occupancy_percent", "100.01"),
        ("investment", "NaN"),
    ],
)
def test_bad_cost_components_name_the_field(field, value):
    with pytest.raises(ValidationError) as info:
        Kostenbestandteile(**KOSTEN | {field: value})
    assert info.value.errors()[0]["loc"] == (field,)


def test_verguetungsvereinbarung_fixed_term_prospective_continues():
    vv = Verguetungsvereinbarung(**VV, kosten=KOSTEN)
    assert vv.is_prospective is True
    assert vv.model_copy(update={"concluded_on": date(2025, 2, 1)}).is_prospective is False
    assert vv.applies(date(2026, 5, 1)).answer is True
    assert vv.applies(date(2026, 5, 1), replaced_from=date(2026, 4, 1)).answer is False
    with pytest.raises(ValidationError, match=r"period_end: got"):
        Verguetungsvereinbarung(**VV | {"period_end": date(2024, 12, 31)})
    with pytest.raises(ValidationError) as info:
        Verguetungsvereinbarung(**{k: v for k, v in VV.items() if k != "period_end"})
    assert info.value.errors()[0]["loc"] == ("period_end",)


def test_verguetungsvereinbarung_with_an_unknown_module_kind_names_it():
    with pytest.raises(ValidationError) as info:
        Verguetungsvereinbarung(**VV, modules=[{"kind": "fachmodul_freizeit"}])
    error = info.value.errors()[0]
    assert error["loc"] == ("modules", 0)
    assert error["type"] == "union_tag_invalid"
    assert "'kind'" in error["msg"]


def test_provider_status_c1():
    lv = Leistungsvereinbarung(**LV, fachkonzept_extrakt="E")
    vv = Verguetungsvereinbarung(**VV)
    assert Provider(name="Beispiel gGmbH", leistungsvereinbarungen=(lv,)).status().answer is False
    full = Provider(name="Beispiel gGmbH", leistungsvereinbarungen=(lv,), verguetungsvereinbarungen=(vv,))
    assert full.status().answer is True
    assert full.status(delivers_approved_service=False).answer is False
    assert Provider.model_validate_json(full.model_dump_json()) == full


def test_provider_refuses_someone_elses_agreement():
    vv = Verguetungsvereinbarung(**VV | {"leistungserbringer": "Andere e. V."})
    with pytest.raises(ValidationError, match=r"verguetungsvereinbarungen\[0\].leistungserbringer: got 'Andere e. V.'"):
        Provider(name="Beispiel gGmbH", verguetungsvereinbarungen=(vv,))


def test_dates_from_iso_strings_but_not_datetimes_or_timestamps():
    vv = Verguetungsvereinbarung(**VV | {"period_start": "2025-01-01"})
    assert vv.period_start == date(2025, 1, 1)
    for bad in ("01.01.2025", "2025-02-30", 1735689600, datetime(2025, 1, 1, tzinfo=UTC)):
        with pytest.raises(ValidationError) as info:
            Verguetungsvereinbarung(**VV | {"period_start": bad})
        assert info.value.errors()[0]["loc"] == ("period_start",)


def test_the_earlier_german_field_names_still_work_with_a_warning() -> None:
    # one vocabulary with kalkulation() and the daily rates; the old names go in eghnrw 1.0
    old = {"personalkosten": "800000", "sachkosten": "50000.50", "leitung_und_verwaltung": "90000",
           "investitionsbetrag": "60000", "kapazitaet": 24, "auslastung_percent": "95"}  # fmt: skip
    with pytest.warns(DeprecationWarning, match=r"personalkosten → personnel_costs.*kapazitaet → places"):
        k = Kostenbestandteile(**old)
    assert k == Kostenbestandteile(**KOSTEN)
    with pytest.warns(DeprecationWarning, match=r"Kostenbestandteile.kapazitaet is now places"):
        assert k.kapazitaet == 24
    with pytest.warns(DeprecationWarning, match="investitionsbetrag is now investment"):
        assert k.investitionsbetrag == Decimal(60000)
    assert "personalkosten" not in Kostenbestandteile.model_fields
