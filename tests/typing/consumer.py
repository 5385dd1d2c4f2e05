"""A user's script: the contract calls of DESIGN.md, as someone pinning eghnrw would write them.

``tests/typing/test_consumer_types.py`` type-checks this file with ``mypy --strict`` against the
installed package (which must ship ``py.typed``), and runs it. ``assert_type`` pins the types
users rely on: a change that loosens one to ``Any`` fails the check.
"""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal
from typing import assert_type

import eghnrw as e
from eghnrw import EghnrwError, InvalidInputError, ParameterNotFoundError


def money() -> None:
    assert_type(e.round_cents(Decimal("2.345")), Decimal)
    assert e.round_cents(Decimal("2.345")) == Decimal("2.35")
    parts = e.allocate(Decimal("100.00"), 3)
    assert_type(parts, tuple[Decimal, ...])
    assert parts == (Decimal("33.34"), Decimal("33.33"), Decimal("33.33"))
    assert e.allocate("10.00", ["1", "3"]) == (Decimal("2.50"), Decimal("7.50"))


def parameters() -> None:
    p = e.parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))
    assert_type(p.value, Decimal)
    assert_type(p.valid_from, date)
    assert_type(p.valid_until, date | None)
    assert_type(p.source, str)
    assert p.value == Decimal(1584)
    assert e.parameter("regelbedarfsstufe_2", on=date(2024, 7, 1)).value == Decimal(506)


def rates() -> None:
    r = e.hourly_rate(annual_personnel_cost=Decimal(63360), on=date(2024, 1, 1))
    assert_type(r.amount, Decimal)
    assert r.amount == Decimal("40.00")
    r = e.hourly_rate(
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
        on=date(2024, 1, 1),
    )
    assert r.amount == Decimal("54.00")
    assert e.surcharge(base=Decimal(50000), percent=Decimal("17.5")).amount == Decimal("8750.00")
    d: e.DailyRateResult = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    assert d.amount == Decimal("144.20")
    assert isinstance(pickle.loads(pickle.dumps(d)), e.DailyRateResult)  # noqa: S301 - our own object
    text: str = d.explain()
    record: str = d.model_dump_json()
    assert "144" in text
    assert record.startswith("{")
    assert type(d).model_validate_json(record) == d  # the audit record loads back equal
    again = e.Result.from_record(record)
    assert_type(again, e.Result)
    assert again == d
    assert hash(again) == hash(d)


def kdu_and_commission() -> None:
    k = e.kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500))
    assert_type(k, e.KduResult)
    assert_type(k.exceeds_threshold, bool)
    assert k.exceeds_threshold is True
    assert k.sgb_xii_share == Decimal("625.00")
    assert k.eingliederungshilfe_share == Decimal("75.00")
    v = e.commission_vote(providers_present=8, authorities_present=8, yes=15, no=0, abstain=1)
    assert v.quorate is True
    assert v.adopted is True


def besondere_wohnform() -> None:
    s = e.area_split(annual_costs="120000", fachleistung_m2="300", wohnen_m2="600", gemeinschaft_m2="200", misch_m2="0")
    assert_type(s.fachleistung, Decimal)
    assert (s.fachleistung, s.unterkunft) == (Decimal("32727.27"), Decimal("87272.73"))
    r = e.resident_shares(amount="1000.00", rooms={"A": "10", "B": "20"}, gemeinschaft_m2="30")
    assert_type(r.by_resident, dict[str, Decimal])
    assert r.by_resident == {"A": Decimal("416.67"), "B": Decimal("583.33")}  # keys 2 × 10 + 30 : 2 × 20 + 30
    w = e.warmmiete_check(warmmiete_charged="520.00", unterkunft_costs="500.00")
    assert_type(w.covered_by_costs, bool)
    assert w.difference == Decimal("20.00")
    house = e.House.model_validate(
        {
            "name": "Haus",
            "fachleistung_m2": "60",
            "gemeinschaft_m2": "40",
            "costs": [{"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"}],
            "residents": [{"id": "A", "room_m2": "20"}, {"id": "B", "room_m2": "20"}],
            "adequacy_limit": "500",
        }
    )
    split = e.wohnform_split(house)
    assert_type(split.rate_inputs()["investment"], Decimal)
    assert split.investment == Decimal("10285.71")
    rate = e.organisationsmodul_rate(
        persons=2, posts_per_person="0", cost_per_post="0", sachaufwand_percent="0", occupancy_percent="100",
        days=365, **split.rate_inputs(),
    )  # fmt: skip
    assert rate.investitionsbetrag == Decimal("10285.71")


def dates() -> None:
    assert_type(e.rv_end_date(notice_received=date(2026, 9, 30)), date)
    assert e.rv_end_date(notice_received=date(2026, 9, 30)) == date(2026, 12, 31)
    t = e.lrv_termination(notice_received=date(2024, 3, 15))
    assert_type(t.effective_date, date)
    assert t.effective_date == date(2025, 3, 15)
    assert t.aftereffect_until == date(2026, 3, 15)
    assert_type(e.is_werktag(date(2024, 11, 1)), bool)
    assert e.is_werktag(date(2024, 11, 1)) is False
    assert e.add_werktage(date(2024, 10, 31), 5) == date(2024, 11, 7)
    assert e.add_period(date(2024, 5, 8), weeks=4) == date(2024, 6, 5)
    assert e.schiedsstelle_available_from(negotiation_requested=date(2024, 5, 15)) == date(2024, 8, 16)


def columns_and_calendars() -> None:
    book = e.daily_rates(annual_cost=["1000000", "-1"], places=(20, 20), occupancy_percent="95", days=365)
    assert_type(book, e.BatchResult)
    assert_type(book.amounts, list[Decimal | None])
    assert book.amounts == [Decimal("144.20"), None]
    table: dict[str, list[object]] = dict(book.table())
    assert table["error"][1] is not None
    k = e.kdu_checks(actual_costs=range(600, 800, 100), adequacy_limit=500)
    assert k.columns["exceeds_threshold"] == [False, True]
    h = e.hourly_rates(annual_personnel_cost=[63360], on=date(2024, 1, 1))
    assert h.amounts == [Decimal("40.00")]
    calendar = e.to_ics(e.fixed_dates(start=date(2025, 1, 1)), lang="en")
    assert_type(calendar, str)
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    text: str = e.termination_timeline(notice_received=date(2024, 3, 15)).to_ics(case="Haus A")
    assert "SUMMARY:Haus A – LRV: Kündigung zugegangen" in text


def errors() -> None:
    refused: InvalidInputError | None = None
    try:
        e.round_cents("1.234,56")
    except InvalidInputError as exc:
        refused = exc
    assert refused is not None
    assert_type(refused.argument, str)
    assert isinstance(refused, ValueError)
    missing: ParameterNotFoundError | None = None
    try:
        e.parameter("no_such_parameter", on=date(2024, 1, 1))
    except ParameterNotFoundError as exc:
        missing = exc
    assert isinstance(missing, LookupError)
    assert isinstance(missing, EghnrwError)


def legal_round_2() -> None:
    r = e.hourly_rate(
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20"},
        on=date(2024, 1, 1),
        surcharge_rule=e.SurchargeRule.TEILHABE_AN_BILDUNG,
        billable_share_percent="80",
    )
    assert_type(r.billable_hours, Decimal | None)
    assert r.amount == Decimal("60.00")  # 63,360 × 1.2 ÷ (1,584 × 0.8)
    demand = e.commission_meeting_demand(providers_demanding=8)
    assert_type(demand.meeting_required, bool)
    assert demand.meeting_required is True
    assert e.working_group_meeting_demand(members_demanding=4).meeting_required is True
    assert e.working_group_check(members=["LVR", "LWL"]).complete is False
    deadline = e.evaluation_proposal_deadline(concluded_on=date(2024, 11, 30))
    assert_type(deadline.due, date)
    assert deadline.due == date(2025, 2, 28)


def negotiation() -> None:
    k = e.kalkulation(
        unit="day",
        places=24,
        occupancy_percent="96",
        days=365,
        posts=[
            {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
            {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
        ],
        surcharges_percent={"leitung_verwaltung": "10"},
        material_costs="30000",
        investment="24000",
    )
    assert_type(k.amount, Decimal)
    assert_type(k.skilled_share_percent, Decimal | None)
    assert (k.amount, k.annual_cost, k.skilled_share_percent) == (Decimal("67.11"), Decimal(564400), Decimal(75))
    model: e.Kalkulation = e.parse_kalkulation(k.kalkulation.model_dump_json())
    assert model == k.kalkulation
    assert e.Post(role="A", annual_cost=Decimal(1), skilled=True, fte=Decimal(1)).way == "fte"
    b = e.break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", days=365)
    assert_type(b.percent, Decimal | None)
    assert b.percent == Decimal("91.33")
    assert e.max_annual_cost(rate="150.00", places=20, occupancy_percent="95", days=365).amount == Decimal("1040284.67")
    o = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    assert_type(o.revenue_difference, Decimal)
    assert o.revenue_difference == Decimal("-52606.00")
    f = e.fortschreibung(
        rate="144.20",
        personnel_share_percent="80",
        tariff_increase_percent="5.5",
        material_share_percent="15",
        price_index_percent="2.0",
    )
    assert f.amount == Decimal("150.98")
    d = e.compare("144.20", f)
    assert_type(d.contributions, dict[str, Decimal])
    assert sum(d.contributions.values()) == d.amount_difference
    w = e.what_if(model, vary="occupancy_percent", start="90", stop="100", step="5")
    assert_type(w.amounts, tuple[Decimal, ...])
    assert len(w.rows) == 3


def main() -> None:
    money()
    parameters()
    rates()
    negotiation()
    kdu_and_commission()
    besondere_wohnform()
    dates()
    columns_and_calendars()
    errors()
    legal_round_2()
    version: str = e.__version__
    print(f"consumer ok with eghnrw {version}")  # noqa: T201 - a script reports


if __name__ == "__main__":
    main()
