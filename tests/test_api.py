"""The public surface: ``eghnrw.__all__`` is sorted, complete, importable, typed, and never shadowed.

``eghnrw/__init__.py`` names each public module once (``from eghnrw.<module> import *``: the
light core at once, the heavier modules under ``TYPE_CHECKING`` and on first use) and a module's
``__all__`` is the one list of its public names; these tests check that ``eghnrw.__all__`` is what
those modules list, that each lazily loaded name is the object its module defines, that a name
is public in one module only, and that no submodule — at any depth, whatever was imported before
— can take the place of a public name.
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


def _public_modules() -> list[str]:
    """The modules ``eghnrw/__init__.py`` star-imports (also under ``TYPE_CHECKING``), in order."""
    tree = ast.parse(inspect.getsource(eghnrw))
    return [
        node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and [alias.name for alias in node.names] == ["*"]
    ]


def _lazy_modules() -> set[str]:
    """The modules star-imported under ``if TYPE_CHECKING:``: loaded on the first use of one of their names."""
    tree = ast.parse(inspect.getsource(eghnrw))
    guard = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {node.module or "" for node in guard.body if isinstance(node, ast.ImportFrom) and node.names[0].name == "*"}


def _imports() -> dict[str, str]:
    """Each public name, and the module whose ``__all__`` lists it (the module imported to read it)."""
    return {name: module for module in _public_modules() for name in importlib.import_module(module).__all__}


def _imported_names() -> set[str]:
    return set(_imports())


def _all_submodules() -> list[str]:
    infos = pkgutil.walk_packages(eghnrw.__path__, "eghnrw.")
    return sorted(info.name for info in infos if not info.name.endswith("__main__"))  # __main__ runs the command


def test_all_is_sorted_and_unique() -> None:
    assert eghnrw.__all__ == sorted(set(eghnrw.__all__))


def test_all_lists_exactly_what_init_imports() -> None:
    assert _imported_names() == set(eghnrw.__all__)


def test_init_imports_only_whole_modules_and_each_once() -> None:
    # a public name is written once, in its module's __all__: __init__ names modules, never names
    modules = _public_modules()
    assert len(modules) == len(set(modules))
    named = [
        node.module
        for node in ast.walk(ast.parse(inspect.getsource(eghnrw)))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eghnrw") and node.module not in modules
        # the machinery that reads those lines, and the finder of the 0.1 paths
        if node.module not in {"eghnrw.core._exports", "eghnrw.core._moved"}
    ]
    assert named == []


def test_a_public_name_is_listed_by_one_module_only() -> None:
    lists = [name for module in _public_modules() for name in importlib.import_module(module).__all__]
    assert sorted(lists) == eghnrw.__all__


_SUBPACKAGES = [
    "eghnrw.fristen.deadlines",
    "eghnrw.kommission.models",
    "eghnrw.verguetung.negotiation",
    "eghnrw.verguetung.rates",
    "eghnrw.unterkunft.wohnform",
]


@pytest.mark.parametrize("package", _SUBPACKAGES)
def test_a_subpackage_lists_what_its_init_imports_and_nothing_else(package: str) -> None:
    # its __all__ is derived from its import lines (at once, or under TYPE_CHECKING for a package
    # that loads its modules on first use): each star-imported module's list, then X as X
    module = importlib.import_module(package)
    nodes = [
        n
        for n in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("eghnrw.")  # mutmut adds imports of its own
    ]
    listed = [name for n in nodes if n.names[0].name == "*" for name in importlib.import_module(n.module or "").__all__]
    by_name = [a.name for n in nodes for a in n.names if a.asname == a.name]
    assert module.__all__ == listed + by_name
    assert len(set(module.__all__)) == len(module.__all__)
    assert all(getattr(module, name) is getattr(importlib.import_module(n.module or ""), name)
               for n in nodes if n.names[0].name != "*" for name in (a.name for a in n.names))  # fmt: skip


def test_the_subpackages_keep_their_names_re_exported_by_name() -> None:
    deadlines, models, _, rates, wohnform = (importlib.import_module(p).__all__ for p in _SUBPACKAGES)
    assert {"Assistenz", "SEATS", "report", "Party", "Area", "Wohnform"} <= set(models)
    assert {"Audit", "deadline", "Duty", "SGB_IX_CONTRACT_LAW_IN_FORCE"} <= set(deadlines)
    assert rates[-1] == "SurchargeLine"
    assert wohnform[-4:] == ["ResidentShare", "CostSplit", "RateInputs", "ResidentHousing"]


def test_the_lazy_lists_are_read_without_importing_the_modules() -> None:
    # the map of names to modules reads each lazily loaded module's __all__ from its source
    code = "import sys, eghnrw\nn = eghnrw.__all__\nprint(sorted(m for m in sys.modules if m.startswith('eghnrw.')))"
    before = subprocess.run([sys.executable, "-c", "import sys, eghnrw\nprint(sorted(m for m in sys.modules))"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert set(ast.literal_eval(after)) <= set(ast.literal_eval(before))
    assert eghnrw._names() == _imports()


@pytest.mark.parametrize("name", eghnrw.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(eghnrw, name)
    assert value is not None
    assert not isinstance(value, types.ModuleType)
    if name != "ServiceModule":  # a typing.Annotated union: its __module__ is typing's
        assert getattr(value, "__module__", "eghnrw").startswith("eghnrw")


@pytest.mark.parametrize("name", eghnrw.__all__)
def test_every_name_is_the_object_its_import_names(name: str) -> None:
    assert getattr(eghnrw, name) is getattr(importlib.import_module(_imports()[name]), name)


def test_every_lazily_loaded_name_lives_in_a_lazy_module() -> None:
    code = "import eghnrw; print(sorted(n for n in eghnrw.__all__ if n not in vars(eghnrw)))"
    lazy = set(ast.literal_eval(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                               check=True).stdout))  # fmt: skip
    assert lazy  # the heavy modules are not loaded by the import
    for name in lazy:
        assert eghnrw._names()[name] == _imports()[name], name


def test_the_first_result_loads_only_the_core() -> None:
    # import eghnrw and a first hourly_rate: the core, the hourly rates and the surcharges; not the
    # other rates, the BGB calendar, KdU, the models, the workbench, the Wohnform split, terms,
    # deadlines, batches or calendar files (benchmarks/bench_import.py measures the time).
    code = (
        "import sys, datetime, eghnrw\n"
        "eghnrw.hourly_rate(annual_personnel_cost='63360', on=datetime.date(2024, 1, 1))\n"
        "print(sorted(m for m in sys.modules if m.startswith('eghnrw.')))"
    )
    loaded = ast.literal_eval(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                             check=True).stdout)  # fmt: skip
    assert {
        "eghnrw.core.calendar",
        "eghnrw.unterkunft.kdu",
        "eghnrw.verguetung.rates.daily",
        "eghnrw.verguetung.rates.organisation",
    } <= _lazy_modules()
    for module in _lazy_modules():
        assert module not in loaded, module


@pytest.mark.parametrize("name", ["kalkulation", "daily_rates", "lrv_termination", "area_split"])
def test_a_lazy_name_loads_its_own_module_and_nothing_unrelated(name: str) -> None:
    code = f"import sys, eghnrw\neghnrw.{name}\nprint(sorted(m for m in sys.modules if m.startswith('eghnrw.')))"
    loaded = set(ast.literal_eval(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                 check=True).stdout))  # fmt: skip
    own = eghnrw._names()[name]
    assert own in loaded
    doors_and_others = {"eghnrw.fristen.terms", "eghnrw.fristen.deadlines", "eghnrw.verguetung.billing",
                        "eghnrw.doors.batch", "eghnrw.doors.ics", "eghnrw.doors.timelines",
                        "eghnrw.verguetung.negotiation", "eghnrw.unterkunft.wohnform"}  # fmt: skip
    unrelated = doors_and_others - {own, own.rpartition(".")[0]}
    assert not loaded & unrelated, sorted(loaded & unrelated)


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


def test_every_result_class_is_public_under_its_own_name() -> None:
    # an integrator annotates with the result types (DailyRateResult, KalkulationResult, LrvTermination, ...)
    for module in _all_submodules():
        importlib.import_module(module)
    from eghnrw.core.trace import _RESULT_TYPES  # noqa: PLC0415 - every result class, once all modules are loaded

    ours = {name: kind for name, kind in _RESULT_TYPES.items() if kind.__module__.startswith("eghnrw.")}
    assert len(ours) >= 49
    assert sorted(name for name, kind in ours.items() if getattr(eghnrw, name, None) is not kind) == []
    for name in ("DueDate", "TimelineEntry", "BatchResult", "RowError"):  # the items of results
        assert name in eghnrw.__all__
