"""The module paths of eghnrw 0.1, before the tree showed its layers: they still import, with a warning.

eghnrw 0.1 kept every module at the top of the package (``eghnrw.rates.hourly``, ``eghnrw.kdu``,
``eghnrw.batch``). Each now stands in its layer — ``core``, the rules by what users negotiate
(``verguetung``, ``unterkunft``, ``fristen``, ``kommission``) and ``doors`` — so
``eghnrw.rates.hourly`` is ``eghnrw.verguetung.rates.hourly``. The public contract is the names of
``eghnrw`` itself, which did not move; a script that imported a module by its old path keeps
working until 1.0: the old path gives the same module object (never a second copy), and a
``DeprecationWarning`` names the new path. Type checkers see the new paths only.

The old paths are derived from the tree, not listed: every module and subpackage of a layer stood
at the top before.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["install", "moved", "new_path"]

_PACKAGE = Path(__file__).parent.parent


@cache
def _layers() -> tuple[str, ...]:
    """The layers: the packages at the top of eghnrw (one listing of its folder)."""
    return tuple(sorted(path.name for path in _PACKAGE.iterdir() if (path / "__init__.py").is_file()))


@cache
def moved() -> dict[str, str]:
    """Each name that stood at the top of eghnrw 0.1 → the layer that holds it now.

    >>> moved()["rates"], moved()["kdu"], moved()["batch"], moved()["money"]
    ('verguetung', 'unterkunft', 'doors', 'core')
    """
    return {
        child.stem: layer
        for layer in _layers()
        for child in sorted((_PACKAGE / layer).iterdir())
        if child.name != "__init__.py" and (child.suffix == ".py" or (child / "__init__.py").is_file())
    }


def new_path(name: str) -> str | None:
    """The path of a module imported by its 0.1 path, or ``None`` if ``name`` is no such path.

    >>> new_path("eghnrw.rates.hourly"), new_path("eghnrw.verguetung.rates"), new_path("json")
    ('eghnrw.verguetung.rates.hourly', None, None)
    """
    parts = name.split(".")
    if len(parts) < 2 or parts[0] != "eghnrw" or parts[1] in _layers():  # a new path: no need to list the layers
        return None
    layer = moved().get(parts[1])
    return None if layer is None else ".".join(["eghnrw", layer, *parts[1:]])


class _OldPaths:
    """Imports a 0.1 path as the module at its new path, under both names.

    A finder and loader by the import system's protocol (``find_spec``, ``create_module``,
    ``exec_module``), without the base classes of ``importlib.abc``: importing those costs a first
    result about 4 ms (they load ``importlib.resources``).
    """

    def __init__(self) -> None:
        self._specs: dict[str, ModuleSpec | None] = {}

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,  # noqa: ARG002 - the finder protocol's; a name is found by itself
        target: ModuleType | None = None,  # noqa: ARG002 - the same
    ) -> ModuleSpec | None:
        """A spec for a 0.1 path (every other name: ``None``, left to the other finders)."""
        if not fullname.startswith("eghnrw.") or new_path(fullname) is None:
            return None
        return ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        """The module at the new path, imported if it is not yet, with the warning.

        The warning comes with the old top-level name (``eghnrw.rates``), which every old path below
        it imports first: one warning says where the whole subpackage went.
        """
        new = new_path(spec.name)
        assert new is not None  # noqa: S101 - find_spec answered for this name only
        if spec.name.count(".") == 1:
            warnings.warn(
                f"{spec.name} is now {new} (eghnrw's modules stand in their layers); import it from "
                f"there, or its public names from eghnrw. The old path stops working in eghnrw 1.0.",
                DeprecationWarning,
                stacklevel=2,
            )
        module = import_module(new)
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module ran at its new path. Its own spec is given back to it.

        The import system wrote the spec of the old path into the module; the module's spec stays
        that of the path it was loaded from (``importlib.reload`` and pickling read it).
        """
        spec = module.__spec__
        if spec is not None and spec.name in self._specs:
            module.__spec__ = self._specs.pop(spec.name)


_FINDER = _OldPaths()


def install() -> None:
    """Put the finder of the 0.1 paths first among the import system's finders (once).

    First, because a submodule of an old path (``eghnrw.rates.hourly``) would otherwise be found
    by the path finder in its package's folder and run a second time under the old name.
    """
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
