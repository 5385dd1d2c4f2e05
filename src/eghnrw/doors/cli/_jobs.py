"""``eghnrw run --jobs N``: a book computed by several processes, written in order, in constant memory.

The main process reads the cases and hands them out in chunks; each worker computes its chunk and
renders it (the JSON line, through the fast path ``_fast``; the text; the row), and the main
process writes the chunks in the order they were read. At most two chunks per worker are on their
way at any time, so memory stays flat whatever the book's size. A worker's library warnings are
sent back with its chunk and shown once each, like those of a run in one process.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, Final

from eghnrw.doors.cli._fast import Done, Fast
from eghnrw.doors.cli._outcome import outcome
from eghnrw.doors.cli._read import Case
from eghnrw.doors.cli._write import Renderer

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["CHUNK", "computed", "workers"]

#: Cases per chunk: large enough that sending them costs little, small enough to keep every worker busy.
CHUNK: Final = 1000

#: A case as it crosses to a worker: plain values (pickled in C, unlike a dataclass with slots).
_Sent = tuple[int, int, object, "str | None", "dict[str, Any] | None", str, "tuple[tuple[str, object], ...]"]
#: The fast path of a worker process (``--format jsonl``), by ``german``.
_WORKER_FAST: dict[bool, Fast] = {}


def workers(jobs: int) -> int:
    """The number of worker processes: ``jobs``, or one per CPU for 0.

    >>> workers(3)
    3
    """
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _start() -> None:
    """In a fresh worker: import the command, so subcommands registered by other modules are known."""
    import signal  # noqa: PLC0415 - only in a worker

    import eghnrw.doors.cli  # noqa: F401, PLC0415 - registers every kind, as in the main process

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: one line, exit 130
    gc.freeze()  # the modules' objects are never collected in a worker: no collection walks them (see _run)


def _work(sent: list[_Sent], german: bool, render: Renderer) -> tuple[list[Done], list[str]]:  # noqa: FBT001
    """Compute and render one chunk; its warnings' messages come back with it."""
    done: list[Done] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if render.fmt == "jsonl":  # the fast path; its templates live as long as the worker (one run)
            done = list(_WORKER_FAST.setdefault(german, Fast(german)).chunk([Case(*item) for item in sent]))
        else:
            for item in sent:
                result = outcome(Case(*item), german=german)
                done.append((result, None) if result.result is None else (None, render(result)))
    return done, list(dict.fromkeys(str(w.message) for w in caught))


def computed(cases: Iterator[Case], *, german: bool, render: Renderer, jobs: int) -> Iterator[Done]:
    """Every case computed and rendered by ``jobs`` processes, in the order read."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for --jobs: it loads multiprocessing

    pending: deque[Future[tuple[list[Done], list[str]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start) as pool:
        while chunk := [(c.line, c.number, c.kind, c.id, c.fields, c.problem, c.extra) for c in islice(cases, CHUNK)]:
            pending.append(pool.submit(_work, chunk, german, render))
            if len(pending) >= 2 * jobs:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())


def _collect(future: Future[tuple[list[Done], list[str]]]) -> Iterator[Done]:
    done, caught = future.result()
    for message in caught:  # shown once each by the command, like its own warnings
        warnings.warn(message, UserWarning, stacklevel=1)
    yield from done
