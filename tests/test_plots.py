"""Charts of results, rendered to PNG with Agg: their bars, marks, labels and titles."""

from __future__ import annotations

import io
import sys
from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.doors.plots import euro

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

OLD = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
NEW = e.daily_rate(annual_cost="1050000", places=20, occupancy_percent="90", days=365)
KAL = e.kalkulation(
    unit="day",
    places=24,
    occupancy_percent="96",
    days=365,
    posts=[{"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True}],
    material_costs="30000",
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _png(ax) -> bytes:
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png")
    data = buffer.getvalue()
    assert data.startswith(b"\x89PNG")
    return data


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_the_waterfall_has_one_bar_per_contribution_between_old_and_new():
    c = e.compare(OLD, NEW)
    ax = c.plot()
    _png(ax)
    bars = ax.patches
    assert len(bars) == 1 + len(c.contributions) + 1  # old, 4 drivers, new
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names == ["bisher", "annual_cost", "places", "occupancy", "days", "neu"]
    # 144.20 → +7.21 → +0.00 → +8.41 → +0.00 → 159.82: each bar starts where the one before ended
    assert [round(b.get_y() + b.get_height(), 2) for b in bars] == [144.2, 151.41, 151.41, 159.82, 159.82, 159.82]
    assert _texts(ax) == ["144,20 €", "+7,21 €", "+0,00 €", "+8,41 €", "+0,00 €", "159,82 €"]
    assert ax.get_title() == "Vergleich: was sich geändert hat (daily_rate)"
    assert ax.get_ylabel() == "Betrag"


def test_the_waterfall_in_english_and_into_a_given_axes():
    _figure, given = plt.subplots()
    ax = e.compare(OLD, NEW).plot(ax=given, lang="en")
    assert ax is given
    assert ax.get_title() == "Comparison: what changed (daily_rate)"
    assert _texts(ax)[0] == "€144.20"
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "new"


def test_a_falling_contribution_hangs_down_from_the_level_before():
    c = e.compare(NEW, OLD)  # 159.82 → 144.20, the annual cost first: 1,000,000 ÷ 6,570 = 152.21 (−7.61)
    ax = c.plot()
    annual = ax.patches[1]
    assert (round(annual.get_y(), 2), round(annual.get_height(), 2)) == (152.21, 7.61)  # 159.82 − 7.61
    assert _texts(ax)[1] == "-7,61 €"


def test_the_what_if_curve_marks_the_agreed_value_the_rate_and_the_break_even():
    w = e.what_if(KAL, vary="occupancy_percent", start="85", stop="100", step="1")
    ax = w.plot()
    _png(ax)
    curve = ax.lines[0]
    assert list(curve.get_xdata()) == [float(v) for v in range(85, 101)]
    assert list(curve.get_ydata()) == [float(a) for a in w.amounts]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    # Kalkulation: 402,000 ÷ (24 × 365 × 0.96) = 402,000 ÷ 8,409.6 = 47.802… → 47,80 € at 96 %
    assert labels == ["Satz", "Satz der Kalkulation 47,80 €", "vereinbart 96"]
    twin = next(other for other in ax.figure.axes if other is not ax)
    revenue = [t.get_text() for t in twin.get_legend().get_texts()]
    # 402,000 ÷ (47.80 × 8,760) = 96.004…%, rounded up to the hundredth: 96.01 %
    assert revenue == ["Erlös zum Satz", "Jahreskosten", "Kostendeckung ab 96,01 %"]
    assert ax.get_title() == "Was wäre wenn: Leistungspauschale je Wert: occupancy_percent"


def test_a_what_if_over_another_input_has_no_revenue_axis():
    ax = e.what_if(KAL, vary="material_costs", values=["20000", "30000"]).plot(lang="en")
    assert len(ax.figure.axes) == 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Rate", "Rate of the Kalkulation €47.80", "agreed 30,000"]


def test_the_occupancy_chart():
    o = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    ax = o.plot()
    _png(ax)
    assert len(ax.patches) == 2
    assert _texts(ax) == ["1.000.027,00 €", "947.394,00 €"]
    assert ax.get_title().endswith("Mehr-/Mindererlös: -52.606,00 €")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["vereinbart (95 %)", "erreicht (90 %)"]


def test_the_timeline_is_a_row_of_dated_marks():
    t = e.termination_timeline(notice_received=date(2024, 3, 15))
    ax = t.plot()
    _png(ax)
    assert len(ax.lines[0].get_xdata()) == len(t.entries)
    assert _texts(ax)[0] == f"15.03.2024: {t.entries[0].de}"
    assert ax.get_title() == t.scenario[0]
    assert e.termination_timeline(notice_received=date(2024, 3, 15)).plot(lang="en").get_title() == t.scenario[1]


def test_a_language_other_than_de_or_en_is_refused():
    with pytest.raises(e.InvalidInputError, match="lang"):
        e.compare(OLD, NEW).plot(lang="fr")


def test_euro_formats_exactly_to_the_cent():
    assert euro(Decimal("1658253.19")) == "1.658.253,19 €"
    assert euro(Decimal("1658253.19"), "en") == "€1,658,253.19"
    assert euro(0.5) == "0,50 €"  # an axis tick


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'eghnrw\[plot\]'") as caught:
        e.compare(OLD, NEW).plot()
    assert isinstance(caught.value, e.EghnrwError)


def _plotted() -> dict[str, object]:
    """One result of each type that draws itself."""
    return {
        "compare": e.compare(OLD, NEW),
        "what_if": e.what_if(KAL, vary="occupancy_percent", values=["90", "96"]),
        "occupancy": e.occupancy_analysis(
            annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
        ),
        "timeline": e.termination_timeline(notice_received=date(2024, 3, 15)),
    }


@pytest.mark.parametrize("kind", ["compare", "what_if", "occupancy", "timeline"])
def test_every_chart_draws_into_the_axes_given_and_in_the_language_asked(kind: str):
    result = _plotted()[kind]
    given = plt.figure().add_subplot()
    assert result.plot(ax=given, lang="en") is given  # type: ignore[attr-defined]
    english = given.get_title()
    german = result.plot().get_title()  # type: ignore[attr-defined]
    assert english != german  # the language reaches the chart
    assert result.plot(lang="de").get_title() == german  # type: ignore[attr-defined]
