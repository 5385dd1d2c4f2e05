"""The Fortschreibung (M13): a flat update of a rate, and of a Kalkulation by Tarifwerk and price index."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from cases import CONTRACT
from eghnrw.core.errors import InvalidInputError


def test_flat_contract_example() -> None:
    # 144.20 × (1 + 0.80 × 0.055 + 0.15 × 0.02) = 144.20 × 1.047 = 150.9774 → 150.98
    f = e.fortschreibung(
        rate="144.20",
        personnel_share_percent="80",
        tariff_increase_percent="5.5",
        material_share_percent="15",
        price_index_percent="2.0",
    )
    assert (f.amount, f.previous_amount, f.increase, f.mode) == (
        Decimal("150.98"),
        Decimal("144.20"),
        Decimal("6.78"),
        "flat",
    )
    # the parts: 144.20 × 0.8 × 0.055 = 6.3448; 144.20 × 0.15 × 0.02 = 0.4326; 5 % unchanged
    values = [step.value for step in f.steps]
    assert Decimal("6.3448") in values
    assert Decimal("0.4326") in values
    assert {"LRV A.4.3 Abs. 1", "LRV A.4.6 Abs. 5", "LRV A.4.6.2 Abs. 2"} <= set(f.citations)


def test_flat_only_a_tariff_increase() -> None:
    # 100.00 × (1 + 0.70 × 0.03) = 102.10
    f = e.fortschreibung(rate="100.00", personnel_share_percent="70", tariff_increase_percent="3")
    assert f.amount == Decimal("102.10")
    assert (f.material_share_percent, f.price_index_percent) == (Decimal(0), Decimal(0))


def test_zero_percent_returns_the_same_rate() -> None:
    f = e.fortschreibung(rate="144.20", personnel_share_percent="80", tariff_increase_percent="0")
    assert f.amount == Decimal("144.20")
    assert e.fortschreibung(rate="144.20").amount == Decimal("144.20")


def test_the_period_and_its_continuation() -> None:
    f = e.fortschreibung(
        rate="144.20",
        personnel_share_percent="80",
        tariff_increase_percent="2",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    assert (f.period_start, f.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert "gilt fort, bis eine neue Vergütungsvereinbarung geschlossen ist" in f.explain()
    assert "LRV A.4.1 Abs. 2" in f.citations


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {
                "personnel_share_percent": "80",
                "tariff_increase_percent": "1",
                "material_share_percent": "25",
                "price_index_percent": "2",
            },
            r"^material_share_percent: got '25'; personnel \(80 %\) and material \(25 %\) shares together at most 100",
        ),
        ({"personnel_share_percent": "80"}, r"^tariff_increase_percent: got None; pass it together with personnel"),
        ({"price_index_percent": "2"}, r"^material_share_percent: got None; pass it together with price_index"),
        ({"personnel_share_percent": "101", "tariff_increase_percent": "1"}, r"^personnel_share_percent: got '101'"),
        ({"personnel_share_percent": "80", "tariff_increase_percent": "-100"}, r"^tariff_increase_percent: got '-100'"),
        ({"personnel_share_percent": "80", "tariff_increase_percent": "101"}, r"^tariff_increase_percent: got '101'"),
        ({"personnel_share_percent": "80", "tariff_increase_percent": 1.5}, r"^tariff_increase_percent: got 1\.5"),
        (
            {"personnel_share_percent": "80", "tariff_increase_percent": {"AVR": "1"}},
            r"^tariff_increase_percent: .*by Tarifwerk only on a Kalkulation",
        ),
        ({"rate": "144.205"}, r"^rate: got '144.205'; pass an amount in whole cents"),
        ({"rate": None}, r"^rate: got None; pass the agreed rate"),
        ({"period_start": date(2026, 1, 1), "period_end": date(2025, 1, 1)}, r"^period_end: got datetime"),
        ({"kalkulation": CONTRACT}, r"^rate: got '144.20'; the Kalkulation gives this"),
    ],
)
def test_flat_refusals(kwargs: dict, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        e.fortschreibung(**{"rate": "144.20", **kwargs})


def test_kalkulation_by_tarifwerk_and_price_index() -> None:
    # Fachkraft 62,000 × 1.055 = 65,410 × 6 = 392,460; Hilfskraft 46,000 × 1.04 = 47,840 × 2 = 95,680;
    # 488,140 × 1.1 = 536,954; Sachaufwand 30,000 × 1.02 = 30,600; + 24,000 = 591,554
    # 591,554 ÷ 8,409.6 = 70.3427… → 70.34 (from 67.11)
    f = e.fortschreibung(
        kalkulation=CONTRACT,
        tariff_increase_percent={"TVöD-SuE": "5.5", "AVR": "4"},
        price_index_percent="2",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    assert (f.amount, f.previous_amount, f.increase, f.mode) == (
        Decimal("70.34"),
        Decimal("67.11"),
        Decimal("3.23"),
        "kalkulation",
    )
    assert f.successor is not None
    assert f.previous is not None
    assert [post.annual_cost for post in f.successor.posts] == [Decimal(65410), Decimal(47840)]
    assert f.successor.material_costs == Decimal(30600)
    assert f.successor.investment == Decimal(24000)  # the rest unchanged
    assert (f.successor.period_start, f.successor.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert e.kalkulation(f.successor).amount == f.amount
    # shares of the previous annual cost, for information: (464,000 + 46,400) ÷ 564,400 = 90.43 %; 30,000 → 5.32 %
    assert (f.personnel_share_percent, f.material_share_percent) == (Decimal("90.43"), Decimal("5.32"))


def test_kalkulation_one_percentage_for_all_posts_and_zero() -> None:
    # all posts + 8 %: 464,000 × 1.08 × 1.1 = 551,232 + 54,000 = 605,232 ÷ 8,409.6 = 71.9691… → 71.97
    assert e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="8").amount == Decimal("71.97")
    zero = e.fortschreibung(kalkulation=e.kalkulation(**CONTRACT), tariff_increase_percent="0")
    assert zero.amount == zero.previous_amount == Decimal("67.11")


def test_a_falling_price_index_and_a_tariff_cut_are_accepted_flat() -> None:
    # issue 20 item 6: the Preisindex of A.4.6.2 Abs. 2 can fall, tariff pay too.
    # 144.20 × (1 + 0.80 × −0.01 + 0.15 × −0.01) = 144.20 × 0.9905 = 142.8301 → 142.83
    f = e.fortschreibung(
        rate="144.20",
        personnel_share_percent="80",
        tariff_increase_percent="-1",
        material_share_percent="15",
        price_index_percent="-1.0",
    )
    assert (f.amount, f.increase) == (Decimal("142.83"), Decimal("-1.37"))
    assert f.price_index_percent == Decimal("-1.0")
    # the parts: 144.20 × 0.8 × −0.01 = −1.1536; 144.20 × 0.15 × −0.01 = −0.2163
    values = [step.value for step in f.steps]
    assert Decimal("-1.1536") in values
    assert Decimal("-0.2163") in values


def test_a_falling_price_index_and_a_tariff_cut_on_a_kalkulation() -> None:
    # Fachkraft 62,000 × 0.98 = 60,760 × 6 = 364,560; Hilfskraft 46,000 (AVR 0 %) × 2 = 92,000;
    # 456,560 × 1.1 = 502,216; Sachaufwand 30,000 × 0.99 = 29,700; + 24,000 = 555,916
    # 555,916 ÷ 8,409.6 = 66.1048… → 66.10 (from 67.11)
    f = e.fortschreibung(
        kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "-2", "AVR": "0"}, price_index_percent="-1.0"
    )
    assert (f.amount, f.previous_amount, f.increase) == (Decimal("66.10"), Decimal("67.11"), Decimal("-1.01"))
    assert f.successor is not None
    assert f.successor.material_costs == Decimal(29700)
    assert [post.annual_cost for post in f.successor.posts] == [Decimal(60760), Decimal(46000)]
    # what-if and compare take the fall as well: the same update, varied and explained
    w = e.what_if(CONTRACT, vary="price_index_percent", values=["-1.0"])
    # 564,400 − 300 = 564,100 ÷ 8,409.6 = 67.0781… → 67.08
    assert w.amounts == (Decimal("67.08"),)
    assert sum(e.compare(e.kalkulation(**CONTRACT), f).contributions.values()) == Decimal("-1.01")


def test_kalkulation_refusals() -> None:
    with pytest.raises(
        InvalidInputError, match=r"^tariff_increase_percent: .*posts\[1\] \(Hilfskraft\) has Tarifwerk 'AVR'"
    ):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "5.5"})
    with pytest.raises(
        InvalidInputError, match=r"^tariff_increase_percent: got \['TVöD'\]; no post has this Tarifwerk"
    ):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "5", "AVR": "4", "TVöD": "1"})
    with pytest.raises(InvalidInputError, match=r"^tariff_increase_percent: got None"):
        e.fortschreibung(kalkulation=CONTRACT)
    with pytest.raises(InvalidInputError, match=r"^price_index_percent: got '-100'; pass a change in percent above"):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="1", price_index_percent="-100")
    with pytest.raises(InvalidInputError, match=r"^tariff_increase_percent\['AVR'\]: got '-100.5'"):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "1", "AVR": "-100.5"})
    with pytest.raises(InvalidInputError, match=r"^personnel_share_percent: got '80'; the Kalkulation gives this"):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="1", personnel_share_percent="80")
    with pytest.raises(InvalidInputError, match=r"^kalkulation: got 'x'"):
        e.fortschreibung(kalkulation="x", tariff_increase_percent="1")  # type: ignore[arg-type]


def test_shares_above_100_are_refused_under_any_decimal_context() -> None:
    # 80 + 20.01 = 100.01 % > 100 %; under a caller's precision of 3 digits the sum rounded down to 100
    # and the Fortschreibung was accepted with an "other share" of −0.01 %
    import decimal  # noqa: PLC0415

    with (
        decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)),
        pytest.raises(InvalidInputError, match=r"^material_share_percent: got '20.01'; personnel \(80 %\)"),
    ):
        e.fortschreibung(
            rate="100.00",
            personnel_share_percent="80",
            tariff_increase_percent="1",
            material_share_percent="20.01",
            price_index_percent="2",
        )


def test_a_period_of_one_day_is_accepted() -> None:
    # period_end == period_start is a period (one day); only an end before the start is refused
    day = date(2026, 1, 1)
    f = e.fortschreibung(rate="144.20", period_start=day, period_end=day)
    assert (f.period_start, f.period_end, f.amount) == (day, day, Decimal("144.20"))
    k = e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="0", period_start=day, period_end=day)
    assert k.successor is not None
    assert (k.successor.period_start, k.successor.period_end) == (day, day)
    with pytest.raises(InvalidInputError, match=r"^period_end: got datetime\.date\(2025, 12, 31\); pass a date on or"):
        e.fortschreibung(rate="144.20", period_start=day, period_end=date(2025, 12, 31))


@pytest.mark.parametrize(
    ("personnel", "material", "rest"),
    [("80", "15", "5"), ("70", None, "30"), (None, "30", "70"), ("80", "20", "0"), (None, None, "100")],
)
def test_the_other_share_is_what_the_two_shares_leave(personnel: str | None, material: str | None, rest: str) -> None:
    # the rest of the rate stays: 100 − personnel share − material share, in %
    f = e.fortschreibung(
        rate="100.00",
        personnel_share_percent=personnel,
        tariff_increase_percent=None if personnel is None else "1",
        material_share_percent=material,
        price_index_percent=None if material is None else "1",
    )
    other = [s for s in f.steps if s.en == "other share in %, unchanged"]
    assert [(s.clause, s.de, s.value) for s in other] == [
        ("LRV A.4.3 Abs. 1", "übriger Anteil in %, unverändert", Decimal(rest))
    ]


def test_the_successor_reads_its_parameters_again_when_a_day_or_period_is_given() -> None:
    # A Kalkulation computed with 360 negotiated Berechnungstage: 2 FTE × 60,000 = 120,000 ÷ (10 × 360)
    # = 33.33. Its successor keeps those days unless the Fortschreibung names a day (on) or a period
    # (period_start): then it reads the parameter again, 365 days: 120,000 ÷ 3,650 = 32.876… → 32.88.
    r = e.kalkulation(
        unit="day",
        places=10,
        occupancy_percent="100",
        posts=[{"role": "A", "fte": "2", "annual_cost": "60000", "skilled": True}],
        on=date(2024, 1, 1),
        overrides={"berechnungstage": "360"},
    )
    assert (r.amount, r.days) == (Decimal("33.33"), 360)
    for given in ({"period_start": date(2025, 1, 1)}, {"on": date(2025, 1, 1)}):
        f = e.fortschreibung(kalkulation=r, tariff_increase_percent="0", **given)
        assert (f.previous_amount, f.previous_days, f.amount, f.days) == (Decimal("33.33"), 360, Decimal("32.88"), 365)
    kept = e.fortschreibung(kalkulation=r, tariff_increase_percent="0")
    assert (kept.amount, kept.days) == (Decimal("33.33"), 360)


def test_a_missing_tarifwerk_names_every_one_given() -> None:
    # the Hilfskraft's AVR has no increase among the two given: the message lists both, comma-separated
    with pytest.raises(InvalidInputError) as info:
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "5.5", "TV-L": "3"})
    assert info.value.argument == "tariff_increase_percent"
    assert "has Tarifwerk 'AVR', which has no increase here (given: 'TVöD-SuE', 'TV-L');" in str(info.value)
