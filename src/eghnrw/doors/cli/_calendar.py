"""Deadlines into calendars: ``--ics FILE`` on the date calculations, and ``eghnrw due-dates``.

Every subcommand whose result has dates (the terms of the RV and the LRV, the Schiedsstelle, the
audits, the hospital report) takes ``--ics FILE``: the dates as an iCalendar file (RFC 5545, one
all-day event per date, see :func:`eghnrw.to_ics`), ``-`` for stdout. ``eghnrw due-dates`` lists
the recurring duties and the fixed dates of both agreements between two days, as a timeline or a
calendar.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import eghnrw
from eghnrw.core.enums import Side
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Lang, Result
from eghnrw.doors.cli._commands import EXIT_OK, OutputError, register
from eghnrw.doors.cli._fields import Field, convert
from eghnrw.doors.cli._files import replacing
from eghnrw.fristen.deadlines import DueDate, Duty, fixed_dates, recurring_due_dates

__all__ = ["CALENDAR_KINDS", "add_ics_option", "write_ics"]

#: The calculations whose results have dates a calendar can hold.
CALENDAR_KINDS = frozenset(
    {
        "rv-termination",
        "rv-period",
        "lrv-termination",
        "termination-timeline",
        "schiedsstelle",
        "audit-window",
        "audit-timeline",
        "hospital-report",
    }
)


#: ``--remind``: a number of days (``14``, ``14d``, ``14 Tage``) or weeks (``2w``, ``2 Wochen``).
_REMIND = re.compile(r"(\d{1,4})\s*(d|t|tag|tage|day|days|w|wo|woche|wochen|week|weeks)?", re.IGNORECASE)


def remind_period(text: str) -> timedelta:
    """The reminder of ``--remind``: ``14d`` or ``14`` is 14 days before, ``2w`` two weeks (German words too).

    >>> remind_period("14d"), remind_period("2 Wochen")
    (datetime.timedelta(days=14), datetime.timedelta(days=14))

    Raises:
        InvalidInputError: not a number of days or weeks from 0 to 9999.
    """
    match = _REMIND.fullmatch(text.strip())
    if match is None:
        raise InvalidInputError("remind", text, "pass a number of days or weeks before each date, e.g. 14d or 2w")
    unit = (match.group(2) or "d").lower()
    return timedelta(weeks=int(match.group(1))) if unit[0] == "w" else timedelta(days=int(match.group(1)))


def add_ics_option(parser: argparse.ArgumentParser) -> None:
    """``--ics FILE``: also write the dates as an iCalendar file; ``--remind 14d``: with a reminder."""
    parser.add_argument(
        "--ics",
        metavar="FILE",
        help="also write the dates as an iCalendar file (one all-day event per date; '-' for stdout)",
    )
    parser.add_argument(
        "--remind",
        metavar="DAYS",
        help="with --ics: a reminder that long before each date (14d, 2w; default none)",
    )


def write_ics(result: Result, name: str, lang: Lang, remind: str | None = None) -> None:
    """Write the dates of ``result`` (a term, deadline or timeline) to ``name`` as iCalendar (``-``: stdout).

    ``remind``: the text of ``--remind`` (``14d``): an alarm that long before each date.

    Raises:
        InvalidInputError: ``remind`` is no number of days or weeks.
        OutputError: the file cannot be written.
    """
    text = eghnrw.to_ics(result, lang=lang, remind=None if remind is None else remind_period(remind))
    if name == "-":
        sys.stdout.write(text)
        return
    try:
        with replacing(Path(name)) as temporary:
            temporary.write_text(text, encoding="utf-8", newline="")  # CRLF as RFC 5545 writes it
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {exc.strerror or exc}") from None


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", metavar="YYYY-MM-DD", required=True, help="first day of the period")
    parser.add_argument("--end", metavar="YYYY-MM-DD", required=True, help="last day of the period")
    parser.add_argument(
        "--duties",
        metavar="LIST",
        help=f"only these recurring duties, separated by commas ({', '.join(d.value for d in Duty)})",
    )
    parser.add_argument(
        "--chair-first-term-start", metavar="YYYY-MM-DD", help="first day of the chair's first term (LRV A.9.2)"
    )
    parser.add_argument(
        "--chair-first-side", choices=[s.value for s in Side], help="the side that chairs the first term"
    )
    parser.add_argument("--no-fixed", action="store_true", help="leave the fixed dates out (recurring duties only)")
    add_ics_option(parser)


def _day(name: str, value: str, *, german: bool) -> date:
    return cast("date", convert(Field(name, "date", ""), value, german=german))


def _due_dates(args: argparse.Namespace) -> int:
    german = args.decimal_comma
    start, end = _day("start", args.start, german=german), _day("end", args.end, german=german)
    duties = None if args.duties is None else cast("list[str]", convert(Field("duties", "list", ""), args.duties))
    first = (
        None
        if args.chair_first_term_start is None
        else _day("chair_first_term_start", args.chair_first_term_start, german=german)
    )
    items: list[DueDate] = list(
        recurring_due_dates(
            start=start,
            end=end,
            duties=duties,
            chair_first_term_start=first,
            chair_first_side=args.chair_first_side or Side.LEISTUNGSERBRINGER,
        )
    )
    if not args.no_fixed:
        items += fixed_dates(start=start, end=end)
    result = eghnrw.timeline(items, scenario=("Fristen und Termine", "Due dates"))
    if args.ics:
        write_ics(result, args.ics, args.lang, args.remind)
        if args.ics == "-":
            return EXIT_OK
    sys.stdout.write((result.model_dump_json() if args.json else result.explain(args.lang)) + "\n")
    return EXIT_OK


register(
    "due-dates",
    help="the recurring duties and fixed dates of the LRV and the RV between two days (--ics for a calendar)",
    description="The recurring duties (LRV A.8.3 Abs. 6, A.9.2, A.9.6, B.1.3/B.1.4 Abs. 5, RV § 4 Abs. 5, "
    "§ 18 Abs. 2) and the fixed dates (LRV C.1, C.3, B.4.11 Abs. 4, B.4.15 Abs. 6, RV § 5 Abs. 1, § 19) "
    "that fall between --start and --end, as one timeline; --ics FILE writes them as an iCalendar file.",
    epilog="example:\n  eghnrw due-dates --start 2025-01-01 --end 2026-12-31 --ics fristen.ics",
    setup=_options,
    handler=_due_dates,
    common=True,
)
