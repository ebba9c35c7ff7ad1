"""The package's layers, checked by import-linter (contracts in ``pyproject.toml``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CONTRACTS = 4


def _lint_imports() -> str:
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    return found or pytest.fail("import-linter is not installed; pip install -e '.[test]'")


def test_the_layers_and_the_acyclic_contracts_hold() -> None:
    result = subprocess.run(
        [_lint_imports(), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout + result.stderr
    # Something was checked: every contract of pyproject.toml, none broken.
    assert f"Contracts: {CONTRACTS} kept, 0 broken." in out, out[-3000:]
    assert result.returncode == 0, out[-3000:]


def test_the_top_level_holds_only_the_entry_points() -> None:
    modules = sorted(p.name for p in (REPO / "il2tui").glob("*.py"))
    assert modules == ["__init__.py", "__main__.py", "review.py"]


def test_the_app_is_what_its_screens_expect() -> None:
    from il2tui.tui.app import make_app
    from il2tui.tui.host import AssistHost

    assert isinstance(make_app(), AssistHost)
