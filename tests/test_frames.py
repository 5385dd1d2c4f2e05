"""Results with rows as DataFrames: exact Decimal columns by default, exact Arrow decimals on request."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import EghnrwError, OptionalDependencyError
from eghnrw.doors.frames import frame
from test_wohnform_separation import example

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

_POSTS = [
    {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
    {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
]
KAL = e.kalkulation(
    unit="day",
    places=24,
    occupancy_percent="96",
    days=365,
    posts=_POSTS,
    surcharges_percent={"leitung_verwaltung": "10"},
    material_costs="30000",
    investment="24000",
)
OLD = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
NEW = e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)


def test_compare_has_one_row_per_driver_summing_exactly_to_the_difference():
    c = e.compare(OLD, NEW)
    df = c.to_pandas()
    # 159.82 − 144.20 = 15.62 = 7.21 (annual cost) + 0.00 (places) + 8.41 (occupancy) + 0.00 (days)
    assert df["driver"].tolist() == ["annual_cost", "places", "occupancy", "days"]
    assert df["contribution"].tolist() == [Decimal("7.21"), Decimal("0.00"), Decimal("8.41"), Decimal("0.00")]
    assert sum(df["contribution"]) == c.amount_difference == Decimal("15.62")
    assert df["contribution"].dtype == object
    exact = c.to_pandas(arrow=True)["contribution"]
    assert exact.dtype == pd.ArrowDtype(pa.decimal128(3, 2))
    assert exact.sum() == Decimal("15.62")


def test_what_if_over_occupancy_85_to_100_has_16_exact_rows():
    w = e.what_if(KAL, vary="occupancy_percent", start="85", stop="100", step="1")
    df = w.to_pandas()
    assert len(df) == 16
    assert list(df.columns) == ["occupancy_percent", "amount", "annual_cost", "difference"]
    # annual cost 564,400.00; at 85 %: 24 × 365 × 0.85 = 7,446 days; 564,400 ÷ 7,446 = 75.799… → 75.80
    assert df.iloc[0].tolist() == [Decimal(85), Decimal("75.80"), Decimal("564400.00"), Decimal("8.69")]
    assert df["amount"].tolist() == list(w.amounts)
    arrow = w.to_pandas(arrow=True)
    assert arrow["amount"].min() == Decimal("64.43")  # at 100 %: 564,400 ÷ (24 × 365) = 64.429… → 64.43
    assert arrow["amount"].max() == Decimal("75.80")


def test_kalkulation_components_and_posts():
    df = KAL.to_pandas()
    assert list(df.columns) == ["key", "de", "en", "clause", "amount", "share_percent"]
    assert df["amount"].tolist() == [c.amount for c in KAL.components]
    # 372,000 + 92,000 + 46,400 (10 % of 464,000) + 30,000 + 24,000 = 564,400.00
    assert sum(df["amount"]) == KAL.annual_cost == Decimal("564400.00")
    assert KAL.to_pandas(arrow=True)["share_percent"].sum() == Decimal("100.00")
    posts = KAL.to_pandas(table="posts")
    assert posts["role"].tolist() == ["Fachkraft", "Hilfskraft"]
    assert posts["annual_cost"].tolist() == [Decimal(62000), Decimal(46000)]
    # plain object columns by default, exact Arrow decimals with arrow=True (both tables)
    assert (str(df["amount"].dtype), str(posts["annual_cost"].dtype)) == ("object", "object")
    assert str(KAL.to_pandas(arrow=True)["amount"].dtype) == "decimal128(8, 2)[pyarrow]"
    assert str(KAL.to_pandas(table="posts", arrow=True)["annual_cost"].dtype) == "decimal128(5, 0)[pyarrow]"
    with pytest.raises(e.InvalidInputError) as refused:
        KAL.to_pandas(table="staff")
    assert (str(refused.value), refused.value.argument, refused.value.value) == (
        'table: got \'staff\'; pass "components" or "posts"',
        "table",
        "staff",
    )


def test_occupancy_analysis_has_the_agreed_and_the_reached_row():
    o = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    df = o.to_pandas()
    # 144.20 × 20 × 365 × 0.95 = 1,000,027.00; × 0.90 = 947,394.00
    assert df.to_dict("records") == [
        {
            "occupancy": "agreed",
            "occupancy_percent": Decimal(95),
            "rate": Decimal("144.20"),
            "revenue": Decimal("1000027.00"),
            "annual_cost": o.annual_cost,
        },
        {
            "occupancy": "reached",
            "occupancy_percent": Decimal(90),
            "rate": Decimal("144.20"),
            "revenue": Decimal("947394.00"),
            "annual_cost": o.annual_cost,
        },
    ]


def test_timeline_entries():
    t = e.termination_timeline(notice_received=date(2024, 3, 15))
    df = t.to_pandas()
    assert list(df.columns) == ["day", "clause", "de", "en", "note_de", "note_en"]
    assert df["day"].tolist() == list(t.days)
    assert df["day"].iloc[0] == date(2024, 3, 15)


def test_wohnform_residents():
    r = e.resident_shares(amount="1000.00", rooms={"A": "20", "B": "30"}, gemeinschaft_m2="10")
    df = r.to_pandas()
    assert df["resident"].tolist() == ["A", "B"]
    # per head: A 20 + 5 = 25 m², B 30 + 5 = 35 m²: 1,000 × 25/60 = 416.67, 1,000 × 35/60 = 583.33
    assert df["share"].tolist() == [Decimal("416.67"), Decimal("583.33")]
    assert r.to_pandas(arrow=True)["share"].sum() == Decimal("1000.00")
    house = {
        "name": "Haus",
        "fachleistung_m2": "60",
        "gemeinschaft_m2": "40",
        "costs": [{"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"}],
        "residents": [{"id": "A", "room_m2": "20"}, {"id": "B", "room_m2": "22.5"}],
        "adequacy_limit": "450",
    }
    split = e.wohnform_split(house)
    rows = split.to_pandas()
    assert rows["id"].tolist() == ["A", "B"]
    assert "kdu" not in rows.columns
    assert rows["actual_costs"].tolist() == [item.actual_costs for item in split.residents]


def test_arrow_columns_group_and_sum_exactly():
    df = frame(
        [{"g": "a", "v": Decimal("0.10")}, {"g": "a", "v": Decimal("0.20")}, {"g": "b", "v": Decimal("1.005")}],
        ("g", "v"),
        arrow=True,
    )
    assert df["v"].dtype == pd.ArrowDtype(pa.decimal128(4, 3))
    assert df.groupby("g")["v"].sum().to_dict() == {"a": Decimal("0.300"), "b": Decimal("1.005")}  # 0.1 + 0.2 exactly


def test_an_arrow_column_that_needs_more_than_76_digits_stays_object():
    wide = Decimal("1" + "0" * 80 + ".5")
    assert frame([{"v": wide}], ("v",), arrow=True)["v"].tolist() == [wide]
    assert frame([{"v": wide}], ("v",), arrow=True)["v"].dtype == object


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(OptionalDependencyError) as caught:
        e.compare(OLD, NEW).to_pandas()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, EghnrwError)
    assert "pip install 'eghnrw[pandas]'" in str(caught.value)


def test_without_pyarrow_arrow_columns_name_the_extra(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"eghnrw\[arrow\]"):
        e.compare(OLD, NEW).to_pandas(arrow=True)


@pytest.mark.parametrize("kind", ["compare", "what_if", "occupancy", "resident_shares", "wohnform"])
def test_every_table_is_plain_by_default_and_exact_arrow_decimals_on_request(kind: str):
    results = {
        "compare": lambda: e.compare(
            e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365),
            e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365),
        ),
        "what_if": lambda: e.what_if(KAL, vary="occupancy_percent", values=["90", "96"]),
        "occupancy": lambda: e.occupancy_analysis(
            annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
        ),
        "resident_shares": lambda: e.resident_shares(amount="1200.00", rooms={"A": "20", "B": "10"}),
        "wohnform": lambda: e.wohnform_split(example()),
    }
    result = results[kind]()
    plain, arrow = result.to_pandas(), result.to_pandas(arrow=True)
    decimals = [name for name in plain.columns if all(isinstance(v, Decimal) for v in plain[name].dropna())]
    assert decimals, "a table of amounts has a Decimal column"
    assert {str(plain[name].dtype) for name in decimals} == {"object"}
    assert all(str(arrow[name].dtype).startswith("decimal128(") for name in decimals)
    assert [arrow[name].tolist() for name in decimals] == [plain[name].tolist() for name in decimals]
    assert not {"kdu", "warmmiete_check"} & set(plain.columns)  # whole results nested in a row stay out
