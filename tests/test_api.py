"""The public surface: ``eghnrw.__all__`` is sorted, complete, importable, typed, and never shadowed.

``eghnrw/__init__.py`` imports every public name once and lists it once in ``__all__``; these
tests keep the two equal, and check that no submodule — at any depth, whatever was imported
before — can take the place of a public name.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
import types

import pytest

import eghnrw


def _imported_names() -> set[str]:
    """The names ``eghnrw/__init__.py`` binds with ``from eghnrw... import ...``."""
    tree = ast.parse(inspect.getsource(eghnrw))
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eghnrw")
        for alias in node.names
    }


def _all_submodules() -> list[str]:
    infos = pkgutil.walk_packages(eghnrw.__path__, "eghnrw.")
    return sorted(info.name for info in infos if not info.name.endswith("__main__"))  # __main__ runs the command


def test_all_is_sorted_and_unique() -> None:
    assert eghnrw.__all__ == sorted(set(eghnrw.__all__))


def test_all_lists_exactly_what_init_imports() -> None:
    assert _imported_names() == set(eghnrw.__all__)


@pytest.mark.parametrize("name", eghnrw.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(eghnrw, name)
    assert value is not None
    assert not isinstance(value, types.ModuleType)
    if name != "ServiceModule":  # a typing.Annotated union: its __module__ is typing's
        assert getattr(value, "__module__", "eghnrw").startswith("eghnrw")


def test_no_submodule_shadows_a_public_name_after_importing_everything() -> None:
    before = {name: getattr(eghnrw, name) for name in eghnrw.__all__}
    for module in _all_submodules():
        importlib.import_module(module)
    code = (
        f"import eghnrw, importlib\nfor m in {_all_submodules()!r}: importlib.import_module(m)\n"
        "import types\nprint([n for n in eghnrw.__all__ if isinstance(getattr(eghnrw, n), types.ModuleType)])"
    )
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert fresh.strip() == "[]"
    assert {name: getattr(eghnrw, name) for name in eghnrw.__all__} == before


def test_no_package_has_a_submodule_named_like_one_of_its_public_names() -> None:
    clashes = []
    for name in ["eghnrw", *_all_submodules()]:
        package = importlib.import_module(name)
        if not hasattr(package, "__path__"):
            continue
        children = {info.name for info in pkgutil.iter_modules(package.__path__)}
        clashes += [f"{name}.{child}" for child in children & set(getattr(package, "__all__", ()))]
    assert not clashes, f"a submodule shares its name with a public name of its package: {clashes}"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = eghnrw.no_such_name  # type: ignore[attr-defined]


def test_dir_lists_the_public_names() -> None:
    assert set(eghnrw.__all__) <= set(dir(eghnrw))


def test_import_loads_no_holiday_table() -> None:
    code = "import sys, eghnrw; print(sorted(m for m in sys.modules if m.startswith('holidays')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
