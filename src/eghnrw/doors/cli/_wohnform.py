"""``eghnrw wohnform FILE``: a whole besondere Wohnform from a JSON file (LRV B.4.14, RULES M15).

Reads a :class:`~eghnrw.kommission.models.House` (``eghnrw schema --model House`` prints its JSON Schema),
runs :func:`eghnrw.wohnform_split` and prints a table of the residents' monthly costs and their KdU
split, then the explanation (German unless ``--lang en``); ``--json`` prints the audit record.
``--example`` runs the bundled example house (the same as ``examples/wohnform.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, localcontext
from importlib import resources
from pathlib import Path

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT
from eghnrw.core.trace import Lang, format_value
from eghnrw.doors.cli._commands import register
from eghnrw.doors.cli._german import german_document
from eghnrw.unterkunft.wohnform import WohnformSplitResult, wohnform_split

__all__ = ["EXAMPLE_FILE", "example_text", "resident_table", "run"]

#: The bundled example house (a copy of examples/wohnform.json, kept equal by a test).
EXAMPLE_FILE = "example_house.json"

_DESCRIPTION = """Split a besondere Wohnform's costs by area between Fachleistung and Unterkunft
(LRV B.4.14 Abs. 2-6), divide the Unterkunft among the residents and check each resident's
Kosten der Unterkunft against the Angemessenheitsgrenze (Abs. 7). FILE is a JSON House
(areas, annual costs by kind, residents); see 'eghnrw schema --model House' and docs/wohnform.md."""

_EPILOG = """examples:
  eghnrw wohnform examples/wohnform.json
  eghnrw wohnform --example --lang en
  eghnrw wohnform house.json --json > record.json

exit codes: 0 ok, 2 bad input, 1 anything else."""


def _options(parser: argparse.ArgumentParser) -> None:
    """The options of ``eghnrw wohnform`` (besides the common ``--lang`` and ``--json``)."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="the house as JSON ('-' reads stdin)")
    source.add_argument("--example", action="store_true", help="the bundled example house")


def example_text() -> str:
    """The bundled example house (JSON)."""
    return resources.files("eghnrw.unterkunft.wohnform").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError("FILE", name, f"pass a readable UTF-8 JSON file ({exc})") from None


def _compute(text: str, name: str, *, german: bool = False) -> WohnformSplitResult:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidInputError("FILE", name, f"pass a JSON file with one House ({exc})") from None
    try:
        return wohnform_split(german_document(data) if german else data)  # type: ignore[arg-type]
    except InvalidInputError as exc:  # one line naming the field, without pydantic's error list
        raise InvalidInputError(f"{name}: {exc.argument}", exc.value, exc.expected) from None


_HEADINGS = {
    "de": ("Bewohner", "m²", "Warmmiete", "bes. NK", "gesamt", "SGB XII", "EGH", "keiner", "Leerstand"),
    "en": ("Resident", "m²", "Warmmiete", "special", "total", "SGB XII", "EGH", "neither", "vacant"),
}


def resident_table(result: WohnformSplitResult, lang: Lang = "de") -> str:
    """The residents' monthly costs and KdU split as a text table, with the house's totals."""
    columns = [
        (
            r.warmmiete,
            r.besondere_nebenkosten,
            r.actual_costs,
            r.sgb_xii_share,
            r.eingliederungshilfe_share,
            r.uncovered_share,
            r.vacancy,
        )
        for r in result.residents
    ]
    rows = [
        (r.id, format_value(r.room_m2, lang), *(format_value(v, lang) for v in values))
        for r, values in zip(result.residents, columns, strict=True)
    ]
    # The total row is the sum of the rows above it: the Warmmiete the WBVG contracts charge, which
    # is the KdU basis, not the cost-based Unterkunft (the result's unterkunft_monthly) beside it.
    with localcontext(CONTEXT):
        sums = [sum(column, Decimal(0)) for column in zip(*columns, strict=True)] if columns else [Decimal(0)] * 7
    rows.append(("Summe" if lang == "de" else "Total", "", *(format_value(v, lang) for v in sums)))
    headings = _HEADINGS[lang]
    widths = [max(len(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in [headings, *rows]
    ]
    title = "Je Monat, in Euro:" if lang == "de" else "Per month, in euro:"
    return "\n".join([title, *lines])


def run(args: argparse.Namespace) -> int:
    """Run ``eghnrw wohnform``: 0 ok; bad input raises :class:`InvalidInputError` (exit 2 in ``main``)."""
    text, name = (example_text(), EXAMPLE_FILE) if args.example else (_read(args.file), args.file)
    result = _compute(text, name, german=args.decimal_comma)
    if args.json:
        sys.stdout.write(result.model_dump_json() + "\n")
    else:
        sys.stdout.write(resident_table(result, args.lang) + "\n\n" + result.explain(args.lang) + "\n")
    return 0


register(
    "wohnform",
    help="a besondere Wohnform: Fachleistung and Unterkunft by area, each resident's KdU split (JSON FILE)",
    description=_DESCRIPTION,
    epilog=_EPILOG,
    setup=_options,
    handler=run,
    common=True,
)
