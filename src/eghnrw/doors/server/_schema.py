"""What the service says about its rules, derived from their declarations: ``GET /rules`` and OpenAPI.

Each rule's request is a pydantic model built from ``Rule.inputs`` (its keywords, their annotations
and defaults); its response is the JSON Schema of its result class (``Rule.result``) in
serialisation mode, so the document describes the audit record exactly as ``model_dump_json()``
writes it. In both, a ``Decimal`` is what the service reads and writes: a string in plain decimal
syntax (an integer is also accepted where the annotation allows ``int``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema, to_jsonable_python

from eghnrw.core._rule import Rule
from eghnrw.doors.server._problems import MEDIA_TYPE

__all__ = ["listing", "openapi", "request_model"]

#: Plain decimal syntax, the only one eghnrw reads (``eghnrw.core.money``).
DECIMAL_PATTERN: Final = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$"
_MODULE_PREFIX: Final = re.compile(r"\b(?:[a-z_]\w*\.)+(?=[A-Za-z_]\w*)")


class _JsonSide(GenerateJsonSchema):
    """JSON Schema as the service reads and writes JSON: a Decimal is a string, never a JSON number."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:  # noqa: ARG002
        return {"type": "string", "pattern": DECIMAL_PATTERN, "description": "an amount in plain decimal syntax"}


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


@cache
def request_model(declared: Rule) -> type[BaseModel]:
    """The request body of ``declared`` as a pydantic model (for its JSON Schema only)."""
    fields: dict[str, Any] = {
        item.name: (item.annotation, ... if item.required else item.default) for item in declared.inputs
    }
    config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, title=f"{_camel(declared.name)}Request")
    return create_model(f"{_camel(declared.name)}Request", __config__=config, **fields)


def _type_name(annotation: Any) -> str:
    """The annotation as a reader writes it: ``Decimal | int | str | None``, ``date``."""
    text = annotation.__name__ if isinstance(annotation, type) else str(annotation)
    return _MODULE_PREFIX.sub("", text.replace("typing.", ""))


def _components(rules: Mapping[str, Rule]) -> tuple[dict[Any, JsonSchemaValue], dict[str, Any]]:
    models: list[tuple[type[BaseModel], Any]] = []
    for declared in rules.values():
        models.append((request_model(declared), "validation"))
        models.append((declared.result, "serialization"))
    return models_json_schema(models, ref_template="#/components/schemas/{model}", schema_generator=_JsonSide)


def listing(rules: Mapping[str, Rule]) -> list[dict[str, Any]]:
    """``GET /rules``: one object per rule, with its clauses, editions and typed inputs."""
    refs, document = _components(rules)
    definitions = document.get("$defs", {})
    found = []
    for name, declared in rules.items():
        schema = definitions[_ref_name(refs[request_model(declared), "validation"])]
        properties = schema.get("properties", {})
        found.append(
            {
                "name": name,
                "command": declared.command_name,
                "summary": declared.summary,
                "ids": list(declared.ids),
                "clauses": list(declared.clauses),
                "editions": list(declared.editions),
                "parameters": list(declared.parameters),
                "result": declared.result.__name__,
                "inputs": [
                    {
                        "name": item.name,
                        "type": _type_name(item.annotation),
                        "required": item.required,
                        **({} if item.required else {"default": to_jsonable_python(item.default)}),
                        "schema": properties.get(item.name, {}),
                    }
                    for item in declared.inputs
                ],
            }
        )
    return found


def _ref_name(schema: JsonSchemaValue) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def _problem_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


_PROBLEM: Final = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "field": {"type": "string", "description": "the argument or its path (422)"},
        "expected": {"type": "string", "description": "what to pass instead (422)"},
        "case": {"type": "integer", "description": "the case of a batch, counted from 0"},
    },
}
_EXPLAIN: Final = {
    "name": "explain",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["de", "en"]},
    "description": 'adds the explanation: the answer is then {"record": <audit record>, "explanation": <text>, '
    '"warnings": [...]}',
}


def _rule_paths(name: str, declared: Rule, request: JsonSchemaValue, response: JsonSchemaValue) -> dict[str, Any]:
    description = f"{declared.summary}\n\nClauses: {', '.join(declared.clauses)}. RULES.md: {', '.join(declared.ids)}."
    errors = {"404": _problem_response("unknown rule"), "413": _problem_response("body over the limit")}
    return {
        f"/rules/{name}": {
            "post": {
                "operationId": name,
                "summary": declared.summary,
                "description": description,
                "tags": ["rules"],
                "parameters": [_EXPLAIN],
                "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
                "responses": {
                    "200": {
                        "description": f"the audit record of a {declared.result.__name__} (model_dump_json())",
                        "content": {"application/json": {"schema": response}},
                    },
                    "422": _problem_response("bad input: the problem names the field"),
                    **errors,
                },
            }
        },
        f"/rules/{name}/batch": {
            "post": {
                "operationId": f"{name}_batch",
                "summary": f"{declared.summary} (many cases)",
                "description": "A JSON array of request objects, or JSON lines; one line per case comes back, "
                "in order: the audit record, or a problem object with the case's index.",
                "tags": ["batch"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"type": "array", "items": request}},
                        "application/x-ndjson": {"schema": request},
                    },
                },
                "responses": {
                    "200": {
                        "description": "JSON lines: one audit record (or problem object) per case",
                        "content": {"application/x-ndjson": {"schema": {"oneOf": [response, _PROBLEM_REF]}}},
                    },
                    **errors,
                },
            }
        },
    }


_PROBLEM_REF: Final = {"$ref": "#/components/schemas/Problem"}


def openapi(rules: Mapping[str, Rule], base: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI 3.1 document: ``base`` (the fixed routes, from FastAPI) plus a path pair per rule."""
    refs, document = _components(rules)
    paths: dict[str, Any] = {}
    for name, declared in rules.items():
        request = refs[request_model(declared), "validation"]
        response = refs[declared.result, "serialization"]
        paths.update(_rule_paths(name, declared, request, response))
    merged = dict(base)
    merged["paths"] = {**base.get("paths", {}), **paths}
    schemas = {**base.get("components", {}).get("schemas", {}), **document.get("$defs", {}), "Problem": _PROBLEM}
    merged["components"] = {**base.get("components", {}), "schemas": schemas}
    return merged
