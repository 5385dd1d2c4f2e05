"""Shared test configuration: hypothesis profiles, each setting with its reason."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# enough examples to find edge cases on a 2-core machine within the CI budget.
# default: derandomised, so the README's test command gives the same outcome on every run.
settings.register_profile("default", max_examples=200, deadline=None, derandomize=True)
# ci: the same, but never a flaky deadline on a loaded runner, and derandomised so that a red
# run can be reproduced from its log.
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
# thorough: for a local hunt before a release (`HYPOTHESIS_PROFILE=thorough`).
settings.register_profile("thorough", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))
