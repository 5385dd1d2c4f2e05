"""Case files for ``eghnrw run``, read one case at a time (constant memory whatever the file's size).

- **CSV**: a header row with a ``kind`` column, optional ``id`` and ``note`` columns and one column
  per field; ``,`` or ``;`` separated (the header decides); an empty cell is "not given".
- **German Excel CSV** (``;``-separated): read with decimal commas (``700,00``, ``1.234,56``) and
  ``TT.MM.JJJJ`` dates — detected from the ``;``, or chosen with ``--decimal-comma`` /
  ``--no-decimal-comma``.
- **Encoding**: UTF-8 with or without BOM, else cp1252 (what German Excel writes), detected from the
  bytes; ``--encoding`` chooses.
- **JSON**: an array of objects, or JSON Lines (one object per line); each object has ``kind``,
  optionally ``id`` and ``note``, and its fields. Numbers are read exactly (``Decimal``).
- **.xlsx** (with the extra ``eghnrw[excel]``): the first sheet (or ``--sheet``), laid out as the CSV.

Each case knows its line (the row of a sheet) and its number in the file, so a case of a one-line
JSON array is still found: ``line 1, case 3``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Literal, Self

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.cli._cells import unneutralise
from eghnrw.doors.cli._commands import CommandError
from eghnrw.doors.cli._fields import RESERVED
from eghnrw.doors.cli._headers import key, resolve
from eghnrw.doors.cli._kinds import KINDS
from eghnrw.doors.cli._xlsx import XLSX_MAGIC, read_rows
from eghnrw.doors.tables import Uncomputed, detect_encoding, doubtful_percent, sniff_delimiter

__all__ = ["Case", "RunError", "Source", "open_source"]

#: German headers for them, as a clerk would type them.
_GERMAN: Final = {"art": "kind", "berechnung": "kind", "kennung": "id"}
#: A case is far smaller than this; a JSON array that does not parse within it is broken.
_MAX_CASE_CHARS: Final = 1 << 20
_CHUNK: Final = 1 << 16
_UTF8_BOM: Final = codecs.BOM_UTF8

Format = Literal["csv", "json", "jsonl", "xlsx"]


class RunError(CommandError):
    """The case file as a whole cannot be read (not JSON, no ``kind`` column, no cases, ...)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One case as read: where it is (line, number in the file), its kind, id and fields (or why not).

    ``extra``: the values of the columns that are no input (``note``, ``Bemerkung``, …), carried to the output.
    """

    line: int
    number: int
    kind: object = None
    id: str | None = None
    fields: dict[str, Any] | None = None
    problem: str = ""
    extra: tuple[tuple[str, object], ...] = ()


@dataclass
class Source:
    """An open case file: how it was read, and its cases (read again from the start on each call)."""

    name: str
    format: Format
    encoding: str
    german: bool
    reader: Callable[[], Iterator[Case]]
    fraction: Callable[[], float | None]
    empty: str = "it holds no cases"
    count: int = -1
    binary: IO[bytes] | None = None
    scan: Callable[[], tuple[list[object], int]] | None = None
    inputs: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        if self.binary is not None:
            self.binary.close()

    def cases(self) -> Iterator[Case]:
        """The cases, in file order."""
        return self.reader()

    def kinds(self) -> list[object]:
        """The kinds the file uses, in order of first use (a first pass: table outputs need their columns).

        Also counts the cases (``count``) and notes the input and extra columns used (``inputs``, ``extras``).
        """
        if self.scan is not None:
            found, self.count = self.scan()
            return found
        kinds: dict[object, None] = {}
        inputs: dict[str, None] = {}
        extras: dict[str, None] = {}
        count = 0
        for count, case in enumerate(self.reader(), 1):  # noqa: B007 - the count after the loop
            if case.fields is not None:
                kinds.setdefault(case.kind)
                inputs.update(dict.fromkeys(case.fields))
                extras.update(dict.fromkeys(name for name, _ in case.extra))
        self.count = count
        self.inputs, self.extras = list(inputs), list(extras)
        return list(kinds)


def open_source(
    name: str,
    *,
    encoding: str | None = None,
    decimal_comma: bool | None = None,
    sheet: str | None = None,
    stream: IO[bytes] | None = None,
) -> Source:
    """Open the case file ``name`` (``-``: standard input; ``stream``: these bytes, named ``name``).

    Raises:
        RunError: the file cannot be read, its encoding is unknown, it is not a case file.
    """
    binary = stream if stream is not None else _binary(name)
    try:
        source = _open(name, binary, encoding=encoding, decimal_comma=decimal_comma, sheet=sheet)
    except BaseException:
        binary.close()
        raise
    source.binary = binary
    return source


def _open(
    name: str, binary: IO[bytes], *, encoding: str | None, decimal_comma: bool | None, sheet: str | None
) -> Source:
    if binary.read(len(XLSX_MAGIC)) == XLSX_MAGIC:
        binary.seek(0)
        return _xlsx_source(name, binary, sheet=sheet, decimal_comma=decimal_comma)
    binary.seek(0)
    chosen = _encoding(binary, encoding)
    size = binary.seek(0, io.SEEK_END)

    def fraction() -> float | None:
        return binary.tell() / size if size else None

    def text() -> io.TextIOWrapper:
        binary.seek(0)
        shielded = io.BufferedReader(_Shield(binary), buffer_size=_CHUNK)
        wrapper = io.TextIOWrapper(shielded, encoding=chosen, newline="", errors="strict")
        if chosen == "utf-8" and binary.read(len(_UTF8_BOM)) != _UTF8_BOM:  # a BOM is never data
            binary.seek(0)
        return wrapper

    head = _head(text())
    first = head.lstrip()[:1]
    if first == "[":
        return Source(
            name, "json", chosen, bool(decimal_comma), lambda: _json_array(text()), fraction, "the array is empty"
        )
    if first == "{":
        return Source(name, "jsonl", chosen, bool(decimal_comma), lambda: _json_lines(text()), fraction)
    header = head.split("\n", 1)[0]
    delimiter = sniff_delimiter(header)
    german = delimiter == ";" if decimal_comma is None else decimal_comma
    empty = "the file is empty" if not head.strip() else "it has only a header row"
    source = Source(name, "csv", chosen, german, lambda: _csv(text(), delimiter), fraction, empty)
    source.scan = lambda: _csv_kinds(text(), delimiter, source)
    return source


class _Shield(io.RawIOBase):
    """A view of a binary file that a TextIOWrapper may close without closing the file."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _binary(name: str) -> IO[bytes]:
    """The file as seekable bytes; standard input is spooled (to disk past 16 MiB) so it can be read twice."""
    if name == "-":
        import shutil  # noqa: PLC0415 - only for standard input
        import tempfile  # noqa: PLC0415

        spool = tempfile.SpooledTemporaryFile(max_size=16 << 20)  # noqa: SIM115 - lives as long as the run
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is not None:
            shutil.copyfileobj(stdin, spool)
        else:  # a text stream without bytes underneath (a test's StringIO): its text as UTF-8
            while text := sys.stdin.read(_CHUNK):
                spool.write(text.encode("utf-8"))
        spool.seek(0)
        return spool
    try:
        return Path(name).open("rb")
    except OSError as exc:
        raise RunError(f"FILE: got {name!r}; pass a readable case file ({exc.strerror})") from None


def _encoding(binary: IO[bytes], chosen: str | None) -> str:
    """The encoding to read with (:func:`eghnrw.doors.tables.detect_encoding`)."""
    try:
        return detect_encoding(binary, chosen)
    except InvalidInputError:
        raise RunError(f"--encoding: got {chosen!r}; pass an encoding such as utf-8, utf-8-sig or cp1252") from None


def _head(stream: io.TextIOWrapper) -> str:
    try:
        return stream.read(_CHUNK)
    except UnicodeDecodeError as exc:
        raise RunError(
            f"line 1: not readable as {stream.encoding} ({exc.reason}); pass --encoding with the file's encoding "
            "(cp1252 for German Excel)"
        ) from None


def _decoding(lines: Iterator[str]) -> Iterator[str]:
    try:
        yield from lines
    except UnicodeDecodeError as exc:
        raise RunError(f"not readable in the chosen encoding ({exc.reason}); pass --encoding") from None


# --- CSV ----------------------------------------------------------------------------------------


def _csv(stream: IO[str], delimiter: str) -> Iterator[Case]:
    reader = csv.reader(stream, delimiter=delimiter)
    rows = _numbered(reader)
    for _, header in rows:  # the first row that is not blank
        if any(cell.strip() for cell in header):
            yield from _table(header, rows, "CSV header")
            return


def _csv_kinds(stream: IO[str], delimiter: str, source: Source) -> tuple[list[object], int]:
    """The kinds a CSV file uses and its number of cases, from the ``kind`` column alone (a fast first pass)."""
    reader = csv.reader(stream, delimiter=delimiter)
    rows = _numbered(reader)
    for _, header in rows:
        if any(cell.strip() for cell in header):
            layout = _layout(header, "CSV header")
            source.inputs = [name for _, name in layout.fields]
            source.extras = [name for _, name in layout.extras]
            kind_at = layout.kind_at
            kinds: dict[object, None] = {}
            count = 0
            for _, row in rows:
                kind = row[kind_at].strip() if len(row) > kind_at else ""
                if kind or any(cell.strip() for cell in row):  # not a blank row
                    count += 1
                    kinds.setdefault(unneutralise(kind))
            return list(kinds), count
    return [], 0


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on (a quoted cell may span lines)."""
    line = reader.line_num
    try:
        for row in reader:
            yield line + 1, row
            line = reader.line_num
    except UnicodeDecodeError as exc:
        raise RunError(
            f"line {line + 1}: not readable in the chosen encoding ({exc.reason}); pass --encoding cp1252 or utf-8"
        ) from None
    except csv.Error as exc:
        raise RunError(f"line {reader.line_num}: not valid CSV ({exc})") from None


def _names() -> dict[str, str]:
    """Header key → column name: ``kind``, ``id``, ``note`` and every field of every calculation."""
    names = {key(name): name for kind in KINDS.values() for name in kind.by_name}
    names.update({name: name for name in RESERVED})
    names.update(_GERMAN)
    return names


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where a table's columns are: ``kind``, ``id``, the fields (index, name), the columns that are no input."""

    kind_at: int
    id_at: int
    fields: list[tuple[int, str]]
    extras: list[tuple[int, str]]


def _layout(header: Sequence[object], what: str) -> _Layout:
    """The columns of a table's header, found by name in any order, case and spelling (``_headers``).

    A column that is no field of any calculation (``Bemerkung``, ``Prüfvermerk``, ``note``) is kept
    and carried to the output; one warning names those that are not ``note``.

    Raises:
        RunError: no ``kind`` column, or a column named twice.
    """
    names = _names()
    columns = ["" if cell is None else str(cell).strip() for cell in header]
    found = [resolve(column, names) if column else None for column in columns]
    if "kind" not in found:
        raise RunError(f"line 1: the {what} has no 'kind' column (it picks the calculation of each row)")
    named = [name for name in found if name is not None]
    for name in named:
        if named.count(name) > 1:
            twice = [column for column, item in zip(columns, found, strict=True) if item == name]
            raise RunError(f"line 1: the {what} names the column {name!r} twice ({', '.join(map(repr, twice))})")
    fields = [(i, name) for i, name in enumerate(found) if name is not None and name not in RESERVED]
    extras = [(i, "note" if name == "note" else columns[i]) for i, name in enumerate(found) if columns[i] and
              (name is None or name == "note")]  # fmt: skip
    unused = [name for _, name in extras if name != "note"]
    if unused:
        warnings.warn(
            f"columns no calculation uses, carried through to the output: {', '.join(unused)}",
            UserWarning,
            stacklevel=2,
        )
    return _Layout(found.index("kind"), found.index("id") if "id" in found else -1, fields, extras)


def _table(header: list[str], rows: Iterator[tuple[int, list[str]]], what: str) -> Iterator[Case]:
    """Cases from the rows of a CSV file under its ``header`` (the hot path of ``eghnrw run``)."""
    layout = _layout(header, what)
    kind_at, id_at, fields, extras = layout.kind_at, layout.id_at, layout.fields, layout.extras
    width = len(header)
    number = 0
    for line, row in rows:
        if len(row) != width:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                number += 1
                yield Case(line, number, problem=f"{len(row)} cells, but the header has {width} columns")
                continue
            row = (row + [""] * width)[:width]  # noqa: PLW2901 - the row, completed
        values = {name: cell for i, name in fields if (cell := row[i].strip())}
        kind = row[kind_at].strip()
        ident = row[id_at].strip() if id_at >= 0 else ""
        extra = tuple((name, unneutralise(cell)) for i, name in extras if (cell := row[i].strip()))
        if not (values or kind or ident or extra):
            continue  # a blank row
        number += 1
        yield Case(line, number, unneutralise(kind), unneutralise(ident) if ident else None, values, extra=extra)


def _sheet(header: Sequence[object], rows: Iterator[tuple[int, list[object]]]) -> Iterator[Case]:
    """Cases from the rows of a sheet (typed cells) under its ``header``."""
    layout = _layout(header, "sheet's header row")
    kind_at, id_at, fields, extras = layout.kind_at, layout.id_at, layout.fields, layout.extras
    width = len(header)
    number = 0
    noticed: set[str] = set()
    for line, row in rows:
        if len(row) > width and any(_given(cell) for cell in row[width:]):
            number += 1
            yield Case(line, number, problem=f"{len(row)} cells, but the header has {width} columns")
            continue
        cells = row + [None] * (width - len(row))
        values = {name: cells[i] for i, name in fields if _given(cells[i])}
        kind, ident = cells[kind_at], (cells[id_at] if id_at >= 0 else None)
        extra = tuple((name, cells[i]) for i, name in extras if _given(cells[i]))
        if not (values or _given(kind) or _given(ident) or extra):
            continue
        number += 1
        problem = _doubtful(values, noticed)
        if problem:
            yield Case(line, number, kind, str(ident) if _given(ident) else None, problem=problem, extra=extra)
            continue
        yield Case(line, number, kind, str(ident) if _given(ident) else None, values, extra=extra)


def _doubtful(values: dict[str, object], noticed: set[str]) -> str:
    """Why a row's cells cannot be used as they are (an uncomputed formula, a fraction for a percentage), or ``""``.

    A doubtful percentage that may be meant is used, and reported once per column (a warning).
    """
    for name, value in values.items():
        if isinstance(value, Uncomputed):
            return f"{name}: {value.explain()}"
        doubt = doubtful_percent(name, value)
        if doubt is not None:
            refused, message = doubt
            if refused:
                return f"{name}: got {value}; {message}"
            if name not in noticed:
                noticed.add(name)
                warnings.warn(f"column {name}: {message}", UserWarning, stacklevel=2)
    return ""


def _given(cell: object) -> bool:
    return cell is not None and cell != ""


# --- JSON ---------------------------------------------------------------------------------------

#: Python refuses to read integers of more than 4,300 digits (CVE-2020-10735); JSON may hold them.
_MAX_INT_DIGITS: Final = 4000


def _whole(text: str) -> int | Decimal:
    """A JSON integer: an ``int``, or a ``Decimal`` where it is too long for one (refused by name later)."""
    return int(text) if len(text) <= _MAX_INT_DIGITS else Decimal(text)


_DECODER: Final = json.JSONDecoder(parse_float=Decimal, parse_int=_whole)


def _as_case(line: int, number: int, value: object, names: dict[str, str | None]) -> Case:
    """A case of a JSON file; its keys found like a table's headers (``names`` caches them)."""
    if not isinstance(value, dict):
        return Case(line, number, problem=f"a case is a JSON object with a 'kind', got {type(value).__name__}")
    fields: dict[str, Any] = {}
    extra: list[tuple[str, object]] = []
    kind = ident = None
    for raw, item in value.items():
        if raw not in names:
            names[raw] = resolve(raw, _names())
            if names[raw] is None:
                warnings.warn(
                    f"keys no calculation uses, carried through to the output: {raw}", UserWarning, stacklevel=2
                )
        name = names[raw]
        if name in fields or (name == "kind" and kind is not None) or (name == "id" and ident is not None):
            return Case(line, number, problem=f"the key {name!r} is given twice (as {raw!r})")
        if name == "kind":
            kind = item
        elif name == "id":
            ident = item
        elif name is None or name == "note":
            extra.append((name or raw, item))
        else:
            fields[name] = item
    return Case(line, number, kind, None if ident is None else str(ident), fields, extra=tuple(extra))


def _json_lines(stream: IO[str]) -> Iterator[Case]:
    names: dict[str, str | None] = {}
    number = 0
    for line, row in enumerate(_decoding(iter(stream)), 1):
        if not row.strip():
            continue
        number += 1
        try:
            value = _DECODER.decode(row)
        except json.JSONDecodeError as exc:
            yield Case(line, number, problem=f"not valid JSON ({exc.msg}); JSON Lines hold one case per line")
            continue
        except RecursionError:
            yield Case(line, number, problem=_TOO_DEEP)
            continue
        yield _as_case(line, number, value, names)


_NOT_CLOSED: Final = "the JSON array is not closed with ']'"
_TOO_DEEP: Final = "nested too deeply: a case is an object of fields, each a value, a list or an object of values"


class _Buffer:
    """The unread part of a JSON array, refilled from the stream, with the line it starts on."""

    def __init__(self, stream: _DecodingStream) -> None:
        self.stream = stream
        self.text = ""
        self.pos = 0
        self.line = 1  # the line of text[0]
        self.eof = False
        self.start = 0  # where the last value decoded began

    def refill(self) -> bool:
        """Read more; ``False`` at the end of the file."""
        if self.eof:
            return False
        self.line += self.text.count("\n", 0, self.pos)
        chunk = self.stream.read(_CHUNK)
        self.text = self.text[self.pos :] + chunk
        self.pos = 0
        self.eof = not chunk
        return bool(chunk)

    def skip(self) -> str:
        """Skip white space; the next character, or ``""`` at the end."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.refill():
                return ""

    def line_at(self, pos: int) -> int:
        return self.line + self.text.count("\n", 0, pos)


def _json_array(stream: IO[str]) -> Iterator[Case]:
    names: dict[str, str | None] = {}
    buffer = _Buffer(_DecodingStream(stream))
    buffer.skip()
    buffer.pos += 1  # the "[" (checked by open_source)
    number = 0
    while True:
        char = buffer.skip()
        if char == "]":
            buffer.pos += 1
            if buffer.skip():
                raise RunError(f"line {buffer.line_at(buffer.pos)}: text after the closing ']'")
            return
        if number:
            if char != ",":
                where = buffer.line_at(buffer.pos)
                raise RunError(f"line {where}: expected ',' or ']' between cases" if char else _NOT_CLOSED)
            buffer.pos += 1
            char = buffer.skip()
        if not char:
            raise RunError(_NOT_CLOSED)
        number += 1
        value = _decode_one(buffer)
        yield _as_case(buffer.line_at(buffer.start), number, value, names)


def _decode_one(buffer: _Buffer) -> object:
    """Decode the JSON value at the buffer's position, reading more of the file while it is cut off."""
    while True:
        try:
            value, end = _DECODER.raw_decode(buffer.text, buffer.pos)
        except json.JSONDecodeError as exc:
            if not buffer.eof and len(buffer.text) - buffer.pos < _MAX_CASE_CHARS:
                buffer.refill()  # then decode again: the error may only be the chunk's end
                continue
            raise RunError(f"line {buffer.line + exc.lineno - 1}: not valid JSON: {exc.msg}") from None
        except RecursionError:
            raise RunError(f"line {buffer.line_at(buffer.pos)}: {_TOO_DEEP}") from None
        if end == len(buffer.text) and not buffer.eof and _number_may_go_on(buffer.text):
            buffer.refill()  # a number at the very end of the chunk may have more digits
            continue
        buffer.start = buffer.pos
        buffer.pos = end
        return value


def _number_may_go_on(text: str) -> bool:
    return text[-1:].isdigit() or text[-1:] in "-+.eE"


class _DecodingStream:
    """Reads text, turning a decoding error into a :class:`RunError` that says what to pass."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def read(self, size: int) -> str:
        try:
            return self._stream.read(size)
        except UnicodeDecodeError as exc:
            raise RunError(f"not readable in the chosen encoding ({exc.reason}); pass --encoding") from None


# --- .xlsx --------------------------------------------------------------------------------------


def _xlsx_source(name: str, binary: IO[bytes], *, sheet: str | None, decimal_comma: bool | None) -> Source:
    _, total = read_rows(binary, sheet)  # opens the workbook once, to fail early on a broken file
    done = [0]

    def cases() -> Iterator[Case]:
        binary.seek(0)
        rows, _ = read_rows(binary, sheet)
        numbered = _counted(rows, done)
        for _, header in numbered:
            yield from _sheet(header, numbered)
            return

    def fraction() -> float | None:
        return done[0] / total if total else None

    return Source(name, "xlsx", "xlsx", bool(decimal_comma), cases, fraction, "the sheet has no cases")


def _counted(rows: Iterator[tuple[int, list[object]]], done: list[int]) -> Iterator[tuple[int, list[object]]]:
    for number, row in rows:
        done[0] = number
        yield number, row
