"""``eghnrw kalkulation FILE [--vary NAME=FROM:TO:STEP]``: a Kalkulation's rate, or a what-if table.

FILE holds one Kalkulation as JSON (or TOML, by the suffix ``.toml``; ``-`` reads JSON from
stdin); without FILE the bundled example (``examples/kalkulation.json``) is used. The output is the
explanation (``--lang``), or the audit record (``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Result
from eghnrw.doors.cli._commands import CommandError, register
from eghnrw.doors.cli._files import replacing
from eghnrw.doors.cli._german import german_amount, german_document
from eghnrw.doors.cli._kalkulation_xlsx import read_kalkulation_xlsx, write_kalkulation_xlsx
from eghnrw.kommission.models.service_costs import Kalkulation, parse_kalkulation
from eghnrw.verguetung.negotiation import kalkulation, what_if

__all__ = ["EXAMPLE_FILE", "example_text", "run_kalkulation"]

#: The bundled example (a copy of examples/kalkulation.json, kept equal by a test).
EXAMPLE_FILE = "kalkulation.json"

_EPILOG = """examples:
  eghnrw kalkulation                                   the bundled example Kalkulation
  eghnrw kalkulation kalkulation.toml --lang en
  eghnrw kalkulation kalkulation.json --vary occupancy_percent=90:100:1
  eghnrw kalkulation kalkulation.json --vary tariff_increase_percent=0:8:0.5 --json

NAME: occupancy_percent, places, days, material_costs, investment, public_subsidies,
operating_costs, management_costs, billable_hours, billable_share_percent,
tariff_increase_percent, price_index_percent, surcharges_percent.NAME, posts[i].fte (or
annual_cost, staff_key, hours, persons)."""


def _options(parser: argparse.ArgumentParser) -> None:
    """The options of ``eghnrw kalkulation`` (besides the common ``--lang`` and ``--json``)."""
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the Kalkulation (.json, .toml, or an .xlsx of 'eghnrw template'; '-' reads JSON from stdin); "
        "default: the bundled example",
    )
    parser.add_argument(
        "--vary", metavar="NAME=FROM:TO:STEP", help="vary one input from FROM to TO (both included) by STEP"
    )
    parser.add_argument("--on", metavar="DATE", help="day to read dated parameters for (default: period_start)")


def example_text() -> str:
    """The bundled example Kalkulation (JSON)."""
    return resources.files("eghnrw.doors.cli").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")


def _read(name: str | None) -> tuple[str, str]:
    if name is None:
        return example_text(), "json"
    if name == "-":
        return sys.stdin.read(), "json"
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError("FILE", name, f"pass a readable UTF-8 file ({exc})") from None
    return text, "toml" if name.lower().endswith(".toml") else "json"


def _vary(text: str) -> tuple[str, str, str, str]:
    name, _, span = text.partition("=")
    parts = span.split(":")
    if not name or len(parts) != 3 or not all(parts):
        raise InvalidInputError("--vary", text, "pass NAME=FROM:TO:STEP, e.g. occupancy_percent=90:100:1")
    return name.strip(), parts[0].strip(), parts[1].strip(), parts[2].strip()


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError("--on", text, "pass a date as YYYY-MM-DD") from None


def _model(name: str | None, *, german: bool = False) -> Kalkulation:
    """The Kalkulation of FILE: JSON, TOML (by the suffix) or an .xlsx workbook of ``eghnrw template``.

    ``german`` (``--decimal-comma``): numbers written with a decimal comma and dates as ``TT.MM.JJJJ``,
    in every text of the file (the same reader as ``eghnrw run``'s, ``_german``).
    """
    if name is not None and name.lower().endswith(".xlsx"):
        return read_kalkulation_xlsx(name, german=german)
    text, syntax = _read(name)
    try:
        if german:
            return parse_kalkulation(german_document(_document(text, syntax, name or EXAMPLE_FILE)))  # type: ignore[arg-type]
        return parse_kalkulation(text, syntax="toml" if syntax == "toml" else "json")
    except InvalidInputError as exc:  # the field path says it all: leave pydantic's list out of the line
        raise InvalidInputError(exc.argument, exc.value, exc.expected) from None


def _document(text: str, syntax: str, name: str) -> dict[str, object]:
    """The JSON or TOML text as a mapping (a fraction stays a float, which the Kalkulation refuses as always).

    Raises:
        InvalidInputError: not JSON or TOML, or not one object.
    """
    try:
        if syntax == "toml":
            import tomllib  # noqa: PLC0415 - only for TOML files

            data: object = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidInputError("FILE", name, f"pass a {syntax.upper()} file with one Kalkulation ({exc})") from None
    if not isinstance(data, dict):
        raise InvalidInputError("FILE", name, f"pass a {syntax.upper()} file with one Kalkulation (one object)")
    return data


def run_kalkulation(args: argparse.Namespace) -> int:
    """Compute the Kalkulation of ``args.file`` (or its what-if) and print it; 0 when done.

    Raises:
        InvalidInputError: an unreadable file, an invalid Kalkulation, a bad ``--vary`` or ``--on``.
        ParameterNotFoundError: a dated parameter has no value on the day.
    """
    model = _model(args.file, german=args.decimal_comma and args.file is not None)  # the example: decimal points
    on = _day(args.on)
    result: Result
    if args.vary:
        name, start, stop, step = _vary(args.vary)
        if args.decimal_comma:  # --vary 85:100:2,5
            start, stop, step = (german_amount(part, "--vary") for part in (start, stop, step))
        result = what_if(model, vary=name, start=start, stop=stop, step=step, on=on)
    else:
        result = kalkulation(model, on=on)
    sys.stdout.write((result.model_dump_json() if args.json else result.explain(args.lang)) + "\n")
    return 0


register(
    "kalkulation",
    help="a Kalkulation's Leistungspauschale from its posts and costs, or a what-if table (--vary)",
    description="The Leistungspauschale of a prospective Kalkulation (JSON or TOML), component by component.\n"
    "Clauses: LRV A.4.5 Abs. 2, A.4.6, A.4.6.1, A.4.6.2, A.2.2 Abs. 1 a-d.",
    epilog=_EPILOG,
    setup=_options,
    handler=run_kalkulation,
    common=True,
)


def _template_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.xlsx", help="where to write the workbook (an existing file is kept)")
    parser.add_argument("--empty", action="store_true", help="headings only, without the example's values")


def _template(args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise CommandError(f"FILE: got {args.file!r}; pass a file name ending in .xlsx")
    if target.exists():
        raise CommandError(f"{args.file} exists: eghnrw does not overwrite it (remove it, or pass another name)")
    with replacing(target) as temporary:  # whole or not at all; a missing folder is named before anything is built
        write_kalkulation_xlsx(temporary, None if args.empty else parse_kalkulation(example_text()))
    sys.stderr.write(f"eghnrw: wrote {args.file}; fill it in, then: eghnrw kalkulation {args.file}\n")
    return 0


register(
    "template",
    help="write a Kalkulation workbook (.xlsx) to fill in Excel, computed by 'eghnrw kalkulation FILE.xlsx'",
    description="Writes the Kalkulation template as an .xlsx workbook (sheets Kalkulation, Stellen, Zuschläge), "
    "filled with the bundled example (--empty: headings only). Needs eghnrw[excel].",
    epilog="example:\n  eghnrw template kalkulation.xlsx\n"
    "  eghnrw kalkulation kalkulation.xlsx --vary occupancy_percent=90:100:1",
    setup=_template_options,
    handler=_template,
)
