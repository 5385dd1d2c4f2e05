"""``eghnrw run`` to JSON lines, fast: the common kinds computed as columns, their records written from a template.

Most of a book is hourly rates, daily rates and KdU checks in their plain form. Building and
dumping a pydantic result per case costs about three times their arithmetic, so for these a chunk
of cases is grouped by kind and computed by the column forms (:mod:`eghnrw.doors.batch`, and the rules'
exact helpers for the intermediate figures), and each audit record is written from a template: the
record of a case of the same shape computed by the single call, with its figures left open.

Nothing is guessed:

- a template is made from a case computed the ordinary way (``_outcome``, which writes that case),
  and it writes cases only after it has written a second case byte for byte as the ordinary way
  did; every ``CHECK_EVERY`` cases of its shape one more is computed both ways and compared, and
  a difference stops the run (:class:`FastPathMismatchError`, exit 1; with ``--output`` no file is
  written), so a wrong record is never left standing in a finished output;
- every figure of a record (an input, a step value, a result field that is a number) is either
  named in the kind's :class:`_Spec` or declared the same for a whole shape; a template that
  would keep another number of its sample is not made;
- a case the fast path does not cover (another kind, other fields, a value the column form does
  not certainly accept) goes the ordinary way, so refusals keep their messages, and so does the
  first case of each shape, so every library warning is raised as before (shown once each).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from operator import itemgetter
from typing import Any, Final

from eghnrw.core.errors import EghnrwError
from eghnrw.core.money import CENT, CONTEXT
from eghnrw.core.params import parameter
from eghnrw.core.trace import Result, Step
from eghnrw.doors.batch import RowError, daily_rates, hourly_rates, kdu_checks
from eghnrw.doors.cli._outcome import Outcome, kind_of, outcome
from eghnrw.doors.cli._read import Case
from eghnrw.doors.cli._write import json_line
from eghnrw.unterkunft.kdu import threshold_factor
from eghnrw.verguetung.rates._arithmetic import billable_units, hourly_exact, unit_rate

__all__ = ["CHECK_EVERY", "Done", "Fast", "FastPathMismatchError", "covered_kinds"]

#: After this many cases written from a template, the next of its shape is computed both ways and compared.
CHECK_EVERY: Final = 1000
#: At most this many templates (shapes) in a run: memory stays flat however many days a book names.
_MAX_TEMPLATES: Final = 256
_ZERO: Final = Decimal(0)

#: A case's figures by name, and the shape they share with others (what their template is made for).
Figures = tuple[Hashable, dict[str, Any]]
#: A case's place in the file, its kind and its converted fields (field name → value for the library).
_Row = dict[str, Any]
#: What comes back per case: ``(None, line)`` for a computed case, ``(outcome, None)`` for a refused one.
Done = tuple["Outcome | None", Any]


class FastPathMismatchError(EghnrwError, RuntimeError):
    """A record written from a template differs from the single call's: a bug (``eghnrw run`` exits 1)."""


@dataclass(frozen=True)
class _Spec:
    """Where a kind's figures stand in its audit record, and how a column of its cases is computed.

    ``fields``: the fields a case gives (exactly these); ``inputs``: the inputs that are figures;
    ``steps``: the figure each step shows, in order (``""``: the same for the whole shape);
    ``results``: result field → figure; ``fixed``: result fields the same for the whole shape;
    ``compute``: the figures of rows of converted fields (``None`` for a row the column form does not
    certainly accept: it goes the ordinary way).
    """

    fields: frozenset[str]
    inputs: tuple[str, ...]
    steps: tuple[str, ...]
    results: tuple[tuple[str, str], ...]
    compute: Callable[[list[_Row]], list[Figures | None]]
    fixed: frozenset[str] = frozenset()

    @property
    def names(self) -> tuple[str, ...]:
        """Every figure, in a fixed order (the template's slots)."""
        return tuple(dict.fromkeys([*self.inputs, *filter(None, self.steps), *(name for _, name in self.results)]))


def _accepted(value: object) -> Decimal:
    """The ``Decimal`` the rule reads from a value its column form accepted (the cost of a ``Decimal()``).

    Accepted means :func:`~eghnrw.core.money.parse_amount` takes it: a ``Decimal`` (kept), an ``int``, or
    a string in plain syntax, which ``Decimal`` reads alike (``parse_amount`` strips it first, as
    ``Decimal`` does).
    """
    return value if type(value) is Decimal else Decimal(value)  # type: ignore[arg-type] # an int or str here


def _computed(rows: list[Any], errors: Iterable[RowError]) -> Iterator[tuple[int, Any] | None]:
    """``(index, row)`` for each row of a batch, ``None`` for a row it refused (the ordinary way tells why)."""
    refused = {error.index for error in errors}
    return (None if i in refused else (i, row) for i, row in enumerate(rows))


def _hourly(rows: list[_Row]) -> list[Figures | None]:
    """Hourly rates (LRV A.4.6 Abs. 2) from the annual cost and the KGSt hours of the day: ``hourly_rates`` per day."""
    found: list[Figures | None] = [None] * len(rows)
    by_day: dict[date, list[int]] = {}
    for i, row in enumerate(rows):
        by_day.setdefault(row["on"], []).append(i)
    for day, indexes in by_day.items():
        costs = [rows[i]["annual_personnel_cost"] for i in indexes]
        try:
            batch = hourly_rates(annual_personnel_cost=costs, on=day)
            hours = parameter("kgst_normalarbeitszeit", day).value
        except EghnrwError:  # e.g. no KGSt value on that day: each case is refused the ordinary way
            continue
        for computed, amount in zip(_computed(indexes, batch.errors), batch.amounts, strict=True):
            if computed is not None:
                at, i = computed
                cost = _accepted(costs[at])
                # hourly_rate's exact rate without surcharges: cost × 100 × 1 ÷ (hours × 100)
                figures = {"annual_personnel_cost": cost, "exact": hourly_exact(cost, _ZERO, hours), "amount": amount}
                found[i] = (day, figures)
    return found


def _daily(rows: list[_Row]) -> list[Figures | None]:
    """Daily rates (LRV A.4.5 Abs. 2) with their days given: ``daily_rates``, the divisor by ``billable_units``."""
    try:
        batch = daily_rates(
            annual_cost=[row["annual_cost"] for row in rows],
            places=[row["places"] for row in rows],
            occupancy_percent=[row["occupancy_percent"] for row in rows],
            days=[row["days"] for row in rows],
        )
    except EghnrwError:  # pragma: no cover - every argument is a column: each row is checked on its own
        return [None] * len(rows)
    found: list[Figures | None] = []
    for computed, amount in zip(_computed(rows, batch.errors), batch.amounts, strict=True):
        if computed is None:
            found.append(None)
            continue
        row = computed[1]
        places = row["places"]
        cost, occupancy, days = (
            _accepted(row["annual_cost"]),
            _accepted(row["occupancy_percent"]),
            _accepted(row["days"]),
        )
        capacity = places * days  # daily_rate's places × Berechnungstage
        figures = {
            "annual_cost": cost,
            "places": places,
            "occupancy_percent": occupancy,
            "days": days,
            "billable_days": billable_units(capacity, occupancy),
            "exact": unit_rate(cost, capacity, occupancy),
            "amount": amount,
        }
        found.append(((), figures))
    return found


def _kdu(rows: list[_Row]) -> list[Figures | None]:
    """KdU checks (LRV B.4.14 Abs. 7) with the defaults: ``kdu_checks``; one shape each for exceeding or not."""
    actual = [row["actual_costs"] for row in rows]
    limits = [row["adequacy_limit"] for row in rows]
    try:
        batch = kdu_checks(actual_costs=actual, adequacy_limit=limits)
    except EghnrwError:  # pragma: no cover - both arguments are columns: each row is checked on its own
        return [None] * len(rows)
    factor = threshold_factor().value  # kdu_check's default: the factor in force since 01.01.2020
    found: list[Figures | None] = []
    shares = (batch.columns[name] for name in ("exceeds_threshold", "sgb_xii_share", "eingliederungshilfe_share",
                                                "uncovered_share"))  # fmt: skip
    for computed, exceeds, sgb_xii, eingliederungshilfe, uncovered in zip(
        _computed(rows, batch.errors), *shares, strict=True
    ):
        if computed is None:
            found.append(None)
            continue
        row = computed[1]
        limit = _accepted(row["adequacy_limit"])
        figures = {
            "actual_costs": _accepted(row["actual_costs"]).quantize(CENT),  # in cents, as kdu_check records them
            "adequacy_limit": limit,
            "threshold": limit * factor,
            "sgb_xii_share": sgb_xii,
            "eingliederungshilfe_share": eingliederungshilfe,
            "uncovered_share": uncovered,
        }
        found.append((exceeds, figures))
    return found


#: The kinds the fast path covers, in the plain form most cases have.
_SPECS: Final[Mapping[str, _Spec]] = {
    "hourly-rate": _Spec(
        fields=frozenset({"annual_personnel_cost", "on"}),
        inputs=("annual_personnel_cost",),
        steps=("annual_personnel_cost", "", "exact", "amount"),
        results=(("amount", "amount"), ("annual_cost", "annual_personnel_cost")),
        compute=_hourly,
        fixed=frozenset({"annual_hours", "surcharge_percent", "billable_hours"}),  # the KGSt hours of the day; 0
    ),
    "daily-rate": _Spec(
        fields=frozenset({"annual_cost", "places", "occupancy_percent", "days"}),
        inputs=("annual_cost", "places", "occupancy_percent", "days"),
        steps=("annual_cost", "places", "occupancy_percent", "days", "billable_days", "exact", "amount"),
        results=(("amount", "amount"), ("billable_days", "billable_days"), ("days", "days")),
        compute=_daily,
    ),
    "kdu": _Spec(
        fields=frozenset({"actual_costs", "adequacy_limit"}),
        inputs=("actual_costs", "adequacy_limit"),
        steps=(
            "actual_costs",
            "adequacy_limit",
            "threshold",
            "",  # whether it exceeds: the shape
            "sgb_xii_share",
            "eingliederungshilfe_share",
            "uncovered_share",
        ),
        results=tuple(
            (name, name)
            for name in (
                "threshold",
                "actual_costs",
                "adequacy_limit",
                "sgb_xii_share",
                "eingliederungshilfe_share",
                "uncovered_share",
            )
        ),
        compute=_kdu,
    ),
}


def covered_kinds() -> tuple[str, ...]:
    """The kinds the fast path covers.

    >>> covered_kinds()
    ('hourly-rate', 'daily-rate', 'kdu')
    """
    return tuple(_SPECS)


# --- templates -----------------------------------------------------------------------------------

#: A figure's stand-in while a template is made: a number no record holds, found again in its JSON.
_MARK: Final = re.compile(r'"-9173(\d\d)\.5713"|-9173(\d\d)5713(?=[,}\]])')


def _mark(slot: int, sample: object) -> Decimal | int:
    """The stand-in of figure number ``slot``, of the sample's type (its JSON and type name as the figure's)."""
    if type(sample) is Decimal:
        return Decimal(f"-9173{slot:02d}.5713")
    if type(sample) is int:
        return int(f"-9173{slot:02d}5713")
    raise TypeError(f"a figure of a template is a Decimal or an int, not {type(sample).__name__}")


def _numeric(value: object) -> bool:
    return type(value) in {Decimal, int}


class _Template:
    """A kind's audit record with its figures left open, filled in per case (:meth:`record`)."""

    def __init__(self, spec: _Spec, sample: Result, figures: dict[str, Any]) -> None:
        names = spec.names
        marks = {name: _mark(slot, figures[name]) for slot, name in enumerate(names)}
        self.names = names
        self.types = tuple(type(figures[name]) for name in names)
        fields = dict(sample.__dict__)
        inputs = dict(sample.inputs)
        for name in spec.inputs:
            inputs[name] = marks[name]
        if any(_numeric(value) for name, value in inputs.items() if name not in spec.inputs):
            raise ValueError("an input that is a number is not a figure")
        if len(spec.steps) != len(sample.steps):
            raise ValueError("the steps differ from the kind's")
        steps = []
        for step, name in zip(sample.steps, spec.steps, strict=True):
            steps.append(Step(step.clause, step.de, step.en, marks[name]) if name else step)
        values = dict(spec.results)
        for name, value in fields.items():
            if name in values:
                fields[name] = marks[values[name]]
            elif name not in {"inputs", "parameters", "steps", "eghnrw_version"} | spec.fixed and _numeric(value):
                raise ValueError(f"the result's {name} is a number that is not a figure")
        fields |= {"inputs": inputs, "steps": tuple(steps)}
        pieces = _MARK.split(type(sample).build(**fields).model_dump_json())
        # split() gives text, slot (a Decimal's, quoted), slot (an int's, bare), text, …: one of the two is None
        quoted = pieces[1::3]
        slots = [int(text or bare) for text, bare in zip(quoted, pieces[2::3], strict=True)]
        expected = len(spec.inputs) + len(list(filter(None, spec.steps))) + len(spec.results)
        if len(slots) != expected:
            raise ValueError(f"{len(slots)} figures found in the record, {expected} expected")
        #: The record as text, figure, text, …, text: the figures' places filled in per case (``str.join``,
        #: about 1 µs; ``str.format`` on the same text takes 6 µs).
        self.parts: list[str] = [""] * (2 * len(slots) + 1)
        self.parts[0::2] = [  # a Decimal's quotes stay with the text around it
            ('"' if i and quoted[i - 1] is not None else "") + text
            + ('"' if i < len(slots) and quoted[i] is not None else "")
            for i, text in enumerate(pieces[0::3])
        ]  # fmt: skip
        self.slots = itemgetter(*slots) if len(slots) > 1 else lambda texts: (texts[slots[0]],)
        self.written = 0
        self.confirmed = False

    def record(self, figures: dict[str, Any]) -> str | None:
        """The audit record with these figures, or ``None`` if one is not of the template's type."""
        values = [figures[name] for name in self.names]
        if tuple(map(type, values)) != self.types:
            return None
        parts = self.parts.copy()
        parts[1::2] = self.slots(list(map(str, values)))
        return "".join(parts)


@dataclass
class Fast:
    """The fast path of one run (its templates); :meth:`chunk` computes and writes a chunk of cases."""

    german: bool = False
    templates: dict[tuple[str, Hashable], _Template | None] = field(default_factory=dict)

    def chunk(self, cases: list[Case]) -> Iterator[Done]:
        """Each case computed and written as a JSON line (in order), or its outcome if refused."""
        figures = self._figures(cases)
        for case, found in zip(cases, figures, strict=True):
            if found is not None:
                name, shape, values = found
                template = self.templates.get((name, shape))
                if template is not None and template.confirmed and template.written < CHECK_EVERY:
                    record = template.record(values)
                    if record is not None:
                        template.written += 1
                        yield None, json_line(case, name, record)
                        continue
            done = outcome(case, german=self.german)
            if done.result is None:
                yield done, None
                continue
            record = done.result.model_dump_json()
            if found is not None:
                self._learn(found, done.result, record, case)
            yield None, json_line(done, done.kind, record)

    def _learn(self, found: tuple[str, Hashable, dict[str, Any]], result: Result, record: str, case: Case) -> None:
        """A case of a covered kind computed the ordinary way: make, confirm or check its shape's template."""
        name, shape, values = found
        key = (name, shape)
        if key not in self.templates:
            if len(self.templates) >= _MAX_TEMPLATES:
                return
            try:
                made: _Template | None = _Template(_SPECS[name], result, values)
            except (TypeError, ValueError):  # the record has another form than the kind's spec: the ordinary way
                made = None
            self.templates[key] = made if made is not None and made.record(values) == record else None
            return
        template = self.templates[key]
        mine = template.record(values) if template is not None else None
        if template is None or mine is None:  # no template, or figures of other types: nothing to compare
            return
        same = mine == record
        if not template.confirmed:
            template.confirmed = same
            if not same:
                self.templates[key] = None
            return
        if not same:  # cases were written from this template: never go on after a difference
            raise FastPathMismatchError(
                f"the record the fast path wrote for {name} differs from the single call's at line {case.line}; "
                "the output is incomplete"
            )
        template.written = 0

    def _figures(self, cases: list[Case]) -> list[tuple[str, Hashable, dict[str, Any]] | None]:
        """Each case's kind, shape and figures where the fast path covers it, else ``None``."""
        rows: dict[str, list[tuple[int, _Row]]] = {}
        german = self.german
        for i, case in enumerate(cases):
            fields = case.fields
            kind = kind_of(case.kind) if fields is not None else None
            spec_name = kind.name if kind is not None else ""
            spec = _SPECS.get(spec_name)
            if kind is None or spec is None or fields is None or fields.keys() != spec.fields:
                continue
            converters = kind.converters
            try:
                # _kind.compute's conversion: each field's converter (German numbers, "95 %", dates, …)
                row = {name: converters[name][1](converters[name][0], value, german) for name, value in fields.items()}
            except EghnrwError:
                continue
            rows.setdefault(spec_name, []).append((i, row))
        found: list[tuple[str, Hashable, dict[str, Any]] | None] = [None] * len(cases)
        with warnings.catch_warnings(), localcontext(CONTEXT):
            warnings.simplefilter("ignore")  # raised by the first case of each shape, computed the ordinary way
            for name, indexed in rows.items():
                for (i, _), figures in zip(indexed, _SPECS[name].compute([row for _, row in indexed]), strict=True):
                    if figures is not None:
                        found[i] = (name, *figures)
        return found
