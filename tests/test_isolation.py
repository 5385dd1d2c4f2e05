"""Isolation: a public call changes nothing outside itself and reads nothing but its arguments.

Every valid call of the fuzz table (``tests/fuzz/fuzz_table.py``: one per callable public name)
is made

- under an odd global decimal context (precision 3, ``ROUND_DOWN``, traps on ``Inexact`` and
  ``Rounded``, a tiny exponent range): the context is unchanged afterwards — precision, rounding,
  traps and flags — and the result is the one of the default context;
- with the clock, the locale and the environment made to explode, and every file opened recorded:
  nothing but the package's own parameter data is read;

and its result cannot be changed afterwards, nor by changing what the caller passed in.
"""

from __future__ import annotations

import contextlib
import decimal
import locale
import os
import sys
import time
import warnings
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, Inexact, Rounded
from pathlib import Path
from typing import Any

import pydantic
import pytest

import eghnrw
from eghnrw.core.errors import ParameterOutdatedWarning
from fuzz.fuzz_table import SPECS, Spec, is_enum

CALLS = [s for s in SPECS if not is_enum(s.name)]
IDS = [s.name for s in CALLS]


def _fingerprint(result: Any) -> str:
    """What a result says, as text: the audit record of a model, else its repr."""
    if isinstance(result, pydantic.BaseModel):
        return result.model_dump_json()
    if isinstance(result, tuple):
        return "(" + ", ".join(_fingerprint(r) for r in result) + ")"
    return repr(result)


def _call(spec: Spec) -> Any:
    """The valid call; a ParameterOutdatedWarning (a late date) is tolerated, other warnings stay errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        return spec.call()


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    """Each valid call's result under the default decimal context."""
    with decimal.localcontext(decimal.Context()):
        return {s.name: _fingerprint(_call(s)) for s in CALLS}


def _odd_context() -> Context:
    return Context(
        prec=3,
        rounding=ROUND_DOWN,
        Emin=-10,
        Emax=10,
        capitals=0,
        clamp=1,
        traps=[Inexact, Rounded, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
        flags=[],
    )


def _state(ctx: Context) -> tuple[Any, ...]:
    return (
        ctx.prec,
        ctx.rounding,
        ctx.Emin,
        ctx.Emax,
        ctx.capitals,
        ctx.clamp,
        {k: v for k, v in ctx.traps.items()},  # noqa: C416 - a copy, not the live dict
        {k: v for k, v in ctx.flags.items()},  # noqa: C416
    )


@pytest.fixture
def odd_context() -> Iterator[Context]:
    saved = decimal.getcontext()
    odd = _odd_context()
    decimal.setcontext(odd)
    try:
        yield odd
    finally:
        decimal.setcontext(saved)


# organisation-global-context (fixed in 5881b2f): organisationsmodul_rate once added personnel + care for a
# step's text in the caller's context; under prec=3 its trace said 70.300 for 70.334,00.
CONTEXT_CALLS = CALLS


@pytest.mark.parametrize("spec", CONTEXT_CALLS, ids=IDS)
def test_the_callers_decimal_context_is_unchanged_and_not_used(spec: Spec, expected, odd_context):
    before = _state(odd_context)
    result = _call(spec)
    after = _state(decimal.getcontext())
    assert decimal.getcontext() is odd_context, "the call replaced the thread's decimal context"
    assert after == before, f"{spec.name} changed the caller's decimal context"
    assert _fingerprint(result) == expected[spec.name], f"{spec.name} gave another result under an odd context"


def test_the_odd_context_really_traps():
    # The test above proves something only if the odd context makes careless arithmetic fail.
    with decimal.localcontext(_odd_context()), pytest.raises(Inexact):
        Decimal(1) / Decimal(3)


@pytest.mark.parametrize("spec", CALLS, ids=IDS)
def test_a_failing_call_leaves_the_context_unchanged_too(spec: Spec, odd_context):
    before = _state(odd_context)
    bad = {spec.args[0].name: Decimal("NaN")}
    with pytest.raises(Exception):  # noqa: B017 - which error is the fuzz tests' business
        spec.call(bad)
    assert _state(decimal.getcontext()) == before


# --- clock, locale, environment, files ---------------------------------------------------------


class _Forbidden(Exception):  # noqa: N818 - it is what it says
    pass


def _explode(*_args: object, **_kwargs: object) -> Any:
    raise _Forbidden("an eghnrw call read the clock or the locale")


class _ExplodingEnviron(Mapping[str, str]):
    def __getitem__(self, key: str) -> str:
        raise _Forbidden(f"an eghnrw call read the environment: {key}")

    def __iter__(self) -> Iterator[str]:
        raise _Forbidden("an eghnrw call listed the environment")

    def __len__(self) -> int:
        raise _Forbidden("an eghnrw call measured the environment")

    def get(self, key: str, default: Any = None) -> Any:  # noqa: ARG002 - the signature of Mapping.get
        raise _Forbidden(f"an eghnrw call read the environment: {key}")


#: Environment variables a dependency reads on its own: pydantic asks for its plugin switch when it
#: builds a validator (input_schema builds a TypeAdapter).
_DEPENDENCY_SWITCHES = {"PYDANTIC_DISABLE_PLUGINS"}


def _getenv(key: str, default: Any = None) -> Any:
    if key in _DEPENDENCY_SWITCHES:
        return default
    return _explode(key)


_CLOCK_BUILTINS = {
    ("date", "today"),
    ("datetime", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "asctime"),
    ("_locale", "setlocale"),
    ("_locale", "localeconv"),
    ("_locale", "nl_langinfo"),
}


def _owner(func: Any) -> str:
    owner = getattr(func, "__self__", None)
    if isinstance(owner, type):
        return owner.__name__
    return getattr(owner, "__name__", "") or getattr(func, "__module__", "") or ""


@contextlib.contextmanager
def sealed() -> Iterator[list[str]]:
    """Clock, locale and environment explode; builtin clock calls and opened files are recorded.

    Only around the call itself: pytest reads the environment too.
    """
    eghnrw.core.params._table.cache_clear()  # the parameter file is read again, under watch
    eghnrw.core.params._lookup.cache_clear()
    seen: list[str] = []

    def profile(_frame: Any, event: str, arg: Any) -> None:
        if event == "c_call" and (_owner(arg), getattr(arg, "__name__", "")) in _CLOCK_BUILTINS:
            seen.append(f"{_owner(arg)}.{arg.__name__}")

    with pytest.MonkeyPatch.context() as patch:
        # Not strftime: date.strftime calls it for "%d.%m.%Y", which reads no clock and no locale.
        for name in ("time", "time_ns", "localtime", "gmtime", "ctime"):
            patch.setattr(time, name, _explode)
        for name in ("setlocale", "getlocale", "localeconv", "getpreferredencoding", "getencoding"):
            if hasattr(locale, name):
                patch.setattr(locale, name, _explode)
        patch.setattr(os, "environ", _ExplodingEnviron())
        patch.setattr(os, "getenv", _getenv)
        _audit_target.clear()
        _audit_on[0] = True
        sys.setprofile(profile)
        try:
            yield seen
        finally:
            sys.setprofile(None)
            _audit_on[0] = False


@pytest.fixture(scope="module")
def warmed() -> None:
    """Every call made once: lazy imports and holiday tables load (loading code is not reading data)."""
    for spec in CALLS:
        _call(spec)


_audit_on = [False]
_audit_target: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _audit_on[0] and event in {"open", "os.listdir", "os.scandir", "os.mkdir", "os.remove", "os.rename"}:
        _audit_target.append(f"{event} {args[0]!s}")


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while a test switches it on

PARAMS_DIR = Path(eghnrw.core.params.__file__).resolve().parent


@pytest.mark.parametrize("spec", CALLS, ids=IDS)
@pytest.mark.usefixtures("warmed")
def test_no_clock_locale_environment_or_foreign_file_is_read(spec: Spec):
    with sealed() as seen:
        result = _call(spec)
        _fingerprint(result)
    assert not seen, f"{spec.name} read the clock or the locale: {seen}"
    foreign = [entry for entry in _audit_target if not entry.split(" ", 1)[1].startswith(str(PARAMS_DIR))]
    assert not foreign, f"{spec.name} touched files: {foreign}"


def test_the_parameter_file_is_the_only_file_read():
    with sealed():
        eghnrw.parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))
    opened = [entry for entry in _audit_target if entry.startswith("open ")]
    assert opened == [f"open {PARAMS_DIR / 'parameters.toml'}"], opened


def test_the_explosives_work():
    with sealed() as seen:
        with pytest.raises(_Forbidden):
            time.time()
        with pytest.raises(_Forbidden):
            os.environ["HOME"]
        with pytest.raises(_Forbidden):  # date.today() asks time.time(): both guards see it
            date.today()  # noqa: DTZ011 - the read the guards must catch
        Path(__file__).open("rb").close()
    assert seen == ["date.today"]
    assert _audit_target == [f"open {__file__}"]


# --- immutability ------------------------------------------------------------------------------


def _models(result: Any) -> list[pydantic.BaseModel]:
    items = result if isinstance(result, tuple) else (result,)
    return [r for r in items if isinstance(r, pydantic.BaseModel)]


@pytest.mark.parametrize("spec", [s for s in CALLS if not s.model], ids=[s.name for s in CALLS if not s.model])
def test_results_are_frozen(spec: Spec):
    result = _call(spec)
    for model in _models(result):
        assert model.model_config.get("frozen") is True, f"{type(model).__name__} is not frozen"
        name = next(iter(type(model).model_fields))
        with pytest.raises((pydantic.ValidationError, AttributeError, TypeError)):
            setattr(model, name, getattr(model, name))
    if dataclass_fields := getattr(type(result), "__dataclass_fields__", None):
        with pytest.raises(AttributeError):
            setattr(result, next(iter(dataclass_fields)), None)


def test_changing_the_callers_mapping_afterwards_does_not_change_the_result():
    surcharges = {"gemeinkosten": "20"}
    overrides = {"kgst_normalarbeitszeit": "1600"}
    r = eghnrw.hourly_rate(annual_personnel_cost="63360", surcharges_percent=surcharges, on=date(2024, 1, 1))
    before = r.model_dump_json()
    surcharges["gemeinkosten"] = "90"
    surcharges["neu"] = "5"
    overrides["kgst_normalarbeitszeit"] = "1"
    assert r.model_dump_json() == before
    b = eghnrw.DailyCostBasis(
        places=24, occupancy_percent="96", posts_per_place="0.25", cost_per_post="60000", surcharges_percent=surcharges
    )
    kept = b.model_dump_json()
    surcharges["gemeinkosten"] = "1"
    assert b.model_dump_json() == kept


def test_the_inputs_of_a_result_cannot_be_changed():
    # result-inputs-mutable (fixed in 5881b2f): inputs were a plain dict, so r.inputs["x"] = 1 changed the record.
    r = eghnrw.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1))
    with pytest.raises(TypeError):
        r.inputs["annual_personnel_cost"] = Decimal(1)
