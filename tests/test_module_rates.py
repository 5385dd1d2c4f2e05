"""module_rate: each module kind computes its rate with the matching calculation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import (
    Assistenz,
    AssistenzKind,
    FachmodulTagesstruktur,
    FachmodulWohnen,
    Mobilitaet,
    Organisationsmodul,
    Personalbemessung,
    PflegefamilienLVR,
    PflegefamilienLWL,
    RatePeriod,
)
from eghnrw.verguetung.module_rates import module_rate
from eghnrw.verguetung.rates import HourlyRateEntry, HourlyRateTable

ON = date(2024, 1, 1)


def test_assistenz_from_costs_is_the_contract_hourly_rate():
    m = Assistenz(
        assistenz="qualifizierte_assistenz",
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
    )
    r = module_rate(m, on=ON)
    assert (r.amount, r.per, r.calculation, r.agreed) == (Decimal("54.00"), RatePeriod.HOUR, "hourly_rate", False)
    assert r.parameters[0].name == "kgst_normalarbeitszeit"  # 63,360 × 1.35 ÷ 1,584 = 54.00
    assert r.steps[0].clause == "LRV B.4.1 Abs. 2 Nr. 1"


def test_adult_assistenz_surcharges_for_leitung_or_sachaufwand_are_flagged():
    # an adult's Assistenz rate with Gemeinkosten and Sachaufwand surcharges keeps its
    # amount (54.00), cites the Aufschlagskalkulation (A.2.2 Abs. 1 d, not B.1.5.3) and says that
    # the Organisationsmodul (B.4.7 Abs. 1, 3, 6) may already pay these costs
    m = Assistenz(
        assistenz="qualifizierte_assistenz",
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
    )
    r = module_rate(m, on=ON)
    assert r.amount == Decimal("54.00")
    assert "LRV B.1.5.3" not in r.citations
    assert "LRV A.2.2 Abs. 1 d" in r.citations
    note = (
        "surcharges gemeinkosten, sachaufwand add Leitung/Verwaltung or Sachaufwand to an adult's rate; the "
        "Organisationsmodul may already pay them (LRV B.4.7 Abs. 1, 3, 6): check that they are not paid twice"
    )
    assert r.notes == (note,)
    assert r.steps[-1].clause == "LRV B.4.7 Abs. 1, 3, 6"
    # a surcharge for something else (supervision, A.4.6.1 Abs. 2) is not flagged
    plain = module_rate(m.model_copy(update={"surcharges_percent": {"supervision": Decimal(2)}}), on=ON)
    assert plain.notes == ()
    assert "LRV B.4.7 Abs. 1, 3, 6" not in plain.citations


def test_assistenz_with_own_annual_hours():
    m = Assistenz(assistenz="einfache_assistenz", annual_personnel_cost="50000", annual_hours="1600")
    assert module_rate(m, on=ON).amount == Decimal("31.25")  # 50,000 ÷ 1,600


def test_assistenz_agreed_rate_wins():
    m = Assistenz(assistenz="unterstuetzende_assistenz", annual_personnel_cost="63360", agreed_hourly_rate="47.30")
    r = module_rate(m, on=ON)
    assert (r.amount, r.agreed, r.calculation) == (Decimal("47.30"), True, "assistenz_hourly_rate")


def test_assistenz_from_a_rate_table():
    table = HourlyRateTable(
        entries=[
            HourlyRateEntry(
                kind=AssistenzKind.QUALIFIZIERTE_ELTERNASSISTENZ,
                tarifwerk="TVöD",
                valid_from=date(2023, 1, 1),
                rate=Decimal("58.20"),
                source="caller's table",
            )
        ]
    )
    m = Assistenz(assistenz="qualifizierte_elternassistenz", annual_personnel_cost="1", tarifwerk="TVöD")
    r = module_rate(m, on=ON, table=table)
    assert (r.amount, r.agreed) == (Decimal("58.20"), False)
    assert "LRV B.4.3 Abs. 2" in r.citations


def test_fachmodul_wohnen_from_annual_cost_is_the_contract_daily_rate():
    m = FachmodulWohnen(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    r = module_rate(m, on=ON)
    assert (r.amount, r.per, r.calculation) == (Decimal("144.20"), RatePeriod.DAY, "daily_rate")  # 1e6 ÷ 6,935


def test_fachmodul_wohnen_from_staffing():
    staffing = Personalbemessung(
        posts_per_place="0.25", cost_per_post="60000", surcharges_percent={"sachaufwand": "10"}
    )
    m = FachmodulWohnen(staffing=staffing, places=24, occupancy_percent="96", days=365)
    r = module_rate(m, on=ON)
    assert (r.amount, r.calculation) == (Decimal("47.09"), "fachmodul_wohnen_rate")  # 396,000 ÷ 8,409.6
    # the Sachaufwand surcharge rests on A.4.6.2 Abs. 1 (issue 20 item 4: not A.2.2 Abs. 1 d, a
    # personnel clause), and the Organisationsmodul may pay it already
    assert "LRV A.4.6.2 Abs. 1" in r.citations
    assert "LRV A.2.2 Abs. 1 d" not in r.citations
    assert "LRV B.1.5.3" not in r.citations
    assert len(r.notes) == 1
    assert r.notes[0].startswith("surcharges sachaufwand add Leitung/Verwaltung or Sachaufwand")


@pytest.mark.parametrize(
    ("rule", "clause"), [("teilhabe_an_bildung", "LRV B.1.5.3"), ("assistenz_kinder_familie", "LRV B.1.6.2")]
)
def test_module_rate_takes_the_surcharge_rule(rule: str, clause: str) -> None:
    # issue 20 item 4: module_rate passes surcharge_rule on; the amount stays 47.09 (396,000 ÷ 8,409.6)
    staffing = Personalbemessung(
        posts_per_place="0.25", cost_per_post="60000", surcharges_percent={"sachaufwand": "10"}
    )
    m = FachmodulWohnen(staffing=staffing, places=24, occupancy_percent="96", days=365)
    r = module_rate(m, on=ON, surcharge_rule=rule)
    assert r.amount == Decimal("47.09")
    assert clause in r.citations
    assert "LRV A.4.6.2 Abs. 1" not in r.citations
    assert r.notes == ()  # the children's clauses pay Sachaufwand by surcharge: no Organisationsmodul overlap
    # an Assistenz by hourly rate: 63,360 × 1.35 ÷ 1,584 = 54.00, its surcharges under the rule
    a = Assistenz(
        assistenz="qualifizierte_assistenz",
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
    )
    hourly = module_rate(a, on=ON, surcharge_rule=rule)
    assert (hourly.amount, hourly.notes) == (Decimal("54.00"), ())
    assert clause in hourly.citations
    # a Kalkulation inside the module: 60,000 × 1.1 = 66,000 ÷ (10 × 365) = 18.0821… → 18.08
    k = {
        "unit": "day",
        "places": 10,
        "occupancy_percent": "100",
        "posts": [{"role": "Fachkraft", "fte": "1", "annual_cost": "60000", "skilled": True}],
        "surcharges_percent": {"sachaufwand": "10"},
    }
    wohnen = module_rate(
        FachmodulWohnen(kalkulation=k, places=10, occupancy_percent="100", days=365), on=ON, surcharge_rule=rule
    )
    assert wohnen.amount == Decimal("18.08")
    assert clause in wohnen.citations
    with pytest.raises(InvalidInputError, match=r"^surcharge_rule: got 'kinder'"):
        module_rate(m, on=ON, surcharge_rule="kinder")


def test_fachmodul_wohnen_agreed_daily_rate_wins_and_is_traced():
    m = FachmodulWohnen(annual_cost="1000000", places=20, occupancy_percent="95", days=365, agreed_daily_rate="150")
    r = module_rate(m, on=ON)
    assert (r.amount, r.agreed) == (Decimal(150), True)
    assert r.steps[-1].clause == "LRV A.4.2 Abs. 2"
    assert r.detail.amount == Decimal("144.20")


@pytest.mark.parametrize("intensity", ["intensitaet_1", "intensitaet_2"])
def test_tagesstruktur_each_intensity(intensity):
    staffing = Personalbemessung(posts_per_place="0.2", cost_per_post="55000")
    m = FachmodulTagesstruktur(
        nutzungsintensitaet=intensity, staffing=staffing, places=12, occupancy_percent="100", days=250
    )
    r = module_rate(m, on=ON)
    assert (r.amount, r.calculation) == (Decimal("44.00"), "tagesstruktur_rate")  # 132,000 ÷ 3,000
    assert r.detail.intensity.value == intensity
    by_cost = m.model_copy(update={"staffing": None, "annual_cost": Decimal(132000)})
    assert module_rate(by_cost, on=ON).amount == Decimal("44.00")


def test_organisationsmodul():
    m = Organisationsmodul(
        posts_per_person="0.025",
        cost_per_post="70000",
        sachaufwand_percent="10",
        investment="30000",
        public_subsidies="10000",
        operating_costs="5000",
        persons=40,
        occupancy_percent="100",
        days=365,
    )
    r = module_rate(m, on=ON)
    # 70,000 + 7,000 + 20,000 + 5,000 = 102,000; ÷ (40 × 365) = 6.986…
    assert (r.amount, r.per, r.calculation) == (Decimal("6.99"), RatePeriod.DAY, "organisationsmodul_rate")
    assert r.detail.annual_cost == Decimal(102000)
    assert r.notes[0].startswith("care_personnel_cost not given")  # the calculation's note travels with it
    with_care = module_rate(m.model_copy(update={"care_personnel_cost": Decimal(0)}), on=ON)
    assert with_care.notes == ()


def test_pflegefamilien_lwl_one_flat_rate():
    r = module_rate(PflegefamilienLWL(flat_rate="1450", flat_rate_period="month"), on=ON)
    assert (r.amount, r.per) == (Decimal(1450), RatePeriod.MONTH)
    assert r.citations == ("LRV B.4.9", "LRV B.4.9 Abs. 4")


def test_pflegefamilien_lvr_time_based_plus_flat_rate():
    m = PflegefamilienLVR(hourly_rate="52.15", hours_per_month="7.5", flat_rate="320", flat_rate_period="month")
    r = module_rate(m, on=ON)
    assert r.amount == Decimal("711.13")  # 7.5 × 52.15 = 391.125 → 391.13; + 320
    assert r.detail.care_amount == Decimal("391.13")
    with pytest.raises(InvalidInputError, match=r"^flat_rate_period: got 'day'"):
        module_rate(m.model_copy(update={"flat_rate_period": RatePeriod.DAY}), on=ON)


def test_mobilitaet_agreed_rate():
    r = module_rate(Mobilitaet(agreed_rate="18.40", rate_period="trip"), on=ON)
    assert (r.amount, r.per, r.agreed, r.calculation) == (Decimal("18.40"), RatePeriod.TRIP, True, "agreed")
    assert r.citations == ("LRV B.4.11", "LRV B.4.11 Abs. 5")


def test_a_mapping_is_validated_by_kind():
    r = module_rate({"kind": "mobilitaet", "agreed_rate": "9", "rate_period": "kilometre"}, on=ON)
    assert r.amount == Decimal(9)
    with pytest.raises(InvalidInputError) as info:
        module_rate({"kind": "fachmodul_freizeit"}, on=ON)
    assert info.value.argument == "module.kind"
    assert info.value.errors[0]["type"] == "union_tag_invalid"


def test_bad_module_or_date():
    with pytest.raises(InvalidInputError, match=r"^module: got 'wohnen'"):
        module_rate("wohnen", on=ON)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^on: got"):
        module_rate(Mobilitaet(agreed_rate="1", rate_period="trip"), on="2024-01-01")  # type: ignore[arg-type]


def test_module_rate_checks_table_even_when_the_module_needs_none():
    module = {
        "kind": "fachmodul_wohnen",
        "annual_cost": "1000000",
        "places": 20,
        "occupancy_percent": "95",
        "days": 365,
    }
    with pytest.raises(InvalidInputError, match=r"^table"):
        module_rate(module, on=date(2024, 1, 1), table=True)  # type: ignore[arg-type]


def test_days_from_the_dated_parameter_when_not_given():
    m = FachmodulWohnen(annual_cost="1000000", places=20, occupancy_percent="95")
    r = module_rate(m, on=ON, overrides={"berechnungstage": "365"})
    assert r.amount == Decimal("144.20")


def test_the_result_serialises_with_its_detail():
    r = module_rate(FachmodulWohnen(annual_cost="1000", places=1, occupancy_percent="100", days=100), on=ON)
    text = r.model_dump_json()
    assert '"calculation":"daily_rate"' in text
    assert '"amount":"10.00"' in text  # 1,000 ÷ (1 × 100 × 100 %)
    assert '"detail":{' in text
