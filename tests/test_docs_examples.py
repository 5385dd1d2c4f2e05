"""Every Python example of the docs pages runs as it stands: a page's blocks in order, as one script.

A block written as a console session (``>>>``) is run as a doctest, its printed output compared;
any other block is executed, its ``assert`` lines checked. The pages with their own test of the
output (docs/negotiation.md, docs/models.md, docs/wohnform.md) are run here too: this file only
asks that no example raises.
"""

from __future__ import annotations

import doctest
import os
import re
import warnings
from pathlib import Path

import pytest

DOCS = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs"
_BLOCK = re.compile(r"^```python\n(.*?)^```", flags=re.DOTALL | re.MULTILINE)
PAGES = sorted(p for p in DOCS.glob("*.md") if _BLOCK.search(p.read_text(encoding="utf-8"))) if DOCS.is_dir() else []


@pytest.mark.skipif(not PAGES, reason="the docs are not beside the tests")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_examples_of_the_page_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for number, block in enumerate(_BLOCK.findall(page.read_text(encoding="utf-8")), start=1):
        where = f"{page.name}, Python block {number}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a ParameterOutdatedWarning an example shows on purpose
            if block.lstrip().startswith(">>>"):
                test = doctest.DocTestParser().get_doctest(block, namespace, where, str(page), 0)
                runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
                report: list[str] = []
                runner.run(test, out=report.append, clear_globs=False)
                namespace.update(test.globs)  # a DocTest works on a copy: the next block sees its names
                assert not runner.failures, f"{where}:\n{''.join(report)}"
            else:
                exec(compile(block, where, "exec"), namespace)  # noqa: S102 - the docs' own examples
