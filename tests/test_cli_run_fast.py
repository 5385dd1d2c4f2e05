"""``eghnrw run --format jsonl``'s fast path writes exactly what the single calls write.

The fast path (``eghnrw.doors.cli._fast``) computes hourly rates, daily rates and KdU checks as columns
and writes their audit records from templates. Every test here runs the same book twice — once as
it is, once with the fast path covering no kind (each case computed and dumped by the single call,
as before the fast path) — and compares the output byte for byte, the messages on stderr and the
exit code.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.doors import cli
from eghnrw.doors.cli._commands import COMMANDS
from eghnrw.doors.cli._outcome import outcome
from eghnrw.doors.cli._read import Case
from strategies import rate_days, rate_occupancies, rate_places

HEADER = "kind,id,annual_personnel_cost,on,annual_cost,places,occupancy_percent,days,actual_costs,adequacy_limit,note"


#: The namespaces of ``eghnrw run`` and of the fast path it calls, found from the command itself: the
#: suite's doctest run imports ``eghnrw/doors/cli/_fast.py`` a second time, and patching that copy would
#: change nothing.
RUN: dict[str, Any] = COMMANDS["run"].handler.__globals__
FAST: dict[str, Any] = RUN["Fast"].chunk.__globals__


def _book(rows: list[str] | list[list[str]]) -> str:
    """A CSV book: the header and ``rows`` (lines of text, or lists of cells written as CSV)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        if isinstance(row, str):
            out.write(row + "\n")
        else:
            writer.writerow(row)
    return HEADER + "\n" + out.getvalue()


def _run(book: str, *options: str) -> tuple[int, bytes, str]:
    """Run ``eghnrw run`` on the CSV text ``book``: exit code, the output file's bytes, stderr."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "book.csv", Path(folder) / "out.jsonl"
        source.write_text(book, encoding="utf-8")
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors):
            code = cli.main(["run", str(source), "-o", str(target), "--no-progress", *options])
        written = target.read_bytes() if target.exists() else b""
    return code, written, errors.getvalue().replace(folder, "TMP")


def _both(book: str, *options: str) -> tuple[tuple[int, bytes, str], tuple[int, bytes, str]]:
    """The run with the fast path, and the run with every case computed by the single call."""
    fast = _run(book, *options)
    with mock.patch.dict(FAST, {"_SPECS": {}}):
        slow = _run(book, *options)
    return fast, slow


def _slow_calls(book: str) -> int:
    """How many cases the run computed by the single call (the rest came from templates)."""
    spy = mock.Mock(wraps=outcome)
    with mock.patch.dict(FAST, {"outcome": spy}):
        _run(book)
    return spy.call_count


# --- worked examples ----------------------------------------------------------------------------


def test_the_fast_path_writes_each_covered_kind_as_the_single_call() -> None:
    rows = []
    for i in range(12):
        rows += [
            f"hourly-rate,h{i},{63360 + i},2024-01-01,,,,,,,",
            f"daily-rate,d{i},,,{1000000 + i},20,95,365,,,",
            f"kdu,k{i},,,,,,,{700 + i}.00,500,",  # all above 625.00: exceeds
            f"kdu,u{i},,,,,,,{600 + i}.50,500,",  # all below: does not exceed
        ]
    fast, slow = _both(_book(rows))
    assert fast == slow
    code, written, err = fast
    assert code == 0
    assert err == ""
    records = [json.loads(line) for line in written.decode("utf-8").splitlines()]
    assert len(records) == 48
    first = {record["id"]: record["result"] for record in records}
    # 63,360 ÷ 1,584 = 40 exactly; 63,371 ÷ 1,584 = 40.00694… → 40.01
    assert first["h0"]["amount"] == "40.00"
    assert first["h11"]["amount"] == "40.01"
    # 1,000,000 ÷ (20 × 365 × 95 ÷ 100 = 6,935) = 144.1961… → 144.20
    assert first["d0"]["billable_days"] == "6935"
    assert first["d0"]["amount"] == "144.20"
    # 711.00 against 500 × 1.25 = 625.00: SGB XII 625.00, Eingliederungshilfe 86.00
    assert (first["k11"]["threshold"], first["k11"]["sgb_xii_share"]) == ("625.00", "625.00")
    assert first["k11"]["eingliederungshilfe_share"] == "86.00"
    # 611.50 stays below: all of it SGB XII
    assert (first["u11"]["exceeds_threshold"], first["u11"]["sgb_xii_share"]) == (False, "611.50")


def test_only_the_first_two_cases_of_a_shape_are_computed_by_the_single_call() -> None:
    # one shape per kind (KdU: two, exceeding or not): two cases each make and confirm its template
    rows = [f"daily-rate,d{i},,,{1000000 + i},20,95,365,,," for i in range(30)]
    assert _slow_calls(_book(rows)) == 2
    rows = [f"hourly-rate,h{i},{60000 + i},2024-01-01,,,,,,," for i in range(10)]
    rows += [f"hourly-rate,g{i},{60000 + i},2025-01-01,,,,,,," for i in range(10)]  # another day, another shape
    assert _slow_calls(_book(rows)) == 4
    rows = [f"kdu,k{i},,,,,,,{700 + i}.00,500," for i in range(10)] + [
        f"kdu,u{i},,,,,,,{600 + i}.00,500," for i in range(10)
    ]
    assert _slow_calls(_book(rows)) == 4  # exceeding or not: two shapes


def test_cases_the_fast_path_does_not_cover_keep_their_records_and_messages() -> None:
    rows = [f"daily-rate,d{i},,,{1000000 + i},20,95,365,,," for i in range(6)]
    rows += [
        "daily-rate,zero-places,,,1000000,0,95,365,,,",
        "daily-rate,half-day,,,1000000,20,95,365.5,,,",
        "daily-rate,whole-day,,,1000000,20,95,365.0,,,",  # accepted; recorded as 365.0
        "daily-rate,percent,,,1000000,20,95 %,365,,,",  # the converter reads "95 %"
        "hourly-rate,german,1.234,2024-01-01,,,,,,,",
        "hourly-rate,early,60000,2019-06-01,,,,,,,",  # no KGSt value yet
        "kdu,fraction,,,,,,,700.005,500,",
        "kdu,no-limit,,,,,,,700,0,",
        "kdu,noted,,,,,,,700,500,a note",
        "daily-rate,,,,1000000,20,95,365,,,carried through",
        "unknown,x,,,,,,,,,",
    ]
    rows += [f"daily-rate,e{i},,,{2000000 + i},20,95,365,,," for i in range(6)]
    fast, slow = _both(_book(rows))
    assert fast == slow
    code, written, err = fast
    assert code == 2
    assert "book.csv:8: daily-rate: places: got 0; pass a whole number from 1 to 1,000,000,000" in err
    assert "eghnrw: 6 of 23 case(s) refused; the other 17 were written" in err
    assert b'"days":"365.0"' in written


def test_jobs_use_the_fast_path_and_write_the_same_bytes(monkeypatch) -> None:
    monkeypatch.setitem(RUN["computed"].__globals__, "CHUNK", 9)
    rows = [f"kdu,k{i},,,,,,,{600 + 7 * i}.00,500," if i % 3 else f"daily-rate,d{i},,,{900000 + i},{8 + i},96.5,365,,,"
            for i in range(80)]  # fmt: skip
    one = _run(_book(rows))
    assert _run(_book(rows), "--jobs", "2") == one
    assert one[0] == 0


def test_a_template_that_would_write_a_wrong_figure_is_never_used() -> None:
    # the KdU threshold computed wrongly: the template's first check fails, every case goes the ordinary way
    rows = [f"kdu,k{i},,,,,,,{700 + i}.00,500," for i in range(20)]
    wrong = SimpleNamespace(value=Decimal("1.26"))  # the fast path's factor, not kdu_check's
    with mock.patch.dict(FAST, {"threshold_factor": lambda: wrong}):
        fast, slow = _both(_book(rows))
        calls = _slow_calls(_book(rows))
    assert fast == slow
    assert calls == 20


def test_a_difference_found_later_stops_the_run() -> None:
    # correct for the first cases (template made and confirmed), wrong later: the next check finds it
    rows = [f"daily-rate,d{i},,,{1000000 + i},20,95,365,,," for i in range(40)]
    daily = FAST["_SPECS"]["daily-rate"].compute
    seen = []

    def wrong_later(batch: list[dict[str, object]]) -> list[object]:
        found = daily(batch)
        for item in found:
            seen.append(item)
            if len(seen) > 10 and item is not None:
                item[1]["exact"] += 1
        return found

    spec = FAST["_SPECS"]["daily-rate"]
    patched = {**FAST["_SPECS"], "daily-rate": FAST["_Spec"](**{**spec.__dict__, "compute": wrong_later})}
    with (
        mock.patch.dict(FAST, {"_SPECS": patched}),
        mock.patch.dict(RUN, {"CHUNK": 8}),
        mock.patch.dict(FAST, {"CHECK_EVERY": 5}),
    ):
        code, written, err = _run(_book(rows))
    assert code == 1
    assert written == b""  # with --output, no file
    assert "unexpected FastPathMismatchError: the record the fast path wrote for daily-rate differs" in err


def test_a_template_refuses_a_spec_that_leaves_a_number_of_its_sample_in_place() -> None:
    # a daily-rate spec that forgot the result field "days": the sample's 365 would be written for every case
    case = Case(2, 1, "daily-rate", "d", {"annual_cost": "1000000", "places": "20", "occupancy_percent": "95",
                                          "days": "365"})  # fmt: skip
    result = outcome(case).result
    assert result is not None
    spec = FAST["_SPECS"]["daily-rate"]
    figures = FAST["_daily"]([{"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": "365"}])[0]
    assert figures is not None
    FAST["_Template"](spec, result, figures[1])  # the real spec is complete
    forgetful = FAST["_Spec"](**{**spec.__dict__, "results": spec.results[:2]})
    with pytest.raises(ValueError, match="the result's days is a number that is not a figure"):
        FAST["_Template"](forgetful, result, figures[1])


def test_the_number_of_templates_is_capped() -> None:
    rows = [f"hourly-rate,h{i},{60000 + i},2024-01-{1 + i % 9:02d},,,,,,," for i in range(60)]
    with mock.patch.dict(FAST, {"_MAX_TEMPLATES": 3}):
        fast, slow = _both(_book(rows))
    assert fast == slow


# --- properties ---------------------------------------------------------------------------------


def _mostly(valid: st.SearchStrategy[str], *odd: str) -> st.SearchStrategy[str]:
    """Valid texts four times in five; else one the rule refuses or the fast path leaves to the single call."""
    return st.one_of(valid, valid, valid, valid, st.sampled_from(odd))


#: Few values beside the random ones, so that the two cases a template is made and confirmed from
#: often share a figure which later cases do not: a figure a template kept from its sample shows.
_amounts = _mostly(
    st.one_of(st.sampled_from(["500", "700.00"]), st.decimals(min_value=0, max_value=10**7, places=2).map(str),
              st.integers(min_value=0, max_value=10**9).map(str)),
    "0.00", "1e5", "-1", "1.234,56", "", " 5", "+7", ".5", "5.", "NaN", "10000000000000000",
)  # fmt: skip
_places = _mostly(st.one_of(st.sampled_from(["20"]), rate_places.map(str)), "0", "2.5", "")
_occupancies = _mostly(st.one_of(st.sampled_from(["95"]), rate_occupancies.map(str)), "0", "101", "95 %")
_days = _mostly(
    st.one_of(st.just("365"), st.sampled_from(["365", "360"]), rate_days.map(str)), "365.0", "365.5", "0", ""
)
_on = _mostly(st.sampled_from(["2024-01-01", "2031-05-05"]), "2019-01-01", "01.02.2024", "x")


@st.composite
def _rows(draw: st.DrawFn) -> list[str]:
    """One case of a covered kind, as CSV cells."""
    kind = draw(st.sampled_from(["hourly-rate", "daily-rate", "kdu"]))
    ident = draw(st.sampled_from(["", "a", "b,c", 'q"uote', "ä"]))
    note = draw(st.sampled_from(["", "", "", "n"]))
    if kind == "hourly-rate":
        return ["hourly-rate", ident, draw(_amounts), draw(_on), "", "", "", "", "", "", note]
    if kind == "daily-rate":
        figures = [draw(_amounts), draw(_places), draw(_occupancies), draw(_days)]
        return ["daily-rate", ident, "", "", *figures, "", "", note]
    return ["kdu", ident, "", "", "", "", "", "", draw(_amounts), draw(_amounts), note]


@given(rows=st.lists(_rows(), min_size=5, max_size=40), check_every=st.integers(min_value=1, max_value=6))
def test_any_book_is_written_as_the_single_calls_write_it(rows: list[str], check_every: int) -> None:
    with mock.patch.dict(FAST, {"CHECK_EVERY": check_every}):
        fast, slow = _both(_book(rows))
    assert fast == slow
