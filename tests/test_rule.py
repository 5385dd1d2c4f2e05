"""The rule declaration (eghnrw.core._rule): every rule declared once, versions that never overlap."""

from __future__ import annotations

import inspect
import re
import typing
from datetime import date

import pytest

import eghnrw
from eghnrw.core._editions import EDITIONS, amended_before, edition_keys
from eghnrw.core._rule import _DECLARED, declarations, rule, rules_for_result, version_on
from eghnrw.core.trace import Result

RULE_ID = re.compile(r"^[MDC]\d+$")


def _traced_functions() -> list[str]:
    """Public functions that return a traced Result (a view over other results excepted)."""
    names = []
    for name in eghnrw.__all__:
        value = getattr(eghnrw, name)
        if inspect.isfunction(value):
            returned = typing.get_type_hints(value).get("return")
            if isinstance(returned, type) and issubclass(returned, Result) and name != "timeline":
                names.append(name)
    return names


def test_every_traced_public_function_is_a_declared_rule() -> None:
    assert sorted(declarations()) == sorted(_traced_functions())


@pytest.mark.parametrize("name", sorted(declarations()))
def test_each_declaration_is_complete(name: str) -> None:
    declared = declarations()[name]
    assert declared.function is getattr(eghnrw, name)
    assert declared.ids
    assert all(RULE_ID.match(i) for i in declared.ids)
    assert declared.clauses
    assert all(c.strip() == c and c for c in declared.clauses)
    assert issubclass(declared.result, Result)
    assert declared.summary
    assert all(i.name != "self" for i in declared.inputs)
    for parameter in declared.parameters:
        assert eghnrw.parameter(parameter, on=date(2024, 1, 1)).value is not None


def test_command_names_are_unique() -> None:
    names = [declared.command_name for declared in declarations().values()]
    assert len(names) == len(set(names))


def test_editions_date_each_part_of_the_agreements() -> None:
    # C13: Teil B.4 as changed on 15.12.2021, B.4.15 Abs. 6 as changed on 27.09.2023, the rest 2019.
    assert edition_keys(["LRV A.4.5 Abs. 2", "RV § 19 Abs. 2", "§ 188 Abs. 2 BGB"]) == ("LRV", "RV")
    assert edition_keys(["LRV B.4.15 Abs. 6", "LRV B.4.15 Abs. 3"]) == ("LRV B.4", "LRV B.4.15 Abs. 6")
    assert edition_keys(["LRV B.4.1 Abs. 1"]) == ("LRV B.4",)
    assert edition_keys(["LRV B.1.5.3"]) == ("LRV",)  # B.1 is not B.4
    assert amended_before(["LRV B.4.5 Abs. 2", "LRV A.4.6 Abs. 2"], date(2020, 6, 1)) == ("LRV B.4",)
    assert amended_before(["LRV B.4.5 Abs. 2"], date(2021, 12, 15)) == ()
    assert amended_before(["LRV B.4.15 Abs. 6"], date(2023, 9, 26)) == ("LRV B.4.15 Abs. 6",)
    assert EDITIONS["LRV B.4"].since == date(2021, 12, 15)
    assert declarations()["assistenz_hourly_rate"].editions == ("LRV", "LRV B.4")


def _versions(name: str) -> None:
    _DECLARED.pop(name, None)


def test_two_versions_valid_on_the_same_day_are_refused() -> None:
    def made_up_rule() -> None:
        """A rule that exists only in this test."""

    try:
        rule(ids="M1", clauses="LRV A.4.6 Abs. 2", valid_until=date(2023, 12, 31))(made_up_rule)
        later = rule(ids="M1", clauses="LRV A.4.6 Abs. 2", valid_from=date(2024, 1, 1))
        later(made_up_rule)  # adjoining: fine
        assert version_on("made_up_rule", date(2023, 12, 31)).valid_until == date(2023, 12, 31)  # type: ignore[union-attr]
        assert version_on("made_up_rule", date(2024, 1, 1)).valid_from == date(2024, 1, 1)  # type: ignore[union-attr]
        assert version_on("made_up_rule", date(2019, 12, 31)) is None
        overlapping = rule(ids="M1", clauses="LRV A.4.6 Abs. 2", valid_from=date(2023, 6, 1), valid_until=None)
        with pytest.raises(ValueError, match="two versions of the rule made_up_rule are valid on 2023-06-01"):
            overlapping(made_up_rule)
    finally:
        _versions("made_up_rule")


def test_a_version_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="lies before"):
        rule(ids="M1", clauses="x", valid_from=date(2024, 1, 1), valid_until=date(2023, 1, 1))


def test_a_result_type_names_the_rules_that_return_it() -> None:
    assert [r.name for r in rules_for_result("DailyRateResult")] == ["daily_rate"]
    assert sorted(r.name for r in rules_for_result("CostBasisRate")) == ["fachmodul_wohnen_rate", "tagesstruktur_rate"]
    assert rules_for_result("NoSuchResult") == ()
