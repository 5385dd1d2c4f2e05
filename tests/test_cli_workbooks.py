"""Workbooks and tables as people fill them: cells mean what Excel shows, columns are found by their headers.

Every workbook here is written with openpyxl as Excel would save it (a percent-formatted cell holds
0.95 and shows 95 %), then read by ``eghnrw run`` or ``eghnrw kalkulation``.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from eghnrw.doors import cli

openpyxl = pytest.importorskip("openpyxl", reason="workbooks need openpyxl (eghnrw[excel])")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def workbook(path, rows, formats=None):
    """A one-sheet workbook of ``rows``; ``formats``: {"B2": "0%"} number formats of cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


DAILY = ["kind", "annual_cost", "places", "occupancy_percent", "days"]


# --- eghnrw run: percentages --------------------------------------------------------------------


def test_a_percent_formatted_occupancy_is_read_as_the_percentage_excel_shows(capsys, tmp_path):
    # "95 %" typed in Excel is stored as 0.95 in a cell formatted 0%:
    # 1,000,000 ÷ (20 × 365 × 95 %) = 1,000,000 ÷ 6,935 = 144.196… → 144.20 (not 14,419.61 for 0.95 %)
    path = workbook(tmp_path / "cases.xlsx", [DAILY, ["daily-rate", 1000000, 20, 0.95, 365]], {"D2": "0%"})
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    assert json.loads(out)["result"]["amount"] == "144.20"


def test_a_fraction_for_an_occupancy_in_a_plain_cell_is_refused(capsys, tmp_path):
    path = workbook(tmp_path / "cases.xlsx", [DAILY, ["daily-rate", 1000000, 20, 0.95, 365]])
    code, out, err = run(capsys, "run", str(path))
    assert (code, out) == (2, "")
    assert f"{path}:2: occupancy_percent: got 0.95; a cell not formatted as a percentage reads as 0.95 %" in err
    assert "if 95 % is meant, type 95 or format the cell as a percentage (0 %)" in err


def test_a_small_plain_percentage_is_used_and_reported_once(capsys, tmp_path):
    # 0.5 % of 50000 = 250.00: a surcharge of half a percent can be meant, so it is used — and said
    rows = [["kind", "base", "percent"], ["surcharge", 50000, 0.5], ["surcharge", 40000, 0.5]]
    code, out, err = run(capsys, "run", str(workbook(tmp_path / "s.xlsx", rows)))
    assert code == 0
    assert [json.loads(line)["result"]["amount"] for line in out.splitlines()] == ["250.00", "200.00"]
    assert err.count("warning: column percent: a number of 1 or less in a cell not formatted as a percentage") == 1


def test_a_percent_formatted_cell_is_no_amount(capsys, tmp_path):
    path = workbook(tmp_path / "cases.xlsx", [DAILY, ["daily-rate", 0.5, 20, 95, 365]], {"B2": "0%"})
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert "annual_cost: got '50 %'; this is no percentage: format the cell as a number" in err


def test_a_percentage_from_excel_csv_keeps_its_sign(capsys, tmp_path):
    # German Excel saves a 0%-formatted cell to CSV as it shows it: "95%"
    path = tmp_path / "cases.csv"
    path.write_text(
        "kind;annual_cost;places;occupancy_percent;days\ndaily-rate;1000000;20;95 %;365\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "run", str(path))
    assert code == 0
    assert json.loads(out)["result"]["amount"] == "144.20"


# --- eghnrw run: formulas, dates ----------------------------------------------------------------


def test_a_formula_never_computed_says_what_to_do(capsys, tmp_path):
    path = workbook(tmp_path / "cases.xlsx", [DAILY, ["daily-rate", "=500000*2", 20, 95, 365]])
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert (
        f"{path}:2: annual_cost: cell B2 holds the formula =500000*2 but no computed value (the workbook was "
        "written by a program and never calculated): open it in Excel or LibreOffice and save it, or type the value"
    ) in err


def test_a_date_typed_as_text_in_a_workbook_is_read(capsys, tmp_path):
    rows = [["kind", "notice_received"], ["lrv-termination", "15.03.2024"]]
    code, out, err = run(capsys, "run", str(workbook(tmp_path / "d.xlsx", rows)))
    assert (code, err) == (0, "")
    assert json.loads(out)["result"]["effective_date"] == "2025-03-15"  # LRV C.4: twelve months from receipt


# --- eghnrw run: headers, kinds, extra columns ---------------------------------------------------


def test_headers_and_kinds_as_a_person_types_them(capsys, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "Kind,Annual Cost,PLACES,occupancy-percent,Days\nDaily Rate,1000000,20,95,365\nDAILY_RATE,1000000,20,95,365\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    assert [json.loads(line)["result"]["amount"] for line in out.splitlines()] == ["144.20", "144.20"]


def test_columns_that_are_no_input_are_kept_and_named_once(capsys, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "kind;id;annual_cost;places;occupancy_percent;days;Bemerkung;Prüfvermerk\n"
        "daily-rate;A;1000000;20;95;365;geprüft;ok\n"
        "daily-rate;B;2000000;20;95;365;;offen\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "run", str(path), "--excel", "-o", str(target))
    assert (code, out) == (0, "")
    assert (
        err == "eghnrw: warning: columns no calculation uses, carried through to the output: Bemerkung, Prüfvermerk\n"
    )
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Zeile", "Fall", "Kennung", "Berechnung", "annual_cost", "places", "occupancy_percent", "days",
        "Tagessatz (amount)", "Berechnungstage gesamt (Plätze × Tage × Auslastung) (billable_days)", "days (Ergebnis)",
        "Klauseln", "eghnrw-Version", "Bemerkung", "Prüfvermerk",
    ]  # fmt: skip
    # each row repeats its inputs beside its result: 2,000,000 ÷ 6,935 = 288.39
    assert rows[2][4:9] == ["2000000", "20", "95", "365", "288,39"]
    assert rows[1][-2:] == ["geprüft", "ok"]
    assert rows[2][-2:] == ["", "offen"]


def test_a_column_named_twice_is_refused_with_both_spellings(capsys, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("kind,places,Places\ndaily-rate,1,2\n", encoding="utf-8")
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert "names the column 'places' twice ('places', 'Places')" in err


# --- the Kalkulation workbook --------------------------------------------------------------------


@pytest.fixture
def template(capsys, tmp_path):
    """The filled template, and the audit record of the bundled example it was written from."""
    path = tmp_path / "k.xlsx"
    assert cli.main(["template", str(path)]) == 0
    assert cli.main(["kalkulation", "--json"]) == 0
    expected = capsys.readouterr().out
    return path, json.loads(expected)


def _edit(path, sheet, edit):
    book = openpyxl.load_workbook(path)
    edit(book[sheet])
    book.save(path)


def _kalkulation_row(sheet, name):
    return next(row for row in sheet.iter_rows(min_row=2) if row[0].value.endswith(f"({name})"))


def _computed(capsys, path):
    code, out, err = run(capsys, "kalkulation", str(path), "--json")
    return code, (json.loads(out) if out else None), err


def test_the_template_speaks_german_with_the_field_names(template):
    path, _ = template
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Stellen"][1]] == [
        "Funktion (role)", "VK (fte)", "Personalschlüssel (staff_key)", "Personen (persons)", "Stunden (hours)",
        "Jahreskosten (annual_cost)", "Fachkraft (skilled)", "Tarifwerk", "Leitung (management)",
    ]  # fmt: skip
    assert [c.value for c in book["Zuschläge"][1]] == ["Zuschlag (name)", "Prozent (percent)"]
    assert book["Kalkulation"]["A5"].value == "Auslastung in % (occupancy_percent)"


def test_a_percent_formatted_occupancy_and_surcharge_compute_like_the_numbers(capsys, template):
    path, expected = template

    def as_percent(sheet):
        row = _kalkulation_row(sheet, "occupancy_percent")
        row[1].value, row[1].number_format = 0.96, "0%"  # shown 96 %, as the example's 96

    def surcharge_as_percent(sheet):
        sheet["B2"].value, sheet["B2"].number_format = 0.06, "0%"  # verwaltung: 6 %

    _edit(path, "Kalkulation", as_percent)
    _edit(path, "Zuschläge", surcharge_as_percent)
    code, got, err = _computed(capsys, path)
    assert (code, err) == (0, "")
    assert got["amount"] == expected["amount"]
    assert got["steps"] == expected["steps"]


def test_a_fraction_for_the_occupancy_is_refused_naming_the_row(capsys, template):
    path, _ = template
    _edit(path, "Kalkulation", lambda sheet: setattr(_kalkulation_row(sheet, "occupancy_percent")[1], "value", 0.96))
    code, got, err = _computed(capsys, path)
    assert (code, got) == (2, None)
    assert (
        "Kalkulation row 5 (occupancy_percent): got 0.96; a cell not formatted as a percentage reads as 0.96 %" in err
    )


def test_the_posts_are_read_by_their_headers_in_any_order(capsys, template):
    path, expected = template

    def swap(sheet):  # the columns Fachkraft and Leitung change places, headers included
        for row in sheet.iter_rows():
            row[6].value, row[8].value = row[8].value, row[6].value

    _edit(path, "Stellen", swap)
    code, got, err = _computed(capsys, path)
    assert (code, err) == (0, "")
    assert got["skilled_share_percent"] == expected["skilled_share_percent"]
    assert got["amount"] == expected["amount"]


def test_german_headers_a_clerk_types_are_read(capsys, template):
    path, expected = template

    def retitle(sheet):
        for cell, title in zip(sheet[1], ["Rolle", "vk", "Schlüssel", "Personen", "Stunden", "Personalkosten",
                                          "FACHKRAFT", "Tarif", "leitung"], strict=True):  # fmt: skip
            cell.value = title

    _edit(path, "Stellen", retitle)
    code, got, _ = _computed(capsys, path)
    assert code == 0
    assert got["amount"] == expected["amount"]


def test_an_unknown_and_a_missing_column_are_named(capsys, template):
    path, _ = template
    _edit(path, "Stellen", lambda sheet: sheet.insert_cols(2))
    _edit(path, "Stellen", lambda sheet: setattr(sheet["B1"], "value", "Bemerkung"))
    code, _, err = _computed(capsys, path)
    assert code == 2
    assert (
        "Stellen row 1: got 'Bemerkung'; a column the sheet does not have; its columns: Funktion (role), VK (fte)"
        in err
    )
    _edit(path, "Stellen", lambda sheet: sheet.delete_cols(2))
    _edit(path, "Stellen", lambda sheet: sheet.delete_cols(6))  # Jahreskosten (annual_cost)
    code, _, err = _computed(capsys, path)
    assert code == 2
    assert "the header row lacks the column(s) Jahreskosten (annual_cost)" in err


def test_a_formula_never_computed_in_the_kalkulation_is_named(capsys, template):
    path, _ = template
    _edit(
        path, "Kalkulation", lambda sheet: setattr(_kalkulation_row(sheet, "material_costs")[1], "value", "=40000+2000")
    )
    code, _, err = _computed(capsys, path)
    assert code == 2
    assert "Kalkulation row 11 (material_costs): got '=40000+2000'; cell B11 holds the formula" in err
    assert "open it in Excel or LibreOffice and save it, or type the value" in err


def test_a_text_date_in_the_kalkulation_is_read(capsys, template):
    path, expected = template
    _edit(path, "Kalkulation", lambda sheet: setattr(_kalkulation_row(sheet, "period_start")[1], "value", "01.01.2025"))
    code, got, _ = _computed(capsys, path)
    assert code == 0
    assert got["amount"] == expected["amount"]
    assert Decimal(got["amount"]) > 0


# --- one reader of German numbers for every command ---------------------------------------------


def germanised(value):
    """A document with every number-like text written with a decimal comma (0.125 → 0,125)."""
    if isinstance(value, dict):
        return {k: germanised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [germanised(v) for v in value]
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        return value.replace(".", ",")
    return value


def test_kalkulation_json_with_decimal_commas(capsys, tmp_path):
    german = {**germanised(json.loads(cli._kalkulation.example_text())), "material_costs": "42.000,00"}
    german["period_start"] = "01.01.2025"
    path = tmp_path / "k.json"
    path.write_text(json.dumps(german), encoding="utf-8")
    code, out, err = run(capsys, "kalkulation", str(path), "--decimal-comma", "--json")
    assert (code, err) == (0, "")
    _, expected, _ = run(capsys, "kalkulation", "--json")
    assert json.loads(out)["amount"] == json.loads(expected)["amount"]
    code, _, err = run(capsys, "kalkulation", str(path), "--json")  # without the option: refused, with the way out
    assert code == 2
    assert "or pass --decimal-comma" in err


def test_kalkulation_vary_with_a_decimal_comma_step(capsys):
    # 85, 87.5, 90, …, 100: seven rows
    code, out, err = run(capsys, "kalkulation", "--vary", "occupancy_percent=85:100:2,5", "--decimal-comma", "--json")
    assert (code, err) == (0, "")
    assert [row["value"] for row in json.loads(out)["rows"]] == [
        "85.0",
        "87.5",
        "90.0",
        "92.5",
        "95.0",
        "97.5",
        "100.0",
    ]


def test_kalkulation_workbook_text_cells_with_decimal_commas(capsys, template):
    path, expected = template
    _edit(path, "Stellen", lambda sheet: setattr(sheet["B2"], "value", "6,0"))  # the first post's fte, as text
    code, _, err = _computed(capsys, path)
    assert code == 2
    assert "or pass --decimal-comma" in err
    code, out, err = run(capsys, "kalkulation", str(path), "--decimal-comma", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["amount"] == expected["amount"]


def test_wohnform_with_decimal_commas(capsys, tmp_path):
    house = germanised(json.loads(cli._wohnform.example_text()))
    house["adequacy_limit"] = "480,00"  # 480 with a decimal comma
    path = tmp_path / "h.json"
    path.write_text(json.dumps(house), encoding="utf-8")
    code, out, err = run(capsys, "wohnform", str(path), "--decimal-comma", "--json")
    assert (code, err) == (0, "")
    _, expected, _ = run(capsys, "wohnform", "--example", "--json")

    def shares(record):
        return [(r["id"], r["actual_costs"], r["sgb_xii_share"], r["eingliederungshilfe_share"]) for r in record]

    assert shares(json.loads(out)["residents"]) == shares(json.loads(expected)["residents"])
