"""compare(): the difference of two results of one calculation, split by driver, adding up to the cent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

import eghnrw as e
from cases import CONTRACT
from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.rates.daily import daily_rate

FLAT = {"personnel_share_percent": "80", "material_share_percent": "15", "price_index_percent": "2.0"}


def test_two_daily_rates() -> None:
    # 144.20 → 1,050,000 ÷ 6,570 = 159.8173… → 159.82: + 15.62
    # annual cost first: 1,050,000 ÷ 6,935 = 151.4059… → 151.41 (+7.21); then occupancy 95 → 90: +8.41
    old = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    new = daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
    d = e.compare(old, new)
    assert d.amount_difference == new.amount - old.amount == Decimal("15.62")
    assert d.contributions == {
        "annual_cost": Decimal("7.21"),
        "places": Decimal("0.00"),
        "occupancy": Decimal("8.41"),
        "days": Decimal("0.00"),
    }
    assert sum(d.contributions.values()) == d.amount_difference
    assert (d.calculation, d.old_amount, d.new_amount) == ("daily_rate", Decimal("144.20"), Decimal("159.82"))


def test_a_kalkulation_and_its_fortschreibung() -> None:
    # Fachkraft raised first: (392,460 + 92,000) × 1.1 + 54,000 = 586,906 ÷ 8,409.6 = 69.7893… → 69.79 (+2.68)
    # then Hilfskraft: 591,554 − 600 = 590,954 ÷ 8,409.6 = 70.2713… → 70.27 (+0.48)
    # then Sachaufwand: 591,554 ÷ 8,409.6 = 70.3427… → 70.34 (+0.07)
    k = e.kalkulation(**CONTRACT)
    f = e.fortschreibung(
        kalkulation=k, tariff_increase_percent={"TVöD-SuE": "5.5", "AVR": "4"}, price_index_percent="2"
    )
    d = e.compare(k, f)
    assert d.amount_difference == Decimal("3.23")
    assert d.contributions["personnel[Fachkraft]"] == Decimal("2.68")
    assert d.contributions["personnel[Hilfskraft]"] == Decimal("0.48")
    assert d.contributions["material_costs"] == Decimal("0.07")
    assert all(v == 0 for key, v in d.contributions.items() if key not in {"personnel[Fachkraft]",
               "personnel[Hilfskraft]", "material_costs"})  # fmt: skip
    assert sum(d.contributions.values()) == d.amount_difference
    # the same from the rate alone, or from the Fortschreibung's successor
    assert e.compare("67.11", f).contributions == d.contributions
    assert e.compare(k, e.kalkulation(f.successor)).contributions == d.contributions


def test_a_rate_and_its_flat_fortschreibung() -> None:
    # tariff first: 144.20 × 1.044 = 150.5448 → 150.54 (+6.34); then the price index: 150.98 (+0.44)
    f = e.fortschreibung(rate="144.20", tariff_increase_percent="5.5", **FLAT)
    d = e.compare("144.20", f)
    assert d.contributions == {
        "rate": Decimal("0.00"),
        "personnel_share_percent": Decimal("0.00"),
        "tariff_increase_percent": Decimal("6.34"),
        "material_share_percent": Decimal("0.00"),
        "price_index_percent": Decimal("0.44"),
    }
    assert d.amount_difference == Decimal("6.78")
    # the result the rate came from works as old too
    old = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    assert e.compare(old, f).amount_difference == Decimal("6.78")


def test_two_flat_fortschreibungen() -> None:
    # 144.20 × (1 + 0.8 × 0.04 + 0.003) = 144.20 × 1.035 = 149.247 → 149.25; 150.98 → 149.25: −1.73
    high = e.fortschreibung(rate="144.20", tariff_increase_percent="5.5", **FLAT)
    low = e.fortschreibung(rate="144.20", tariff_increase_percent="4.0", **FLAT)
    d = e.compare(high, low)
    assert d.amount_difference == Decimal("-1.73")
    assert d.contributions["tariff_increase_percent"] == Decimal("-1.73")


def test_roles_added_and_dropped() -> None:
    # old: Fachkraft + Hilfskraft; new: Fachkraft + Assistenz (2 FTE × 50,000) and 26 places
    old = e.kalkulation(**CONTRACT)
    posts = [CONTRACT["posts"][0], {"role": "Assistenz", "fte": "2", "annual_cost": "50000", "skilled": False}]
    new = e.kalkulation(**{**CONTRACT, "posts": posts, "places": 26})
    d = e.compare(old, new)
    assert list(d.contributions)[:3] == ["personnel[Fachkraft]", "personnel[Assistenz]", "personnel[Hilfskraft]"]
    # Assistenz first (alongside Hilfskraft): 564,400 + 110,000 = 674,400 ÷ 8,409.6 = 80.1941… → 80.19 (+13.08)
    # Hilfskraft dropped: 674,400 − 101,200 = 573,200 ÷ 8,409.6 = 68.1602… → 68.16 (−12.03)
    assert d.contributions["personnel[Assistenz]"] == Decimal("13.08")
    assert d.contributions["personnel[Hilfskraft]"] == Decimal("-12.03")
    # 26 places: 573,200 ÷ (26 × 365 × 0.96) = 62.9170… → 62.92 (−5.24)
    assert d.contributions["places"] == Decimal("-5.24")
    assert sum(d.contributions.values()) == d.amount_difference == new.amount - old.amount


def test_refusals() -> None:
    k = e.kalkulation(**CONTRACT)
    daily = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    with pytest.raises(InvalidInputError, match=r"^new: got 'daily_rate'; compare results of the same calculation"):
        e.compare(k, daily)
    monthly = e.kalkulation(**{**CONTRACT, "unit": "month", "days": None})
    with pytest.raises(InvalidInputError, match=r"old is kalkulation per day, new is kalkulation per month"):
        e.compare(k, monthly)
    flat = e.fortschreibung(rate="144.20", tariff_increase_percent="5.5", **FLAT)
    with pytest.raises(InvalidInputError, match=r"^old: got Decimal\('67.11'\); pass the rate this Fortschreibung"):
        e.compare(k, flat)
    f = e.fortschreibung(kalkulation=k, tariff_increase_percent="1")
    other = e.kalkulation(**{**CONTRACT, "places": 25})
    with pytest.raises(InvalidInputError, match=r"^old: .*not the Kalkulation this Fortschreibung started from"):
        e.compare(other, f)
    with pytest.raises(InvalidInputError, match=r"^old: got Decimal\('1'\); its amount does not follow"):
        e.compare(k.model_copy(update={"amount": Decimal(1)}), k)
    with pytest.raises(InvalidInputError, match=r"^old: got 'x'"):
        e.compare("x", k)
    with pytest.raises(InvalidInputError, match=r"^new: got 5"):
        e.compare(k, 5)  # type: ignore[arg-type]


def test_display() -> None:
    old = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    new = daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
    d = e.compare(old, new)
    assert "Beitrag annual_cost (1.000.000 → 1.050.000): 7,21 [LRV A.4.5 Abs. 2]" in d.explain()
    assert "contribution of occupancy (95 → 90): 8.41" in d.explain("en")
    assert "| Beitrag places | 0,00 | LRV A.4.5 Abs. 2 |" in d._repr_markdown_()
    assert "<td>Differenz = Summe der Beiträge" in d._repr_html_()


def test_a_rate_between_old_and_new_may_lie_beyond_what_a_result_may_reach() -> None:
    # old: 1 ÷ (1 × 1 × 0.0001 ÷ 100) = 1,000,000.00; new: 99,999,999,999,999 ÷ 1 = 99,999,999,999,999.00.
    # The annual cost first: 99,999,999,999,999 ÷ 0.000001 = 99,999,999,999,999,000,000.00 — no result,
    # only a state of the chain (+99,999,999,999,998,000,000.00); then occupancy 0.0001 → 100 takes
    # it back down (−99,999,899,999,999,000,001.00). Nothing is refused, nothing blames an input.
    old = daily_rate(annual_cost="1", places=1, occupancy_percent="0.0001", days=1)
    new = daily_rate(annual_cost="99999999999999", places=1, occupancy_percent="100", days=1)
    d = e.compare(old, new)
    assert d.contributions == {
        "annual_cost": Decimal("99999999999998000000.00"),
        "places": Decimal("0.00"),
        "occupancy": Decimal("-99999899999999000001.00"),
        "days": Decimal("0.00"),
    }
    assert sum(d.contributions.values()) == d.amount_difference == Decimal("99999998999999.00")


def test_a_state_of_the_chain_beyond_any_cent_is_refused_without_blaming_an_input() -> None:
    # 10^14 ÷ (1 × 1 × 10^-40 ÷ 100) = 10^56: no contribution could be held to the cent at 60 digits
    old = daily_rate(annual_cost="0", places=1, occupancy_percent=Decimal("1E-40"), days=1)
    new = daily_rate(annual_cost="100000000000000", places=1, occupancy_percent="100", days=1)
    with pytest.raises(InvalidInputError, match=r"^new: got Decimal\('1\.00*E\+56'\); old and new lie too far apart"):
        e.compare(old, new)


def test_the_posts_are_summed_a_fixed_number_of_times_however_many_roles(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each state of the chain used to recompute the whole Kalkulation: the posts summed grew with the
    # square of the roles (2,000 roles: seconds). Now each role's posts are summed a fixed number of times.
    from eghnrw.verguetung.negotiation import comparison, costing  # noqa: PLC0415 - the functions counted

    summed = []
    original = costing.post_sums

    def counting(posts, places, hours):  # type: ignore[no-untyped-def]
        posts = tuple(posts)
        summed.append(len(posts))
        return original(posts, places, hours)

    monkeypatch.setattr(costing, "post_sums", counting)
    monkeypatch.setattr(comparison, "post_sums", counting)
    for roles in (10, 200):
        summed.clear()
        old_posts = [{"role": f"R{i}", "fte": "1", "annual_cost": "50000", "skilled": True} for i in range(roles)]
        new_posts = [{**post, "annual_cost": "51000"} for post in old_posts]
        old = e.kalkulation(**{**CONTRACT, "posts": old_posts})
        new = e.kalkulation(**{**CONTRACT, "posts": new_posts, "places": 25})
        summed.clear()
        d = e.compare(old, new)
        assert sum(d.contributions.values()) == d.amount_difference
        # the two ends (2 × roles), the old and new posts of each role (2 × roles), the posts again
        # once for the new places (roles): 5 × roles
        assert sum(summed) == 5 * roles


def test_a_flat_fortschreibung_is_compared_under_any_decimal_context() -> None:
    # the chain's amounts were rounded to the cent in the caller's context: with a precision of 3
    # digits, quantize raised decimal.InvalidOperation (a raw error) instead of giving +6.34 and +0.44
    import decimal  # noqa: PLC0415

    f = e.fortschreibung(rate="144.20", tariff_increase_percent="5.5", **FLAT)
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        d = e.compare("144.20", f)
    assert (d.contributions["tariff_increase_percent"], d.contributions["price_index_percent"]) == (
        Decimal("6.34"),
        Decimal("0.44"),
    )


def test_two_roles_changed_each_get_their_own_contribution() -> None:
    # Fachkraft 6 → 7 FTE (+62,000 × 1.1 = 68,200), Hilfskraft 2 → 3 (+46,000 × 1.1 = 50,600),
    # 8,409.6 billable days: 564,400 → 632,600 → 683,200 a year, 67.1138… → 75.2235… → 81.2405…:
    # in cents 67.11, then 75.22 (+8.11), then 81.24 (+6.02)
    new = {**CONTRACT, "posts": [{**CONTRACT["posts"][0], "fte": "7"}, {**CONTRACT["posts"][1], "fte": "3"}]}
    d = e.compare(e.kalkulation(**CONTRACT), e.kalkulation(**new))
    assert (d.old_amount, d.new_amount) == (Decimal("67.11"), Decimal("81.24"))
    assert d.contributions["personnel[Fachkraft]"] == Decimal("8.11")
    assert d.contributions["personnel[Hilfskraft]"] == Decimal("6.02")
    assert sum(d.contributions.values()) == d.amount_difference


def test_a_fortschreibung_is_compared_with_a_rate_or_a_result_not_with_anything_that_has_an_amount() -> None:
    k = e.kalkulation(**CONTRACT)
    f = e.fortschreibung(kalkulation=k, tariff_increase_percent={"TVöD-SuE": "5.5", "AVR": "4"})
    look_alike = SimpleNamespace(amount=Decimal("67.11"))  # the right figure, but not a result
    with pytest.raises(InvalidInputError) as caught:
        e.compare(look_alike, f)
    assert (caught.value.argument, caught.value.value) == ("old", look_alike)
    assert str(caught.value).endswith("pass the rate the Fortschreibung started from, or its result")


def test_a_role_staffed_by_a_key_per_place_gets_its_contribution() -> None:
    # a third role at 0.05 → 0.10 posts per place, 40,000 € a post: 24 places × 0.05 = 1.2 FTE = 48,000 →
    # 2.4 FTE = 96,000; personnel 512,000 → 560,000, × 1.1 + 54,000 = 617,200 → 670,000 ÷ 8,409.6 days:
    # 73.3923… → 79.6708…, in cents 73.39 → 79.67, all of it the role's
    def with_night(key: str) -> e.KalkulationResult:
        night = {"role": "Nachtdienst", "staff_key": key, "annual_cost": "40000", "skilled": False}
        return e.kalkulation(**{**CONTRACT, "posts": [*CONTRACT["posts"], night]})

    d = e.compare(with_night("0.05"), with_night("0.1"))
    assert (d.old_amount, d.new_amount) == (Decimal("73.39"), Decimal("79.67"))
    assert {key: value for key, value in d.contributions.items() if value} == {
        "personnel[Nachtdienst]": Decimal("6.28")
    }


def test_a_kalkulation_result_whose_amount_was_changed_is_refused() -> None:
    old = e.kalkulation(**CONTRACT)
    changed = old.model_copy(update={"amount": old.amount + 1})
    with pytest.raises(
        InvalidInputError, match=r"^old: got Decimal\('68\.11'\); its amount does not follow from its inputs"
    ):
        e.compare(changed, old)


def test_roles_changed_in_a_kalkulation_per_hour_move_its_hours_too() -> None:
    # per hour: billable hours = care FTE × 1,584 (KGSt 2024). Fachkraft 6 → 7, Hilfskraft 2 → 3 FTE:
    # 540,400 ÷ (8 × 1,584 = 12,672) = 42.6452… → 42.65; after the Fachkraft 608,600 ÷ 14,256 =
    # 42.6907… → 42.69 (+0.04); after the Hilfskraft 659,200 ÷ 15,840 = 41.6161… → 41.62 (−1.07)
    def per_hour(fachkraft: str, hilfskraft: str) -> e.KalkulationResult:
        return e.kalkulation(
            unit="hour",
            occupancy_percent="100",
            posts=[
                {"role": "Fachkraft", "fte": fachkraft, "annual_cost": "62000", "skilled": True},
                {"role": "Hilfskraft", "fte": hilfskraft, "annual_cost": "46000", "skilled": False},
            ],
            surcharges_percent={"leitung_verwaltung": "10"},
            material_costs="30000",
            on=date(2024, 1, 1),
        )

    d = e.compare(per_hour("6", "2"), per_hour("7", "3"))
    assert (d.old_amount, d.new_amount) == (Decimal("42.65"), Decimal("41.62"))
    assert {key: value for key, value in d.contributions.items() if value} == {
        "personnel[Fachkraft]": Decimal("0.04"),
        "personnel[Hilfskraft]": Decimal("-1.07"),
    }


def test_a_third_role_and_a_role_in_hours_count_in_compare_s_intermediate_states() -> None:
    # per hour, three care roles; the Fachkraft 6 → 7 FTE: 584,400 ÷ (9 × 1,584 = 14,256) = 40.9932… →
    # 40.99; 652,600 ÷ 15,840 = 41.1994… → 41.20: +0.21, all of it the Fachkraft's (the two other
    # roles' care FTE stay in the hours of the state between)
    def per_hour(fachkraft: str) -> e.KalkulationResult:
        return e.kalkulation(
            unit="hour",
            occupancy_percent="100",
            posts=[
                {"role": "Fachkraft", "fte": fachkraft, "annual_cost": "62000", "skilled": True},
                {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
                {"role": "Nachtdienst", "fte": "1", "annual_cost": "40000", "skilled": False},
            ],
            surcharges_percent={"leitung_verwaltung": "10"},
            material_costs="30000",
            on=date(2024, 1, 1),
        )

    d = e.compare(per_hour("6"), per_hour("7"))
    assert (d.old_amount, d.new_amount) == (Decimal("40.99"), Decimal("41.20"))
    assert {key: value for key, value in d.contributions.items() if value} == {"personnel[Fachkraft]": Decimal("0.21")}

    # per day, with a role given in hours (792 of 1,584 hours = 0.5 FTE × 50,000 = 25,000): 591,900 ÷
    # 8,409.6 = 70.3838… → 70.38; the Fachkraft 6 → 7 FTE: 660,100 ÷ 8,409.6 = 78.4936… → 78.49 (+8.11)
    def per_day(fachkraft: str) -> e.KalkulationResult:
        honorar = {"role": "Honorarkraft", "hours": "792", "annual_cost": "50000", "skilled": False}
        posts = [{**CONTRACT["posts"][0], "fte": fachkraft}, CONTRACT["posts"][1], honorar]
        return e.kalkulation(**{**CONTRACT, "posts": posts}, on=date(2024, 1, 1))

    d = e.compare(per_day("6"), per_day("7"))
    assert (d.old_amount, d.new_amount) == (Decimal("70.38"), Decimal("78.49"))
    assert {key: value for key, value in d.contributions.items() if value} == {"personnel[Fachkraft]": Decimal("8.11")}
