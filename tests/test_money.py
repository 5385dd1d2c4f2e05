"""Money: parsing, rounding to the cent (kaufmännisch), allocation that adds up (DESIGN.md "Exact")."""

from __future__ import annotations

import decimal
from decimal import ROUND_DOWN, Decimal, localcontext

import pytest

import eghnrw
from eghnrw.core._check import check_bool, check_count, check_date, check_non_negative, check_percent, check_positive
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, LIMIT, allocate, parse_amount, plain_syntax, round_cents
from fuzz.fuzz_table import DEEP_LIST, HUGE_INT

D = Decimal

# --- parse_amount: what is accepted -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1234.56"), D("1234.56")),
        (D("-0.01"), D("-0.01")),
        (7, D(7)),
        (-3, D(-3)),
        (0, D(0)),
        ("1234.56", D("1234.56")),
        ("  1234.56\n", D("1234.56")),  # surrounding whitespace is stripped
        ("+1", D(1)),
        ("-3", D(-3)),
        (".5", D("0.5")),
        ("0.5", D("0.5")),
        ("1.", D(1)),
        ("1.234", D("1.234")),  # plain syntax: one point one two three four, not 1234 (docs/decisions.md)
        ("007", D(7)),
        ("999999999999999.99", D("999999999999999.99")),  # just below the limit of 10^15
        (D("-999999999999999.99"), D("-999999999999999.99")),
    ],
)
def test_parse_amount_accepts(value, expected):
    result = parse_amount(value)
    assert type(result) is Decimal
    assert result == expected


def test_parse_amount_keeps_the_digits_given():
    # "2.50" stays 2.50 (exponent -2), so a figure is shown the way it was written.
    assert parse_amount("2.50").as_tuple() == D("2.50").as_tuple()
    assert parse_amount(D("1.0")).as_tuple().exponent == -1


# --- parse_amount: what is refused --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (0.1, 'floats cannot hold cents exactly: pass a Decimal, an int or a string such as "0.1"'),
        (1e20, 'such as "100000000000000000000"'),  # the suggested string is plain syntax, no exponent
        (float("nan"), 'such as "1234.56"'),
        (float("inf"), 'such as "1234.56"'),
        (True, "not a bool"),
        (False, "not a bool"),
        (D("NaN"), "pass a finite number (no NaN or infinity)"),
        (D("sNaN"), "pass a finite number"),
        (D("Infinity"), "pass a finite number"),
        (D("-Infinity"), "pass a finite number"),
        ("NaN", "plain decimal syntax"),
        ("Infinity", "plain decimal syntax"),
        ("-inf", "plain decimal syntax"),
        ("1e5", "no exponent"),
        ("1E-2", "no exponent"),
        ("1.234,56", 'German number format is ambiguous here: write "1234.56"'),
        ("1,5", 'write "1234.56"'),
        ("1.234.567", 'write "1234.56"'),
        ("", "plain decimal syntax"),
        ("   ", "plain decimal syntax"),
        ("1_000", "no separators"),
        ("1 000", "plain decimal syntax"),
        ("12 €", "plain decimal syntax"),
        ("0x10", "plain decimal syntax"),
        ("--1", "plain decimal syntax"),
        ("1" * 70, "plain decimal syntax"),  # longer than any amount (64 characters)
        (None, "not NoneType"),
        ([1], "not list"),
        (b"1", "not bytes"),
        (D("1E+15"), "smaller in magnitude than 1,000,000,000,000,000"),
        (D("-1E+15"), "smaller in magnitude than 1,000,000,000,000,000"),
        (10**15, "smaller in magnitude"),
        ("1000000000000000", "smaller in magnitude"),
        (D("1E+400"), "smaller in magnitude"),
    ],
)
def test_parse_amount_refuses_with_the_argument_named(value, hint):
    with pytest.raises(InvalidInputError) as caught:
        parse_amount(value, "rate")
    message = str(caught.value)
    assert message.startswith(f"rate: got {value!r}"[:80])
    assert hint in message
    assert caught.value.argument == "rate"
    assert caught.value.value is value


def test_a_nan_decimal_is_refused_with_the_whole_reason():
    with pytest.raises(InvalidInputError) as caught:
        parse_amount(Decimal("NaN"), "cost")
    assert str(caught.value) == "cost: got Decimal('NaN'); pass a finite number (no NaN or infinity)"


def test_parse_amount_refusal_is_a_value_error():
    with pytest.raises(ValueError, match=r"^amount: got 0\.5; floats cannot hold cents exactly"):
        parse_amount(0.5)


def test_german_format_message_shows_the_accepted_form():
    with pytest.raises(InvalidInputError, match=r'write "1234\.56" for 1\.234,56 €'):
        parse_amount("1.234,56", "annual_cost")


def test_a_huge_int_is_refused_with_an_invalid_input_error():
    # repr of an int past Python's 4,300-digit limit fails: the message is built without it
    with pytest.raises(InvalidInputError, match=r"^amount: got"):
        parse_amount(HUGE_INT)


def test_a_float_subclass_is_refused_with_an_invalid_input_error():
    class Measured(float):  # numpy.float64 is such a subclass; its repr is "np.float64(1.5)"
        def __repr__(self) -> str:
            return f"Measured({float(self)})"

    with pytest.raises(InvalidInputError, match="floats cannot hold cents"):
        parse_amount(Measured(1.5))


def test_limit_is_ten_to_the_fifteen():
    assert D(10**15) == LIMIT


# --- round_cents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("2.345"), D("2.35")),  # half up: ...5 goes away from zero
        (D("-2.345"), D("-2.35")),  # and symmetrically for negatives (not towards +inf)
        (D("0.005"), D("0.01")),
        (D("-0.005"), D("-0.01")),
        (D("0.0049999"), D("0.00")),
        (D("2.344"), D("2.34")),
        (D("2.3449999999999999999999"), D("2.34")),  # no double rounding via 2.345
        (D("2.335"), D("2.34")),  # half up, not banker's (ROUND_HALF_EVEN would give 2.34 too, see next)
        (D("2.325"), D("2.33")),  # ROUND_HALF_EVEN would give 2.32
        (D("144.196106705118961788"), D("144.20")),  # 1,000,000 / 6,935 (DESIGN.md daily rate)
        (D(40), D("40.00")),
        (7, D("7.00")),
        ("54", D("54.00")),
        ("999999999999999.995", D("1000000000000000.00")),  # below the input limit; the rounded value may reach it
    ],
)
def test_round_cents_half_up(value, expected):
    result = round_cents(value)
    assert type(result) is Decimal
    assert result == expected
    assert result.as_tuple().exponent == -2  # always two places, "40.00" not "40"


def test_round_cents_ignores_an_odd_global_context_and_leaves_it_unchanged():
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        ctx.traps[decimal.Inexact] = True
        before = ctx.copy()
        # With prec=3 and ROUND_DOWN, 1234.565 would become 1.23E+3; kaufmännisch it is 1234.57.
        assert round_cents(D("1234.565")) == D("1234.57")
        assert round_cents(D("-2.345")) == D("-2.35")
        assert allocate(D("1000.00"), 3) == (D("333.34"), D("333.33"), D("333.33"))
        now = decimal.getcontext()
        assert (now.prec, now.rounding, now.traps[decimal.Inexact]) == (3, ROUND_DOWN, True)
        assert (now.prec, now.rounding, now.Emax, now.Emin) == (before.prec, before.rounding, before.Emax, before.Emin)


def test_round_cents_names_its_argument():
    with pytest.raises(InvalidInputError, match=r"^value: got 2\.345; floats"):
        round_cents(2.345)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^share: got 'abc'"):
        round_cents("abc", "share")


def test_a_deeply_nested_list_is_refused_with_an_invalid_input_error():
    # repr of a list nested past the recursion limit fails: the message is built without it
    with pytest.raises(InvalidInputError, match=r"^value: got"):
        round_cents(DEEP_LIST)


def test_contract_round_cents():
    assert eghnrw.round_cents(D("2.345")) == D("2.35")


# --- allocate ------------------------------------------------------------------------------------


def test_contract_example():
    # 10,000 cents / 3 = 3,333 rest 1; the one cent left goes to the earliest of three equal remainders.
    assert eghnrw.allocate(D("100.00"), 3) == (D("33.34"), D("33.33"), D("33.33"))


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        (D("100.00"), 1, ("100.00",)),
        (D("100"), 4, ("25.00", "25.00", "25.00", "25.00")),
        # 200 cents / 3 = 66 rest 2 → the first two of three equal remainders get one cent each.
        (D("2.00"), 3, ("0.67", "0.67", "0.66")),
        (D("0.01"), 3, ("0.01", "0.00", "0.00")),
        (D("0.00"), 2, ("0.00", "0.00")),
        (D("-100.00"), 3, ("-33.34", "-33.33", "-33.33")),  # a credit: the same split, negative
        (D("-0.01"), 2, ("-0.01", "0.00")),
        # weights 1:3 of 10.00 → 2.50 / 7.50, exact, nothing left over.
        ("10.00", ["1", "3"], ("2.50", "7.50")),
        # weights 1:1:1 by list equal the count form.
        (D("100.00"), [1, 1, 1], ("33.34", "33.33", "33.33")),
        # 100.00 by 1:2 = 3,333.33 / 6,666.67 cents: floors 3,333 + 6,666 = 9,999; the larger remainder
        # (.67 of part two) takes the cent.
        (D("100.00"), [D(1), D(2)], ("33.33", "66.67")),
        # weights as percentages summing to 100: 1,000.00 × 12.5 % = 125.00 exactly.
        (D("1000.00"), ["12.5", "87.5"], ("125.00", "875.00")),
        # 10.00 by 3:3:1 → 428.57… / 428.57… / 142.857… cents: floors 428 + 428 + 142 = 998;
        # remainders .571, .571, .857 → the third part first, then the earlier of the tied two.
        (D("10.00"), [3, 3, 1], ("4.29", "4.28", "1.43")),
        # a zero weight gets nothing, not even a leftover cent: 1 cent by 0:1:1 → to the middle part.
        (D("0.01"), [0, 1, 1], ("0.00", "0.01", "0.00")),
        (D("5.00"), [0, 1], ("0.00", "5.00")),
        (D("-10.00"), [3, 3, 1], ("-4.29", "-4.28", "-1.43")),
        (7, 2, ("3.50", "3.50")),  # an int total is whole cents too
    ],
)
def test_allocate(total, parts, expected):
    result = allocate(total, parts)
    assert result == tuple(D(x) for x in expected)
    assert all(type(x) is Decimal and x.as_tuple().exponent == -2 for x in result)
    assert sum(result) == parse_amount(total)


def test_allocate_accepts_a_tuple_of_weights():
    assert allocate("1.00", (D(1), "1", 2)) == (D("0.25"), D("0.25"), D("0.50"))


@pytest.mark.parametrize(
    ("total", "parts", "argument", "hint"),
    [
        (D("100.001"), 3, "total", "whole cents (round it first with round_cents)"),
        ("0.005", 2, "total", "whole cents"),
        (0.5, 2, "total", "floats cannot hold cents exactly"),
        (D("NaN"), 2, "total", "finite"),
        (D("100.00"), 0, "parts", "from 1 to 1,000,000"),
        (D("100.00"), -2, "parts", "from 1 to 1,000,000"),
        (D("100.00"), 1_000_001, "parts", "from 1 to 1,000,000"),
        (D("100.00"), True, "parts", "a number of parts or a sequence of weights"),
        (D("100.00"), "3", "parts", "a number of parts or a sequence of weights"),
        (D("100.00"), b"3", "parts", "a number of parts or a sequence of weights"),
        (D("100.00"), 3.0, "parts", "a number of parts or a sequence of weights"),
        (D("100.00"), {1, 2}, "parts", "a number of parts or a sequence of weights"),
        (D("100.00"), [], "parts", "at least one weight"),
        (D("100.00"), [1, -1], "parts", "must not be negative"),
        (D("100.00"), [0, 0], "parts", "at least one weight must be above zero"),
        (D("100.00"), [1, True], "parts[1]", "not a bool"),
        (D("100.00"), [1, 0.5], "parts[1]", "floats cannot hold cents exactly"),
        (D("100.00"), ["1", "1,5"], "parts[1]", "German number format"),
    ],
)
def test_allocate_refuses(total, parts, argument, hint):
    with pytest.raises(InvalidInputError) as caught:
        allocate(total, parts)
    assert caught.value.argument == argument
    assert str(caught.value).startswith(f"{argument}: got ")
    assert hint in str(caught.value)


def test_allocate_result_is_a_tuple_not_a_list():
    assert isinstance(allocate(D("1.00"), 2), tuple)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([1, -1], "parts: got [1, -1]; weights must not be negative"),
        ((0, "0.00"), "parts: got [0, '0.00']; at least one weight must be above zero"),
    ],
)
def test_allocate_refuses_weights_naming_them_as_given(parts, message):
    # the whole message and the value the error holds: the weights as a list, as the caller gave them
    with pytest.raises(InvalidInputError) as caught:
        allocate(D("100.00"), parts)
    assert str(caught.value) == message
    assert caught.value.value == list(parts)


def test_allocate_takes_a_million_parts_and_no_more():
    # the bound is inclusive: 1,000,000 parts are allocated, 1,000,001 refused (test_allocate_refuses)
    shares = allocate(D("10000.00"), 1_000_000)
    assert len(shares) == 1_000_000
    assert set(shares) == {D("0.01")}


@pytest.mark.parametrize("total", [D("0.00"), D("-0.00"), 0])
def test_allocating_nothing_gives_unsigned_zeros(total):
    # an invoice line of "-0,00 €" would be a visible error: zero has no sign
    shares = allocate(total, [1, 3])
    assert [str(s) for s in shares] == ["0.00", "0.00"]
    assert not any(s.is_signed() for s in shares)


def test_cent_constant():
    assert D("0.01") == CENT


# --- argument checks shared by the rule functions (eghnrw.core._check) ---------------------------------


@pytest.mark.parametrize(
    ("check", "value", "expected"),
    [
        (check_non_negative, "0", D(0)),
        (check_non_negative, D("12.50"), D("12.50")),
        (check_positive, "0.01", D("0.01")),
        (check_positive, 1584, D(1584)),
        (check_percent, "0", D(0)),
        (check_percent, "100", D(100)),  # a surcharge may exceed a plausibility value, up to 100 %
        (check_percent, "0.5", D("0.5")),
    ],
)
def test_checks_accept(check, value, expected):
    assert check(value, "x") == expected


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (check_non_negative, "-0.01", "occupancy: got '-0.01'; pass an amount of zero or more"),
        (check_non_negative, 0.5, "occupancy: got 0.5; floats cannot hold cents exactly"),
        (check_positive, 0, "occupancy: got 0; pass an amount above zero"),
        (check_positive, "-1", "occupancy: got '-1'; pass an amount above zero"),
        (check_percent, "-1", "occupancy: got '-1'; pass a percentage from 0 up to 100"),
        (check_percent, "100.01", "occupancy: got '100.01'; pass a percentage from 0 up to 100"),
        (check_percent, "1000000", "occupancy: got '1000000'; pass a percentage from 0 up to 100"),
        (check_bool, 1, "occupancy: got 1; pass True or False"),
        (check_bool, "True", "occupancy: got 'True'; pass True or False"),
        (
            lambda v, a: check_count(v, a, minimum=1, maximum=10),
            0,
            "occupancy: got 0; pass a whole number from 1 to 10",
        ),
        (check_count, 2.0, "occupancy: got 2.0; pass a whole number (int) from 0 to 1,000,000,000"),
        (check_date, "2024-01-01", "occupancy: got '2024-01-01'; pass a datetime.date, not str"),
    ],
)
def test_checks_refuse_naming_the_argument(check, value, message):
    with pytest.raises(InvalidInputError) as caught:
        check(value, "occupancy")
    assert str(caught.value).startswith(message)
    assert caught.value.argument == "occupancy"


def test_check_bool_and_count_return_the_value():
    assert check_bool(False, "x") is False
    assert check_count(5, "x") == 5


def test_non_ascii_digits_are_refused():
    # "١٢" (Arabic-Indic twelve) is a number to Python's Decimal, but not plain decimal syntax.
    with pytest.raises(InvalidInputError, match="plain decimal syntax"):
        parse_amount("١٢", "amount")


@pytest.mark.parametrize(("text", "expected"), [(" 12 ", D(12)), ("\t12.50\n", D("12.50"))])
def test_whitespace_around_a_number_is_ignored(text, expected):
    # The documented meaning (money.py): as Decimal(" 12 ") and int(" 12 ") read it.
    assert parse_amount(text) == expected
    assert round_cents(text) == expected.quantize(D("0.01"))


@pytest.mark.parametrize("text", ["1 234", "12 .5", " ", ""])
def test_whitespace_inside_a_number_is_refused(text):
    with pytest.raises(InvalidInputError):
        parse_amount(text)


def test_parse_amount_reads_german_syntax_only_when_asked():
    assert parse_amount("1.658.253,19", "cost", decimal_comma=True) == Decimal("1658253.19")
    assert parse_amount("-3,5 €", "cost", decimal_comma=True) == Decimal("-3.5")
    assert parse_amount(" 700 ", "cost", decimal_comma=True) == Decimal(700)
    assert parse_amount(Decimal("1.5"), "cost", decimal_comma=True) == Decimal("1.5")  # only text is German
    with pytest.raises(InvalidInputError, match=r"^cost: got '1.658.253,19'; German number format is ambiguous"):
        parse_amount("1.658.253,19", "cost")  # the default stays strict
    for ambiguous in ("1.234", "625.00", "1,2,3", "", "1e3"):
        with pytest.raises(InvalidInputError, match=r"^cost: got .*; pass a number with a decimal comma"):
            parse_amount(ambiguous, "cost", decimal_comma=True)


def test_plain_syntax_is_the_one_german_grammar():
    assert plain_syntax("1.234,56") == "1234.56"
    assert plain_syntax("12") == "12"
    assert plain_syntax("1.234") is None  # 1234 or 1.234: not guessed
    assert plain_syntax("1.23,4") is None  # a thousands group of two digits
    # German Excel writes a non-breaking space before the €: "1.234,56\u00a0€" is 1234.56
    assert plain_syntax("1.234,56\u00a0€") == "1234.56"
    assert plain_syntax("\u00a0-3,5\u00a0") == "-3.5"


def test_plain_text_is_read_up_to_64_characters():
    # "0." and 62 digits: 64 characters, read; one digit more: 65 characters, refused unread
    longest = "0." + "0" * 61 + "1"
    assert len(longest) == 64
    assert parse_amount(longest, "cost") == Decimal("1E-62")
    too_long = "0." + "0" * 62 + "1"
    with pytest.raises(InvalidInputError, match=r"^cost: got '0\.0+1'; expected plain decimal syntax"):
        parse_amount(too_long, "cost")


def test_german_text_is_read_up_to_64_characters():
    # "0," and 62 digits: 64 characters, read; one digit more: 65 characters, refused unread
    longest = "0," + "0" * 61 + "1"
    assert len(longest) == 64
    assert parse_amount(longest, "cost", decimal_comma=True) == Decimal("1E-62")
    too_long = "0," + "0" * 62 + "1"
    with pytest.raises(InvalidInputError, match=r"^cost: got '0,0+1'; pass a number with a decimal comma"):
        parse_amount(too_long, "cost", decimal_comma=True)
