"""Bad-input fuzzing of every public callable.

For each name of ``eghnrw.__all__`` that can be called, ``fuzz_table.SPECS`` holds a valid call;
these tests put wrong values into its arguments — hand-picked ones exhaustively, then random ones
from hypothesis — and require each call to return a valid result (no float anywhere, a record that
serialises, an explanation that renders) or to raise an ``EghnrwError`` that is also a
``ValueError``/``TypeError``/``LookupError`` and names the argument (model constructors: a
``pydantic.ValidationError`` that locates the field). A value never valid for its argument (a
float, a datetime for a date, a bool for an amount) must be refused.

Cases a known bug (``fuzz_table.KNOWN_BUGS``) explains are skipped here; each such bug is pinned by
a strict xfail test in the test file of the function it concerns.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import eghnrw
from fuzz.fuzz_table import (
    BY_NAME,
    CURATED,
    NOT_FUZZED,
    SPECS,
    Spec,
    is_enum,
    judge,
    known_bug,
    public_callables,
    run,
    safe_repr,
)
from strategies import wrong_values

ids = [s.name for s in SPECS]


def test_every_callable_public_name_is_fuzzed_or_excused():
    missing = public_callables() - set(BY_NAME) - set(NOT_FUZZED)
    assert not missing, f"add these public names to tests/fuzz/fuzz_table.py SPECS: {sorted(missing)}"
    stale = (set(BY_NAME) | set(NOT_FUZZED)) - set(eghnrw.__all__)
    assert not stale, f"no longer public, drop from the fuzz table: {sorted(stale)}"
    assert not set(BY_NAME) & set(NOT_FUZZED)


@pytest.mark.parametrize("spec", SPECS, ids=ids)
def test_every_argument_of_the_signature_is_in_the_table(spec: Spec):
    if is_enum(spec.name):
        return
    import inspect  # noqa: PLC0415 - only here

    target = spec.target
    params = inspect.signature(target).parameters
    constructor = isinstance(target, type)
    taken = {n for n, p in params.items() if p.kind != p.VAR_KEYWORD}  # *items: fuzzed as one positional
    names = set(target.model_fields) if constructor else taken  # type: ignore[attr-defined]
    fuzzed = {a.name for a in spec.args}
    assert fuzzed <= names, f"{spec.name}: the table names arguments it does not take: {fuzzed - names}"
    if not constructor:  # a model's optional fields are fuzzed where they matter
        assert names <= fuzzed, f"{spec.name}: arguments not fuzzed: {sorted(names - fuzzed)}"


@pytest.mark.parametrize("spec", SPECS, ids=ids)
def test_the_baseline_call_succeeds(spec: Spec):
    outcome = run(spec, {})
    assert outcome.error is None, f"{spec.name}: the table's valid call fails: {outcome.error!r}"
    assert outcome.problem is None, outcome.problem


def _problems(spec: Spec, cases: list[dict[str, Any]]) -> list[str]:
    found = []
    for replaced in cases:
        problem = judge(spec, replaced)
        if problem and not known_bug(spec, replaced, problem):
            shown = ", ".join(f"{k}={safe_repr(v)}" for k, v in replaced.items())
            found.append(f"{spec.name}({shown}): {problem}")
    return found


@pytest.mark.parametrize("spec", SPECS, ids=ids)
def test_hand_picked_wrong_values_in_each_argument(spec: Spec):
    cases = [{arg.name: value} for arg in spec.args for value in CURATED]
    problems = _problems(spec, cases)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("spec", SPECS, ids=ids)
def test_none_in_every_argument_at_once(spec: Spec):
    # The call a half-filled form makes: every argument None.
    problems = _problems(spec, [{arg.name: None for arg in spec.args}])
    assert not problems, "\n".join(problems)


def _fuzz_once(spec: Spec, data: st.DataObject) -> None:
    names = [a.name for a in spec.args]
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=min(2, len(names)), unique=True))
    replaced = {name: data.draw(wrong_values, label=name) for name in chosen}
    note(", ".join(f"{k}={safe_repr(v, 200)}" for k, v in replaced.items()))
    problem = judge(spec, replaced)
    if problem and known_bug(spec, replaced, problem):
        return  # pinned by its strict xfail test in the test file of the function
    assert problem is None, problem


CHEAP = [s for s in SPECS if s.max_examples is None]
COSTLY = [s for s in SPECS if s.max_examples is not None]

#: Random wrong values per public function: a quarter of the profile's examples (50 in the default
#: profile, 500 under ``python3 tasks.py fuzz``). The default run is a smoke test over ~70 functions
#: on top of the hand-picked values tried exhaustively above; the long random hunt is the fuzz task
#: (200 examples here took half the suite's time).
RANDOM_EXAMPLES = max(1, settings.default.max_examples // 4)
#: Valid but long calls (100,000 Werktage, two centuries of duties): 60 in the default profile, as
#: before (three functions, under a second together).
COSTLY_EXAMPLES = max(1, settings.default.max_examples * 3 // 10)


@pytest.mark.parametrize("spec", CHEAP, ids=[s.name for s in CHEAP])
@settings(max_examples=RANDOM_EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_random_wrong_values_in_one_or_two_arguments(spec: Spec, data: st.DataObject):
    _fuzz_once(spec, data)


@pytest.mark.parametrize("spec", COSTLY, ids=[s.name for s in COSTLY])
@settings(max_examples=COSTLY_EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_random_wrong_values_in_costly_calls(spec: Spec, data: st.DataObject):
    # Valid but long calls (100,000 Werktage, two centuries of duties): fewer examples.
    _fuzz_once(spec, data)
