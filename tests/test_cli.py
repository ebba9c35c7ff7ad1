"""The ``il2`` command line shell: help, version, and the entry points."""

from __future__ import annotations

import os
import subprocess
import sys

from typer.testing import CliRunner

from il2tui import __version__
from il2tui.cli.main import app
from tests.conftest import REPO

runner = CliRunner()


def test_help_lists_every_subcommand() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for command in ("assist", "review", "evidence", "schema"):
        assert command in result.output


def test_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"il2 {__version__}"


def test_every_subcommand_has_help_text() -> None:
    for command in ("assist", "review", "evidence", "schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Show this message and exit." in result.output


def test_python_dash_m_runs_the_same_cli() -> None:
    env = os.environ | {"PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "il2tui", "--help"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and "review" in result.stdout
