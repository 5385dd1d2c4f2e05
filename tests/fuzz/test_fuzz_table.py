"""The fuzz table reads the rule declarations: a declared rule's Spec is derived, never written again."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Literal

import pytest

from eghnrw.core._rule import Rule, declarations
from eghnrw.core.enums import AuditKind, Side
from eghnrw.core.money import Amount
from eghnrw.verguetung.billing import InvoiceItem
from fuzz.fuzz_table import BY_NAME, DECLARED_SPECS, KINDS, OVERRIDES, Arg, Spec, derived_spec, kind_of


def _signature(function: Any) -> list[tuple[str, bool]]:
    return [
        (p.name, p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
        for p in inspect.signature(function).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def test_every_declared_rule_has_a_derived_spec() -> None:
    assert sorted(s.name for s in DECLARED_SPECS) == sorted(declarations())
    assert all(BY_NAME[s.name] is s for s in DECLARED_SPECS)  # no hand-written Spec beside a derived one


@pytest.mark.parametrize("name", sorted(declarations()))
def test_a_derived_spec_has_the_arguments_of_the_signature_in_order(name: str) -> None:
    spec = BY_NAME[name]
    assert [(a.name, a.positional) for a in spec.args] == _signature(declarations()[name].function)


@pytest.mark.parametrize(
    ("annotation", "kind"),
    [
        (date, "date"),
        (date | None, "opt_date"),
        (Amount, "amount"),
        (Amount | None, "opt_amount"),
        (int, "count"),
        (int | None, "any"),  # None may stand for another argument's value: no kind refuses the rest
        (bool, "bool"),
        (bool | None, "opt_bool"),
        (str, "text"),
        (str | None, "opt_text"),
        (Literal["year", "calendar_year"], "choice"),
        (Literal["a"] | None, "opt_choice"),
        (AuditKind | str, "choice"),
        (Side | str | None, "opt_choice"),
        (Mapping[str, Amount], "mapping"),
        (Mapping[str, Amount] | None, "opt_mapping"),
        (InvoiceItem | Mapping[str, Any], "model"),
        (InvoiceItem | None, "opt_model"),
        (Iterable[str], "iterable"),
        (Sequence[InvoiceItem | Mapping[str, Any]], "iterable"),
        (Iterable[str] | None, "any"),
        (Amount | Mapping[str, Amount] | None, "any"),
        (int | Sequence[Amount], "any"),
        (Any, "any"),
    ],
)
def test_the_kind_of_an_argument_comes_from_its_annotation(annotation: Any, kind: str) -> None:
    assert kind_of(annotation) == kind


def _made_up(kind: AuditKind | str, /, *, on: date, fee: Amount, days: int = 365, note: str | None = None) -> None:
    """A rule that exists only in this test (never declared: no registry entry)."""


def test_a_spec_takes_the_example_then_the_default() -> None:
    declared = Rule(_made_up, ("M19",), ("LRV B.4.10 Abs. 3",), example={"on": date(2024, 1, 2), "fee": "1.00"})
    assert derived_spec(declared) == Spec(
        "_made_up",
        (
            Arg("kind", None, "choice", positional=True),  # required, no example: an OVERRIDES entry must give it
            Arg("on", date(2024, 1, 2), "date"),
            Arg("fee", "1.00", "amount"),
            Arg("days", 365, "count"),
            Arg("note", None, "opt_text"),
        ),
    )


def test_a_declared_example_is_the_baseline_without_an_override() -> None:
    assert "kursgebuehr" not in OVERRIDES
    assert BY_NAME["kursgebuehr"] == Spec("kursgebuehr", (Arg("recognised_fee", "240.00", "amount"),))


@pytest.mark.parametrize("name", sorted(OVERRIDES))
def test_an_override_names_a_rule_and_its_arguments_and_says_what_derivation_cannot(name: str) -> None:
    declared = declarations()[name]
    parameters = inspect.signature(declared.function).parameters
    override = OVERRIDES[name]
    assert set(override.valid) | set(override.kinds) <= set(parameters)
    assert set(override.kinds.values()) <= KINDS
    assert override.valid or override.kinds or override.max_examples
    for argument, kind in override.kinds.items():
        assert kind != kind_of(declared.hints[argument]), f"{name}.{argument}: the kind is derived already"
    for argument, value in override.valid.items():
        p = parameters[argument]
        derived = declared.example.get(argument, None if p.default is p.empty else p.default)
        assert (value, type(value)) != (derived, type(derived)), f"{name}.{argument}: the value is derived already"


def test_every_required_argument_has_a_valid_value() -> None:
    missing = [
        f"{s.name}.{a.name}"
        for s in DECLARED_SPECS
        for a, p in zip(s.args, inspect.signature(s.target).parameters.values(), strict=False)
        if a.valid is None and p.default is p.empty
    ]
    assert not missing, "give them an example in the declaration or a value in OVERRIDES"
