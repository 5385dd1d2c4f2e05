"""The column forms behind the batch functions (``eghnrw.doors._columns``), each helper at its edges.

What each line of the module decides, pinned exactly: which container is a column and which a
single value, which foreign numbers become ``int``/``float``, which rows a range check or the
plain-syntax check leaves to the single call (their positions), and which placeholder stands in
for them (``Decimal(1)`` among amounts, ``int`` 1 among counts: compared by type as well, since
``Decimal(1) == 1``). Everything runs inside ``localcontext(CONTEXT)``, as the batch calls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, localcontext
from typing import Any

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT
from eghnrw.doors._columns import (
    COUNT_PLACEHOLDER,
    PLACEHOLDER,
    Read,
    certain_amounts,
    certain_counts,
    pandas_index,
    plain_number,
    replaced,
)

D = Decimal
NAN = Decimal("NaN")
_ZERO, _TEN = Decimal(0), Decimal(10)


@pytest.fixture(autouse=True)
def _context() -> Iterator[None]:
    with localcontext(CONTEXT):
        yield


def typed(values: list[Any]) -> list[tuple[str, Any]]:
    """The values with their types: ``Decimal(1)`` and ``1`` compare equal, a placeholder's type matters."""
    return [(type(v).__name__, str(v)) for v in values]


def amounts(column: list[Any], low: Any = _ZERO, high: Any = _TEN, **ends: bool) -> tuple[list[Any], list[int]]:
    values, bad = certain_amounts(Read("x", column), low, high, **ends)
    return typed(values), bad


# --- Read: a column or a single value ------------------------------------------------------------


def test_a_list_is_read_as_it_is_and_a_tuple_as_a_list() -> None:
    given = [D(1), 2]
    column = Read("x", given)
    assert column.rows is given  # no copy: the column's values as passed
    assert (column.name, column.given, column.single, column.kinds) == ("x", given, None, frozenset({Decimal, int}))
    assert Read("x", (D(1), "2")).rows == [D(1), "2"]
    assert (column.at(0), column.at(1)) == (D(1), 2)


@pytest.mark.parametrize("single", ["12.5", b"12", bytearray(b"1"), {"a": 1}, D(3), 7, None, 1.5])
def test_texts_mappings_and_scalars_are_single_values(single: Any) -> None:
    column = Read("x", single)
    assert (column.rows, column.kinds, column.single) == (None, frozenset(), single)
    assert column.at(0) is single
    assert column.at(99) is single  # the one value for every row


def test_an_empty_list_is_a_column_of_no_rows() -> None:
    column = Read("x", [])
    assert (column.rows, column.kinds, column.single) == ([], frozenset(), None)


def test_numpy_pandas_and_pyarrow_columns_give_their_python_values() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    column = Read("x", np.array([1, 2], dtype="int64"))
    assert typed(column.rows or []) == [("int", "1"), ("int", "2")]
    assert column.kinds == frozenset({int})
    assert typed(Read("x", pd.Series(["1.5", "2"])).rows or []) == [("str", "1.5"), ("str", "2")]
    assert typed(Read("x", pd.Series([1.5])).rows or []) == [("float", "1.5")]
    pa = pytest.importorskip("pyarrow")
    assert Read("x", pa.array([D("1.25"), None])).rows == [D("1.25"), None]
    assert Read("x", pa.chunked_array([[1], [2, 3]])).rows == [1, 2, 3]


def test_a_tolist_without_ndim_is_a_one_dimensional_column() -> None:
    class Column:  # has tolist() but no ndim (nor to_pylist): read as one dimension
        def tolist(self) -> list[Any]:
            return [D(1), "2"]

    column = Read("x", Column())
    assert (column.rows, column.single) == ([D(1), "2"], None)


def test_a_numpy_scalar_is_a_single_value_and_a_table_is_refused() -> None:
    np = pytest.importorskip("numpy")
    single = Read("x", np.int64(5))
    assert (single.rows, typed([single.single])) == (None, [("int", "5")])
    with pytest.raises(InvalidInputError) as info:
        Read("places", np.zeros((2, 3)))
    error = info.value
    assert (error.argument, error.value, error.expected) == (
        "places",
        "an array of 2 dimensions",
        "pass a one-dimensional column",
    )


def test_foreign_numbers_in_a_column_become_the_int_or_float_they_are() -> None:
    np = pytest.importorskip("numpy")
    column = Read("x", [np.int64(3), np.float64(1.5), D(2), True, "4"])
    assert typed(column.rows or []) == [
        ("int", "3"),
        ("float", "1.5"),
        ("Decimal", "2"),
        ("bool", "True"),
        ("str", "4"),
    ]
    assert column.kinds == frozenset({int, float, Decimal, bool, str})
    plain = [D(1), 2]
    assert Read("x", plain).rows is plain  # nothing foreign: not rebuilt


def test_plain_number() -> None:
    np = pytest.importorskip("numpy")
    assert typed([plain_number(np.int64(7)), plain_number(np.int32(-2)), plain_number(np.float64(2.5))]) == [
        ("int", "7"),
        ("int", "-2"),
        ("float", "2.5"),
    ]
    assert typed([plain_number(np.float64(3.0))]) == [("float", "3.0")]  # a float stays a float (refused later)
    for value in (True, D("1.5"), 3, 2.5, "x", None, np.bool_(True)):
        assert plain_number(value) is value


def test_pandas_index() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series([1, 2], index=["a", "b"])
    assert pandas_index(series) is series.index
    assert pandas_index([1, 2]) is None  # list.index is a method, not an index

    class NoEquals:
        index = (1, 2)

    class Index:  # shaped like a pandas Index: not callable, with equals()
        def equals(self, other: object) -> bool:
            return self is other

    class WithEquals:
        index = Index()

    class CallableIndex:  # equals() but callable, like a method named index: not an index
        def __call__(self) -> None:
            return None

        def equals(self, other: object) -> bool:
            return self is other

    class WithCallableIndex:
        index = CallableIndex()

    assert pandas_index(NoEquals()) is None
    assert pandas_index(WithCallableIndex()) is None
    assert pandas_index(WithEquals()) is WithEquals.index
    assert pandas_index(D(1)) is None


def test_replaced_copies() -> None:
    values = [1, 2, 3, 4]
    copy = replaced(values, [0, 2], "p")
    assert (copy, values) == (["p", 2, "p", 4], [1, 2, 3, 4])
    assert replaced(values, [], "p") == values
    assert replaced(values, [], "p") is not values


# --- certain_amounts ---------------------------------------------------------------------------


def test_decimals_and_ints_are_kept_as_they_are() -> None:
    assert amounts([D("1.5"), 2, D(0)]) == ([("Decimal", "1.5"), ("int", "2"), ("Decimal", "0")], [])
    assert amounts([]) == ([], [])


def test_the_ends_closed_and_open() -> None:
    # default: low closed (0 is in), high open (10 is out)
    assert amounts([D(0), D(10), D("9.99")]) == ([("Decimal", "0"), ("Decimal", "1"), ("Decimal", "9.99")], [1])
    # low open: 0 out; high closed: 10 in
    assert amounts([D(0), D(10)], low_open=True, high_open=False) == ([("Decimal", "1"), ("Decimal", "10")], [0])
    assert amounts([D("-0.01"), D("0.01")], low_open=True) == ([("Decimal", "1"), ("Decimal", "0.01")], [0])
    # a value below a closed low end sends the column to the scan, which keeps the value on the end
    assert amounts([D(-1), D(0)]) == ([("Decimal", "1"), ("Decimal", "0")], [0])
    # and a value above a closed high end keeps the value on that end
    assert amounts([D(10), D(11)], high_open=False) == ([("Decimal", "10"), ("Decimal", "1")], [1])
    # after a NaN the ends are checked again, each as open or closed as asked: 0 out of an open low
    # end, 10 out of the open high end
    assert amounts([NAN, D(0)], low_open=True) == ([("Decimal", "1"), ("Decimal", "1")], [0, 1])
    assert amounts([NAN, D(10)]) == ([("Decimal", "1"), ("Decimal", "1")], [0, 1])
    # both sides at once, in one column; positions in order
    assert amounts([D(11), D(5), D(-1), D(10)]) == (
        [("Decimal", "1"), ("Decimal", "5"), ("Decimal", "1"), ("Decimal", "1")],
        [0, 2, 3],
    )
    # Decimals and ints mixed are kept as they are, with the Decimal placeholder (ints the majority)
    assert amounts([1, 2, D(3), 20]) == ([("int", "1"), ("int", "2"), ("Decimal", "3"), ("Decimal", "1")], [3])
    # an int column keeps its int placeholder
    assert amounts([3, 12, -4]) == ([("int", "3"), ("int", "1"), ("int", "1")], [1, 2])
    # a bound that is an int works as well as a Decimal
    assert amounts([D(1), D(3)], low=1, high=3, high_open=False) == ([("Decimal", "1"), ("Decimal", "3")], [])
    assert amounts([D(1), D(3)], low=1, high=3, low_open=True) == ([("Decimal", "1"), ("Decimal", "1")], [0, 1])


def test_plain_texts_become_decimals_the_others_are_left_to_the_single_call() -> None:
    column = ["1.5", "+2", " 3", "1e2", "4,5", "5_0", "", "1.2.3", "7."]
    # " 3" (a space), "1e2" (an exponent), "4,5", "5_0" are not plain syntax; "" and "1.2.3" are made
    # of plain characters but are no number (NaN); "7." is 7
    assert amounts(column) == (
        [("Decimal", "1.5"), ("Decimal", "2"), ("Decimal", "1"), ("Decimal", "1"), ("Decimal", "1"), ("Decimal", "1"),
         ("Decimal", "1"), ("Decimal", "1"), ("Decimal", "7")],
        [2, 3, 4, 5, 6, 7],
    )  # fmt: skip


def test_a_minus_sign_is_read_only_where_values_below_zero_are_valid() -> None:
    # low 0: no value below zero is valid, "-0" and "-1" go to the single call without a range scan
    assert amounts(["-0", "-1", "2"]) == ([("Decimal", "1"), ("Decimal", "1"), ("Decimal", "2")], [0, 1])
    # low −5: signed, "-1" is read; "-6" lies below and "-" is no number
    assert amounts(["-1", "-6", "-"], low=D(-5)) == ([("Decimal", "-1"), ("Decimal", "1"), ("Decimal", "1")], [1, 2])


def test_long_and_non_ascii_texts() -> None:
    sixty_four = "1" + "0" * 63  # 64 characters: read (and then out of range)
    column = ["1" * 65, "2", "0." + "0" * 62, "3²", "4", "é", "5"]
    assert amounts(column, high=D(10) ** 70) == (
        [("Decimal", "1"), ("Decimal", "2"), ("Decimal", "0E-62"), ("Decimal", "1"), ("Decimal", "4"),
         ("Decimal", "1"), ("Decimal", "5")],
        [0, 3, 5],
    )  # fmt: skip
    assert amounts([sixty_four, "1"], high=D(10) ** 70) == ([("Decimal", sixty_four), ("Decimal", "1")], [])
    # a row right after a refused one is scanned from its first character: " 3" (which Decimal would
    # read as 3) is refused for its space
    assert amounts(["x", " 3"]) == ([("Decimal", "1"), ("Decimal", "1")], [0, 1])
    # the positions in order (a set of 1 and 8 would iterate as 8, 1)
    assert amounts(["1", "x", "1", "1", "1", "1", "1", "1", "y"])[1] == [1, 8]
    assert amounts(["x", "y", "1"]) == ([("Decimal", "1"), ("Decimal", "1"), ("Decimal", "1")], [0, 1])


def test_nan_and_infinity_are_left_to_the_single_call() -> None:
    assert amounts([NAN]) == ([("Decimal", "1")], [0])  # one value: min/max never compare it
    assert amounts([D(2), NAN, D(3), D("Infinity")]) == (
        [("Decimal", "2"), ("Decimal", "1"), ("Decimal", "3"), ("Decimal", "1")],
        [1, 3],
    )
    assert amounts([D("-Infinity"), D(4)]) == ([("Decimal", "1"), ("Decimal", "4")], [0])
    assert amounts([NAN, D(20)]) == ([("Decimal", "1"), ("Decimal", "1")], [0, 1])


def test_a_mixed_column_reads_its_main_kind_whole_and_the_others_one_by_one() -> None:
    np = pytest.importorskip("numpy")
    # texts the main kind: Decimals and ints kept, floats, bools and None to the single call
    column = ["1", D(2), 3, 1.5, True, None, "4", np.float64(2.5)]
    assert amounts(column) == (
        [("Decimal", "1"), ("Decimal", "2"), ("int", "3"), ("Decimal", "1"), ("Decimal", "1"), ("Decimal", "1"),
         ("Decimal", "4"), ("Decimal", "1")],
        [3, 4, 5, 7],
    )  # fmt: skip
    # ints the main kind: its placeholder an int; texts then go to the single call
    assert amounts([1, 2, "3", D(4), 2.5]) == (
        [("int", "1"), ("int", "2"), ("int", "1"), ("Decimal", "4"), ("int", "1")],
        [2, 4],
    )
    # texts main, but out of range or not plain among them
    assert amounts(["11", "x", 5, "2"]) == (
        [("Decimal", "1"), ("Decimal", "1"), ("int", "5"), ("Decimal", "2")],
        [0, 1],
    )
    # texts main in a range below zero: "-5" is read as its Decimal here too (signed), not left over
    assert amounts(["-5", "2", D(1)], low=D(-10)) == (
        [("Decimal", "-5"), ("Decimal", "2"), ("Decimal", "1")],
        [],
    )
    # no Decimal, int or str at all: every row to the single call, Decimal placeholders
    assert amounts([1.5, True, None]) == ([("Decimal", "1"), ("Decimal", "1"), ("Decimal", "1")], [0, 1, 2])


def test_the_main_kind_is_sampled_every_nth_row_of_a_thousand() -> None:
    # five rows: every row is sampled (step 1): 3 ints against 2 texts, the ints win
    assert amounts(["1", 2, 3, 4, "1"])[1] == [0, 4]
    # 2,000 rows: every 2nd is sampled (step 2,000 // 1,000 = 2), the even rows: 999 texts and
    # one int, so the texts are the main kind although the ints are 1,001 of 2,000; the texts are
    # read whole, the ints kept: nothing is left to the single call
    column: list[Any] = ["1" if i % 2 == 0 else 1 for i in range(2000)]
    column[0] = 1
    assert sum(type(v) is int for v in column) == 1001
    values, bad = certain_amounts(Read("x", column), D(0), D(10))
    assert bad == []
    assert (type(values[2]), type(values[1]), type(values[0])) == (Decimal, int, int)


# --- certain_counts ----------------------------------------------------------------------------


def counts(column: list[Any], low: int = 1, high: int = 10) -> tuple[list[tuple[str, Any]], list[int]]:
    values, bad = certain_counts(Read("x", column), low, high)
    return typed(values), bad


def test_counts_from_low_to_high_both_included() -> None:
    assert counts([1, 10, 5]) == ([("int", "1"), ("int", "10"), ("int", "5")], [])
    assert counts([0, 11, 5, -3]) == ([("int", "1"), ("int", "1"), ("int", "5"), ("int", "1")], [0, 1, 3])
    assert counts([]) == ([], [])


def test_counts_are_ints_only() -> None:
    np = pytest.importorskip("numpy")
    column = [True, 2, D(3), "4", 5.0, None, np.int64(6), 12]
    # bool, Decimal, str, float and None to the single call; numpy's int64 is read as the int it is;
    # 12 out of range
    assert counts(column) == (
        [("int", "1"), ("int", "2"), ("int", "1"), ("int", "1"), ("int", "1"), ("int", "1"), ("int", "6"),
         ("int", "1")],
        [0, 2, 3, 4, 5, 7],
    )  # fmt: skip
    assert counts([False, 3]) == ([("int", "1"), ("int", "3")], [0])


def test_the_placeholders_are_inside_every_range_checked() -> None:
    assert (type(PLACEHOLDER), PLACEHOLDER, type(COUNT_PLACEHOLDER), COUNT_PLACEHOLDER) == (Decimal, D(1), int, 1)
