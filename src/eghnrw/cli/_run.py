"""``eghnrw run``: a whole book of cases from a JSON or CSV file, results as JSON lines, CSV or text.

Input (see docs/cli.md):

- **CSV**: a header row with a ``kind`` column, optional ``id`` and ``note`` columns and one column per field
  (``,`` or ``;`` separated; an empty cell is "not given"); UTF-8, with or without BOM.
- **JSON**: an array of objects, or JSON Lines (one object per line); each object has ``kind``,
  optionally ``id`` (echoed in the output) and ``note`` (ignored), and its fields. Numbers are
  read exactly (as ``Decimal``, never ``float``).

Each case is computed on its own: a refused case is reported with its line number on stderr and
left out of the output; the other cases are written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, TextIO

from eghnrw.cli._kinds import KINDS, compute
from eghnrw.errors import EghnrwError, InvalidInputError, ParameterNotFoundError
from eghnrw.trace import Lang, Result

__all__ = ["Case", "Outcome", "Progress", "RunError", "read_cases", "run_cases", "write_results"]

#: Keys of a case that are not fields of its calculation.
RESERVED: Final = ("kind", "id", "note")
#: Fields every result has; the CSV output lists the others (the values).
_BASE_FIELDS: Final = frozenset({"inputs", "parameters", "steps", "eghnrw_version", "editions"})


class RunError(EghnrwError, ValueError):
    """The case file as a whole cannot be read (not JSON, no ``kind`` column, ...)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One case as read: its line number in the file and its raw values (or why it could not be read)."""

    line: int
    data: dict[str, Any] | None
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A computed case (``result``) or a refused one (``error``), with its line, kind and id."""

    line: int
    kind: str
    id: str | None
    result: Result | None = None
    error: str = ""
    unexpected: bool = False


# --- reading ------------------------------------------------------------------------------------


def read_cases(text: str) -> list[Case]:
    """The cases in ``text``: JSON (array or JSON Lines) if it starts with ``[`` or ``{``, else CSV.

    Raises:
        RunError: the file as a whole is unreadable (broken JSON array, CSV without ``kind``).
    """
    text = text.removeprefix("\ufeff")
    start = text.lstrip()[:1]
    if start == "[":
        return list(_json_array(text))
    if start == "{":
        return list(_json_lines(text))
    return list(_csv(text))


_DECODER = json.JSONDecoder(parse_float=Decimal)


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _json_array(text: str) -> Iterator[Case]:
    index = _skip(text, 0) + 1
    line, counted = 1, 0
    first = True
    while True:
        index = _skip(text, index)
        if index < len(text) and text[index] == "]":
            if _skip(text, index + 1) != len(text):
                raise RunError(f"line {_line(text, index)}: text after the closing ']'")
            return
        if not first:
            if index >= len(text) or text[index] != ",":
                raise RunError(f"line {_line(text, index)}: expected ',' or ']' between cases")
            index = _skip(text, index + 1)
        first = False
        line += text.count("\n", counted, index)
        counted = index
        try:
            value, index = _DECODER.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise RunError(f"line {exc.lineno}: not valid JSON: {exc.msg}") from None
        yield _as_case(line, value)


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _json_lines(text: str) -> Iterator[Case]:
    for number, row in enumerate(text.splitlines(), 1):
        if not row.strip():
            continue
        try:
            value = _DECODER.decode(row)
        except json.JSONDecodeError as exc:
            yield Case(number, None, f"not valid JSON ({exc.msg}); JSON Lines hold one case per line")
            continue
        yield _as_case(number, value)


def _as_case(line: int, value: object) -> Case:
    if not isinstance(value, dict):
        return Case(line, None, f"a case is a JSON object with a 'kind', got {type(value).__name__}")
    return Case(line, value)


def _csv(text: str) -> Iterator[Case]:
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [name.strip() for name in next(reader)]
    except StopIteration:
        return
    if "kind" not in columns:
        raise RunError("line 1: the CSV header has no 'kind' column (it picks the calculation of each row)")
    if len(set(columns)) != len(columns):
        raise RunError("line 1: the CSV header names a column twice")
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            yield Case(start, None, f"{len(row)} cells, but the header has {len(columns)} columns")
            continue
        yield Case(start, {name: cell.strip() for name, cell in zip(columns, row, strict=False) if cell.strip()})


# --- computing ----------------------------------------------------------------------------------


class Progress:
    """A progress bar on ``stream``, drawn only if it is a terminal (so logs and pipes stay clean)."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total = total
        self.stream = stream
        self.width = width
        self.active = total > 0 and stream.isatty()
        self._every = max(1, total // 100)

    def update(self, done: int) -> None:
        """Redraw after ``done`` cases (every 1 %, and at the end)."""
        if not self.active or (done % self._every and done != self.total):
            return
        filled = self.width * done // self.total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {100 * done // self.total:3d} % {done}/{self.total}")
        if done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def run_cases(cases: list[Case], progress: Progress | None = None) -> Iterator[Outcome]:
    """Compute each case in order; a refused case becomes an :class:`Outcome` with its ``error``."""
    for done, case in enumerate(cases, 1):
        yield _outcome(case)
        if progress is not None:
            progress.update(done)


def _outcome(case: Case) -> Outcome:
    data = case.data
    if data is None:
        return Outcome(case.line, "", None, error=case.problem)
    raw_id = data.get("id")
    ident = None if raw_id is None else str(raw_id)
    kind_name = data.get("kind")
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        return Outcome(case.line, "", ident, error=f"kind: got {kind_name!r}; pass one of {', '.join(KINDS)}")
    fields = {key: value for key, value in data.items() if key not in RESERVED}
    try:
        result = compute(kind, fields)
    except (InvalidInputError, ParameterNotFoundError) as exc:
        return Outcome(case.line, kind.name, ident, error=describe(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the other cases; reported, exit 1
        return Outcome(case.line, kind.name, ident, error=f"unexpected {type(exc).__name__}: {exc}", unexpected=True)
    return Outcome(case.line, kind.name, ident, result)


def describe(exc: Exception) -> str:
    """One line for an error: the argument, what was received, what to pass (pydantic's field if any)."""
    if isinstance(exc, InvalidInputError) and exc.errors:
        parts = []
        for error in exc.errors:
            where = ".".join(str(part) for part in error.get("loc", ()))
            parts.append(f"{exc.argument}.{where}: {error.get('msg', '')}" if where else str(error.get("msg", "")))
        return "; ".join(parts)
    return " ".join(str(exc).split())


# --- writing ------------------------------------------------------------------------------------


def _record_id(ident: str | None) -> str:
    return json.dumps(ident, ensure_ascii=False)


def write_results(outcomes: Iterator[Outcome], out: TextIO, fmt: str, lang: Lang, errors: list[Outcome]) -> int:
    """Write computed cases to ``out`` as ``jsonl``, ``csv`` or ``text``; collect refused ones in ``errors``.

    Returns the number of cases written.
    """
    if fmt == "csv":
        return _write_csv(outcomes, out, errors)
    written = 0
    for outcome in outcomes:
        if outcome.result is None:
            errors.append(outcome)
            continue
        if fmt == "jsonl":
            out.write(
                f'{{"line":{outcome.line},"id":{_record_id(outcome.id)},"kind":"{outcome.kind}",'
                f'"result":{outcome.result.model_dump_json()}}}\n'
            )
        else:
            heading = f"Zeile {outcome.line}" if lang == "de" else f"Line {outcome.line}"
            label = f" · {outcome.id}" if outcome.id else ""
            out.write(f"── {heading}{label} · {outcome.kind} ──\n{outcome.result.explain(lang)}\n\n")
        written += 1
    return written


def value_columns(result: Result) -> list[str]:
    """The value fields of a result (what the CSV output shows), in declaration order."""
    return [name for name in type(result).model_fields if name not in _BASE_FIELDS]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write_csv(outcomes: Iterator[Outcome], out: TextIO, errors: list[Outcome]) -> int:
    done: list[Outcome] = []
    for outcome in outcomes:
        (done if outcome.result is not None else errors).append(outcome)
    columns: dict[str, None] = {}
    for outcome in done:
        if outcome.result is not None:
            columns.update(dict.fromkeys(value_columns(outcome.result)))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["line", "id", "kind", *columns, "clauses", "eghnrw_version"])
    for outcome in done:
        result = outcome.result
        if result is None:  # pragma: no cover - filtered above
            continue
        dumped: Mapping[str, Any] = result.model_dump(mode="json", include=set(value_columns(result)))
        writer.writerow(
            [
                outcome.line,
                outcome.id or "",
                outcome.kind,
                *(_cell(dumped.get(name)) for name in columns),
                "; ".join(result.citations),
                result.eghnrw_version,
            ]
        )
    return len(done)
