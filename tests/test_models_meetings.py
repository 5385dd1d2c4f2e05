"""D13: meetings of the Gemeinsame Kommission and its working groups (LRV A.9.6 Abs. 1, 3–5)."""

from __future__ import annotations

from datetime import date

import pytest

from eghnrw.core.enums import Landschaftsverband
from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.deadlines import evaluation_proposal_deadline
from eghnrw.kommission.models import (
    WORKING_GROUP_PARTIES,
    CommissionGroup,
    commission_meeting_demand,
    working_group_check,
    working_group_meeting_demand,
)

_SIX = [
    "freie_wohlfahrtspflege",
    "privat_gewerblich",
    "oeffentliche_traeger",
    "LVR",
    "LWL",
    "kommunale_spitzenverbaende",
]


@pytest.mark.parametrize(
    ("providers", "authorities", "required", "by"),
    [
        (8, 0, True, ("leistungserbringer",)),  # 8 of 14 is more than half
        (7, 0, False, ()),  # 7 of 14 is half, no majority
        # the Träger side: 6 members (e.g. the LVR's six) are more than the kommunale Spitzenverbände's
        # 2 seats, so a Träger's member is among them: a Träger's demand, no majority needed
        (0, 6, True, ("traeger_der_eingliederungshilfe",)),
        (0, 3, True, ("traeger_der_eingliederungshilfe",)),  # 3 > 2: at least one is a Träger's member
        (0, 2, False, ()),  # could be the two members of the kommunale Spitzenverbände: no Träger's demand
        (8, 8, True, ("traeger_der_eingliederungshilfe", "leistungserbringer")),
    ],
)
def test_commission_meets_on_demand_of_a_traeger_or_a_majority_of_providers(providers, authorities, required, by):
    r = commission_meeting_demand(providers_demanding=providers, authorities_demanding=authorities)
    assert (r.body, r.meeting_required, r.demanded_by) == ("commission", required, by)
    assert r.citations == ("LRV A.9.6 Abs. 1", "LRV A.9.1 Abs. 2")
    assert r.inputs["traeger_demand"] == "traeger"


@pytest.mark.parametrize(
    ("named", "required"),
    [
        (["LVR"], True),  # one Träger's demand calls the meeting (A.9.6 Abs. 1)
        (("LWL", "LVR"), True),
        ([Landschaftsverband.LWL], True),
        ((), False),
    ],
)
def test_commission_meets_on_demand_of_a_named_traeger(named, required):
    r = commission_meeting_demand(traeger_demanding=named)
    assert (r.meeting_required, r.demanded_by) == (required, ("traeger_der_eingliederungshilfe",) if required else ())
    assert r.steps[2].value is required
    assert r.steps[2].de.startswith("Verlangen eines Trägers der Eingliederungshilfe (LVR, LWL), ohne Mehrheit")


def test_the_kommunale_spitzenverbaende_are_not_traeger():
    with pytest.raises(InvalidInputError, match=r"^traeger_demanding: got 'kommunale_spitzenverbaende'.*not Träger"):
        commission_meeting_demand(traeger_demanding=["kommunale_spitzenverbaende"])
    with pytest.raises(InvalidInputError, match=r"^traeger_demanding: got 'LVR'; pass the Träger that demand"):
        commission_meeting_demand(traeger_demanding="LVR")  # type: ignore[arg-type]


def test_commission_demand_of_the_traeger_side_by_majority_the_earlier_reading():
    # traeger_demand="majority": the Träger side read like the providers, 8 of its 14 members
    assert commission_meeting_demand(authorities_demanding=8, traeger_demand="majority").meeting_required is True
    r = commission_meeting_demand(authorities_demanding=7, traeger_demand="majority")
    assert (r.meeting_required, r.steps[2].de) == (
        False,
        "Träger der Eingliederungshilfe: 7 von 14, einfache Mehrheit ab 8",
    )
    with pytest.raises(InvalidInputError, match=r"^traeger_demanding: got \('LVR',\); traeger_demand='majority'"):
        commission_meeting_demand(traeger_demanding=["LVR"], traeger_demand="majority")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"providers_demanding": 15}, "providers_demanding"),
        ({"providers_demanding": 9, "provider_members": 8}, "providers_demanding"),
        ({"authority_members": 0}, "authority_members"),
        ({"traeger_demand": "all"}, "traeger_demand"),
        ({"providers_demanding": True}, "providers_demanding"),
    ],
)
def test_commission_demand_bad_input(kwargs, argument):
    with pytest.raises(InvalidInputError) as info:
        commission_meeting_demand(**kwargs)
    assert info.value.argument == argument


def test_working_groups_meet_on_initiative_of_the_commission_or_a_majority_of_members():
    # six members (one per party, A.9.6 Abs. 4): a simple majority is 4
    assert working_group_meeting_demand(members_demanding=4).demanded_by == ("members",)
    assert working_group_meeting_demand(members_demanding=3).meeting_required is False
    r = working_group_meeting_demand(commission_initiative=True)
    assert (r.body, r.meeting_required, r.demanded_by) == ("working_group", True, ("commission",))
    assert r.citations == ("LRV A.9.6 Abs. 5",)
    with pytest.raises(InvalidInputError) as info:
        working_group_meeting_demand(members_demanding=7)
    assert info.value.argument == "members_demanding"


def test_a_working_group_has_one_member_of_each_party():
    assert WORKING_GROUP_PARTIES == (
        CommissionGroup.FREIE_WOHLFAHRTSPFLEGE,
        CommissionGroup.PRIVAT_GEWERBLICH,
        CommissionGroup.OEFFENTLICHE_TRAEGER,
        CommissionGroup.LVR,
        CommissionGroup.LWL,
        CommissionGroup.KOMMUNALE_SPITZENVERBAENDE,
    )
    full = working_group_check(members=_SIX, experts=2)
    assert (full.complete, full.members, full.missing, full.surplus, full.experts) == (True, 6, (), (), 2)
    short = working_group_check(members=[*_SIX[:5], "LWL"])  # two LWL, no kommunale Spitzenverbände
    assert (short.complete, short.missing, short.surplus) == (
        False,
        (CommissionGroup.KOMMUNALE_SPITZENVERBAENDE,),
        (CommissionGroup.LWL,),
    )
    advisory = working_group_check(members=[*_SIX, "interessenvertretungen"])  # no party of A.9.1 Abs. 2
    assert (advisory.complete, advisory.surplus) == (False, (CommissionGroup.INTERESSENVERTRETUNGEN,))
    assert working_group_check(members=_SIX, experts=1, experts_agreed=False).complete is False
    with pytest.raises(InvalidInputError) as info:
        working_group_check(members=["LVR", "kreis"])
    assert info.value.argument == "members[1]"


@pytest.mark.parametrize(
    ("concluded", "period_end", "due", "end_clause"),
    [
        # 30.11.2024 + three months: 30.02. is missing → 28.02.2025 (§ 188 Abs. 3), a Friday
        (date(2024, 11, 30), date(2025, 2, 28), date(2025, 2, 28), "§ 188 Abs. 3 BGB"),
        # 01.07.2024 + three months = 01.10.2024, a Tuesday
        (date(2024, 7, 1), date(2024, 10, 1), date(2024, 10, 1), "§ 188 Abs. 2 BGB"),
        # 03.07.2025 + three months = 03.10.2025, Tag der Deutschen Einheit → Monday 06.10.2025 (§ 193)
        (date(2025, 7, 3), date(2025, 10, 3), date(2025, 10, 6), "§ 188 Abs. 2 BGB"),
    ],
)
def test_the_three_months_for_the_evaluation_proposal(concluded, period_end, due, end_clause):
    r = evaluation_proposal_deadline(concluded_on=concluded)
    assert (r.event_day, r.period_end, r.due, r.to_act) == (concluded, period_end, due, True)
    assert r.steps[0].clause == "LRV A.9.6 Abs. 3"
    assert r.steps[2].clause == end_clause
    with pytest.raises(InvalidInputError) as info:
        evaluation_proposal_deadline(concluded_on=date(2019, 12, 31))
    assert info.value.argument == "concluded_on"
