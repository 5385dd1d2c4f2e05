"""The golden files of the record and refusal tests: compared whole, or rewritten on request.

``EGHNRW_UPDATE_GOLDEN=1`` rewrites a file (review the diff); otherwise every key must be there and
every value equal. The odd decimal context checks that a rule computes in eghnrw's context only.
"""

from __future__ import annotations

import decimal
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

#: A caller's context no rule may use: precision 3, rounding down, a narrow exponent range.
ODD_CONTEXT = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, Emin=-20, Emax=20)


def check_golden(path: Path, current: dict[str, Any], *, what: str, indent: int = 1) -> None:
    """``current`` equals the golden file at ``path`` key by key (or rewrites it, then skips)."""
    if os.environ.get("EGHNRW_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(current, indent=indent, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        pytest.skip("golden file rewritten: review the diff")
    golden = json.loads(path.read_text("utf-8"))
    assert sorted(current) == sorted(golden)
    changed = [key for key in golden if current[key] != golden[key]]
    assert not changed, f"{len(changed)} {what} changed (review, then regenerate), e.g. {changed[:10]}"


def changed_under_an_odd_context(path: Path, compute: Callable[[], dict[str, Any]]) -> list[str]:
    """The keys of the golden file at ``path`` whose value ``compute()`` gives otherwise under :data:`ODD_CONTEXT`."""
    golden = json.loads(path.read_text("utf-8"))
    with decimal.localcontext(ODD_CONTEXT):
        current = compute()
    return [key for key in golden if current[key] != golden[key]]
