"""The eghnrw command: every subcommand with exact values, --json equal to the library, bad input, exit codes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

import eghnrw
from eghnrw.doors import cli
from eghnrw.doors.cli._kinds import KINDS


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- every subcommand, good input, exact values ---------------------------------------------------

GOOD = {
    "hourly-rate": (
        ["--annual-personnel-cost", "63360", "--on", "2024-01-01"],
        ["Stundensatz: 40,00", "Jahresarbeitsstunden: 1.584", "[LRV A.4.6 Abs. 2]"],
    ),
    "surcharge": (["--base", "50000", "--percent", "17.5"], ["Zuschlag: 8.750,00"]),
    "daily-rate": (
        ["--annual-cost", "1000000", "--places", "20", "--occupancy-percent", "95", "--days", "365"],
        ["Tagessatz: 144,20", "Berechnungstage gesamt (Plätze × Tage × Auslastung): 6.935"],
    ),
    "fachmodul-wohnen": (
        [
            "--places",
            "24",
            "--occupancy-percent",
            "96",
            "--posts-per-place",
            "0.25",
            "--cost-per-post",
            "60000",
            "--surcharges-percent",
            "sachaufwand=10",
            "--days",
            "365",
        ],
        ["Tagessatz: 47,09", "Jahreskosten: 396.000,00", "[LRV B.4.6 Abs. 2]"],
    ),
    "tagesstruktur": (
        [
            "--intensity",
            "intensitaet_1",
            "--places",
            "12",
            "--occupancy-percent",
            "100",
            "--posts-per-place",
            "0.2",
            "--cost-per-post",
            "55000",
            "--days",
            "250",
        ],
        ["Tagessatz: 44,00", "[LRV B.4.10 Abs. 2]"],
    ),
    "organisationsmodul": (
        [
            "--persons",
            "40",
            "--posts-per-person",
            "0.025",
            "--cost-per-post",
            "70000",
            "--sachaufwand-percent",
            "10",
            "--investment",
            "30000",
            "--public-subsidies",
            "10000",
            "--operating-costs",
            "5000",
            "--occupancy-percent",
            "100",
            "--days",
            "365",
        ],
        ["Tagessatz je Person: 6,99", "Jahreskosten: 102.000,00", "[LRV B.4.7 Abs. 8]"],
    ),
    "shared-delivery": (
        ["--rate", "50.00", "--hours", "1", "--participants", "3"],
        ["Kosten gesamt: 50,00", "Anteil Person 1: 16,67", "Anteil Person 3: 16,66"],
    ),
    "kdu": (
        ["--actual-costs", "700", "--adequacy-limit", "500"],
        ["Anteil SGB XII (Grundsicherung): 625,00", "Anteil Eingliederungshilfe: 75,00", "(mehr als 125 %): ja"],
    ),
    "personal-means": (["--personal-means", "600", "--on", "2024-07-01"], ["506"]),
    "kurzzeitbetreuung": (["--first-day", "2024-03-01", "--last-day", "2024-04-12"], ["11.04.2024", "42"]),
    "verguetungskuerzung": (
        ["--amount", "1000.00", "--first-day", "2024-01-01", "--months", "24", "--monthly-parts"],
        ["31.12.2025", "41,67"],
    ),
    "rv-termination": (
        ["--notice-received", "2026-09-30"],
        ["Vereinbarung endet am: 31.12.2026", "rechtzeitig für die laufende Periode: ja"],
    ),
    "rv-period": (["--on", "2027-05-01"], ["01.01.2027", "31.12.2027", "30.09.2027"]),
    "lrv-termination": (
        ["--notice-received", "2024-03-15"],
        ["Kündigungstermin: 15.03.2025", "Nachwirkung längstens bis: 15.03.2026"],
    ),
    "termination-timeline": (
        ["--notice-received", "2024-03-15"],
        ["15.03.2025", "16.03.2025", "15.03.2026", "[LRV C.4 Abs. 4 Satz 2]"],
    ),
    "schiedsstelle": (["--negotiation-requested", "2024-05-15"], ["16.08.2024", "[§ 126 Abs. 2"]),
    "audit-window": (
        ["--audit-notice", "2024-03-15", "--period-start", "2019-01-01", "--period-end", "2020-12-31"],
        ["ja", "01.01.2019", "31.12.2020"],
    ),
    "audit-timeline": (
        ["--last-audit-day", "2024-10-31"],
        ["07.11.2024", "05.12.2024", "02.01.2025", "30.01.2025", "01.05.2025"],
    ),
    "hospital-report": (["--learned-on", "2024-05-29"], ["03.06.2024", "[LRV B.4.12 Abs. 3]"]),
    "commission-vote": (
        ["--providers-present", "8", "--authorities-present", "8", "--yes", "15", "--no", "0", "--abstain", "1"],
        ["beschlussfähig: ja", "Beschluss gefasst: ja"],
    ),
}


def test_the_good_cases_are_kinds_of_the_command() -> None:
    # every kind is also run with its fuzz-table call in tests/test_cli_derived.py; these pin exact values
    assert {"hourly-rate", "surcharge", "fachmodul-wohnen", "tagesstruktur", "shared-delivery"} <= set(GOOD)
    assert {"kurzzeitbetreuung", "lrv-termination", "termination-timeline"} <= set(GOOD) <= set(KINDS)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_subcommand_good_input(capsys, name) -> None:
    args, expected = GOOD[name]
    code, out, err = run(capsys, name, *args)
    assert (code, err) == (0, "")
    for text in expected:
        assert text in out
    assert out.rstrip().endswith(f"eghnrw {eghnrw.__version__}")


def test_hourly_rate_english(capsys) -> None:
    code, out, _ = run(capsys, "hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-01-01", "--lang", "en")
    assert code == 0
    assert out.splitlines()[:2] == ["Hourly rate", "  Hourly rate: 40.00"]


def test_mapping_option_repeated_and_combined(capsys) -> None:
    base = ["hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-01-01"]
    _, once, _ = run(capsys, *base, "--surcharges-percent", "gemeinkosten=20,sachaufwand=15")
    _, twice, _ = run(
        capsys, *base, "--surcharges-percent", "gemeinkosten=20", "--surcharges-percent", "sachaufwand=15"
    )
    assert "Stundensatz: 54,00" in once
    assert once == twice


# --- --json is the library's audit record ----------------------------------------------------------

JSON_CASES = [
    (
        ["hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-01-01", "--surcharges-percent", "a=20"],
        lambda: eghnrw.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), surcharges_percent={"a": "20"}),
    ),
    (
        ["daily-rate", "--annual-cost", "1000000", "--places", "20", "--occupancy-percent", "95", "--days", "365"],
        lambda: eghnrw.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days="365"),
    ),
    (
        ["kdu", "--actual-costs", "700", "--adequacy-limit", "500", "--no-itemised"],
        lambda: eghnrw.kdu_check(actual_costs="700", adequacy_limit="500", itemised=False),
    ),
    (
        ["lrv-termination", "--notice-received", "2024-03-15", "--parts", "B.4.9,B.4.10"],
        lambda: eghnrw.lrv_termination(notice_received=date(2024, 3, 15), parts=["B.4.9", "B.4.10"]),
    ),
    (
        ["audit-timeline", "--last-audit-day", "2024-10-31"],
        lambda: eghnrw.audit_timeline(last_audit_day=date(2024, 10, 31)),
    ),
    (
        [
            "commission-vote",
            "--providers-present",
            "8",
            "--authorities-present",
            "8",
            "--yes",
            "15",
            "--no",
            "0",
            "--abstain",
            "1",
        ],
        lambda: eghnrw.commission_vote(providers_present=8, authorities_present=8, yes=15, no=0, abstain=1),
    ),
]


@pytest.mark.parametrize(("args", "call"), JSON_CASES, ids=[c[0][0] for c in JSON_CASES])
def test_json_equals_library_call(capsys, args, call) -> None:
    code, out, err = run(capsys, *args, "--json")
    assert (code, err) == (0, "")
    assert out == call().model_dump_json() + "\n"
    assert json.loads(out) == json.loads(call().model_dump_json())


def test_json_amount_is_exact_string(capsys) -> None:
    _, out, _ = run(capsys, "hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-01-01", "--json")
    record = json.loads(out, parse_float=Decimal)
    assert record["amount"] == "40.00"
    assert record["eghnrw_version"] == eghnrw.__version__


# --- bad input: exit 2, the field named, nothing on stdout -----------------------------------------

BAD = [
    (["hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-13-01"], "--on: got '2024-13-01'"),
    (["hourly-rate", "--annual-personnel-cost", "-1", "--on", "2024-01-01"], "--annual-personnel-cost: got '-1'"),
    (["hourly-rate", "--annual-personnel-cost", "1.234,56", "--on", "2024-01-01"], "or pass --decimal-comma"),
    (
        ["hourly-rate", "--annual-personnel-cost", "63360"],
        (
            "--on: got nothing; pass --on YYYY-MM-DD to read the KGSt Normalarbeitszeit for that day, "
            "or --annual-hours AMOUNT"
        ),
    ),
    (["hourly-rate", "--annual-personnel-cost", "63360", "--on", "1990-01-01"], "kgst_normalarbeitszeit"),
    (["hourly-rate", "--annual-personnel-cost", "1", "--surcharges-percent", "gemeinkosten"], "--surcharges-percent"),
    (
        ["daily-rate", "--annual-cost", "1", "--places", "zwanzig", "--occupancy-percent", "95"],
        "--places: got 'zwanzig'",
    ),
    (["daily-rate", "--annual-cost", "1", "--places", "0", "--occupancy-percent", "95", "--days", "365"], "places"),
    (
        [
            "fachmodul-wohnen",
            "--places",
            "2",
            "--occupancy-percent",
            "101",
            "--posts-per-place",
            "1",
            "--cost-per-post",
            "1",
            "--days",
            "365",
        ],
        "--occupancy-percent: got '101'; pass an occupancy in percent above 0 and at most 100",
    ),
    (["kdu", "--actual-costs", "700.001", "--adequacy-limit", "500"], "--actual-costs: got '700.001'"),
    (["kdu", "--actual-costs", "700", "--adequacy-limit", "0"], "--adequacy-limit"),
    (["rv-termination", "--notice-received", "2019-01-01"], "--notice-received: got 2019-01-01"),
    (["lrv-termination", "--notice-received", "2024-03-15", "--parts", "Z.9"], "--parts"),
    (
        [
            "commission-vote",
            "--providers-present",
            "15",
            "--authorities-present",
            "8",
            "--yes",
            "1",
            "--no",
            "0",
            "--abstain",
            "0",
        ],
        "--providers-present",
    ),
    (["shared-delivery", "--rate", "50", "--hours", "1", "--participants", "0,0"], "--participants"),
]


@pytest.mark.parametrize(("args", "named"), BAD, ids=[f"{a[0]}-{i}" for i, (a, _) in enumerate(BAD)])
def test_bad_input_exits_2_naming_the_field(capsys, args, named) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("eghnrw: error: ")
    assert named in err
    assert "Traceback" not in err


def test_missing_required_option_is_a_usage_error(capsys) -> None:
    code, out, err = run(capsys, "kdu", "--actual-costs", "700")
    assert (code, out) == (2, "")
    assert "eghnrw kdu: error: the following arguments are required: --adequacy-limit" in err
    assert err.startswith("usage: eghnrw kdu ")


def test_usage_line_shows_required_options_as_required(capsys) -> None:
    code, out, _ = run(capsys, "kdu", "--help")
    usage = " ".join(out.split("\n\n")[0].split())
    assert code == 0
    assert "--actual-costs AMOUNT --adequacy-limit AMOUNT [--itemised | --no-itemised]" in usage


def test_unknown_option_shows_the_subcommands_usage(capsys) -> None:
    code, out, err = run(capsys, "kdu", "--actual-costs", "700", "--adequacy-limit", "500", "--bogus", "1")
    assert (code, out) == (2, "")
    assert err.startswith("usage: eghnrw kdu ")
    assert err.rstrip().endswith("eghnrw kdu: error: unrecognized arguments: --bogus 1")


def test_unknown_option_is_named_before_missing_ones(capsys) -> None:
    code, out, err = run(capsys, "kdu", "--bogus", "1")
    assert (code, out) == (2, "")
    assert err.startswith("usage: eghnrw kdu ")
    assert err.rstrip().endswith("eghnrw kdu: error: unrecognized arguments: --bogus 1")
    assert err.count("usage:") == 1
    code, _, err = run(capsys, "kdu", "--actual-costs", "700")  # then the missing one
    assert "the following arguments are required: --adequacy-limit" in err
    assert KINDS["kdu"].field("adequacy_limit").required  # the parser's options are required again


def test_no_command_is_a_usage_error(capsys) -> None:
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err.startswith("usage: eghnrw ")
    assert "eghnrw: error: choose a command" in err


def test_unknown_option_and_subcommand_exit_2(capsys) -> None:
    assert run(capsys, "kdu", "--actual-cost", "700")[0] == 2
    assert run(capsys, "nosuchcommand")[0] == 2


def test_help_and_version_exit_0(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"eghnrw {eghnrw.__version__}\n")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "hourly-rate" in out


@pytest.mark.parametrize("name", sorted(KINDS))
def test_help_cites_the_clauses(capsys, name) -> None:
    code, out, _ = run(capsys, name, "--help")
    assert code == 0
    assert f"Clauses: {KINDS[name].clauses}" in " ".join(out.split())
    assert "exit codes: 0 ok, 2 bad input" in out
    for field in KINDS[name].fields:
        assert field.option in out


def test_unexpected_error_exits_1(capsys, monkeypatch) -> None:
    def boom(_values):
        raise RuntimeError("a bug")

    monkeypatch.setitem(KINDS, "kdu", dataclasses.replace(KINDS["kdu"], call=boom))
    code, out, err = run(capsys, "kdu", "--actual-costs", "700", "--adequacy-limit", "500")
    assert (code, out) == (1, "")
    assert "unexpected RuntimeError: a bug" in err


def test_outdated_parameter_warns_on_stderr_once(capsys) -> None:
    code, out, err = run(capsys, "hourly-rate", "--annual-personnel-cost", "63360", "--on", "2030-01-01")
    assert code == 0
    assert "Stundensatz: 40,00" in out
    assert err.count("eghnrw: warning: ") == 1
    assert "kgst_normalarbeitszeit" in err


# --- schema and demo -------------------------------------------------------------------------------


def test_schema_is_the_input_schema(capsys) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(eghnrw.input_schema()))
    code, out, _ = run(capsys, "schema", "--model", "Module")
    assert json.loads(out)["discriminator"]["mapping"]["assistenz"]
    code, _, err = run(capsys, "schema", "--model", "Nope")
    assert code == 2
    assert "model: got 'Nope'" in err


def test_schema_of_cases_lists_every_kind(capsys) -> None:
    code, out, _ = run(capsys, "schema", "--cases")
    assert code == 0
    variants = json.loads(out)["oneOf"]
    assert [v["properties"]["kind"]["const"] for v in variants] == list(KINDS)
    kdu = next(v for v in variants if v["title"] == "kdu")
    assert kdu["required"] == ["kind", "actual_costs", "adequacy_limit"]
    assert kdu["additionalProperties"] is False


def test_demo_prints_the_main_figures(capsys) -> None:
    code, out, err = run(capsys, "demo")
    assert (code, err) == (0, "")
    for text in (
        "Fachmodul Wohnen: Tagessatz 108,63 €",
        "Organisationsmodul: Tagessatz je Person 29,28 €",
        "Stundensatz Qualifizierte Assistenz: Stundensatz 43,94 €",
        "Kosten gesamt 285,61 €",
        "Anteil SGB XII (Grundsicherung) 700,00 €; Anteil Eingliederungshilfe 80,00 €",
        "Kündigung RV: Kündigung für diese Periode spätestens am 30.09.2026; Vereinbarung endet am 31.12.2026",
        "Kündigung LRV: Kündigungstermin 30.06.2026; Nachwirkung bis 30.06.2027",
        "nicht veröffentlicht",
        "Rechenweg:",
    ):
        assert text in out


def test_demo_json_lines(capsys) -> None:
    code, out, _ = run(capsys, "demo", "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["kind"] for r in records][:3] == ["fachmodul-wohnen", "organisationsmodul", "hourly-rate"]
    assert records[0]["result"]["amount"] == "108.63"


def test_python_dash_m_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "eghnrw", "demo", "--brief", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "Fachmodul Wohnen: Daily rate 108.63 €" in done.stdout


def test_lrv_termination_side_takes_the_library_values(capsys) -> None:
    code, out, _ = run(
        capsys,
        "lrv-termination",
        "--notice-received",
        "2024-03-15",
        "--party",
        "bpa",
        "--side",
        "leistungserbringer",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["side"] == "leistungserbringer"
    code, _, err = run(capsys, "lrv-termination", "--notice-received", "2024-03-15", "--side", "traeger")
    assert code == 2
    assert "side" in err


def test_kurzzeitbetreuung_takes_absences_as_periods(capsys):
    # 01.03.–20.04.2024 is 51 days; away 10.–12.03. (3 days): 48 days of care, 42 paid, 6 above
    # (the 42 days run on after the absence: LRV B.4.8 Abs. 4, decisions.md).
    code, out, _ = run(
        capsys, "kurzzeitbetreuung", "--first-day", "2024-03-01", "--last-day", "2024-04-20",
        "--absences", "2024-03-10..2024-03-12", "--json",
    )  # fmt: skip
    assert code == 0
    record = json.loads(out)
    assert record["inputs"]["absences"] == [["2024-03-10", "2024-03-12"]]
    assert record["absent_days"] == 3
    code, _, err = run(capsys, "kurzzeitbetreuung", "--first-day", "2024-03-01", "--last-day", "2024-04-20",
                       "--absences", "2024-03-10")  # fmt: skip
    assert code == 2
    assert "--absences (item 1): got '2024-03-10'; pass periods FIRST..LAST" in err  # the option, not Python


def test_the_demo_speaks_of_its_cases_not_of_lines_of_a_file_the_user_never_sees(capsys) -> None:
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "── Fachmodul Wohnen · fachmodul-wohnen ──" in out
    assert "── Zeile" not in out
    assert "In English: eghnrw demo --lang en" in out


def test_the_help_cites_clauses_not_rule_ids(capsys) -> None:
    for kind in ("daily-rate", "kdu", "rv-termination"):
        assert cli.main([kind, "--help"]) == 0
        out = capsys.readouterr().out
        assert "Clauses: LRV" in out or "Clauses: RV" in out
        assert "RULES" not in out
