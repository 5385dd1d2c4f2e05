"""Files written whole or not at all: interrupted runs, errors, closed pipes, full disks, the input kept safe.

The interrupted run, the closed pipe and the full disk are real processes (``python -m eghnrw``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eghnrw.doors import cli

SRC = str(Path(__file__).resolve().parents[1] / "src")
KDU = '{"kind": "kdu", "actual_costs": "700", "adequacy_limit": "500"}\n'


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def eghnrw(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "eghnrw", *args], env=env, **kwargs)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_an_interrupted_run_leaves_nothing_and_says_one_line(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(KDU * 300_000, encoding="utf-8")
    target = tmp_path / "out.csv"
    process = eghnrw("run", str(cases), "-o", str(target), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and time.monotonic() < deadline:  # results are being written
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "eghnrw: error: interrupted; no output file was written\n"
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_run_that_fails_half_way_leaves_no_file(capsys, tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text("[" + ",".join([KDU.strip()] * 3) + ",", encoding="utf-8")  # the array is never closed
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "run", str(cases), "-o", str(target))
    assert code == 2
    assert "the JSON array is not closed" in err
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_file_that_exists_is_replaced_only_when_the_new_one_is_whole(capsys, tmp_path):
    cases, target = tmp_path / "cases.json", tmp_path / "out.jsonl"
    target.write_text("the results of yesterday\n", encoding="utf-8")
    cases.write_text("[" + KDU.strip() + ",", encoding="utf-8")
    assert run(capsys, "run", str(cases), "-o", str(target))[0] == 2
    assert target.read_text(encoding="utf-8") == "the results of yesterday\n"
    cases.write_text("[" + KDU.strip() + "]", encoding="utf-8")
    assert run(capsys, "run", str(cases), "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["result"]["sgb_xii_share"] == "625.00"


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".csv", 'line,case,id,kind,reason\r\n2,1,a,kdu,"adequacy_limit: got nothing; required for kdu'),
        (".jsonl", '{"line": 1, "case": 1, "id": "a", "kind": "kdu", "refused": "adequacy_limit: got nothing;'),
    ],
)
def test_a_run_whose_every_case_is_refused_writes_the_refusals(capsys, tmp_path, suffix, expected):
    cases = tmp_path / ("cases.csv" if suffix == ".csv" else "cases.jsonl")
    if suffix == ".csv":
        cases.write_text("kind,id,actual_costs\nkdu,a,700\nkdu,b,800\n", encoding="utf-8")
    else:
        cases.write_text('{"kind": "kdu", "id": "a", "actual_costs": "700"}\n', encoding="utf-8")
    target = tmp_path / f"out{suffix}"
    code, _, err = run(capsys, "run", str(cases), "-o", str(target))
    assert code == 2
    assert "refused" in err
    assert target.read_bytes().decode("utf-8").startswith(expected)


def test_a_closed_pipe_is_no_error(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(KDU * 50_000, encoding="utf-8")
    process = eghnrw("run", str(cases), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    first = process.stdout.readline()  # as `| head -1` reads
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    assert json.loads(first)["kind"] == "kdu"
    assert (process.returncode, err) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_standard_output_gives_one_clean_line():
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device
        process = eghnrw("kdu", "--actual-costs", "700", "--adequacy-limit", "500", stdout=full, stderr=subprocess.PIPE)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err == b"eghnrw: error: cannot write the output: No space left on device\n"


def test_a_template_into_a_missing_folder_is_one_clean_line(tmp_path):
    pytest.importorskip("openpyxl")
    process = eghnrw("template", str(tmp_path / "nowhere" / "k.xlsx"), stderr=subprocess.PIPE, text=True)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    folder = tmp_path / "nowhere"
    assert err == f"eghnrw: error: cannot write {folder / 'k.xlsx'}: the folder {folder} does not exist\n"


@pytest.mark.parametrize("how", ["same name", "other spelling", "hard link", "symbolic link"])
def test_the_input_is_never_the_output(capsys, tmp_path, how):
    cases = tmp_path / "cases.csv"
    original = "kind,actual_costs,adequacy_limit\nkdu,700,500\n"
    cases.write_text(original, encoding="utf-8")
    target = {"same name": cases, "other spelling": tmp_path / "." / "cases.csv"}.get(how, tmp_path / "link.csv")
    if how == "hard link":
        os.link(cases, target)
    elif how == "symbolic link":
        target.symlink_to(cases)
    code, _, err = run(capsys, "run", str(cases), "-o", str(target))
    assert code == 2
    assert f"--output: got '{target}'; that is the input file: name another file for the output" in err
    assert cases.read_text(encoding="utf-8") == original
