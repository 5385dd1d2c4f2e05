"""Shared test configuration: hypothesis profiles, each setting with its reason.

Two profiles, chosen by ``HYPOTHESIS_PROFILE`` (unset: ``default``):

- ``default`` — the README's ``python3 tasks.py test``, CI and mutation testing. Derandomised: the
  examples are a function of each test's source, so every run of the same tree tries the same
  examples and gives the same outcome (``derandomize=True`` also turns the example database off,
  so a failure found by ``fuzz`` is never replayed here).
- ``fuzz`` — ``python3 tasks.py fuzz``: random, ten times the examples, failures saved in
  ``.hypothesis/`` and replayed first on the next fuzz run. What it finds becomes a pinned example
  in the default suite (docs/contributing.md, "Random exploration").

Nothing here depends on the clock: ``deadline=None`` and the ``too_slow`` health check off, because
a loaded 2-core machine makes any timing limit flaky.
"""

from __future__ import annotations

import importlib.util
import os

import pytest
from hypothesis import HealthCheck, is_hypothesis_test, settings

#: Enough examples to find edge cases within the suite's budget (the fuzz tests of
#: tests/fuzz/test_fuzz_bad_input.py take a quarter of it per public function: see there).
DEFAULT_EXAMPLES = 200

settings.register_profile(
    "default",
    max_examples=DEFAULT_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=10 * DEFAULT_EXAMPLES,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,  # a failure prints the @reproduce_failure(...) that replays it exactly
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


#: The docs extra of pyproject.toml: the site build (tests/test_docs.py) and the notebook run
#: (tests/test_examples.py) need it; ``python3 tasks.py test`` does not install it (slow to install).
DOCS_TOOLCHAIN = ("mkdocs", "mkdocstrings", "nbformat", "nbclient", "ipykernel")


@pytest.fixture
def docs_toolchain() -> None:
    """Skip a test that needs the docs extra where it is not installed — or fail it where
    ``EGHNRW_REQUIRE_DOCS=1`` says it must run (CI sets it: there, these tests are never skipped)."""
    missing = [name for name in DOCS_TOOLCHAIN if importlib.util.find_spec(name) is None]
    if not missing:
        return
    message = f"the docs extra is not installed (no {', '.join(missing)}); `python3 tasks.py docs` installs it"
    if os.environ.get("EGHNRW_REQUIRE_DOCS"):
        pytest.fail(f"{message}, and EGHNRW_REQUIRE_DOCS is set: this test must run")
    pytest.skip(f"{message}; CI runs this test")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Measure coverage on the tests with worked expectations only: hypothesis tests run untraced.

    Every hypothesis test still runs, with all its examples; only coverage's tracer is paused
    while it does (pytest-cov's ``no_cover`` mark). They reach five lines the other tests do not
    (98.71 % of lines and branches with them, 98.66 % without) and cost a quarter of the README
    command's CPU time when traced. The floor of 95 % thus holds for the hand-worked tests alone,
    which is the stricter check. (tests/test_refusals.py, a table of generated probes, is marked
    the same way in its own file.)
    """
    if not config.pluginmanager.hasplugin("_cov"):  # pytest-cov measures nothing in this run
        return
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.no_cover)
