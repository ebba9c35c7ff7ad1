"""Quality gates that run inside the suite: lint, format, and import hygiene."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "il2tui"


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    ruff = shutil.which("ruff") or pytest.fail("ruff is not installed; pip install -e '.[test]'")
    return subprocess.run([ruff, *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean() -> None:
    result = _ruff("check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def _engine_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "tui" not in p.relative_to(PACKAGE).parts[:1]]


def _imports_textual(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        if any(name == "textual" or name.startswith("textual.") for name in names):
            return True
    return False


def test_engine_modules_do_not_import_textual() -> None:
    modules = _engine_modules()
    assert len(modules) > 5, "the engine modules were not found"
    leaks = [str(p.relative_to(REPO)) for p in modules if _imports_textual(p)]
    assert leaks == [], f"modules outside il2tui/tui import textual: {leaks}"


# Each command must run to completion without textual ever being imported.
HEADLESS_COMMANDS = [
    ["--version"],
    ["--help"],
    ["evidence"],
    ["evidence", "tempo", "--format", "csv"],
    ["evidence", "lookup", "--diagnosis", "renal_cell", "--course", "2", "--state", "PR"],
    ["schema"],
    ["review", "--demo", "--format", "json"],
]


@pytest.mark.parametrize("argv", HEADLESS_COMMANDS, ids=" ".join)
def test_headless_commands_never_import_textual(argv: list[str]) -> None:
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['il2', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('il2tui', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    code = exc.code or 0\n"
        "else:\n"
        "    code = 0\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL:', loaded, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = os.environ | {"PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert "TEXTUAL: []" in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
