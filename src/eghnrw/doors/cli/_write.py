"""The results of ``eghnrw run``, written one case at a time: JSON lines, text, CSV, German Excel CSV, .xlsx.

- ``jsonl``: one line per computed case, ``{"line", "case", "id", "kind", "result": <audit record>}``,
  and ``"extra": {…}`` with the columns that were no input where a case has them;
- ``text``: each case's explanation;
- ``csv``: one row per case — line, case, id, kind, the case's inputs, the result's values (amounts at
  their rounding, lists as text), the clauses cited, the eghnrw version, and the columns that were no
  input (``note``, ``Bemerkung``, …); ``excel=True`` writes it as German Excel opens it (``;``,
  decimal comma, ``TT.MM.JJJJ``, UTF-8 with BOM, German headers);
- ``xlsx``: the same table as numbers, dates and text cells on a sheet of results, and a sheet of
  the refused rows with their reasons.

Every text cell is safe against formula injection (``_cells``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Protocol, TextIO

from eghnrw.core.trace import Lang, Result
from eghnrw.doors.cli._cells import cell_text
from eghnrw.doors.cli._outcome import Outcome, kind_of
from eghnrw.doors.cli._xlsx import Workbook

__all__ = [
    "FORMATS",
    "Renderer",
    "Writer",
    "json_line",
    "make_writer",
    "refusal_writer",
    "table_columns",
    "value_columns",
]

#: A string as JSON (the C encoder behind ``json.dumps``, without its per-call set-up).
_quoted: Final = json.encoder.encode_basestring
#: Every output format of ``eghnrw run``.
FORMATS: Final = ("jsonl", "csv", "text", "xlsx")
#: Fields every result has; the tables list the others (the values).
_BASE_FIELDS: Final = frozenset({"inputs", "parameters", "steps", "eghnrw_version", "editions"})
_REFUSED_HEADER: Final = ("line", "case", "id", "kind", "reason")
#: The fixed columns in German (``--excel``, and a workbook in German).
_GERMAN: Final = {
    "line": "Zeile",
    "case": "Fall",
    "id": "Kennung",
    "kind": "Berechnung",
    "reason": "Grund",
    "clauses": "Klauseln",
    "eghnrw_version": "eghnrw-Version",
}


class Writer(Protocol):
    """Writes computed cases (and, where the format has a place for them, refused ones).

    ``render`` turns a computed case into what the format writes (a line, a row) and may run in
    another process (``--jobs``); ``emit`` writes it, in order. ``write`` is both.
    """

    @property
    def render(self) -> Renderer:
        """What a computed case becomes."""

    @property
    def emit(self) -> Callable[[Any], object]:
        """Write what ``render`` made of a computed case."""

    def write(self, outcome: Outcome) -> None:
        """Write a computed case."""

    def refused(self, outcome: Outcome) -> None:
        """Note a refused case."""

    def close(self) -> None:
        """Finish the output."""


@dataclass(frozen=True, slots=True)
class Renderer:
    """What a computed case becomes in a format: a JSON line, a text, a row of cells (picklable).

    A row holds the line, case, id and kind, the ``inputs`` (as the result records them, else as
    read), the value ``columns``, the clauses, the version and the ``extras`` (columns that are no input).
    """

    fmt: str
    columns: tuple[str, ...] = ()
    lang: Lang = "de"
    excel: bool = False
    inputs: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    located: bool = True

    def __call__(self, outcome: Outcome) -> Any:
        result = outcome.result
        if result is None:  # pragma: no cover - only computed cases are rendered
            return None
        if self.fmt == "jsonl":
            return json_line(outcome, outcome.kind, result.model_dump_json())
        if self.fmt == "text":  # located: the line of the user's file, else only the case's id and kind
            parts = [f"Zeile {outcome.line}" if self.lang == "de" else f"Line {outcome.line}"] if self.located else []
            parts += [outcome.id] if outcome.id else []
            return f"── {' · '.join([*parts, outcome.kind])} ──\n{result.explain(self.lang)}\n\n"
        recorded, read, extra = result.inputs, dict(outcome.fields), dict(outcome.extra)
        row = [
            outcome.line,
            outcome.number,
            outcome.id,
            outcome.kind,
            *(recorded[name] if recorded.get(name) is not None else read.get(name) for name in self.inputs),
            *(getattr(result, name, None) for name in self.columns),
            "; ".join(result.citations),
            result.eghnrw_version,
            *(extra.get(name) for name in self.extras),
        ]
        if self.fmt == "csv":
            excel, lang = self.excel, self.lang
            return ["" if value is None else cell_text(value, excel=excel, lang=lang) for value in row]
        return row

    @property
    def german(self) -> bool:
        """German headers: German Excel's CSV, or a workbook in German."""
        return self.excel or (self.fmt == "xlsx" and self.lang == "de")

    def header(self) -> list[str]:
        """The header row of a table of results."""
        fixed = ["line", "case", "id", "kind"]
        values = [
            f"{label} ({name})" if self.german and label else name if name not in self.inputs else
            f"{name} ({'Ergebnis' if self.german else 'result'})"
            for name, label in zip(self.columns, self.labels or [""] * len(self.columns), strict=True)
        ]  # fmt: skip
        tail = ["clauses", "eghnrw_version"]
        if self.german:
            fixed, tail = [_GERMAN[name] for name in fixed], [_GERMAN[name] for name in tail]
        return [*fixed, *self.inputs, *values, *tail, *self.extras]

    def refused_header(self) -> list[str]:
        """The header row of a table of refused cases."""
        return [_GERMAN[name] for name in _REFUSED_HEADER] if self.german else list(_REFUSED_HEADER)


class _Placed(Protocol):
    """Where a case stands in its file (a :class:`~eghnrw.doors.cli._read.Case` or an :class:`Outcome`)."""

    @property
    def line(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def id(self) -> str | None: ...
    @property
    def extra(self) -> tuple[tuple[str, object], ...]: ...


def json_line(case: _Placed, kind: str, record: str) -> str:
    r"""One line of ``--format jsonl``: the case's place, id and kind around its audit record ``record``.

    >>> from eghnrw.doors.cli._read import Case
    >>> json_line(Case(2, 1, "kdu", "A-7", {}), "kdu", "{}")
    '{"line":2,"case":1,"id":"A-7","kind":"kdu","result":{}}\n'
    """
    ident = "null" if case.id is None else _quoted(case.id)
    kept = f',"extra":{json.dumps(dict(case.extra), default=_plain)}' if case.extra else ""
    return f'{{"line":{case.line},"case":{case.number},"id":{ident},"kind":"{kind}","result":{record}{kept}}}\n'


def _labels(kinds: Iterable[object], columns: Iterable[str]) -> tuple[str, ...]:
    """The German label of each value column (``Tagessatz``), where the kinds used agree on one."""
    types = [kind.result_type for name in kinds if (kind := kind_of(name)) is not None]
    found = []
    for column in columns:
        labels = {label[0] for result_type in types if (label := result_type.labels.get(column))}
        found.append(labels.pop() if len(labels) == 1 else "Betrag" if column == "amount" else "")
    return tuple(found)


def _plain(value: object) -> object:
    """A value JSON has no type for, as text: ``Decimal`` in plain syntax, dates ISO."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def value_columns(result_type: type[Result]) -> list[str]:
    """The value fields of a result class (what the tables show), in declaration order."""
    return [name for name in result_type.model_fields if name not in _BASE_FIELDS]


def table_columns(kinds: Iterable[object]) -> list[str]:
    """The value columns of a table of results of these kinds (in order of first use)."""
    columns: dict[str, None] = {}
    for name in kinds:
        kind = kind_of(name)
        if kind is not None:
            columns.update(dict.fromkeys(value_columns(kind.result_type)))
    return list(columns)


def make_writer(
    fmt: str,
    out: Any,
    *,
    lang: Lang,
    kinds: Iterable[object] = (),
    excel: bool = False,
    inputs: Iterable[str] = (),
    extras: Iterable[str] = (),
    located: bool = True,
) -> Writer:
    """A writer for ``fmt`` on ``out`` (a text stream for jsonl, text and csv; a path or binary stream for xlsx).

    ``inputs``, ``extras``: the input columns and the columns that are no input, repeated in tables;
    ``located``: texts are headed by the case's line in the file (not for a file the user never sees).
    """
    kinds = list(kinds)
    columns = tuple(table_columns(kinds)) if fmt in {"csv", "xlsx"} else ()
    render = Renderer(fmt, columns, lang, excel, tuple(inputs), tuple(extras), _labels(kinds, columns), located)
    if fmt == "csv":
        return _Csv(out, render)
    if fmt == "xlsx":
        return _Xlsx(out, render)
    return _Stream(out, render)


def refusal_writer(fmt: str, out: Any, *, lang: Lang, excel: bool = False) -> Callable[[Outcome], object]:
    """What writes a refused case into the output itself (a run whose every case was refused).

    CSV: the table of refused cases (line, case, id, kind, reason); JSON lines: one object per case
    with ``"refused"``, the reason; text: each case's heading and reason.
    """
    render = Renderer(fmt, lang=lang, excel=excel)
    if fmt == "csv":
        if excel:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
        writer.writerow(render.refused_header())
        return lambda o: writer.writerow(
            ["" if v is None else cell_text(v, excel=excel) for v in (o.line, o.number, o.id, o.kind or None, o.error)]
        )
    if fmt == "jsonl":
        return lambda o: out.write(
            json.dumps({"line": o.line, "case": o.number, "id": o.id, "kind": o.kind or None, "refused": o.error},
                       ensure_ascii=False) + "\n"
        )  # fmt: skip
    refused = "abgelehnt" if lang == "de" else "refused"
    line = "Zeile" if lang == "de" else "Line"
    return lambda o: out.write(
        f"── {line} {o.line}{f' · {o.id}' if o.id else ''} · {o.kind or '?'} ──\n{refused}: {o.error}\n\n"
    )


class _Stream:
    """JSON lines or text: each case's text, one after the other; refused cases only on stderr."""

    def __init__(self, out: TextIO, render: Renderer) -> None:
        self.render = render
        self.emit = out.write

    def write(self, outcome: Outcome) -> None:
        self.emit(self.render(outcome))

    def refused(self, outcome: Outcome) -> None:
        """Refused cases are reported on stderr only."""

    def close(self) -> None:
        """Nothing to finish."""


class _Csv:
    def __init__(self, out: TextIO, render: Renderer) -> None:
        if render.excel:
            out.write("\ufeff")  # German Excel reads UTF-8 only with a BOM
        writer = csv.writer(out, delimiter=";" if render.excel else ",", lineterminator="\r\n")
        writer.writerow(render.header())
        self.render = render
        self.emit = writer.writerow

    def write(self, outcome: Outcome) -> None:
        self.emit(self.render(outcome))

    def refused(self, outcome: Outcome) -> None:
        """Refused cases are reported on stderr only."""

    def close(self) -> None:
        """Nothing to finish."""


class _Xlsx:
    def __init__(self, out: Path | IO[bytes], render: Renderer) -> None:
        self.book = Workbook(out, lang=render.lang)
        self.render = render
        self.results, self.refusals = ("Ergebnisse", "Abgelehnt") if render.lang == "de" else ("Results", "Refused")
        self.book.sheet(self.results, render.header())
        self.book.sheet(self.refusals, render.refused_header())

    def write(self, outcome: Outcome) -> None:
        self.emit(self.render(outcome))

    def emit(self, rendered: object) -> None:
        self.book.append(self.results, rendered)  # type: ignore[arg-type] # a row (from render)

    def refused(self, outcome: Outcome) -> None:
        self.book.append(self.refusals, [outcome.line, outcome.number, outcome.id, outcome.kind or None, outcome.error])

    def close(self) -> None:
        self.book.close()
