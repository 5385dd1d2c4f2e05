"""C2, C11: persons, the six Leistungsbereiche of RV § 1 and the report of RV § 7 Abs. 2."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import CaseRecord, Leistungsbereich, Person, ReportDimension, report


def test_six_leistungsbereiche_of_rv_1_abs_1():
    assert [b.value for b in Leistungsbereich] == [
        "soziale_teilhabe",
        "teilhabe_am_arbeitsleben",
        "teilhabe_an_bildung",
        "existenzsicherung",
        "hilfe_zur_pflege",
        "besondere_soziale_schwierigkeiten",
    ]


def test_five_report_dimensions_of_rv_7_abs_2():
    assert [d.value for d in ReportDimension] == [
        "wohnform",
        "art_der_behinderung",
        "geschlecht",
        "alterskohorte",
        "aufenthaltsort",
    ]


def test_person_impairments_are_ordered_and_unique_and_checked():
    p = Person(id="p-1", impairments=("sinnes", "seelisch", "sinnes"), expected_months="8")
    assert [k.value for k in p.impairments] == ["seelisch", "sinnes"]
    assert p.personenkreis().answer is True
    assert Person(id="p-2", expected_months=12).personenkreis().answer is False
    assert Person.model_validate_json(p.model_dump_json()) == p
    with pytest.raises(ValidationError) as info:
        Person(id="p-3", impairments=("psychisch",), expected_months=12)
    assert info.value.errors()[0]["loc"] == ("impairments", 0)
    with pytest.raises(ValidationError, match=r"expected_months: got 7.5; floats"):
        Person(id="p-4", expected_months=7.5)


def _record(**kw):
    base = {
        "wohnform": "eigene_wohnung",
        "art_der_behinderung": ("geistig",),
        "geschlecht": "weiblich",
        "alterskohorte": "18-29",
        "aufenthaltsort": "Köln",
        "aufwand": "1000.10",
    }
    return CaseRecord(**base | kw)


def test_report_groups_by_dimension_and_adds_up_exactly():
    records = [
        _record(),
        _record(aufwand="0.20"),
        _record(wohnform="besondere_wohnform", aufwand="2500"),
        _record(art_der_behinderung=("seelisch", "geistig"), aufenthaltsort="Bonn", aufwand="0.05"),
    ]
    rows = report(records, by=["wohnform"])
    assert [(r.key, r.persons, r.aufwand) for r in rows] == [
        ({"wohnform": "besondere_wohnform"}, 1, Decimal(2500)),
        ({"wohnform": "eigene_wohnung"}, 3, Decimal("1000.35")),
    ]
    rows = report(records, by=[ReportDimension.ART_DER_BEHINDERUNG, ReportDimension.AUFENTHALTSORT])
    assert [(r.key["art_der_behinderung"], r.key["aufenthaltsort"], r.persons) for r in rows] == [
        ("geistig", "Köln", 3),
        ("seelisch+geistig", "Bonn", 1),  # a–d order: b. seelisch before c. geistig
    ]
    assert len(report(records)) == 3  # the first two records share every key
    assert sum(r.persons for r in report(records)) == 4


def test_report_key_joins_impairments_in_a_to_d_order():
    assert _record(art_der_behinderung=("sinnes", "koerperlich")).key(ReportDimension.ART_DER_BEHINDERUNG) == (
        "koerperlich+sinnes"
    )


def test_report_bad_input():
    with pytest.raises(InvalidInputError, match=r"^by: got"):
        report([_record()], by=["wohnform", "wohnform"])
    with pytest.raises(InvalidInputError, match=r"^by: got 'alter'"):
        report([_record()], by=["alter"])
    with pytest.raises(InvalidInputError, match=r"^records\[0\]: got"):
        report([{"wohnform": "eigene_wohnung"}])  # type: ignore[list-item]
    with pytest.raises(ValidationError) as info:
        _record(art_der_behinderung=())
    assert info.value.errors()[0]["loc"] == ("art_der_behinderung",)
