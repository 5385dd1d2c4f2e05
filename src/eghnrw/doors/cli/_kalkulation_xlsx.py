"""A Kalkulation as an .xlsx workbook: the template eghnrw writes, filled in Excel, computed back.

``eghnrw template kalkulation.xlsx`` writes the workbook a provider fills in; ``eghnrw kalkulation
FILE.xlsx`` (or ``--vary``) computes it. Three sheets, in German with the field names of
:class:`eghnrw.kommission.models.Kalkulation` beside (``eghnrw schema --model Kalkulation``):

- **Kalkulation**: one row per field — ``Feld`` (``Plätze (places)``), ``Wert`` (its value),
  ``Erläuterung`` (what it holds and its clause); an empty ``Wert`` leaves the field at its default;
- **Stellen**: one row per post — ``Funktion (role)``, ``VK (fte)`` / ``Personalschlüssel
  (staff_key)`` + ``Personen (persons)`` / ``Stunden (hours)`` (one way of LRV A.2.2 Abs. 1),
  ``Jahreskosten (annual_cost)``, ``Fachkraft (skilled)``, ``Tarifwerk``, ``Leitung (management)``;
- **Zuschläge**: one row per surcharge on the personnel cost — ``Zuschlag (name)``, ``Prozent (percent)``.

Every sheet is read by its header row: columns in any order, named by the German word, the field
name or both, in any case; an unknown column and a missing required one are named. Cells mean
what Excel shows (:mod:`eghnrw.doors.tables`): a cell formatted as a percentage (``96 %``, stored 0.96)
is 96; a plain number of 1 or less for the occupancy is refused (0.96 % cannot be meant), for another
percentage reported; a formula Excel never computed is refused saying what to do. Numbers are number
cells, yes/no are ``WAHR``/``FALSCH`` (or the text ``ja``/``nein``), dates are date cells (or the text
``TT.MM.JJJJ``). Reading the template back gives exactly the model eghnrw wrote (a test writes, reads
and compares); a bad value is refused naming the field, e.g. ``Stellen row 3 (posts[1]).fte``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.cli._commands import CommandError
from eghnrw.doors.cli._german import german_date, german_document
from eghnrw.doors.cli._headers import key, resolve
from eghnrw.doors.cli._xlsx import Workbook, read_rows
from eghnrw.doors.tables import Percent, Uncomputed, doubtful_percent
from eghnrw.kommission.models.service_costs import Kalkulation, parse_kalkulation

__all__ = ["POSTS", "SHEET", "SURCHARGES", "read_kalkulation_xlsx", "write_kalkulation_xlsx"]

SHEET: Final = "Kalkulation"
POSTS: Final = "Stellen"
SURCHARGES: Final = "Zuschläge"

#: The Kalkulation's own fields on the first sheet, in order: their German name and explanation.
_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "label": ("Bezeichnung", "Bezeichnung der Kalkulation (frei)"),
    "unit": ("Einheit", "Leistungspauschale je hour (Stunde), day (Tag) oder month (Monat)"),
    "places": ("Plätze", "vereinbarte Kapazität: Plätze (LRV A.4.5 Abs. 2)"),
    "occupancy_percent": ("Auslastung in %", "vereinbarte Auslastung in % (über 0 bis 100; LRV A.4.5 Abs. 2)"),
    "days": ("Berechnungstage", "Berechnungstage je Platz und Jahr (leer: der datierte Parameter berechnungstage)"),
    "period_start": ("Beginn", "Beginn des Zeitraums der Kalkulation (LRV A.4.1 Abs. 2)"),
    "period_end": ("Ende", "Ende des Zeitraums der Kalkulation"),
    "surcharge_mode": ("Zuschlagsart", "Zuschläge additive (je auf die Personalkosten) oder compound (aufeinander)"),
    "management_costs": (
        "Leitung und Verwaltung",
        "vereinbarter Betrag Leitung und Verwaltung je Jahr (LRV A.4.6.1 Abs. 3)",
    ),
    "material_costs": ("Sachaufwand", "Sachaufwand je Jahr (LRV A.4.6.2 Abs. 1)"),
    "investment": ("Investitionsbetrag", "Investitionsbetrag je Jahr (LRV A.4.5 Abs. 2)"),
    "public_subsidies": ("Förderung", "öffentliche Förderung, vom Investitionsbetrag abgezogen (LRV B.4.7 Abs. 8)"),
    "operating_costs": ("Betriebskosten", "Betriebskosten je Jahr"),
    "investment_occupancy": (
        "Auslastung Investitionsbetrag",
        "Investitionsbetrag auf die vereinbarte (agreed) oder volle (full) Auslastung",
    ),
    "billable_hours": (
        "abrechenbare Stunden",
        "vereinbarte abrechenbare Stunden je Jahr (nur je Stunde; LRV A.2.2 Abs. 2)",
    ),
    "billable_share_percent": (
        "abrechenbarer Anteil in %",
        "abrechenbarer Anteil der Jahresarbeitsstunden in % (nur je Stunde)",
    ),
}
#: The columns of the posts sheet: the fields of :class:`Post`, each with its German headers (the first is written).
_POST_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "role": ("Funktion", "Rolle", "Stelle"),
    "fte": ("VK", "Vollzeitstellen", "VZÄ", "Stellenanteil"),
    "staff_key": ("Personalschlüssel", "Schlüssel"),
    "persons": ("Personen", "Anzahl Personen"),
    "hours": ("Stunden", "Jahresstunden"),
    "annual_cost": ("Jahreskosten", "Personalkosten", "Brutto-Personalkosten"),
    "skilled": ("Fachkraft",),
    "tarifwerk": ("Tarifwerk", "Tarif"),
    "management": ("Leitung", "Leitungskraft"),
}
_POST_REQUIRED: Final = ("role", "annual_cost", "skilled")
_FIELD_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "field": ("Feld", "Name"),
    "value": ("Wert",),
    "note": ("Erläuterung", "Bemerkung"),
}
_SURCHARGE_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "name": ("Zuschlag", "Bezeichnung", "Art"),
    "percent": ("Prozent", "%", "Zuschlag in %", "Satz"),
}
_WHOLE: Final = frozenset({"places", "days", "persons"})
_YES: Final = frozenset({"ja", "yes", "true", "wahr", "1", "x"})
_NO: Final = frozenset({"nein", "no", "false", "falsch", "0", ""})


def _header(name: str, german: tuple[str, ...] | str) -> str:
    """A column's header as the template writes it: ``VK (fte)``; a German word equal to the name stays alone."""
    word = german if isinstance(german, str) else german[0]
    return word if key(word) == key(name) else f"{word} ({name})"


def write_kalkulation_xlsx(target: str | Path | IO[bytes], kalkulation: Kalkulation | None) -> None:
    """Write the workbook: filled with ``kalkulation``, or empty but for its headings (``None``).

    Raises:
        CommandError: openpyxl is missing (``pip install 'eghnrw[excel]'``).
        OutputError: the file cannot be written.
    """
    book = Workbook(target)
    book.sheet(SHEET, ["Feld", "Wert", "Erläuterung"])
    for name, (german, help_text) in _FIELDS.items():
        value = None if kalkulation is None else getattr(kalkulation, name)
        book.append(SHEET, [_header(name, german), value, help_text])
    book.sheet(POSTS, [_header(name, german) for name, german in _POST_COLUMNS.items()])
    for post in () if kalkulation is None else kalkulation.posts:
        book.append(POSTS, [getattr(post, name) for name in _POST_COLUMNS])
    book.sheet(SURCHARGES, [_header(name, german) for name, german in _SURCHARGE_COLUMNS.items()])
    for name, percent in ({} if kalkulation is None else kalkulation.surcharges_percent).items():
        book.append(SURCHARGES, [name, percent])
    book.close()


def read_kalkulation_xlsx(source: str | Path, *, german: bool = False) -> Kalkulation:
    """The Kalkulation of a workbook in the template's form (its sheets read by their headers).

    ``german`` (``--decimal-comma``): text cells may hold numbers with a decimal comma (``2,5``).

    Raises:
        CommandError: not a workbook, or a sheet of the template missing.
        InvalidInputError: an unknown or missing column, a value the Kalkulation refuses (named by
            sheet, row and field), a formula without a computed value, a fraction for a percentage.
    """
    data: dict[str, Any] = {}
    names = {key(name): name for name in _FIELDS} | {key(german): name for name, (german, _) in _FIELDS.items()}
    for number, row in _sheet(source, SHEET, _FIELD_COLUMNS, ("field", "value")):
        label, value = row.get("field"), row.get("value")
        if label is None:
            continue
        name = resolve(str(label), names)
        if name is None:
            raise InvalidInputError(
                f"{SHEET} row {number}", label, f"use the fields of the template: {', '.join(_FIELDS)}"
            )
        if value is not None and value != "":
            data[name] = _cell(name, value, f"{SHEET} row {number} ({name})")
    posts = [
        (number, {name: _cell(name, value, f"{POSTS} row {number} ({name})") for name, value in row.items()})
        for number, row in _sheet(source, POSTS, _POST_COLUMNS, _POST_REQUIRED)
    ]
    data["posts"] = [post for _, post in posts]
    data["surcharges_percent"] = {
        str(row["name"]): _cell("surcharges_percent", row.get("percent"), f"{SURCHARGES} row {number} (percent)")
        for number, row in _sheet(source, SURCHARGES, _SURCHARGE_COLUMNS, ("name", "percent"))
        if row.get("name") not in (None, "")
    }
    try:
        return parse_kalkulation(german_document(data) if german else data)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        raise InvalidInputError(_where(exc.argument, [n for n, _ in posts]), exc.value, exc.expected) from None


def _sheet(
    source: str | Path, sheet: str, columns: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, object]]]:
    """The rows of ``sheet`` that hold something, as ``(row number, {column: value})``, read by the header row.

    Raises:
        InvalidInputError: a header that is no column of the sheet, a column named twice, a required one missing.
    """
    names = {key(name): name for name in columns} | {
        key(word): name for name, words in columns.items() for word in words
    }
    rows = _rows(source, sheet)
    layout: list[str | None] = []
    for number, row in rows:
        if not any(cell not in (None, "") for cell in row):
            continue
        if not layout:
            layout = _layout(sheet, number, header=row, names=names, columns=columns, required=required)
            continue
        yield number, {name: cell for name, cell in zip(layout, row, strict=False) if name and cell not in (None, "")}


def _layout(
    sheet: str,
    number: int,
    *,
    header: list[object],
    names: dict[str, str],
    columns: dict[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> list[str | None]:
    """The column each header cell names (``None`` for an empty one)."""
    shown = ", ".join(_header(name, words) for name, words in columns.items())
    layout: list[str | None] = []
    for cell in header:
        if cell in (None, ""):
            layout.append(None)
            continue
        name = resolve(str(cell), names)
        if name is None:
            raise InvalidInputError(
                f"{sheet} row {number}", cell, f"a column the sheet does not have; its columns: {shown}"
            )
        if name in layout:
            raise InvalidInputError(f"{sheet} row {number}", cell, f"the column {name} is named twice")
        layout.append(name)
    missing = [_header(name, columns[name]) for name in required if name not in layout]
    if missing:
        raise InvalidInputError(
            f"{sheet} row {number}", [c for c in header if c not in (None, "")],
            f"the header row lacks the column(s) {', '.join(missing)}; its columns: {shown}",
        )  # fmt: skip
    return layout


def _rows(source: str | Path, sheet: str) -> Iterator[tuple[int, list[object]]]:
    try:
        rows, _ = read_rows(source, sheet)
    except CommandError as exc:
        raise CommandError(f"{exc} (a Kalkulation workbook has the sheets {SHEET}, {POSTS}, {SURCHARGES}: "
                           "eghnrw template FILE.xlsx writes one)") from None  # fmt: skip
    return rows


def _checked(name: str, value: object, where: str) -> None:
    """Refuse a cell that cannot be used as it is; report a percentage that may be a fraction.

    Raises:
        InvalidInputError: a formula without a computed value, a fraction for an occupancy, a
            percentage for a field that is none (named by ``where``).
    """
    if isinstance(value, Uncomputed):
        raise InvalidInputError(where, value.formula, value.explain())
    if isinstance(value, Percent) and "percent" not in name:
        raise InvalidInputError(where, f"{value:f} %", "this is no percentage: format the cell as a number (not as %)")
    doubt = doubtful_percent(name, value)
    if doubt is not None:
        refused, message = doubt
        if refused:
            raise InvalidInputError(where, value, message)
        warnings.warn(f"{where}: {message}", UserWarning, stacklevel=2)


def _cell(name: str, value: object, where: str) -> object:
    """A cell's value as the model reads it: whole numbers for counts, yes/no as booleans, dates as ISO text.

    Raises:
        InvalidInputError: a cell :func:`_checked` refuses.
    """
    _checked(name, value, where)
    if name in {"skilled", "management"}:
        text = str(value).strip().lower()
        return value if isinstance(value, bool) else True if text in _YES else False if text in _NO else value
    if isinstance(value, str) and (day := german_date(value)):
        return day.isoformat()
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
