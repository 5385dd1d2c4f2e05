"""A mkdocs hook: draw the charts of docs/analysts.md while the site is built (used by mkdocs.yml only).

The pictures are made by the library itself from the examples of that page, so they always show
what the current code draws; none is committed. Each becomes a generated file of the site
(``charts/<name>.png``), so links to them are checked like any other.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
from mkdocs.structure.files import File, Files

import eghnrw as e


def _charts() -> dict[str, Any]:
    """The charts of docs/analysts.md, by file name: the same calls as the page's code blocks."""
    k = e.kalkulation(
        unit="day",
        places=24,
        occupancy_percent="96",
        days=365,
        posts=[
            {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
            {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
        ],
        surcharges_percent={"leitung_verwaltung": "10"},
        material_costs="30000",
        investment="24000",
    )
    old = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    new = e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
    occupancy = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    return {
        "compare.png": e.compare(old, new).plot(),
        "what-if.png": e.what_if(k, vary="occupancy_percent", start="85", stop="100", step="1").plot(),
        "occupancy.png": occupancy.plot(),
        "timeline.png": e.termination_timeline(notice_received=date(2024, 3, 15)).plot(),
    }


def on_files(files: Files, config: Any) -> Files:
    """Add each chart as a generated PNG of the site."""
    for name, ax in _charts().items():
        buffer = io.BytesIO()
        ax.figure.savefig(buffer, format="png", dpi=80)
        plt.close(ax.figure)
        files.append(File.generated(config, f"charts/{name}", content=buffer.getvalue()))
    return files
