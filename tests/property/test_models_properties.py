"""Properties of the models: JSON round-trips are the identity, votes behave as A.9.7 says."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from eghnrw.kommission.models import (
    SEATS,
    CaseRecord,
    CommissionComposition,
    Module,
    ReportDimension,
    commission_vote,
    parse_module,
    report,
)
from strategies import (
    commission_votes,
    model_case_records,
    model_commission_members,
    model_kosten,
    model_modules,
    model_persons,
    model_providers,
    model_sittings,
)


def _round_trip(model: BaseModel) -> None:
    text = model.model_dump_json()
    again = type(model).model_validate_json(text)
    assert again == model
    assert again.model_dump_json() == text


@given(model_modules)
def test_module_json_round_trip_through_the_union(module):
    text = module.model_dump_json()
    assert parse_module(text) == module
    assert type(parse_module(text)) is type(module)
    assert Module.model_validate_json(text).root == module
    assert parse_module(json.loads(text)) == module  # from a dict as well


@given(model_providers())
def test_provider_json_round_trip(provider):
    _round_trip(provider)


@given(st.one_of(model_kosten, model_sittings, model_persons, model_case_records))
def test_data_json_round_trip(model):
    _round_trip(model)


@given(st.lists(model_commission_members, max_size=12))
def test_composition_round_trip_when_within_seats(members):
    kept, seen = [], Counter()
    for member in members:  # keep members only while their group has a free seat
        seen[member.group] += 1
        if seen[member.group] <= SEATS[member.group]:
            kept.append(member)
    _round_trip(CommissionComposition(members=tuple(kept)))


@given(model_modules)
def test_no_float_in_the_json_of_a_module(module):
    def walk(value: object) -> None:
        assert not isinstance(value, float)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(module.model_dump_json()))


@given(commission_votes())
def test_vote_adopted_only_if_quorate_without_a_no_and_with_a_yes(counts):
    v = commission_vote(**counts)
    assert v.quorate == (counts["providers_present"] >= 8 and counts["authorities_present"] >= 8)
    assert v.adopted == (v.quorate and counts["no"] == 0 and counts["yes"] > 0)


@given(commission_votes())
def test_an_abstention_never_changes_the_outcome_of_a_quorate_vote(counts):
    present = counts["providers_present"] + counts["authorities_present"]
    if counts["yes"] + counts["no"] + counts["abstain"] < present:
        more = commission_vote(**counts | {"abstain": counts["abstain"] + 1})
        assert more.adopted == commission_vote(**counts).adopted


@given(st.lists(model_case_records, max_size=20), st.sets(st.sampled_from(ReportDimension), min_size=1))
def test_report_keeps_every_person_and_every_cent(records, dims):
    rows = report(records, by=sorted(dims))
    assert sum(r.persons for r in rows) == len(records)
    assert sum((r.aufwand for r in rows), Decimal(0)) == sum((r.aufwand for r in records), Decimal(0))
    assert all(isinstance(r, CaseRecord) for r in records)
