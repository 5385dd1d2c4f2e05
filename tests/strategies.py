"""Every hypothesis strategy of the test suite, in one place (the habit of attrs' tests).

Sections are appended per area; keep each strategy small and named for what it draws.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

# --- foundation: amounts and dates -------------------------------------------------------------

#: Euro amounts in whole cents, from 0 to 10 million.
cents = st.integers(min_value=0, max_value=1_000_000_000).map(lambda c: Decimal(c).scaleb(-2))

#: Dates the agreements can be asked about (the calendar knows NRW holidays from 1991).
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2150, 12, 31))
