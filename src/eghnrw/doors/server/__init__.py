"""The rules over HTTP (extra ``server``): ``eghnrw serve``, or this ASGI application under any server.

>>> from eghnrw.doors.server import create_app  # doctest: +SKIP
>>> app = create_app(max_body=2_000_000)  # doctest: +SKIP

``eghnrw.doors.server:app`` is an application with the default limits, made on first use (so
``uvicorn eghnrw.doors.server:app`` works); :func:`create_app` makes one with other limits. The routes,
the problem details and the limits are described in docs/server.md. Nothing else in eghnrw imports
this package; it needs FastAPI and uvicorn (``pip install 'eghnrw[server]'``).
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.server._app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "app", "create_app", "from_environment"]

_APP: dict[str, Any] = {}


def from_environment() -> FastAPI:
    """An application whose body limit is ``EGHNRW_MAX_BODY`` (bytes) if set: the factory of ``eghnrw serve``.

    Raises:
        InvalidInputError: ``EGHNRW_MAX_BODY`` is not a positive whole number.
    """
    text = os.environ.get("EGHNRW_MAX_BODY", "").strip()
    if text and not text.isdigit():
        raise InvalidInputError("EGHNRW_MAX_BODY", text, "set the largest body to accept, in bytes (e.g. 1000000)")
    return create_app(max_body=int(text) if text else DEFAULT_MAX_BODY)


def __getattr__(name: str) -> Any:
    """``app``: the application with the default limits, made once on first use."""
    if name == "app":
        if "app" not in _APP:
            _APP["app"] = create_app()
        return _APP["app"]
    raise AttributeError(f"module 'eghnrw.doors.server' has no attribute {name!r}")
