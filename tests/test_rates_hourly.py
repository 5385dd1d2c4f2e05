"""Hourly rates (M1, M2): hand-worked examples, the KGSt parameter, rate tables, bad input."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.core.enums import AssistenzKind
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.verguetung.rates.hourly import HourlyRateEntry, HourlyRateTable, assistenz_hourly_rate, hourly_rate

ON = date(2024, 1, 1)


def test_contract_example_without_surcharges() -> None:
    # 63,360 / 1,584 = 40 exactly
    r = hourly_rate(annual_personnel_cost=Decimal(63360), on=ON)
    assert r.amount == Decimal("40.00")
    assert r.annual_hours == Decimal(1584)
    assert r.parameters[0].name == "kgst_normalarbeitszeit"
    assert r.citations == ("LRV A.4.6.1 Abs. 1", "LRV A.4.6 Abs. 2")


def test_contract_example_with_surcharges() -> None:
    # 63,360 × 1.35 = 85,536; / 1,584 = 54.00
    r = hourly_rate(
        annual_personnel_cost="63360", surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"}, on=ON
    )
    assert r.amount == Decimal("54.00")
    assert r.surcharge_percent == Decimal(35)
    assert r.annual_cost == Decimal(85536)
    # generic surcharges: Gemeinkosten A.2.2 Abs. 1 d (Pauschalen für Personal), the Sachaufwand
    # A.4.6.2 Abs. 1 (issue 20 item 4: not a personnel clause), not the children's B.1.5.3
    assert r.citations == (
        "LRV A.4.6.1 Abs. 1",
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
        "LRV A.2.2 Abs. 1 d, A.4.6.2 Abs. 1",
        "LRV A.4.6 Abs. 2",
    )
    assert [step.clause for step in r.steps[1:4]] == [
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
        "LRV A.2.2 Abs. 1 d, A.4.6.2 Abs. 1",
    ]
    school = hourly_rate(
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
        on=ON,
        surcharge_rule="teilhabe_an_bildung",  # a Schulbegleitung (B.1.5.1): B.1.5.3
    )
    assert (school.amount, school.citations) == (
        Decimal("54.00"),
        ("LRV A.4.6.1 Abs. 1", "LRV B.1.5.3", "LRV A.4.6 Abs. 2"),
    )


def test_rounded_once_half_up_at_the_half_cent() -> None:
    # 1,584 × 40.005 = 63,367.92 → 63,367.92 / 1,584 = 40.005 exactly → 40.01 (half up)
    assert hourly_rate(annual_personnel_cost="63367.92", on=ON).amount == Decimal("40.01")
    # one cent less: 63,367.91 / 1,584 = 40.00499… → 40.00
    assert hourly_rate(annual_personnel_cost="63367.91", on=ON).amount == Decimal("40.00")


def test_surcharges_are_not_rounded_before_the_division() -> None:
    # 50,000 × 1.333 = 66,650 / 1,584 = 42.0770… → 42.08 (one rounding at the end)
    assert hourly_rate(annual_personnel_cost="50000", surcharges_percent={"x": "33.3"}, on=ON).amount == Decimal(
        "42.08"
    )


def test_annual_hours_override_without_date() -> None:
    # 60,000 / 1,500 = 40
    r = hourly_rate(annual_personnel_cost="60000", annual_hours="1500")
    assert r.amount == Decimal("40.00")
    assert r.parameters == ()


def test_parameter_override_wins() -> None:
    # 63,360 / 1,600 = 39.60
    r = hourly_rate(annual_personnel_cost="63360", on=ON, overrides={"kgst_normalarbeitszeit": "1600"})
    assert r.amount == Decimal("39.60")
    assert r.parameters[0].overridden is True


def test_weekly_hours_conversion() -> None:
    # 38.5-hour post: 1,584 × 38.5 / 39 = 1,563.6923… hours; 63,360 / that = 40.5194… → 40.52
    r = hourly_rate(annual_personnel_cost="63360", weekly_hours="38.5", on=ON)
    assert r.amount == Decimal("40.52")
    assert [p.name for p in r.parameters] == ["kgst_normalarbeitszeit", "kgst_wochenarbeitszeit"]
    # a 39-hour week changes nothing
    assert hourly_rate(annual_personnel_cost="63360", weekly_hours=39, on=ON).amount == Decimal("40.00")


def test_explain_names_clause_and_parameter() -> None:
    text = hourly_rate(annual_personnel_cost="63360", on=ON).explain()
    assert "[LRV A.4.6 Abs. 2]" in text
    assert "kgst_normalarbeitszeit = 1.584" in text
    record = json.loads(hourly_rate(annual_personnel_cost="63360", on=ON).model_dump_json())
    assert record["amount"] == "40.00"
    assert record["steps"][-1]["value"] == "40.00"


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"annual_personnel_cost": 63360.0, "on": ON}, "annual_personnel_cost"),
        ({"annual_personnel_cost": "-1", "on": ON}, "annual_personnel_cost"),
        ({"annual_personnel_cost": "NaN", "on": ON}, "annual_personnel_cost"),
        ({"annual_personnel_cost": True, "on": ON}, "annual_personnel_cost"),
        ({"annual_personnel_cost": "1", "annual_hours": 0}, "annual_hours"),
        ({"annual_personnel_cost": "1", "annual_hours": "-5"}, "annual_hours"),
        ({"annual_personnel_cost": "1"}, "on"),
        ({"annual_personnel_cost": "1", "on": "2024-01-01"}, "on"),
        ({"annual_personnel_cost": "1", "annual_hours": 1500, "weekly_hours": 38}, "weekly_hours"),
        ({"annual_personnel_cost": "1", "weekly_hours": 0, "on": ON}, "weekly_hours"),
        ({"annual_personnel_cost": "1", "surcharges_percent": {"a": "-1"}, "on": ON}, "surcharges_percent['a']"),
        ({"annual_personnel_cost": "1", "surcharges_percent": {"a": 1.5}, "on": ON}, "surcharges_percent['a']"),
        ({"annual_personnel_cost": "1", "surcharges_percent": ["20"], "on": ON}, "surcharges_percent"),
        ({"annual_personnel_cost": "1", "on": ON, "overrides": {"kgst": "1"}}, "overrides"),
        (
            {"annual_personnel_cost": "1", "on": ON, "overrides": {"kgst_normalarbeitszeit": "0"}},
            "overrides['kgst_normalarbeitszeit']",
        ),
        (
            {"annual_personnel_cost": "1", "weekly_hours": 38, "on": ON, "overrides": {"kgst_wochenarbeitszeit": "0"}},
            "overrides['kgst_wochenarbeitszeit']",
        ),
    ],
)
def test_bad_input_names_the_argument(kwargs: dict[str, object], argument: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(**kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_zero_hours_from_an_override_is_refused() -> None:
    # an override of 0 hours would divide by zero: refused, not a ZeroDivisionError
    with pytest.raises(InvalidInputError, match="kgst_normalarbeitszeit"):
        hourly_rate(annual_personnel_cost="1", on=ON, overrides={"kgst_normalarbeitszeit": "0"})


def test_hourly_rate_refuses_a_misspelt_override_even_when_annual_hours_is_given():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        hourly_rate(annual_personnel_cost="63360", annual_hours="1584", overrides={"kgst_normalarbeitszeitt": "1600"})


def test_hourly_rate_refuses_overrides_that_are_not_a_mapping():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        hourly_rate(annual_personnel_cost="63360", annual_hours="1584", overrides=True)  # type: ignore[arg-type]


def test_a_tiny_divisor_is_refused_naming_the_argument():
    # the rate would lie beyond 10^15: the refusal names the inputs that make it, not "value: got ..."
    with pytest.raises(InvalidInputError, match=r"annual_hours"):
        hourly_rate(annual_personnel_cost="63360", annual_hours=Decimal("1E-66"))


def test_date_before_any_parameter() -> None:
    with pytest.raises(ParameterNotFoundError, match="kgst_normalarbeitszeit"):
        hourly_rate(annual_personnel_cost="1", on=date(2019, 12, 31))


# --- rate tables ---------------------------------------------------------------------------------


def _table() -> HourlyRateTable:
    qa = AssistenzKind.QUALIFIZIERTE_ASSISTENZ
    return HourlyRateTable(
        entries=[
            HourlyRateEntry(
                kind=qa,
                tarifwerk="TV A",
                valid_from=date(2024, 1, 1),
                valid_until=date(2024, 12, 31),
                rate=Decimal("60.10"),
                source="caller's table 2024",
            ),
            HourlyRateEntry(
                kind=qa, tarifwerk="TV A", valid_from=date(2025, 1, 1), rate="62.00", source="caller's table 2025"
            ),
            HourlyRateEntry(
                kind=qa, tarifwerk="AVR B", valid_from=date(2024, 1, 1), rate="58.00", source="caller's table"
            ),
        ]
    )


def test_table_lookup_by_kind_tarifwerk_and_date() -> None:
    table = _table()
    qa = AssistenzKind.QUALIFIZIERTE_ASSISTENZ
    assert assistenz_hourly_rate(kind=qa, tarifwerk="TV A", on=date(2024, 12, 31), table=table).amount == Decimal(
        "60.10"
    )
    r = assistenz_hourly_rate(kind="qualifizierte_assistenz", tarifwerk="TV A", on=date(2025, 1, 1), table=table)
    assert r.amount == Decimal("62.00")
    assert r.negotiated is False
    assert r.source == "caller's table 2025"
    assert r.citations == ("LRV B.4.2 Abs. 2",)
    assert assistenz_hourly_rate(kind=qa, tarifwerk="AVR B", on=ON, table=table).amount == Decimal("58.00")


def test_negotiated_rate_overrides_the_table() -> None:
    r = assistenz_hourly_rate(
        kind=AssistenzKind.QUALIFIZIERTE_ASSISTENZ, tarifwerk="TV A", on=ON, table=_table(), negotiated_rate="65.50"
    )
    assert r.amount == Decimal("65.50")
    assert r.negotiated is True
    # and needs no table at all
    r = assistenz_hourly_rate(kind="einfache_assistenz", tarifwerk="X", on=ON, negotiated_rate=Decimal("30.00"))
    assert (r.amount, r.citations) == (Decimal("30.00"), ("LRV B.4.5 Abs. 2",))


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"kind": "qualifizierte_assistenz_x", "tarifwerk": "TV A"}, "kind"),
        ({"kind": 3, "tarifwerk": "TV A"}, "kind"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": "TV Z"}, "tarifwerk"),
        ({"kind": "einfache_assistenz", "tarifwerk": "TV A"}, "tarifwerk"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": 5}, "tarifwerk"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": "TV A", "table": None}, "table"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": "TV A", "negotiated_rate": 65.5}, "negotiated_rate"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": "TV A", "negotiated_rate": "65.555"}, "negotiated_rate"),
        ({"kind": "qualifizierte_assistenz", "tarifwerk": "TV A", "negotiated_rate": "0"}, "negotiated_rate"),
    ],
)
def test_table_bad_input(kwargs: dict[str, object], argument: str) -> None:
    kwargs.setdefault("table", _table())
    with pytest.raises(InvalidInputError) as info:
        assistenz_hourly_rate(on=ON, **kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_table_date_not_covered() -> None:
    with pytest.raises(ParameterNotFoundError, match="on: no qualifizierte_assistenz rate for TV A on 2023-12-31"):
        assistenz_hourly_rate(kind="qualifizierte_assistenz", tarifwerk="TV A", on=date(2023, 12, 31), table=_table())


def test_assistenz_hourly_rate_checks_table_even_with_a_negotiated_rate():
    with pytest.raises(InvalidInputError, match=r"^table"):
        assistenz_hourly_rate(
            kind="einfache_assistenz",
            tarifwerk="Haustarif A",
            on=date(2024, 6, 1),
            table=0.0,  # type: ignore[arg-type]
            negotiated_rate="43.00",
        )


def _two_year_table() -> HourlyRateTable:
    kind = AssistenzKind("einfache_assistenz")
    return HourlyRateTable(
        entries=(
            HourlyRateEntry(
                kind=kind,
                tarifwerk="Haustarif A",
                valid_from=date(2024, 1, 1),
                valid_until=date(2024, 12, 31),
                rate=Decimal("41.10"),
                source="s",
            ),
            HourlyRateEntry(
                kind=kind, tarifwerk="Haustarif A", valid_from=date(2025, 1, 1), rate=Decimal("42.30"), source="s"
            ),
        )
    )


def test_hourly_rate_table_find_names_what_is_wrong():
    table = _two_year_table()
    assert table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2024, 12, 31)).rate == Decimal(
        "41.10"
    )
    assert table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2025, 1, 1)).rate == Decimal("42.30")
    cases = [
        ({"tarifwerk": 5}, "tarifwerk: got 5; pass the Tarifwerk key as a string"),
        ({"on": "2024-06-01"}, "on: got '2024-06-01'; pass a datetime.date, not str"),
        (
            {"tarifwerk": "B"},
            "tarifwerk: got 'B'; the table has no einfache_assistenz rates for this Tarifwerk; known: Haustarif A",
        ),
        (
            {"kind": "qualifizierte_assistenz", "tarifwerk": "B"},
            "tarifwerk: got 'B'; the table has no qualifizierte_assistenz rates for this Tarifwerk; known: (none)",
        ),
    ]
    for change, message in cases:
        call = {"kind": "einfache_assistenz", "tarifwerk": "Haustarif A", "on": date(2024, 6, 1)} | change
        with pytest.raises(InvalidInputError) as info:
            table.find(**call)
        assert str(info.value) == message
        assert info.value.value == change.get("tarifwerk", change.get("on"))
    with pytest.raises(ParameterNotFoundError) as missing:
        table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2023, 12, 31))
    assert str(missing.value) == (
        "on: no einfache_assistenz rate for Haustarif A on 2023-12-31; "
        "the table covers 2024-01-01–2024-12-31, 2025-01-01–open"
    )


def test_table_refuses_overlaps_floats_and_loose_types() -> None:
    qa = AssistenzKind.QUALIFIZIERTE_ASSISTENZ
    base = {"kind": qa, "tarifwerk": "T", "valid_from": date(2024, 1, 1), "rate": "50.00", "source": "s"}
    with pytest.raises(ValidationError, match="overlap"):
        HourlyRateTable(entries=[base, {**base, "valid_from": date(2024, 6, 1)}])
    with pytest.raises(ValidationError, match="floats"):
        HourlyRateEntry(**{**base, "rate": 50.0})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="whole cents"):
        HourlyRateEntry(**{**base, "rate": "50.001"})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="valid date"):
        HourlyRateEntry(**{**base, "valid_from": "2024-01-01"})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Extra inputs"):
        HourlyRateEntry(**{**base, "tarif": "x"})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="before valid_from"):
        HourlyRateEntry(**{**base, "valid_until": date(2023, 1, 1)})  # type: ignore[arg-type]


def test_table_from_json() -> None:
    table = HourlyRateTable.model_validate_json(
        '{"entries": [{"kind": "unterstuetzende_assistenz", "tarifwerk": "AVR DD", "valid_from": "2024-01-01",'
        ' "rate": "49.90", "source": "Verhandlungsergebnis"}]}'
    )
    r = assistenz_hourly_rate(kind="unterstuetzende_assistenz", tarifwerk="AVR DD", on=ON, table=table)
    assert (r.amount, r.citations) == (Decimal("49.90"), ("LRV B.4.4 Abs. 2",))


def test_annual_hours_with_a_date_checks_the_date() -> None:
    assert hourly_rate(annual_personnel_cost="60000", annual_hours="1500", on=ON).amount == Decimal("40.00")
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="60000", annual_hours="1500", on="2024")  # type: ignore[arg-type]
    assert info.value.argument == "on"


def test_table_find_refuses_a_non_string_tarifwerk() -> None:
    with pytest.raises(InvalidInputError) as info:
        _table().find(kind=AssistenzKind.QUALIFIZIERTE_ASSISTENZ, tarifwerk=5, on=ON)  # type: ignore[arg-type]
    assert info.value.argument == "tarifwerk"


def test_billable_hours_are_an_input_a_2_2_abs_2() -> None:
    # default: all 1,584 hours billable, 63,360 ÷ 1,584 = 40.00, billable_hours = 1,584
    r = hourly_rate(annual_personnel_cost="63360", on=ON)
    assert (r.amount, r.billable_hours) == (Decimal("40.00"), Decimal(1584))
    # 80 % billable: 1,584 × 0.8 = 1,267.2 hours; 63,360 × 1.35 = 85,536 ÷ 1,267.2 = 67.50
    r = hourly_rate(
        annual_personnel_cost="63360",
        surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"},
        on=ON,
        billable_share_percent="80",
    )
    assert (r.amount, r.annual_hours, r.billable_hours) == (Decimal("67.50"), Decimal(1584), Decimal("1267.2"))
    assert "LRV A.2.2 Abs. 2" in r.citations
    assert r.inputs["billable_share_percent"] == Decimal(80)
    # an agreed number of billable hours replaces the annual hours: 63,360 ÷ 1,200 = 52.80, no KGSt read
    r = hourly_rate(annual_personnel_cost="63360", billable_hours="1200")
    assert (r.amount, r.billable_hours, r.parameters) == (Decimal("52.80"), Decimal(1200), ())
    assert r.steps[-2].de == "Stundensatz = Kosten ÷ abrechenbare Stunden"
    # 38.5 weekly hours, 90 % billable: 1,584 × 38.5 ÷ 39 × 0.9 = 1,407.323…; 50,000 ÷ that = 35.53
    r = hourly_rate(annual_personnel_cost="50000", on=ON, weekly_hours="38.5", billable_share_percent="90")
    assert r.amount == Decimal("35.53")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"billable_share_percent": "0"}, "billable_share_percent"),
        ({"billable_share_percent": "100.01"}, "billable_share_percent"),
        ({"billable_hours": "0"}, "billable_hours"),
        ({"billable_hours": "1200", "billable_share_percent": "80"}, "billable_share_percent"),
        ({"billable_hours": "1200", "annual_hours": "1584"}, "annual_hours"),
        ({"billable_hours": "1200", "weekly_hours": "39"}, "weekly_hours"),
    ],
)
def test_billable_hours_bad_input(kwargs: dict[str, object], argument: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="63360", on=ON, **kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_billable_hours_with_a_bad_on_names_on() -> None:
    # ``on`` is not read with billable_hours (no KGSt value), but a non-date is still refused as ``on``
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="63360", billable_hours="1200", on="2024-01-01")  # type: ignore[arg-type]
    assert (info.value.argument, info.value.value) == ("on", "2024-01-01")


def test_billable_share_of_given_annual_hours() -> None:
    # annual_hours replaces the KGSt value, no ``on`` needed: 1,600 × 80 % = 1,280 billable hours;
    # 64,000 ÷ 1,280 = 50.00
    r = hourly_rate(annual_personnel_cost="64000", annual_hours="1600", billable_share_percent="80")
    assert (r.amount, r.annual_hours, r.billable_hours, r.parameters) == (
        Decimal("50.00"),
        Decimal(1600),
        Decimal(1280),
        (),
    )


@pytest.mark.parametrize("kwargs", [{"billable_hours": "0.0001"}, {"billable_share_percent": "0.0001", "on": ON}])
def test_billable_rate_beyond_the_limit_names_its_inputs(kwargs: dict[str, object]) -> None:
    # 10^14 ÷ 0.0001 hours = 10^18 ≥ 10^15; 10^14 ÷ (1,584 × 0.0001 %) = 10^14 ÷ 0.001584 ≈ 6.3 × 10^16 ≥ 10^15
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="100000000000000", **kwargs)  # type: ignore[arg-type]
    assert info.value.argument == "annual_personnel_cost × (1 + surcharges_percent) ÷ billable hours"


def test_hourly_rate_table_find_lists_every_known_tarifwerk() -> None:
    # two Tarifwerke for the kind: both named, sorted, separated by ", "
    table = HourlyRateTable(
        entries=tuple(
            HourlyRateEntry(
                kind=AssistenzKind.EINFACHE_ASSISTENZ,
                tarifwerk=name,
                valid_from=date(2024, 1, 1),
                rate=Decimal("41.10"),
                source="s",
            )
            for name in ("TVöD-SuE", "AVR Caritas")
        )
    )
    with pytest.raises(InvalidInputError) as info:
        table.find(kind="einfache_assistenz", tarifwerk="B", on=ON)
    assert str(info.value) == (
        "tarifwerk: got 'B'; the table has no einfache_assistenz rates for this Tarifwerk; known: AVR Caritas, TVöD-SuE"
    )


def test_an_overridden_reference_week_of_zero_hours_is_refused_by_its_name():
    # weekly_hours converts by KGSt hours × weekly ÷ kgst_wochenarbeitszeit: a reference of 0 cannot divide
    with pytest.raises(
        InvalidInputError,
        match=r"^overrides\['kgst_wochenarbeitszeit'\]: got Decimal\('0'\); pass a number of hours above zero$",
    ):
        hourly_rate(
            annual_personnel_cost="63360",
            on=date(2024, 1, 1),
            weekly_hours="30",
            overrides={"kgst_wochenarbeitszeit": "0"},
        )


def test_a_surcharge_without_a_name_is_refused_with_the_name_given():
    with pytest.raises(
        InvalidInputError,
        match=r"^surcharges_percent: got ''; name every surcharge with a non-empty string$",
    ):
        hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), surcharges_percent={"": "5"})


def test_overridden_kgst_hours_of_zero_are_refused_by_their_name():
    with pytest.raises(
        InvalidInputError,
        match=r"^overrides\['kgst_normalarbeitszeit'\]: got Decimal\('0'\); pass a number of hours above zero$",
    ):
        hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), overrides={"kgst_normalarbeitszeit": "0"})


def test_without_a_day_or_hours_the_error_says_how_to_give_them() -> None:
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="63360")
    assert str(info.value) == (
        "on: got None; pass on=date(...) to read the KGSt Normalarbeitszeit for that day, or annual_hours=..."
    )


def test_a_reference_week_of_one_hour_is_a_week_and_of_zero_hours_is_refused() -> None:
    # 1,584 KGSt hours × 0.5 weekly hours ÷ a reference week of 1 hour = 792 hours: 63,360 ÷ 792 = 80.00
    one = hourly_rate(
        annual_personnel_cost="63360",
        weekly_hours="0.5",
        on=date(2024, 1, 1),
        overrides={"kgst_wochenarbeitszeit": "1"},
    )
    assert (one.annual_hours, one.amount) == (Decimal(792), Decimal("80.00"))
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(
            annual_personnel_cost="63360",
            weekly_hours="0.5",
            on=date(2024, 1, 1),
            overrides={"kgst_wochenarbeitszeit": "0"},
        )
    assert (info.value.argument, info.value.value) == ("overrides['kgst_wochenarbeitszeit']", Decimal(0))


def test_a_rate_beyond_the_limit_names_the_formula() -> None:
    # 100,000,000,000 € ÷ 0.0001 hours = 10^15 €: refused, naming what was divided
    with pytest.raises(InvalidInputError) as info:
        hourly_rate(annual_personnel_cost="100000000000", annual_hours="0.0001")
    assert info.value.argument == "annual_personnel_cost × (1 + surcharges_percent) ÷ annual_hours"
    assert info.value.value == Decimal(10**15)


def test_kgst_hours_of_one_are_hours() -> None:
    # an override of 1 hour a year is odd but not zero: 100 € ÷ 1 h = 100.00 (0 is refused before it divides)
    r = hourly_rate(annual_personnel_cost="100", on=date(2024, 1, 1), overrides={"kgst_normalarbeitszeit": "1"})
    assert (r.annual_hours, r.amount) == (Decimal(1), Decimal("100.00"))
