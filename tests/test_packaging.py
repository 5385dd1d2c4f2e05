"""Packaging: version from metadata, the public names, data files in the package, a light import.

CI also runs this against the installed wheel with the source tree out of the way
(``EGHNRW_TEST_INSTALLED=1``), so nothing here reads paths inside the repository: package files are
found through ``importlib.resources`` and the installed package only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import pytest

import eghnrw


def _clean_env() -> dict[str, str]:
    """The environment without Python or coverage settings, which could write files of their own."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COV_CORE", "COVERAGE"))}


def _run_python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (no bytecode written, no user site, a clean cwd)."""
    env = _clean_env()
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-s", *args, "-c", code],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=True,
        timeout=120,
    )


def test_version_comes_from_the_installed_metadata():
    assert eghnrw.__version__ == version("eghnrw")
    assert isinstance(eghnrw.__version__, str)
    major, minor, patch = eghnrw.__version__.split(".")[:3]
    assert all(part.isdigit() for part in (major, minor, patch[:1]))


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'eghnrw' has no attribute 'no_such_name'"):
        _ = eghnrw.no_such_name  # type: ignore[attr-defined]


def test_all_is_sorted_unique_and_importable():
    names = eghnrw.__all__
    assert list(names) == sorted(names)
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(eghnrw, name) is not None, name


def test_contract_names_are_exported():
    # The names of DESIGN.md's "Public contract"; __all__ has more (tests/test_api.py checks it whole).
    foundation = {
        "EghnrwError",
        "InvalidInputError",
        "ParameterNotFoundError",
        "ParameterOutdatedWarning",
        "add_period",
        "add_werktage",
        "allocate",
        "is_werktag",
        "parameter",
        "round_cents",
    }
    assert foundation <= set(eghnrw.__all__)


def test_star_import_gives_exactly_all():
    namespace: dict[str, object] = {}
    exec("from eghnrw import *", namespace)  # noqa: S102 - the point of the test
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(eghnrw.__all__)


@pytest.mark.parametrize(
    "name",
    [
        "py.typed",
        "core/params/parameters.toml",
        "doors/cli/kalkulation.json",
        "doors/cli/besondere_wohnform.json",
        "unterkunft/wohnform/example_house.json",
    ],
)
def test_data_files_ship_with_the_package(name):
    resource = files("eghnrw").joinpath(*name.split("/"))
    assert resource.is_file()
    # and they sit next to the imported package, wherever it was installed
    assert (Path(eghnrw.__file__).parent / name).is_file()


def test_parameter_file_is_valid_toml_in_the_package():
    raw = tomllib.loads(files("eghnrw.core.params").joinpath("parameters.toml").read_text("utf-8"))
    assert "kgst_normalarbeitszeit" in raw


@pytest.mark.skipif(not os.environ.get("EGHNRW_TEST_INSTALLED"), reason="only in CI's run against the wheel")
def test_runs_against_the_installed_wheel_not_the_source_tree():
    package = Path(eghnrw.__file__).resolve().parent
    assert package.parent.name != "src", package  # not the repository's src/ layout
    assert not (package.parent.parent / "pyproject.toml").exists(), package


def test_import_is_light_and_writes_nothing(tmp_path):
    # Audit every file opened for writing and every file-system change during `import eghnrw`
    # (PEP 578 audit hooks); bytecode writing is off, so anything seen is eghnrw's own doing.
    code = textwrap.dedent(
        """
        import json, sys
        written = []
        WRITE = ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.replace", "os.truncate",
                 "shutil.copyfile", "shutil.rmtree", "os.symlink", "os.link")
        def hook(event, args):
            if event == "open" and len(args) > 1 and isinstance(args[1], str) and set(args[1]) & set("wax+"):
                written.append([event, str(args[0]), args[1]])
            elif event == "open" and len(args) > 2 and isinstance(args[2], int) and args[2] & 0o3:
                written.append([event, str(args[0]), args[2]])
            elif event in WRITE:
                written.append([event, str(args[0])])
        sys.addaudithook(hook)
        import eghnrw
        eghnrw.__version__
        heavy = sorted(m for m in sys.modules if m == "holidays" or m.startswith("holidays."))
        print(json.dumps({"written": written, "heavy": heavy, "file": eghnrw.__file__}))
        """
    )
    report = json.loads(_run_python(code, cwd=tmp_path).stdout)
    assert report["heavy"] == [], "holidays must be imported on first use, not by `import eghnrw`"
    assert report["written"] == []
    assert list(tmp_path.iterdir()) == []


def test_holidays_load_on_first_use(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from datetime import date
        import eghnrw
        assert "holidays" not in sys.modules
        assert eghnrw.is_werktag(date(2024, 11, 1)) is False
        print("holidays" in sys.modules)
        """
    )
    assert _run_python(code, cwd=tmp_path).stdout.strip() == "True"


def test_import_logs_nothing_and_warns_nothing(tmp_path):
    code = "import logging, eghnrw; logging.basicConfig(level=logging.DEBUG)"
    result = _run_python(code, "-W", "error", cwd=tmp_path)
    assert (result.stdout, result.stderr) == ("", "")


def test_python_m_eghnrw_prints_the_version(tmp_path):
    env = _clean_env()
    result = subprocess.run(
        [sys.executable, "-m", "eghnrw", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"eghnrw {version('eghnrw')}\n"
