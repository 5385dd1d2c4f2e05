"""``eghnrw run``: case files in, results out; bad rows reported by line, good rows kept."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

import eghnrw
from eghnrw.doors import cli
from eghnrw.doors.cli._run import Progress

CSV_MIXED = """kind,id,annual_personnel_cost,on,actual_costs,adequacy_limit,notice_received
hourly-rate,a,63360,2024-01-01,,,
hourly-rate,b,63360,2024-13-01,,,
kdu,c,,,700,500,
nosuch,d,,,,,
kdu,e,,,700,,
rv-termination,f,,,,,2026-09-30
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(CSV_MIXED, encoding="utf-8")
    return path


def test_csv_good_rows_kept_bad_rows_reported_by_line(capsys, mixed) -> None:
    code, out, err = run(capsys, "run", str(mixed))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [(r["line"], r["id"], r["kind"]) for r in records] == [
        (2, "a", "hourly-rate"),
        (4, "c", "kdu"),
        (7, "f", "rv-termination"),
    ]
    assert records[0]["result"]["amount"] == "40.00"
    assert records[1]["result"]["eingliederungshilfe_share"] == "75.00"
    assert records[2]["result"]["end_date"] == "2026-12-31"
    lines = err.splitlines()
    assert lines[0] == f"{mixed}:3: hourly-rate: on: got '2024-13-01'; pass a date as YYYY-MM-DD"
    assert lines[1].startswith(f"{mixed}:5: kind: got 'nosuch'; pass one of hourly-rate, ")
    assert lines[2].startswith(f"{mixed}:6: kdu: adequacy_limit: got nothing; required for kdu")
    assert lines[3] == "eghnrw: 3 of 6 case(s) refused; the other 3 were written"


def test_run_record_equals_library_call(capsys, mixed) -> None:
    _, out, _ = run(capsys, "run", str(mixed))
    first = out.splitlines()[0]
    expected = eghnrw.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1)).model_dump_json()
    assert first == f'{{"line":2,"case":1,"id":"a","kind":"hourly-rate","result":{expected}}}'


def test_csv_output_to_file(capsys, mixed, tmp_path) -> None:
    target = tmp_path / "out.csv"
    code, out, _ = run(capsys, "run", str(mixed), "--output", str(target))
    assert (code, out) == (2, "")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == ["a", "c", "f"]
    assert rows[0]["amount"] == "40.00"
    assert rows[0]["clauses"] == "LRV A.4.6.1 Abs. 1; LRV A.4.6 Abs. 2"
    assert rows[1]["exceeds_threshold"] == "true"
    assert rows[1]["sgb_xii_share"] == "625.00"
    assert rows[1]["amount"] == ""
    assert rows[2]["end_date"] == "2026-12-31"
    assert rows[2]["eghnrw_version"] == eghnrw.__version__


def test_semicolon_csv_with_bom_and_text_output(capsys, tmp_path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("\ufeffkind;id;actual_costs;adequacy_limit\nkdu;x;625,00;500\n", encoding="utf-8")
    code, out, err = run(capsys, "run", str(path), "--format", "text", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.startswith("── Line 2 · x · kdu ──\nHousing costs: 25 % threshold\n")
    assert "threshold exceeded (more than 125 %): no" in out


def test_json_array_line_numbers_and_exact_numbers(capsys, tmp_path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(
        """[
  {"kind": "daily-rate", "annual_cost": 1000000, "places": 20, "occupancy_percent": 95.0, "days": 365},
  {"kind": "daily-rate", "annual_cost": 1000000, "places": 0,
   "occupancy_percent": 95, "days": 365},
  {"kind": "kdu", "actual_costs": "700", "adequacy_limit": "500", "itemised": false, "colour": "red"},
  "not an object",
  {"kind": "surcharge", "base": 50000.10, "percent": "10", "id": 7}
]
""",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [(r["line"], r["id"]) for r in records] == [(2, None), (5, None), (7, "7")]
    assert records[0]["result"]["amount"] == "144.20"
    assert records[1]["extra"] == {"colour": "red"}  # a key that is no input is carried through
    assert records[2]["result"]["amount"] == "5000.01"  # 50000.10 read exactly, never as a float
    assert f"{path}:3: case 2: daily-rate: places: got 0" in err
    assert "warning: keys no calculation uses, carried through to the output: colour" in err
    assert f"{path}:6: case 4: a case is a JSON object with a 'kind', got str" in err


def test_json_lines(capsys, tmp_path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(
        '{"kind": "kdu", "actual_costs": "700", "adequacy_limit": "500"}\n\n{"kind": broken}\n'
        '{"kind": "hourly-rate", "annual_personnel_cost": "63360", "surcharges_percent": {"a": "20"},'
        ' "on": "2024-01-01"}\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    assert code == 2
    assert [json.loads(line)["line"] for line in out.splitlines()] == [1, 4]
    assert json.loads(out.splitlines()[1])["result"]["amount"] == "48.00"
    assert f"{path}:3: not valid JSON" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,annual_cost\n1,2\n", ":1: the CSV header has no 'kind' column"),
        ('[{"kind": "kdu"}\n {"kind": "kdu"}]', ":2: expected ',' or ']' between cases"),
        ('[\n{"kind": "kdu", }\n]', ":2: not valid JSON"),
        ("[]\n]", ":2: text after the closing ']'"),
        ('[{"kind": "kdu"}', ": the JSON array is not closed with ']'"),
    ],
)
def test_unreadable_file_exits_2(capsys, tmp_path, content, message) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, out) == (2, "")
    assert f"eghnrw: error: {path}{message}" in err


def test_missing_file_exits_2(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "run", str(tmp_path / "nope.csv"))
    assert code == 2
    assert "FILE: got" in err


def test_unwritable_output_exits_1(capsys, mixed, tmp_path) -> None:
    code, _, err = run(capsys, "run", str(mixed), "--output", str(tmp_path / "no" / "dir" / "out.jsonl"))
    assert code == 1
    assert "cannot write" in err


def test_all_good_exits_0(capsys, tmp_path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("kind,notice_received\nlrv-termination,2024-03-15\n", encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    assert json.loads(out)["result"]["effective_date"] == "2025-03-15"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        ("kind,id,actual_costs\n", "it has only a header row"),
        ("kind,id\n,\n\n", "it has only a header row"),
        ("[]", "the array is empty"),
        ("[\n]\n", "the array is empty"),
    ],
)
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_file_without_cases_exits_2_saying_why(capsys, tmp_path, content, why, fmt) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "run", str(path), "--format", fmt)
    assert (code, out) == (2, "")
    assert err == f"eghnrw: error: {path}: holds no cases: {why}\n"


def test_stdin(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kind,actual_costs,adequacy_limit\nkdu,700,500\n"))
    code, out, _ = run(capsys, "run", "-")
    assert code == 0
    assert json.loads(out)["result"]["sgb_xii_share"] == "625.00"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_shows_rate_share_and_time_left_on_a_terminal() -> None:
    tty, clock, share = _Tty(), _Clock(), [0.0]
    progress = Progress(tty, lambda: share[0], interval=1.0, clock=clock)
    clock.now, share[0] = 102.0, 0.25  # 512 cases in 2 s: 256/s; a quarter read, so 6 s left
    progress.update(512)
    assert tty.getvalue() == "\r512 cases · 256/s · 25 % · 6 s left\033[K"
    progress.update(513)  # only every 256 cases is the clock read
    clock.now = 102.5
    progress.update(768)  # within the interval: not redrawn
    assert tty.getvalue().count("\r") == 1
    progress.clear()
    assert tty.getvalue().endswith("\r\033[K")
    clock.now = 225.0
    progress.finish(30_000)
    assert tty.getvalue().endswith("30,000 cases in 2 min 05 s (240/s)\n")


def test_progress_is_silent_off_a_terminal_or_when_disabled() -> None:
    plain = io.StringIO()
    for progress in (Progress(plain, lambda: 0.5, interval=0), Progress(_Tty(), lambda: 0.5, enabled=False)):
        progress.update(256)
        progress.finish(256)
        assert not progress.active
    assert plain.getvalue() == ""


def test_no_progress_on_stderr_when_not_a_terminal(capsys, tmp_path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("kind,actual_costs,adequacy_limit\n" + "kdu,700,500\n" * 300, encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 300


# --- where a case is, however the file is laid out -------------------------------------------------


def test_one_line_json_array_locates_cases_by_number(capsys, tmp_path) -> None:
    path = tmp_path / "one-line.json"
    path.write_text(
        '[{"kind": "kdu", "actual_costs": "700", "adequacy_limit": "500"}, {"kind": "kdu", "actual_costs": "x",'
        ' "adequacy_limit": "500"}, {"kind": "kdu", "actual_costs": "700", "adequacy_limit": "0"}, 7]',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    assert code == 2
    assert [(r["line"], r["case"]) for r in map(json.loads, out.splitlines())] == [(1, 1)]
    lines = err.splitlines()
    assert lines[0].startswith(f"{path}:1: case 2: kdu: actual_costs: got 'x'")
    assert lines[1].startswith(f"{path}:1: case 3: kdu: adequacy_limit: got '0'")
    assert lines[2] == f"{path}:1: case 4: a case is a JSON object with a 'kind', got int"


@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_a_json_array_is_read_piece_by_piece(capsys, tmp_path, monkeypatch, chunk) -> None:
    """Cases cut anywhere by the reader's chunks (even inside a number) read as a whole file does."""
    monkeypatch.setattr("eghnrw.doors.cli._read._CHUNK", chunk)
    path = tmp_path / "cases.json"
    path.write_text(
        '[\n  {"kind": "surcharge", "base": 50000.10, "percent": 10, "id": "a"},\n'
        '  {"kind": "kdu", "actual_costs": "700", "adequacy_limit": 500, "itemised": false}\n  ,\n'
        '  {"kind": "kdu", "id": "c", "actual_costs": 12345678.90, "adequacy_limit": 100000}\n]\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["case"], r["id"]) for r in records] == [(2, 1, "a"), (3, 2, None), (5, 3, "c")]
    assert records[0]["result"]["amount"] == "5000.01"  # 50000.10 × 10 % = 5000.010 → 5000.01
    assert records[2]["result"]["actual_costs"] == "12345678.90"


@pytest.mark.parametrize(
    ("content", "located"),
    [
        ("[" * 100_000 + "]" * 100_000, ":1: nested too deeply"),
        ('[{"kind": "kdu", "actual_costs": ' + "[" * 100_000 + "]" * 100_000 + "}]", ":1: nested too deeply"),
    ],
    ids=["array", "value"],
)
def test_deeply_nested_json_is_bad_input(capsys, tmp_path, content, located) -> None:
    path = tmp_path / "deep.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, out) == (2, "")
    assert f"eghnrw: error: {path}{located}" in err
    assert "unexpected" not in err


def test_deeply_nested_json_line_is_a_refused_case(capsys, tmp_path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"kind": "kdu", "actual_costs": "700", "adequacy_limit": "500"}\n'
        '{"kind": "kdu", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    assert code == 2
    assert len(out.splitlines()) == 1
    assert f"{path}:2: nested too deeply" in err


def test_a_row_with_more_cells_than_the_header_is_refused(capsys, tmp_path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("kind,actual_costs,adequacy_limit\nkdu,700,500,extra\nkdu,700,500,,\n", encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, len(out.splitlines())) == (2, 1)
    assert f"{path}:2: 4 cells, but the header has 3 columns" in err


def test_messages_in_a_case_file_name_its_columns(capsys, tmp_path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text(
        "kind,annual_personnel_cost,on,overrides\n"
        "hourly-rate,63360,,\n"
        "hourly-rate,63360,2024-01-01,kgst_normalarbeitszeit=0\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "run", str(path))
    lines = err.splitlines()
    assert code == 2
    assert lines[0] == (
        f"{path}:2: hourly-rate: on: got nothing; pass on (YYYY-MM-DD) to read the KGSt Normalarbeitszeit "
        "for that day, or annual_hours"
    )
    assert lines[1] == (
        f"{path}:3: hourly-rate: overrides kgst_normalarbeitszeit=…: got 0; pass a number of hours above zero"
    )


def test_excel_goes_with_csv_only(capsys, mixed) -> None:
    code, _, err = run(capsys, "run", str(mixed), "--excel", "--format", "jsonl")
    assert code == 2
    assert "--excel: writes CSV; it does not go with --format jsonl" in err


def test_output_format_from_the_suffix(capsys, mixed, tmp_path) -> None:
    for suffix, starts in ((".txt", "── Zeile 2 · a · hourly-rate ──"), (".jsonl", '{"line":2,"case":1,')):
        target = tmp_path / f"out{suffix}"
        run(capsys, "run", str(mixed), "-o", str(target))
        assert target.read_text(encoding="utf-8").startswith(starts)


def test_an_unreadable_book_leaves_no_output_file(capsys, tmp_path) -> None:
    path, target = tmp_path / "bad.csv", tmp_path / "out.jsonl"
    path.write_text("id,x\n1,2\n", encoding="utf-8")
    assert run(capsys, "run", str(path), "-o", str(target))[0] == 2
    assert not target.exists()


def test_a_warning_is_shown_once_for_a_whole_book(capsys, tmp_path) -> None:
    path = tmp_path / "late.csv"
    path.write_text("kind,annual_personnel_cost,on\n" + "hourly-rate,63360,2030-01-01\n" * 50, encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, len(out.splitlines())) == (0, 50)
    assert err.count("eghnrw: warning: ") == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text"])
def test_jobs_write_the_same_as_one_process(capsys, tmp_path, monkeypatch, fmt) -> None:
    monkeypatch.setattr("eghnrw.doors.cli._jobs.CHUNK", 7)  # many chunks, so their order matters
    path = tmp_path / "book.csv"
    rows = [f"hourly-rate,{i},{60000 + i},2030-01-01,," if i % 5 else f"kdu,{i},,,700,{'' if i % 2 else 0}"
            for i in range(60)]  # fmt: skip
    path.write_text("kind,id,annual_personnel_cost,on,actual_costs,adequacy_limit\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")  # fmt: skip
    one = run(capsys, "run", str(path), "--format", fmt)
    two = run(capsys, "run", str(path), "--format", fmt, "--jobs", "2")
    assert one == two
    code, _, err = one
    assert code == 2
    assert err.count("eghnrw: warning: ") == 1  # the outdated KGSt hours, once for the whole book
    assert "eghnrw: 12 of 60 case(s) refused; the other 48 were written" in err


def test_what_a_message_echoes_is_capped(capsys, tmp_path) -> None:
    # a 60-byte line must not become a 100 MB message: 1e99999999 is shown as itself, not in plain digits
    path = tmp_path / "big.jsonl"
    path.write_text('{"kind": "kdu", "actual_costs": 1e99999999, "adequacy_limit": "500"}\n', encoding="utf-8")
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert f"{path}:1: kdu: actual_costs: got 1E+99999999; pass a number smaller in magnitude than" in err
    assert len(err) < 400


@pytest.mark.parametrize("where", ["json", "csv", "csv count"])
def test_integers_of_thousands_of_digits_are_refused_by_name(capsys, tmp_path, where) -> None:
    digits = "9" * 5000  # more than the 4,300 digits Python converts
    if where == "json":
        path = tmp_path / "c.jsonl"
        path.write_text(f'{{"kind": "kdu", "actual_costs": {digits}, "adequacy_limit": "500"}}\n', encoding="utf-8")
        expected = "kdu: actual_costs: got 999"
    elif where == "csv":
        path = tmp_path / "c.csv"
        path.write_text(f"kind,actual_costs,adequacy_limit\nkdu,{digits},500\n", encoding="utf-8")
        expected = "kdu: actual_costs: got '999"
    else:
        path = tmp_path / "c.csv"
        path.write_text(
            f"kind,annual_cost,places,occupancy_percent,days\ndaily-rate,1,{digits},95,365\n", encoding="utf-8"
        )
        expected = "daily-rate: places: got '999"
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert expected in err
    assert "unexpected" not in err
    assert len(err) < 400


def test_control_characters_in_a_workbook_are_written_as_their_pictures(capsys, tmp_path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path, target = tmp_path / "c.json", tmp_path / "out.xlsx"
    path.write_text(
        '[{"kind": "kdu", "id": "a\\u0000b\\u001bc", "actual_costs": "700", "adequacy_limit": "500"}]', encoding="utf-8"
    )
    code, _, err = run(capsys, "run", str(path), "-o", str(target))
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet["C2"].value == "a\u2400b\u241bc"  # NUL as ␀, ESC as ␛: XML cannot hold them
