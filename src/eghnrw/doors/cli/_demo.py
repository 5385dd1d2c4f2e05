"""``eghnrw demo``: the main job on the bundled example, explained — and the example to take away.

The example (a besondere Wohnform) is bundled with the package, so ``eghnrw demo --save FILE``
writes it wherever eghnrw is installed: as JSON (the bundled file itself), as CSV (``--excel``:
as German Excel opens it) or as an .xlsx workbook to fill in. ``eghnrw run FILE`` then computes it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final, TextIO

from eghnrw.core.money import parse_amount
from eghnrw.core.trace import Lang, format_value
from eghnrw.doors.cli._cells import cell_text
from eghnrw.doors.cli._commands import EXIT_ERROR, EXIT_OK, CommandError, OutputError, register
from eghnrw.doors.cli._fields import Field
from eghnrw.doors.cli._files import replacing
from eghnrw.doors.cli._kinds import KINDS
from eghnrw.doors.cli._outcome import Outcome, outcome
from eghnrw.doors.cli._read import open_source
from eghnrw.doors.cli._write import make_writer
from eghnrw.doors.cli._xlsx import Workbook

__all__ = ["DEMO_FILE", "demo_text"]

#: The bundled example (a copy of examples/besondere_wohnform.json, kept equal by a test).
DEMO_FILE: Final = "besondere_wohnform.json"


def demo_text() -> str:
    """The bundled example case file (JSON)."""
    return resources.files("eghnrw.doors.cli").joinpath(DEMO_FILE).read_text(encoding="utf-8")


def _options(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--brief", action="store_true", help="only the summary, not every calculation step")
    demo.add_argument(
        "--save",
        metavar="FILE",
        help="write the example's cases to FILE (.json, .csv or .xlsx) to compute with 'eghnrw run FILE'; "
        "an existing file is not overwritten",
    )
    demo.add_argument("--excel", action="store_true", help="with --save FILE.csv: as German Excel opens it")


def _demo(args: argparse.Namespace) -> int:
    if args.save:
        return _save(Path(args.save), excel=args.excel, lang=args.lang)
    with open_source(DEMO_FILE, stream=io.BytesIO(demo_text().encode("utf-8"))) as source:
        outcomes = [outcome(case) for case in source.cases()]
    failed = [o for o in outcomes if o.result is None]
    if failed:  # the bundled example must always compute
        for bad in failed:
            sys.stderr.write(f"eghnrw: error: {DEMO_FILE}:{bad.line}: {bad.error}\n")
        return EXIT_ERROR
    if args.json:
        writer = make_writer("jsonl", sys.stdout, lang=args.lang)
        for done in outcomes:
            writer.write(done)
        return EXIT_OK
    _print_demo(outcomes, args.lang, brief=args.brief, out=sys.stdout)
    return EXIT_OK


# --- the example to take away -------------------------------------------------------------------


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(demo_text(), parse_float=Decimal)
    return cases


def _typed(item: Field, value: object) -> object:
    """A case file's value as a table cell holds it: amounts as numbers, dates as dates."""
    if item.type == "amount":
        return parse_amount(value, item.name)
    if item.type == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if item.type == "mapping" and isinstance(value, dict):
        return {key: parse_amount(amount, item.name) for key, amount in value.items()}
    return value


def _table() -> tuple[list[str], list[list[object]]]:
    """The example as a table: ``kind``, ``id``, then every field used, in order of first use."""
    cases = _cases()
    columns: dict[str, None] = {"kind": None, "id": None}
    for case in cases:
        columns.update(dict.fromkeys(key for key in case if key != "note"))
    rows = []
    for case in cases:
        kind = KINDS[case["kind"]]
        row: list[object] = []
        for name in columns:
            item = kind.field(name)
            value = case.get(name)
            row.append(_typed(item, value) if item is not None and value is not None else value)
        rows.append(row)
    return list(columns), rows


def _save(path: Path, *, excel: bool, lang: Lang) -> int:
    suffix = path.suffix.lower()
    if suffix not in {".json", ".csv", ".xlsx"}:
        raise CommandError(f"--save: got {str(path)!r}; name a .json, .csv or .xlsx file")
    if excel and suffix != ".csv":
        raise CommandError("--excel: goes with --save FILE.csv")
    if path.exists():
        raise CommandError(f"--save: {path} exists; eghnrw does not overwrite it (choose another name)")
    try:
        with replacing(path) as temporary:
            _write_example(temporary, suffix, excel=excel, lang=lang)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    done = "geschrieben; rechnen mit" if lang == "de" else "written; compute it with"
    sys.stdout.write(f"{path} {done}: eghnrw run {path}\n")
    return EXIT_OK


def _write_example(path: Path, suffix: str, *, excel: bool, lang: Lang) -> None:
    """The example's cases as ``suffix`` says: the JSON itself, a CSV or a workbook."""
    if suffix == ".json":
        path.write_text(demo_text(), encoding="utf-8")
    elif suffix == ".csv":
        _save_csv(path, excel=excel, lang=lang)
    else:
        columns, rows = _table()
        book = Workbook(path, lang=lang)
        title = "Fälle" if lang == "de" else "Cases"
        book.sheet(title, columns)
        for row in rows:
            book.append(title, row)
        book.close()


def _save_csv(path: Path, *, excel: bool, lang: Lang) -> None:
    columns, rows = _table()
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell_text(value, excel=excel, lang=lang) for value in row])


# --- the summary --------------------------------------------------------------------------------

#: What the demo's summary shows of each kind of result (the rest is in the explanation).
_SUMMARY: Final[dict[str, tuple[str, ...]]] = {
    "kdu": ("sgb_xii_share", "eingliederungshilfe_share"),
    "rv-termination": ("last_day_for_notice", "end_date"),
    "lrv-termination": ("effective_date", "aftereffect_until"),
}
_EURO: Final = frozenset({"amount", "sgb_xii_share", "eingliederungshilfe_share"})


def _print_demo(outcomes: list[Outcome], lang: Lang, *, brief: bool, out: TextIO) -> None:
    de = lang == "de"
    out.write(
        (
            "Beispiel: eine besondere Wohnform (24 Plätze) — alle Zahlen sind erfundene Eingaben:\n"
            "Anlage B (Personalschlüssel, Auslastung) und landeseinheitliche Euro-Sätze sind nicht veröffentlicht.\n"
            if de
            else "Example: a besondere Wohnform (24 places) — every figure is an illustrative input:\n"
            "Anlage B (staff keys, occupancy) and state-wide Euro rates are not published.\n"
        )
        + ("\nZusammenfassung\n" if de else "\nSummary\n")
    )
    for done in outcomes:
        result = done.result
        if result is None:  # pragma: no cover - _demo stops before
            continue
        shown = []
        for name in _SUMMARY.get(done.kind, ("amount",)):
            labels = result.labels.get(name, (name, name))
            value = getattr(result, name)
            euro = " €" if name in _EURO else ""
            shown.append(f"{labels[0 if de else 1]} {format_value(value, lang)}{euro}")
        out.write(f"  {done.id}: {'; '.join(shown)}\n")
    out.write(
        "\nSelbst rechnen: eghnrw demo --save beispiel.csv, dann eghnrw run beispiel.csv --format text\n"
        "In English: eghnrw demo --lang en\n"
        if de
        else "\nRun it yourself: eghnrw demo --save example.csv, then eghnrw run example.csv --format text --lang en\n"
    )
    if brief:
        return
    out.write("\n")
    writer = make_writer("text", out, lang=lang, located=False)  # the bundled file's lines mean nothing to the user
    for done in outcomes:
        writer.write(done)


register(
    "demo",
    help="the main job on the bundled example (a besondere Wohnform), explained",
    description="Runs the bundled example case file (the same as examples/besondere_wohnform.json): "
    "Fachmodul Wohnen, Organisationsmodul, Assistenz hours, the KdU split, and the end "
    "dates of the RV and the LRV. All figures are illustrative inputs. --save FILE writes the "
    "example's cases to compute yourself with eghnrw run.",
    setup=_options,
    handler=_demo,
    common=True,
)
