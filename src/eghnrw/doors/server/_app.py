"""The ASGI application: the rules of :func:`eghnrw.core._rule.declarations` over HTTP.

Routes (docs/server.md): ``GET /rules``, ``POST /rules/{name}`` (``?explain=de|en``),
``POST /rules/{name}/batch``, ``POST /verify``, ``GET /openapi.json``, ``GET /docs``, ``GET /`` (the
page for clerks). Every request stands alone: no state, no database, no clock.

A rule runs on the event loop itself, not in a thread pool: a call takes microseconds to a few
milliseconds of pure computation, and a pool hop would cost more than it saves (docs/server.md has
the figures). More cores: ``eghnrw serve --workers N``.
"""

from __future__ import annotations

import difflib
import json
import logging
import warnings
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any, Final

try:
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.openapi.utils import get_openapi
    from fastapi.responses import HTMLResponse, Response, StreamingResponse
    from starlette.exceptions import HTTPException
    from starlette.requests import ClientDisconnect
    from starlette.types import Receive, Scope, Send
except ImportError as exc:  # pragma: no cover - the extra is installed wherever the tests run
    raise ImportError("the eghnrw service needs its extra: pip install 'eghnrw[server]'") from exc

import eghnrw
from eghnrw.core._rule import Rule, declarations
from eghnrw.core.errors import EghnrwError, InvalidInputError
from eghnrw.core.trace import Lang, Result, check_lang
from eghnrw.doors.server import _page
from eghnrw.doors.server._batch import cases
from eghnrw.doors.server._convert import keywords, loads
from eghnrw.doors.server._problems import (
    MEDIA_TYPE,
    BodyTooLargeError,
    UnknownRuleError,
    dumps,
    problem,
    problem_of,
)
from eghnrw.doors.server._schema import listing, openapi

__all__ = ["DEFAULT_MAX_BODY", "create_app", "read_body", "run_rule"]

#: The largest body the service reads (and, in a batch, the largest case): 1 MB.
DEFAULT_MAX_BODY: Final = 1_000_000

_log = logging.getLogger("eghnrw.server")
_JSON: Final = "application/json"
_NDJSON: Final = "application/x-ndjson"
_LIST_SUMMARY: Final = "Every rule: name, clauses, editions, inputs with their types"
_VERIFY_SUMMARY: Final = "Check an audit record: recomputed from its own inputs, compared field by field"


def _problem_response(exc: BaseException) -> Response:
    content = problem_of(exc)
    if content["status"] == 500:
        _log.error("unexpected error", exc_info=exc)
    return Response(dumps(content), status_code=content["status"], media_type=MEDIA_TYPE)


async def _on_error(_request: Request, exc: Exception) -> Response:
    return _problem_response(exc)


async def _on_http_error(_request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 400
    detail = exc.detail if isinstance(exc, HTTPException) and isinstance(exc.detail, str) else ""
    return Response(
        dumps(problem(status, detail or "see GET /rules and /docs")), status_code=status, media_type=MEDIA_TYPE
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before a byte is read; a chunked body,
    once the bytes read pass it.

    Raises:
        BodyTooLargeError: the body is larger than ``limit``.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def run_rule(function: Callable[..., Any], kwargs: Mapping[str, Any]) -> tuple[Result, list[str]]:
    """Call the rule; return its result and the warnings it gave (an outdated parameter, a deprecated keyword)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(**kwargs)
    return result, [str(w.message) for w in caught]


def _explain_lang(request: Request) -> Lang | None:
    lang = request.query_params.get("explain")
    if lang is None:
        return None
    try:
        return check_lang(lang)
    except InvalidInputError:
        raise InvalidInputError("explain", lang, 'pass "de" or "en", or leave explain out for the record') from None


class _Service:
    """The answers of the routes, over the declared rules and the body limit (no other state)."""

    def __init__(self, max_body: int) -> None:
        self.max_body = max_body
        self.rules = declarations()
        self.functions = {name: getattr(eghnrw, name) for name in self.rules}
        self.rules_body = json.dumps(listing(self.rules), ensure_ascii=False).encode()
        self.app: FastAPI | None = None
        self.openapi: dict[str, Any] = {}

    def find(self, name: str) -> tuple[Rule, Callable[..., Any]]:
        if name not in self.rules:
            raise UnknownRuleError(name, difflib.get_close_matches(name, list(self.rules), n=2))
        return self.rules[name], self.functions[name]

    def document(self) -> dict[str, Any]:
        """The OpenAPI document, built on first use (from the routes and the declarations)."""
        if not self.openapi and self.app is not None:
            app = self.app
            base = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            self.openapi = openapi(self.rules, base)
        return self.openapi

    async def list_rules(self) -> Response:
        return Response(self.rules_body, media_type=_JSON)

    async def call(self, name: str, request: Request) -> Response:
        declared, function = self.find(name)
        lang = _explain_lang(request)
        kwargs = keywords(declared, loads(await read_body(request, self.max_body)))
        result, warned = run_rule(function, kwargs)
        record = result.model_dump_json().encode()
        headers = {"Eghnrw-Warnings": json.dumps(warned)} if warned else None
        if lang is not None:
            explanation = json.dumps(result.explain(lang), ensure_ascii=False).encode()
            record = b'{"record":' + record + b',"explanation":' + explanation
            record += b',"warnings":' + json.dumps(warned, ensure_ascii=False).encode() + b"}"
        return Response(record, media_type=_JSON, headers=headers)

    async def batch(self, name: str, request: Request) -> StreamingResponse:
        declared, function = self.find(name)
        return _Lines(_batch_lines(declared, function, request.stream(), self.max_body), media_type=_NDJSON)

    async def verify(self, request: Request) -> Response:
        checked = _verify(await read_body(request, self.max_body))
        return Response(json.dumps(checked, ensure_ascii=False, default=str).encode(), media_type=_JSON)

    async def openapi_document(self) -> Response:
        return Response(json.dumps(self.document(), ensure_ascii=False).encode(), media_type=_JSON)

    async def docs(self) -> HTMLResponse:
        return HTMLResponse(_page.docs_page(self.document()))

    async def page(self, request: Request) -> HTMLResponse:
        return HTMLResponse(_page.render(self.rules, self.functions, request.query_params, None))

    async def page_submit(self, request: Request) -> HTMLResponse:
        form = _page.form_fields(await read_body(request, self.max_body))
        return HTMLResponse(_page.render(self.rules, self.functions, request.query_params, form))


def create_app(*, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """A new ASGI application serving every declared rule; ``max_body``: the largest body read, in bytes.

    Raises:
        InvalidInputError: ``max_body`` not a positive integer.
    """
    if isinstance(max_body, bool) or not isinstance(max_body, int) or max_body < 1:  # type: ignore[redundant-expr]
        raise InvalidInputError("max_body", max_body, "pass the largest body to accept, in bytes (e.g. 1_000_000)")
    service = _Service(max_body)
    app = FastAPI(
        title="eghnrw",
        version=eghnrw.__version__,
        description="The NRW framework agreements on Eingliederungshilfe (LRV, RV), computable: every rule "
        "with its clauses, exact to the cent, each result an audit record.",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    service.app = app
    for error, handler in (
        (Exception, _on_error),
        (EghnrwError, _on_error),
        (HTTPException, _on_http_error),
        (RequestValidationError, _on_http_error),
    ):
        app.add_exception_handler(error, handler)
    hidden: dict[str, Any] = {"include_in_schema": False}  # answered, but not a documented operation
    verify = {"summary": _VERIFY_SUMMARY, "tags": ["records"], "openapi_extra": _VERIFY_SCHEMA}
    for path, endpoint, method, documented in (
        ("/rules", service.list_rules, "GET", {"summary": _LIST_SUMMARY, "tags": ["rules"]}),
        ("/rules/{name}", service.call, "POST", hidden),
        ("/rules/{name}/batch", service.batch, "POST", hidden),
        ("/verify", service.verify, "POST", verify),
        ("/openapi.json", service.openapi_document, "GET", hidden),
        ("/docs", service.docs, "GET", hidden),
        ("/", service.page, "GET", hidden),
        ("/", service.page_submit, "POST", hidden),
    ):
        app.add_api_route(path, endpoint, methods=[method], **documented)
    return app


class _Lines(StreamingResponse):
    """A streamed answer that reads the request body while it writes.

    Starlette's own listens for the client's disconnect while it streams, and so would take the
    body's messages away from the request; here a disconnect shows in the body's stream instead.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: ARG002
        await self.stream_response(send)


async def _batch_lines(
    declared: Rule, function: Callable[..., Any], chunks: AsyncIterator[bytes], limit: int
) -> AsyncIterator[bytes]:
    """One line per case: its audit record, or a problem object naming the case; a broken body ends the stream."""
    n = 0
    try:
        async for text in cases(chunks, limit):
            try:
                result, _warned = run_rule(function, keywords(declared, loads(text, "case")))
                yield result.model_dump_json().encode() + b"\n"
            except Exception as exc:  # noqa: BLE001 - each case answers for itself, the stream goes on
                yield _case_problem(exc, n)
            n += 1
    except ClientDisconnect:
        return
    except Exception as exc:  # noqa: BLE001 - the body itself is broken: say so on the last line
        yield _case_problem(exc, n)


def _case_problem(exc: BaseException, n: int) -> bytes:
    content = problem_of(exc)
    if content["status"] == 500:
        _log.error("unexpected error in case %d", n, exc_info=exc)
    return dumps({**content, "case": n}) + b"\n"


def _verify(record: bytes) -> dict[str, Any]:
    """``POST /verify``: :func:`eghnrw.verify_record` on the record's JSON text, as a JSON object.

    ``valid`` and ``differences`` (each ``{"path", "recorded", "recomputed"}``), then what else
    the verification found: ``result_type``, ``rule``, ``recorded_version``, ``recomputed``, ``notes``.
    """
    checked = eghnrw.verify_record(record)
    return {
        "valid": checked.valid,
        "differences": [difference._asdict() for difference in checked.differences],
        "result_type": checked.result_type,
        "rule": checked.rule,
        "recorded_version": checked.recorded_version,
        "recomputed": checked.recomputed,
        "notes": list(checked.notes),
    }


_VERIFY_SCHEMA: Final = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object", "description": "an audit record"}}},
    },
    "responses": {
        "200": {
            "description": "whether the record recomputes to itself, and where it does not",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["valid", "differences", "result_type", "rule", "recomputed", "notes"],
                        "properties": {
                            "valid": {"type": "boolean"},
                            "differences": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["path", "recorded", "recomputed"],
                                    "properties": {"path": {"type": "string"}, "recorded": {}, "recomputed": {}},
                                },
                            },
                            "result_type": {"type": "string"},
                            "rule": {"type": "string"},
                            "recorded_version": {"type": "string"},
                            "recomputed": {"type": "boolean"},
                            "notes": {"type": "array", "items": {"type": "string"}},
                        },
                    }
                }
            },
        }
    },
}
