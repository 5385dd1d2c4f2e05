"""Surcharges (M3): exact amounts, schedules, plausibility deviations reported, never blocked."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.rates.surcharges import (
    GEMEINKOSTEN,
    SACHAUFWAND,
    organisationsmodul_overlap,
    surcharge,
    surcharge_clauses,
    surcharge_schedule,
)


def test_contract_example() -> None:
    # 50,000 × 17.5 / 100 = 8,750
    r = surcharge(base=Decimal(50000), percent=Decimal("17.5"))
    assert r.amount == Decimal("8750.00")
    assert r.deviation_percent is None
    # a generic surcharge rests on the Aufschlagskalkulation (A.2.2 Abs. 1 d), not on the
    # children's clause B.1.5.3
    assert r.citations == ("LRV A.4.6.1 Abs. 1", "LRV A.2.2 Abs. 1 d")


@pytest.mark.parametrize(
    ("rule", "clause", "plausibility"),
    [
        # no clause gives a generic plausibility value: the step cites the surcharge's own clause
        ("aufschlagskalkulation", "LRV A.2.2 Abs. 1 d", None),
        ("teilhabe_an_bildung", "LRV B.1.5.3", "LRV B.1.5.3 Satz 5"),  # B.1.5.1–B.1.5.2 only
        ("assistenz_kinder_familie", "LRV B.1.6.2", "LRV B.1.6.2 Satz 5"),  # B.1.6.1 only
    ],
)
def test_the_children_s_clauses_only_when_asked(rule: str, clause: str, plausibility: str | None) -> None:
    r = surcharge(base="1000", percent="22", plausibility_percent="20", surcharge_rule=rule)
    assert r.citations == ("LRV A.4.6.1 Abs. 1", clause, *([plausibility] if plausibility else []))
    assert r.inputs["surcharge_rule"] == rule
    s = surcharge_schedule(base="1000", surcharges_percent={"zuschlag": "5"}, surcharge_rule=rule)
    assert s.citations == ("LRV A.4.6.1 Abs. 1", clause)
    assert s.amount == Decimal("50.00")


@pytest.mark.parametrize(
    ("rule", "clause"),
    [
        ("aufschlagskalkulation", "LRV A.4.6.2 Abs. 1"),  # issue 20 item 4: not A.2.2 Abs. 1 d (Personal)
        ("teilhabe_an_bildung", "LRV B.1.5.3"),
        ("assistenz_kinder_familie", "LRV B.1.6.2"),
    ],
)
def test_a_sachaufwand_surcharge_rests_on_the_sachaufwand_clause(rule: str, clause: str) -> None:
    # 1,000 × 5 % = 50.00
    r = surcharge(base="1000", percent="5", name="Sachaufwand", surcharge_rule=rule)
    assert (r.amount, r.citations) == (Decimal("50.00"), ("LRV A.4.6.1 Abs. 1", clause))
    s = surcharge_schedule(base="1000", surcharges_percent={"sachkosten": "5"}, surcharge_rule=rule)
    assert s.citations == ("LRV A.4.6.1 Abs. 1", clause)
    # Gemeinkosten and Sachaufwand together: each line its clause, the sum both
    both = surcharge_schedule(base="1000", surcharges_percent={"gemeinkosten": "10", "sachaufwand": "5"})
    assert [step.clause for step in both.steps] == [
        "LRV A.4.6.1 Abs. 1",
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
        "LRV A.2.2 Abs. 1 d, A.4.6.2 Abs. 1",
    ]


def test_organisationsmodul_overlap_names_leitung_verwaltung_and_sachaufwand() -> None:
    assert organisationsmodul_overlap(["Gemeinkosten", "fortbildung", "sachkosten", "Leitung und Verwaltung"]) == (
        "Gemeinkosten",
        "sachkosten",
        "Leitung und Verwaltung",
    )
    assert organisationsmodul_overlap(["supervision"]) == ()


def test_half_cent_rounds_up() -> None:
    # 0.10 × 5 % = 0.005 → 0.01; 0.09 × 5 % = 0.0045 → 0.00
    assert surcharge(base="0.10", percent="5").amount == Decimal("0.01")
    assert surcharge(base="0.09", percent="5").amount == Decimal("0.00")


def test_plausibility_deviation_is_reported_either_way() -> None:
    # 22 % against 20 %: +2 points; 15 % against 20 %: −5 points; neither blocks
    above = surcharge(base="1000", percent="22", plausibility_percent="20")
    below = surcharge(base="1000", percent="15", plausibility_percent="20")
    assert (above.amount, above.deviation_percent) == (Decimal("220.00"), Decimal(2))
    assert (below.amount, below.deviation_percent) == (Decimal("150.00"), Decimal(-5))
    # A.2.2 Abs. 2 holds no plausibility values (issue 20 item 4): the value is the caller's, and the
    # step cites the surcharge's own clause and says so
    assert "LRV A.2.2 Abs. 2" not in above.citations
    assert above.steps[-1].clause == "LRV A.2.2 Abs. 1 d"
    assert above.steps[-1].de == (
        "Abweichung vom Plausibilitätswert in Prozentpunkten (Wert des Aufrufers: die LRV nennt hier keinen)"
    )
    material = surcharge(base="1000", percent="9", name="sachaufwand", plausibility_percent="10")
    assert (material.deviation_percent, material.steps[-1].clause) == (Decimal(-1), "LRV A.4.6.2 Abs. 1")
    schedule = surcharge_schedule(
        base="1000", surcharges_percent={"sachaufwand": "9"}, plausibility_percent={"sachaufwand": "10"}
    )
    assert schedule.steps[2].en == "deviation of sachaufwand from the plausibility value 10 % (the caller's value)"
    assert schedule.steps[2].clause == "LRV A.4.6.2 Abs. 1"
    children = surcharge(base="1000", percent="22", plausibility_percent="20", surcharge_rule="teilhabe_an_bildung")
    assert "LRV B.1.5.3 Satz 5" in children.citations


def test_the_deviation_is_exact_under_a_caller_s_decimal_context() -> None:
    # 99.9999 % − 0.0001 % = 99.9998 points: exact in eghnrw's context, not 100 as a 3-digit context rounds it
    with localcontext(Context(prec=3)):
        result = surcharge(base="1000", percent="99.9999", plausibility_percent="0.0001")
        schedule = surcharge_schedule(
            base="1000", surcharges_percent={"x": "99.9999"}, plausibility_percent={"x": "0.0001"}
        )
    assert result.deviation_percent == Decimal("99.9998")
    assert schedule.lines[0].deviation_percent == Decimal("99.9998")
    assert result.amount == Decimal("1000.00")  # 1,000 × 99.9999 ÷ 100 = 999.999, half up to the cent


def test_schedule_lines_and_total() -> None:
    # 48,123.45 × 12.5 % = 6,015.43125 → 6,015.43; × 7.25 % = 3,488.950125 → 3,488.95; total 9,504.38
    s = surcharge_schedule(
        base="48123.45",
        surcharges_percent={GEMEINKOSTEN: "12.5", SACHAUFWAND: "7.25"},
        plausibility_percent={SACHAUFWAND: "8"},
    )
    assert [(line.name, line.amount) for line in s.lines] == [
        ("gemeinkosten", Decimal("6015.43")),
        ("sachaufwand", Decimal("3488.95")),
    ]
    assert s.amount == Decimal("9504.38")
    assert s.total_percent == Decimal("19.75")
    assert s.lines[0].deviation_percent is None
    assert s.lines[1].deviation_percent == Decimal("-0.75")


def test_empty_schedule() -> None:
    s = surcharge_schedule(base="100", surcharges_percent={})
    assert (s.amount, s.lines) == (Decimal("0.00"), ())


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"base": -1, "percent": 5}, "base"),
        ({"base": 1.0, "percent": 5}, "base"),
        ({"base": 1, "percent": "-0.1"}, "percent"),
        ({"base": 1, "percent": "inf"}, "percent"),
        ({"base": 1, "percent": False}, "percent"),
        ({"base": 1, "percent": 5, "name": ""}, "name"),
        ({"base": 1, "percent": 5, "plausibility_percent": 2.0}, "plausibility_percent"),
    ],
)
def test_bad_input(kwargs: dict[str, object], argument: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        surcharge(**kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_schedule_bad_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        surcharge_schedule(base="1", surcharges_percent={"a": "1"}, plausibility_percent={"b": "1"})
    assert info.value.argument == "plausibility_percent"
    with pytest.raises(InvalidInputError) as info:
        surcharge_schedule(base="1", surcharges_percent={"": "1"})
    assert info.value.argument == "surcharges_percent"
    with pytest.raises(InvalidInputError) as info:
        surcharge_schedule(base="1", surcharges_percent={"a": "x"})
    assert info.value.argument == "surcharges_percent['a']"


def test_surcharge_schedule_refuses_none_for_its_surcharges():
    with pytest.raises(InvalidInputError, match=r"^surcharges_percent"):
        surcharge_schedule(base="50000", surcharges_percent=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("percent", ["100.01", "1000000"])
def test_a_surcharge_above_the_base_is_refused(percent):
    # A surcharge above 100 % of the gross personnel cost is not an Aufschlagskalkulation but a
    # cost of its own (decisions.md): 1,000,000 % was accepted before.
    with pytest.raises(InvalidInputError, match=r"^percent: got .*; pass a percentage from 0 up to 100$"):
        surcharge(base="50000", percent=percent)
    assert surcharge(base="50000", percent="100").amount == Decimal("50000.00")


def test_the_clauses_of_an_unknown_surcharge_rule_are_refused_by_the_rules_name():
    with pytest.raises(
        InvalidInputError,
        match=r"^surcharge_rule: got 'bogus'; pass one of 'aufschlagskalkulation', 'teilhabe_an_bildung', "
        r"'assistenz_kinder_familie'$",
    ):
        surcharge_clauses("bogus")  # type: ignore[arg-type]
