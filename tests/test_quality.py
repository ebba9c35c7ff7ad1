"""Quality gates that run inside the suite: lint, format, and import hygiene."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "il2tui"


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    """The ruff of this interpreter's environment (the pinned one), never another on PATH."""
    if importlib.util.find_spec("ruff") is None:
        pytest.fail("ruff is not installed; pip install -e '.[test]'")
    command = [sys.executable, "-m", "ruff", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean() -> None:
    result = _ruff("check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


# That no module outside il2tui/tui imports Textual is an import-linter contract
# (tests/test_architecture.py); here, that no headless command loads it at run time.


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


def _loaded_after(argv: list[str], packages: tuple[str, ...]) -> list[str]:
    """Run ``il2 ARGV`` in a fresh interpreter; which of ``packages`` it imported."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['il2', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('il2tui', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    code = exc.code or 0\n"
        "else:\n"
        "    code = 0\n"
        f"loaded = sorted({{m.partition('.')[0] for m in sys.modules}} & set({packages!r}))\n"
        "print('LOADED:', loaded, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    # The package as installed in this environment (editable in development, the wheel in
    # CI's check of it), not a path forced onto sys.path.
    command = [sys.executable, "-c", probe]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stderr.splitlines() if x.startswith("LOADED: "))
    return ast.literal_eval(line.removeprefix("LOADED: "))


@pytest.mark.parametrize("argv", HEADLESS_COMMANDS, ids=" ".join)
def test_headless_commands_never_import_textual(argv: list[str]) -> None:
    assert _loaded_after(argv, ("textual",)) == []


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "csv"])
def test_a_review_imports_no_scientific_stack(fmt: str) -> None:
    """Exact intervals are plain Python: a review needs neither SciPy nor pandas (issue 15)."""
    assert _loaded_after(["review", "--demo", "--format", fmt], ("scipy", "numpy", "pandas")) == []
