"""Golden snapshots of the command's human output: any change in a figure or a clause shows in review.

Regenerate after an intended change with ``EGHNRW_UPDATE_GOLDEN=1 pytest tests/test_cli_golden.py``
and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import eghnrw
from eghnrw.doors import cli

GOLDEN = Path(__file__).resolve().parent / "golden"

COMMANDS = {
    "hourly-rate": ["hourly-rate", "--annual-personnel-cost", "63360", "--on", "2024-01-01",
                    "--surcharges-percent", "gemeinkosten=20,sachaufwand=15"],
    "kdu-en": ["kdu", "--actual-costs", "700", "--adequacy-limit", "500", "--lang", "en"],
    "organisationsmodul": ["organisationsmodul", "--persons", "40", "--posts-per-person", "0.025",
                           "--cost-per-post", "70000", "--sachaufwand-percent", "10", "--investment", "30000",
                           "--public-subsidies", "10000", "--operating-costs", "5000",
                           "--occupancy-percent", "100", "--days", "365"],
    "lrv-termination": ["lrv-termination", "--notice-received", "2024-03-15"],
    "audit-timeline": ["audit-timeline", "--last-audit-day", "2024-10-31"],
    "demo": ["demo"],
}  # fmt: skip


def normalise(text: str) -> str:
    """The version changes with every release; the figures must not."""
    return text.replace(f"eghnrw {eghnrw.__version__}", "eghnrw <version>")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_matches_golden_file(capsys, name) -> None:
    code = cli.main(COMMANDS[name])
    out = normalise(capsys.readouterr().out)
    assert code == 0
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("EGHNRW_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"output of {name} changed: review, then regenerate"
