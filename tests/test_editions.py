"""Editions by part of the agreements in every result (RULES C13, eghnrw.core._editions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import eghnrw as e
from eghnrw.core.trace import EDITIONS

B4 = "LRV Teil B.4, geändert, erweitert und umstrukturiert durch Beschluss der Gemeinsamen Kommission am 15.12.2021"


def _table() -> e.HourlyRateTable:
    entry = e.HourlyRateEntry(
        kind=e.AssistenzKind("einfache_assistenz"),
        tarifwerk="Haustarif A",
        valid_from=date(2020, 1, 1),
        rate=Decimal("41.10"),
        source="example table of the caller",
    )
    return e.HourlyRateTable(entries=[entry])


def test_a_b4_rule_names_the_b4_edition_of_15_12_2021() -> None:
    r = e.assistenz_hourly_rate(kind="einfache_assistenz", tarifwerk="Haustarif A", table=_table(), on=date(2022, 6, 1))
    assert r.editions == (B4,)
    assert EDITIONS["LRV B.4"] == B4


def test_a_b4_rule_for_a_day_before_the_amendment_says_it_applies_the_amended_text() -> None:
    # B.4.5 Abs. 2 (einfache Assistenz) exists only since 15.12.2021; asked for 01.06.2020.
    r = e.assistenz_hourly_rate(kind="einfache_assistenz", tarifwerk="Haustarif A", table=_table(), on=date(2020, 6, 1))
    assert r.editions == (B4 + " (angewandt für den 01.06.2020: der frühere Text liegt nicht vor)",)
    assert e.Result.from_record(r.model_dump_json()).editions == r.editions


def test_the_day_of_the_amendment_applies_it_without_a_note() -> None:
    r = e.assistenz_hourly_rate(
        kind="einfache_assistenz", tarifwerk="Haustarif A", table=_table(), on=date(2021, 12, 15)
    )
    assert r.editions == (B4,)


def test_a_rule_of_part_a_names_the_2019_text_and_a_date_rule_the_rv() -> None:
    d = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    assert d.editions == (EDITIONS["LRV"],)
    assert "Fassung von 2019" in EDITIONS["LRV"]
    t = e.rv_termination(notice_received=date(2026, 9, 30))
    assert t.editions == (EDITIONS["RV"],)


def test_a_kdu_check_names_b4_and_no_part_it_does_not_cite() -> None:
    k = e.kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500))
    assert B4 in k.editions
    assert EDITIONS["RV"] not in k.editions
    assert EDITIONS["LRV B.4.15 Abs. 6"] not in k.editions
