"""The module paths of eghnrw 0.1 still import: the same module, with a warning naming the new path."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import eghnrw
from eghnrw.core._moved import moved, new_path
from eghnrw.doors import batch
from eghnrw.verguetung.rates import hourly

PACKAGE = Path(eghnrw.__file__).parent


def _forget(*old: str) -> None:
    """Drop the old names from the import system's cache, so that the next import finds them again."""
    for name in old:
        sys.modules.pop(name, None)


def test_every_module_of_a_layer_had_a_top_level_path() -> None:
    layers = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    children = {
        path.stem for layer in layers for path in (PACKAGE / layer).iterdir()
        if path.name != "__init__.py" and (path.suffix == ".py" or (path / "__init__.py").is_file())
    }  # fmt: skip
    assert set(moved()) == children
    assert set(moved().values()) == layers == {"core", "verguetung", "unterkunft", "fristen", "kommission", "doors"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("eghnrw.rates.hourly", "eghnrw.verguetung.rates.hourly"),
        ("eghnrw.kdu", "eghnrw.unterkunft.kdu"),
        ("eghnrw.models.party", "eghnrw.kommission.models.party"),
        ("eghnrw.deadlines", "eghnrw.fristen.deadlines"),
        ("eghnrw.money", "eghnrw.core.money"),
        ("eghnrw.cli._run", "eghnrw.doors.cli._run"),
        ("eghnrw.verguetung.rates", None),
        ("eghnrw", None),
        ("eghnrw.nothing", None),
        ("json.decoder", None),
    ],
)
def test_new_path(old: str, new: str | None) -> None:
    assert new_path(old) == new


def test_an_old_path_gives_the_same_module_and_says_where_it_went() -> None:
    _forget("eghnrw.rates", "eghnrw.rates.hourly")
    with pytest.warns(DeprecationWarning, match="is now") as caught:
        old = importlib.import_module("eghnrw.rates.hourly")
    assert old is hourly  # never a second copy: one class, one isinstance
    # one warning, for the subpackage the old path runs through
    assert [str(w.message).split(" (")[0] for w in caught] == ["eghnrw.rates is now eghnrw.verguetung.rates"]
    assert old.__spec__ is not None
    assert old.__spec__.name == "eghnrw.verguetung.rates.hourly"  # the module keeps its own spec


def test_from_an_old_path_import_a_name() -> None:
    _forget("eghnrw.batch")
    with pytest.warns(DeprecationWarning, match=r"eghnrw\.batch is now eghnrw\.doors\.batch"):
        from eghnrw.batch import daily_rates  # noqa: PLC0415
    assert daily_rates is batch.daily_rates


def test_an_old_path_as_an_attribute_of_the_package() -> None:
    _forget("eghnrw.tables")
    vars(eghnrw).pop("tables", None)
    with pytest.warns(DeprecationWarning, match=r"eghnrw\.tables is now eghnrw\.doors\.tables"):
        tables = eghnrw.tables
    assert tables is importlib.import_module("eghnrw.doors.tables")


def test_a_layer_gives_its_modules_as_attributes() -> None:
    code = "import eghnrw; print(eghnrw.doors.ics.__name__, eghnrw.unterkunft.wohnform.__name__)"
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["eghnrw.doors.ics", "eghnrw.unterkunft.wohnform"]


def test_a_fresh_interpreter_imports_an_old_path_with_one_warning_each() -> None:
    code = (
        "import warnings; warnings.simplefilter('always')\n"
        "import eghnrw.kdu as k, eghnrw.unterkunft.kdu as n\n"
        "print(k is n, k.kdu_check is n.kdu_check)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]
    assert done.stderr.count("DeprecationWarning: eghnrw.kdu is now eghnrw.unterkunft.kdu") == 1
