"""The three layers of the package, core, rules and doors: each a folder; no import at module level runs up.

- **core** (``eghnrw/core/``): exact money, dated parameters, the calendar, traces, errors, the
  rule declaration and the editions (and their private helpers);
- **rules**, by what users negotiate: Vergütung (``verguetung/``: rates, the negotiation
  workbench, billing, module rates), Unterkunft (``unterkunft/``: KdU, besondere Wohnformen),
  Fristen (``fristen/``: terms, deadlines) and the Kommission with its parties (``kommission/``:
  the models);
- **doors** (``eghnrw/doors/``): columns, tables in and out, calendar files, frames and pictures,
  verification, the command line and the service.

The package's ``__init__`` (the public API) sits between rules and doors: the doors may use it;
``__main__`` (``python -m eghnrw``) is a door. A rule's result may reach a door inside a method a
user calls (``to_pandas()``, ``plot()``, ``to_ics()``), imported there on first use; at module
level nothing looks up. And nothing but the command line itself and ``python -m eghnrw`` imports
the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import eghnrw

PACKAGE = Path(eghnrw.__file__).resolve().parent
RULES = {"verguetung", "unterkunft", "fristen", "kommission"}
LAYERS = {"core": "core", "doors": "doors"} | dict.fromkeys(RULES, "rules")
RANK = {"core": 0, "rules": 1, "api": 2, "doors": 3}


def layer(module: str) -> str:
    """The layer of an eghnrw module: the folder it stands in (``eghnrw`` itself: the public API)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    return "doors" if parts[1] == "__main__" else LAYERS[parts[1]]


def test_the_top_of_the_package_shows_the_layers() -> None:
    top = {path.name for path in PACKAGE.iterdir() if path.name != "__pycache__"}
    assert top == {"__init__.py", "__main__.py", "py.typed", "core", "doors", *RULES}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def _module_level_imports(path: Path) -> list[str]:
    """The eghnrw modules ``path`` imports at module level (``if TYPE_CHECKING:`` blocks left out)."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return [name for name in names if name == "eghnrw" or name.startswith("eghnrw.")]


def test_every_module_has_a_layer() -> None:
    layers = {layer(name) for name, _ in _modules()}
    assert layers == {"api", "core", "rules", "doors"}


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[name for name, _ in _modules()])
def test_no_import_runs_back_up_a_layer(module: str, path: Path) -> None:
    upward = [target for target in _module_level_imports(path) if RANK[layer(target)] > RANK[layer(module)]]
    assert not upward, f"{module} ({layer(module)}) imports {upward}"


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[name for name, _ in _modules()])
def test_nothing_imports_the_command_line(module: str, path: Path) -> None:
    if module.startswith(("eghnrw.doors.cli", "eghnrw.__main__")):
        return
    imports = [target for target in _module_level_imports(path) if target.startswith("eghnrw.doors.cli")]
    lazily = [
        node.module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("eghnrw.doors.cli")
    ]
    assert not imports + lazily, f"{module} imports the command line: {imports + lazily}"


def test_the_layer_test_can_fail() -> None:
    assert layer("eghnrw.core.money") == "core"
    assert layer("eghnrw.verguetung.negotiation.costing") == "rules"
    assert layer("eghnrw.doors.cli._run") == "doors"
    assert (
        RANK[layer("eghnrw.doors.batch")] > RANK[layer("eghnrw.unterkunft.kdu")]
    )  # kdu importing batch would be refused
