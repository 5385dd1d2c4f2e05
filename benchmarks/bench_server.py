"""Benchmark: ``POST /rules/daily_rate`` over HTTP on 127.0.0.1 against the Python call it wraps.

Run: ``python benchmarks/bench_server.py`` (``--requests N``, default 2,000; ``--clients N``,
default 8; ``--quick`` for a smoke run of 400). Needs the extra ``server``; without it, it says so
and exits 0.

uvicorn serves ``eghnrw.doors.server`` in a subprocess (one worker) on a free port of 127.0.0.1 only.
The clients are threads with one keep-alive ``http.client`` connection each (the lightest client
the standard library has, so the figures are the service's, not a client library's). Three
figures, each the latency of one answer as the client sees it:

- the Python call: ``daily_rate(...).model_dump_json()`` in this process;
- one client: requests one after another — the service's added time at p50 is this minus the call;
- N clients at once: throughput of the whole, and latency under load (queueing on 2 cores included).

Every answer must be 200 with the record of the Python call; any other answer fails the run
(exit 1). The run is bounded in count (``--requests``) and in time (60 s), and stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import eghnrw

BODY = b'{"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": 365}'
DEADLINE_S = 60.0


def _percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(seconds)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return p50 * 1000, p99 * 1000


def _python_call(count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        eghnrw.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365).model_dump_json()
        times.append(time.perf_counter() - start)
    return times


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start_server(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "eghnrw.doors.server:from_environment", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen(command, env=env)  # noqa: S603 - our own interpreter and module
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/rules")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def _client(port: int, count: int, expected: bytes, found: tuple[list[float], list[str]], stop: float) -> None:
    times, errors = found
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}
    for _ in range(count):
        if time.monotonic() > stop:
            errors.append("deadline reached")
            break
        start = time.perf_counter()
        connection.request("POST", "/rules/daily_rate", body=BODY, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        times.append(time.perf_counter() - start)
        if response.status != 200 or answer != expected:
            errors.append(f"{response.status}: {answer[:200]!r}")
    connection.close()


def _load(port: int, requests: int, clients: int, expected: bytes) -> tuple[list[float], list[str], float]:
    times: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + DEADLINE_S
    threads = [
        threading.Thread(target=_client, args=(port, requests // clients, expected, (times, errors), stop))
        for _ in range(clients)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests under load (default 2000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 400 requests")
    args = parser.parse_args()
    if importlib.util.find_spec("fastapi") is None or importlib.util.find_spec("uvicorn") is None:
        print("skipped: the server extra is not installed (pip install 'eghnrw[server]')")
        return 0
    requests = 400 if args.quick else args.requests
    expected = eghnrw.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    expected_bytes = expected.model_dump_json().encode()
    _python_call(200)  # warm up
    call_p50, call_p99 = _percentiles(_python_call(requests))
    print(f"Python call, daily_rate(...).model_dump_json(): p50 {call_p50:.3f} ms, p99 {call_p99:.3f} ms")
    port = _free_port()
    server = _start_server(port)
    try:
        _load(port, 200, 1, expected_bytes)  # warm up
        times, errors, _ = _load(port, requests, 1, expected_bytes)
        one_p50, one_p99 = _percentiles(times)
        print(
            f"HTTP, 1 client:  p50 {one_p50:.3f} ms, p99 {one_p99:.3f} ms; "
            f"added at p50 {one_p50 - call_p50:.3f} ms (goal: at most 1 ms)"
        )
        load_times, load_errors, elapsed = _load(port, requests, args.clients, expected_bytes)
        errors += load_errors
        load_p50, load_p99 = _percentiles(load_times)
        print(
            f"HTTP, {args.clients} clients: {len(load_times)} requests in {elapsed:.2f} s = "
            f"{len(load_times) / elapsed:,.0f} requests/s; p50 {load_p50:.3f} ms, p99 {load_p99:.3f} ms"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    if errors:
        print(f"{len(errors)} wrong answers, e.g. {errors[0]}", file=sys.stderr)
        return 1
    print("no error under load: every answer was 200 with the record of the Python call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
