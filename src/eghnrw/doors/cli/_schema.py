"""The JSON Schema of one case of a case file for ``eghnrw run`` (``eghnrw schema --cases``)."""

from __future__ import annotations

from typing import Any

from eghnrw.doors.cli._fields import SHAPE
from eghnrw.doors.cli._kinds import KINDS

__all__ = ["case_schema"]


def case_schema() -> dict[str, Any]:
    """The JSON Schema of one case of a case file: ``kind`` picks the calculation, the other keys its fields."""
    json_types: dict[str, dict[str, Any]] = {
        "amount": {"type": ["string", "integer", "number"], "description": SHAPE["amount"]},
        "int": {"type": ["integer", "string"]},
        "date": {"type": "string", "format": "date"},
        "bool": {"type": ["boolean", "string"]},
        "mapping": {"type": ["object", "string"], "additionalProperties": {"type": ["string", "integer", "number"]}},
        "list": {"type": ["array", "string"], "items": {"type": "string"}},
        "text": {"type": "string"},
        "choice": {"type": "string"},
        "participants": {"type": ["integer", "string", "array"]},
        "periods": {
            "type": ["array", "string"],
            "items": {"type": "array", "items": {"type": "string", "format": "date"}, "minItems": 2, "maxItems": 2},
        },
    }
    variants = []
    for kind in KINDS.values():
        properties: dict[str, Any] = {
            "kind": {"const": kind.name},
            "id": {"type": ["string", "integer"], "description": "your reference, echoed in the output"},
        }
        for f in kind.fields:
            schema = dict(json_types[f.type])
            if f.choices:
                schema["enum"] = list(f.choices)
            properties[f.name] = {**schema, "description": f.help}
        variants.append(
            {
                "title": kind.name,
                "description": f"{kind.summary} ({kind.clauses})",
                "type": "object",
                "properties": properties,
                "required": ["kind", *(f.name for f in kind.fields if f.required)],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "eghnrw case",
        "description": "One case of a file for `eghnrw run`; a CSV file has the same names as columns.",
        "oneOf": variants,
    }
