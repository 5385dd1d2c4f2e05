"""Checking an audit record: recompute it from its own inputs and compare every field.

An audit record (``r.model_dump_json()``) is kept for years. :func:`verify_record` reads it back,
finds the rule that made it from the rule declarations (:func:`eghnrw.core._rule.rules_for_result`: the
rules whose function returns the record's ``result_type``), calls that rule again with the
record's inputs — and with the record's parameter values, not today's: a parameter the record
overrode stays overridden, and a value today's table no longer gives is applied as an override and
named in a note — and compares the new record with the one given, field by field, steps, clauses
and texts included. Only the ``eghnrw_version`` is not compared: a record of another version says
so in a note and verifies wherever the rule did not change.

>>> import eghnrw as e
>>> r = e.daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
>>> verify_record(r.model_dump_json()).valid
True
>>> tampered = r.model_dump(mode="json") | {"amount": "999.99"}
>>> v = verify_record(tampered)
>>> v.valid, v.differences[0].path, v.differences[0].recorded, v.differences[0].recomputed
(False, 'amount', '999.99', '144.20')
"""

from __future__ import annotations

import inspect
import json
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel

from eghnrw.core._rule import Rule, declarations, rules_for_result, version_on
from eghnrw.core.errors import EghnrwError, InvalidInputError, ParameterOutdatedWarning
from eghnrw.core.trace import Result, eghnrw_version

__all__ = ["verify_record"]

_WHAT = "pass an audit record: the JSON text of r.model_dump_json() (str or bytes) or its dict"


class Difference(NamedTuple):
    """One field where the record and the recomputation disagree: its path and both values (as JSON data).

    ``None`` on one side: the field is missing there.
    """

    path: str
    recorded: Any
    recomputed: Any


@dataclass(frozen=True)
class Verification:
    """What :func:`verify_record` found.

    ``valid``: the record was recomputed and equals the recomputation in every field
    (``eghnrw_version`` aside); ``differences``: the fields that differ; ``rule``: the public name
    of the rule that recomputed it (empty if none could); ``recorded_version``: the eghnrw version
    that wrote the record; ``recomputed``: ``False`` when the record could not be recomputed (a
    note says why — such a record is not valid); ``notes``: what the reader should know (another
    eghnrw version, a parameter value today's table no longer gives).
    """

    valid: bool
    differences: tuple[Difference, ...]
    result_type: str
    rule: str
    recorded_version: str
    recomputed: bool = True
    notes: tuple[str, ...] = ()

    def explain(self) -> str:
        """One line for the verdict, then one line per difference and per note."""
        if self.valid:
            verdict = "valid"
        elif not self.recomputed:
            verdict = "NOT VERIFIED: not recomputed"
        else:
            verdict = f"INVALID: {len(self.differences)} field(s) differ"
        lines = [f"{self.result_type}{f' ({self.rule})' if self.rule else ''}: {verdict}"]
        lines += [f"  {d.path}: recorded {d.recorded!r}, recomputed {d.recomputed!r}" for d in self.differences]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


def verify_record(record: str | bytes | Mapping[str, Any]) -> Verification:
    """Recompute an audit record from its own inputs and parameters, and compare every field.

    ``record``: the JSON text of ``r.model_dump_json()`` (``str`` or ``bytes``) or the dict it
    reads into. A record is valid when the rule, called again with the record's inputs and the
    record's parameter values, gives the same record in every field except ``eghnrw_version``.
    A record that cannot be recomputed (its rule refuses the recorded inputs, or the record does
    not hold them all) is not valid: ``recomputed`` is ``False`` and a note says why.

    Raises:
        InvalidInputError: ``record`` is not JSON, not an object, names no result type of a rule,
            or does not load as the result type it names.
    """
    recorded = _as_mapping(record)
    declarations()  # every rule module imported: each result type known by its name
    loaded = _load(recorded)
    if not _is_json(recorded):  # a python-mode dict (model_dump()): compare its JSON form
        recorded = json.loads(loaded.model_dump_json())
    rules = rules_for_result(loaded.result_type)
    if not rules:
        raise InvalidInputError(
            "record.result_type", loaded.result_type, "pass the record of a rule's result: no rule returns this type"
        )
    version = str(recorded.get("eghnrw_version", "?"))
    notes = []
    if version != eghnrw_version():
        notes.append(
            f"recorded by eghnrw {version}, recomputed by eghnrw {eghnrw_version()}: a field that differs may be "
            "a change of the rule between these versions (CHANGELOG.md)"
        )
    found: list[_Recomputed] = []
    refusals: list[str] = []
    for declared in rules:
        outcome = _recompute(declared, loaded, _unversioned(recorded))
        if isinstance(outcome, str):
            refusals.append(f"{declared.name}: {outcome}")
        else:
            found.append(outcome)
    if not found:
        notes.append("not recomputed: " + "; ".join(refusals))
        return Verification(
            valid=False,
            differences=(),
            result_type=loaded.result_type,
            rule="",
            recorded_version=version,
            recomputed=False,
            notes=tuple(notes),
        )
    best = min(found, key=lambda outcome: len(outcome.differences))
    valid = not best.differences
    return Verification(valid, best.differences, loaded.result_type, best.rule, version, notes=(*notes, *best.notes))


class _Recomputed(NamedTuple):
    rule: str
    differences: tuple[Difference, ...]
    notes: tuple[str, ...]


def _as_mapping(record: object) -> dict[str, Any]:
    if isinstance(record, (str, bytes, bytearray)):
        try:
            data = json.loads(record)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidInputError("record", record, f"{_WHAT} ({exc})") from None
    elif isinstance(record, Mapping):
        data = dict(record)
    else:
        raise InvalidInputError("record", record, _WHAT)
    if not isinstance(data, dict):
        raise InvalidInputError("record", data, _WHAT)
    return data


def _is_json(recorded: dict[str, Any]) -> bool:
    """Whether the record is JSON data (``json.loads`` of the text), not ``model_dump()``'s Python values."""
    try:
        json.dumps(recorded)
    except (TypeError, ValueError):
        return False
    steps = recorded.get("steps")
    return not isinstance(steps, list) or all(isinstance(s, dict) and "type" in s for s in steps)


def _load(recorded: dict[str, Any]) -> Result:
    """The record as its result, every input and step typed (refusing what does not load)."""
    name = recorded.get("result_type")
    if not isinstance(name, str):
        raise InvalidInputError("record.result_type", name, f"{_WHAT}; its result_type names the kind of result")
    return Result.from_record(recorded)  # an InvalidInputError naming the field path (record.amount)


def _recompute(declared: Rule, loaded: Result, recorded: dict[str, Any]) -> _Recomputed | str:
    """Call ``declared`` again with the record's inputs and compare; a text if it cannot be called.

    A record may hold, among its inputs, values the rule derived (a Kalkulation's occupancy, an
    invoice line's amount, the days a parameter gave): when the rule refuses one as given, or a
    recorded parameter was not read because its value was passed, that input is left out and the
    rule called again. This is sound because the *whole* record is compared afterwards, inputs
    included: the recomputation must give back every recorded input as well.
    """
    call = _arguments(declared, loaded)
    if isinstance(call, str):
        return call
    args, kwargs = call
    day = kwargs.get("on")
    version = (version_on(declared.name, day) if isinstance(day, date) else None) or declared
    takes_overrides = "overrides" in inspect.signature(version.function).parameters
    overrides = {p.name: p.value for p in loaded.parameters if p.overridden} if takes_overrides else {}
    again = _call(version, args, kwargs, overrides)
    if isinstance(again, str):
        return again
    result, notes = again
    unread = [p for p in loaded.parameters if p.name not in {q.name for q in result.parameters}]
    if unread:  # the record's inputs hold a value the parameter gave: leave it out, let the rule read it
        kwargs = {k: v for k, v in kwargs.items() if not any(v == p.value for p in unread) or _required(declared, k)}
        again = _call(version, args, kwargs, overrides)
        if isinstance(again, str):
            return again
        result, notes = again
    changed = {p.name: p for p in loaded.parameters if not p.overridden and p not in result.parameters}
    if changed and takes_overrides:  # today's table gives another value: the record's, as an override
        again = _call(version, args, kwargs, overrides | {n: p.value for n, p in changed.items()})
        if isinstance(again, str):
            return again
        result, notes = again
        notes += tuple(
            f"parameter {n}: the record's value {p.value} ({p.source}) applied; today's table gives another"
            for n, p in changed.items()
        )
        result = result.model_copy(update={"parameters": tuple(changed.get(p.name, p) for p in result.parameters)})
    fresh = _unversioned(json.loads(result.model_dump_json()))
    return _Recomputed(declared.name, tuple(_differ(recorded, fresh, "")), notes)


def _required(declared: Rule, name: str) -> bool:
    return any(i.name == name and i.required for i in declared.inputs)


def _call(
    declared: Rule, args: list[Any], kwargs: dict[str, Any], overrides: dict[str, Any]
) -> tuple[Result, tuple[str, ...]] | str:
    """Call the rule, leaving out recorded inputs it refuses as given; the refusal as text if that fails.

    Each retry leaves out one more recorded value, so the loop ends.
    """
    while True:
        given = kwargs | {"overrides": overrides} if overrides else kwargs
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ParameterOutdatedWarning)
            try:
                result: Result = declared.function(*args, **given)
            except InvalidInputError as exc:
                fewer = _without(kwargs, exc.argument)
                if fewer is None or fewer == kwargs:
                    return f"the rule refuses the recorded inputs ({exc})"
                kwargs = fewer
                continue
            except (EghnrwError, TypeError, ValueError, ArithmeticError) as exc:  # a rule given what it never takes
                return f"the rule refuses the recorded inputs ({exc})"
        found = (str(w.message) for w in caught if issubclass(w.category, ParameterOutdatedWarning))
        return result, tuple(dict.fromkeys(found))


_PATH = re.compile(r"\[(\d+)\]|\['([^']*)'\]|([^.\[\]]+)")


def _without(kwargs: dict[str, Any], path: str) -> dict[str, Any] | None:
    """``kwargs`` without the value at ``path`` (``occupancy_percent``, ``items[0].amount``); ``None`` if absent."""
    keys: list[int | str] = [int(i) if i else (k or n) for i, k, n in _PATH.findall(path)]
    if not keys:
        return None

    def drop(value: Any, rest: list[int | str]) -> Any:
        head, *tail = rest
        if isinstance(value, Mapping) and head in value:
            if not tail:
                return {k: v for k, v in value.items() if k != head}
            inner = drop(value[head], tail)
            return None if inner is None else {**value, str(head): inner}
        if isinstance(value, (list, tuple)) and isinstance(head, int) and 0 <= head < len(value) and tail:
            inner = drop(value[head], tail)
            return None if inner is None else (*value[:head], inner, *value[head + 1 :])
        return None

    return drop(kwargs, keys)  # type: ignore[no-any-return]


def _arguments(declared: Rule, loaded: Result) -> tuple[list[Any], dict[str, Any]] | str:
    """The record's inputs as the rule's arguments, or why they are not.

    A positional-only parameter the inputs do not name (``kalkulation(data, /, ...)``) takes the
    result's field that holds a model of its type (``KalkulationResult.kalkulation``); a required
    keyword the inputs lack is looked for among the inputs of a result recorded inside
    (``ModuleRate.detail``).
    """
    keywords = {i.name for i in declared.inputs}
    inputs = dict(loaded.inputs)
    unknown = sorted(inputs.keys() - keywords)
    if unknown:
        return f"the record's inputs {unknown} are not keywords of the rule"
    for missing in (i.name for i in declared.inputs if i.required and i.name not in inputs):
        inner = next((r.inputs[missing] for r in _inner_results(loaded) if missing in r.inputs), None)
        if inner is None:
            return f"the record does not hold the input {missing!r}"
        inputs[missing] = inner
    args = []
    for parameter in inspect.signature(declared.function).parameters.values():
        if parameter.kind is parameter.POSITIONAL_ONLY:
            model = _model_field(loaded, declared.hints.get(parameter.name))
            if model is not None:
                args.append(model)
    return args, inputs


def _inner_results(result: Result) -> Iterator[Result]:
    for name in type(result).model_fields:
        value = getattr(result, name)
        if isinstance(value, Result):
            yield value
            yield from _inner_results(value)


def _model_field(loaded: Result, annotation: object) -> BaseModel | None:
    kinds = tuple(kind for kind in _flat(annotation) if isinstance(kind, type) and issubclass(kind, BaseModel))
    found = (getattr(loaded, name) for name in type(loaded).model_fields)
    return next((value for value in found if kinds and isinstance(value, kinds)), None)


def _flat(annotation: object) -> Iterator[object]:
    yield annotation
    for inner in get_args(annotation):
        yield from _flat(inner)


def _unversioned(record: Any) -> Any:
    """The record without ``eghnrw_version`` at any depth (a result inside another has one too)."""
    if isinstance(record, dict):
        return {key: _unversioned(value) for key, value in record.items() if key != "eghnrw_version"}
    if isinstance(record, list):
        return [_unversioned(value) for value in record]
    return record


def _differ(recorded: Any, fresh: Any, path: str) -> Iterator[Difference]:
    """The leaves where two JSON values differ, with their paths (``rows[2].amount``)."""
    if isinstance(recorded, dict) and isinstance(fresh, dict):
        for key in dict.fromkeys([*recorded, *fresh]):
            yield from _differ(recorded.get(key), fresh.get(key), f"{path}.{key}" if path else str(key))
    elif isinstance(recorded, list) and isinstance(fresh, list) and len(recorded) == len(fresh):
        for index, (old, new) in enumerate(zip(recorded, fresh, strict=True)):
            yield from _differ(old, new, f"{path}[{index}]")
    elif recorded != fresh or type(recorded) is not type(fresh):
        yield Difference(path or "record", recorded, fresh)
