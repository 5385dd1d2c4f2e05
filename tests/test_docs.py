"""The docs: every RULES.md ID is traced to code that exists and tests that exist; the site builds strictly."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import types
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


@functools.cache
def generator() -> types.ModuleType:
    """docs/_traceability.py, the generator of the traceability table (and the site's hook)."""
    spec = importlib.util.spec_from_file_location("_traceability", DOCS / "_traceability.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


@functools.cache
def traceability() -> dict[str, list[str]]:
    """ID → the cells of its row in the generated table (Source, Code, Tests, Command, Status)."""
    rows: dict[str, list[str]] = {}
    for line in generator().table(ROOT).splitlines():
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
    assert not missing, f"declare a rule with these RULES.md IDs or add them to docs/_traceability.toml: {missing}"


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
    from eghnrw.doors.cli._kinds import KINDS  # noqa: PLC0415 - only this test needs the CLI

    for rule, cells in traceability().items():
        for command in re.findall(r"`([a-z-]+)`", cells[3]):
            assert command in KINDS, f"{rule}: no subcommand {command}"


def test_each_declared_rule_is_in_the_rows_of_its_ids() -> None:
    from eghnrw.core._rule import declarations  # noqa: PLC0415 - loads every rule module

    missing = [
        f"{declared.name} ({rule_id})"
        for declared in declarations().values()
        for rule_id in declared.ids
        if f"`{declared.module}.{declared.name}`" not in traceability()[rule_id][1]
    ]
    assert not missing


def test_a_row_is_made_from_the_declarations_and_the_hand_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # two real declarations only: a rule added later for M6 or M19 must not change this example
    import eghnrw.core._rule  # noqa: PLC0415 - the registry the generator reads

    real = eghnrw.core._rule.declarations()
    chosen = {key: d for key, d in real.items() if d.name in {"shared_delivery", "kursgebuehr"}}
    assert len(chosen) == 2
    monkeypatch.setattr(eghnrw.core._rule, "declarations", lambda: chosen)
    (tmp_path / "docs").mkdir()
    (tmp_path / "tests" / "property").mkdir(parents=True)
    (tmp_path / "docs" / "rules.md").write_text(
        "# Catalogue\n\n## Money\n| ID | Source | Rule |\n|---|---|---|\n"
        "| M6 | LRV A.4.5 Abs. 1 | shared |\n| M19 | LRV B.4.10 Abs. 3 | Kursgebühr |\n\n"
        "## Checks and models\n| ID | Source | Rule |\n|---|---|---|\n| C9 | LRV preamble | parties |\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "_traceability.toml").write_text(
        '[M19]\ntests = ["tests/test_extra.py"]\n\n'
        '[C9]\ncode = ["eghnrw.kommission.models.party.parties"]\nstatus = "input-only — why"\n',
        encoding="utf-8",
    )
    (tmp_path / "tests" / "property" / "test_a.py").write_text("e.kursgebuehr(recognised_fee='1')\n", encoding="utf-8")
    (tmp_path / "tests" / "test_b.py").write_text("kursgebuehr = 1; kursgebuehr_total(2)\n", encoding="utf-8")
    (tmp_path / "tests" / "helpers.py").write_text("kursgebuehr(recognised_fee='1')\n", encoding="utf-8")
    header = "| ID | Source | Code | Tests | Command | Status |\n|---|---|---|---|---|---|\n"
    # M6: shared_delivery's declared clauses, "LRV" written once for its run; called by no test file.
    # M19: kursgebuehr called in tests/property/test_a.py (not in test_b.py, which only names it, nor
    # in helpers.py, no test file), and the hand-kept test file; C9: no declared rule, all by hand.
    assert generator().table(tmp_path) == (
        "## Money\n\n" + header
        + "| M6 | § 116 Abs. 2 SGB IX, LRV A.4.5 Abs. 1, B.4.2 Abs. 3 "
        "| `eghnrw.verguetung.rates.shared.shared_delivery` | — | `shared-delivery` | done |\n"
        "| M19 | LRV B.4.10 Abs. 3 | `eghnrw.verguetung.rates.courses.kursgebuehr` "
        "| `tests/property/test_a.py`, `tests/test_extra.py` | `kursgebuehr` | done |\n\n"
        "## Checks and models\n\n" + header
        + "| C9 | LRV preamble | `eghnrw.kommission.models.party.parties` | — | — | input-only — why |\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("entry", "message"),
    [("[M99]\nstatus = 'done'\n", "M99 is not an ID"), ("[M6]\nstauts = 'done'\n", r"unknown keys \['stauts'\]")],
)
def test_the_hand_part_refuses_an_unknown_id_or_key(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rules.md").write_text("## Money\n| M6 | LRV A.4.5 Abs. 1 | shared |\n", encoding="utf-8")
    (tmp_path / "docs" / "_traceability.toml").write_text(entry, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        generator().hand_part(tmp_path)


def test_the_site_shows_the_generated_table_in_place_of_the_marker() -> None:
    hook = generator()
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="traceability.md"))
    text = (DOCS / "traceability.md").read_text(encoding="utf-8")
    assert text.count(hook.MARKER) == 1
    assert not rule_ids(text)  # no hand-kept row left on the page
    shown = hook.on_page_markdown(text, page=page)
    assert shown == text.replace(hook.MARKER, hook.table(ROOT))
    other = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="index.md"))
    assert hook.on_page_markdown(hook.MARKER, page=other) == hook.MARKER
    with pytest.raises(ValueError, match="has lost the line"):
        hook.on_page_markdown("# Traceability\n", page=page)


def test_the_resolver_can_fail() -> None:
    with pytest.raises(AttributeError):
        resolve("eghnrw.unterkunft.kdu.no_such_function")
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
    assert "eghnrw.verguetung.rates.hourly.hourly_rate" in (site / "api" / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(site)
