"""A Kalkulation as an .xlsx workbook: the template eghnrw writes, filled in Excel, computed back.

``eghnrw template kalkulation.xlsx`` writes the workbook a provider fills in; ``eghnrw kalkulation
FILE.xlsx`` (or ``--vary``) computes it. Three sheets, in the field names of
:class:`eghnrw.models.Kalkulation` (``eghnrw schema --model Kalkulation``):

- **Kalkulation**: one row per field — ``Feld`` (the field name), ``Wert`` (its value),
  ``Erläuterung`` (what it holds and its clause); an empty ``Wert`` leaves the field at its default;
- **Stellen**: one row per post — ``role``, ``fte`` / ``staff_key`` + ``persons`` / ``hours`` (one
  way of LRV A.2.2 Abs. 1), ``annual_cost``, ``skilled``, ``tarifwerk``, ``management``;
- **Zuschläge**: one row per surcharge on the personnel cost — ``name``, ``percent``.

Numbers are number cells (German Excel shows decimal commas), yes/no are ``WAHR``/``FALSCH`` (or
the text ``ja``/``nein``), dates are date cells. The template comes filled with the bundled example
Kalkulation, so it computes as written; ``--empty`` leaves the values out. Reading it back gives
exactly the model eghnrw wrote (a test writes, reads and compares); a bad value is refused naming
the field, e.g. ``Stellen row 3 (posts[1]).fte``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from eghnrw.cli._commands import CommandError
from eghnrw.cli._xlsx import Workbook, read_rows
from eghnrw.errors import InvalidInputError
from eghnrw.models.service_costs import Kalkulation, parse_kalkulation

__all__ = ["POSTS", "SHEET", "SURCHARGES", "read_kalkulation_xlsx", "write_kalkulation_xlsx"]

SHEET: Final = "Kalkulation"
POSTS: Final = "Stellen"
SURCHARGES: Final = "Zuschläge"

#: The Kalkulation's own fields on the first sheet, in order, each with its explanation.
_FIELDS: Final[dict[str, str]] = {
    "label": "Bezeichnung der Kalkulation (frei)",
    "unit": "Leistungspauschale je hour (Stunde), day (Tag) oder month (Monat)",
    "places": "vereinbarte Kapazität: Plätze (LRV A.4.5 Abs. 2)",
    "occupancy_percent": "vereinbarte Auslastung in % (über 0 bis 100; LRV A.4.5 Abs. 2)",
    "days": "Berechnungstage je Platz und Jahr (leer: der datierte Parameter berechnungstage)",
    "period_start": "Beginn des Zeitraums der Kalkulation (LRV A.4.1 Abs. 2)",
    "period_end": "Ende des Zeitraums der Kalkulation",
    "surcharge_mode": "Zuschläge additive (je auf die Personalkosten) oder compound (aufeinander)",
    "management_costs": "vereinbarter Betrag Leitung und Verwaltung je Jahr (LRV A.4.6.1 Abs. 3)",
    "material_costs": "Sachaufwand je Jahr (LRV A.4.6.2 Abs. 1)",
    "investment": "Investitionsbetrag je Jahr (LRV A.4.5 Abs. 2)",
    "public_subsidies": "öffentliche Förderung, vom Investitionsbetrag abgezogen (LRV B.4.7 Abs. 8)",
    "operating_costs": "Betriebskosten je Jahr",
    "investment_occupancy": "Investitionsbetrag auf die vereinbarte (agreed) oder volle (full) Auslastung",
    "billable_hours": "vereinbarte abrechenbare Stunden je Jahr (nur je Stunde; LRV A.2.2 Abs. 2)",
    "billable_share_percent": "abrechenbarer Anteil der Jahresarbeitsstunden in % (nur je Stunde)",
}
#: The columns of the posts sheet: the fields of :class:`Post`.
_POST_COLUMNS: Final = (
    "role",
    "fte",
    "staff_key",
    "persons",
    "hours",
    "annual_cost",
    "skilled",
    "tarifwerk",
    "management",
)
_WHOLE: Final = frozenset({"places", "days", "persons"})
_YES: Final = frozenset({"ja", "yes", "true", "wahr", "1", "x"})
_NO: Final = frozenset({"nein", "no", "false", "falsch", "0", ""})


def write_kalkulation_xlsx(target: str | Path | IO[bytes], kalkulation: Kalkulation | None) -> None:
    """Write the workbook: filled with ``kalkulation``, or empty but for its headings (``None``).

    Raises:
        CommandError: openpyxl is missing (``pip install 'eghnrw[excel]'``).
        OutputError: the file cannot be written.
    """
    book = Workbook(target)
    book.sheet(SHEET, ["Feld", "Wert", "Erläuterung"])
    for name, help_text in _FIELDS.items():
        book.append(SHEET, [name, None if kalkulation is None else getattr(kalkulation, name), help_text])
    book.sheet(POSTS, list(_POST_COLUMNS))
    for post in () if kalkulation is None else kalkulation.posts:
        book.append(POSTS, [getattr(post, name) for name in _POST_COLUMNS])
    book.sheet(SURCHARGES, ["name", "percent"])
    for name, percent in ({} if kalkulation is None else kalkulation.surcharges_percent).items():
        book.append(SURCHARGES, [name, percent])
    book.close()


def read_kalkulation_xlsx(source: str | Path) -> Kalkulation:
    """The Kalkulation of a workbook in the template's form.

    Raises:
        CommandError: not a workbook, or a sheet of the template missing.
        InvalidInputError: a value the Kalkulation refuses, named by sheet, row and field.
    """
    data: dict[str, Any] = {}
    for number, row in _rows(source, SHEET):
        name, value = _text(row, 0), row[1] if len(row) > 1 else None
        if name is None or name == "Feld":
            continue
        if name not in _FIELDS:
            raise InvalidInputError(
                f"{SHEET} row {number}", name, f"use the field names of the template: {', '.join(_FIELDS)}"
            )
        if value is not None and value != "":
            data[name] = _cell(name, value)
    posts = []
    for number, row in _rows(source, POSTS):
        if number == 1 or not any(cell not in (None, "") for cell in row):
            continue
        post = {
            name: _cell(name, row[i])
            for i, name in enumerate(_POST_COLUMNS)
            if i < len(row) and row[i] not in (None, "")
        }
        posts.append((number, post))
    data["posts"] = [post for _, post in posts]
    data["surcharges_percent"] = {
        str(row[0]): _cell("percent", row[1])
        for number, row in _rows(source, SURCHARGES)
        if number > 1 and len(row) > 1 and row[0] not in (None, "")
    }
    try:
        return parse_kalkulation(data)
    except InvalidInputError as exc:
        raise InvalidInputError(_where(exc.argument, [n for n, _ in posts]), exc.value, exc.expected) from None


def _rows(source: str | Path, sheet: str) -> Iterator[tuple[int, list[object]]]:
    try:
        rows, _ = read_rows(source, sheet)
    except CommandError as exc:
        raise CommandError(f"{exc} (a Kalkulation workbook has the sheets {SHEET}, {POSTS}, {SURCHARGES}: "
                           "eghnrw template FILE.xlsx writes one)") from None  # fmt: skip
    return rows


def _text(row: list[object], index: int) -> str | None:
    value = row[index] if index < len(row) else None
    return None if value is None else str(value).strip()


def _cell(name: str, value: object) -> object:
    """A cell's value as the model reads it: whole numbers for counts, yes/no as booleans."""
    if name in {"skilled", "management"}:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        return True if text in _YES else False if text in _NO else value
    if isinstance(value, Decimal):
        return int(value) if name in _WHOLE and value == value.to_integral_value() else value
    if isinstance(value, datetime) and value.time() == time(0):  # a date cell reads as midnight
        return value.date().isoformat()
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return value


def _where(argument: str, post_rows: list[int]) -> str:
    """``data.posts[1].fte`` → ``Stellen row 3 (posts[1]).fte``; ``data.places`` → ``Kalkulation: places``."""
    path = argument.removeprefix("data.").removeprefix("data")
    if path.startswith("posts[") and "]" in path:
        index = int(path[len("posts[") : path.index("]")])
        rest = path[path.index("]") + 1 :]
        if 0 <= index < len(post_rows):
            return f"{POSTS} row {post_rows[index]} (posts[{index}]){rest}"
    if path.startswith("surcharges_percent"):
        return f"{SURCHARGES}: {path}"
    return f"{SHEET}: {path or 'Kalkulation'}"
