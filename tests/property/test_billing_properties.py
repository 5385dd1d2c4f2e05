"""Properties of billing: invoice totals, the 42-day cap, the 24-month Kürzung that adds up."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.calendar import add_period_from_start_of_day
from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.billing import BillingUnit, InvoiceItem, kurzzeitbetreuung, monthly_invoice, verguetungskuerzung
from strategies import cents

_items = st.lists(
    st.builds(
        InvoiceItem,
        description=st.just("line"),
        unit=st.just(BillingUnit.HOUR),
        quantity=st.integers(min_value=0, max_value=20_000).map(lambda q: Decimal(q).scaleb(-2)),
        unit_price=cents,
    ),
    max_size=8,
)


@given(_items)
def test_invoice_total_is_the_sum_of_rounded_lines(items: list[InvoiceItem]) -> None:
    inv = monthly_invoice(month=date(2024, 5, 1), items=items)
    assert inv.amount == sum((line.amount for line in inv.lines), Decimal(0))
    for line, item in zip(inv.lines, items, strict=True):
        assert abs(line.amount - item.quantity * item.unit_price) <= Decimal("0.005")


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=0, max_value=120))
def test_kurzzeit_cap(first: date, extra: int) -> None:
    r = kurzzeitbetreuung(first_day=first, last_day=first + timedelta(days=extra))
    assert r.consecutive_days == extra + 1
    assert r.covered_days + r.excess_days == r.consecutive_days
    assert r.covered_days <= 42
    assert r.within_limit == (r.consecutive_days <= 42)


@given(
    cents, st.integers(min_value=1, max_value=24), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
)
def test_kuerzung_adds_up(amount: Decimal, months: int, first: date) -> None:
    r = verguetungskuerzung(amount=amount, first_day=first, months=months, monthly_parts=True)
    assert sum(r.monthly) == amount
    assert len(r.monthly) == months
    assert max(r.monthly) - min(r.monthly) <= Decimal("0.01")
    assert r.last_day > first or months == 0


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=0, max_value=800))
def test_kuerzung_period_is_allowed_exactly_up_to_24_months(first: date, length: int) -> None:
    # allowed ⇔ the last day is on or before the day before the matching day 24 months on (§ 188 Abs. 2-3)
    last = first + timedelta(days=length)
    latest = add_period_from_start_of_day(first, months=24)
    if last > latest:
        with pytest.raises(InvalidInputError) as info:
            verguetungskuerzung(amount="1.00", first_day=first, last_day=last)
        assert info.value.argument == "last_day"
        return
    r = verguetungskuerzung(amount="1.00", first_day=first, last_day=last)
    assert 1 <= r.months <= 24
    assert add_period_from_start_of_day(first, months=r.months) >= last


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=2, max_value=120),
    st.lists(st.integers(min_value=1, max_value=119), max_size=6),
    st.sampled_from(["continues", "restarts"]),
    st.integers(min_value=0, max_value=130),
    st.booleans(),
)
def test_kurzzeit_days_add_up(first, length, cuts, interruption, approval_offset, emergency):  # noqa: PLR0917 - drawn by given
    # every day of the stay is covered, over the limit, away or before the approval — exactly once;
    # "continues" never covers more than 42 days, each run lies inside the stay and is present
    last = first + timedelta(days=length)
    points = sorted({c for c in cuts if c < length})
    absences = [
        (first + timedelta(days=a), first + timedelta(days=b))
        for a, b in zip(points[::2], points[1::2], strict=False)
        if a < b
    ]
    approved = first + timedelta(days=approval_offset)
    if approved > last and not emergency:
        return
    r = kurzzeitbetreuung(
        first_day=first,
        last_day=last,
        absences=absences,
        interruption=interruption,
        approved_on=approved,
        emergency=emergency,
    )
    assert r.covered_days + r.excess_days + r.absent_days + r.unpaid_days == r.consecutive_days
    assert r.excess_days >= 0
    if interruption == "continues":
        assert r.covered_days <= 42
    for start, end in r.covered_periods:
        assert r.paid_from <= start <= end <= last
        assert not any(a <= end and start <= b for a, b in absences)
