"""wohnform_split (M15 with M7, M5): a whole house from areas and costs to each resident's KdU split.

The example house is examples/wohnform.json (bundled as eghnrw/unterkunft/wohnform/example_house.json). Areas:
Fachleistung F = 120 m², personal rooms W = 16 + 16 + 18.5 + 18.5 + 20 + 22 + 24 + 25 = 160 m²,
shared rooms G = 160 m², Mischflächen M = 90 m² (pro rata: 90 × 120 ÷ 440 = 24.54… m² to the
Fachleistung). Every cost block split by area follows F ÷ (F + W + G) = 120 ÷ 440 = 3 ÷ 11.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import eghnrw as e
from eghnrw.core.enums import CostKind
from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import House
from eghnrw.unterkunft.wohnform import wohnform_split

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT") or Path(__file__).resolve().parents[1])
D = Decimal


def example() -> dict[str, Any]:
    text = resources.files("eghnrw.unterkunft.wohnform").joinpath("example_house.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@pytest.mark.skipif(not (ROOT / "examples").is_dir(), reason="examples/ not beside the tests")
def test_bundled_example_is_the_one_in_examples() -> None:
    bundled = resources.files("eghnrw.unterkunft.wohnform").joinpath("example_house.json").read_text(encoding="utf-8")
    assert bundled == (ROOT / "examples" / "wohnform.json").read_text(encoding="utf-8")


def test_costs_split_by_kind() -> None:
    s = e.wohnform_split(example())
    assert [(c.name, c.kind, c.fachleistung, c.unterkunft, c.clause) for c in s.costs] == [
        # 49,500 × 3/11 = 13,500 exactly
        ("Miete", CostKind.KAPITALKOSTEN, D("13500.00"), D("36000.00"), "LRV B.4.14 Abs. 6"),
        # 17,750 × 3/11 = 4,840.90|90…; × 8/11 = 12,909.09|09…: the cent to the Fachleistung
        ("Betriebskosten", CostKind.BETRIEBSKOSTEN, D("4840.91"), D("12909.09"), "LRV B.4.14 Abs. 6"),
        ("Ausstattung Dienst- und Gemeinschaftsräume", CostKind.AUSSTATTUNG, D("6000.00"), D(0), "LRV B.4.14 Abs. 4"),
        (
            "Haushaltsstrom, Rundfunk, Telekommunikation",
            CostKind.BESONDERE_NEBENKOSTEN,
            D(0),
            D("3600.00"),
            "LRV B.4.14 Abs. 7",
        ),
    ]
    assert all(c.fachleistung + c.unterkunft == c.annual_amount for c in s.costs)


def test_fachleistung_is_the_investitionsbetrag_and_betriebsnebenkosten() -> None:
    s = wohnform_split(example())
    # Investitionsbetrag 13,500 + 6,000 (Ausstattung); Betriebsnebenkosten 4,840.91
    assert (s.investment, s.operating_costs, s.fachleistung) == (D("19500.00"), D("4840.91"), D("24340.91"))
    assert s.rate_inputs() == {"investment": D("19500.00"), "operating_costs": D("4840.91")}
    # areas: 120 + 24.54… = 144.54… m² of 530 m²
    assert s.areas.fachleistung_area + s.areas.unterkunft_area == D(530)
    assert str(s.areas.fachleistung_area).startswith("144.5454")


def test_the_fachleistung_goes_straight_into_the_organisationsmodul() -> None:
    s = wohnform_split(example())
    r = e.organisationsmodul_rate(
        persons=8,
        posts_per_person="0.04",
        cost_per_post="72000",
        sachaufwand_percent="8",
        occupancy_percent="96",
        days=365,
        **s.rate_inputs(),
    )
    # personnel 8 × 0.04 × 72,000 = 23,040; Sachaufwand 8 % = 1,843.20; + 19,500 + 4,840.91 = 49,224.11;
    # ÷ (8 × 365 × 0.96 = 2,803.2) = 17.5599… → 17.56
    assert (r.investitionsbetrag, r.operating_costs, r.annual_cost, r.amount) == (
        D("19500.00"),
        D("4840.91"),
        D("49224.11"),
        D("17.56"),
    )


@pytest.mark.skipif(not hasattr(e, "kalkulation"), reason="the Kalkulation (M12) is not on this branch yet")
def test_the_fachleistung_goes_straight_into_a_kalkulation() -> None:
    s = wohnform_split(example())
    k = e.kalkulation(  # type: ignore[attr-defined,unused-ignore]
        unit="day",
        places=8,
        occupancy_percent="96",
        days=365,
        posts=[{"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True}],
        material_costs="30000",
        **s.rate_inputs(),
    )
    # 6 × 62,000 = 372,000 + Sachaufwand 30,000 + Investitionsbetrag 19,500 + Betriebsnebenkosten 4,840.91
    assert k.annual_cost == D("426340.91")


def test_unterkunft_annual_to_monthly() -> None:
    s = wohnform_split(example())
    # Warmmiete 36,000 + 12,909.09 = 48,909.09 a year; ÷ 12 = 4,075.7575 → 4,075.76 a month.
    # besondere Nebenkosten 3,600 ÷ 12 = 300.00. 12 × 4,375.76 = 52,509.12 = 52,509.09 + 0.03
    assert (s.warmmiete, s.besondere_nebenkosten, s.unterkunft) == (D("48909.09"), D("3600.00"), D("52509.09"))
    assert (s.warmmiete_monthly, s.besondere_nebenkosten_monthly, s.unterkunft_monthly) == (
        D("4075.76"),
        D("300.00"),
        D("4375.76"),
    )
    assert s.annual_rounding_difference == D("0.03")
    assert s.fachleistung + s.unterkunft == sum(c.annual_amount for c in s.costs)


def test_each_residents_costs_and_kdu_split() -> None:
    s = wohnform_split(example())
    # keys per head: 8 × room + 160 → 288, 288, 308, 308, 320, 336, 352, 360 of 2,560.
    # Warmmiete 4,075.76 × key ÷ 2,560: 458.52|3, 458.52|3, 490.36|4875, 490.36|4875, 509.47, 534.94|35,
    # 560.41|7, 573.15|375: floors add to 4,075.73, the 3 cents to G (.7), C and D (.4875).
    # besondere Nebenkosten 300 × key ÷ 2,560: 33.75, 33.75, 36.09|375, 36.09|375, 37.50, 39.37|5, 41.25,
    # 42.18|75: floors 299.98, the 2 cents to H (.75) and F (.5).
    # The KdU check is made on the actual expenses (Abs. 7): A's WBVG contract charges 470.00 (its
    # cost share is 458.52), so 470.00 + 33.75 = 503.75; H's charges 573.15 (= its cost share); the
    # others have no contract figure and are checked on their cost share.
    # Angemessenheitsgrenze 480 → threshold 600: only H (615.34) exceeds: SGB XII 600, EGH 15.34.
    expected = [
        ("A", D("458.52"), D("470.00"), D("33.75"), D("503.75"), D("503.75"), D("0.00"), D("0.00")),
        ("B", D("458.52"), D("458.52"), D("33.75"), D("492.27"), D("492.27"), D("0.00"), D("0.00")),
        ("C", D("490.37"), D("490.37"), D("36.09"), D("526.46"), D("526.46"), D("0.00"), D("0.00")),
        ("D", D("490.37"), D("490.37"), D("36.09"), D("526.46"), D("526.46"), D("0.00"), D("0.00")),
        ("E", D("509.47"), D("509.47"), D("37.50"), D("546.97"), D("546.97"), D("0.00"), D("0.00")),
        ("F", D("534.94"), D("534.94"), D("39.38"), D("574.32"), D("574.32"), D("0.00"), D("0.00")),
        ("G", D("560.42"), D("560.42"), D("41.25"), D("601.67"), D("0.00"), D("0.00"), D("601.67")),
        ("H", D("573.15"), D("573.15"), D("42.19"), D("615.34"), D("600.00"), D("15.34"), D("0.00")),
    ]
    got = [
        (
            r.id,
            r.warmmiete_cost_share,
            r.warmmiete,
            r.besondere_nebenkosten,
            r.actual_costs,
            r.sgb_xii_share,
            r.eingliederungshilfe_share,
            r.vacancy,
        )
        for r in s.residents
    ]
    assert got == expected
    assert [r.area for r in s.residents][:2] == [D(36), D(36)]  # 16 + 160 ÷ 8
    assert [r.exceeds_threshold for r in s.residents] == [False] * 7 + [True]
    assert s.residents[6].vacant is True
    assert s.residents[6].kdu is None
    assert s.residents[7].kdu is not None
    assert s.residents[7].kdu.threshold == D(600)
    assert s.kdu_basis == "charged"


def test_the_kdu_check_is_made_on_the_warmmiete_the_wbvg_contract_charges() -> None:
    # H's contract charges 600.00 (its cost share is 573.15): the actual expenses are
    # 600.00 + 42.19 = 642.19, above the threshold 480 × 1.25 = 600.00 by 42.19 (Abs. 7), not
    # 573.15 + 42.19 = 615.34 − 600.00 = 15.34 as on the costs.
    data = example()
    data["residents"][7]["warmmiete_charged"] = "600.00"
    h = wohnform_split(data).residents[7]
    assert (h.warmmiete_cost_share, h.warmmiete, h.actual_costs) == (D("573.15"), D("600.00"), D("642.19"))
    assert (h.sgb_xii_share, h.eingliederungshilfe_share) == (D("600.00"), D("42.19"))
    assert h.kdu is not None
    assert h.kdu.inputs["actual_costs"] == D("642.19")  # the check is kdu_check's own
    assert h.warmmiete_check is not None
    assert h.warmmiete_check.difference == D("26.85")  # 600.00 − 573.15: the Träger may check it (Abs. 7 last sentence)
    # the option: the Warmmiete as the result of the provider's costs
    by_costs = wohnform_split(data | {"kdu_basis": "costs"})
    h = by_costs.residents[7]
    assert (h.warmmiete, h.actual_costs, h.eingliederungshilfe_share) == (D("573.15"), D("615.34"), D("15.34"))
    assert by_costs.charged_above_costs_monthly == D("0.00")
    assert "KdU-Prüfung an der Warmmiete als Ergebnis der Kosten (kdu_basis='costs')" in by_costs.explain()


def test_the_cost_basis_gives_every_resident_the_cost_share() -> None:
    s = wohnform_split(example() | {"kdu_basis": "costs"})
    a = s.residents[0]
    assert (a.warmmiete, a.actual_costs, a.sgb_xii_share) == (D("458.52"), D("492.27"), D("492.27"))
    # the totals are the house's Unterkunft: 2 × 492.27 + 2 × 526.46 + 546.97 + 574.32 + 600.00 = 3,758.75
    assert (s.sgb_xii_monthly, s.eingliederungshilfe_monthly, s.vacancy_monthly) == (
        D("3758.75"),
        D("15.34"),
        D("601.67"),
    )
    assert s.sgb_xii_monthly + s.eingliederungshilfe_monthly + s.vacancy_monthly == s.unterkunft_monthly


def test_house_totals_add_up_to_the_unterkunft() -> None:
    s = wohnform_split(example())
    # 503.75 + 492.27 + 2 × 526.46 + 546.97 + 574.32 + 600.00 = 3,770.23; + 15.34 + 601.67 = 4,387.24
    # = the Unterkunft 4,375.76 + what A's contract charges above its cost share, 470.00 − 458.52 = 11.48
    assert (s.sgb_xii_monthly, s.eingliederungshilfe_monthly, s.uncovered_monthly, s.vacancy_monthly) == (
        D("3770.23"),
        D("15.34"),
        D("0.00"),
        D("601.67"),
    )
    assert s.charged_above_costs_monthly == D("11.48")
    total = s.sgb_xii_monthly + s.eingliederungshilfe_monthly + s.uncovered_monthly + s.vacancy_monthly
    assert total == s.unterkunft_monthly + s.charged_above_costs_monthly
    assert sum(r.warmmiete_cost_share for r in s.residents) == s.warmmiete_monthly
    assert sum(r.warmmiete for r in s.residents) == s.warmmiete_monthly + s.charged_above_costs_monthly
    assert sum(r.besondere_nebenkosten for r in s.residents) == s.besondere_nebenkosten_monthly


def test_warmmiete_check_per_resident_and_for_the_house() -> None:
    s = wohnform_split(example())
    a, h = s.residents[0], s.residents[7]
    assert a.warmmiete_check is not None
    assert h.warmmiete_check is not None
    # A: 470.00 − 458.52 = 11.48; H: 573.15 − 573.15 = 0
    assert (a.warmmiete_check.difference, h.warmmiete_check.difference) == (D("11.48"), D("0.00"))
    assert s.residents[1].warmmiete_check is None
    # house: (470.00 + 573.15) − (458.52 + 573.15) = 11.48; 11.48 ÷ 1,031.67 = 1.11…%
    assert s.warmmiete_check is not None
    assert (s.warmmiete_check.warmmiete_charged, s.warmmiete_check.unterkunft_costs) == (D("1043.15"), D("1031.67"))
    assert (s.warmmiete_check.difference, s.warmmiete_check.difference_percent) == (D("11.48"), D("1.11"))
    assert s.warmmiete_check.covered_by_costs is False


def test_no_warmmiete_given_no_check() -> None:
    data = example()
    data["residents"] = [{k: v for k, v in r.items() if k != "warmmiete_charged"} for r in data["residents"]]
    assert wohnform_split(data).warmmiete_check is None


def test_kdu_readings_per_house_and_per_resident() -> None:
    data = example()
    data["residents"][5]["itemised"] = False  # F: 574.32 without itemised costs: SGB XII only up to 480
    data["residents"][7]["preconditions_met"] = False  # H: the 15.34 above 600 is then carried by neither
    s = wohnform_split(data)
    f, h = s.residents[5], s.residents[7]
    assert (f.sgb_xii_share, f.eingliederungshilfe_share, f.uncovered_share) == (D("480.00"), D(0), D("94.32"))
    assert (h.sgb_xii_share, h.eingliederungshilfe_share, h.uncovered_share) == (D("600.00"), D(0), D("15.34"))
    # 3,770.23 − 94.32 = 3,675.91; uncovered 94.32 + 15.34 = 109.66
    assert (s.sgb_xii_monthly, s.eingliederungshilfe_monthly, s.uncovered_monthly) == (
        D("3675.91"),
        D("0.00"),
        D("109.66"),
    )
    total = s.sgb_xii_monthly + s.uncovered_monthly + s.vacancy_monthly
    assert total == s.unterkunft_monthly + s.charged_above_costs_monthly
    data = example() | {"itemised": False}
    assert wohnform_split(data).residents[0].sgb_xii_share == D("480.00")  # 503.75 capped at 100 %


def test_shared_rooms_by_area_and_misch_reading() -> None:
    data = example() | {"shared_rooms": "by_area", "misch_fachleistung_percent": "50"}
    s = wohnform_split(data)
    # Mischflächen half: 120 + 45 = 165 of 530 m²: Miete 49,500 × 165 ÷ 530 = 15,410.37|7… → 15,410.38
    assert s.costs[0].fachleistung == D("15410.38")
    # Warmmiete (34,089.62 + 17,750 × 365 ÷ 530 = 12,224.05|6… → 12,224.06) ÷ 12 = 3,859.47|33 → 3,859.47;
    # by area: A's key is 16 of 160 m² → 3,859.47 ÷ 10 = 385.94|7 → 385.95 (the larger remainders win)
    assert (s.warmmiete, s.warmmiete_monthly) == (D("46313.68"), D("3859.47"))
    assert s.residents[0].area == D(32)  # 16 + 160 × 16 ÷ 160
    assert s.residents[0].warmmiete_cost_share == D("385.95")
    assert s.residents[0].warmmiete == D("470.00")  # A's WBVG contract: the KdU basis


def test_trace_cites_every_step() -> None:
    s = wohnform_split(example())
    assert set(s.citations) == {
        "LRV B.4.14 Abs. 4",
        "LRV B.4.14 Abs. 6",
        "LRV B.4.14 Abs. 7",
        "LRV B.4.7 Abs. 3",
        "§ 113 Abs. 5 SGB IX",
        "LRV B.4.14 Abs. 7 letzter Satz",
    }
    text = s.explain()
    assert "H: Anteil Eingliederungshilfe (über 125 %): 15,34" in text
    assert "G: Leerstand, trägt der Leistungserbringer: 601,67" in text
    assert "Unterkunft je Monat: 4.375,76" in text
    assert "Investitionsbetrag" in s.explain("en") or "investment amount" in s.explain("en")
    record = json.loads(s.model_dump_json())
    assert record["residents"][7]["kdu"]["eingliederungshilfe_share"] == "15.34"
    assert record["inputs"]["house"]["name"] == "Wohnhaus Lindenstraße (Beispiel)"


def test_a_house_model_is_accepted_as_is() -> None:
    house = House.model_validate(example())
    assert wohnform_split(house).unterkunft_monthly == D("4375.76")
    assert house.wohnen_m2 == D(160)


@pytest.mark.parametrize(
    ("change", "argument", "words"),
    [
        (lambda d: d["residents"][1].update(room_m2="0"), "house.residents[1].room_m2", "above zero"),
        (lambda d: d["residents"][1].pop("room_m2"), "house.residents[1].room_m2", "required"),
        (lambda d: d["residents"][2].update(room_m2=18.5), "house.residents[2].room_m2", "floats"),
        (lambda d: d["costs"][0].update(annual_amount="49500.001"), "house.costs[0].annual_amount", "whole cents"),
        (lambda d: d["costs"][0].update(annual_amount=49500.0), "house.costs[0].annual_amount", "floats"),
        (lambda d: d["costs"][1].update(kind="heizung"), "house.costs[1].kind", "kapitalkosten"),
        (lambda d: d.update(fachleistung_m2="-10"), "house.fachleistung_m2", "zero or more"),
        (lambda d: d.update(misch_m2="-1"), "house.misch_m2", "zero or more"),
        (lambda d: d.update(residents=[]), "house.residents", "at least 1"),
        (lambda d: d.update(costs=[]), "house.costs", "at least 1"),
        (lambda d: d.update(adequacy_limit="0"), "house.adequacy_limit", "above zero"),
        (lambda d: d["residents"][3].update(id="A"), "house.residents[3].id", "different id"),
        (lambda d: d["residents"][6].update(warmmiete_charged="500"), "house.residents[6].warmmiete_charged", "vacant"),
        (lambda d: d.update(misch_fachleistung_percent="120"), "house.misch_fachleistung_percent", "up to 100"),
        (lambda d: d.update(misch_fachleistung_m2="91"), "house.misch_fachleistung_m2", "at most"),
        (
            lambda d: d.update(misch_fachleistung_m2="9", misch_fachleistung_percent="10"),
            "house.misch_fachleistung_m2",
            "not both",
        ),
        (lambda d: d.update(shared_rooms="equal"), "house.shared_rooms", "per_head"),
        (lambda d: d.update(rooms="x"), "house.rooms", "unknown field"),
    ],
)
def test_bad_house_is_refused_naming_the_field(change: Any, argument: str, words: str) -> None:
    data = example()
    change(data)
    with pytest.raises(InvalidInputError, match=words) as caught:
        wohnform_split(data)
    assert caught.value.argument == argument


@pytest.mark.parametrize("value", [None, "house.json", 3, [{"name": "x"}]])
def test_not_a_house_is_refused(value: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        wohnform_split(value)  # type: ignore[arg-type]
    assert caught.value.argument == "house"
