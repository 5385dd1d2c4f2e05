"""The Kalkulation (M12): components, shares, Fachkraftquote, units, readings, loading, refusals."""

from __future__ import annotations

import inspect
import json
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, localcontext
from typing import Any

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.kommission.models.service_costs import Kalkulation, Post, parse_kalkulation

ON = date(2025, 1, 1)

CONTRACT = {
    "unit": "day",
    "places": 24,
    "occupancy_percent": "96",
    "days": 365,
    "posts": [
        {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
        {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
    ],
    "surcharges_percent": {"leitung_verwaltung": "10"},
    "material_costs": "30000",
    "investment": "24000",
}


def _post(
    role: str = "Fachkraft", fte: str = "1", cost: str = "60000", *, skilled: bool = True, **more: object
) -> dict:
    return {"role": role, "fte": fte, "annual_cost": cost, "skilled": skilled, **more}


def test_contract_example() -> None:
    # 6 × 62,000 + 2 × 46,000 = 464,000; + 10 % = 46,400; + 30,000 + 24,000 = 564,400
    # 24 × 365 × 0.96 = 8,409.6; 564,400 ÷ 8,409.6 = 67.1137… → 67.11; 6 of 8 FTE skilled = 75 %
    k = e.kalkulation(**CONTRACT)
    assert k.amount == Decimal("67.11")
    assert k.annual_cost == Decimal("564400.00")
    assert k.skilled_share_percent == Decimal("75.00")
    assert k.personnel_cost == Decimal(464000)
    assert k.surcharges == Decimal(46400)
    assert k.billable_units == Decimal("8409.6")
    assert k.fte == Decimal(8)
    assert k.unit == "day"


def test_components_and_shares_add_up_to_100() -> None:
    # 372,000 / 564,400 = 65.9107 %; 92,000 → 16.3005 %; 46,400 → 8.2211 %; 30,000 → 5.3154 %;
    # 24,000 → 4.2523 %: floors add up to 99.99, the cent goes to the largest remainder (5.3154 → 5.32)
    k = e.kalkulation(**CONTRACT)
    assert [(c.key, c.amount, c.share_percent) for c in k.components] == [
        ("personnel[Fachkraft]", Decimal("372000.00"), Decimal("65.91")),
        ("personnel[Hilfskraft]", Decimal("92000.00"), Decimal("16.30")),
        ("surcharges[leitung_verwaltung]", Decimal("46400.00"), Decimal("8.22")),
        ("material_costs", Decimal("30000.00"), Decimal("5.32")),
        ("investment", Decimal("24000.00"), Decimal("4.25")),
    ]
    assert sum(c.share_percent for c in k.components) == Decimal("100.00")
    assert sum(c.amount for c in k.components) == k.annual_cost


def test_every_component_cites_its_clause() -> None:
    k = e.kalkulation(**CONTRACT)
    clauses = {c.key: c.clause for c in k.components}
    assert clauses["personnel[Fachkraft]"] == "LRV A.4.6.1 Abs. 1"
    assert clauses["surcharges[leitung_verwaltung]"] == "LRV A.2.2 Abs. 1 d, A.4.6.1"
    assert clauses["material_costs"] == "LRV A.4.6.2 Abs. 1"
    assert clauses["investment"] == "LRV A.4.5 Abs. 2"
    assert "LRV A.2.2 Abs. 1 c" in k.citations  # agreed posts
    assert "LRV A.2.2 Abs. 2" in k.citations  # the Fachkraftquote
    assert not any("B.1.5.3" in clause for clause in k.citations)  # children's services only
    assert k.steps[-1] == ("LRV A.4.5 Abs. 1", "gerundet auf den Cent (kaufmännisch)", "rounded to the cent (half up)",
                           Decimal("67.11"))  # fmt: skip


def test_rate_per_month() -> None:
    # 2 × 60,000 + 6,000 = 126,000; 10 places × 12 months × 100 % = 120; 126,000 ÷ 120 = 1,050.00
    k = e.kalkulation(unit="month", places=10, occupancy_percent=100, posts=[_post(fte="2")], material_costs="6000")
    assert k.amount == Decimal("1050.00")
    assert k.billable_units == Decimal(120)


def test_rate_per_hour_from_kgst_hours_of_the_posts_other_than_management() -> None:
    # 2 × 63,360 + 0.5 × 80,000 (Leitung) = 166,720; billable: 1,584 × 2 FTE = 3,168 (Leitung not)
    # 166,720 ÷ 3,168 = 52.6262… → 52.63
    posts = [_post(fte="2", cost="63360"), _post("Leitung", "0.5", "80000", management=True)]
    k = e.kalkulation(unit="hour", occupancy_percent=100, posts=posts, on=ON)
    assert k.amount == Decimal("52.63")
    assert k.hours_per_fte == Decimal(1584)
    assert k.parameters[0].name == "kgst_normalarbeitszeit"
    assert k.skilled_share_percent == Decimal("100.00")  # Leitung counts neither way
    assert next(c.clause for c in k.components if c.key == "personnel[Leitung]") == "LRV A.4.6.1 Abs. 3"
    # a billable share of 80 %: 3,168 × 0.8 = 2,534.4; 166,720 ÷ 2,534.4 = 65.7828… → 65.78
    shared = e.kalkulation(unit="hour", occupancy_percent=100, posts=posts, billable_share_percent="80", on=ON)
    assert shared.amount == Decimal("65.78")
    # an agreed number of billable hours at 90 %: 3,000 × 0.9 = 2,700; 166,720 ÷ 2,700 = 61.7481… → 61.75
    agreed = e.kalkulation(unit="hour", occupancy_percent=90, posts=posts, billable_hours="3000")
    assert agreed.amount == Decimal("61.75")
    assert agreed.parameters == ()  # no KGSt hours needed
    # issue 20 item 5: a billable share and an occupancy both reduce the hours, and the trace says so:
    # 3,168 × 0.8 × 0.9 = 2,280.96 (72 % of the working hours); 166,720 ÷ 2,280.96 = 73.0920… → 73.09
    both = e.kalkulation(unit="hour", occupancy_percent=90, posts=posts, billable_share_percent="80", on=ON)
    assert (both.amount, both.billable_units) == (Decimal("73.09"), Decimal("2280.960"))
    (step,) = [s for s in both.steps if s.de.startswith("abrechnungsfähiger Anteil und Auslastung mindern beide")]
    assert step.value == Decimal(72)
    assert not any(s.de.startswith("abrechnungsfähiger Anteil und Auslastung") for s in shared.steps)  # at 100 %


def test_hours_granted_become_fte_by_the_kgst_hours() -> None:
    # A.2.2 Abs. 1 a: 3,168 granted hours ÷ 1,584 = 2 FTE × 60,000 = 120,000; ÷ (10 × 365) = 32.8767… → 32.88
    posts = [{"role": "Assistenz", "hours": "3168", "annual_cost": "60000", "skilled": True}]
    k = e.kalkulation(unit="day", places=10, occupancy_percent=100, days=365, posts=posts, on=ON)
    assert k.amount == Decimal("32.88")
    assert k.fte == Decimal(2)
    assert k.steps[0].clause == "LRV A.2.2 Abs. 1 a"
    assert "3168 bewilligte Stunden ÷ 1584 Stunden = 2 VK" in k.steps[0].de


def test_hours_granted_read_the_kgst_hours_the_caller_overrides() -> None:
    # an agreed Normalarbeitszeit of 1,600 hours: 3,200 ÷ 1,600 = 2 FTE × 60,000 = 120,000;
    # ÷ (10 × 365) = 32.8767… → 32.88 (with the KGSt's 1,584: 2.0202 FTE, 121,212.12, 33.21)
    posts = [{"role": "Assistenz", "hours": "3200", "annual_cost": "60000", "skilled": True}]
    k = e.kalkulation(
        unit="day", places=10, occupancy_percent=100, days=365, posts=posts, on=ON,
        overrides={"kgst_normalarbeitszeit": "1600"},
    )  # fmt: skip
    assert (k.amount, k.fte, k.hours_per_fte) == (Decimal("32.88"), Decimal(2), Decimal(1600))
    assert (k.parameters[0].value, k.parameters[0].overridden) == (Decimal(1600), True)


def test_the_share_of_working_hours_is_exact_under_any_global_context() -> None:
    # (80 + 10^-28) × (100 − 10^-28) ÷ 100 = 80 + 2·10^-29 − 10^-58: 58 digits, exact in eghnrw's
    # 60-digit context; the default context (28 digits) would show 80.000000000000000000000000
    posts = [_post(fte="2", cost="63360")]
    k = e.kalkulation(
        unit="hour", occupancy_percent="99.9999999999999999999999999999",
        billable_share_percent="80.0000000000000000000000000001", posts=posts, on=ON,
    )  # fmt: skip
    (step,) = [s for s in k.steps if s.de.startswith("abrechnungsfähiger Anteil und Auslastung mindern beide")]
    assert step.value == Decimal("80.0000000000000000000000000000199999999999999999999999999999")


def test_a_billable_share_reads_in_each_language_of_the_step() -> None:
    # the German text writes the decimal comma, the English text the point
    posts = [_post(fte="2", cost="63360")]
    k = e.kalkulation(unit="hour", occupancy_percent=100, billable_share_percent="80.5", posts=posts, on=ON)
    (step,) = [s for s in k.steps if s.de.startswith("abrechnungsfähige Stunden = Normalarbeitszeit")]
    assert step.de.endswith("× VK ohne Leitung/Verwaltung × 80,5 %")
    assert step.en.endswith("× FTE other than management × 80.5 %")


def test_staff_key_per_person() -> None:
    # A.2.2 Abs. 1 b: 0.25 FTE per person × 24 places = 6 FTE × 62,000 = 372,000 (as the contract example)
    posts = [{"role": "Fachkraft", "staff_key": "0.25", "annual_cost": "62000", "skilled": True}]
    k = e.kalkulation(unit="day", places=24, occupancy_percent=96, days=365, posts=posts)
    assert k.personnel_cost == Decimal(372000)
    assert k.steps[0].clause == "LRV A.2.2 Abs. 1 b"
    # for 20 persons instead: 5 FTE × 62,000 = 310,000
    posts[0]["persons"] = 20
    assert e.kalkulation(unit="day", places=24, occupancy_percent=96, days=365, posts=posts).personnel_cost == 310000


def test_surcharges_add_up_or_compound() -> None:
    # additive: 100,000 × (10 % + 10 %) = 20,000 → 120,000 ÷ 12 = 10,000.00
    # compound: 10,000, then 10 % of 110,000 = 11,000 → 121,000 ÷ 12 = 10,083.33
    base = {"unit": "month", "places": 1, "occupancy_percent": 100, "posts": [_post(cost="100000")]}
    surcharges = {"verwaltung": "10", "fortbildung": "10"}
    assert e.kalkulation(**base, surcharges_percent=surcharges).amount == Decimal("10000.00")
    compound = e.kalkulation(**base, surcharges_percent=surcharges, surcharge_mode="compound")
    assert compound.amount == Decimal("10083.33")
    assert [c.amount for c in compound.components][1:3] == [Decimal("10000.00"), Decimal("11000.00")]


def test_investment_at_full_capacity_reading() -> None:
    # rest 540,400 ÷ 8,409.6 = 64.2599…; investment 24,000 ÷ (24 × 365) = 2.7397…; sum 66.9996… → 67.00
    k = e.kalkulation(**CONTRACT, investment_occupancy="full")
    assert k.amount == Decimal("67.00")
    assert any("investment_occupancy='full'" in s.de for s in k.steps)


def test_investment_at_full_capacity_says_what_stays_unrecovered() -> None:
    # issue 20 item 5, A.4.6 Abs. 4: spread over 24 × 365 = 8,760 days but paid for 8,409.6, the
    # investment of 24,000 is recovered at 96 % only: 24,000 × 4 % = 960.00 stay unrecovered a year
    k = e.kalkulation(**CONTRACT, investment_occupancy="full")
    (step,) = [s for s in k.steps if s.clause == "LRV A.4.6 Abs. 4"]
    assert step.value == Decimal("960.00")
    assert step.de.startswith("Hinweis: bei der vereinbarten Auslastung von 96 % nicht refinanzierter Teil")
    assert k.notes == (
        (
            "investment_occupancy='full': at the agreed occupancy of 96 % the rate leaves 960.00 of the "
            "Investitionsbetrag and Betriebskosten unrecovered a year, although all betriebsnotwendigen "
            "Aufwendungen are to be refinanced (LRV A.4.6 Abs. 4)"
        ),
    )
    # with operating costs of 1,000 as well: (24,000 + 1,000) × 4 % = 1,000.00
    more = e.kalkulation(**CONTRACT, investment_occupancy="full", operating_costs="1000")
    assert [s.value for s in more.steps if s.clause == "LRV A.4.6 Abs. 4"] == [Decimal("1000.00")]
    # at 100 % occupancy nothing stays unrecovered, and the default reading recovers it all
    assert e.kalkulation(**{**CONTRACT, "occupancy_percent": "100"}, investment_occupancy="full").notes == ()
    assert e.kalkulation(**CONTRACT).notes == ()


def test_a_kalkulation_notes_the_costs_it_holds_twice() -> None:
    # issue 20 item 5, the review's case: Fachkraft 5 × 60,000 = 300,000; Leitung (a management post)
    # 0.5 × 80,000 = 40,000; personnel 340,000; Leitung/Verwaltung 10 % = 34,000 (on the Leitung post
    # too); Sachaufwand 8 % = 27,200; management_costs 15,000; material_costs 20,000
    # = 436,200 ÷ (24 × 365 × 0.96 = 8,409.6) = 51.8692… → 51.87 — kept, but noted
    k = e.kalkulation(
        unit="day",
        places=24,
        occupancy_percent="96",
        days=365,
        posts=[
            _post(fte="5", cost="60000"),
            _post("Leitung", "0.5", "80000", management=True),
        ],
        surcharges_percent={"leitung_verwaltung": "10", "sachaufwand": "8"},
        management_costs="15000",
        material_costs="20000",
    )
    assert (k.annual_cost, k.amount) == (Decimal("436200.00"), Decimal("51.87"))
    assert k.notes == (
        (
            "Leitung/Verwaltung is in the Kalkulation 3 times: surcharge leitung_verwaltung on all posts "
            "(laid on the posts Leitung too); Leitung/Verwaltung posts (Leitung); management_costs "
            "(LRV A.4.6.1 Abs. 3): check that it is not paid twice"
        ),
        (
            "the Sachaufwand is in the Kalkulation twice: surcharge sachaufwand and material_costs "
            "(LRV A.4.6.2 Abs. 1): check that it is not paid twice"
        ),
    )
    assert [s.clause for s in k.steps[-2:]] == ["LRV A.4.6.1 Abs. 3", "LRV A.4.6.2 Abs. 1"]
    assert k.steps[-1].de == (
        "Hinweis: Sachaufwand doppelt enthalten — Zuschlag sachaufwand und material_costs: nicht doppelt vergüten"
    )
    # one way each: no note (a management post alone; a Leitung/Verwaltung surcharge alone with material_costs)
    assert e.kalkulation(**CONTRACT).notes == ()
    only_post = e.kalkulation(
        unit="month", places=1, occupancy_percent=100, posts=[_post(), _post("Leitung", "0.5", management=True)]
    )
    assert only_post.notes == ()
    post_and_amount = e.kalkulation(
        unit="month",
        places=1,
        occupancy_percent=100,
        posts=[_post(), _post("Leitung", "0.5", management=True)],
        management_costs="1",
    )
    assert post_and_amount.notes[0].startswith("Leitung/Verwaltung is in the Kalkulation 2 times: Leitung/Verwal")
    # module_rate keeps the Kalkulation's notes
    module = {"kind": "fachmodul_wohnen", "places": 24, "occupancy_percent": "96", "kalkulation": k.kalkulation}
    assert e.module_rate(module, on=ON).notes[:2] == k.notes


def test_costs_under_42a_abs_6_sgb_xii_are_a_component() -> None:
    # M18 (LRV A.4.5 Abs. 2: "insbesondere Kosten nach § 42a Abs. 6 SGB XII"): 564,400 + 4,204.80
    # = 568,604.80 ÷ 8,409.6 = 67.6133… → 67.61 (+ 0.50 a day: 4,204.80 ÷ 8,409.6)
    k = e.kalkulation(**CONTRACT, housing_costs_above_threshold="4204.80")
    assert (k.annual_cost, k.amount) == (Decimal("568604.80"), Decimal("67.61"))
    assert k.housing_costs_above_threshold == Decimal("4204.80")
    (component,) = [c for c in k.components if c.key == "housing_costs_above_threshold"]
    assert (component.clause, component.amount) == ("LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)", Decimal("4204.80"))
    assert component.share_percent == Decimal("0.74")  # 4,204.80 ÷ 568,604.80 = 0.7395 %
    assert sum(c.share_percent for c in k.components) == Decimal("100.00")
    assert "LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)" in k.citations
    # none by default: no component, no step, the field zero
    plain = e.kalkulation(**CONTRACT)
    assert plain.housing_costs_above_threshold == Decimal("0.00")
    assert not any(c.key == "housing_costs_above_threshold" for c in plain.components)
    # from the KdU check: 42.19 a month for the Eingliederungshilfe (issue 20 item 7's case), 12 months
    # for one resident = 506.28 a year
    kdu = e.kdu_check(adequacy_limit="480", actual_costs="642.19")  # 642.19 − 480 × 1.25 = 42.19
    assert kdu.eingliederungshilfe_share * 12 == Decimal("506.28")
    # what-if and compare know the component: + 4,204.80 is + 0.50 a day
    w = e.what_if(CONTRACT, vary="housing_costs_above_threshold", values=["4204.80"])
    assert (w.amounts, w.steps[1].clause) == ((Decimal("67.61"),), "LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)")
    d = e.compare(plain, k)
    assert d.contributions["housing_costs_above_threshold"] == Decimal("0.50")
    assert sum(d.contributions.values()) == Decimal("0.50")
    back = e.compare(k, plain)  # the costs go again: the driver is the old side's
    assert back.contributions["housing_costs_above_threshold"] == Decimal("-0.50")
    assert "housing_costs_above_threshold" not in e.compare(plain, plain).contributions
    with pytest.raises(InvalidInputError, match=r"^housing_costs_above_threshold: got '-1'"):
        e.kalkulation(**CONTRACT, housing_costs_above_threshold="-1")


def test_public_subsidies_and_operating_costs() -> None:
    # 30,000 − 6,000 subsidies = 24,000: the contract example again; + 8,409.60 operating costs = +1.00
    k = e.kalkulation(**{**CONTRACT, "investment": "30000"}, public_subsidies="6000")
    assert (k.amount, k.investment) == (Decimal("67.11"), Decimal("24000.00"))
    assert "LRV B.4.7 Abs. 8" in k.citations
    with_operating = e.kalkulation(**CONTRACT, operating_costs="8409.60")
    assert with_operating.amount == Decimal("68.11")
    assert with_operating.operating_costs == Decimal("8409.60")


def test_leitung_verwaltung_as_an_agreed_amount() -> None:
    # 60,000 + 12,000 Leitung/Verwaltung = 72,000 ÷ 12 = 6,000.00
    k = e.kalkulation(unit="month", places=1, occupancy_percent=100, posts=[_post()], management_costs="12000")
    assert k.amount == Decimal("6000.00")
    assert ("management_costs", "LRV A.4.6.1 Abs. 3") in [(c.key, c.clause) for c in k.components]


def test_days_from_the_dated_parameter_on_the_period_start() -> None:
    data = {k: v for k, v in CONTRACT.items() if k != "days"}
    k = e.kalkulation(**data, period_start=ON, period_end=date(2025, 12, 31))
    assert k.amount == Decimal("67.11")
    assert k.parameters[0].name == "berechnungstage"
    assert k.days == Decimal(365)
    # an agreed figure as override: 24 × 350 × 0.96 = 8,064; 564,400 ÷ 8,064 = 69.9900… → 69.99
    assert e.kalkulation(**data, on=ON, overrides={"berechnungstage": 350}).amount == Decimal("69.99")
    with pytest.raises(InvalidInputError, match=r"^on: got None; pass days="):
        e.kalkulation(**data)
    with pytest.raises(ParameterNotFoundError):
        e.kalkulation(**data, on=date(2019, 1, 1))


def test_a_kalkulation_model_or_mapping_as_first_argument() -> None:
    model = Kalkulation.model_validate(CONTRACT)
    assert e.kalkulation(model).amount == e.kalkulation(CONTRACT).amount == Decimal("67.11")
    assert e.kalkulation(model).kalkulation is model
    with pytest.raises(InvalidInputError, match=r"^places: got 24; pass either a Kalkulation \(data\) or its fields"):
        e.kalkulation(model, places=24)
    with pytest.raises(InvalidInputError, match=r"^data\.posts\[0\]\.fte: got '-1'"):
        e.kalkulation({**CONTRACT, "posts": [_post(fte="-1")]})
    with pytest.raises(InvalidInputError, match=r"^data: got 5; pass a Kalkulation"):
        e.kalkulation(5)  # type: ignore[arg-type]


def test_the_keywords_of_kalkulation_are_the_fields_of_a_kalkulation() -> None:
    # the keywords given are read as the Kalkulation's fields: each field is a keyword, nothing else is
    keywords = [name for name in inspect.signature(e.kalkulation).parameters if name not in {"data", "on", "overrides"}]
    assert sorted(keywords) == sorted(Kalkulation.model_fields)
    # the first keyword given, in the order of the signature, is the one a clash names (places before occupancy)
    with pytest.raises(InvalidInputError, match=r"^places: got 24; pass either"):
        e.kalkulation(Kalkulation.model_validate(CONTRACT), occupancy_percent="90", places=24)
    with pytest.raises(InvalidInputError, match=r"^label: got 'x'; pass either"):
        e.kalkulation(Kalkulation.model_validate(CONTRACT), label="x", on=ON)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"posts": [_post(), _post("Hilfskraft", fte="-1")]}, r"^posts\[1\]\.fte: got '-1'; pass an amount of zero"),
        ({"posts": [_post(cost="-5")]}, r"^posts\[0\]\.annual_cost: got '-5'"),
        ({"posts": [_post(fte=0.5)]}, r"^posts\[0\]\.fte: got 0\.5; floats cannot hold cents exactly"),
        ({"posts": []}, r"^posts: got \[\]; pass at least one post"),
        ({"unit": "week"}, r"^unit: got 'week'; Input should be 'hour', 'day' or 'month'"),
        ({"occupancy_percent": "0"}, r"^occupancy_percent: got '0'; pass an occupancy"),
        ({"occupancy_percent": "100.01"}, r"^occupancy_percent: got '100.01'"),
        ({"material_costs": 1.5}, r"^material_costs: got 1\.5; floats"),
        ({"surcharges_percent": {"x": "-1"}}, r"^surcharges_percent\.x: got '-1'"),
        ({"places": None, "unit": "month", "days": None}, r"^places: got None; pass the agreed capacity"),
        ({"unit": "month"}, r"^days: got Decimal\('365'\); days belong to a rate per day"),
        ({"billable_hours": "100"}, r"^billable_hours: got Decimal\('100'\); billable hours belong to a rate per hour"),
        ({"public_subsidies": "30000"}, r"^public_subsidies: got Decimal\('30000'\); at most the investment 24000"),
        ({"period_start": ON, "period_end": date(2024, 12, 31)}, r"^period_end: got datetime.date\(2024, 12, 31\)"),
        ({"posts": [_post(staff_key="0.1")]}, r"^posts\[0\]\.staff_key: got \[Decimal\('1'\), Decimal\('0.1'\)\]"),
        (
            {"posts": [{"role": "A", "annual_cost": "1", "skilled": True}]},
            r"^posts\[0\]\.fte: got None; give the staff",
        ),
        ({"posts": [_post(persons=3)]}, r"^posts\[0\]\.persons: got 3; persons belongs to a staff_key"),
        ({"posts": [_post(skilled="yes")]}, r"^posts\[0\]\.skilled: got 'yes'"),
        ({"posts": [_post(), _post(management=True)]}, r"^posts\[1\]\.management: got True; role 'Fachkraft'"),
        ({"surcharge_mode": "multiplicative"}, r"^surcharge_mode: got 'multiplicative'"),
    ],
)
def test_bad_input_names_the_field_path(change: dict, message: str) -> None:
    data = {**CONTRACT, **change}
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(InvalidInputError, match=message):
        e.kalkulation(**data)


def test_unknown_field_in_a_mapping_is_named() -> None:
    with pytest.raises(InvalidInputError, match=r"^data\.color: got 'red'; unknown field"):
        e.parse_kalkulation({**CONTRACT, "color": "red"})


def test_billable_hours_need_posts_with_fte_or_an_agreed_number() -> None:
    with pytest.raises(InvalidInputError, match=r"^on: got None; pass on=date"):
        e.kalkulation(unit="hour", occupancy_percent=100, posts=[_post()])
    only_management = [_post("Leitung", management=True)]
    with pytest.raises(InvalidInputError, match=r"^posts: got \['Leitung'\]; no billable hours"):
        e.kalkulation(unit="hour", occupancy_percent=100, posts=only_management, on=ON)
    with pytest.raises(InvalidInputError, match="billable_share_percent: got Decimal"):
        e.kalkulation(unit="hour", occupancy_percent=100, posts=[_post()], billable_hours="1", billable_share_percent=5)
    staff_key = [{"role": "A", "staff_key": "0.1", "annual_cost": "1", "skilled": True}]
    with pytest.raises(InvalidInputError, match=r"^posts\[0\]\.persons: got None; pass the persons"):
        e.kalkulation(unit="hour", occupancy_percent=100, posts=staff_key, billable_hours="10")


def test_json_and_toml_give_the_same_kalkulation_and_json_round_trips() -> None:
    from_json = parse_kalkulation(json.dumps(CONTRACT))
    toml = """
unit = "day"
places = 24
occupancy_percent = "96"
days = 365
material_costs = "30000"
investment = "24000"
[surcharges_percent]
leitung_verwaltung = "10"
[[posts]]
role = "Fachkraft"
fte = "6"
annual_cost = "62000"
skilled = true
[[posts]]
role = "Hilfskraft"
fte = "2"
annual_cost = "46000"
skilled = false
"""
    assert parse_kalkulation(toml, syntax="toml") == from_json
    assert parse_kalkulation(from_json.model_dump_json()) == from_json
    assert e.kalkulation(from_json).amount == Decimal("67.11")


def test_toml_floats_and_bad_text_are_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"^data\.occupancy_percent: got 96\.5; floats"):
        parse_kalkulation(
            'unit = "day"\nplaces = 1\noccupancy_percent = 96.5\n'
            '[[posts]]\nrole = "A"\nfte = "1"\nannual_cost = "1"\nskilled = true',
            syntax="toml",
        )
    with pytest.raises(InvalidInputError, match=r"^data: got 'unit = '; pass valid TOML"):
        parse_kalkulation("unit = ", syntax="toml")
    with pytest.raises(InvalidInputError, match=r"^syntax: got 'yaml'"):
        parse_kalkulation("", syntax="yaml")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^data: got \[\]; pass a mapping"):
        parse_kalkulation([])  # type: ignore[arg-type]


def test_json_schema_is_published() -> None:
    schema = e.input_schema("Kalkulation")
    assert schema["additionalProperties"] is False
    assert {"unit", "posts", "places", "occupancy_percent", "days", "material_costs", "investment"} <= set(
        schema["properties"]
    )
    assert set(schema["required"]) == {"unit", "posts", "occupancy_percent"}
    post = schema["$defs"]["Post"]
    assert set(post["required"]) == {"role", "annual_cost", "skilled"}
    assert "Kalkulation" in e.input_schema()["$defs"]


@pytest.mark.parametrize(
    ("rule", "personnel", "material"),
    [
        (None, "LRV A.2.2 Abs. 1 d, A.4.6.1", "LRV A.4.6.2 Abs. 1"),  # Sachaufwand: not a Pauschale für Personal
        ("teilhabe_an_bildung", "LRV B.1.5.3", "LRV B.1.5.3"),  # Schulbegleitung (B.1.5.1)
        ("assistenz_kinder_familie", "LRV B.1.6.2", "LRV B.1.6.2"),
    ],
)
def test_a_kalkulation_takes_a_surcharge_rule(rule: str | None, personnel: str, material: str) -> None:
    # issue 20 item 4. 464,000 + 10 % = 46,400 + 5 % = 23,200 + 30,000 + 24,000 = 587,600
    # 587,600 ÷ 8,409.6 = 69.8725… → 69.87, whichever clause the surcharges rest on
    surcharges = {"leitung_verwaltung": "10", "sachaufwand": "5"}
    k = e.kalkulation(**{**CONTRACT, "surcharges_percent": surcharges}, surcharge_rule=rule)
    assert k.amount == Decimal("69.87")
    clauses = {c.key: c.clause for c in k.components}
    assert (clauses["surcharges[leitung_verwaltung]"], clauses["surcharges[sachaufwand]"]) == (personnel, material)
    surcharge_steps = [step.clause for step in k.steps if step.de.startswith("Zuschlag ")]
    assert surcharge_steps == [personnel, material] * 2  # the surcharge, then its share of the annual cost
    assert k.kalkulation.surcharge_rule == (rule or "aufschlagskalkulation")
    # the rule travels with the Kalkulation: its JSON, the what-if and the module rate keep it
    assert e.parse_kalkulation(k.kalkulation.model_dump_json()).surcharge_rule == k.kalkulation.surcharge_rule
    w = e.what_if(k, vary="surcharges_percent.sachaufwand", values=["6"])
    assert w.steps[1].clause == material
    # compare: the surcharges' contribution (+ 5 % Sachaufwand: 67.11 → 69.87) cites both clauses at once,
    # each as the Kalkulation's components cite it
    d = e.compare(e.kalkulation(**CONTRACT, surcharge_rule=rule), k)
    (step,) = [s for s in d.steps if s.de.startswith("Beitrag surcharges")]
    both = material if rule else "LRV A.2.2 Abs. 1 d, A.4.6.1, A.4.6.2 Abs. 1"
    assert (step.value, step.clause) == (Decimal("2.76"), both)


def test_a_kalkulation_refuses_an_unknown_surcharge_rule() -> None:
    with pytest.raises(InvalidInputError, match=r"^surcharge_rule: "):
        e.kalkulation(**CONTRACT, surcharge_rule="kinder")


def test_post_model_refuses_two_ways_of_staffing() -> None:
    with pytest.raises(ValueError, match="exactly one way"):
        Post(role="A", annual_cost=Decimal(1), skilled=True, fte=Decimal(1), hours=Decimal(2))
    assert Post(role="A", annual_cost=Decimal(1), skilled=True, hours=Decimal(2)).way == "hours"


def test_module_rate_from_a_kalkulation() -> None:
    module = {"kind": "fachmodul_wohnen", "places": 24, "occupancy_percent": "96", "kalkulation": CONTRACT}
    r = e.module_rate(module, on=ON)
    assert (r.amount, r.calculation, r.per.value) == (Decimal("67.11"), "kalkulation", "day")
    assert r.detail is not None
    assert "LRV A.2.2 Abs. 1 d, A.4.6.1" in r.citations
    # the module's own days reach a Kalkulation without them: 24 × 350 × 0.96 = 8,064 → 69.99
    without_days = {k: v for k, v in CONTRACT.items() if k != "days"}
    r = e.module_rate({**module, "kalkulation": without_days, "days": 350}, on=ON)
    assert r.amount == Decimal("69.99")
    with pytest.raises(
        InvalidInputError, match=r"^module\.kalkulation\.places: got 24; .* agree with the module \(20\)"
    ):
        e.module_rate({**module, "places": 20}, on=ON)
    with pytest.raises(InvalidInputError, match=r"exactly one of them"):
        e.module_rate({**module, "annual_cost": "1"}, on=ON)


def test_explanations_render_in_both_languages() -> None:
    k = e.kalkulation(**CONTRACT)
    assert "Stelle Fachkraft: 6 VK × 62000 € je Vollzeitstelle: 372.000 [LRV A.2.2 Abs. 1 c]" in k.explain()
    assert "post Hilfskraft: 2 FTE × 46000 € per full-time post: 92,000 [LRV A.2.2 Abs. 1 c]" in k.explain("en")
    assert "Personalaufwand Fachkraft (65,91 % der Jahreskosten)" in k.explain()
    assert "| 19 | gerundet auf den Cent (kaufmännisch) | 67,11 | LRV A.4.5 Abs. 1 |" in k._repr_markdown_()
    assert "<td>Fachkraftquote: Fachkraft-VK ÷ VK ohne Leitung/Verwaltung, in %</td><td>75,00</td>" in k._repr_html_()
    record = json.loads(k.model_dump_json())
    assert record["amount"] == "67.11"
    assert record["kalkulation"]["posts"][0]["annual_cost"] == "62000"


def test_every_line_is_in_cents_and_the_annual_cost_is_their_sum() -> None:
    # post: 0.125 FTE × 45,678.91 = 5,709.86375 → 5,709.86; Sachaufwand 1,000.333 → 1,000.33;
    # Zuschlag 10 % of 5,709.86 = 570.986 → 570.99; annual cost 5,709.86 + 570.99 + 1,000.33 = 7,281.18
    # rate 7,281.18 ÷ (3 × 365 × 0.97 = 1,062.15) = 6.8551… → 6.86
    k = e.kalkulation(
        unit="day",
        places=3,
        occupancy_percent="97",
        days=365,
        posts=[{"role": "A", "fte": "0.125", "annual_cost": "45678.91", "skilled": True}],
        surcharges_percent={"verwaltung": "10"},
        material_costs="1000.333",
    )
    assert (k.personnel_cost, k.surcharges, k.material_costs, k.annual_cost, k.amount) == (
        Decimal("5709.86"),
        Decimal("570.99"),
        Decimal("1000.33"),
        Decimal("7281.18"),
        Decimal("6.86"),
    )
    assert [c.amount for c in k.components] == [Decimal("5709.86"), Decimal("570.99"), Decimal("1000.33"), 0]
    assert sum(c.amount for c in k.components) == k.annual_cost
    assert "Stelle A: 0,125 VK × 45678,91 € je Vollzeitstelle: 5.709,86" in k.explain()
    assert "Jahreskosten: 7.281,18 [LRV A.4.5 Abs. 2]" in k.explain()


def test_costs_with_sixty_decimals_are_shown_in_cents() -> None:
    fraction = Decimal("0." + "3" * 60)  # a third of a Euro, to 60 places
    k = e.kalkulation(
        unit="month",
        places=1,
        occupancy_percent="100",
        posts=[{"role": "A", "fte": "1", "annual_cost": 12000 + fraction, "skilled": True}],
        material_costs=fraction,
        investment=fraction,
    )
    figures = (k.annual_cost, k.personnel_cost, k.surcharges, k.material_costs, k.investment, k.operating_costs)
    assert all(-value.as_tuple().exponent <= 2 for value in figures)  # type: ignore[operator]
    # 12,000.33 + 0.33 + 0.33 = 12,000.99 ÷ 12 months = 1,000.0825 → 1,000.08
    assert (k.annual_cost, k.amount) == (Decimal("12000.99"), Decimal("1000.08"))
    assert all(-c.amount.as_tuple().exponent <= 2 for c in k.components)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("posts", "quota"),
    [
        ([("Fachkraft", "1", True)], Decimal("100.00")),  # exactly 1 FTE other than management: 1 ÷ 1
        ([("Fachkraft", "0.5", True)], Decimal("100.00")),  # below 1 FTE: 0.5 ÷ 0.5
        ([("Fachkraft", "0.5", True), ("Hilfskraft", "0.25", False)], Decimal("66.67")),  # 0.5 ÷ 0.75 = 66.666…
        ([("Fachkraft", "1", True), ("Hilfskraft", "0.5", False)], Decimal("66.67")),  # 1 ÷ 1.5
        ([("Hilfskraft", "1", False)], Decimal("0.00")),  # no Fachkraft: 0 ÷ 1
    ],
)
def test_the_fachkraftquote_at_and_below_one_fte(posts: list[tuple[str, str, bool]], quota: Decimal) -> None:
    # issue 20: the quota is given whenever there is any FTE other than Leitung/Verwaltung (not only above 1)
    k = e.kalkulation(
        unit="month",
        places=1,
        occupancy_percent=100,
        posts=[{"role": role, "fte": fte, "annual_cost": "12000", "skilled": skilled} for role, fte, skilled in posts],
    )
    assert k.skilled_share_percent == quota
    assert [s.value for s in k.steps if s.clause == "LRV A.2.2 Abs. 2"] == [quota]


def test_no_fachkraftquote_without_posts_other_than_management() -> None:
    leitung = {"role": "Leitung", "fte": "0.5", "annual_cost": "80000", "skilled": True, "management": True}
    k = e.kalkulation(unit="month", places=1, occupancy_percent=100, posts=[leitung])
    assert k.skilled_share_percent is None
    assert not [s for s in k.steps if s.clause == "LRV A.2.2 Abs. 2"]


#: Ten places a day at full occupancy (3,650 units), and a skilled post of 2 FTE × 60,000 €.
_TEN_PLACES: dict[str, Any] = {"unit": "day", "places": 10, "occupancy_percent": "100", "days": 365}
_SKILLED_A = {"role": "A", "fte": "2", "annual_cost": "60000", "skilled": True}


def test_the_quota_and_shares_are_exact_under_a_callers_3_digit_context() -> None:
    # Fachkraftquote 2 ÷ 3 FTE = 66.666… → 66.67 %; shares of 175,000 €: 120,000 = 68.571…, 45,000 = 25.714…,
    # 10,000 = 5.714… → 68.57 + 25.71 + 5.71 = 99.99, the last cent to the largest remainder, the earlier of
    # the two equal ones (25.72). A caller's 3-digit context rounding down must change none of it.
    unskilled_b = {"role": "B", "fte": "1", "annual_cost": "45000", "skilled": False}
    with localcontext(Context(prec=3, rounding=ROUND_DOWN, Emin=-20, Emax=20)):
        r = e.kalkulation(**_TEN_PLACES, posts=[_SKILLED_A, unskilled_b], material_costs="10000")
    assert r.skilled_share_percent == Decimal("66.67")
    assert [c.share_percent for c in r.components] == [Decimal(x) for x in ("68.57", "25.72", "5.71", "0.00")]
    assert r.amount == Decimal("47.95")  # 175,000 ÷ 3,650 = 47.945… → 47.95


def test_a_surcharge_step_shows_its_percentage_in_each_language() -> None:
    # 17.5 % of 2 × 60,000 = 120,000 is 21,000: "17,5" in German, "17.5" in English
    r = e.kalkulation(**_TEN_PLACES, posts=[_SKILLED_A], surcharges_percent={"gemeinkosten": "17.5"})
    step = next(s for s in r.steps if s.de.startswith("Zuschlag gemeinkosten:"))
    assert (step.de, step.en, step.value) == (
        "Zuschlag gemeinkosten: 17,5 % auf Personalaufwand",
        "surcharge gemeinkosten: 17.5 % of personnel cost",
        Decimal("21000.00"),
    )
