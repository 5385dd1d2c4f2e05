"""The optional libraries: imported when a feature first needs one, or an error that names the extra to install."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from eghnrw.core.errors import OptionalDependencyError

__all__ = ["optional_module"]


def optional_module(module: str, *, extra: str, feature: str) -> Any:
    """Import ``module``, which only ``feature`` needs, or say which extra of eghnrw installs it.

    Typed ``Any``: the optional libraries are not typed dependencies of eghnrw.

    Raises:
        OptionalDependencyError: ``module`` is not installed (an ``ImportError`` naming the extra).
    """
    try:
        return import_module(module)
    except ImportError:
        raise OptionalDependencyError(feature, module, extra) from None
