"""A progress line for ``eghnrw run`` on a terminal: cases done, rate, share of the file, time left.

Plain text on stderr, redrawn in place at most a few times a second, and only when stderr is a
terminal: a log file or a pipe never sees it (nor the results, which go to stdout or ``--output``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final, TextIO

__all__ = ["Progress"]

#: Look at the clock once per this many cases (a clock read costs more than a case's bookkeeping).
_CHECK_EVERY: Final = 256
_MINUTE: Final = 60


def _duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``."""
    whole = round(seconds)
    if whole < _MINUTE:
        return f"{whole} s"
    minutes, secs = divmod(whole, _MINUTE)
    if minutes < _MINUTE:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, _MINUTE)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """The progress line; ``fraction()`` says how much of the file is read (``None``: unknown)."""

    def __init__(
        self,
        stream: TextIO,
        fraction: Callable[[], float | None],
        *,
        enabled: bool = True,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.fraction = fraction
        self.active = enabled and stream.isatty()
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self._next = self.started + interval
        self._shown = False

    def update(self, done: int) -> None:
        """After ``done`` cases: redraw if the interval has passed (looked at every 256 cases)."""
        if not self.active or done % _CHECK_EVERY:
            return
        now = self.clock()
        if now >= self._next:
            self._next = now + self.interval
            self._draw(done, now)

    def _draw(self, done: int, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        parts = [f"{done:,} cases", f"{done / elapsed:,.0f}/s"]
        share = self.fraction()
        if share is not None and 0 < share <= 1:
            parts.append(f"{100 * share:.0f} %")
            if share < 1:
                parts.append(f"{_duration(elapsed * (1 - share) / share)} left")
        self.stream.write("\r" + " · ".join(parts) + "\033[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Take the line away (before a message, and at the end)."""
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False

    def finish(self, done: int) -> None:
        """The last line: every case, the rate, the time taken."""
        if not self.active:
            return
        now = self.clock()
        self.clear()
        elapsed = max(now - self.started, 1e-9)
        self.stream.write(f"{done:,} cases in {_duration(elapsed)} ({done / elapsed:,.0f}/s)\n")
        self.stream.flush()
