"""iCalendar (RFC 5545) text for timelines and due dates: one all-day event per date.

eghnrw writes the few lines it needs itself, so a calendar file needs no extra package: CRLF line
ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped
(backslash, ``;``, ``,`` and newlines). Tests read every file back with the ``icalendar`` package.

- **UID**: derived from what the event says — its day, clause and German text, and the ``case``
  the caller names — so exporting the same dates again gives the same UIDs and a calendar updates
  the events instead of adding them twice; a date that moves is a new event.
- **DTSTAMP**: RFC 5545 requires it in every VEVENT (a UTC date-time). eghnrw reads no clock: it
  writes the ``stamp`` the caller passes (an aware ``datetime``), else a fixed 19700101T000000Z,
  so the same dates always give the same file (docs/decisions.md).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Final, NamedTuple

from eghnrw.errors import InvalidInputError

__all__ = ["CalendarEvent", "calendar_text", "check_case", "check_stamp", "escape", "fold"]

PRODID: Final = "-//eghnrw//Fristen LRV und RV NRW//DE"
#: DTSTAMP when the caller passes none: no clock is read, the same dates give the same file.
FIXED_STAMP: Final = datetime(1970, 1, 1, tzinfo=UTC)
_FOLD_AT: Final = 75


class CalendarEvent(NamedTuple):
    """One all-day event: its day, the text of its title and description, and what makes its UID."""

    day: date
    summary: str
    description: str
    identity: str


def check_stamp(value: object) -> datetime:
    """The DTSTAMP to write: an aware ``datetime`` (in UTC), or the fixed stamp for ``None``.

    Raises:
        InvalidInputError: not ``None`` nor a ``datetime`` with a time zone.
    """
    if value is None:
        return FIXED_STAMP
    expected = "pass None or a datetime with a time zone, e.g. datetime.now(UTC) (eghnrw reads no clock)"
    if not isinstance(value, datetime):
        raise InvalidInputError("stamp", value, expected)
    try:
        utc = None if value.utcoffset() is None else value.astimezone(UTC)
    except (ArithmeticError, TypeError, ValueError):  # near datetime.max or .min, or a tzinfo that fails
        raise InvalidInputError(
            "stamp", value, "pass a datetime whose UTC time lies in the years 1 to 9999, with a working time zone"
        ) from None
    if utc is None:
        raise InvalidInputError("stamp", value, expected)
    return utc


def check_case(value: object) -> str | None:
    """The ``case`` named in each title and UID: ``None`` or a text a calendar can hold.

    Raises:
        InvalidInputError: not ``None`` nor a string, or a string with a control character (not
            allowed in an RFC 5545 TEXT value) or a lone surrogate (not writable as UTF-8).
    """
    if value is None:
        return None
    if not isinstance(value, str) or any(unicodedata.category(char) in {"Cc", "Cs"} for char in value):
        raise InvalidInputError(
            "case", value, "pass a short text without control characters naming the case (e.g. 'Haus A 2025'), or None"
        )
    return value


def escape(text: str) -> str:
    r"""A TEXT value (RFC 5545 § 3.3.11): ``\`` ``;`` ``,`` escaped, line ends as ``\n``.

    >>> print(escape("A; B, C\\D\nE"))
    A\; B\, C\\D\nE
    """
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    r"""A content line folded after at most 75 octets (RFC 5545 § 3.1), never inside a UTF-8 character.

    >>> fold("SUMMARY:" + "ä" * 40).split("\r\n ")[0].encode() == b"SUMMARY:" + "ä".encode() * 33
    True
    """
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return line
    parts = []
    start, limit = 0, _FOLD_AT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: fold before its character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, _FOLD_AT - 1  # a continuation line starts with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _day(day: date) -> str:
    """A DATE value, four-digit year always (``strftime("%Y")`` gives ``999`` for the year 999)."""
    return day.isoformat().replace("-", "")


def _uid(identity: str, seen: dict[str, int]) -> str:
    """A UID from the event's content; the n-th repeat of the same content in one file gets ``#n``."""
    count = seen.get(identity, 0)
    seen[identity] = count + 1
    key = identity if count == 0 else f"{identity}#{count}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@eghnrw"


def calendar_text(events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> str:
    """A VCALENDAR of all-day VEVENTs, as text with CRLF line ends (write it with ``newline=""``)."""
    utc = stamp.astimezone(UTC)
    stamped = f"DTSTAMP:{_day(utc.date())}T{utc:%H%M%S}Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{escape(name)}",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    seen: dict[str, int] = {}
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(event.identity, seen)}",
            stamped,
            f"DTSTART;VALUE=DATE:{_day(event.day)}",
            # the day after (DTEND is exclusive); without it an all-day event lasts one day as well
            *([f"DTEND;VALUE=DATE:{_day(event.day + timedelta(days=1))}"] if event.day < date.max else []),
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
