"""A package's public names: written once, in its modules' ``__all__``, and loaded on first use.

A package's ``__init__`` names each public module once, ``from eghnrw.<module> import *`` (under
``if TYPE_CHECKING:`` for a module loaded on first use); :func:`lazy` derives the package's
``__all__`` and the name → module map from those lines, and a name loads its own module only.
:func:`exported` gives the ``__all__`` of a package whose ``__init__`` loads its modules at once.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

_STAR = re.compile(r"^ *from (eghnrw[\w.]*) import \*", re.MULTILINE)
#: ``from eghnrw.x import Name as Name``: a name the package re-exports that its module keeps private.
_ALIAS = re.compile(r"^ *from (eghnrw[\w.]*) import (\w+) as \2$", re.MULTILINE)
_ALL = re.compile(r"^__all__ = \[(.*?)\]", re.MULTILINE | re.DOTALL)


def exported(package: str) -> list[str]:
    """``package``'s ``__all__``, for a package whose ``__init__`` loads its modules at once.

    Its public names in the order of its ``__init__``'s import lines (``from module import *``,
    then ``from module import X as X``): the import lines are the one list, which type checkers
    read too (an ``__all__`` literal would hide them). Call it after the imports.

    >>> import eghnrw.fristen.deadlines
    >>> exported("eghnrw.fristen.deadlines")[-2:]
    ['Duty', 'SGB_IX_CONTRACT_LAW_IN_FORCE']
    """
    return list(public_names(sys.modules[package].__file__ or ""))


@cache
def public_names(init_file: str) -> dict[str, str]:
    """Public name → the module that defines it, in the order of the package's import lines.

    The star imports of ``init_file`` are the one list of the package's public modules (type
    checkers read the same lines), and a module's ``__all__`` the one list of its public names. A
    module not yet loaded is not imported to read its list: the names of its ``__all__ = [...]``
    are read from its source (about 2 ms for the top-level package). Runs once per package.
    """
    root = Path(__file__).parent.parent  # the eghnrw package: a module eghnrw.a.b is a/b.py below it
    text = Path(init_file).read_text("utf-8")
    found: dict[str, str] = {}

    def add(name: str, module: str) -> None:
        if found.setdefault(name, module) != module:
            raise ImportError(f"{name} is public in both {found[name]} and {module}")

    for module in _STAR.findall(text):
        loaded = sys.modules.get(module)
        if loaded is not None:
            names = loaded.__all__
        else:
            source = root.joinpath(*module.split(".")[1:]).with_suffix(".py").read_text("utf-8")
            listed = _ALL.search(source)
            if listed is None:
                raise ImportError(f"{module} lists no __all__ = [...]: write its public names there")
            names = re.findall(r'"(\w+)"', listed[1])
        for name in names:
            add(name, module)
    for module, name in _ALIAS.findall(text):
        add(name, module)
    return found


def lazy(package: str, init_file: str, *, sort: bool = False) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__``: each public name loads its own module on first use.

    ``__all__`` is the public names in the order of the import lines (sorted with ``sort``); a
    submodule's name loads that submodule, as an eager ``__init__`` would have made it an attribute.
    """
    here = Path(init_file).parent

    def __getattr__(name: str) -> Any:  # noqa: N807 - a module's own __getattr__
        names = public_names(init_file)
        if name == "__all__":
            value: Any = sorted(names) if sort else list(names)
        elif name in names:
            value = getattr(import_module(names[name]), name)
        elif not name.startswith("_") and ((here / f"{name}.py").is_file() or (here / name / "__init__.py").is_file()):
            value = import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        vars(sys.modules[package])[name] = value  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:  # noqa: N807 - a module's own __dir__
        return sorted({*vars(sys.modules[package]), *__getattr__("__all__")})

    return __getattr__, __dir__
