"""The ``il2`` command line shell: help, version, and the entry points."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from il2tui import __version__
from il2tui.cli.main import app
from tests.commands import installed

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
    command = [sys.executable, "-m", "il2tui", "--help"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and "review" in result.stdout


def test_the_installed_il2_command_runs() -> None:
    """The console script pip wrote (not the module on a forced path) answers --version."""
    result = subprocess.run([installed("il2"), "--version"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"il2 {__version__}"
