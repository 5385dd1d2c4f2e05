"""resident_shares (M15, LRV B.4.14 Abs. 7): room plus shared rooms per head or by area, to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.enums import SharedRoomsKey
from eghnrw.core.errors import InvalidInputError
from eghnrw.unterkunft.wohnform import resident_shares

ROOMS = {"A": "10", "B": "20", "C": "30"}


def test_per_head_adds_an_equal_part_of_the_shared_rooms() -> None:
    # 30 m² shared by 3: 10 m² each → keys 20, 30, 40 of 90 m²; 1,000 × 20/90 = 222.22|2…,
    # × 30/90 = 333.33|3…, × 40/90 = 444.44|4…; the cent left over goes to C (largest remainder)
    r = e.resident_shares(amount="1000.00", rooms=ROOMS, gemeinschaft_m2="30")
    assert r.by_resident == {"A": Decimal("222.22"), "B": Decimal("333.33"), "C": Decimal("444.45")}
    assert [s.area for s in r.shares] == [Decimal(20), Decimal(30), Decimal(40)]
    assert [s.room_m2 for s in r.shares] == [Decimal(10), Decimal(20), Decimal(30)]
    assert r.shared_rooms is SharedRoomsKey.PER_HEAD
    assert sum(s.share for s in r.shares) == r.amount == Decimal("1000.00")
    assert r.citations == ("LRV B.4.14 Abs. 7",)


def test_by_area_follows_the_rooms() -> None:
    # 10 : 20 : 30 → 166.66|6…, 333.33|3…, 500.00; the cent to A; keys 10 + 30 × 10/60 = 15, 30, 45
    r = resident_shares(amount="1000.00", rooms=ROOMS, gemeinschaft_m2="30", shared_rooms="by_area")
    assert r.by_resident == {"A": Decimal("166.67"), "B": Decimal("333.33"), "C": Decimal("500.00")}
    assert [s.area for s in r.shares] == [Decimal(15), Decimal(30), Decimal(45)]
    assert "shared rooms in proportion to the rooms" in r.explain("en")


def test_without_shared_rooms_both_keys_agree() -> None:
    per_head = resident_shares(amount="99.99", rooms=ROOMS)
    by_area = resident_shares(amount="99.99", rooms=ROOMS, shared_rooms=SharedRoomsKey.BY_AREA)
    # 99.99 × 10/60 = 16.665, × 20/60 = 33.33, × 30/60 = 49.995: A and C tie at .5, the earlier (A) wins
    assert (
        per_head.by_resident
        == by_area.by_resident
        == {
            "A": Decimal("16.67"),
            "B": Decimal("33.33"),
            "C": Decimal("49.99"),
        }
    )


def test_one_resident_takes_all() -> None:
    assert resident_shares(amount="612.34", rooms={"X": "18"}, gemeinschaft_m2="50").by_resident == {
        "X": Decimal("612.34")
    }


def test_steps_show_each_resident() -> None:
    text = resident_shares(amount="1000.00", rooms=ROOMS, gemeinschaft_m2="30").explain()
    assert "C: Zimmer 30 m² + Anteil Gemeinschaftsfläche: 40" in text
    assert "C: Anteil (größter Rest, auf den Cent): 444,45" in text


@pytest.mark.parametrize(
    ("changed", "argument", "words"),
    [
        ({"rooms": {}}, "rooms", "mapping of resident"),
        ({"rooms": [("A", "10")]}, "rooms", "mapping of resident"),
        ({"rooms": {"A": "10", "B": "0"}}, "rooms['B']", "above zero"),
        ({"rooms": {"A": "10", "B": "-3"}}, "rooms['B']", "above zero"),
        ({"rooms": {"A": 10.5}}, "rooms['A']", "floats"),
        ({"rooms": {" ": "10"}}, "rooms", "non-empty text"),
        ({"amount": "10.001"}, "amount", "whole cents"),
        ({"amount": "-1"}, "amount", "zero or more"),
        ({"gemeinschaft_m2": "-1"}, "gemeinschaft_m2", "zero or more"),
        ({"shared_rooms": "equal"}, "shared_rooms", "'per_head', 'by_area'"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(changed: dict[str, object], argument: str, words: str) -> None:
    call: dict[str, object] = {"amount": "100.00", "rooms": ROOMS, "gemeinschaft_m2": "10"}
    with pytest.raises(InvalidInputError, match=words) as caught:
        resident_shares(**(call | changed))  # type: ignore[arg-type]
    assert caught.value.argument == argument
