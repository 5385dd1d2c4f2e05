"""The Kalkulation workbook: ``eghnrw template`` writes it, Excel fills it, ``eghnrw kalkulation`` computes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors import cli
from eghnrw.doors.cli._kalkulation import example_text
from eghnrw.kommission.models.service_costs import parse_kalkulation

openpyxl = pytest.importorskip("openpyxl", reason="the .xlsx workbook needs openpyxl (eghnrw[excel])")

from eghnrw.doors.cli._kalkulation_xlsx import read_kalkulation_xlsx, write_kalkulation_xlsx  # noqa: E402


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_template_reads_back_as_the_kalkulation_it_was_written_from(tmp_path):
    example = parse_kalkulation(example_text())
    path = tmp_path / "k.xlsx"
    write_kalkulation_xlsx(path, example)
    assert read_kalkulation_xlsx(path) == example


def test_the_template_computes_like_the_example(capsys, tmp_path):
    path = tmp_path / "kalkulation.xlsx"
    code, _, err = run(capsys, "template", str(path))
    assert code == 0
    assert "eghnrw kalkulation" in err
    _, from_json, _ = run(capsys, "kalkulation", "--json")
    _, from_xlsx, _ = run(capsys, "kalkulation", str(path), "--json")
    assert from_xlsx == from_json  # the same Kalkulation, the same audit record
    code, _, err = run(capsys, "template", str(path))
    assert code == 2
    assert "does not overwrite" in err


def test_values_as_excel_holds_them_are_read(tmp_path):
    # what a clerk types in German Excel: numbers as number cells (floats in the file), WAHR/FALSCH,
    # the text "ja", a date cell.
    path = tmp_path / "filled.xlsx"
    write_kalkulation_xlsx(path, None)
    book = openpyxl.load_workbook(path)
    sheet = book["Kalkulation"]
    values = {"unit": "day", "places": 10, "occupancy_percent": 95.5, "days": 365, "material_costs": 1000.1}
    for row in sheet.iter_rows(min_row=2):  # the Feld column: "Plätze (places)"
        name = row[0].value.rpartition("(")[2].rstrip(")")
        if name in values:
            row[1].value = values[name]
    posts = book["Stellen"]
    posts.append(["Fachkraft", 2.5, None, None, None, 60000, True, "TVöD", None])
    posts.append(["Hilfskraft", 1, None, None, None, 45000.5, "nein", None, "nein"])
    book["Zuschläge"].append(["verwaltung", 6.5])
    book.save(path)
    k = read_kalkulation_xlsx(path)
    assert (k.places, k.occupancy_percent, k.days, k.material_costs) == (10, Decimal("95.5"), 365, Decimal("1000.1"))
    assert [(p.role, p.fte, p.annual_cost, p.skilled) for p in k.posts] == [
        ("Fachkraft", Decimal("2.5"), Decimal(60000), True),
        ("Hilfskraft", Decimal(1), Decimal("45000.5"), False),
    ]
    assert k.surcharges_percent == {"verwaltung": Decimal("6.5")}


def test_a_bad_value_is_named_by_sheet_row_and_field(tmp_path):
    path = tmp_path / "bad.xlsx"
    write_kalkulation_xlsx(path, parse_kalkulation(example_text()))
    book = openpyxl.load_workbook(path)
    book["Stellen"]["B3"].value = -1  # the second post's fte
    book.save(path)
    with pytest.raises(InvalidInputError) as info:
        read_kalkulation_xlsx(path)
    assert str(info.value) == "Stellen row 3 (posts[1]).fte: got -1; pass an amount of zero or more"


def test_an_empty_template_is_refused_naming_what_is_missing(capsys, tmp_path):
    path = tmp_path / "empty.xlsx"
    code, _, _ = run(capsys, "template", str(path), "--empty")
    assert code == 0
    code, _, err = run(capsys, "kalkulation", str(path))
    assert code == 2
    assert "Kalkulation: unit: got nothing; pass this field" in err


def test_a_workbook_without_the_template_sheets_is_refused(capsys, tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.save(path)
    code, _, err = run(capsys, "kalkulation", str(path))
    assert code == 2
    assert "eghnrw template FILE.xlsx writes one" in err


def test_the_template_needs_an_xlsx_name(capsys, tmp_path):
    code, _, err = run(capsys, "template", str(tmp_path / "k.csv"))
    assert code == 2
    assert "ending in .xlsx" in err
