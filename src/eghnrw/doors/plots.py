"""Pictures of results (extra ``plot``: matplotlib, imported on first use).

- :func:`waterfall` (``compare(...).plot()``): the old amount, each driver's contribution, the
  new amount;
- :func:`what_if_curve` (``what_if(...).plot()``): the rate over the varied input, the
  Kalkulation's value and rate marked; over the occupancy also the revenue at the Kalkulation's
  rate against the annual cost, and the break-even occupancy (:func:`eghnrw.break_even_occupancy`);
- :func:`occupancy_chart` (``occupancy_analysis(...).plot()``): the revenue at the agreed and at
  the reached occupancy against the annual cost;
- :func:`timeline_chart` (``timeline.plot()``): the dates of a timeline as a row of marks.

Each draws into ``ax`` (a matplotlib Axes; default: a new figure) and returns it, with titles and
labels in German (``lang="de"``) or English, amounts as Euro (``1.000.027,00 €`` / ``€1,000,027.00``).
The figures plotted are the result's own exact values; matplotlib draws them as floats, and every
amount written on a chart is formatted from the ``Decimal`` itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from eghnrw.core._optional import optional_module
from eghnrw.core.trace import Lang, check_lang, format_value

if TYPE_CHECKING:
    from eghnrw.doors.timelines import Timeline
    from eghnrw.verguetung.negotiation.comparison import ComparisonResult
    from eghnrw.verguetung.negotiation.occupancy import OccupancyAnalysisResult
    from eghnrw.verguetung.negotiation.scenarios import WhatIfResult

__all__ = ["euro", "occupancy_chart", "timeline_chart", "waterfall", "what_if_curve"]

_UP, _DOWN, _TOTAL, _MARK = "#c0392b", "#27ae60", "#34495e", "#2c7fb8"
_UNITS = {"day": ("Tag", "day"), "hour": ("Stunde", "hour"), "month": ("Monat", "month")}


def euro(amount: Decimal | float, lang: Lang = "de") -> str:
    """An amount as Euro, to the cent: ``1.000.027,00 €`` (German) or ``€1,000,027.00``.

    >>> euro(Decimal("1000027")), euro(Decimal("-52606.5"), "en")
    ('1.000.027,00 €', '€-52,606.50')
    """
    cents = Decimal(str(amount)).quantize(Decimal("0.01"))  # a float only from an axis tick
    return f"{format_value(cents, 'de')} €" if lang == "de" else f"€{format_value(cents, 'en')}"


def _axes(ax: Any, lang: object) -> tuple[Any, Lang]:
    checked = check_lang(lang)
    if ax is None:
        plt: Any = optional_module("matplotlib.pyplot", extra="plot", feature="plot()")
        _figure, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    else:
        optional_module("matplotlib", extra="plot", feature="plot()")
    return ax, checked


def _euro_axis(axis: Any, lang: Lang) -> None:
    ticker: Any = optional_module("matplotlib.ticker", extra="plot", feature="plot()")
    axis.set_major_formatter(ticker.FuncFormatter(lambda value, _position: euro(value, lang)))


def _t(lang: Lang, de: str, en: str) -> str:
    return de if lang == "de" else en


def waterfall(result: ComparisonResult, *, ax: Any = None, lang: str = "de") -> Any:
    """A waterfall: the old amount, one bar per driver's contribution, the new amount; returns the Axes.

    Raises:
        InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
    """
    ax, lang = _axes(ax, lang)
    names = [_t(lang, "bisher", "old"), *result.contributions, _t(lang, "neu", "new")]
    level = result.old_amount
    bottoms, heights, colours, shown = [Decimal(0)], [result.old_amount], [_TOTAL], [result.old_amount]
    for contribution in result.contributions.values():
        bottoms.append(level if contribution >= 0 else level + contribution)
        heights.append(abs(contribution))
        colours.append(_UP if contribution > 0 else _DOWN)
        shown.append(contribution)
        level += contribution
    bottoms.append(Decimal(0))
    heights.append(result.new_amount)
    colours.append(_TOTAL)
    shown.append(result.new_amount)
    bars = ax.bar(names, [float(h) for h in heights], bottom=[float(b) for b in bottoms], color=colours)
    labels = [euro(value, lang) if i in (0, len(shown) - 1) else _signed(value, lang) for i, value in enumerate(shown)]
    ax.bar_label(bars, labels=labels, label_type="edge", fontsize=8)
    ax.margins(y=0.12)  # room for the labels above the highest bar
    ax.set_title(f"{result.title[0 if lang == 'de' else 1]} ({result.calculation})")
    ax.set_ylabel(_t(lang, "Betrag", "Amount"))
    _euro_axis(ax.yaxis, lang)
    ax.tick_params(axis="x", labelrotation=30)
    return ax


def _signed(value: Decimal, lang: Lang) -> str:
    return ("+" if value >= 0 else "") + euro(value, lang)


def what_if_curve(result: WhatIfResult, *, ax: Any = None, lang: str = "de") -> Any:
    """The rate over the varied input, the Kalkulation's value and rate marked; returns the Axes.

    Over ``occupancy_percent`` a second axis shows the revenue at the Kalkulation's rate
    (:func:`eghnrw.occupancy_analysis`) against the annual cost, and the break-even occupancy
    (:func:`eghnrw.break_even_occupancy`) is marked.

    Raises:
        InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
    """
    ax, lang = _axes(ax, lang)
    values = [float(row.value) for row in result.rows]
    ax.plot(values, [float(row.amount) for row in result.rows], marker="o", color=_MARK, label=_t(lang, "Satz", "Rate"))
    ax.axhline(
        float(result.base_amount),
        color=_TOTAL,
        linestyle=":",
        label=_t(lang, "Satz der Kalkulation", "Rate of the Kalkulation") + f" {euro(result.base_amount, lang)}",
    )
    kalkulation = result.inputs.get("kalkulation")
    agreed = kalkulation.get(result.vary) if isinstance(kalkulation, Mapping) else None
    if agreed is not None:
        ax.axvline(
            float(Decimal(str(agreed))),
            color=_TOTAL,
            linestyle="--",
            label=_t(lang, "vereinbart", "agreed") + f" {format_value(Decimal(str(agreed)), lang)}",
        )
    if result.vary == "occupancy_percent" and isinstance(kalkulation, Mapping):
        _revenue(ax, result, kalkulation, lang)
    ax.set_title(f"{result.title[0 if lang == 'de' else 1]}: {result.vary}")
    ax.set_xlabel(result.vary)
    unit = _UNITS.get(result.unit, (result.unit, result.unit))[0 if lang == "de" else 1]
    ax.set_ylabel(_t(lang, f"Satz je {unit}", f"Rate per {unit}"))
    _euro_axis(ax.yaxis, lang)
    ax.legend(loc="upper right", fontsize=8)
    return ax


def _revenue(ax: Any, result: WhatIfResult, kalkulation: Mapping[str, Any], lang: Lang) -> None:
    """The revenue at the Kalkulation's rate over the occupancy, the annual cost, the break-even."""
    from eghnrw.verguetung.negotiation import break_even_occupancy, occupancy_analysis  # noqa: PLC0415 - the rules themselves

    on = result.inputs.get("on")
    analyses = [
        occupancy_analysis(kalkulation=kalkulation, actual_occupancy_percent=row.value, rate=result.base_amount, on=on)
        for row in result.rows
    ]
    twin = ax.twinx()
    values = [float(row.value) for row in result.rows]
    twin.plot(
        values,
        [float(a.revenue) for a in analyses],
        color=_DOWN,
        label=_t(lang, "Erlös zum Satz", "Revenue at the rate"),
    )
    twin.axhline(
        float(analyses[0].annual_cost), color=_UP, linestyle="-.", label=_t(lang, "Jahreskosten", "Annual cost")
    )
    even = break_even_occupancy(kalkulation=kalkulation, rate=result.base_amount, on=on)
    if even.percent is not None:
        twin.axvline(
            float(even.percent),
            color=_UP,
            linestyle=":",
            label=_t(lang, "Kostendeckung ab", "Break-even at") + f" {format_value(even.percent, lang)} %",
        )
    twin.set_ylabel(_t(lang, "Erlös je Jahr", "Revenue per year"))
    _euro_axis(twin.yaxis, lang)
    twin.legend(loc="lower left", fontsize=8)


def occupancy_chart(result: OccupancyAnalysisResult, *, ax: Any = None, lang: str = "de") -> Any:
    """The revenue at the agreed and at the reached occupancy against the annual cost; returns the Axes.

    Raises:
        InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
    """
    ax, lang = _axes(ax, lang)
    names = [
        _t(lang, "vereinbart", "agreed") + f" ({format_value(result.agreed_occupancy_percent, lang)} %)",
        _t(lang, "erreicht", "reached") + f" ({format_value(result.actual_occupancy_percent, lang)} %)",
    ]
    revenues = [result.agreed_revenue, result.revenue]
    bars = ax.bar(names, [float(r) for r in revenues], color=[_TOTAL, _MARK])
    ax.bar_label(bars, labels=[euro(r, lang) for r in revenues], fontsize=8)
    ax.axhline(
        float(result.annual_cost),
        color=_UP,
        linestyle="--",
        label=_t(lang, "Jahreskosten", "Annual cost") + f" {euro(result.annual_cost, lang)}",
    )
    difference = _t(lang, "Mehr-/Mindererlös", "Surplus/shortfall") + f": {_signed(result.revenue_difference, lang)}"
    ax.set_title(f"{result.title[0 if lang == 'de' else 1]}\n{difference}")
    ax.set_ylabel(_t(lang, "Erlös je Jahr", "Revenue per year"))
    _euro_axis(ax.yaxis, lang)
    ax.legend(loc="lower right", fontsize=8)
    return ax


def timeline_chart(result: Timeline, *, ax: Any = None, lang: str = "de") -> Any:
    """The dates of a timeline as a row of marks, each labelled with what happens; returns the Axes.

    Raises:
        InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
    """
    ax, lang = _axes(ax, lang)
    dates: Any = optional_module("matplotlib.dates", extra="plot", feature="plot()")
    days = [entry.day for entry in result.entries]
    ax.plot(days, [0] * len(days), marker="o", linestyle="-", color=_MARK)
    for number, entry in enumerate(result.entries):
        text = f"{format_value(entry.day, lang)}: {entry.de if lang == 'de' else entry.en}"
        ax.annotate(
            text,
            (entry.day, 0),
            xytext=(0, 12 if number % 2 == 0 else -14),
            textcoords="offset points",
            rotation=30,
            ha="left",
            va="bottom" if number % 2 == 0 else "top",
            fontsize=7,
        )
    ax.set_title(result.scenario[0 if lang == "de" else 1])
    ax.set_yticks([])
    ax.set_ylim(-1, 1)
    ax.xaxis.set_major_formatter(dates.DateFormatter("%d.%m.%Y" if lang == "de" else "%Y-%m-%d"))
    ax.tick_params(axis="x", labelrotation=30)
    return ax
