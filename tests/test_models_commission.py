"""C7, D9: the Gemeinsame Kommission (LRV A.9.1, A.9.2, A.9.7)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from pydantic import ValidationError

import eghnrw.kommission.models as m
from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import (
    CommissionComposition,
    CommissionGroup,
    CommissionMember,
    Side,
    Sitting,
    commission_vote,
)
from eghnrw.kommission.models import commission_chair as chair

ABS_2 = "§ 188 Abs. 2 BGB"

G = CommissionGroup


def test_seats_as_in_a_9_1():
    voting = {g: n for g, n in m.SEATS.items() if g in m.GROUP_SIDE}
    provider = [voting[g] for g in (G.FREIE_WOHLFAHRTSPFLEGE, G.PRIVAT_GEWERBLICH, G.OEFFENTLICHE_TRAEGER)]
    authority = [voting[g] for g in (G.LVR, G.LWL, G.KOMMUNALE_SPITZENVERBAENDE)]
    assert provider == [10, 3, 1]
    assert authority == [6, 6, 2]
    assert sum(provider) == m.PROVIDER_SEATS == 14
    assert sum(authority) == m.AUTHORITY_SEATS == 14
    assert m.SEATS[G.INTERESSENVERTRETUNGEN] == m.ADVISORY_SEATS == 3
    assert G.INTERESSENVERTRETUNGEN not in m.GROUP_SIDE
    assert m.GROUP_SIDE[G.KOMMUNALE_SPITZENVERBAENDE] is Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
    assert m.MAX_DEPUTIES == 2


def test_contract_example():
    v = commission_vote(providers_present=8, authorities_present=8, yes=15, no=0, abstain=1)
    assert v.quorate is True
    assert v.adopted is True
    assert (v.providers_needed, v.authorities_needed) == (8, 8)
    assert v.citations == ("LRV A.9.1 Abs. 2", "LRV A.9.7", "LRV A.9.1 Abs. 4")
    assert v.steps[-1].value is True


NO_TRAEGER = "nicht beschlussfähig: es fehlt die Mehrheit der Träger der Eingliederungshilfe"


@pytest.mark.parametrize(
    ("providers", "authorities", "yes", "no", "abstain", "quorate", "adopted", "reason"),
    [
        (7, 14, 21, 0, 0, False, False, "nicht beschlussfähig: es fehlt die Mehrheit der Leistungserbringer"),
        (
            14,
            7,
            21,
            0,
            0,
            False,
            False,
            "nicht beschlussfähig: es fehlt die Mehrheit der Träger der Eingliederungshilfe",
        ),
        (8, 8, 15, 1, 0, True, False, "abgelehnt: 1 Gegenstimme(n)"),
        (8, 8, 0, 0, 16, True, False, "kein Beschluss: keine Ja-Stimme"),
        (8, 8, 1, 0, 15, True, True, "einstimmig gefasst (Enthaltungen zählen nicht)"),
        (14, 14, 28, 0, 0, True, True, "einstimmig gefasst (Enthaltungen zählen nicht)"),
        (8, 8, 3, 0, 0, True, True, "einstimmig gefasst (Enthaltungen zählen nicht)"),  # not everyone must vote
    ],
)
def test_quorum_and_unanimity(providers, authorities, yes, no, abstain, quorate, adopted, reason):  # noqa: PLR0917
    v = commission_vote(providers_present=providers, authorities_present=authorities, yes=yes, no=no, abstain=abstain)
    assert (v.quorate, v.adopted, v.reason) == (quorate, adopted, reason)


def test_without_kommunale_spitzenverbaende_the_majority_is_seven_of_twelve():
    v = commission_vote(
        providers_present=8, authorities_present=7, yes=15, no=0, abstain=0, count_kommunale_spitzenverbaende=False
    )
    assert (v.quorate, v.authorities_needed) == (True, 7)
    assert commission_vote(providers_present=8, authorities_present=7, yes=15, no=0, abstain=0).quorate is False
    with pytest.raises(InvalidInputError, match=r"authorities_present"):
        commission_vote(
            providers_present=8, authorities_present=13, yes=0, no=0, abstain=0, count_kommunale_spitzenverbaende=False
        )


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"providers_present": 15}, "providers_present"),  # attendance above membership
        ({"authorities_present": 15}, "authorities_present"),
        ({"providers_present": -1}, "providers_present"),
        ({"providers_present": True}, "providers_present"),
        ({"yes": "3"}, "yes"),
        ({"yes": 17}, "yes"),  # a single count above attendance
        ({"yes": 10, "no": 5, "abstain": 2}, "yes + no + abstain"),  # votes above attendance
        ({"count_kommunale_spitzenverbaende": 1}, "count_kommunale_spitzenverbaende"),
    ],
)
def test_bad_counts_name_the_argument(kwargs, argument):
    args = {"providers_present": 8, "authorities_present": 8, "yes": 0, "no": 0, "abstain": 0} | kwargs
    with pytest.raises(InvalidInputError) as info:
        commission_vote(**args)
    assert info.value.argument == argument
    assert str(info.value).startswith(f"{argument}: got")


def test_sitting_counts_seats_by_group_and_votes():
    s = Sitting(
        freie_wohlfahrtspflege=6,
        privat_gewerblich=1,
        oeffentliche_traeger=1,
        lvr=3,
        lwl=3,
        kommunale_spitzenverbaende=2,
    )
    assert (s.providers_present, s.authorities_present) == (8, 8)
    assert s.vote(yes=16, no=0, abstain=0).adopted is True
    # Counting only LVR and LWL: 6 of 12 is no majority.
    assert s.vote(yes=14, no=0, abstain=0, count_kommunale_spitzenverbaende=False).quorate is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("freie_wohlfahrtspflege", 11),
        ("privat_gewerblich", 4),
        ("oeffentliche_traeger", 2),
        ("lvr", 7),
        ("lwl", 7),
        ("kommunale_spitzenverbaende", 3),
        ("interessenvertretungen", 4),
        ("lvr", -1),
        ("lvr", True),
    ],
)
def test_sitting_attendance_above_membership_names_the_field(field, value):
    with pytest.raises(ValidationError) as info:
        Sitting(**{field: value})
    assert info.value.errors()[0]["loc"] == (field,)


def test_members_up_to_two_deputies_and_seats_per_group():
    member = CommissionMember(name="A", group="LWL", deputies=("B", "C"))
    assert member.voting is True
    assert CommissionMember(name="I", group="interessenvertretungen").voting is False
    with pytest.raises(ValidationError) as info:
        CommissionMember(name="A", group="LWL", deputies=("B", "C", "D"))
    assert info.value.errors()[0]["loc"] == ("deputies",)
    full = tuple(CommissionMember(name=f"K{i}", group="kommunale_spitzenverbaende") for i in range(2))
    assert CommissionComposition(members=full).vacancies()[G.KOMMUNALE_SPITZENVERBAENDE] == 0
    with pytest.raises(ValidationError, match=r"members \(kommunale_spitzenverbaende\): got 3; at most 2"):
        CommissionComposition(members=(*full, CommissionMember(name="K3", group="kommunale_spitzenverbaende")))


def test_complete_composition():
    members = tuple(CommissionMember(name=f"{g.value}-{i}", group=g) for g, n in m.SEATS.items() for i in range(n))
    c = CommissionComposition(members=members)
    assert len(members) == 31
    assert c.complete is True
    assert CommissionComposition.model_validate_json(c.model_dump_json()) == c


@pytest.mark.parametrize(
    ("on", "side", "number", "start", "end"),
    [
        (date(2020, 3, 1), Side.LEISTUNGSERBRINGER, 1, date(2020, 3, 1), date(2022, 2, 28)),
        (date(2022, 2, 28), Side.LEISTUNGSERBRINGER, 1, date(2020, 3, 1), date(2022, 2, 28)),
        (date(2022, 3, 1), Side.TRAEGER_DER_EINGLIEDERUNGSHILFE, 2, date(2022, 3, 1), date(2024, 2, 29)),
        (date(2025, 1, 1), Side.LEISTUNGSERBRINGER, 3, date(2024, 3, 1), date(2026, 2, 28)),
    ],
)
def test_chair_alternates_every_two_years(on, side, number, start, end):
    r = chair(on=on, first_term_start=date(2020, 3, 1), first_side=Side.LEISTUNGSERBRINGER)
    assert (r.side, r.term_number, r.term_start, r.term_end) == (side, number, start, end)
    assert r.citations == ("LRV A.9.2", "§ 187 Abs. 2 BGB", "§ 188 Abs. 2 BGB")


# A first term from the start of 29.02.2020 (§ 187 Abs. 2 BGB): two years end with the day before
# 29.02.2022, which is missing, so with the last day of February 2022 (§ 188 Abs. 2 2nd case, Abs. 3).
# Term by term (the default), term 2 begins 01.03.2022 and ends with the day before 01.03.2024:
# 29.02.2024, two full years (Abs. 2); term 3 begins 01.03.2024 and ends with the day before
# 01.03.2026: 28.02.2026 (Abs. 2). No day belongs to two terms and none to no term.
@pytest.mark.parametrize(
    ("on", "side", "number", "start", "end", "end_clause"),
    [
        (date(2022, 2, 28), Side.LEISTUNGSERBRINGER, 1, date(2020, 2, 29), date(2022, 2, 28), "§ 188 Abs. 3 BGB"),
        (date(2022, 3, 1), Side.TRAEGER_DER_EINGLIEDERUNGSHILFE, 2, date(2022, 3, 1), date(2024, 2, 29), ABS_2),
        (date(2024, 2, 29), Side.TRAEGER_DER_EINGLIEDERUNGSHILFE, 2, date(2022, 3, 1), date(2024, 2, 29), ABS_2),
        (date(2024, 3, 1), Side.LEISTUNGSERBRINGER, 3, date(2024, 3, 1), date(2026, 2, 28), ABS_2),
    ],
)
def test_chair_from_29_february(on, side, number, start, end, end_clause):  # noqa: PLR0917 - one row of the table
    r = chair(on=on, first_term_start=date(2020, 2, 29), first_side="leistungserbringer")
    assert (r.side, r.term_number, r.term_start, r.term_end) == (side, number, start, end)
    assert r.steps[3].clause == end_clause
    assert r.inputs["term_counting"] == "term_by_term"


# Counted from the first term's start in one step (the option): term 2 ends with the day before
# 29.02.2024 (four years from 29.02.2020; the day exists): 28.02.2024, one day short of two years
# (Abs. 2); term 3 begins 29.02.2024 and ends with the day before 29.02.2026, which is missing:
# 28.02.2026 (Abs. 3).
@pytest.mark.parametrize(
    ("on", "side", "number", "start", "end", "end_clause"),
    [
        (date(2022, 2, 28), Side.LEISTUNGSERBRINGER, 1, date(2020, 2, 29), date(2022, 2, 28), "§ 188 Abs. 3 BGB"),
        (date(2022, 3, 1), Side.TRAEGER_DER_EINGLIEDERUNGSHILFE, 2, date(2022, 3, 1), date(2024, 2, 28), ABS_2),
        (date(2024, 2, 28), Side.TRAEGER_DER_EINGLIEDERUNGSHILFE, 2, date(2022, 3, 1), date(2024, 2, 28), ABS_2),
        (date(2024, 2, 29), Side.LEISTUNGSERBRINGER, 3, date(2024, 2, 29), date(2026, 2, 28), "§ 188 Abs. 3 BGB"),
    ],
)
def test_chair_from_29_february_counted_from_the_first_term(on, side, number, start, end, end_clause):  # noqa: PLR0917
    r = chair(
        on=on, first_term_start=date(2020, 2, 29), first_side="leistungserbringer", term_counting="from_first_term"
    )
    assert (r.side, r.term_number, r.term_start, r.term_end) == (side, number, start, end)
    assert r.steps[3].clause == end_clause
    assert r.steps[3].de == "Ende der Amtszeit (gezählt ab Beginn der ersten Amtszeit)"


def test_chair_term_by_term_counts_each_term_from_its_own_start():
    # term 2 from the start of 01.03.2022: two years end with the day before 01.03.2024 = 29.02.2024
    r = chair(
        on=date(2024, 2, 29),
        first_term_start=date(2020, 2, 29),
        first_side="leistungserbringer",
        term_counting="term_by_term",
    )
    assert (r.term_number, r.term_start, r.term_end) == (2, date(2022, 3, 1), date(2024, 2, 29))
    assert r.inputs["term_counting"] == "term_by_term"
    assert r.steps[3].de == "Ende der Amtszeit (gezählt ab ihrem Beginn)"
    with pytest.raises(InvalidInputError, match=r"^term_counting: got"):
        chair(
            on=date(2024, 2, 29),
            first_term_start=date(2020, 2, 29),
            first_side="leistungserbringer",
            term_counting="chained",
        )  # type: ignore[arg-type]


def test_chair_terms_follow_each_other_without_gap_or_overlap():
    terms = list(m.chair_terms(date(2020, 2, 29), Side.LEISTUNGSERBRINGER))
    assert terms[0] == m.ChairTerm(1, Side.LEISTUNGSERBRINGER, date(2020, 2, 29), date(2022, 2, 28))
    assert all(b.start == a.end + timedelta(days=1) and b.side is not a.side for a, b in pairwise(terms))
    assert terms[-1].end.year >= 2198  # the iterator stops before a term would leave the calendar


def test_chair_refuses_a_day_before_the_first_term_and_unknown_side():
    with pytest.raises(InvalidInputError, match=r"^on: got"):
        chair(on=date(2019, 12, 31), first_term_start=date(2020, 1, 1), first_side="leistungserbringer")
    with pytest.raises(InvalidInputError, match=r"^first_side: got"):
        chair(on=date(2021, 1, 1), first_term_start=date(2020, 1, 1), first_side="vorsitz")


def test_commission_chair_refuses_a_date_past_the_calendar():
    with pytest.raises(InvalidInputError, match=r"^on"):
        chair(on=date(9998, 1, 1), first_term_start=date(2020, 1, 1), first_side="leistungserbringer")


# --- C12: up to two deputies (LRV A.9.1 Abs. 3) ---------------------------------------------------


@pytest.mark.parametrize(
    ("deputies", "group", "allowed", "clause"),
    [
        ((), None, True, "LRV A.9.1 Abs. 3"),
        (["B", "C"], "LVR", True, "LRV A.9.1 Abs. 3"),
        (["B", "C", "D"], "freie_wohlfahrtspflege", False, "LRV A.9.1 Abs. 3"),
        (["B", "C", "D"], "interessenvertretungen", False, "LRV A.9.1 Abs. 4 Satz 2"),  # Abs. 3 applies accordingly
    ],
)
def test_deputies_check(deputies, group, allowed, clause):
    r = m.deputies_check(deputies=deputies, group=group)
    assert (r.allowed, r.deputies, r.maximum) == (allowed, len(deputies), 2)
    assert set(r.citations) == {clause}
    # the model agrees: a member with three deputies is refused when it is built
    if not allowed:
        with pytest.raises(ValidationError):
            CommissionMember(name="A", group=group, deputies=tuple(deputies))


def test_deputies_check_refuses_bad_names():
    with pytest.raises(InvalidInputError, match=r"^deputies: got 'B'; pass the names"):
        m.deputies_check(deputies="B")
    with pytest.raises(InvalidInputError, match=r"^deputies: got 'B'; name each deputy once"):
        m.deputies_check(deputies=["B", "B"])
    with pytest.raises(InvalidInputError, match=r"^group: got 'kommunen'"):
        m.deputies_check(deputies=["B"], group="kommunen")
