"""``eghnrw serve``: the rules over HTTP (extra ``server``), with uvicorn.

The application is :mod:`eghnrw.doors.server` (``eghnrw.doors.server:app``); this command only starts uvicorn
on it. It binds to 127.0.0.1 unless told otherwise: put a reverse proxy in front of it to serve
others (docs/server.md).
"""

from __future__ import annotations

import argparse
import os

from eghnrw.doors.cli._commands import EXIT_OK, CommandError, register

__all__: list[str] = []

_INSTALL_HINT = "eghnrw serve needs the extra 'server': pip install 'eghnrw[server]'"


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return int(text)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="the port to listen on (default 8000)")
    parser.add_argument(
        "--workers", type=_positive, default=1, help="worker processes, one per core to use (default 1)"
    )
    parser.add_argument(
        "--max-body",
        type=_positive,
        default=None,
        metavar="BYTES",
        help="the largest request body (and batch case) read, in bytes (default 1000000)",
    )


def _handle(args: argparse.Namespace) -> int:
    try:
        import uvicorn  # noqa: PLC0415 - only this command needs it

        import eghnrw.doors.server  # noqa: F401, PLC0415 - fails here, with the hint, if FastAPI is missing
    except ImportError as exc:
        raise CommandError(_INSTALL_HINT) from exc
    if args.max_body is not None:  # the workers are other processes: they read the limit from the environment
        os.environ["EGHNRW_MAX_BODY"] = str(args.max_body)
    uvicorn.run(
        "eghnrw.doors.server:from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return EXIT_OK


register(
    "serve",
    help="serve the calculations over HTTP (JSON API, OpenAPI, a page for clerks; extra 'server')",
    description="Serve every calculation over HTTP: GET /rules, POST /rules/{name}, POST /rules/{name}/batch, "
    "POST /verify, GET /openapi.json, GET /docs, and a page for clerks at /.",
    epilog="example:\n  eghnrw serve --port 8000\n  curl -s localhost:8000/rules/daily_rate -d "
    '\'{"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": 365}\'',
    setup=_options,
    handler=_handle,
)
