"""The result of a batch: its tables (pandas, Arrow), its reprs in a notebook, and what it says without an extra."""

from __future__ import annotations

import sys
from decimal import Decimal
from importlib.util import find_spec

import pytest

from eghnrw.core.errors import EghnrwError, InvalidInputError, OptionalDependencyError
from eghnrw.doors.batch import BatchResult, daily_rates


def _needs(module: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(find_spec(module) is None, reason=f"{module} is not installed (the [test] extra has it)")


@_needs("pyarrow")
def test_to_arrow_gives_a_refused_int_of_5001_digits_as_its_exact_text() -> None:
    # str() of an int over 4,300 digits raises ValueError; the table holds its digits all the same
    r = daily_rates(annual_cost=[10**5000, "1000"], places=1, occupancy_percent=100, days=10)
    assert r.columns["amount"] == [None, Decimal("100.00")]
    table = r.to_arrow()
    assert table.column("annual_cost").to_pylist() == ["1" + "0" * 5000, "1000"]
    assert table.column("error").to_pylist()[0].startswith("annual_cost: got <int that cannot be shown>; pass a number")
    alone = daily_rates(annual_cost=[-(10**5000)], places=1, occupancy_percent=100, days=10).to_arrow()
    assert alone.column("annual_cost").to_pylist() == ["-1" + "0" * 5000]


@pytest.mark.parametrize(
    ("method", "module", "extra"), [("to_pandas", "pandas", "pandas"), ("to_arrow", "pyarrow", "arrow")]
)
def test_without_the_optional_library_the_error_names_the_extra(
    method: str, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed: importing it fails
    r = daily_rates(annual_cost=["1000"], places=1, occupancy_percent=100, days=10)
    message = rf"^BatchResult\.{method}\(\) needs {module}, which is not installed: pip install 'eghnrw\[{extra}\]'$"
    with pytest.raises(OptionalDependencyError, match=message) as caught:
        getattr(r, method)()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, EghnrwError)
    assert (caught.value.name, caught.value.extra) == (module, extra)


def _book(rows: int) -> BatchResult:
    # every third row refused: "-1" is a negative cost; 1,000 ÷ (1 × 10 × 100 % = 10) = 100.00
    return daily_rates(annual_cost=["1000", "-1", "2500"] * (rows // 3), places=1, occupancy_percent=100, days=10)


def test_the_repr_of_100000_rows_stays_short() -> None:
    r = _book(99_999)
    shown = repr(r)
    assert len(shown) < 1_000  # the dataclass repr of 100,000 rows was 3.9 MB
    lines = shown.splitlines()
    assert lines[0] == "BatchResult: 99,999 rows, 33,333 refused"
    assert lines[1] == "  [0] annual_cost='1000', places=1, occupancy_percent=100, days=10, amount=Decimal('100.00')"
    assert lines[2] == (
        "  [1] annual_cost='-1', places=1, occupancy_percent=100, days=10, amount=None; "
        "refused: annual_cost: got '-1'; pass an amount of zero or more"
    )
    assert len(lines) == 7
    assert lines[-1] == "  … 99,994 more rows (to_pandas(), table(), errors)"
    assert str(r) == shown


def test_the_repr_of_a_small_batch_and_of_an_empty_one() -> None:
    assert repr(_book(3)).splitlines()[0] == "BatchResult: 3 rows, 1 refused"
    assert repr(_book(3)).splitlines()[-1].startswith("  [2] annual_cost='2500'")
    empty = daily_rates(annual_cost=[], places=1, occupancy_percent=100, days=10)
    assert repr(empty) == "BatchResult: 0 rows, 0 refused"


def test_the_repr_of_a_row_holding_an_int_of_5001_digits() -> None:
    r = daily_rates(annual_cost=[10**5000], places=1, occupancy_percent=100, days=10)
    assert "annual_cost=<int that cannot be shown>" in repr(r)
    assert repr(r.errors[0]).startswith("RowError(index=0, argument='annual_cost', value=<int that cannot be shown>, ")


def test_the_notebook_table_shows_the_head_and_sums_up_the_refusals() -> None:
    r = _book(99_999)
    shown = r._repr_html_()
    assert shown == r.to_html()
    assert len(shown) < 5_000
    assert shown.startswith("<div class='eghnrw-batch'><strong>99.999 Zeilen, davon 33.333 abgelehnt</strong><table>")
    header = "<th></th><th>annual_cost</th><th>places</th><th>occupancy_percent</th><th>days</th><th>amount</th>"
    assert f"<thead><tr>{header}<th>Ablehnung</th></tr></thead>" in shown
    assert "<tr><th>0</th><td>1000</td><td>1</td><td>100</td><td>10</td><td>100,00</td><td></td></tr>" in shown
    assert "<td>annual_cost: got &#x27;-1&#x27;; pass an amount of zero or more</td>" in shown
    assert shown.count("<tr><th>") == 1 + 10  # the header and the first ten rows
    assert "<td colspan='7'>… 99.989 weitere Zeilen</td>" in shown
    assert shown.endswith("<p>Abgelehnt nach Argument: annual_cost: 33.333</p></div>")
    english = r.to_html("en")
    assert english.startswith("<div class='eghnrw-batch'><strong>99,999 rows, 33,333 refused</strong>")
    assert "<td>100.00</td>" in english
    assert english.endswith("<p>Refused by argument: annual_cost: 33,333</p></div>")
    with pytest.raises(InvalidInputError, match=r"^lang: "):
        r.to_html("fr")  # type: ignore[arg-type]


def test_the_notebook_table_escapes_text_and_labels_rows_by_the_pandas_index() -> None:
    pd = pytest.importorskip("pandas")
    costs = pd.Series(["<b>1</b>", "1000"], index=pd.Index(["<i>A</i>", "B-7"]))
    shown = daily_rates(annual_cost=costs, places=1, occupancy_percent=100, days=10).to_html("en")
    assert "<b>" not in shown
    assert "<i>" not in shown
    assert "<tr><th>&lt;i&gt;A&lt;/i&gt;</th><td>&lt;b&gt;1&lt;/b&gt;</td>" in shown
    assert "<tr><th>B-7</th><td>1000</td>" in shown
    assert "[B-7] annual_cost='1000'" in repr(daily_rates(annual_cost=costs, places=1, occupancy_percent=100, days=10))
