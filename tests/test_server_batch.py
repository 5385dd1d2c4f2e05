"""The batch body's splitter: the cases of a JSON array or of JSON lines, however the body is cut."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Iterable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.errors import InvalidInputError

pytest.importorskip("fastapi", reason="the server extra is not installed")

from eghnrw.doors.server._batch import _Splitter, cases
from eghnrw.doors.server._problems import BodyTooLargeError
from strategies import json_cases


async def _chunks(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def _read(parts: Iterable[bytes], limit: int = 10_000) -> list[Any]:
    async def collect() -> list[str]:
        return [case async for case in cases(_chunks(parts), limit)]

    return [json.loads(case) for case in asyncio.run(collect())]


def _cut(data: bytes, at: list[int]) -> list[bytes]:
    """``data`` cut at the positions ``at`` (anywhere, also inside a UTF-8 character)."""
    points = sorted({0, len(data), *(n % (len(data) + 1) for n in at)})
    return [data[a:b] for a, b in itertools.pairwise(points)]


@given(json_cases, st.lists(st.integers(0, 10_000), max_size=8), st.sampled_from([None, 1]))
def test_an_array_gives_its_cases_however_it_is_cut(items, at, indent):
    body = json.dumps(items, indent=indent, ensure_ascii=False).encode()
    assert _read(_cut(body, at)) == items


@given(json_cases, st.lists(st.integers(0, 10_000), max_size=8))
def test_json_lines_give_their_cases_however_they_are_cut(items, at):
    body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode()
    assert _read(_cut(body, at)) == items


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([b'[{"a": "x\\', b'"]"}]'], [{"a": 'x"]'}]),  # an escape cut after its backslash
        ([b'[{"a": "x\\\\', b'"}, 2]'], [{"a": "x\\"}, 2]),  # an escaped backslash at the cut
        ([b"  [ ", b"]  "], []),
        ([b""], []),
        ([b'{"a": 1}'], [{"a": 1}]),  # JSON lines without the last line end
        ([b'[{"a": "\xc3', b'\xa4"}]'], [{"a": "ä"}]),  # a UTF-8 character cut in two
    ],
)
def test_cuts_inside_escapes_and_characters(parts, expected):
    assert _read(parts) == expected


@pytest.mark.parametrize(
    "parts", [[b"[1,,2]"], [b"[,1]"], [b"[1,]"], [b"[1,", b"]"], [b"[1] 2"], [b"[1]", b"2"], [b"[1"], [b"\xff"]]
)
def test_a_malformed_body_is_refused(parts):
    with pytest.raises(InvalidInputError, match=r"^body: "):
        _read(parts)


def test_the_splitter_keeps_only_the_case_it_is_reading():
    # 5,000 cases of 43 characters, fed in pieces of 1,000: the buffer never holds more than one
    # piece plus the start of a case, whatever the length of the body (215 KB)
    case = json.dumps({"annual_cost": "1000000", "places": 20, "n": 1})
    body = "[" + ",".join([case] * 5000) + "]"
    splitter = _Splitter(limit=100)
    found = 0
    largest = 0
    for start in range(0, len(body), 1000):
        found += len(list(splitter.feed(body[start : start + 1000])))
        largest = max(largest, len(splitter.buffer))
    assert found == 5000
    assert largest <= len(case)


def test_a_case_over_the_limit_is_refused_after_the_cases_before_it():
    splitter = _Splitter(limit=20)
    found = splitter.feed('[{"a": 1}, {"b": "' + "x" * 30 + '"}]')
    assert next(found) == '{"a": 1}'
    with pytest.raises(BodyTooLargeError):
        next(found)


def test_a_case_that_never_ends_is_refused_at_the_limit():
    splitter = _Splitter(limit=20)
    list(splitter.feed('[{"a": "' + "x" * 10))
    with pytest.raises(BodyTooLargeError):
        list(splitter.feed("x" * 11))
