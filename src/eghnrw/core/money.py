"""Exact money: parse amounts, round to the cent, split a total so the parts add up.

Euro amounts are :class:`decimal.Decimal`. A figure is rounded once, to the cent, where it is
agreed or paid, *kaufmännisch* (``ROUND_HALF_UP``). All arithmetic runs inside
:func:`decimal.localcontext`; the caller's global context is never read for precision or
rounding, and never changed.

Accepted inputs are ``Decimal``, ``int`` and ``str`` in plain decimal syntax (``"1234.56"``,
``"-3"``, ``"0.5"``); whitespace around a string is ignored, as ``Decimal(" 12 ")`` and
``int(" 12 ")`` do (a cell of a table often carries it), whitespace inside is refused.
Refused, each with an :class:`~eghnrw.core.errors.InvalidInputError` that names the argument:
``float`` (binary fractions cannot hold cents exactly), ``bool``, NaN and infinities, exponent
notation, and German-formatted strings such as ``"1.234,56"`` (ambiguous: ``"1.234"`` would mean
1,234 in German and 1.234 in plain syntax) — unless the caller says the text is German
(``parse_amount(text, decimal_comma=True)``, :func:`plain_syntax`), for a file or a column known to
be written so: then ``"1.658.253,19"`` is ``Decimal('1658253.19')``, strictly, never guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, TypeAlias

from eghnrw.core.errors import InvalidInputError

__all__ = ["allocate", "parse_amount", "round_cents"]

Amount: TypeAlias = Decimal | int | str
"""What eghnrw accepts wherever an amount, a count or a percentage is expected."""

CENT: Final = Decimal("0.01")

#: Precision for intermediate results: far beyond any Euro figure, so only the one documented
#: rounding to the cent changes a value.
CONTEXT: Final = Context(prec=60, rounding=ROUND_HALF_UP, Emin=-999999, Emax=999999, traps=[])

#: Largest magnitude accepted (10^15, a thousand billion Euro): keeps every product exact at the
#: working precision and turns absurd input into a clear error instead of an overflow.
LIMIT: Final = Decimal(10) ** 15

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_GERMAN_HINT = re.compile(r"[,]|\d\.\d{3}\.|^\s*[+-]?\d{1,3}(?:\.\d{3})+,")
_COMMA: Final = re.compile(r"[+-]?\d+(?:,\d+)?", re.ASCII)
_GROUPED: Final = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+", re.ASCII)
_EURO: Final = re.compile(r"\s*€$")
_GERMAN_EXPECTED: Final = (
    "a number with a decimal comma (1234,56; thousands points only with a decimal comma, as in 1.234,56)"
)


def plain_syntax(text: str) -> str | None:
    """German number syntax (German Excel's) as plain decimal syntax, or ``None`` if ``text`` is not written so.

    A decimal comma (``700,5``), thousands points only together with a decimal comma (``1.234,56``;
    ``1.234`` alone could be 1234 or 1.234), a trailing ``€`` dropped, spaces around ignored.

    >>> plain_syntax("1.658.253,19"), plain_syntax("-3,5 €"), plain_syntax("700")
    ('1658253.19', '-3.5', '700')
    >>> plain_syntax("1.234"), plain_syntax("625.00"), plain_syntax("abc")
    (None, None, None)
    """
    plain = _EURO.sub("", text.replace("\u00a0", " ").strip())
    if _COMMA.fullmatch(plain):
        return plain.replace(",", ".")
    if _GROUPED.fullmatch(plain):
        return plain.replace(".", "").replace(",", ".")
    return None


def parse_amount(value: object, argument: str = "amount", *, decimal_comma: bool = False) -> Decimal:
    """Return ``value`` as a finite ``Decimal``, or raise :class:`InvalidInputError`.

    ``decimal_comma``: a string is in German syntax (:func:`plain_syntax`), e.g. a column of a German
    Excel file; the default is plain decimal syntax only.

    >>> parse_amount("1234.56")
    Decimal('1234.56')
    >>> parse_amount(7)
    Decimal('7')
    >>> parse_amount("1.658.253,19", decimal_comma=True)
    Decimal('1658253.19')
    >>> parse_amount(0.1, "rate")
    Traceback (most recent call last):
    ...
    eghnrw.core.errors.InvalidInputError: rate: got 0.1; floats cannot hold cents exactly: ...

    Raises:
        InvalidInputError: a float, bool, NaN or infinity, a string not in plain decimal syntax
            (German format, exponent, separators) — or, with ``decimal_comma``, not in German
            syntax —, another type, or a magnitude of 10^15 or more; ``decimal_comma`` not a bool.
    """
    if not isinstance(decimal_comma, bool):
        raise InvalidInputError("decimal_comma", decimal_comma, "pass True or False")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool):
        raise InvalidInputError(argument, value, "pass a number (Decimal, int or str), not a bool")
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        number = _parse_german(value, argument) if decimal_comma else _parse_str(value, argument)
    elif isinstance(value, float):
        # The suggested string must itself be accepted: plain syntax, never "1e+20" or "nan".
        # float's own repr: a subclass (numpy.float64) may show itself as "np.float64(1.5)".
        example = f"{Decimal(float.__repr__(value)):f}" if math.isfinite(value) else "1234.56"
        raise InvalidInputError(
            argument,
            value,
            f'floats cannot hold cents exactly: pass a Decimal, an int or a string such as "{example}"',
        )
    else:
        raise InvalidInputError(
            argument,
            value,
            f"expected a Decimal, an int or a str in plain decimal syntax, not {type(value).__name__}",
        )
    if not number.is_finite():
        raise InvalidInputError(argument, value, "pass a finite number (no NaN or infinity)")
    if number.copy_abs() >= LIMIT:
        raise InvalidInputError(argument, value, f"pass a number smaller in magnitude than {LIMIT:,}")
    return number


def _parse_german(text: str, argument: str) -> Decimal:
    plain = plain_syntax(text) if len(text) <= 64 else None
    if plain is None:
        raise InvalidInputError(argument, text, "pass " + _GERMAN_EXPECTED)
    return Decimal(plain)


def _parse_str(text: str, argument: str) -> Decimal:
    stripped = text.strip()
    if len(stripped) > 64 or not _PLAIN.fullmatch(stripped):
        if _GERMAN_HINT.search(stripped):
            hint = 'German number format is ambiguous here: write "1234.56" for 1.234,56 €'
        else:
            hint = 'expected plain decimal syntax such as "1234.56" (no exponent, no separators)'
        raise InvalidInputError(argument, text, hint)
    return Decimal(stripped)


def round_cents(value: Amount, argument: str = "value") -> Decimal:
    """Round to the cent, ``ROUND_HALF_UP`` (kaufmännisch), whatever the caller's context.

    >>> round_cents(Decimal("2.345"))
    Decimal('2.35')
    >>> round_cents(Decimal("-2.345"))
    Decimal('-2.35')

    Raises:
        InvalidInputError: ``value`` not an amount :func:`parse_amount` accepts.
    """
    return parse_amount(value, argument).quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def round_result(exact: Decimal, inputs: str) -> Decimal:
    """Round a computed figure to the cent, ``ROUND_HALF_UP``; refuse one of 10^15 € or more.

    For the calculations: ``exact`` was computed from checked inputs, and ``inputs`` names them
    (e.g. ``"annual_cost ÷ (places × days × occupancy_percent)"``), so a result blown up by a
    divisor near zero or a huge factor is refused naming what the caller passed.

    >>> round_result(Decimal("144.19607"), "annual_cost ÷ billable days")
    Decimal('144.20')

    Raises:
        InvalidInputError: ``exact`` of 10^15 or more in magnitude (named by ``inputs``).
    """
    if exact.copy_abs() >= LIMIT:
        raise InvalidInputError(
            inputs, exact, f"the result lies beyond {LIMIT:,}: check these inputs (a divisor near zero, a huge factor)"
        )
    return exact.quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def allocate(total: Amount, parts: int | Sequence[Amount]) -> tuple[Decimal, ...]:
    """Split ``total`` into parts that add up to it exactly, to the cent.

    ``parts`` is either a number of equal parts or a sequence of non-negative weights. Each part
    first gets its exact share rounded down to the cent; the cents left over go one each to the
    parts with the largest remainders, ties to the earlier part (largest-remainder method).
    ``total`` must be in whole cents — round it first with :func:`round_cents` — and may be
    negative (a credit), in which case the parts are negative too.

    >>> allocate(Decimal("100.00"), 3)
    (Decimal('33.34'), Decimal('33.33'), Decimal('33.33'))
    >>> allocate("10.00", ["1", "3"])
    (Decimal('2.50'), Decimal('7.50'))

    Raises:
        InvalidInputError: ``total`` not an amount in whole cents; ``parts`` not a number from 1 to
            1,000,000 nor a sequence of weights of zero or more with at least one above zero.
    """
    amount = parse_amount(total, "total")
    if amount != amount.quantize(CENT, context=CONTEXT):
        raise InvalidInputError("total", total, "pass an amount in whole cents (round it first with round_cents)")
    weights = _weights(parts)
    cents = int(amount.scaleb(2, context=CONTEXT))
    sign = -1 if cents < 0 else 1
    cents = abs(cents)
    weight_sum = sum(weights)
    # Exact in whole numbers: part i is cents × w_i ÷ Σw = floor + remainder ÷ Σw.
    shares = [divmod(cents * w, weight_sum) for w in weights]
    floors = [floor for floor, _ in shares]
    leftover = cents - sum(floors)
    # Largest remainder first; on a tie the earlier part wins (sorted() is stable).
    order = sorted(range(len(shares)), key=lambda i: shares[i][1], reverse=True)
    for i in order[:leftover]:
        floors[i] += 1
    return tuple(Decimal(sign * c).scaleb(-2, context=CONTEXT) for c in floors)


def _weights(parts: int | Sequence[Amount]) -> list[int]:
    """The weights as whole numbers (all scaled by one power of ten, so their ratios are exact)."""
    if isinstance(parts, bool):
        raise InvalidInputError("parts", parts, "pass a number of parts or a sequence of weights")
    if isinstance(parts, int):
        if parts < 1 or parts > 1_000_000:
            raise InvalidInputError("parts", parts, "pass a number of parts from 1 to 1,000,000")
        return [1] * parts
    if isinstance(parts, (str, bytes)) or not isinstance(parts, Sequence):
        raise InvalidInputError("parts", parts, "pass a number of parts or a sequence of weights")
    if not parts:
        raise InvalidInputError("parts", parts, "pass at least one weight")
    numbers = [parse_amount(w, f"parts[{i}]") for i, w in enumerate(parts)]
    if any(n < 0 for n in numbers):
        raise InvalidInputError("parts", list(parts), "weights must not be negative")
    if not any(numbers):
        raise InvalidInputError("parts", list(parts), "at least one weight must be above zero")
    # Whole numbers over one common denominator instead of Fractions (exact, and several times
    # faster for the shares of a Kalkulation's components).
    ratios = [n.as_integer_ratio() for n in numbers]
    common = math.lcm(*(denominator for _, denominator in ratios))
    return [numerator * (common // denominator) for numerator, denominator in ratios]
