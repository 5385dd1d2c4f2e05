"""iCalendar (RFC 5545) text for timelines and due dates: one all-day event per date.

eghnrw writes the few lines it needs itself, so a calendar file needs no extra package: CRLF line
ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped
(backslash, ``;``, ``,`` and newlines). Tests read every file back with the ``icalendar`` package.

- **UID**: derived from what the event says — its day, clause and German text, and the ``case``
  the caller names — so exporting the same dates again gives the same UIDs and a calendar updates
  the events instead of adding them twice; a date that moves is a new event.
- **DTSTAMP**: RFC 5545 requires it in every VEVENT (a UTC date-time: when the event's information
  was last revised). eghnrw reads no clock: it writes the ``stamp`` the caller passes (an aware
  ``datetime``), else the release of eghnrw's calendar rules (:data:`RELEASE_STAMP`), so the same
  dates always give the same file and the UIDs stay stable (docs/decisions.md).
- **Reminders**: ``remind`` (a ``timedelta``) adds a VALARM that many days (hours, minutes) before
  each event's day.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Final, NamedTuple

from eghnrw.core.errors import InvalidInputError

__all__ = ["CalendarEvent", "check_case", "check_remind"]

PRODID: Final = "-//eghnrw//Fristen LRV und RV NRW//DE"
#: DTSTAMP when the caller passes none: the release of this version's calendar rules (set with each
#: release, docs/decisions.md). No clock is read: the same dates give the same file.
RELEASE_STAMP: Final = datetime(2026, 12, 1, tzinfo=UTC)
_FOLD_AT: Final = 75


class CalendarEvent(NamedTuple):
    """One all-day event: its day, the text of its title and description, and what makes its UID."""

    day: date
    summary: str
    description: str
    identity: str


def check_stamp(value: object) -> datetime:
    """The DTSTAMP to write: an aware ``datetime`` (in UTC), or :data:`RELEASE_STAMP` for ``None``.

    Raises:
        InvalidInputError: not ``None`` nor a ``datetime`` with a time zone.
    """
    if value is None:
        return RELEASE_STAMP
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


def check_remind(value: object) -> timedelta | None:
    """How long before each event's day a reminder (VALARM) goes off: ``None`` for none.

    Raises:
        InvalidInputError: not ``None`` nor a ``timedelta`` of zero or more in whole seconds.
    """
    if value is None:
        return None
    if not isinstance(value, timedelta) or value < timedelta(0) or value.microseconds:
        raise InvalidInputError(
            "remind", value, "pass a timedelta of zero or more before the day, e.g. timedelta(days=14), or None"
        )
    return value


def _duration(before: timedelta) -> str:
    """A TRIGGER before the start (RFC 5545 § 3.3.6): ``-P14D``, ``-PT2H30M``, ``PT0S``."""
    hours, rest = divmod(before.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{number}{unit}" for number, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if number)
    text = "P" + (f"{before.days}D" if before.days else "") + (f"T{time}" if time else "")
    return f"-{text}" if before else "PT0S"


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


def _alarm(summary: str, before: timedelta) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(summary)}",
        f"TRIGGER:{_duration(before)}",
        "END:VALARM",
    ]


def _uid(identity: str, seen: dict[str, int]) -> str:
    """A UID from the event's content; the n-th repeat of the same content in one file gets ``#n``."""
    count = seen.get(identity, 0)
    seen[identity] = count + 1
    key = identity if count == 0 else f"{identity}#{count}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@eghnrw"


def calendar_text(
    events: Iterable[CalendarEvent], *, name: str, stamp: datetime, remind: timedelta | None = None
) -> str:
    """A VCALENDAR of all-day VEVENTs, as text with CRLF line ends (write it with ``newline=""``).

    With ``remind``, each event has a VALARM that long before its day (``ACTION:DISPLAY``, its title).
    """
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
            *(_alarm(event.summary, remind) if remind is not None else []),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
