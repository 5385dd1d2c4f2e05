"""The cases of a batch body, read as they arrive: a JSON array or JSON lines, in constant memory.

The body is never held whole: the splitter keeps only the case being read (at most the server's
body limit) and hands each complete case on as text, to be parsed and computed before the next one
is read. A JSON array is split at the commas between its elements (outside strings and nested
brackets); JSON lines at the line ends (a JSON text holds no raw line end).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import AsyncIterator, Iterator
from typing import Final

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.server._problems import BodyTooLargeError

__all__ = ["cases"]

#: What changes the splitter's state in an array: an escape (skipped whole), quotes, brackets, commas.
_MARKS: Final = re.compile(r'\\.|["{}\[\],]', re.DOTALL)


class _Splitter:
    """Cuts text fed in pieces into the texts of the cases (see the module docstring)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.mode = ""  # "array" or "lines", decided by the first character that is not white space
        self.buffer = ""
        self.scan = 0  # where the next token search starts (the buffer before it is scanned)
        self.depth = 0
        self.in_string = False
        self.closed = False
        self.after_comma = False  # the last case ended with a comma: another must follow

    def feed(self, text: str) -> Iterator[str]:
        """The cases completed by ``text``, each as soon as it is found.

        Raises:
            BodyTooLargeError: a case longer than the limit (after the cases before it).
            InvalidInputError: the array is malformed between its cases.
        """
        if not self.mode:
            text = text.lstrip()
            if not text:
                return
            self.mode = "array" if text.startswith("[") else "lines"
            text = text.removeprefix("[")
        self.buffer += text
        for case in self._lines() if self.mode == "lines" else self._elements():
            if len(case) > self.limit:
                raise BodyTooLargeError(self.limit)
            yield case
        if len(self.buffer) > self.limit:
            raise BodyTooLargeError(self.limit)

    def finish(self) -> list[str]:
        """The last case, once the body has ended.

        Raises:
            InvalidInputError: an array that is not closed.
        """
        if self.mode == "array" and not self.closed:
            raise InvalidInputError("body", self.buffer[-80:], "close the JSON array with ]")
        rest, self.buffer = self.buffer.strip(), ""
        return [rest] if rest else []

    def _lines(self) -> Iterator[str]:
        *complete, self.buffer = self.buffer.split("\n")
        yield from (line for line in complete if line.strip())

    def _elements(self) -> Iterator[str]:
        start = 0
        scanned = self.scan  # the end of the last mark read: a lone backslash after it waits for its character
        buffer = self.buffer
        if self.closed:
            self._after_close(buffer)
            return
        for match in _MARKS.finditer(buffer, self.scan):
            scanned = match.end()
            if not self._ends_case(match.group()):
                continue
            case = buffer[start : match.start()].strip()
            if case:
                yield case
            elif match.group() == "," or self.after_comma:  # "[,", "[1,,2]" or "[1,]": a case is missing
                raise InvalidInputError("body", buffer[start : match.end()], "separate the cases by single commas")
            self.after_comma = match.group() == ","
            start = match.end()
            if match.group() == "]":
                self.closed = True
                self._after_close(buffer[start:])
                self.buffer, self.scan = "", 0
                return
        self.buffer = buffer[start:]
        self.scan = scanned - start

    def _ends_case(self, mark: str) -> bool:
        """Read one mark; whether it is the comma or bracket that ends a case of the array."""
        if self.in_string:
            self.in_string = mark != '"'
        elif mark == '"':
            self.in_string = True
        elif mark in "{[":
            self.depth += 1
        elif mark in "}]" and self.depth:
            self.depth -= 1
        else:
            return not self.depth and mark in ",]"
        return False

    def _after_close(self, text: str) -> None:
        if text.strip():
            raise InvalidInputError("body", text.strip()[:80], "send nothing after the closing ] of the array")


async def cases(chunks: AsyncIterator[bytes], limit: int) -> AsyncIterator[str]:
    """The text of each case of the body ``chunks``, in order.

    Raises:
        InvalidInputError: not UTF-8, or not an array or JSON lines.
        BodyTooLargeError: one case longer than ``limit`` characters.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    splitter = _Splitter(limit)
    try:
        async for chunk in chunks:
            for case in splitter.feed(decoder.decode(chunk)):
                yield case
        for case in [*splitter.feed(decoder.decode(b"", final=True)), *splitter.finish()]:
            yield case
    except UnicodeDecodeError as exc:
        raise InvalidInputError("body", exc.object[exc.start : exc.start + 8], "send UTF-8 text") from None
