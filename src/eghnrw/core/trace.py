"""Explainable results: every calculation returns a :class:`Result` that says how it was reached.

A result is a frozen pydantic model holding its value(s), the ``inputs`` it was given, the
dated ``parameters`` it used (value, validity, source) and the ``steps`` of the calculation,
each with its value and the clause it rests on. ``explain()`` renders the German (default) or
English text, Jupyter shows ``_repr_markdown_`` / ``_repr_html_`` (all text escaped), and
``model_dump_json()`` is the audit record: it names the eghnrw version and the edition of each
agreement the result applied, so a figure can be reproduced years later.

Results are built on every call, so building one is cheap: the calculation has already checked
its arguments, and :meth:`Result.build` skips a second validation.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from copy import copy, deepcopy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Context, Decimal
from enum import Enum
from functools import cache, partial
from importlib.metadata import PackageNotFoundError, version
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, Self, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializeAsAny,
    computed_field,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticUndefined

from eghnrw.core._check import NOTHING as _NOTHING
from eghnrw.core._check import validated
from eghnrw.core._editions import EDITIONS as _PARTS
from eghnrw.core._editions import amended_before, edition_keys
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.params import Parameter

__all__ = ["Result", "Step"]

Lang = Literal["de", "en"]
StepValue = bool | int | Decimal | date | str | None

#: The edition of each part of the agreements eghnrw implements (RULES C13; ``eghnrw.core._editions``),
#: named in every audit record that cites it: the LRV of 2019, its Teil B.4 as of 15.12.2021,
#: B.4.15 Abs. 6 as of 27.09.2023, and the RV.
EDITIONS: dict[str, str] = {part: edition.text for part, edition in _PARTS.items()}


@cache
def eghnrw_version() -> str:
    """The installed version of eghnrw (from the package metadata)."""
    try:
        return version("eghnrw")
    except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
        return "0+unknown"


class Step(NamedTuple):
    """One step of a calculation: its clause, what was done (German and English), its value.

    A named tuple, because a result builds several on every call; the audit record writes each
    as an object with these four keys.
    """

    clause: str
    de: str
    en: str
    value: StepValue = None


#: Builds a :class:`Step` from one tuple ``(clause, de, en, value)`` without the named tuple's
#: Python-level ``__new__``. The one speed trick of the traces, for the hot calculations (hourly,
#: daily, KdU): it saves 2.3 of 17.5 µs of an ``hourly_rate`` call (measured 2026-11).
step_of: Callable[[tuple[str, str, str, StepValue]], Step] = partial(tuple.__new__, Step)


def rounded_step(clause: str, amount: Decimal) -> Step:
    """The step of a figure rounded once to the cent, kaufmännisch (ROUND_HALF_UP), under ``clause``."""
    return step_of((clause, "gerundet auf den Cent (kaufmännisch)", "rounded to the cent (half up)", amount))


_Getter = TypeVar("_Getter", bound=Callable[..., Any])


@dataclass(frozen=True)
class Label:
    """The German and English label of one value of a result, declared where the value is.

    On a field, in its annotation: ``amount: Annotated[Decimal, Label("Betrag", "Amount")]``; on
    a property, under ``@property``: ``@Label("ausgelöst am", "triggered on")``. The result's
    ``labels`` (what ``explain()`` shows, in order) are derived from them: the labelled fields in
    field order, then the labelled properties; ``after`` names the value a label is shown after,
    where the display order differs from the order of the fields (which the audit record keeps).
    """

    de: str
    en: str
    after: str | None = None

    def __call__(self, getter: _Getter) -> _Getter:
        """Label the getter of a property (``@property`` stays outermost, for the type checkers)."""
        getter.__dict__["_label"] = self
        return getter


_DISPLAY = Context(prec=60)
_CENT = Decimal("0.01")
#: Exact intermediates (1,584 × 30 ÷ 39 hours) are shown with six decimal places in texts.
_SHOWN_PLACES = -6


def check_lang(lang: object) -> Lang:
    """``"de"`` or ``"en"``; any other language is refused rather than silently shown in English."""
    if isinstance(lang, str) and lang in {"de", "en"}:  # a str first: pandas.NA compares to no bool
        return cast("Lang", lang)
    raise InvalidInputError("lang", lang, 'pass "de" (German) or "en" (English)')


def format_value(value: object, lang: Lang = "de", *, grouping: bool = True) -> str:
    """Show a step value the way a German (or English) reader expects it.

    ``grouping=False``: a number inside a step's text (``Zuschlag 17,5 % auf 62000``), without
    thousands separators; a long fraction or an exponent is shown as with grouping.

    >>> format_value(Decimal("63360.5")), format_value(date(2025, 12, 31)), format_value(True, "en")
    ('63.360,5', '31.12.2025', 'yes')
    >>> format_value((Decimal("1.5"), "A")), format_value((Decimal("1.5"), "A"), "en"), format_value(())
    ('1,5; A', '1.5, A', 'keine')
    >>> format_value(Decimal("63360.5"), grouping=False), format_value(Decimal("63360.5"), "en", grouping=False)
    ('63360,5', '63360.5')

    Raises:
        InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"`` (``"EN"`` or ``None`` is not shown
            in English silently).
    """
    given: object = lang  # a caller's value, whatever the annotation says
    if not isinstance(given, str) or given not in {"de", "en"}:  # a str first: pandas.NA compares to no bool
        check_lang(given)
    if not grouping and type(value) is Decimal:
        text = str(value)  # a tenth of the time of format(value, "f"); exponent notation is caught here
        point = text.find(".")
        if "E" not in text and (point < 0 or len(text) - point - 1 <= -_SHOWN_PLACES):
            return text.replace(".", ",") if lang == "de" else text
    de = lang == "de"
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = ("ja" if value else "nein") if de else ("yes" if value else "no")
    elif isinstance(value, Decimal):
        text = _decimal_text(value, de=de)
    elif isinstance(value, date):
        text = value.strftime("%d.%m.%Y") if de else value.isoformat()
    elif isinstance(value, (tuple, list)) and not hasattr(value, "_fields"):  # items, each shown as above
        text = ("; " if de else ", ").join(format_value(item, lang) for item in value) or ("keine" if de else "none")
    else:
        text = str(value.value if isinstance(value, Enum) else value)
    return text


def _decimal_text(value: Decimal, *, de: bool) -> str:
    """A number with thousands separators; exact intermediates cut to six places (``…``)."""
    exponent = value.as_tuple().exponent
    suffix = ""
    if isinstance(exponent, int) and exponent < -2:
        if value == value.quantize(_CENT, context=_DISPLAY):
            value = value.quantize(_CENT, context=_DISPLAY)  # 913500.000 reads as 913500.00
        elif exponent < _SHOWN_PLACES:
            value = value.quantize(Decimal(1).scaleb(_SHOWN_PLACES), context=_DISPLAY)
            suffix = "…"  # shown shortened; inputs, steps and the JSON record keep every digit
    text = f"{value:,f}{suffix}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if de else text


class Result(BaseModel):
    """Base of every result: value fields in subclasses, plus inputs, parameters and steps."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    #: German and English title of the calculation, shown as the heading of ``explain()``.
    title: ClassVar[tuple[str, str]] = ("Ergebnis", "Result")
    #: German and English labels of the subclass's values, in display order: derived from the
    #: :class:`Label` of each field and property when the class is created.
    labels: ClassVar[dict[str, tuple[str, str]]] = {}

    inputs: Mapping[str, Any] = Field(default_factory=lambda: MappingProxyType({}))
    parameters: tuple[Parameter, ...] = ()
    steps: tuple[Step, ...] = ()
    eghnrw_version: str = Field(default_factory=eghnrw_version)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Register each result class by name, so an audit record can say which one it is; derive its labels."""
        super().__pydantic_init_subclass__(**kwargs)
        if not cls.__pydantic_fields_complete__:  # a Label inside an unresolved annotation would be lost
            raise TypeError(f"{cls.__name__}: define the types of its fields before the result class")
        if "labels" not in cls.__dict__:  # a class may still list its labels itself
            cls.labels = _labels(cls)
        if _RESULT_TYPES.setdefault(cls.__name__, cls) is not cls:
            raise TypeError(f"two result classes are called {cls.__name__}: an audit record could not tell them apart")

    @classmethod
    def from_record(cls, record: str | bytes | Mapping[str, Any]) -> Result:
        """Load an audit record (``model_dump_json()``) back into a result of the class it names.

        >>> from decimal import Decimal
        >>> from eghnrw.unterkunft.kdu import kdu_check
        >>> k = kdu_check(actual_costs=Decimal("700"), adequacy_limit=Decimal("500"))
        >>> Result.from_record(k.model_dump_json()) == k
        True

        Raises:
            InvalidInputError: ``record`` is no JSON object, names no result class (of this
                class's kind) in ``result_type``, or a field does not hold what the class records;
                the argument is ``record`` or the field path (``record.amount``).
        """
        data: object = record
        if isinstance(record, (str, bytes)):
            try:
                data = json.loads(record)
            except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, or nested too deeply
                reason = str(exc) if isinstance(exc, ValueError) else "nested too deeply"
                raise InvalidInputError(
                    "record", record, f"pass the JSON text of an audit record, r.model_dump_json() ({reason})"
                ) from None
        if not isinstance(data, Mapping):
            raise InvalidInputError("record", record, "pass an audit record: a JSON object with a result_type")
        name = data.get("result_type", _NOTHING)
        kind = _RESULT_TYPES.get(name) if isinstance(name, str) else None
        if kind is None:
            raise InvalidInputError(
                "record.result_type", name, "pass the name of a result class eghnrw knows, e.g. 'DailyRateResult'"
            )
        if not issubclass(kind, cls):
            raise InvalidInputError("record.result_type", name, f"pass the record of a {cls.__name__}")
        return validated(kind.model_validate, dict(data), "record")

    @classmethod
    def build(cls, **fields: Any) -> Self:
        """Create a result from values the calculation has already checked.

        Skips pydantic's validation (the calculation checked every argument) and its
        ``model_construct`` bookkeeping: a result is built on every call, so this is the hot path.
        Fields not given take their defaults.
        """
        if "inputs" in fields:  # read-only: the audit record cannot be changed after the fact
            fields["inputs"] = frozen_inputs(fields["inputs"])
        # In declaration order, as validation would give: the audit record's keys must not depend
        # on which fields have defaults. Updating a copy of the class's template keeps its order.
        template, fresh, required = _defaults(cls)
        values = template.copy()
        values.update(fields)  # names the class does not declare are kept, after its own, as before
        for name, make in fresh:
            if values[name] is _ABSENT:
                values[name] = make()
        if not fields.keys() >= required:  # a value field not passed is left out, as validation would say
            for name in required - fields.keys():
                del values[name]
        result = cls.__new__(cls)
        object.__setattr__(result, "__dict__", values)
        object.__setattr__(result, "__pydantic_fields_set__", set(fields))
        object.__setattr__(result, "__pydantic_extra__", None)
        object.__setattr__(result, "__pydantic_private__", None)
        return result

    @model_validator(mode="before")
    @classmethod
    def _typed_record(cls, data: Any) -> Any:
        """An audit record read back from JSON: give inputs and step values their types again.

        ``model_dump_json()`` writes the type of every input (``input_types``) and of every step
        value (``type``), because Decimal, date and text all travel as JSON strings; here they
        are read back as they were, so ``model_validate_json(r.model_dump_json()) == r``.
        """
        if not isinstance(data, dict) or "input_types" not in data:
            return data
        data = dict(data)
        recorded = data.pop("result_type", cls.__name__)
        if recorded != cls.__name__:
            raise ValueError(f"this audit record is a {recorded}, not a {cls.__name__}: use Result.from_record")
        types = data.pop("input_types")
        data["inputs"] = decode_typed(data.get("inputs", {}), types, "inputs")
        data.pop("editions", None)  # derived from the steps
        data["steps"] = [_typed_step(item) for item in data.get("steps", ())]
        return data

    @field_validator("inputs", mode="after")
    @classmethod
    def _inputs_read_only(cls, inputs: Mapping[str, Any]) -> Mapping[str, Any]:
        """Inputs given to the constructor: no float anywhere, each value one an audit record can hold, read-only."""
        _refuse_floats(inputs, "inputs")
        try:
            type_tree(inputs)  # what it cannot name (a set, an object) the record could not write later
        except TypeError as exc:
            raise ValueError(f"inputs: {exc}") from None
        return frozen_inputs(inputs)

    @field_serializer("inputs")
    def _inputs_as_dict(self, inputs: Mapping[str, Any], info: SerializationInfo) -> object:
        return _plain(inputs) if info.mode_is_json() else dict(inputs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def result_type(self) -> str:
        """The name of the result class (the kind of calculation), for :meth:`from_record`."""
        return type(self).__name__

    @computed_field  # type: ignore[prop-decorator]
    @property
    def input_types(self) -> dict[str, Any]:
        """The type of each input (``decimal``, ``date``, ``int``, …), nested like the inputs.

        Part of the audit record, so that it loads back with every input typed as it was.
        """
        return type_tree(self.inputs)  # type: ignore[no-any-return]

    @field_serializer("steps")
    def _steps_as_objects(self, steps: tuple[Step, ...], info: SerializationInfo) -> list[dict[str, Any]]:
        if not info.mode_is_json():
            return [item._asdict() for item in steps]
        return [_step_record(item) for item in steps]

    def __getstate__(self) -> dict[Any, Any]:
        """Pickle the inputs as plain dicts (a read-only view cannot be pickled); read-only again when loaded."""
        state = super().__getstate__()
        fields = state["__dict__"]
        if "inputs" in fields:
            state = {**state, "__dict__": {**fields, "inputs": _thawed(fields["inputs"])}}
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        fields = state["__dict__"]
        if "inputs" in fields:
            state = {**state, "__dict__": {**fields, "inputs": frozen_inputs(fields["inputs"])}}
        super().__setstate__(state)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        """A deep copy (also ``model_copy(deep=True)``): the pickled state copied, so the inputs stay read-only."""
        copied = type(self).__new__(type(self))
        copied.__setstate__(deepcopy(self.__getstate__(), memo))
        return copied

    def __hash__(self) -> int:
        """Equal results hash equal: every field, with mappings and sequences as frozen tuples."""
        return hash((type(self), *(hashable(value) for value in self.__dict__.values())))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def editions(self) -> tuple[str, ...]:
        """The edition of each part of the agreements cited by a step (for the audit record).

        A part whose edition is later than the day the result was asked for (``on``) is named
        with that day: the rule applied the later text, since the earlier one is not in the
        sources (RULES C13: a B.4 rule for a day before 15.12.2021).
        """
        parts = _parts(frozenset(step[0] for step in self.steps))
        day = self.inputs.get("on")
        later = amended_before(parts, day) if type(day) is date else ()
        note = f" (angewandt für den {day:%d.%m.%Y}: der frühere Text liegt nicht vor)" if later else ""
        return tuple(EDITIONS[part] + (note if part in later else "") for part in parts)

    @property
    def citations(self) -> tuple[str, ...]:
        """Every clause the steps cite, in order of first use."""
        return tuple(dict.fromkeys(step.clause for step in self.steps))

    def _values(self, lang: Lang) -> list[tuple[str, str]]:
        """Each labelled value as shown: numbers and dates by :func:`format_value`, a unit in the reader's language."""
        index = 0 if lang == "de" else 1
        shown = ((labels[index], getattr(self, name)) for name, labels in self.labels.items())
        words = _WORDS_DE if lang == "de" else {}
        return [
            (label, words.get(value, value) if isinstance(value, str) else format_value(value, lang))
            for label, value in shown
            if value is not None
        ]

    def explain(self, lang: Lang = "de") -> str:
        """The calculation as text: values, numbered steps with clauses, parameters, editions.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        de = check_lang(lang) == "de"
        lines = [self.title[0 if de else 1]]
        lines += [f"  {label}: {value}" for label, value in self._values(lang)]
        if self.steps:
            lines.append("Rechenweg:" if de else "Steps:")
            for number, item in enumerate(self.steps, 1):
                shown = format_value(item.value, lang)
                lines.append(f"  {number}. {item.de if de else item.en}{': ' + shown if shown else ''} [{item.clause}]")
        if self.parameters:
            lines.append("Parameter:" if de else "Parameters:")
            for p in self.parameters:
                lines.append(f"  {p.name} = {format_value(p.value, lang)} {p.unit} ({_validity(p, lang)}; {p.source})")
        return "\n".join([*lines, *self._footer(lang)])

    def _footer(self, lang: Lang) -> list[str]:
        """The editions applied and the eghnrw version: the last lines of every explanation."""
        lines = ["Fassungen:" if lang == "de" else "Editions:"] if self.editions else []
        lines += [f"  {edition}" for edition in self.editions]
        return [*lines, f"eghnrw {self.eghnrw_version}"]

    def __str__(self) -> str:
        return self.explain()

    def to_markdown(self, lang: Lang = "de") -> str:
        """The result as Markdown: its values, a table of the steps and one of the parameters (text escaped).

        Jupyter shows the German one (``_repr_markdown_``); ``lang="en"`` gives it in English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        words = _HEADINGS[check_lang(lang)]
        rows = [f"**{_md(self.title[0 if lang == 'de' else 1])}**", ""]
        rows += [f"- {_md(label)}: **{_md(value)}**" for label, value in self._values(lang)]
        if self.steps:
            rows += ["", *_md_table(words.steps_head, _step_rows(self.steps, lang))]
        if self.parameters:
            rows += ["", *_md_table(words.parameters_head, _parameter_rows(self.parameters, lang))]
        return "\n".join(rows)

    def to_html(self, lang: Lang = "de") -> str:
        """The result as an HTML block: its values, a table of the steps and one of the parameters (text escaped).

        Jupyter shows the German one (``_repr_html_``); in a notebook,
        ``IPython.display.HTML(r.to_html("en"))`` shows it in English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        words = _HEADINGS[check_lang(lang)]
        esc = html.escape
        parts = [f"<div class='eghnrw-result'><strong>{esc(self.title[0 if lang == 'de' else 1])}</strong><ul>"]
        parts += [f"<li>{esc(label)}: <strong>{esc(value)}</strong></li>" for label, value in self._values(lang)]
        parts.append("</ul>")
        if self.steps:
            parts.append(_html_table(words.steps_head, _step_rows(self.steps, lang)))
        if self.parameters:
            parts.append(_html_table(words.parameters_head, _parameter_rows(self.parameters, lang)))
        parts.append(f"<small>eghnrw {esc(self.eghnrw_version)}</small></div>")
        return "".join(parts)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()


class _Headings(NamedTuple):
    steps_head: tuple[str, ...]
    parameters_head: tuple[str, ...]


#: The column headings of the Markdown and HTML tables, by language.
_HEADINGS: dict[str, _Headings] = {
    "de": _Headings(("#", "Schritt", "Wert", "Fundstelle"), ("Parameter", "Wert", "Gültigkeit", "Quelle")),
    "en": _Headings(("#", "Step", "Value", "Clause"), ("Parameter", "Value", "Validity", "Source")),
}

#: The words a result holds as values (a Kalkulation's ``unit``, a module rate's ``per``), in German.
_WORDS_DE: dict[str, str] = {
    "day": "Tag",
    "hour": "Stunde",
    "month": "Monat",
    "year": "Jahr",
    "trip": "Fahrt",
    "kilometre": "Kilometer",
    "flat": "pauschal",
}


#: Every result class by name (``result_type`` in an audit record).
_RESULT_TYPES: dict[str, type[Result]] = {}


def _any_result(value: object) -> object:
    """A result recorded inside another (``ModuleRate.detail``) loads as the class it names."""
    if isinstance(value, Mapping) and "result_type" in value:
        return Result.from_record(value)
    return value


#: A field holding a result of any kind: written with all its fields, read back as its own class.
AnyResult = Annotated[SerializeAsAny[Result], BeforeValidator(_any_result)]

#: The JSON type names of the audit record, for each Python type an input or step value can have.
_LEAF_TYPES: dict[type, str] = {bool: "bool", int: "int", Decimal: "decimal", date: "date", str: "str"}
_READ_LEAF: dict[str, Callable[[Any], Any]] = {
    "bool": lambda v: _exactly(v, bool),
    "int": lambda v: _exactly(v, int),
    "decimal": lambda v: v if isinstance(v, Decimal) else Decimal(_exactly(v, str)),
    "date": lambda v: v if isinstance(v, date) else date.fromisoformat(_exactly(v, str)),
    "str": lambda v: _exactly(v, str),
    "null": lambda v: _exactly(v, type(None)),
}


def _exactly(value: Any, kind: type) -> Any:
    if type(value) is not kind and not (kind is str and isinstance(value, str)):
        raise TypeError(f"a {kind.__name__} was expected")
    return value


#: The read-only view of an empty mapping in inputs (immutable: every result may share it).
_EMPTY_VIEW: Mapping[str, Any] = MappingProxyType({})


def frozen_inputs(inputs: Mapping[str, Any]) -> Mapping[str, Any]:
    """The inputs of a result, read-only all the way down: mappings as read-only views, lists as tuples."""
    leaves = _WRITE_LEAF  # most inputs are leaves: one look-up of the exact type, no ABC check (hot path)
    return MappingProxyType({key: value if type(value) in leaves else _frozen(value) for key, value in inputs.items()})


def _frozen(value: object) -> object:
    if type(value) is dict and not value:  # no surcharges, no overrides: one shared empty view
        return _EMPTY_VIEW
    if type(value) is dict or isinstance(value, Mapping):  # a dict first: no ABC check
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return tuple(_frozen(item) for item in value)
    return value


def _thawed(value: object) -> object:
    """Read-only views as plain dicts, all the way down (the inverse of :func:`frozen_inputs`, for pickling)."""
    if isinstance(value, MappingProxyType):
        return {key: _thawed(item) for key, item in value.items()}
    if type(value) is tuple:
        return tuple(_thawed(item) for item in value)
    return value


def hashable(value: object) -> object:
    """``value`` as something hashable that is equal wherever ``value`` is: mappings and sequences as tuples."""
    if isinstance(value, BaseModel) and not isinstance(value, Result):  # a model inside (a Kalkulation)
        return (type(value), *(hashable(item) for item in value.__dict__.values()))
    if isinstance(value, Mapping):
        return tuple((key, hashable(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(hashable(item) for item in value)
    return value


#: The JSON text and type name of a leaf, by its exact type: one dictionary look-up for the values
#: every step holds (the audit record is written for every case of ``eghnrw run``).
_WRITE_LEAF: dict[type, tuple[Callable[[Any], object], str]] = {
    Decimal: (str, "decimal"),
    date: (date.isoformat, "date"),
    int: (lambda v: v, "int"),
    bool: (lambda v: v, "bool"),
    str: (lambda v: v, "str"),
    type(None): (lambda v: v, "null"),
}


@cache
def _parts(clauses: frozenset[str]) -> tuple[str, ...]:
    """The parts of the agreements the ``clauses`` come from, cached by the few sets of clauses results cite.

    Not by the day asked for: that would keep an entry for every ``on`` a long-running process sees.
    """
    return edition_keys(clauses)


def _step_record(item: Step) -> dict[str, Any]:
    """One step of the audit record: its four fields, the value as JSON data, and the value's type."""
    value = item[3]
    leaf = _WRITE_LEAF.get(type(value))
    plain, kind = (leaf[0](value), leaf[1]) if leaf else (_plain(value), type_tree(value))
    return {"clause": item[0], "de": item[1], "en": item[2], "value": plain, "type": kind}


def type_tree(value: object) -> Any:
    """The JSON type of ``value``: a type name, a list of trees (a sequence) or a mapping of trees."""
    leaf = _WRITE_LEAF.get(type(value))
    if leaf:
        return leaf[1]
    if isinstance(value, Mapping):  # the leaves looked up here, not in a call each (inputs: hot path)
        get = _WRITE_LEAF.get
        return {str(key): (leaf[1] if (leaf := get(type(item))) else type_tree(item)) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [type_tree(item) for item in value]
    for kind in type(value).__mro__:  # an enum member is its str or int
        if kind in _LEAF_TYPES and not (kind is date and isinstance(value, datetime)):
            return _LEAF_TYPES[kind]
    raise TypeError(f"{type(value).__name__} cannot be written to an audit record: {value!r}")


def _plain(value: object) -> object:
    """``value`` as JSON data: Decimal and date as text, sequences as lists, enums as their value."""
    leaf = _WRITE_LEAF.get(type(value))
    if leaf:
        return leaf[0](value)
    if isinstance(value, Mapping):  # the leaves looked up here, not in a call each (inputs: hot path)
        get = _WRITE_LEAF.get
        return {str(key): (leaf[0](item) if (leaf := get(type(item))) else _plain(item)) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (Decimal, date)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def decode_typed(value: Any, tree: Any, where: str) -> Any:
    """Read a JSON value back into the type its ``type_tree`` names (the inverse of :func:`_plain`).

    Raises:
        InvalidInputError: the value does not hold the type recorded for it (argument ``where``).
    """
    if isinstance(tree, str):
        if tree not in _READ_LEAF:
            raise InvalidInputError(where, value, f"the record names the unknown type {tree!r} for it")
        if tree != "null" and value is None:
            raise InvalidInputError(where, value, f"a {tree} was recorded, but the value is null")
        try:
            return _READ_LEAF[tree](value)
        except (ArithmeticError, TypeError, ValueError) as exc:
            raise InvalidInputError(where, value, f"it is not a {tree} as recorded ({exc})") from None
    if isinstance(tree, list) and isinstance(value, (list, tuple)) and len(tree) == len(value):
        return tuple(
            decode_typed(item, kind, f"{where}[{i}]") for i, (item, kind) in enumerate(zip(value, tree, strict=True))
        )
    if isinstance(tree, dict) and isinstance(value, Mapping) and tree.keys() == value.keys():
        return {key: decode_typed(value[key], tree[key], f"{where}[{key!r}]") for key in value}
    raise InvalidInputError(where, value, f"the recorded types {tree!r} do not fit it")


def _typed_step(item: object) -> object:
    if isinstance(item, dict) and "type" in item:
        item = dict(item)
        kind = item.pop("type")
        item["value"] = decode_typed(item.get("value"), kind, f"steps[{item.get('clause', '?')!r}].value")
    return item


def _refuse_floats(value: object, where: str) -> None:
    if isinstance(value, float):
        raise ValueError(f"{where} holds the float {value!r}: pass a Decimal, an int or a string")  # noqa: TRY004 - pydantic reports ValueError as a validation error
    if isinstance(value, Mapping):
        for key, item in value.items():
            _refuse_floats(item, f"{where}[{key!r}]")
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            _refuse_floats(item, f"{where}[{index}]")


def _labels(cls: type[Result]) -> dict[str, tuple[str, str]]:
    """The labels of a result class's values in display order, from the :class:`Label` of each field and property."""
    marked = [
        (name, item) for name, info in cls.model_fields.items() for item in info.metadata if isinstance(item, Label)
    ]
    marked += [
        (name, value.fget.__dict__["_label"])
        for klass in reversed(cls.__mro__)
        for name, value in vars(klass).items()
        if isinstance(value, property) and "_label" in getattr(value.fget, "__dict__", {})
    ]
    order = [name for name, item in marked if item.after is None]
    for name, item in marked:
        if item.after is not None:
            if item.after not in order:
                raise TypeError(
                    f"{cls.__name__}.{name} is labelled to be shown after {item.after!r}, which has no label"
                )
            order.insert(order.index(item.after) + 1, name)
    found = dict(marked)
    return {name: (found[name].de, found[name].en) for name in order}


#: Stands in a class's template for a field whose value :meth:`Result.build` must still find.
_ABSENT: Any = object()


@cache
def _defaults(
    cls: type[Result],
) -> tuple[dict[str, Any], tuple[tuple[str, Callable[[], Any]], ...], frozenset[str]]:
    """Per result class: its fields in declaration order, for :meth:`Result.build`.

    Returns the template (each field with its default where the default is shared safely, that
    is where ``copy`` would return it unchanged; else ``_ABSENT``), the fields whose default is
    made afresh on each build (a factory, or a copy of a mutable default), and the fields without
    a default (value fields the calculation must pass).
    """
    template: dict[str, Any] = {}
    fresh: list[tuple[str, Callable[[], Any]]] = []
    required: list[str] = []
    version = eghnrw_version()  # one value per process: read at the first build, not at import
    for name, info in cls.model_fields.items():
        template[name] = _ABSENT
        if info.default_factory is eghnrw_version:
            template[name] = version
        elif info.default_factory is not None:
            fresh.append((name, info.default_factory))  # type: ignore[arg-type] # takes no argument here
        elif info.default is PydanticUndefined:
            required.append(name)
        elif copy(info.default) is info.default:  # immutable: every result may hold the same object
            template[name] = info.default
        else:
            fresh.append((name, partial(copy, info.default)))
    return template, tuple(fresh), frozenset(required)


def _step_rows(steps: tuple[Step, ...], lang: Lang) -> Iterator[tuple[str, ...]]:
    """Each step as a table row: its number, its text, its value and its clause."""
    for n, s in enumerate(steps, 1):
        yield str(n), s.de if lang == "de" else s.en, format_value(s.value, lang), s.clause


def _parameter_rows(parameters: tuple[Parameter, ...], lang: Lang) -> Iterator[tuple[str, ...]]:
    """Each parameter as a table row: its name, its value and unit, its validity and its source."""
    for p in parameters:
        yield p.name, f"{format_value(p.value, lang)} {p.unit}", _validity(p, lang), p.source


def _validity(p: Parameter, lang: Lang) -> str:
    start = format_value(p.valid_from, lang)
    end = format_value(p.valid_until, lang) if p.valid_until else ("offen" if lang == "de" else "open")
    return f"{'gültig' if lang == 'de' else 'valid'} {start} – {end}"


def _md(text: str) -> str:
    """Escape text for a Markdown table cell (pipes, HTML, line breaks)."""
    return html.escape(text).replace("|", "\\|").replace("\n", " ")


def _md_table(head: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    """A Markdown table's lines: the head, its rule, then one line a row, every cell escaped (:func:`_md`)."""
    return [_md_row(head), "|" + "---|" * len(head), *map(_md_row, rows)]


def _md_row(cells: tuple[str, ...]) -> str:
    return f"| {' | '.join(map(_md, cells))} |"


def _html_table(head: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    """An HTML table: the head, then one row a row, every cell escaped."""
    esc = html.escape
    header = "".join(f"<th>{esc(cell)}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
