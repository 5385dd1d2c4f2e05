"""``eghnrw verify FILE``: check audit records by recomputing them (:func:`eghnrw.verify_record`).

FILE (``-``: standard input) holds one audit record as JSON (``eghnrw daily-rate ... --json``), or
JSON Lines: one record per line, or the lines ``eghnrw run`` writes (``{"line", "case", "id",
"kind", "result": <record>}``). One line is printed per record; the exit code is 0 when every
record is valid, 1 when one differs or cannot be recomputed, 2 when the file or a line cannot be
read as a record.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.cli._commands import EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, CommandError, register

__all__: list[str] = []


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="audit records: one JSON record, or JSON Lines ('-' reads stdin)")


def _text(name: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        return raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"FILE: cannot read {name}: {exc}") from None


def _records(text: str) -> Iterator[tuple[str, Any]]:
    """(where, record) for each record of the file: the whole file if it is one JSON value, else each line."""
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict):
        yield "record", whole
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            yield f"line {number}", exc
            continue
        if isinstance(item, dict) and isinstance(item.get("result"), dict):  # a line of `eghnrw run`
            shown = ", ".join(f"{key} {item[key]}" for key in ("case", "id") if item.get(key) is not None)
            yield f"line {number}" + (f" ({shown})" if shown else ""), item["result"]
        else:
            yield f"line {number}", item


def _verify(args: argparse.Namespace) -> int:
    from eghnrw.doors.verify import verify_record  # noqa: PLC0415 - loaded when the command runs

    code = EXIT_OK
    seen = 0
    for where, record in _records(_text(args.file)):
        seen += 1
        if isinstance(record, ValueError):
            sys.stdout.write(f"{where}: error: not JSON ({record})\n")
            code = EXIT_BAD_INPUT
            continue
        try:
            checked = verify_record(record)
        except InvalidInputError as exc:
            sys.stdout.write(f"{where}: error: not an audit record ({exc})\n")
            code = EXIT_BAD_INPUT
            continue
        sys.stdout.write(f"{where}: {checked.explain()}\n")
        if not checked.valid and code == EXIT_OK:
            code = EXIT_ERROR
    if not seen:
        raise CommandError(f"FILE: {args.file} holds no audit record")
    return code


register(
    "verify",
    help="check audit records by recomputing them (exit 1 when one differs)",
    setup=_options,
    handler=_verify,
    description="FILE ('-': standard input) holds one audit record as JSON (eghnrw daily-rate ... --json), "
    "or JSON Lines: one record per line, or the lines eghnrw run writes. One line is printed per record.",
    epilog="exit status: 0 every record valid, 1 one differs or cannot be recomputed, 2 a line or the file unreadable",
)
