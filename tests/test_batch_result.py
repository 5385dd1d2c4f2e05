"""The result of a batch: its tables (pandas, Arrow), its reprs in a notebook, and what it says without an extra."""

from __future__ import annotations

import sys
from decimal import Decimal
from importlib.util import find_spec

import pytest

from eghnrw.batch import daily_rates
from eghnrw.errors import EghnrwError, OptionalDependencyError


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
