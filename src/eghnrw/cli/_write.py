"""The results of ``eghnrw run``, written one case at a time: JSON lines, text, CSV, German Excel CSV, .xlsx.

- ``jsonl``: one line per computed case, ``{"line", "case", "id", "kind", "result": <audit record>}``;
- ``text``: each case's explanation;
- ``csv``: one row per case — line, case, id, kind, the result's values (amounts at their rounding,
  lists as text), the clauses cited, the eghnrw version; ``excel=True`` writes it as German Excel
  opens it (``;``, decimal comma, ``TT.MM.JJJJ``, UTF-8 with BOM);
- ``xlsx``: the same table as numbers, dates and text cells on a sheet of results, and a sheet of
  the refused rows with their reasons.

Every text cell is safe against formula injection (``_cells``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Final, Protocol, TextIO

from eghnrw.cli._cells import cell_text
from eghnrw.cli._kinds import KINDS
from eghnrw.cli._outcome import Outcome
from eghnrw.cli._xlsx import Workbook
from eghnrw.trace import Lang, Result

__all__ = ["FORMATS", "Writer", "make_writer", "value_columns"]

#: A string as JSON (the C encoder behind ``json.dumps``, without its per-call set-up).
_quoted: Final = json.encoder.encode_basestring
#: Every output format of ``eghnrw run``.
FORMATS: Final = ("jsonl", "csv", "text", "xlsx")
#: Fields every result has; the tables list the others (the values).
_BASE_FIELDS: Final = frozenset({"inputs", "parameters", "steps", "eghnrw_version", "editions"})
_REFUSED_HEADER: Final = ("line", "case", "id", "kind", "reason")


class Writer(Protocol):
    """Writes computed cases (and, where the format has a place for them, refused ones)."""

    def write(self, outcome: Outcome) -> None:
        """Write a computed case."""

    def refused(self, outcome: Outcome) -> None:
        """Note a refused case."""

    def close(self) -> None:
        """Finish the output."""


def value_columns(result_type: type[Result]) -> list[str]:
    """The value fields of a result class (what the tables show), in declaration order."""
    return [name for name in result_type.model_fields if name not in _BASE_FIELDS]


def table_columns(kinds: Iterable[object]) -> list[str]:
    """The value columns of a table of results of these kinds (in order of first use)."""
    columns: dict[str, None] = {}
    for name in kinds:
        kind = KINDS.get(name) if isinstance(name, str) else None
        if kind is not None:
            columns.update(dict.fromkeys(value_columns(kind.result_type)))
    return list(columns)


def make_writer(fmt: str, out: Any, *, lang: Lang, kinds: Iterable[object] = (), excel: bool = False) -> Writer:
    """A writer for ``fmt`` on ``out`` (a text stream for jsonl, text and csv; a path or binary stream for xlsx)."""
    if fmt == "jsonl":
        return _JsonLines(out)
    if fmt == "text":
        return _Text(out, lang)
    columns = table_columns(kinds)
    if fmt == "csv":
        return _Csv(out, columns, lang=lang, excel=excel)
    return _Xlsx(out, columns, lang=lang)


class _JsonLines:
    def __init__(self, out: TextIO) -> None:
        self.write_text = out.write

    def write(self, outcome: Outcome) -> None:
        ident = "null" if outcome.id is None else _quoted(outcome.id)
        result = outcome.result.model_dump_json() if outcome.result is not None else "null"
        self.write_text(
            f'{{"line":{outcome.line},"case":{outcome.number},"id":{ident},"kind":"{outcome.kind}","result":{result}}}\n'
        )

    def refused(self, outcome: Outcome) -> None:
        """Refused cases are reported on stderr only."""

    def close(self) -> None:
        """Nothing to finish."""


class _Text:
    def __init__(self, out: TextIO, lang: Lang) -> None:
        self.out = out
        self.lang: Lang = lang

    def write(self, outcome: Outcome) -> None:
        if outcome.result is None:  # pragma: no cover - only computed cases are written
            return
        heading = f"Zeile {outcome.line}" if self.lang == "de" else f"Line {outcome.line}"
        label = f" · {outcome.id}" if outcome.id else ""
        self.out.write(f"── {heading}{label} · {outcome.kind} ──\n{outcome.result.explain(self.lang)}\n\n")

    def refused(self, outcome: Outcome) -> None:
        """Refused cases are reported on stderr only."""

    def close(self) -> None:
        """Nothing to finish."""


def _row(outcome: Outcome, columns: list[str]) -> list[object]:
    result = outcome.result
    if result is None:  # pragma: no cover - only computed cases are written
        return []
    return [
        outcome.line,
        outcome.number,
        outcome.id,
        outcome.kind,
        *(getattr(result, name, None) for name in columns),
        "; ".join(result.citations),
        result.eghnrw_version,
    ]


class _Csv:
    def __init__(self, out: TextIO, columns: list[str], *, lang: Lang, excel: bool) -> None:
        if excel:
            out.write("\ufeff")  # German Excel reads UTF-8 only with a BOM
        self.writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
        self.columns = columns
        self.excel = excel
        self.lang: Lang = lang
        self.writer.writerow(["line", "case", "id", "kind", *columns, "clauses", "eghnrw_version"])

    def write(self, outcome: Outcome) -> None:
        excel, lang = self.excel, self.lang
        self.writer.writerow([cell_text(value, excel=excel, lang=lang) for value in _row(outcome, self.columns)])

    def refused(self, outcome: Outcome) -> None:
        """Refused cases are reported on stderr only."""

    def close(self) -> None:
        """Nothing to finish."""


class _Xlsx:
    def __init__(self, out: Path | IO[bytes], columns: list[str], *, lang: Lang) -> None:
        self.book = Workbook(out, lang=lang)
        self.columns = columns
        self.results, self.refusals = ("Ergebnisse", "Abgelehnt") if lang == "de" else ("Results", "Refused")
        self.book.sheet(self.results, ["line", "case", "id", "kind", *columns, "clauses", "eghnrw_version"])
        self.book.sheet(self.refusals, _REFUSED_HEADER)

    def write(self, outcome: Outcome) -> None:
        self.book.append(self.results, _row(outcome, self.columns))

    def refused(self, outcome: Outcome) -> None:
        self.book.append(self.refusals, [outcome.line, outcome.number, outcome.id, outcome.kind or None, outcome.error])

    def close(self) -> None:
        self.book.close()
