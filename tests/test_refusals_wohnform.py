"""Refusals of the besondere Wohnformen, the billing rules and the module rates, pinned.

The counterpart of ``tests/test_refusals.py`` (whose probe values, date clashes and record digest
this file reuses) for ``eghnrw.unterkunft.wohnform``, ``eghnrw.verguetung.billing`` and
``eghnrw.verguetung.module_rates``: for each function of the fuzz table and each of its arguments,
the outcome of every probe value — the error's type and message, or a digest of the result's
record — and of each pair of date
arguments set equal, a day apart and swapped. A few more baselines reach the branches the fuzz
table's single baseline does not: a Kurzzeitbetreuung approved during the stay without an
emergency, a Vergütungskürzung by ``months``, the LWL Pflegefamilie, the Mischflächen as a fixed
share, each field of an invoice item and of a House. The outcomes are in
``tests/golden/refusals-wohnform.json``.

Regenerate after an intended change and review the diff::

    EGHNRW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_refusals_wohnform.py
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pydantic
import pytest

import eghnrw as e
from eghnrw.core.errors import EghnrwError, ParameterOutdatedWarning
from fuzz.fuzz_table import _HOUSE, BY_NAME, Arg, Spec
from golden_files import check_golden
from test_refusals import PROBES, _date_clashes, _record

GOLDEN = Path(__file__).resolve().parent / "golden" / "refusals-wohnform.json"

#: Untraced by coverage, like tests/test_refusals.py: the probes reach no line the other tests miss.
pytestmark = pytest.mark.no_cover

MODULES = ("eghnrw.unterkunft.wohnform", "eghnrw.verguetung.billing", "eghnrw.verguetung.module_rates")

_ITEM = {"description": "Fachmodul Wohnen", "unit": "day", "quantity": "29", "unit_price": "47.09", "clause": "x"}


def _invoice_item(**fields: Any) -> Any:
    return e.monthly_invoice(month=date(2024, 2, 1), items=[fields])


def _house(**fields: Any) -> Any:
    return e.wohnform_split(fields)


_EXTRA: tuple[tuple[Spec, Callable[..., Any]], ...] = (
    (
        Spec(
            "kurzzeitbetreuung approved",
            (
                Arg("first_day", date(2024, 3, 1), "date"),
                Arg("last_day", date(2024, 3, 20), "date"),
                Arg("versorgung_daily_rate", "80.00", "opt_amount"),
                Arg("approved_on", date(2024, 3, 11), "opt_date"),
                Arg("emergency", False, "bool"),
                Arg("place", "solitaer", "opt_choice"),
            ),
        ),
        e.kurzzeitbetreuung,
    ),
    (
        Spec(
            "verguetungskuerzung months",
            (
                Arg("amount", "1000.00", "amount"),
                Arg("first_day", date(2024, 1, 31), "date"),
                Arg("months", 12, "count"),
                Arg("monthly_parts", True, "bool"),
            ),
        ),
        e.verguetungskuerzung,
    ),
    (
        Spec(
            "pflegefamilie_verguetung LWL",
            (Arg("landschaftsverband", "LWL", "choice"), Arg("flat_rate", "1200", "amount")),
        ),
        e.pflegefamilie_verguetung,
    ),
    (
        Spec(
            "area_split percent",
            (
                Arg("annual_costs", "1000", "amount"),
                Arg("fachleistung_m2", "100", "amount"),
                Arg("wohnen_m2", "100", "amount"),
                Arg("misch_m2", "50", "amount"),
                Arg("misch_fachleistung_percent", "20", "opt_amount"),
            ),
        ),
        e.area_split,
    ),
    (Spec("monthly_invoice item", tuple(Arg(k, v, "any") for k, v in _ITEM.items())), _invoice_item),
    (Spec("wohnform_split house", tuple(Arg(k, v, "any") for k, v in _HOUSE.items())), _house),
)
_TARGETS = {spec.name: target for spec, target in _EXTRA}


def _specs() -> list[Spec]:
    specs = [
        s
        for s in BY_NAME.values()
        if not isinstance(s.target, type) and getattr(s.target, "__module__", "").startswith(MODULES)
    ]
    return sorted(specs, key=lambda s: s.name) + [spec for spec, _ in _EXTRA]


def _call(spec: Spec, replaced: dict[str, Any]) -> Any:
    if spec.name in _TARGETS:
        return _TARGETS[spec.name](**({a.name: a.valid for a in spec.args} | replaced))
    return spec.call(replaced)


def _outcome(spec: Spec, replaced: dict[str, Any]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        try:
            record = json.dumps(_record(_call(spec, replaced)), sort_keys=True, ensure_ascii=False)
        except (EghnrwError, pydantic.ValidationError) as exc:
            return f"{type(exc).__name__}: {exc}"
    return "ok " + hashlib.sha256(record.encode()).hexdigest()[:16]


@functools.cache  # both tests below read the same table
def _current() -> dict[str, str]:
    table: dict[str, str] = {}
    for spec in _specs():
        for arg in spec.args:
            for label, value in PROBES.items():
                table[f"{spec.name}({arg.name}={label})"] = _outcome(spec, {arg.name: value})
        for label, replaced in _date_clashes(spec).items():
            table[f"{spec.name}[{label}]"] = _outcome(spec, replaced)
        table[f"{spec.name}[all None]"] = _outcome(spec, {a.name: None for a in spec.args})
    return table


def test_every_function_of_these_modules_is_probed() -> None:
    names = {s.name for s in _specs()}
    assert {
        "area_split",
        "resident_shares",
        "warmmiete_check",
        "wohnform_split",
        "monthly_invoice",
        "kurzzeitbetreuung",
        "pflegefamilie_verguetung",
        "verguetungskuerzung",
        "module_rate",
    } <= names


def test_the_refusals_match_the_golden_file() -> None:
    check_golden(GOLDEN, _current(), what="outcomes", indent=0)


def test_no_refusal_speaks_pydantic() -> None:
    leaks = {key: text for key, text in _current().items() if "pydantic" in text or "validation error" in text}
    assert not leaks, f"pydantic leaks through: {list(leaks)[:5]}"
