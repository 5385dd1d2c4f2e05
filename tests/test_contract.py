"""The public contract of DESIGN.md, call for call: names, keywords and results users rely on.

Each value was worked by hand; the arithmetic or the reasoning is in the comment beside it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import eghnrw as e


def test_version_is_a_string() -> None:
    assert isinstance(e.__version__, str)
    assert e.__version__.count(".") >= 2


def test_money() -> None:
    assert e.round_cents(Decimal("2.345")) == Decimal("2.35")  # half up
    # 100.00 / 3 = 33.333…: one leftover cent goes to the first part (tie: earlier part wins)
    assert e.allocate(Decimal("100.00"), 3) == (Decimal("33.34"), Decimal("33.33"), Decimal("33.33"))
    # weights 1:2:1 of 10.01 → 2.5025, 5.005, 2.5025 → floors 2.50, 5.00, 2.50; one cent left,
    # largest remainder 0.5 ct is the middle part's
    assert e.allocate(Decimal("10.01"), ["1", "2", "1"]) == (Decimal("2.50"), Decimal("5.01"), Decimal("2.50"))


def test_parameters() -> None:
    kgst = e.parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))
    assert kgst.value == Decimal(1584)
    assert (kgst.valid_from, kgst.valid_until) == (date(2020, 1, 1), None)
    assert "A.4.6" in kgst.source
    rbs2 = e.parameter("regelbedarfsstufe_2", on=date(2024, 7, 1))
    assert rbs2.value == Decimal(506)
    assert (rbs2.valid_from, rbs2.valid_until) == (date(2024, 1, 1), date(2024, 12, 31))


def test_hourly_rate() -> None:
    r = e.hourly_rate(annual_personnel_cost=Decimal(63360), on=date(2024, 1, 1))
    assert r.amount == Decimal("40.00")  # 63,360 / 1,584 = 40
    # 63,360 × 1.35 = 85,536; / 1,584 = 54
    r = e.hourly_rate(
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
        on=date(2024, 1, 1),
    )
    assert r.amount == Decimal("54.00")
    # annual_hours overrides the KGSt parameter: 63,360 / 1,600 = 39.60
    assert e.hourly_rate(annual_personnel_cost=63360, annual_hours=1600, on=date(2024, 1, 1)).amount == Decimal("39.60")


# The surcharge (8,750.00) and daily rate (144.20) examples are pinned, with their trace, by
# test_contract_example in tests/test_rates_surcharges.py and tests/test_rates_daily.py.


def test_kdu() -> None:
    # limit 500 → threshold 625; 700 exceeds it by 75
    k = e.kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500))
    assert k.exceeds_threshold is True
    assert (k.sgb_xii_share, k.eingliederungshilfe_share) == (Decimal("625.00"), Decimal("75.00"))
    # not itemised: SGB XII carries 500; 500–625 is carried by neither; 75 above 625 is EGH
    k = e.kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500), itemised=False)
    assert (k.sgb_xii_share, k.uncovered_share, k.eingliederungshilfe_share) == (
        Decimal("500.00"),
        Decimal("125.00"),
        Decimal("75.00"),
    )
    # exactly 125 % does not exceed ("um mehr als 25 %")
    assert e.kdu_check(actual_costs=Decimal(625), adequacy_limit=Decimal(500)).exceeds_threshold is False


def test_commission_vote() -> None:
    v = e.commission_vote(providers_present=8, authorities_present=8, yes=15, no=0, abstain=1)
    assert v.quorate is True
    assert v.adopted is True
    # 7 of 14 on one side is no majority of that side: not quorate
    assert e.commission_vote(providers_present=7, authorities_present=8, yes=15, no=0, abstain=0).quorate is False


def test_terms() -> None:
    # notice on 30.09.2026 still ends the period 2026 (three months to 31.12)
    assert e.rv_end_date(notice_received=date(2026, 9, 30)) == date(2026, 12, 31)
    # one day later: the following period
    assert e.rv_end_date(notice_received=date(2026, 10, 1)) == date(2027, 12, 31)
    t = e.lrv_termination(notice_received=date(2024, 3, 15))
    assert (t.effective_date, t.aftereffect_until) == (date(2025, 3, 15), date(2026, 3, 15))
    # a replacement on 01.10.2025 ends the Nachwirkung the day before
    t = e.lrv_termination(notice_received=date(2024, 3, 15), replaced_on=date(2025, 10, 1))
    assert t.aftereffect_until == date(2025, 9, 30)


def test_calendar() -> None:
    assert e.is_werktag(date(2024, 11, 1)) is False  # Allerheiligen
    assert e.is_werktag(date(2024, 11, 2)) is True  # a Saturday is a Werktag
    assert e.is_werktag(date(2024, 11, 2), saturday_is_werktag=False) is False
    # 01.11. holiday, 02.11. Sa (1), 03.11. Su, 04.–07.11. (2–5)
    assert e.add_werktage(date(2024, 10, 31), 5) == date(2024, 11, 7)
    assert e.add_period(date(2024, 5, 8), weeks=4) == date(2024, 6, 5)
    # 31.01.2024 + 1 month: 31.02. does not exist → 29.02. (§ 188 Abs. 3 BGB)
    assert e.add_period(date(2024, 1, 31), months=1) == date(2024, 2, 29)
    # 01.06.2024 is a Saturday: a deadline to act moves to Monday 03.06.
    assert e.add_period(date(2024, 5, 4), weeks=4, shift_to_werktag=True) == date(2024, 6, 3)


def test_deadlines() -> None:
    # request on 15.05.2024: three months end 15.08.2024; available from the next day
    assert e.schiedsstelle_available_from(negotiation_requested=date(2024, 5, 15)) == date(2024, 8, 16)


def test_results_explain_themselves() -> None:
    r = e.hourly_rate(annual_personnel_cost=Decimal(63360), on=date(2024, 1, 1))
    assert "LRV A.4.6 Abs. 2" in r.explain()
    assert "LRV A.4.6 Abs. 2" in r.explain(lang="en")
    assert "<table>" in r._repr_html_()
    assert "| # |" in r._repr_markdown_()
    record = r.model_dump_json()
    assert f'"eghnrw_version":"{e.__version__}"' in record
    assert "Landesrahmenvertrag" in record  # the edition applied
