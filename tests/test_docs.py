"""The docs: every RULES.md ID is traced to code that exists and tests that exist; the site builds strictly."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT") or Path(__file__).resolve().parents[1])
DOCS = ROOT / "docs"
SHARED_RULES = ROOT.parent / "shared" / "RULES.md"

pytestmark = pytest.mark.skipif(
    not DOCS.is_dir(), reason=f"docs/ not found under {ROOT} (e.g. tests run against the installed wheel)"
)

ROW = re.compile(r"^\|\s*([MDC]\d+)\s*\|(.*)$")


def rules_catalogue() -> Path:
    """The project-wide RULES.md beside the repository when present, else the copy in docs/."""
    return SHARED_RULES if SHARED_RULES.is_file() else DOCS / "rules.md"


def rule_ids(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := ROW.match(line))]


def traceability() -> dict[str, list[str]]:
    """ID → the cells of its row in docs/traceability.md (Source, Code, Tests, Command, Status)."""
    rows: dict[str, list[str]] = {}
    for line in (DOCS / "traceability.md").read_text(encoding="utf-8").splitlines():
        if m := ROW.match(line):
            assert m.group(1) not in rows, f"{m.group(1)} is listed twice"
            rows[m.group(1)] = [cell.strip() for cell in m.group(2).rstrip("|").split("|")]
    return rows


def resolve(dotted: str) -> object:
    """Import the longest module prefix of ``dotted``, then look up the rest as attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            target = getattr(target, name)
        return target
    raise ModuleNotFoundError(dotted)


def test_catalogue_has_all_ids() -> None:
    ids = rule_ids(rules_catalogue().read_text(encoding="utf-8"))
    expected = [f"M{i}" for i in range(1, 20)] + [f"D{i}" for i in range(1, 20)] + [f"C{i}" for i in range(1, 15)]
    assert ids == expected


def test_rules_copy_is_current() -> None:
    if not SHARED_RULES.is_file():
        pytest.skip("no RULES.md beside the repository to compare docs/rules.md with")
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == SHARED_RULES.read_text(encoding="utf-8")


def test_every_rule_is_traced() -> None:
    missing = [rule for rule in rule_ids(rules_catalogue().read_text(encoding="utf-8")) if rule not in traceability()]
    assert not missing, f"add these RULES.md IDs to docs/traceability.md: {missing}"


def test_traced_functions_resolve_and_test_files_exist() -> None:
    problems = []
    for rule, cells in traceability().items():
        assert len(cells) == 5, f"{rule}: expected Source | Code | Tests | Command | Status, got {cells}"
        _, code, tests, _, status = cells
        if status.startswith("open — "):  # not built yet: says so, and names nothing that does not exist
            continue
        names = re.findall(r"`(eghnrw(?:\.\w+)+)`", code)
        files = re.findall(r"`(tests/[\w/]+\.py)`", tests)
        if not names:
            problems.append(f"{rule}: no function named")
        if not files:
            problems.append(f"{rule}: no test file named")
        for name in names:
            try:
                target = resolve(name)
            except (ImportError, AttributeError) as exc:
                problems.append(f"{rule}: {name} does not resolve ({exc})")
                continue
            if not callable(target):
                problems.append(f"{rule}: {name} is not a function or class")
        problems += [f"{rule}: {f} does not exist" for f in files if not (ROOT / f).is_file()]
        if not re.match(r"^(done|input-only|not applicable)\b", status):
            problems.append(f"{rule}: status {status!r} is not done / input-only / not applicable / open — why")
        if status.startswith(("input-only", "not applicable")) and " — " not in status:
            problems.append(f"{rule}: status {status!r} gives no reason")
    assert not problems, "\n".join(problems)


def test_traced_commands_exist() -> None:
    from eghnrw.cli._kinds import KINDS  # noqa: PLC0415 - only this test needs the CLI

    for rule, cells in traceability().items():
        for command in re.findall(r"`([a-z-]+)`", cells[3]):
            assert command in KINDS, f"{rule}: no subcommand {command}"


def test_the_resolver_can_fail() -> None:
    with pytest.raises(AttributeError):
        resolve("eghnrw.kdu.no_such_function")
    with pytest.raises(ModuleNotFoundError):
        resolve("nosuchpackage.thing")


@pytest.mark.usefixtures("docs_toolchain")
def test_docs_build_strict(tmp_path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), "--config-file",
         str(ROOT / "mkdocs.yml")],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    assert "WARNING" not in done.stderr, done.stderr[-4000:]
    assert (site / "traceability" / "index.html").is_file()
    assert "eghnrw.rates.hourly.hourly_rate" in (site / "api" / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(site)
