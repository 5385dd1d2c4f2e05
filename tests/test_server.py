"""The service (eghnrw.doors.server) over HTTP: every rule, problem details, limits, batch, OpenAPI, the page.

Against the ASGI application with Starlette's TestClient (the whole stack but the socket; the
socket is tested in tests/test_server_browser.py). The expected records are the Python calls'
``model_dump_json()``; the service must give exactly those bytes.
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from fastapi.testclient import TestClient
from pydantic_core import to_jsonable_python

import eghnrw as e
from eghnrw.core._rule import declarations
from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.server import DEFAULT_MAX_BODY, _app, create_app, from_environment
from fuzz.fuzz_table import SPECS

PROBLEM = "application/problem+json"
#: DESIGN.md's example: 1,000,000 ÷ (20 places × 365 days × 95 %) = 1,000,000 ÷ 6,935 = 144.1961… → 144.20.
DAILY = {"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": 365}
RULES = declarations()
_SPECS = {spec.name: spec for spec in SPECS}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def _baseline(name: str) -> dict[str, Any]:
    """The fuzz table's valid call of rule ``name``, as keyword arguments."""
    keywords = {item.name for item in RULES[name].inputs}
    return {arg.name: arg.valid for arg in _SPECS[name].args if arg.name in keywords}


def _python_record(name: str, kwargs: dict[str, Any]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the service puts warnings in a header; the record is the same
        return str(getattr(e, name)(**kwargs).model_dump_json())


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail"} <= body.keys()
    return body


# --- the rules -----------------------------------------------------------------------------------


def test_daily_rate_answers_the_design_example(client):
    response = client.post("/rules/daily_rate", json=DAILY)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json()["amount"] == "144.20"
    assert response.text == _python_record("daily_rate", DAILY)


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_answers_the_record_of_its_python_call(client, name):
    kwargs = _baseline(name)
    response = client.post(f"/rules/{name}", content=json.dumps(to_jsonable_python(kwargs)))
    assert response.status_code == 200, response.text
    assert response.text == _python_record(name, kwargs)


def test_rules_lists_every_rule_with_clauses_editions_and_typed_inputs(client):
    listed = client.get("/rules").json()
    assert [item["name"] for item in listed] == list(RULES)
    daily = next(item for item in listed if item["name"] == "daily_rate")
    assert daily["clauses"][0] == "LRV A.4.5 Abs. 2"
    assert daily["editions"] == ["LRV", "LRV B.4"]
    assert daily["command"] == "daily-rate"
    assert [(i["name"], i["type"], i["required"]) for i in daily["inputs"]] == [
        ("annual_cost", "Decimal | int | str", True),
        ("places", "int", True),
        ("occupancy_percent", "Decimal | int | str", True),
        ("days", "Decimal | int | str | None", False),
        ("on", "date | None", False),
        ("overrides", "Mapping[str, Decimal | int | str] | None", False),
    ]
    assert daily["inputs"][3]["default"] is None
    assert daily["inputs"][1]["schema"] == {"title": "Places", "type": "integer"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_explain_wraps_the_record_with_its_explanation(client, lang):
    response = client.post(f"/rules/daily_rate?explain={lang}", json=DAILY)
    body = response.json()
    result = e.daily_rate(**DAILY)
    assert body["explanation"] == result.explain(lang)
    assert body["warnings"] == []
    assert json.dumps(body["record"], separators=(",", ":"), ensure_ascii=False) == result.model_dump_json()


def test_dates_are_read_in_iso_8601(client):
    response = client.post("/rules/rv_termination", json={"notice_received": "2025-10-01"})
    assert response.text == e.rv_termination(notice_received=date(2025, 10, 1)).model_dump_json()


def test_a_warning_of_the_rule_travels_in_a_header(client):
    # 2150 lies past the last maintained value of the KGSt hours: the last one is carried forward
    response = client.post("/rules/hourly_rate", json={"annual_personnel_cost": "63360", "on": "2150-01-01"})
    assert response.status_code == 200
    warned = json.loads(response.headers["eghnrw-warnings"])
    assert len(warned) == 1
    assert "kgst" in warned[0].lower()


# --- problem details -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field", "text"),
    [
        (
            '{"annual_cost": "1000000", "places": 20, "occupancy_percent": 95.0, "days": 365}',
            "occupancy_percent",
            '"95.0"',
        ),
        ('{"annual_cost": 1e6, "places": 20, "occupancy_percent": "95", "days": 365}', "annual_cost", '"1000000"'),
        (
            '{"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": 365, "overrides": {"x": 0.5}}',
            "overrides.x",
            '"0.5"',
        ),
    ],
)
def test_a_json_float_is_refused_naming_its_field(client, body, field, text):
    problem = _problem(client.post("/rules/daily_rate", content=body), 422)
    assert problem["field"] == field
    assert problem["type"] == "urn:eghnrw:problem:invalid-input"
    assert text in problem["expected"]


@pytest.mark.parametrize(
    ("body", "field", "expected"),
    [
        ({**DAILY, "occupancy_percent": "0"}, "occupancy_percent", "above 0"),
        ({**DAILY, "on": "31.12.2024"}, "on", "ISO 8601"),
        ({**DAILY, "cost": "1"}, "cost", "daily_rate takes only annual_cost"),
        ({"places": 20, "occupancy_percent": "95"}, "annual_cost", "needs annual_cost"),
        ({**DAILY, "annual_cost": "1.234,56"}, "annual_cost", ""),
        ([1, 2], "body", "JSON object"),
    ],
)
def test_bad_input_is_a_422_problem_naming_the_field(client, body, field, expected):
    problem = _problem(client.post("/rules/daily_rate", json=body), 422)
    assert problem["field"] == field
    assert expected in problem["expected"]
    assert problem["detail"].startswith(f"{field}: got ")


@pytest.mark.parametrize("body", [b"{", b'{"annual_cost": NaN}', b"\xff", b'{"places": 1' + b"0" * 5000 + b"}"])
def test_a_body_that_is_not_json_is_a_422_problem(client, body):
    assert _problem(client.post("/rules/daily_rate", content=body), 422)["field"] == "body"


def test_a_nested_model_names_the_path_of_its_bad_field(client):
    kwargs = to_jsonable_python(_baseline("assistenz_hourly_rate"))
    kwargs["table"]["entries"][0]["valid_from"] = "2024-13-01"
    problem = _problem(client.post("/rules/assistenz_hourly_rate", json=kwargs), 422)
    assert problem["field"] == "table.entries[0].valid_from"


def test_an_unknown_rule_is_a_404_problem_with_a_suggestion(client):
    problem = _problem(client.post("/rules/daily_rat", json=DAILY), 404)
    assert "daily_rate" in problem["detail"]


def test_a_wrong_method_is_a_405_problem(client):
    _problem(client.get("/rules/daily_rate"), 405)


def test_an_unknown_explain_language_is_refused(client):
    assert _problem(client.post("/rules/daily_rate?explain=fr", json=DAILY), 422)["field"] == "explain"


def test_a_10_mb_body_is_refused_with_413_before_it_is_read(client):
    problem = _problem(client.post("/rules/daily_rate", content=b" " * 10_000_000), 413)
    assert problem["limit"] == DEFAULT_MAX_BODY


def test_a_chunked_body_is_refused_once_it_passes_the_limit():
    read: list[int] = []

    def chunks() -> Iterator[bytes]:
        for n in range(100):  # 100 × 1,000 bytes, no Content-Length
            read.append(n)
            yield b" " * 1000

    with TestClient(create_app(max_body=10_000), raise_server_exceptions=False) as small:
        _problem(small.post("/rules/daily_rate", content=chunks()), 413)


def test_an_unexpected_error_is_a_500_problem_that_tells_nothing(monkeypatch, client):
    def broken(*_args: Any) -> None:
        raise RuntimeError("secret internals at /srv/eghnrw")

    monkeypatch.setattr(_app, "run_rule", broken)
    response = client.post("/rules/daily_rate", json=DAILY)
    problem = _problem(response, 500)
    assert "secret" not in response.text
    assert "RuntimeError" not in response.text
    assert "Traceback" not in response.text
    assert problem["type"] == "about:blank"


def test_the_body_limit_must_be_a_positive_number():
    with pytest.raises(InvalidInputError, match=r"^max_body: got 0;"):
        create_app(max_body=0)


def test_the_body_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("EGHNRW_MAX_BODY", "50")
    with TestClient(from_environment(), raise_server_exceptions=False) as small:
        assert _problem(small.post("/rules/daily_rate", json=DAILY), 413)["limit"] == 50
    monkeypatch.setenv("EGHNRW_MAX_BODY", "1 MB")
    with pytest.raises(InvalidInputError, match=r"^EGHNRW_MAX_BODY: got '1 MB';"):
        from_environment()


# --- batch ---------------------------------------------------------------------------------------


def _lines(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in response.text.splitlines()]


def test_a_batch_array_answers_one_record_per_case_in_order(client):
    cases = [DAILY, {**DAILY, "places": 10}]
    response = client.post("/rules/daily_rate/batch", json=cases)
    assert response.text.splitlines() == [_python_record("daily_rate", case) for case in cases]
    # 1,000,000 ÷ (10 × 365 × 0.95 = 3,467.5) = 288.39…
    assert [line["amount"] for line in _lines(response)] == ["144.20", "288.39"]


def test_a_batch_of_json_lines_answers_a_problem_for_a_bad_case_and_goes_on(client):
    body = "\n".join(json.dumps(case) for case in [DAILY, {**DAILY, "places": 0}, DAILY]) + "\n"
    lines = _lines(client.post("/rules/daily_rate/batch", content=body))
    assert [line.get("amount") for line in lines] == ["144.20", None, "144.20"]
    assert lines[1]["case"] == 1
    assert lines[1]["field"] == "places"
    assert lines[1]["status"] == 422


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'[{"annual_cost": "1", "places": 1, "occupancy_percent": "1", "days": 1}', "body"),  # not closed
        (b'[{"annual_cost": "1", "places": 1, "occupancy_percent": "1", "days": 1}] x', "body"),
        (b"[,]", "body"),
    ],
)
def test_a_broken_batch_body_ends_with_a_problem_line(client, body, field):
    lines = _lines(client.post("/rules/daily_rate/batch", content=body))
    assert lines[-1]["status"] == 422
    assert lines[-1]["field"] == field


def test_a_batch_case_over_the_limit_ends_the_stream_with_413():
    with TestClient(create_app(max_body=200), raise_server_exceptions=False) as small:
        body = json.dumps([DAILY, {**DAILY, "label": "x" * 500}, DAILY])
        lines = _lines(small.post("/rules/daily_rate/batch", content=body))
    assert [line.get("amount") for line in lines] == ["144.20", None]
    assert lines[1]["status"] == 413
    assert lines[1]["case"] == 1


def test_a_batch_for_an_unknown_rule_is_a_404_problem(client):
    _problem(client.post("/rules/nothing/batch", json=[DAILY]), 404)


# --- verify --------------------------------------------------------------------------------------


def test_verify_finds_a_record_valid(client):
    record = e.daily_rate(**DAILY).model_dump_json()
    answer = client.post("/verify", content=record).json()
    assert answer["valid"] is True
    assert answer["differences"] == []
    assert answer["rule"] == "daily_rate"
    assert answer == {**answer, "result_type": "DailyRateResult", "recomputed": True}


def test_verify_names_an_edited_amount(client):
    record = json.loads(e.daily_rate(**DAILY).model_dump_json())
    answer = client.post("/verify", json={**record, "amount": "144.21"}).json()
    assert answer["valid"] is False
    assert answer["differences"] == [{"path": "amount", "recorded": "144.21", "recomputed": "144.20"}]


def test_verify_refuses_what_is_no_record(client):
    _problem(client.post("/verify", content=b"[1]"), 422)
    _problem(client.post("/verify", content=b"{"), 422)


# --- OpenAPI and the docs page -------------------------------------------------------------------


def test_the_openapi_document_is_valid_and_has_a_path_per_rule(client):
    validator = pytest.importorskip("openapi_spec_validator")
    document = client.get("/openapi.json").json()
    validator.validate(document)
    assert document["openapi"].startswith("3.")
    rule_paths = {path for path in document["paths"] if path.startswith("/rules/")}
    assert rule_paths == {f"/rules/{name}" for name in RULES} | {f"/rules/{name}/batch" for name in RULES}
    assert {"/rules", "/verify"} <= document["paths"].keys()
    request = document["components"]["schemas"]["DailyRateRequest"]
    assert request["required"] == ["annual_cost", "places", "occupancy_percent"]
    assert request["additionalProperties"] is False


def test_the_openapi_response_schema_describes_the_record(client):
    jsonschema = pytest.importorskip("jsonschema")
    document = client.get("/openapi.json").json()
    operation = document["paths"]["/rules/daily_rate"]["post"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert reference == {"$ref": "#/components/schemas/DailyRateResult"}
    schema = {**reference, "components": document["components"]}
    jsonschema.validate(client.post("/rules/daily_rate", json=DAILY).json(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**client.post("/rules/daily_rate", json=DAILY).json(), "amount": 144.2}, schema)


def test_the_docs_page_lists_every_rule_and_loads_nothing_from_elsewhere(client):
    page = client.get("/docs")
    assert page.status_code == 200
    for name in RULES:
        assert f"POST /rules/{name}</code>" in page.text
    assert "http://" not in page.text
    assert "https://" not in page.text


# --- the page for clerks -------------------------------------------------------------------------


def test_the_page_offers_every_rule_in_german(client):
    page = client.get("/").text
    assert '<html lang="de">' in page
    for name in RULES:
        assert f'<option value="{name}"' in page
    assert "http://" not in page
    assert "https://" not in page


def test_the_form_has_a_label_for_every_input_and_marks_the_required(client):
    page = client.get("/?rule=daily_rate").text
    for item in RULES["daily_rate"].inputs:
        assert f'<label for="f-{item.name}">' in page
        assert f'id="f-{item.name}"' in page
    assert page.count(" required") == 3
    assert page.count("Pflichtangabe") == 3
    # what each keyword means comes from the rule's declaration (the command line's help shows the same)
    assert "agreed occupancy in percent, above 0, at most 100</label>" in page


def test_the_form_reads_a_german_decimal_comma_and_shows_every_step(client):
    form = {"annual_cost": "1.000.000,00", "places": "20", "occupancy_percent": "95,0", "days": "365", "on": ""}
    page = client.post("/?rule=daily_rate", data=form).text
    assert "<strong>144,20</strong>" in page
    for clause in {s.clause for s in e.daily_rate(**DAILY).steps}:
        assert clause in page
    assert 'download="daily_rate.json"' in page
    assert 'download="daily_rate.ics"' not in page  # no dates in a daily rate


def test_the_form_refuses_a_decimal_point_in_german(client):
    page = client.post("/?rule=daily_rate", data={**DAILY, "annual_cost": "1.000", "places": "20"}).text
    assert 'role="alert"' in page
    assert "decimal comma" in page
    assert (
        'id="f-annual_cost" name="annual_cost" aria-describedby="h-f-annual_cost" required aria-invalid="true"' in page
    )


def test_the_form_in_english_reads_decimal_points(client):
    page = client.post("/?rule=daily_rate&lang=en", data={**DAILY, "occupancy_percent": "95.0", "places": "20"}).text
    assert '<html lang="en">' in page
    assert "Daily rate: 144.20" in page


def test_a_result_with_dates_can_be_downloaded_as_a_calendar(client):
    page = client.post("/?rule=rv_termination", data={"notice_received": "2025-10-01"}).text
    assert 'download="rv_termination.ics"' in page
    assert 'download="rv_termination.json"' in page


def test_a_form_value_that_is_json_goes_to_the_rule(client):
    data = {"base": "50000", "surcharges_percent": '{"gemeinkosten": "12,5"}'}
    page = client.post("/?rule=surcharge_schedule&lang=en", data=data).text
    assert 'role="alert"' in page  # JSON values are read as JSON: "12,5" is no amount
    data["surcharges_percent"] = '{"gemeinkosten": "12.5"}'
    page = client.post("/?rule=surcharge_schedule&lang=en", data=data).text
    assert "6,250.00" in page  # 50,000 × 12.5 % = 6,250.00


def test_every_rule_has_a_form(client):
    for name in RULES:
        page = client.get(f"/?rule={name}")
        assert page.status_code == 200
        assert f'<h2 id="rule-name">{name}</h2>' in page.text


def test_decimal_and_date_values_of_python_keep_their_meaning_in_json():
    assert to_jsonable_python({"a": Decimal("0.10"), "d": date(2025, 1, 31)}) == {"a": "0.10", "d": "2025-01-31"}


# --- eghnrw serve --------------------------------------------------------------------------------


def test_serve_starts_uvicorn_on_the_factory_with_the_options(monkeypatch):
    import uvicorn  # noqa: PLC0415 - only here

    from eghnrw.doors.cli import main  # noqa: PLC0415

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv("EGHNRW_MAX_BODY", "1")  # restored after the test, whatever serve sets
    assert main(["serve", "--port", "8123", "--workers", "2", "--max-body", "5000"]) == 0
    assert calls == [
        (
            ("eghnrw.doors.server:from_environment",),
            {"factory": True, "host": "127.0.0.1", "port": 8123, "workers": 2, "log_level": "info"},
        )
    ]
    assert os.environ["EGHNRW_MAX_BODY"] == "5000"


@pytest.mark.parametrize("argv", [["--port", "x"], ["--port", "70000"], ["--workers", "0"], ["--max-body", "1MB"]])
def test_serve_refuses_bad_options(argv, capsys):
    from eghnrw.doors.cli import main  # noqa: PLC0415

    assert main(["serve", *argv]) == 2
    assert "serve: error:" in capsys.readouterr().err


def test_the_server_docs_page_runs():
    doc = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs" / "server.md"
    if not doc.is_file():
        pytest.skip("docs/server.md is not beside the tests")
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 1
    exec(compile(blocks[0], str(doc), "exec"), {"__name__": "docs_server"})  # noqa: S102 - our own docs


# --- the remaining edges -------------------------------------------------------------------------


def test_the_module_app_is_made_once_and_serves():
    from eghnrw.doors import server  # noqa: PLC0415

    assert server.app is server.app
    with TestClient(server.app) as module_client:
        assert module_client.post("/rules/daily_rate", json=DAILY).json()["amount"] == "144.20"
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = server.nothing


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch, capsys):
    from eghnrw.doors.cli import main  # noqa: PLC0415

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn raises ImportError
    assert main(["serve"]) == 2
    assert "pip install 'eghnrw[server]'" in capsys.readouterr().err


def test_an_unexpected_error_in_a_batch_case_is_a_500_line_that_tells_nothing(monkeypatch, client):
    def broken(*_args: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(_app, "run_rule", broken)
    lines = _lines(client.post("/rules/daily_rate/batch", json=[DAILY, DAILY]))
    assert [(line["status"], line["case"]) for line in lines] == [(500, 0), (500, 1)]
    assert "secret" not in json.dumps(lines)


def test_a_record_of_no_known_kind_is_refused_where_a_result_is_taken(client):
    problem = _problem(client.post("/rules/compare", json={"old": "100", "new": {"result_type": "Nothing"}}), 422)
    assert problem["field"] == "new.result_type"
    assert "result" in problem["expected"]


def test_the_form_reads_yes_and_no_and_refuses_anything_else(client):
    # KdU: 700 over a limit of 500 → threshold 625 (500 × 1.25); itemised or not, 75.00 is above it
    form = {"actual_costs": "700", "adequacy_limit": "500", "itemised": "true"}
    assert "75,00" in client.post("/?rule=kdu_check", data=form).text
    page = client.post("/?rule=kdu_check", data={**form, "itemised": "vielleicht"}).text
    assert 'role="alert"' in page
    assert "choose yes or no" in page


def test_an_unexpected_error_on_the_page_shows_no_internals(monkeypatch, client):
    from eghnrw.doors.server import _page  # noqa: PLC0415

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(_page, "keywords", broken)
    page = client.post("/?rule=daily_rate", data={**DAILY, "places": "20", "days": "365"}).text
    assert 'role="alert"' in page
    assert "secret" not in page
    assert "has been logged" in page
