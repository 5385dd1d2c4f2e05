"""The ``eghnrw`` command (stub: version, help and a short demo; subcommands follow)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import eghnrw


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eghnrw`` command."""
    parser = argparse.ArgumentParser(
        prog="eghnrw",
        description="Calculations under the NRW framework agreements on Eingliederungshilfe (LRV, RV).",
    )
    parser.add_argument("--version", action="version", version=f"eghnrw {eghnrw.__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("demo", help="a short worked calculation with its explanation")
    return parser


def _demo() -> None:
    hours = eghnrw.parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))
    print(f"KGSt Normalarbeitszeit 2024: {hours.value} {hours.unit} — {hours.source}")
    cost = Decimal(63360)
    print(f"Stundensatz: {cost} € / {hours.value} h = {eghnrw.round_cents(cost / hours.value)} €")
    print(f"§ 116 Abs. 2 SGB IX, 100,00 € auf drei Personen: {eghnrw.allocate(Decimal('100.00'), 3)}")
    print(f"Frist von vier Wochen ab 08.05.2024 (§§ 187, 188 BGB): {eghnrw.add_period(date(2024, 5, 8), weeks=4)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 ok, 2 bad input, 1 anything else)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "demo":
        _demo()
        return 0
    parser.print_help()
    return 0
