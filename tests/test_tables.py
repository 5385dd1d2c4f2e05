"""``eghnrw.read_table``: German and English tables into exact columns, the reader ``eghnrw run`` uses."""

from __future__ import annotations

import io
import sys
from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError, OptionalDependencyError

pd = pytest.importorskip("pandas", reason="read_table needs pandas (eghnrw[pandas])")

GERMAN = "Haus;Kosten;Auslastung;Plätze;Beginn\nA;1.658.253,19;95 %;24;15.03.2024\nB;700,5;96%;12;2024-01-01\n"


@pytest.mark.parametrize(("encoding", "bom"), [("cp1252", b""), ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_german_excel_csv_in_every_encoding_excel_writes(encoding, bom):
    df = e.read_table(io.BytesIO(bom + GERMAN.encode(encoding)))
    assert list(df.columns) == ["Haus", "Kosten", "Auslastung", "Plätze", "Beginn"]
    assert list(df["Kosten"]) == [Decimal("1658253.19"), Decimal("700.5")]  # exact, never a float
    assert list(df["Auslastung"]) == [Decimal(95), Decimal(96)]
    assert list(df["Plätze"]) == [24, 12]
    assert str(df["Plätze"].dtype) == "int64"
    assert list(df["Beginn"]) == [date(2024, 3, 15), date(2024, 1, 1)]
    assert list(df["Haus"]) == ["A", "B"]


def test_plain_csv_with_a_decimal_point_and_a_path(tmp_path):
    path = tmp_path / "fälle.csv"
    path.write_text("id,annual_cost,occupancy_percent\n0815,1000000.00,95.5\n", encoding="utf-8")
    df = e.read_table(path, text=["id"])
    assert (df["id"][0], df["annual_cost"][0], df["occupancy_percent"][0]) == (
        "0815",
        Decimal("1000000.00"),
        Decimal("95.5"),
    )
    # the result is what the batch functions take: 1,000,000 ÷ (20 × 365 × 95.5 %) = 143.44
    rates = e.daily_rates(annual_cost=df["annual_cost"], places=20, occupancy_percent=df["occupancy_percent"], days=365)
    assert list(rates.columns["amount"]) == [Decimal("143.44")]


def test_the_decimal_comma_can_be_chosen_and_the_ambiguous_is_not_guessed():
    data = b"a;b\n1.234;1,5\n"
    with pytest.warns(UserWarning, match="column 'a' is read as text"):
        df = e.read_table(io.BytesIO(data + b"2,5;2\n"))
    assert list(df["a"]) == ["1.234", "2,5"]  # 1234 or 1.234? left as text, with a warning
    df = e.read_table(io.BytesIO(data), decimal_comma=False)
    assert df["a"][0] == Decimal("1.234")


def test_a_workbook_cell_formatted_as_a_percentage_is_the_percentage(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kosten", "Auslastung", "Beginn", "Text"])
    sheet.append([1000000.1, 0.95, date(2024, 3, 15), "15.03.2024"])
    sheet["B2"].number_format = "0%"  # Excel shows 95 %
    book.save(tmp_path / "t.xlsx")
    df = e.read_table(tmp_path / "t.xlsx")
    assert (df["Kosten"][0], df["Auslastung"][0]) == (Decimal("1000000.1"), Decimal(95))
    assert (df["Beginn"][0], df["Text"][0]) == (date(2024, 3, 15), date(2024, 3, 15))


def test_a_long_path_that_cannot_be_read_is_shown_by_its_end(tmp_path):
    folder = tmp_path / ("x" * 100)
    folder.mkdir()
    with pytest.raises(InvalidInputError) as refused:
        e.read_table(folder / "nope.csv")
    # 78 characters of the path: "..." and its last 75, the file's name among them
    assert str(refused.value).startswith(f"path_or_buffer: got '...{'x' * 66}/nope.csv'; pass a readable file")


def test_what_cannot_be_read_is_refused_by_name(tmp_path):
    with pytest.raises(InvalidInputError, match=r"^path_or_buffer: got '.*nope.csv'; pass a readable file"):
        e.read_table(tmp_path / "nope.csv")
    with pytest.raises(InvalidInputError, match=r"^encoding: got 'klingon'"):
        e.read_table(io.BytesIO(b"a\n1\n"), encoding="klingon")
    with pytest.raises(InvalidInputError, match=r"^path_or_buffer: got \['a'\]; the header names these columns twice"):
        e.read_table(io.BytesIO(b"a,a\n1,2\n"))
    with pytest.raises(InvalidInputError, match=r"^path_or_buffer: got 42; pass a path or an open file"):
        e.read_table(42)


def test_an_uncomputed_formula_is_refused_with_what_to_do(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Kosten"])
    book.active.append(["=1+1"])
    book.save(tmp_path / "f.xlsx")
    with pytest.raises(InvalidInputError, match=r"^column 'Kosten', row 2: got '=1\+1'; cell A2 holds the formula"):
        e.read_table(tmp_path / "f.xlsx")


def test_without_pandas_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(OptionalDependencyError, match=r"pip install 'eghnrw\[pandas\]'"):
        e.read_table(io.BytesIO(b"a\n1\n"))


def test_a_column_of_yes_and_no_is_read_as_booleans() -> None:
    pytest.importorskip("pandas")
    table = "role;skilled;note\nFachkraft;ja;x\nHilfskraft;NEIN;\nLeitung;True;y\n"
    df = e.read_table(io.BytesIO(table.encode("cp1252")))
    assert list(df["skilled"]) == [True, False, True]
    assert [type(v) for v in df["skilled"]] == [bool, bool, bool]
    assert list(df["note"]) == ["x", None, "y"]  # text stays text
