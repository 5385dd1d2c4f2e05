"""The public surface: ``eghnrw.__all__`` is sorted, complete, importable and typed.

Names other than errors, money and calendar are exported lazily; the ``TYPE_CHECKING`` block
that tells type checkers where they come from must say the same as the run-time table.
"""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys

import pytest

import eghnrw


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(inspect.getsource(eghnrw))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {
        alias.asname or alias.name: node.module or ""
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_all_is_sorted_and_unique() -> None:
    assert eghnrw.__all__ == sorted(set(eghnrw.__all__))


@pytest.mark.parametrize("name", eghnrw.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(eghnrw, name)
    assert value is not None
    if name != "ServiceModule":  # a typing.Annotated union: its __module__ is typing's
        assert getattr(value, "__module__", "eghnrw").startswith("eghnrw")


def test_lazy_table_matches_type_checking_block() -> None:
    assert _type_checking_imports() == eghnrw._LAZY


def test_every_public_name_is_eager_or_lazy() -> None:
    eager = {name for name in eghnrw.__all__ if name in vars(eghnrw) and name not in eghnrw._LAZY}
    assert eager | set(eghnrw._LAZY) == set(eghnrw.__all__)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = eghnrw.no_such_name  # type: ignore[attr-defined]


def test_dir_lists_the_public_names() -> None:
    assert set(eghnrw.__all__) <= set(dir(eghnrw))


def test_import_builds_no_pydantic_model() -> None:
    code = "import sys, eghnrw; print(sorted(m for m in sys.modules if m.startswith(('pydantic.main', 'holidays'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pydantic.main" not in out
    assert "holidays" not in out
