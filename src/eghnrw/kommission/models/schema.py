"""The JSON Schema of eghnrw's input models, for other software (and the CLI) to validate against."""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ConfigDict, RootModel
from pydantic.json_schema import models_json_schema

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models.commission import CommissionComposition, CommissionMember, Sitting
from eghnrw.kommission.models.house import House
from eghnrw.kommission.models.modules import ServiceModule
from eghnrw.kommission.models.party import Party
from eghnrw.kommission.models.persons import CaseRecord, Person
from eghnrw.kommission.models.providers import (
    Kostenbestandteile,
    Leistungsvereinbarung,
    Provider,
    Verguetungsvereinbarung,
)
from eghnrw.kommission.models.service_costs import Kalkulation

__all__ = ["input_schema"]

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


class Module(RootModel):  # type: ignore[type-arg] # not RootModel[...]: a parametrised class is built at once
    """Any service module, told apart by ``kind`` (a root model of :data:`ServiceModule`)."""

    model_config = ConfigDict(defer_build=True)  # built on first use: 16 ms off every import
    root: ServiceModule


#: The models other software fills with its own data, by the name used in the schema.
INPUT_MODELS: Final[dict[str, type[BaseModel]]] = {
    "CaseRecord": CaseRecord,
    "CommissionComposition": CommissionComposition,
    "CommissionMember": CommissionMember,
    "House": House,
    "Kalkulation": Kalkulation,
    "Kostenbestandteile": Kostenbestandteile,
    "Leistungsvereinbarung": Leistungsvereinbarung,
    "Module": Module,
    "Party": Party,
    "Person": Person,
    "Provider": Provider,
    "Sitting": Sitting,
    "Verguetungsvereinbarung": Verguetungsvereinbarung,
}


def input_schema(model: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input models, or of one of them by name.

    Without ``model``: one document whose ``$defs`` hold every input model and whose ``anyOf``
    accepts any of them. Amounts are strings in plain decimal syntax (or JSON integers), never
    JSON fractions; dates are ``"YYYY-MM-DD"``; unknown keys are refused.

    >>> sorted(input_schema("Module")["discriminator"]["mapping"])[:2]
    ['assistenz', 'fachmodul_pflegefamilien']
    >>> input_schema()["$defs"]["Sitting"]["properties"]["lvr"]["maximum"]
    6

    Raises:
        InvalidInputError: ``model`` is not the name of an input model.
    """
    if model is not None:
        if not isinstance(model, str) or model not in INPUT_MODELS:  # type: ignore[redundant-expr] # any value may come
            raise InvalidInputError("model", model, "pass one of " + ", ".join(INPUT_MODELS))
        return {"$schema": JSON_SCHEMA_DIALECT, **INPUT_MODELS[model].model_json_schema(mode="validation")}
    _, document = models_json_schema(
        [(cls, "validation") for cls in INPUT_MODELS.values()],
        title="eghnrw input models",
        description="Data held by other software and validated with eghnrw's models (LRV, RV NRW).",
    )
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        **document,
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in INPUT_MODELS],
    }
